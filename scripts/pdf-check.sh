#!/usr/bin/env bash
# Checks sample PDF reports with independent readers: qpdf (structure), pdffonts (every font
# embedded and subset), pdftotext (the text comes back: Japanese headings, company name,
# private notes only in the adviser's copy). Installs qpdf and poppler-utils with apt-get when
# missing. Uses the debug binary (`cargo build`); samples go to target/pdf-check/.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v qpdf >/dev/null 2>&1 || missing+=(qpdf)
{ command -v pdffonts >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1; } || missing+=(poppler-utils)
if [ ${#missing[@]} -gt 0 ]; then
  echo "pdf-check: installing ${missing[*]}"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  if ! DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null; then
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
fi

cargo build --locked
bin=target/debug/mamori
out=target/pdf-check
rm -rf "$out"
mkdir -p "$out"

# An assessment with every scored question answered "no" (screening "yes", so every
# checklist applies): the longest report.
allno="$out/all-no.ron"
"$bin" new --out "$allno" --company "全部いいえ株式会社" --assessor "検査" --date 2026-11-22 >/dev/null
"$bin" list | awk '
  /^\[/ { screening = ($NF == "(screening)") }
  /^ [! ] [a-z_0-9]+\.[a-z_0-9]+ / { id = ($1 == "!") ? $2 : $1; print id, (screening ? "yes" : "no") }
' | while read -r id value; do
  "$bin" answer "$allno" "$id" "$value" >/dev/null
done

kohazeya=examples/workshop/kohazeya.ron
"$bin" report "$kohazeya" --out "$out/ja.pdf" --lang ja >/dev/null
"$bin" report "$kohazeya" --out "$out/en.pdf" --lang en >/dev/null
"$bin" report "$kohazeya" --out "$out/adviser.pdf" --lang ja --adviser-copy >/dev/null
"$bin" report "$allno" --out "$out/all-no.pdf" --lang ja >/dev/null

fail=0
bad() {
  echo "pdf-check: FAILED: $*"
  fail=1
}
expect_text() { # file, text
  grep -qF -- "$2" "$1.txt" || bad "$(basename "$1"): text '$2' not found by pdftotext"
}

for f in ja en adviser all-no; do
  pdf="$out/$f.pdf"
  qpdf --check "$pdf" >"$out/$f.qpdf.txt" 2>&1 || bad "$f.pdf: qpdf --check: $(tail -3 "$out/$f.qpdf.txt")"
  # pdffonts: skip the two header lines; columns from the right: object ID (2), uni, sub, emb.
  pdffonts "$pdf" | tail -n +3 >"$out/$f.fonts.txt"
  [ -s "$out/$f.fonts.txt" ] || bad "$f.pdf: pdffonts lists no font"
  while read -r line; do
    name=${line%% *}
    read -r -a cols <<<"$line"
    n=${#cols[@]}
    emb=${cols[$((n - 5))]} sub=${cols[$((n - 4))]}
    [ "$emb" = yes ] || bad "$f.pdf: font $name is not embedded"
    [ "$sub" = yes ] || bad "$f.pdf: font $name is not a subset"
    [[ "$name" =~ ^[A-Z]{6}\+ ]] || bad "$f.pdf: font $name has no ABCDEF+ subset prefix"
  done <"$out/$f.fonts.txt"
  pdftotext -enc UTF-8 "$pdf" "$out/$f.txt"
  # Metadata: dates of the day it was written (not 1970), mamori as producer, no PDF/X claim.
  pdfinfo -isodates "$pdf" >"$out/$f.info.txt"
  grep -q "^Producer: *mamori " "$out/$f.info.txt" || bad "$f.pdf: Producer is not 'mamori VERSION'"
  grep -q "^Creator: *mamori " "$out/$f.info.txt" || bad "$f.pdf: Creator is not 'mamori VERSION'"
  grep -q "^Title: *[^ ]" "$out/$f.info.txt" || bad "$f.pdf: no Title"
  for key in CreationDate ModDate; do
    grep -Eq "^$key: *20[0-9][0-9]-" "$out/$f.info.txt" || bad "$f.pdf: $key missing or not a current date"
  done
  if grep -qi "PDF/X\|GTS_PDFX" "$out/$f.info.txt" || grep -aq "GTS_PDFX" "$pdf"; then
    bad "$f.pdf: claims PDF/X conformance"
  fi
  # A glyph pdftotext cannot map comes out as 0x1B: every character must be a real one.
  if grep -q $'\x1b' "$out/$f.txt"; then
    bad "$f.pdf: pdftotext found unmapped glyphs (0x1B)"
  fi
  size=$(stat -c %s "$pdf")
  pages=$(grep -c $'\f' "$out/$f.txt" || true)
  echo "pdf-check: $f.pdf: $((size / 1024)) KB, $pages pages, fonts: $(cut -d' ' -f1 "$out/$f.fonts.txt" | tr '\n' ' ')"
  [ "$size" -lt $((300 * 1024)) ] || bad "$f.pdf: $((size / 1024)) KB, over 300 KB"
  # The page budget of the worst case (every checklist applies, every answer no), in Japanese.
  if [ "$f" = all-no ] && [ "$pages" -gt 16 ]; then
    bad "all-no.pdf: $pages pages, over the budget of 16"
  fi
done

for f in ja adviser all-no; do
  for heading in "営業秘密・知財連携 自己点検レポート" "判定" "まず取り組むこと(上位3つ)" "1. 点数のグラフ" \
    "2. 行動計画(取り組みごと)" "5. 無料の相談窓口" "営業秘密110番" "03-3581-1101"; do
    expect_text "$out/$f" "$heading"
  done
done
expect_text "$out/ja" "こはぜ屋"
expect_text "$out/ja" "事例01 秘密情報管理の失敗"
expect_text "$out/all-no" "全部いいえ株式会社"
expect_text "$out/en" "Trade secret and IP partnership self-check report"
expect_text "$out/en" "2. Action plan (by action)"
expect_text "$out/en" "Case 01: Failure in managing confidential information"
expect_text "$out/en" "こはぜ屋"
expect_text "$out/adviser" "7. アドバイザーの非公開メモ"
if grep -qF "アドバイザーの非公開メモ" "$out/ja.txt"; then
  bad "ja.pdf: the company's copy shows the private-notes section"
fi

if [ "$fail" != 0 ]; then
  exit 1
fi
echo "pdf-check: ok (qpdf, pdffonts, pdftotext on 4 sample reports)"
