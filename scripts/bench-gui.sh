#!/usr/bin/env bash
# Benchmark of the desktop app in a real X window (Xvfb + Mesa llvmpipe): process start to
# first frame, and CPU time of ui() per frame on the question and results pages. Prints
# figures; asserts nothing (machines are noisy). Not part of CI.
set -euo pipefail
cd "$(dirname "$0")/.."
MAMORI_PROFILE=release bash scripts/gui-smoke.sh >/dev/null  # installs the packages, builds the release binary
for screen in start question results; do
  for run in 1 2 3; do
    echo "== $screen, run $run"
    xvfb-run -a -s "-screen 0 1280x900x24" env LIBGL_ALWAYS_SOFTWARE=1 \
      target/release/mamori --bench --screen "$screen"
  done
done
