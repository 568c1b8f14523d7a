#!/usr/bin/env bash
# The main job: install what is needed, build, and run the default scenario:
# 8 cores contending for the Linux ticket spinlock on a Skylake-like machine,
# and its plot (out/ticket_lock/stalls.svg: where each thread's cycles went).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh build -DCMAKE_BUILD_TYPE=Release >/dev/null
./build/locksim run scenarios/ticket_lock.yaml --out out/ticket_lock
./build/locksim plot out/ticket_lock/stats.json
