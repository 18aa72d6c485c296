#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan+UBSan) and runs each for a bounded time on its seed
# corpus (fuzz/corpus/TARGET/). Exits non-zero when any target finds a crash, a leak, a timeout or
# runs out of memory; the input that did it is left in BUILD/fuzz-artifacts/TARGET/ — copy it to
# tests/data/fuzz-regressions/TARGET/ so the suite replays it for ever.
#   tools/fuzz.sh [--time SECONDS] [--build-only] [TARGET...]
#     --time S       seconds per target (default $CORPGRAPH_FUZZ_TIME or 45)
#     --build-only   build the targets, do not run them
#     TARGET         extract, articles, graph_file, relations_json, ... (default: all)
# Build folder: $CORPGRAPH_FUZZ_BUILD_DIR or build-fuzz/; $CORPGRAPH_FUZZ_JOBS targets at a time
# (default: one per core). New inputs found go to BUILD/fuzz-corpus/TARGET/, never into the
# repository's seed corpus (fuzz/make_corpus.sh rewrites that).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${CORPGRAPH_FUZZ_BUILD_DIR:-$root/build-fuzz}"
seconds="${CORPGRAPH_FUZZ_TIME:-45}"
build_only=0
targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --time) seconds="$2"; shift 2 ;;
    --time=*) seconds="${1#--time=}"; shift ;;
    --build-only) build_only=1; shift ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    -*) echo "tools/fuzz.sh: unknown option $1" >&2; exit 2 ;;
    *) targets+=("$1"); shift ;;
  esac
done
all_targets=(extract articles graph_file relations_json relations_jsonl relations_csv
             relations_tsv import_graphml import_node_link)
[ ${#targets[@]} -gt 0 ] || targets=("${all_targets[@]}")

command -v clang++ >/dev/null || { echo "tools/fuzz.sh: clang++ not found (tools/deps.sh test)" >&2; exit 2; }
CC=clang CXX=clang++ cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCORPGRAPH_WERROR=OFF -DCORPGRAPH_FUZZ=ON -DCORPGRAPH_TESTS=OFF >/dev/null
cmake --build "$build" -j"$(nproc)" --target fuzz
[ "$build_only" = 1 ] && exit 0

# Graphviz is not linked into any fuzzed path, so no leak suppressions: every leak is ours.
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

# run_target TARGET: one bounded run; its log is BUILD/fuzz-TARGET.log, its verdict
# BUILD/fuzz-TARGET.status (ok or failed).
run_target() {
  local t="$1" bin="$build/fuzz/fuzz_$1"
  local seeds="$root/fuzz/corpus/$t" work="$build/fuzz-corpus/$t" artifacts="$build/fuzz-artifacts/$t"
  local log="$build/fuzz-$t.log" dict
  mkdir -p "$work" "$artifacts"
  case "$t" in
    import_graphml) dict="$root/fuzz/dict/xml.dict" ;;
    extract) dict="$root/fuzz/dict/news.dict" ;;
    *csv|*tsv) dict="$root/fuzz/dict/csv.dict" ;;
    *) dict="$root/fuzz/dict/json.dict" ;;
  esac
  # -timeout: one input slower than 10 s is a hang; -rss_limit_mb: a hostile input must hit a
  # corpgraph limit long before 2 GB; -max_len keeps inputs near the size of real documents.
  if "$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
       -artifact_prefix="$artifacts/" -print_final_stats=1 -dict="$dict" \
       "$work" "$seeds" >"$log" 2>&1; then
    echo ok >"$build/fuzz-$t.status"
  else
    echo failed >"$build/fuzz-$t.status"
  fi
}

for t in "${targets[@]}"; do
  [ -x "$build/fuzz/fuzz_$t" ] || { echo "tools/fuzz.sh: no target $t" >&2; exit 2; }
  rm -f "$build/fuzz-$t.status"
done
# One target per core at a time: the budget is wall time, and each libFuzzer run is one process.
jobs_max="${CORPGRAPH_FUZZ_JOBS:-$(nproc)}"
echo "fuzzing ${#targets[@]} targets for ${seconds}s each, $jobs_max at a time"
for t in "${targets[@]}"; do
  while [ "$(jobs -rp | wc -l)" -ge "$jobs_max" ]; do wait -n || true; done
  run_target "$t" &
done
wait

failed=()
for t in "${targets[@]}"; do
  log="$build/fuzz-$t.log"
  runs=$(grep -E "^stat::number_of_executed_units" "$log" | awk '{print $2}' || true)
  if [ "$(cat "$build/fuzz-$t.status" 2>/dev/null)" = ok ]; then
    printf '  %-18s ok      %10s inputs\n' "$t" "${runs:-?}"
  else
    printf '  %-18s FAILED  log %s\n' "$t" "$log" >&2
    grep -E "ERROR|SUMMARY|Test unit written" "$log" | head -10 >&2 || true
    failed+=("$t")
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "tools/fuzz.sh: findings in: ${failed[*]} (inputs in $build/fuzz-artifacts/; copy them to" \
       "tests/data/fuzz-regressions/TARGET/ once fixed)" >&2
  exit 1
fi
echo "tools/fuzz.sh: ${#targets[@]} targets, ${seconds}s each, no findings"
