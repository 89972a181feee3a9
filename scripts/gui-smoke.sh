#!/usr/bin/env bash
# Opens the mamori binary in a real X window (Xvfb + Mesa llvmpipe) for every page that
# `--screen` offers (read from `mamori --help`), in Japanese and English, at 100 % and 200 %
# text size, saves a screenshot of each (`mamori --screenshot`), and fails on a crash or an
# empty image. Installs what it needs with apt-get. Screenshots go
# to target/screenshots/. Uses the debug binary that `cargo test` has already built (CI), or
# the release binary with MAMORI_PROFILE=release (for the README's pictures and benchmarks).
set -euo pipefail
cd "$(dirname "$0")/.."

pkgs=(xvfb xauth libxcursor1 libxi6 libxkbcommon-x11-0 libegl1 libegl-mesa0 libgl1-mesa-dri python3)
missing=()
for p in "${pkgs[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "gui-smoke: installing ${missing[*]}"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

profile="${MAMORI_PROFILE:-debug}"
if [ "$profile" = release ]; then
  cargo build --release --locked
else
  cargo build --locked
fi
bin="target/$profile/mamori"
out=target/screenshots
mkdir -p "$out"
rm -f "$out"/*.png

# Every page `--screen` accepts, from the binary's own help, so a new page is never missed.
screens=$("$bin" -h | python3 -c '
import re, sys
text = sys.stdin.read()
m = re.search(r"--screen <SCREEN>.*?\[possible values: ([^\]]+)\]", text, re.S)
print(" ".join(v.strip() for v in m.group(1).replace("\n", " ").split(",")) if m else "")
')
if [ "$(wc -w <<<"$screens")" -lt 11 ]; then
  echo "gui-smoke: FAILED: could not read the pages from '$bin --help' (got: $screens)"
  exit 1
fi
echo "gui-smoke: pages: $screens"

fail=0
# One X server for all the screenshots (starting one per picture costs seconds each).
export bin out screens
timeout 900 xvfb-run -a -s "-screen 0 1280x900x24" bash -c '
  for size in 100 200; do
    for lang in ja en; do
      for screen in $screens; do
        png="$out/$screen-$lang-$size.png"
        [ "$size" = 100 ] && png="$out/$screen-$lang.png"
        rm -f "$png"
        LIBGL_ALWAYS_SOFTWARE=1 timeout 120 "$bin" --screenshot "$png" --screen "$screen" \
          --lang "$lang" --text-size "$size" \
          || echo "gui-smoke: FAILED: $screen ($lang, $size %) crashed or timed out (exit $?)"
      done
    done
  done' | tee "$out/run.log"
grep -q FAILED "$out/run.log" && fail=1

for png in "$out"/*.png; do
    # The image must exist, be a PNG of a sensible size, and not be one flat colour.
    if ! python3 - "$png" <<'PY'
import struct, sys, zlib
path = sys.argv[1]
data = open(path, "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
w, h = struct.unpack(">II", data[16:24])
assert w >= 400 and h >= 300, f"too small: {w}x{h}"
idat = b""
i = 8
while i < len(data):
    n = struct.unpack(">I", data[i:i+4])[0]
    kind = data[i+4:i+8]
    if kind == b"IDAT":
        idat += data[i+8:i+8+n]
    i += 12 + n
raw = zlib.decompress(idat)
stride = w * 4 + 1
colours = set()
for y in range(0, h, max(1, h // 60)):
    row = raw[y*stride+1:(y+1)*stride]
    for x in range(0, w, max(1, w // 80)):
        colours.add(row[x*4:x*4+4])
assert len(colours) > 8, f"the image is (nearly) empty: {len(colours)} colours"
print(f"gui-smoke: ok {path} {w}x{h}, {len(colours)} colours sampled")
PY
    then
      echo "gui-smoke: FAILED: $png is empty or not a PNG"
      fail=1
    fi
done
expected=$(( $(wc -w <<<"$screens") * 4 ))
found=$(ls "$out"/*.png | wc -l)
if [ "$found" -lt "$expected" ]; then
  echo "gui-smoke: FAILED: $found screenshots, expected $expected"
  fail=1
fi
exit $fail
