#!/usr/bin/env bash
# The main job: install what is needed, build, and run the default example.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh build -DCMAKE_BUILD_TYPE=Release >/dev/null
./build/locksim exec locks/linux_ticket.s examples/ticket_demo.s --entry demo
