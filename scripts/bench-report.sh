#!/usr/bin/env bash
# Times the PDF report against what advisers do today: LibreOffice converting a filled-in
# office document to PDF. Builds `benches/report.rs` in release and runs it (median render
# time and size of the full report), which also writes the same text as an HTML document;
# then installs LibreOffice Writer with apt-get if missing and times
# `libreoffice --headless --convert-to pdf` on that document. Prints both times, both sizes
# and the ratio. Asserts nothing: figures only (budget: ≤ 150 ms and ≤ 300 KB).
set -euo pipefail
cd "$(dirname "$0")/.."

out=target/bench-report
rm -rf "$out"
mkdir -p "$out"

MAMORI_BENCH_OUT="$out" cargo bench --locked --bench report | tee "$out/mamori.txt"

if ! command -v libreoffice >/dev/null 2>&1 && ! command -v soffice >/dev/null 2>&1; then
  echo "bench-report: installing LibreOffice Writer"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  if ! DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
      libreoffice-writer-nogui >/dev/null; then
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
      libreoffice-writer >/dev/null
  fi
fi
lo=$(command -v libreoffice || command -v soffice)

# The bundled Japanese font, made visible to LibreOffice through a private fontconfig file
# (otherwise the Japanese text would be drawn with a fallback font or as empty boxes).
cat >"$out/fonts.conf" <<CONF
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>$PWD/assets/fonts</dir>
  <cachedir>$PWD/$out/fontcache</cachedir>
</fontconfig>
CONF
export FONTCONFIG_FILE="$PWD/$out/fonts.conf"

# A private profile, created once before timing (the first start of a fresh profile is slow).
profile="$out/lo-profile"
lo_run() {
  "$lo" -env:UserInstallation="file://$PWD/$profile" --headless --norestore \
    --convert-to pdf --outdir "$out/lo" "$out/kohazeya.html" >/dev/null 2>&1
}
lo_run
times=()
for _ in 1 2 3 4 5; do
  start=$(date +%s%N)
  lo_run
  end=$(date +%s%N)
  times+=($(((end - start) / 1000000)))
done
lo_ms=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 3p)
lo_kb=$(($(stat -c %s "$out/lo/kohazeya.pdf") / 1024))

mamori_line=$(grep "report: kohazeya ja:" "$out/mamori.txt")
mamori_ms=$(sed -E 's/.*median ([0-9.]+) ms.*/\1/' <<<"$mamori_line")
mamori_kb=$(sed -E 's/.*runs\), ([0-9]+) KB.*/\1/' <<<"$mamori_line")

echo
echo "bench-report: the kohazeya report (ja), median of runs on this machine:"
printf '  mamori (printpdf, in process): %8.1f ms  %5d KB\n' "$mamori_ms" "$mamori_kb"
printf '  LibreOffice headless convert:  %8d ms  %5d KB  (%s, median of 5, process start included)\n' \
  "$lo_ms" "$lo_kb" "$("$lo" --version 2>/dev/null | head -1 | cut -d' ' -f1-2)"
awk -v a="$lo_ms" -v b="$mamori_ms" 'BEGIN { if (b > 0) printf "  ratio: LibreOffice takes %.0fx as long\n", a / b }'
