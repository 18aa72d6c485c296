#!/usr/bin/env bash
# Installs what is missing, builds corpgraph, and runs the main job on samples/:
# builds graphs/samples.json from the sample inputs, draws it, and prints Apple's neighbours.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
bash tools/deps.sh build
bash tools/build.sh
bin="$root/build/src/cli/corpgraph"

"$bin" build samples/relations/founding.jsonl -o graphs/samples.json
"$bin" render graphs/samples.json -o graphs/samples.dot
"$bin" render graphs/samples.json -o graphs/samples.svg
echo "Apple's neighbours in graphs/samples.json:"
"$bin" neighbours graphs/samples.json Apple
