#!/usr/bin/env bash
# Fuzzes every parser: builds the libFuzzer targets (fuzz/, clang with ASan
# and UBSan) and runs each for SECONDS (default 60), two at a time, from a
# fresh corpus seeded with the shipped files. Fails on any crash, leak,
# timeout, out-of-memory or sanitizer report. Usage: scripts/fuzz.sh [SECONDS]
# Everything it writes is under build-fuzz/: corpus/, findings/ (the
# failing inputs), logs/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
if ! [[ $seconds =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: scripts/fuzz.sh [SECONDS per target, default 60]" >&2
  exit 2
fi
scripts/install-deps.sh
scripts/build.sh build-fuzz -DCMAKE_CXX_COMPILER=clang++ -DLOCKSIM_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo

targets=(asm scenario machine_config litmus condition stats)
# Longer than any seed needs, short enough to keep inputs fast.
declare -A max_len=([asm]=4096 [scenario]=2048 [machine_config]=2048 [litmus]=2048 [condition]=1024 [stats]=4096)

shopt -s nullglob
# The shipped inputs of each format.
seeds() {
  case $1 in
    asm) printf '%s\n' locks/*.s scenarios/*.s examples/*.s tests/inputs/*.s tests/timed/*.s ;;
    scenario) printf '%s\n' scenarios/*.yaml tests/timed/*.yaml ;;
    machine_config) printf '%s\n' configs/*.yaml ;;
    litmus)
      # The repository's litmus tests when it has them, and the hand-written
      # ones (nothing outside the repository: a clone must fuzz alike).
      if [ -d tests/litmus ]; then find tests/litmus -name '*.litmus'; fi
      printf '%s\n' fuzz/seeds/litmus/*.litmus ;;
    condition) printf '%s\n' fuzz/seeds/condition/* ;;
    stats) printf '%s\n' fuzz/seeds/stats/*.json ;;
  esac
}

out=build-fuzz
rm -rf "$out/corpus" "$out/findings" "$out/logs" "$out/tmp"
mkdir -p "$out/findings" "$out/logs" "$out/tmp"
for t in "${targets[@]}"; do
  mkdir -p "$out/corpus/$t"
  n=0
  while IFS= read -r f; do
    [ -n "$f" ] || continue
    name=${f//\//_}
    cp "$f" "$out/corpus/$t/seed-${name#.._}"
    n=$((n + 1))
  done < <(seeds "$t")
  if [ "$n" -eq 0 ]; then
    echo "fuzz: no seed files for $t" >&2
    exit 1
  fi
done

# Every sanitizer report is fatal; libFuzzer then writes the input to findings/.
# ASan keeps every distinct allocation stack it has seen: at its default
# depth (30 frames) that alone grows by megabytes a second under fuzzing,
# so runs record 5 frames (rerunning a finding gives the full stacks).
export ASAN_OPTIONS=detect_leaks=1:malloc_context_size=5:quarantine_size_mb=64:check_initialization_order=1:strict_init_order=1:symbolize=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1:report_error_type=1
export TMPDIR=$PWD/$out/tmp  # the scenario target's scratch program files

run_target() {
  local t=$1 rc=0
  "$out/fuzz/${t}_fuzz" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len="${max_len[$t]}" \
    -dict="fuzz/dict/$t.dict" -artifact_prefix="$out/findings/$t-" -print_final_stats=1 \
    "$out/corpus/$t" >"$out/logs/$t.log" 2>&1 || rc=$?
  echo "$rc" >"$out/logs/$t.rc"
}

echo "fuzzing ${#targets[@]} targets for ${seconds}s each, two at a time (logs: $out/logs/)"
for t in "${targets[@]}"; do
  while [ "$(jobs -rp | wc -l)" -ge 2 ]; do wait -n || true; done
  run_target "$t" &
done
wait

failed=0
printf '%-16s %14s %10s  %s\n' target executions exec/s result
for t in "${targets[@]}"; do
  log=$out/logs/$t.log
  rc=$(cat "$out/logs/$t.rc")
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
  artifacts=("$out/findings/$t-"{crash,leak,timeout,oom}-*)
  result=ok
  if [ "$rc" -ne 0 ] || [ ${#artifacts[@]} -gt 0 ]; then
    failed=1
    result="FAIL (exit $rc): ${artifacts[*]:-no artifact} (log $log)"
  fi
  printf '%-16s %14s %10s  %s\n' "$t" "${execs:--}" "${rate:--}" "$result"
done
if [ "$failed" -ne 0 ]; then
  for t in "${targets[@]}"; do
    [ "$(cat "$out/logs/$t.rc")" -ne 0 ] || continue
    echo
    # The report: from its first line (an uncaught exception's, a sanitizer's or libFuzzer's).
    echo "== $t ($out/logs/$t.log):"
    grep -a -m 1 -A 40 -E '^terminate called|^==[0-9]+== ?ERROR|runtime error:|ERROR: libFuzzer' "$out/logs/$t.log" ||
      tail -n 40 "$out/logs/$t.log"
  done
  echo
  echo "fuzz: FAILED (reproduce, with full stacks: $out/fuzz/TARGET_fuzz ARTIFACT)" >&2
  exit 1
fi
echo "fuzz: all ${#targets[@]} targets ran ${seconds}s without a finding"
