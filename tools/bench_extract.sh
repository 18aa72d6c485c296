#!/usr/bin/env bash
# Speed and memory of `corpgraph extract` on a generated news-like corpus, with -j 1 and -j 2
# (outputs must be byte-identical), beside a peer measured in the same run on the same corpus:
# the npm package compromise finding organisations, on a slice (it is ~1000x slower).
# Usage: tools/bench_extract.sh [BINARY] [CORPUS_MB]   (defaults: build/src/cli/corpgraph, 100)
# Needs python3, /usr/bin/time, node and npm (compromise is installed into a temporary folder).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$here/build/src/cli/corpgraph}
mb=${2:-100}
work=${BENCH_DIR:-/tmp/corpgraph-bench}
mkdir -p "$work"
corpus=$work/corpus-${mb}mb.jsonl
[ -s "$corpus" ] || python3 "$here/tools/gen_corpus.py" "$corpus" --mb "$mb" >&2
bytes=$(stat -c %s "$corpus")

# run NAME CMD...: elapsed seconds and peak RSS (KB) from /usr/bin/time -v, output to $work/NAME.out
run() {
  local name=$1
  shift
  /usr/bin/time -v "$@" >"$work/$name.out" 2>"$work/$name.time"
  local wall rss
  wall=$(grep 'Elapsed (wall clock)' "$work/$name.time" | awk '{print $NF}' |
         awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  rss=$(grep 'Maximum resident set size' "$work/$name.time" | awk '{print $NF}')
  cpu=$(grep -E 'User time|System time' "$work/$name.time" | awk '{s += $NF} END {print s}')
  echo "$wall $rss $cpu"
}

read -r t1 m1 c1 < <(run j1 "$bin" extract -j 1 "$corpus")
read -r t2 m2 c2 < <(run j2 "$bin" extract -j 2 "$corpus")
if cmp -s "$work/j1.out" "$work/j2.out"; then same=yes; else same=NO; fi
relations=$(wc -l <"$work/j1.out")

# The peer: compromise's organisation finder on the first ~1 MB of article text.
peer_dir=$work/peer
if [ ! -d "$peer_dir/node_modules/compromise" ]; then
  mkdir -p "$peer_dir"
  (cd "$peer_dir" && npm init -y >/dev/null && npm install --silent compromise >/dev/null)
fi
head -c 1200000 "$corpus" | head -n -1 >"$work/slice.jsonl"
cat >"$peer_dir/peer.mjs" <<'JS'
import { createRequire } from 'module';
import fs from 'fs';
const require = createRequire(process.argv[2] + '/package.json');
const nlp = require('compromise');
const lines = fs.readFileSync(process.argv[3], 'utf8').split('\n').filter(Boolean);
let bytes = 0, orgs = 0;
const start = process.hrtime.bigint();
for (const line of lines) {
  const text = JSON.parse(line).text;
  bytes += Buffer.byteLength(text);
  orgs += nlp(text).organizations().out('array').length;
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
console.log(`${bytes} ${seconds} ${orgs}`);
JS
read -r pbytes psec porgs < <(node "$peer_dir/peer.mjs" "$peer_dir" "$work/slice.jsonl")

rate() { awk -v b="$1" -v s="$2" 'BEGIN { r = (b / 1e6) / (s > 0 ? s : 1e-9); printf (r < 1 ? "%.3f" : "%.1f"), r }'; }
mbs() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1e6 }'; }
version=$(node -e "console.log(require('$peer_dir/node_modules/compromise/package.json').version)")
echo "corpus: $corpus ($(mbs "$bytes") MB, $relations relations found); machine: $(nproc) cores, load average $(cut -d' ' -f1 /proc/loadavg) at the end"
echo
echo "| run | input | wall s | MB/s (wall) | CPU s | MB/s per CPU second | peak memory |"
echo "|---|---|---|---|---|---|---|"
echo "| corpgraph extract -j 1 | $(mbs "$bytes") MB | $t1 | $(rate "$bytes" "$t1") | $c1 | $(rate "$bytes" "$c1") | $((m1 / 1024)) MB |"
echo "| corpgraph extract -j 2 (output identical to -j 1: $same) | $(mbs "$bytes") MB | $t2 | $(rate "$bytes" "$t2") | $c2 | $(rate "$bytes" "$c2") | $((m2 / 1024)) MB |"
echo "| compromise $version .organizations() (node, one thread) | $(mbs "$pbytes") MB | $(awk -v s="$psec" 'BEGIN{printf "%.2f", s}') | $(rate "$pbytes" "$psec") | - | - | - |"
[ "$same" = yes ]
