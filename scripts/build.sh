#!/usr/bin/env bash
# Configures and builds one flavour of locksim: scripts/build.sh DIR [cmake args...]
set -euo pipefail
dir=$1
shift
cmake -S "$(dirname "$0")/.." -B "$dir" -G Ninja "$@" >/dev/null
cmake --build "$dir" -j "$(nproc)"
