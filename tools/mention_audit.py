#!/usr/bin/env python3
"""Classifies the dev-set misses by what happened to their two companies.

  tools/mention_audit.py [--bin build/src/cli/corpgraph] [--devset tests/data/articles] [--verbose]

For every gold relation the extractor missed, each end is looked up among the mentions that
CORPGRAPH_DEBUG=1 prints for the document: found as a company (lexicon, unknown name, descriptor),
only seen as a bare capitalised candidate (promoted only inside a cue's slot), or not found.
A miss whose two ends were found is then "edge with another label/direction" when a prediction
joins the pair, "a false positive ... has one end" when a false positive of the same label keeps one end and
has another company at the other (a wrong end: mis-resolved or mis-attached), else "found, no rule".
"""
from __future__ import annotations

import argparse
import collections
import os
import re
import subprocess
import sys
from pathlib import Path

root = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(root / "tools"))
import score  # noqa: E402

MENTION = re.compile(r"^  mention \S+ next \d+ (\w+) company=(-?\d+) (.*?)( poss)? '(.*)'$")


def mentions(binary: str, files: list[str]) -> dict[str, list[tuple[str, str, str]]]:
    env = dict(os.environ, CORPGRAPH_DEBUG="1")
    out = subprocess.run([binary, "extract", *files], env=env, capture_output=True, text=True)
    docs: dict[str, list[tuple[str, str, str]]] = collections.defaultdict(list)
    doc = ""
    for line in out.stderr.splitlines():
        if line.startswith("S["):
            doc = score.doc_stem(line.split(" doc ", 1)[1])
        elif line.startswith("  mention"):
            m = MENTION.match(line)
            if m:
                docs[doc].append((m.group(1), m.group(3).strip(), m.group(5)))
    return docs


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", default=str(root / "build/src/cli/corpgraph"))
    parser.add_argument("--devset", default=str(root / "tests/data/articles"))
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    articles = Path(args.devset)
    files = sorted(map(str, articles.glob("*.txt")))
    gold = score.load_gold([str(articles)])
    pred = score.load_pred_rows(score.run_extract(args.bin, files), "extract output")
    result = score.score(gold, pred)
    seen = mentions(args.bin, files)
    texts = {score.doc_stem(f): Path(f).read_text(encoding="utf-8") for f in files}
    counts = collections.Counter()
    ends = collections.Counter()
    rows = []
    for miss in result["misses"]:
        doc = miss["doc"]
        entities = {n for key in gold[doc].typed for n in key[1:]}
        found, candidates = set(), set()
        for kind, name, surface in seen.get(doc, []):
            if kind in ("company", "descriptor") and name:
                found |= score.resolve_names(frozenset({score.normalise_company(name)}), entities)
            if kind in ("company", "candidate", "product"):
                names = score.resolve_names(frozenset({score.normalise_company(surface)}), entities)
                (found if kind == "company" else candidates).update(names)

        def state(name: str) -> str:
            n = score.normalise_company(name)
            if n in found:
                return "found"
            if n in candidates:
                return "candidate"
            return "missing" if n in score.normalise_company(texts[doc]) else "absent"

        s, t = state(miss["source"]), state(miss["target"])
        for end, st in ((miss["source"], s), (miss["target"], t)):
            ends[st] += 1
        if s == "found" and t == "found":
            p = pred.get(doc, score.DocRelations())
            gs, gt = score.normalise_company(miss["source"]), score.normalise_company(miss["target"])
            pairs = {(k[1], k[2]) for k in p.typed} | {(k[2], k[1]) for k in p.typed}
            same_label = [(f["relation"], score.normalise_company(f["source"]), score.normalise_company(f["target"]))
                          for f in result["false_positives"]
                          if f["doc"] == doc and f["relation"] == miss["relation"]]
            if (gs, gt) in pairs:
                cls = "found, edge with another label/direction"
            elif any((gs in k[1:]) != (gt in k[1:]) for k in same_label):
                cls = "found, a false positive of the label has one end"
            else:
                cls = "found, no rule"
        elif "missing" in (s, t) or "absent" in (s, t):
            cls = "an end not found"
        else:
            cls = "an end only a candidate"
        counts[cls] += 1
        rows.append((cls, doc, miss["source"], s, miss["relation"], miss["target"], t))
    print(f"misses: {len(result['misses'])}")
    for cls, n in counts.most_common():
        print(f"  {n:4d}  {cls}")
    print("ends of missed relations: " + ", ".join(f"{k} {v}" for k, v in ends.most_common()) +
          "  (missing: name in text, never a mention; absent: gold name not in text as such)")
    if args.verbose:
        for row in sorted(rows):
            print("  | ".join(row[:2]) + f" | {row[2]} [{row[3]}] {row[4]} {row[5]} [{row[6]}]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
