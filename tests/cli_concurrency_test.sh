#!/usr/bin/env bash
# Two users at once: concurrent `corpgraph add` runs on the same graph serialise on GRAPH.lock and
# the result holds every relation from all of them, byte for byte the graph a single `build` of all the
# inputs writes (save_graph output is deterministic and merging is order-independent).
# Run by CTest as: cli_concurrency_test.sh BINARY SOURCE_DIR BUILD_DIR
set -euo pipefail
bin="$(realpath "$1")"
build="$3"
work="$build/test-scratch/concurrency-$$"
rm -rf "$work"
mkdir -p "$work"
trap 'rm -rf "$work"' EXIT
cd "$work"

gen() {  # gen SEED COUNT PREFIX > file.csv
  awk -v seed="$1" -v n="$2" -v p="$3" 'BEGIN {
    srand(seed)
    split("partners talked-to former-deal acquired owns invests-in competes-with supplies sues", L, " ")
    print "source,relation,target,status,confidence,doc,sentence"
    for (i = 0; i < n; i++) {
      a = int(rand() * 3000); b = int(rand() * 3000); if (a == b) b = (b + 1) % 3000
      printf "%s %04d,%s,Shared %04d,current,0.8,%s-%d,\"%s %04d and Shared %04d.\"\n", p, a, L[1 + int(rand() * 9)], b, p, i, p, a, b
    }
  }'
}
gen 1 10000 Base > base.csv
failures=0
for round in 1 2 3; do
  gen $((round * 10 + 1)) 8000 Alpha > a.csv
  gen $((round * 10 + 2)) 8000 Beta > b.csv
  gen $((round * 10 + 3)) 8000 Gamma > c.csv
  "$bin" build base.csv a.csv b.csv c.csv -o expected.json 2>/dev/null
  rm -f g.json g.json.lock
  "$bin" build base.csv -o g.json 2>/dev/null
  "$bin" add g.json a.csv 2>a.err & pa=$!
  "$bin" add g.json b.csv 2>b.err & pb=$!
  "$bin" add g.json c.csv 2>c.err & pc=$!
  for p in $pa $pb $pc; do
    if ! wait "$p"; then
      echo "FAIL: round $round: an add exited non-zero:" >&2; cat a.err b.err c.err >&2
      failures=$((failures + 1))
    fi
  done
  if ! cmp -s g.json expected.json; then
    echo "FAIL: round $round: the graph lost relations (differs from one build of all inputs)" >&2
    "$bin" stats g.json >&2 || true
    "$bin" stats expected.json >&2 || true
    failures=$((failures + 1))
  fi
done
# A graph held by someone else: `add --wait` gives up with exit 7 (busy), naming the lock, and
# leaves the graph as it was.
if command -v flock >/dev/null; then
  cp expected.json held.json
  flock held.json.lock sleep 3 & holder=$!
  sleep 0.5
  set +e
  "$bin" add --wait 0.5 held.json a.csv 2>held.err
  status=$?
  set -e
  wait "$holder" 2>/dev/null || true
  if [ "$status" -ne 7 ] || ! grep -q "held.json" held.err || ! cmp -s held.json expected.json; then
    echo "FAIL: add on a locked graph: exit $status (want 7), graph unchanged: $(cmp -s held.json expected.json && echo yes || echo no)" >&2
    cat held.err >&2
    failures=$((failures + 1))
  fi
fi
echo "rounds: 3, three concurrent adds each, failures: $failures"
[ "$failures" -eq 0 ]
