#!/usr/bin/env python3
"""The bar for `corpgraph extract`: typed F1 of at least 0.85 on the team's development set
(tests/data/articles). Prints the scorer's table and its misses either way.
Run as SCRIPT BINARY SOURCE_DIR BUILD_DIR."""
import sys
from pathlib import Path

MIN_F1 = 0.85

binary, source_dir = sys.argv[1], Path(sys.argv[2])
sys.dont_write_bytecode = True  # keep the source tree clean when run from CTest
sys.path.insert(0, str(source_dir / "tools"))
import score  # noqa: E402

status = score.main(["--devset", str(source_dir / "tests" / "data" / "articles"),
                     "--bin", binary, "--verbose", "--min-f1", str(MIN_F1)])
sys.exit(status)
