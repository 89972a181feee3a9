#!/usr/bin/env bash
# Builds the Windows packages (scripts/package.sh windows) and tries them under Wine + Xvfb:
# installs the setup.exe silently (/S) in a fresh Wine prefix, runs the command-line commands
# through the installed mamori-cli.exe in a folder with a Japanese name, takes a screenshot of
# every page with the installed mamori.exe, starts the program as a user would (Ctrl+O shows
# the Open dialog, Alt+F4 closes it, its settings land under AppData), opens a check and shows
# the Save dialog, then uninstalls silently and checks that the assessments are still there.
# Fails on an error, a missing file, a missing window or an empty image. Screenshots go to
# target/windows-smoke/. Not run by .ci/run (a cold Windows build takes about 27 minutes); see
# docs/packaging.md. Under Wine only, a small bcryptprimitives.dll (ProcessPrng, which Wine 8
# lacks and every Windows 10/11 has) is put into the test prefix's system32; it is never shipped.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
t_start=$SECONDS
times=()
lap() { times+=("$(printf '%-40s %5d s' "$1" $((SECONDS - t_lap)))"); t_lap=$SECONDS; }
fail() { echo "windows-smoke: FAILED: $*" >&2; exit 1; }
ok() { echo "windows-smoke: ok $*"; }

pkgs=(wine64 xvfb xauth xdotool imagemagick icoutils python3 libgl1-mesa-dri gcc-mingw-w64-x86-64)
missing=()
for p in "${pkgs[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  echo "windows-smoke: installing ${missing[*]}"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

t_lap=$SECONDS
bash scripts/package.sh windows
lap "package.sh windows"
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
setup=dist/mamori-$version-windows-x86_64-setup.exe
[ -s "$setup" ] || fail "$setup was not written"

out=target/windows-smoke
rm -rf "$out"
mkdir -p "$out"

# The icon is in the program's resources.
wrestool -l "target/package/mamori-$version-windows-x86_64/mamori.exe" > "$out/resources.txt"
grep -q -- '--type=14' "$out/resources.txt" || fail "mamori.exe has no icon resource"
ok "mamori.exe carries its icon: $(grep -c -- '--type=3' "$out/resources.txt") sizes"

# --- a fresh Wine prefix on its own X server -------------------------------------------------------
# Wine links the prefix's Documents and Desktop to $HOME and writes menu entries for the
# shortcuts into ~/.local/share: a home of its own keeps the test out of the real one.
export HOME=$root/target/wine-home
rm -rf "$HOME"
mkdir -p "$HOME"
export WINEPREFIX=$root/target/wineprefix WINEDEBUG=-all
export WINEDLLOVERRIDES="mscoree,mshtml=;winemenubuilder.exe=d"
export LIBGL_ALWAYS_SOFTWARE=1
wine=/usr/lib/wine/wine64
[ -x "$wine" ] || wine=$(command -v wine64 || command -v wine)
wineserver=$(command -v wineserver || echo /usr/lib/wine/wineserver64)
rm -rf "$WINEPREFIX"
Xvfb -displayfd 3 -screen 0 1280x900x24 -nolisten tcp 3>"$out/display" 2>/dev/null &
xvfb_pid=$!
cleanup() { "$wineserver" -k 2>/dev/null || true; kill "$xvfb_pid" 2>/dev/null || true; }
trap cleanup EXIT
for _ in $(seq 50); do [ -s "$out/display" ] && break; sleep 0.1; done
DISPLAY=:$(head -n 1 "$out/display")
export DISPLAY
"$wine" wineboot -i >/dev/null 2>&1
"$wineserver" -w
cat > "$out/shim.c" <<'C'
#include <windows.h>
#include <ntsecapi.h>
BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) {
    while (len > 0) {
        ULONG chunk = len > 0x10000000 ? 0x10000000 : (ULONG)len;
        if (!RtlGenRandom(data, chunk)) return FALSE;
        data += chunk; len -= chunk;
    }
    return TRUE;
}
C
printf 'LIBRARY bcryptprimitives\nEXPORTS\n  ProcessPrng\n' > "$out/shim.def"
x86_64-w64-mingw32-gcc -O2 -shared -o "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" \
  "$out/shim.c" "$out/shim.def" -ladvapi32
lap "Wine prefix"

# --- silent install --------------------------------------------------------------------------------
# A new Wine 8 prefix says it is Windows 7, which the installer refuses (it needs Windows 10,
# as the Rust standard library does): make the prefix Windows 10 first.
"$wine" winecfg -v win10
"$wineserver" -w
"$wine" "$setup" /S
"$wineserver" -w
user_dir=$WINEPREFIX/drive_c/users/$(id -un)
inst=$user_dir/AppData/Local/Programs/mamori
for f in mamori.exe mamori-cli.exe uninstall.exe README.txt LICENSE-MIT.txt LICENSE-APACHE.txt \
    THIRD-PARTY-LICENSES.txt OFL.txt; do
  [ -s "$inst/$f" ] || fail "the installer did not write $inst/$f"
done
menu=$user_dir/AppData/Roaming/Microsoft/Windows/Start\ Menu/Programs
[ -f "$menu/mamori 守り.lnk" ] || fail "no Start-menu shortcut in $menu"
"$wine" reg query 'HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\mamori' > "$out/uninstall-key.txt" 2>&1 \
  || fail "no uninstall entry in the registry"
grep -q DisplayVersion "$out/uninstall-key.txt" || fail "the uninstall entry has no version"
ok "silent install into $(basename "$(dirname "$inst")")/mamori, Start-menu shortcut, uninstall entry"
lap "silent install"

# --- the command line, in a folder with a Japanese name ---------------------------------------------
cli() { "$wine" "$inst/mamori-cli.exe" "$@"; }
docs="$user_dir/Documents/取引先 チェック"
mkdir -p "$docs"
wdocs=$("$wine" winepath -w "$docs" 2>/dev/null | tr -d '\r')
cd "$docs"
cli --version | tee "$root/$out/version.txt" | grep -q "mamori $version" || fail "mamori-cli --version"
cli new --out 自社.ron --company "株式会社テスト" --date 2026-12-01 > "$root/$out/new.txt"
[ -s 自社.ron ] || fail "new did not write 自社.ron"
cli answer 自社.ron quick.rules no --note "規程はまだない" > /dev/null
cli answer 自社.ron quick.pc yes > /dev/null
cli score 自社.ron > "$root/$out/score-ja.txt"
grep -q "要対策\|要改善\|良好" "$root/$out/score-ja.txt" || fail "score printed no band in Japanese"
cli score 自社.ron --lang en --json > "$root/$out/score.json"
python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$root/$out/score.json" || fail "score --json is not JSON"
cli report 自社.ron --out 報告書.pdf > /dev/null
head -c 5 報告書.pdf | grep -q '%PDF-' || fail "report did not write a PDF"
cli export 自社.ron --csv 弱いところ.csv > /dev/null
[ -s 弱いところ.csv ] || fail "export did not write the CSV"
# A passphrase file written by Notepad: CRLF line end.
printf 'あいことば 2026\r\n' > 合言葉.txt
cli encrypt 自社.ron 自社-暗号化.ron --passphrase-file 合言葉.txt > "$root/$out/encrypt.txt"
cli score 自社-暗号化.ron --passphrase-file 合言葉.txt > "$root/$out/score-encrypted.txt"
cmp -s "$root/$out/score-ja.txt" "$root/$out/score-encrypted.txt" || fail "the encrypted file scores differently"
printf 'あいことば 2026\n' > 合言葉-lf.txt
cli score 自社-暗号化.ron --passphrase-file 合言葉-lf.txt > /dev/null || fail "the LF passphrase file does not open the CRLF-encrypted file"
ok "new, answer, score (ja, en JSON), report, export, encrypt, score of the encrypted file (CRLF passphrase)"

# Paths in messages are shown the Windows way (backslashes), also for a missing file.
if cli score "$wdocs\\無い.ron" > /dev/null 2> "$root/$out/missing.txt"; then fail "score of a missing file succeeded"; fi
grep -qF "$wdocs\\無い.ron" "$root/$out/missing.txt" || fail "the message does not name the path the Windows way: $(cat "$root/$out/missing.txt")"
grep -qF "$wdocs/" "$root/$out/missing.txt" && fail "a path with a forward slash: $(cat "$root/$out/missing.txt")"
ok "messages name paths the Windows way: $(head -n 1 "$root/$out/missing.txt")"

# A closed pipe (| head) ends quietly, through the console program and the GUI program alike.
for exe in mamori-cli.exe mamori.exe; do
  "$wine" "$inst/$exe" list 2> "$root/$out/pipe-$exe.txt" | head -n 2 > /dev/null
  if [ -s "$root/$out/pipe-$exe.txt" ]; then fail "$exe list | head printed: $(cat "$root/$out/pipe-$exe.txt")"; fi
done
ok "list | head ends without an error message"
cd "$root"
lap "command line"

# --- a screenshot of every page, by the installed program ------------------------------------------
check_png() {
  python3 - "$1" <<'PY'
import struct, sys, zlib
path = sys.argv[1]
data = open(path, "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
w, h, depth, ctype = struct.unpack(">IIBB", data[16:26])
assert depth == 8 and ctype in (2, 6), f"unexpected PNG format: depth {depth}, colour type {ctype}"
bpp = 3 if ctype == 2 else 4
assert w >= 400 and h >= 300, f"too small: {w}x{h}"
idat, i = b"", 8
while i < len(data):
    n = struct.unpack(">I", data[i:i+4])[0]
    if data[i+4:i+8] == b"IDAT":
        idat += data[i+8:i+8+n]
    i += 12 + n
raw = zlib.decompress(idat)
stride = w * bpp + 1
colours = set()
for y in range(0, h, max(1, h // 60)):
    row = raw[y*stride+1:(y+1)*stride]
    for x in range(0, w, max(1, w // 80)):
        colours.add(row[x*bpp:x*bpp+bpp])
assert len(colours) > 8, f"the image is (nearly) empty: {len(colours)} colours"
print(f"{w}x{h}, {len(colours)} colours sampled")
PY
}
# Every page the program can show, as its own help lists them (`--screen`'s possible values).
screens=$(cli --help | tr -d '\r' | awk '/^ *--screen /{s=1; next} s && /^ *--/{s=0}
  s && /^ *- [a-z0-9-]+:/{sub(/^ *- /, ""); sub(/:.*/, ""); print}')
[ "$(echo "$screens" | wc -w)" -ge 7 ] || fail "mamori-cli --help lists too few pages for --screen: $screens"
for lang in ja en; do
  for screen in $screens; do
    png=$out/$screen-$lang.png
    wpng=$("$wine" winepath -w "$root/$png" 2>/dev/null | tr -d '\r')
    timeout 180 "$wine" "$inst/mamori.exe" --screenshot "$wpng" --screen "$screen" --lang "$lang" \
      > "$out/shot.txt" 2>&1 || fail "$screen ($lang) under Wine: $(cat "$out/shot.txt")"
    info=$(check_png "$png") || fail "$png is empty or not a PNG"
    ok "$png $info"
  done
done
lap "screenshots ($(echo "$screens" | wc -w) pages, ja and en)"

# Prints the id of the first window whose title matches the regex $1, waiting up to $2 seconds.
wait_for_window() {
  local id
  for _ in $(seq "$2"); do
    id=$(xdotool search --name "$1" 2>/dev/null | head -n 1) && [ -n "$id" ] && { echo "$id"; return 0; }
    sleep 1
  done
  return 1
}

# --- start the installed program as a user would, close it with Alt+F4; its settings go under AppData
roaming=$user_dir/AppData/Roaming/mamori
"$wine" "$inst/mamori.exe" > "$out/run.txt" 2>&1 &
app_pid=$!
win=$(wait_for_window "mamori 守り" 60) \
  || fail "the installed program showed no window within 60 s: $(cat "$out/run.txt")"
sleep 3
import -window root "$out/running.png"
check_png "$out/running.png" > /dev/null || fail "the running program's window is empty"
# Ctrl+O shows Windows' own Open dialog (rfd), not the typed-path prompt of a Linux system
# without a portal; Escape cancels it.
xdotool windowfocus --sync "$win"
xdotool key --clearmodifiers ctrl+o
dialog=$(wait_for_window "診断ファイルを開く|Open an assessment file" 30) \
  || fail "Ctrl+O showed no Open dialog within 30 s"
sleep 2
import -window root "$out/open-dialog.png"
xdotool windowfocus --sync "$dialog"
xdotool key --clearmodifiers Escape
for _ in $(seq 20); do xdotool search --name "診断ファイルを開く|Open an assessment file" >/dev/null 2>&1 || break; sleep 1; done
ok "Ctrl+O opened the Windows Open dialog (open-dialog.png); Escape closed it"
# eframe writes the preferences when the window closes (and every 30 s while it repaints).
xdotool windowfocus --sync "$win"
xdotool key --clearmodifiers alt+F4
for _ in $(seq 30); do kill -0 "$app_pid" 2>/dev/null || break; sleep 1; done
kill -0 "$app_pid" 2>/dev/null && fail "the program did not close on Alt+F4"
find "$roaming" -type f > "$out/appdata.txt" 2>/dev/null || true
[ -s "$out/appdata.txt" ] || fail "the program wrote nothing under $roaming when it closed"
"$wineserver" -w
ok "the installed program ran, closed on Alt+F4 and keeps its settings in AppData\\Roaming\\mamori: $(sed "s#$roaming/##" "$out/appdata.txt" | tr '\n' ' ')"
lap "start and close the installed program"

# --- Save as: an open check, Ctrl+Shift+S, Windows' own Save dialog ----------------------------
"$wine" "$inst/mamori.exe" --open "$wdocs\\自社.ron" > "$out/run-open.txt" 2>&1 &
app_pid=$!
win=$(wait_for_window "mamori 守り" 60) || fail "mamori.exe --open showed no window: $(cat "$out/run-open.txt")"
sleep 3
xdotool windowfocus --sync "$win"
xdotool key --clearmodifiers ctrl+shift+s
dialog=$(wait_for_window "名前を付けて保存|Save as" 30) || fail "Ctrl+Shift+S showed no Save dialog within 30 s"
sleep 2
import -window root "$out/save-dialog.png"
xdotool windowfocus --sync "$dialog"
xdotool key --clearmodifiers Escape
sleep 2
xdotool windowfocus --sync "$win"
xdotool key --clearmodifiers alt+F4
for _ in $(seq 30); do kill -0 "$app_pid" 2>/dev/null || break; sleep 1; done
kill -0 "$app_pid" 2>/dev/null && fail "the program with an open check did not close on Alt+F4"
"$wineserver" -w
ok "--open 自社.ron, Ctrl+Shift+S opened the Windows Save dialog (save-dialog.png)"
lap "Save as dialog"

# --- silent uninstall: the program goes, the assessments stay -------------------------------------
"$wine" "$inst/uninstall.exe" /S
"$wineserver" -w
[ ! -e "$inst/mamori.exe" ] || fail "the uninstaller left mamori.exe"
[ ! -e "$menu/mamori 守り.lnk" ] || fail "the uninstaller left the Start-menu shortcut"
[ -s "$docs/自社.ron" ] || fail "the uninstaller removed the user's assessment"
[ -d "$roaming" ] || fail "the uninstaller removed $roaming"
ok "silent uninstall removed the program and kept the assessments and settings"
lap "silent uninstall"

echo "windows-smoke: passed in $((SECONDS - t_start)) s; screenshots in $out/"
for line in "${times[@]}"; do echo "  $line"; done
