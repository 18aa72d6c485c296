#!/usr/bin/env bash
# No lost work: `corpgraph add` killed with SIGKILL at random moments while it loads, merges and
# saves a large graph. After every kill the graph file must load and be exactly the old graph or
# exactly the new one (save_graph is deterministic, so bytes and `stats` output are compared), and
# temporary files must not pile up beside it (the killed save's own, plus at most one stale one).
# Run by CTest as: cli_kill_test.sh BINARY SOURCE_DIR BUILD_DIR
set -euo pipefail
bin="$(realpath "$1")"
build="$3"
work="$build/test-scratch/kill-$$"
rm -rf "$work"
mkdir -p "$work"
trap 'rm -rf "$work"' EXIT
cd "$work"

# A graph of tens of thousands of relations, and more input for `add` to merge into it.
gen() {  # gen SEED COUNT > file.csv
  awk -v seed="$1" -v n="$2" 'BEGIN {
    srand(seed)
    split("partners talked-to former-deal acquired owns invests-in competes-with supplies sues", L, " ")
    print "source,relation,target,status,confidence,doc,sentence,start,end"
    for (i = 0; i < n; i++) {
      a = int(rand() * 20000); b = int(rand() * 20000); if (a == b) b = (b + 1) % 20000
      l = L[1 + int(rand() * 9)]
      printf "Company %05d,%s,Company %05d,current,0.%d,doc-%d,\"Company %05d and Company %05d, in a sentence long enough to matter.\",%d,%d\n", a, l, b, 1 + int(rand() * 9), i % 5000, a, b, i, i + 70
    }
  }'
}
gen 1 40000 > base.csv
gen 2 20000 > more.csv
"$bin" build base.csv -o old.json 2>/dev/null
cp old.json new.json
start=$(date +%s%N)
"$bin" add new.json more.csv 2>/dev/null
full_ms=$(( ($(date +%s%N) - start) / 1000000 ))
rm -f new.json.lock old.json.lock
"$bin" stats old.json > old.stats
"$bin" stats new.json > new.stats
if cmp -s old.json new.json; then
  echo "FAIL: adding more.csv did not change the graph; the test would prove nothing" >&2
  exit 1
fi
echo "one full add: ${full_ms} ms"

budget_ms=60000
iterations=30
kills=0; saw_old=0; saw_new=0; failures=0
test_start=$(date +%s%N)
for i in $(seq 1 $iterations); do
  cp old.json g.json
  # Kill anywhere from the first instruction to a little past a normal finish.
  delay_ms=$(( RANDOM * (full_ms * 12 / 10 + 1) / 32768 ))
  "$bin" add g.json more.csv 2>/dev/null &
  pid=$!
  sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
  kill -KILL "$pid" 2>/dev/null && kills=$((kills + 1)) || true
  wait "$pid" 2>/dev/null || true
  if cmp -s g.json old.json; then
    saw_old=$((saw_old + 1)); expect=old.stats
  elif cmp -s g.json new.json; then
    saw_new=$((saw_new + 1)); expect=new.stats
  else
    echo "FAIL: after a kill at ${delay_ms} ms the graph file is neither the old nor the new graph" >&2
    failures=$((failures + 1)); cp g.json "partial-$i.json"; continue
  fi
  if ! "$bin" stats g.json > got.stats 2> got.err || ! cmp -s got.stats "$expect"; then
    echo "FAIL: after a kill at ${delay_ms} ms the graph does not load as it should:" >&2
    cat got.err >&2; failures=$((failures + 1))
  fi
  temps=$(find . -maxdepth 1 -name 'g.json.*' ! -name 'g.json.lock' ! -name 'g.json.cgb' | wc -l)
  # One is the killed save's own. A stale one is removed by the next save unless its PID has
  # meanwhile gone to a live, unrelated process (PIDs wrap; kill(pid, 0) cannot tell), so allow
  # one more, but never a pile.
  if [ "$temps" -gt 2 ]; then
    echo "FAIL: $temps temporary files beside the graph after $i kills:" >&2
    find . -maxdepth 1 -name 'g.json.*' >&2
    failures=$((failures + 1))
  fi
  [ $(( ($(date +%s%N) - test_start) / 1000000 )) -lt $budget_ms ] || break
done
echo "iterations: $i, killed mid-run: $kills, old graph: $saw_old, new graph: $saw_new, failures: $failures"
[ "$failures" -eq 0 ]
