#!/usr/bin/env bash
# Times the query commands on a generated graph (1,000,000 companies, 5,000,000 relations; 10,000
# and 50,000 with --small) from cold processes, and the same questions in igraph and NetworkX,
# then prints one markdown table.
#   tools/bench_query.sh [--small] [--no-python] [--all-commands]
# Without --all-commands only stats, neighbours, path and top --by pagerank are timed.
# corpgraph loads a graph file through its binary sidecar (GRAPH.json.cgb, written by save_graph;
# docs/graph-format.md). A generated file has none, so the generated graph is saved once with
# `corpgraph build` (the copy and its sidecar are kept and reused) and the commands are timed on
# that copy; one row times `neighbours` on the generated file itself, i.e. a JSON-only load (about
# a minute of CPU at full size).
# Environment: CORPGRAPH_BIN (default build/src/cli/corpgraph), BENCH_DIR (default
# build/bench-query; generated graphs are kept there and reused).
# corpgraph rows: whole-process wall time and peak RSS (/usr/bin/time -v) of one command, load
# included. igraph/NetworkX rows: seconds of each step inside one process, and that process's
# peak RSS. The graph file stays in the page cache between runs (no cache dropping on a shared
# machine), so "cold" means a fresh process, not a cold disk.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
companies=1000000
relations=5000000
python=1
full=0
for arg in "$@"; do
  case "$arg" in
    --small) companies=10000 relations=50000 ;;
    --no-python) python=0 ;;
    --all-commands) full=1 ;;
    -h|--help) sed -n "2,17p" "$0"; exit 0 ;;
    *) echo "bench_query.sh: unknown option $arg" >&2; exit 2 ;;
  esac
done
bin="${CORPGRAPH_BIN:-$root/build/src/cli/corpgraph}"
dir="${BENCH_DIR:-$root/build/bench-query}"
[ -x "$bin" ] || { echo "bench_query.sh: no corpgraph binary at $bin (build first)" >&2; exit 2; }
mkdir -p "$dir"
graph="$dir/graph-$companies-$relations.json"
edges="$dir/graph-$companies-$relations.edges"
if [ ! -s "$graph" ]; then
  echo "generating $graph ..." >&2
  /usr/bin/python3 "$root/tools/gen_graph.py" "$companies" "$relations" "$graph.tmp" --seed 1
  mv "$graph.tmp" "$graph"
fi

saved="$dir/graph-$companies-$relations.saved.json"
if [ ! -s "$saved.cgb" ] || [ "$saved" -ot "$graph" ]; then
  echo "saving $saved with its sidecar ..." >&2
  "$bin" build "$graph" -o "$saved"
fi

# The busiest company (tools/gen_graph.py gives low numbers the most relations) and two ordinary ones.
name() { /usr/bin/python3 -c "import sys; sys.path.insert(0, '$root/tools'); from gen_graph import company_name; print(company_name($1))"; }
hub="$(name 0)"
typical="$(name $((companies / 2 + 7)))"
other="$(name $((companies / 3 + 11)))"

rows=()
# Runs corpgraph ARGS under /usr/bin/time -v; adds a table row: wall and CPU (user + system)
# seconds, peak RSS. CPU time is what to compare when the machine is shared and busy.
measure() {
  local label="$1"; shift
  local log="$dir/time.log"
  local status=0
  /usr/bin/time -v -o "$log" "$bin" "$@" >"$dir/out.txt" 2>"$dir/err.txt" || status=$?
  local wall cpu peak
  wall="$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0;
           for (i = 1; i <= n; i++) s = s * 60 + p[i]; printf "%.2f", s }' "$log")"
  cpu="$(awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.2f", s }' "$log")"
  peak="$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$log")"
  rows+=("| corpgraph | $label | $wall | $cpu | $peak | exit $status, $(wc -l <"$dir/out.txt") lines out |")
  echo "  $label: ${wall}s wall, ${cpu}s cpu, ${peak} MiB, exit $status" >&2
}

echo "corpgraph ($bin) on $saved" >&2
measure "stats" stats "$saved"
measure "neighbours (typical company)" neighbours "$saved" "$typical"
measure "neighbours --json (busiest company)" neighbours "$saved" "$hub" --json
measure "path (two typical companies)" path "$saved" "$typical" "$other"
measure "top --by pagerank" top "$saved" --by pagerank
measure "neighbours (typical), JSON only: no sidecar" neighbours "$graph" "$typical"
if [ "$full" = 1 ]; then
  measure "neighbours --depth 2 (typical)" neighbours "$saved" "$typical" --depth 2
  measure "why (typical, its first neighbour)" why "$saved" "$typical" \
    "$("$bin" neighbours "$saved" "$typical" --json | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["results"][0]["company"])')"
  measure "show (typical)" show "$saved" "$typical"
  measure "find 'zix*'" find "$saved" 'zix*'
  measure "ego --depth 1 (typical)" ego "$saved" "$typical" -o "$dir/ego.json"
  measure "top --by degree" top "$saved" --by degree
fi
# Betweenness (Brandes, O(companies x relations)) is left out: minutes already at --small size.

if [ "$python" = 1 ]; then
  if [ ! -s "$edges" ]; then
    /usr/bin/python3 "$root/tools/bench_query_edges.py" "$graph" "$edges.tmp" "$typical" >"$edges.ids"
    mv "$edges.tmp" "$edges"
  fi
  node="$(/usr/bin/python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["ids"][0])' "$edges.ids")"
  for lib in igraph networkx; do
    echo "$lib on $edges ..." >&2
    result="$(/usr/bin/python3 "$root/tools/bench_query_py.py" "$lib" "$edges" "$companies" "$node")"
    echo "  $result" >&2
    while IFS='|' read -r step seconds cpu peak; do
      rows+=("| $lib | $step | $seconds | $cpu | $peak | one step in one process |")
    done < <(/usr/bin/python3 -c '
import json, sys
r = json.loads(sys.argv[1])
for step in ("load", "neighbours", "pagerank"):
    print("%s|%.2f|%.2f|%.0f" % (step, r[step], r["cpu"][step], r["peak_mib"]))' "$result")
  done
fi

echo
echo "Graph: $companies companies, $relations relations ($(du -mL "$graph" | cut -f1) MiB JSON);" \
     "$(nproc) cores; $(date -u +%Y-%m-%d)."
echo
echo "| tool | question | wall s | cpu s | peak MiB | note |"
echo "|---|---|---:|---:|---:|---|"
printf '%s\n' "${rows[@]}"
