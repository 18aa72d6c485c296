#!/usr/bin/env bash
# Installs the Debian packages corpgraph needs, only those that are missing, so that a fresh
# Debian 12 machine gets from clone to build with one command. Sourced by demo.sh and test.sh.
# Usage: tools/deps.sh [build|test]   (test adds the consumers the test suite runs)
set -euo pipefail
want=(g++ cmake make pkg-config libboost-graph-dev rapidjson-dev libgraphviz-dev graphviz
      catch2 libcli11-dev ccache)
if [ "${1:-build}" = test ]; then
  want+=(python3-networkx python3-igraph python3-rdflib python3-lxml libxml2-utils clang
         python3-scipy python3-numpy
         libclang-rt-14-dev llvm chromium hyperfine wamerican)
  # Node.js may come from another repository that bundles npm (and conflicts with Debian's npm).
  command -v node >/dev/null || want+=(nodejs)
  command -v npm >/dev/null || want+=(npm)
fi
missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "corpgraph: installing ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
