#!/usr/bin/env bash
# Installs what is needed, then builds and runs the whole test suite twice:
# an optimized build with warnings as errors, and an ASan+UBSan build; then
# fuzzes every parser for 60 s each.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
jobs=$(nproc)

echo "== release build, -Wall -Wextra -Werror =="
scripts/build.sh build-ci -DCMAKE_BUILD_TYPE=Release -DLOCKSIM_WERROR=ON
ctest --test-dir build-ci --output-on-failure -j "$jobs"

echo "== AddressSanitizer + UndefinedBehaviorSanitizer build =="
scripts/build.sh build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLOCKSIM_WERROR=ON -DLOCKSIM_SANITIZE=ON
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure -j "$jobs"

echo "== libFuzzer: every parser, 60 s each =="
scripts/fuzz.sh 60
