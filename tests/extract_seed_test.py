#!/usr/bin/env python3
"""The founding article (../shared/seeds, outside the repository) must give exactly the ten
relations of relations.md's table, with their direction and status, and nothing else.
Exit 77 (skipped) when the seeds folder is absent. Run as SCRIPT BINARY SOURCE_DIR BUILD_DIR."""
import sys
from pathlib import Path

binary, source_dir = sys.argv[1], Path(sys.argv[2])
sys.dont_write_bytecode = True  # keep the source tree clean when run from CTest
sys.path.insert(0, str(source_dir / "tools"))
import score  # noqa: E402

seeds = sorted((source_dir.parent / "shared" / "seeds").glob("*.txt"))
if not seeds:
    print(f"skipped: no seed articles in {source_dir.parent / 'shared' / 'seeds'}")
    sys.exit(77)

# relations.md, "Examples from the founding article".
EXPECTED = [
    ("Apple", "partners", "Alibaba", "current"),
    ("Apple", "partners", "OpenAI", "current"),
    ("Apple", "talked-to", "Tencent", "current"),
    ("Apple", "talked-to", "ByteDance", "current"),
    ("Apple", "former-deal", "Baidu", "ended"),
    ("Apple", "competes-with", "Huawei", "current"),
    ("Apple", "competes-with", "Xiaomi", "current"),
    ("Alibaba", "owns", "South China Morning Post", "current"),
    ("ByteDance", "owns", "TikTok", "current"),
    ("Tencent", "invests-in", "Ubisoft", "current"),
]

rows = score.run_extract(binary, [str(p) for p in seeds])
pred = score.DocRelations()
for number, row in enumerate(rows, 1):
    pred.add(row, f"extract output line {number}")
gold = score.DocRelations()
for s, label, t, status in EXPECTED:
    gold.add({"source": s, "relation": label, "target": t, "status": status}, "relations.md")

matched = score.match(gold.typed, pred.typed, typed=True)
problems = []
for key, row in gold.typed.items():
    shown = f"{row['source']} {row['relation']} {row['target']} ({row['status']})"
    if key not in matched:
        problems.append(f"missing: {shown}")
    elif pred.typed[matched[key]]["status"] != row["status"]:
        problems.append(f"wrong status: {shown}, got {pred.typed[matched[key]]['status']}")
    else:
        print(f"ok: {shown}")
used = set(matched.values())
for key, row in pred.typed.items():
    if key not in used:
        problems.append(f"extra: {row['source']} {row['relation']} {row['target']} "
                        f"({row['status']})")
for problem in problems:
    print(problem)
print(f"founding article: {len(matched)} of {len(EXPECTED)} relations, "
      f"{len(pred.typed) - len(used)} extra")
sys.exit(1 if problems else 0)
