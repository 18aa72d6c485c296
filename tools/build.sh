#!/usr/bin/env bash
# Configures and builds corpgraph in build/ (or $CORPGRAPH_BUILD_DIR). Extra arguments go to cmake.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${CORPGRAPH_BUILD_DIR:-$root/build}"
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCORPGRAPH_WERROR=ON "$@" >/dev/null
cmake --build "$build" -j"$(nproc)"
