#!/usr/bin/env bash
# Times `corpgraph render` (Graphviz in-process, SVG out) on synthetic graphs of 100, 1,000 and
# 5,000 companies with each layout, beside Graphviz's own `dot -K<layout> -Tsvg` on the DOT that
# corpgraph writes for the same graph, and prints a markdown table: wall-clock and CPU seconds
# (user + system; the fairer figure on a shared, loaded machine) and peak memory.
#   tools/bench_render.sh [BINARY] [SIZES...]     defaults: build/src/cli/corpgraph, 100 1000 5000
# Environment: BENCH_TIMEOUT (seconds per run, default 300). The dot layout is skipped above
# 1,000 companies (it needs ~110 s for 1,000 here and grows much faster than linearly).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="${1:-$root/build/src/cli/corpgraph}"
shift || true
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100 1000 5000)
limit="${BENCH_TIMEOUT:-300}"
layouts=(dot sfdp fdp neato twopi circo)
[ -x "$bin" ] || { echo "bench_render: no corpgraph binary at $bin (build first)" >&2; exit 2; }
command -v dot >/dev/null || { echo "bench_render: Graphviz's dot is not installed" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# A scale-free graph (preferential attachment, two relations per new company), fixed seed.
make_relations() {
  /usr/bin/python3 - "$1" <<'EOF'
import json, random, sys
n = int(sys.argv[1])
rng = random.Random(42)
labels = ["partners", "talked-to", "former-deal", "acquired", "owns", "invests-in",
          "competes-with", "supplies", "sues"]
ends = [0]
for i in range(1, n):
    for _ in range(min(i, 2)):
        j = rng.choice(ends)
        if j == i:
            continue
        label = rng.choice(labels)
        status = "ended" if label == "former-deal" else rng.choice(["current"] * 4 + ["pending"])
        print(json.dumps({"source": f"Company {i:05d}", "relation": label,
                          "target": f"Company {j:05d}", "status": status,
                          "confidence": round(rng.uniform(0.5, 1.0), 2), "doc": "bench",
                          "sentence": f"Company {i:05d} and Company {j:05d} did business."}))
        ends += [i, j]
EOF
}

# Runs a command under the time limit; prints "WALL CPU PEAK_MB" or "timeout"/"failed".
timed() {
  local out="$work/time.txt" status=0
  /usr/bin/time -f '%e %U %S %M' -o "$out" timeout "$limit" "$@" >/dev/null 2>"$work/err.txt" || status=$?
  if [ "$status" -eq 124 ] || grep -q 'Command terminated by signal' "$out" 2>/dev/null; then
    echo "timeout"
  elif [ "$status" -ne 0 ]; then
    echo "failed"
  else
    tail -n 1 "$out" | awk '{ printf "%s %.2f %d\n", $1, $2 + $3, $4 / 1024 }'
  fi
}

# "WALL CPU MB" -> markdown cells "WALL | CPU" (and " | MB" when asked); timeout/failed fill all.
cells() {
  local value="$1" with_mb="$2"
  if [[ "$value" == *" "* ]]; then
    read -r wall cpu mb <<<"$value"
    if [ "$with_mb" = yes ]; then echo "$wall | $cpu | $mb"; else echo "$wall | $cpu"; fi
  elif [ "$with_mb" = yes ]; then
    echo "$value | | "
  else
    echo "$value | "
  fi
}

echo "corpgraph render benchmark: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)," \
     "$(dot -V 2>&1 | head -n1), timeout ${limit} s per run"
echo
echo "| companies | relations | layout | corpgraph render wall s | CPU s | peak MB | dot -K<layout> -Tsvg wall s | CPU s |"
echo "|---:|---:|---|---:|---:|---:|---:|---:|"
for n in "${sizes[@]}"; do
  make_relations "$n" >"$work/rel-$n.jsonl"
  "$bin" build "$work/rel-$n.jsonl" -o "$work/g-$n.json" 2>/dev/null
  relations=$(wc -l <"$work/rel-$n.jsonl")
  for layout in "${layouts[@]}"; do
    if [ "$layout" = dot ] && [ "$n" -gt 1000 ]; then
      echo "| $n | $relations | dot | skipped (above 1,000) | | | skipped | |"
      continue
    fi
    ours=$(timed "$bin" render "$work/g-$n.json" -o "$work/out.svg" --layout "$layout")
    "$bin" render "$work/g-$n.json" -o "$work/g.dot" --layout "$layout"
    theirs=$(timed dot -K"$layout" -Tsvg "$work/g.dot" -o "$work/theirs.svg")
    echo "| $n | $relations | $layout | $(cells "$ours" yes) | $(cells "$theirs" no) |"
  done
done
