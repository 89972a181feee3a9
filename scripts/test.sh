#!/usr/bin/env bash
# Every test: the Rust test suite (unit, integration, CLI, the app driven headless through
# kittest), then the checks that need a real window (Xvfb). Needs only the Rust toolchain;
# the scripts install the Debian packages they need with apt-get. offline.sh runs the CLI and
# the app with no network (unshare -n) under strace.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo test --locked
bash scripts/gui-smoke.sh
bash scripts/offline.sh
bash scripts/pdf-check.sh
