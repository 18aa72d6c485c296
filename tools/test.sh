#!/usr/bin/env bash
# Installs what is missing, builds corpgraph and runs the whole test suite through CTest.
# Exits non-zero on any failure.
#   tools/test.sh              the suite, in build/
#   tools/test.sh --sanitize   the suite built with AddressSanitizer + UBSan, in build-sanitize/
#                              (or $CORPGRAPH_SANITIZE_BUILD_DIR); no sanitizer report allowed
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
mode=plain
for arg in "$@"; do
  case "$arg" in
    --sanitize) mode=sanitize ;;
    -h|--help) sed -n '2,7p' "$0"; exit 0 ;;
    *) echo "tools/test.sh: unknown option $arg" >&2; exit 2 ;;
  esac
done

bash tools/deps.sh test
# The consumers the tests drive from Node (Chromium via playwright-core, Cytoscape.js, Kuzu).
if [ ! -d tests/js/node_modules ] || [ tests/js/package.json -nt tests/js/node_modules ]; then
  (cd tests/js && npm ci --no-audit --no-fund --loglevel=error && touch node_modules)
fi

if [ "$mode" = sanitize ]; then
  export CORPGRAPH_BUILD_DIR="${CORPGRAPH_SANITIZE_BUILD_DIR:-$root/build-sanitize}"
  # No report is allowed: any ASan/UBSan/LSan finding aborts the test that hit it. Leaks inside
  # Graphviz's libraries only are suppressed (tools/lsan.supp says why); script tests see
  # CORPGRAPH_SANITIZE=1 and may exit 77 when a consumer cannot run beside the sanitizer runtime.
  export CORPGRAPH_SANITIZE=1
  export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:check_initialization_order=1
  export LSAN_OPTIONS="suppressions=$root/tools/lsan.supp:print_suppressions=0"
  export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
  bash tools/build.sh -DCORPGRAPH_SANITIZE=ON
else
  export CORPGRAPH_BUILD_DIR="$root/build"
  bash tools/build.sh
fi
cd "$CORPGRAPH_BUILD_DIR"
ctest --output-on-failure -j"$(nproc)" --timeout 600
