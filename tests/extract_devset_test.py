#!/usr/bin/env python3
"""A floor for `corpgraph extract` on the team's development set (tests/data/articles): typed F1
must not fall below MIN_F1. Prints the scorer's table and its misses either way.

Issue 3 sets the bar at 0.85; the extractor is at 0.73 (docs/evaluation.md), so the issue stays
open and this floor sits just under what it reaches today: a change that loses accuracy fails CI,
and the floor is raised as the rules improve, until it reaches 0.85.
Run as SCRIPT BINARY SOURCE_DIR BUILD_DIR."""
import sys
from pathlib import Path

MIN_F1 = 0.70

binary, source_dir = sys.argv[1], Path(sys.argv[2])
sys.dont_write_bytecode = True  # keep the source tree clean when run from CTest
sys.path.insert(0, str(source_dir / "tools"))
import score  # noqa: E402

status = score.main(["--devset", str(source_dir / "tests" / "data" / "articles"),
                     "--bin", binary, "--verbose", "--min-f1", str(MIN_F1)])
sys.exit(status)
