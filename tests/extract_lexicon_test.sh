#!/usr/bin/env bash
# The built-in lexicon ships inside the binary: a malformed line, a duplicate alias or an alias
# that is an English word would quietly corrupt every extraction, so the checker guards the data.
set -euo pipefail
source_dir="$2"
exec /usr/bin/python3 "$source_dir/tools/check_lexicon.py" --quiet
