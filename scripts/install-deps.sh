#!/usr/bin/env bash
# Installs the Debian packages locksim builds and runs with (as root, or via
# sudo). Does nothing when they are all present already.
set -euo pipefail
packages=(
  build-essential cmake ninja-build pkg-config
  libsystemc-dev libyaml-cpp-dev libboost-graph-dev
  libcli11-dev libfmt-dev nlohmann-json3-dev libgtest-dev
  gnuplot-nox
  # scripts/fuzz.sh: clang, its libFuzzer and sanitizer runtimes, llvm-symbolizer for stack traces
  clang libclang-rt-14-dev llvm
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
as_root=()
[ "$(id -u)" -eq 0 ] || as_root=(sudo)
echo "installing: ${missing[*]}" >&2
"${as_root[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
