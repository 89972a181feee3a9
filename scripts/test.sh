#!/usr/bin/env bash
# Every test: the Rust test suite (unit, integration, CLI, the app driven headless through
# kittest), then the checks that need a real window (Xvfb). Needs only the Rust toolchain;
# the scripts install the Debian packages they need with apt-get.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo test --locked
bash scripts/gui-smoke.sh
