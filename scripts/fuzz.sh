#!/usr/bin/env bash
# Runs the cargo-fuzz targets (fuzz/): the assessment-file reader and the questionnaire loader.
# Usage: bash scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET…]   (default 600 s, both targets)
# Installs cargo-fuzz if missing. The targets are built without a sanitizer (mamori forbids
# unsafe code) but with debug assertions, on the stable toolchain (RUSTC_BOOTSTRAP=1 lets
# cargo-fuzz pass its -Z flags). Seeds come from the shipped questionnaires and examples; a
# crash is saved under fuzz/artifacts/TARGET/ and must become a regression test in
# tests/it/bad_input.rs or tests/it/. Not part of CI (it takes minutes).
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-600}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(assessment questionnaire)

command -v cargo-fuzz >/dev/null || cargo install --locked cargo-fuzz
export RUSTC_BOOTSTRAP=1

mkdir -p fuzz/corpus/assessment fuzz/corpus/questionnaire
cp examples/*.ron examples/workshop/*.ron tests/fixtures/formats/*.ron fuzz/corpus/assessment/ 2>/dev/null || true
i=0
for f in tests/fixtures/mini/*.ron tests/fixtures/mini/*/*.ron questionnaires/strings.ron questionnaires/checklists/*.ron; do
  # The questionnaire target's first byte picks the file it replaces; any byte is fine for a seed.
  { printf "\\x$(printf %02x $((i % 256)))"; cat "$f"; } > "fuzz/corpus/questionnaire/seed-$i"
  i=$((i + 1))
done

cd fuzz
for t in "${targets[@]}"; do
  echo "== fuzz target $t for $seconds s"
  cargo fuzz run -s none -a "$t" -- -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=4096 2>&1 \
    | tee "target/fuzz-$t.log" | grep -E "^#[0-9]+.*(pulse|DONE)|Done [0-9]+ runs|ERROR|panicked|SUMMARY" || true
  if grep -q "Done [0-9]* runs" "target/fuzz-$t.log"; then
    grep "Done [0-9]* runs" "target/fuzz-$t.log"
  else
    echo "fuzz: $t stopped early (see fuzz/target/fuzz-$t.log and fuzz/artifacts/$t/)"
    exit 1
  fi
done
