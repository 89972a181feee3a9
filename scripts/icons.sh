#!/usr/bin/env bash
# Renders the icon (assets/icon/mamori.svg, and mamori-16.svg drawn for 16 px) to the PNGs and
# the Windows .ico committed next to them. Run after editing an SVG; needs librsvg2-bin and
# icoutils (installed with apt-get when missing).
set -euo pipefail
cd "$(dirname "$0")/../assets/icon"
missing=()
for p in librsvg2-bin icoutils; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
rsvg-convert -w 16 -h 16 mamori-16.svg -o mamori-16.png
for s in 32 48 64 128 256; do
  rsvg-convert -w "$s" -h "$s" mamori.svg -o "mamori-$s.png"
done
# Small sizes as bitmaps (every Windows reads them), 64 px and up as PNG (smaller file).
icotool -c -o mamori.ico mamori-16.png mamori-32.png mamori-48.png \
  -r mamori-64.png -r mamori-128.png -r mamori-256.png
ls -l mamori-*.png mamori.ico
