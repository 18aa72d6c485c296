#!/usr/bin/env bash
# Installs what is missing, builds corpgraph, and runs the main job on samples/:
# extracts the relations the sample articles state into graphs/samples.json, draws the graph
# (DOT, SVG, PNG, interactive HTML), and prints Apple's neighbours.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
bash tools/deps.sh build
bash tools/build.sh
bin="$root/build/src/cli/corpgraph"

mkdir -p graphs
rm -f graphs/samples.json
"$bin" build samples/articles -o graphs/samples.json
for ext in dot svg png html; do
  "$bin" render graphs/samples.json -o "graphs/samples.$ext"
done
echo "Wrote graphs/samples.{json,dot,svg,png,html}"
echo
echo "Apple's neighbours in graphs/samples.json:"
"$bin" neighbours graphs/samples.json Apple
