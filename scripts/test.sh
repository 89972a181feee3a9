#!/usr/bin/env bash
# Every test: the Rust test suite (unit, integration, CLI). Needs only the Rust toolchain.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo test --locked
