#!/usr/bin/env python3
"""Scores `corpgraph extract` on other people's labelled text: FIRE and KnowledgeNet.

  eval_benchmarks.py [--bin build/src/cli/corpgraph] [--benchmarks ../shared/benchmarks]
                     [--json] [--verbose]

Each benchmark's passages are written to a temporary JSON-lines file of articles {"id","text"}
and extracted with one `corpgraph extract FILE.jsonl`. Only the labels a benchmark can express
are scored (see docs/evaluation.md for the rules and why):

FIRE (fire/fire_dev_company.jsonl), one document a line:
  gold   ActionBuy head->tail        = acquired head->tail   (both ends typed Company)
         ActionMerge head, tail      = acquired either way, or partners
         Subsidiaryof head->tail     = owns tail->head
         ActionBuy head->stake/shares (FinancialEntity) "Propertyof" a Company C
                                     = acquired or invests-in head->C
         Other FinancialEntity tails (assets, licences, leases) are not companies: no gold.
         Heads such as "we" or "the Company" name no company: no gold.
  pred   every predicted acquired and owns edge counts; one that matches no gold relation is a
         false positive, except owns X->Y where FIRE says X bought Y (true, but not FIRE's label:
         neutral). partners and invests-in count only when they match a merger or a stake
         purchase (FIRE has no label that could prove them wrong elsewhere).
KnowledgeNet (knowledgenet/knet_subsidiary_folds1-3.jsonl), one document a passage:
  gold   SUBSIDIARY_OF subject->object = owns object->subject (isNegative lines add none).
         A fact with a pronoun end ("which", "its") is neutral: not in recall, and an owns
         edge that matches its named end is not a false positive (the same for FIRE's "we").
  pred   every predicted owns edge; the passages were labelled exhaustively, so an owns edge
         matching no gold fact (in particular any owns in a negative-only passage) is false.

Entities match loosely: names normalised as in score.py (case, punctuation, legal suffixes,
possessives), a FIRE "( Alias )" is an alias, a prediction's printed aliases count, and one name
may contain the other as whole words ("Apple" matches "Apple Inc.").
Exits 0 when scored or skipped (benchmarks folder absent), 2 when extract fails.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
from pathlib import Path

sys.dont_write_bytecode = True  # keep the source tree clean when run from CTest
sys.path.insert(0, str(Path(__file__).resolve().parent))
import score  # noqa: E402  (the same name normalisation and extract runner)

ROOT = Path(__file__).resolve().parent.parent

# FIRE heads such as "we" or "the Company" stand for the filer, which one sentence cannot name.
GENERIC = {"we", "us", "our", "company", "the company", "registrant", "the registrant",
           "the bank", "the partnership", "the trust",
           # KnowledgeNet marks pronouns as the ends of facts ("..., which is owned by X").
           "that", "which", "whose", "who", "it", "its", "itself", "they", "their"}


def generic(text: str) -> bool:
    return text.strip().lower() in GENERIC


def name_variants(text: str) -> set[str]:
    """Normalised names of a benchmark entity: the whole span and any parenthesised alias."""
    text = text.replace(" , ", ", ").replace(" 's", "'s").replace(" .", ".")
    text = text.replace('"', " ").replace("\u201c", " ").replace("\u201d", " ")
    names = {score.normalise_company(text)}
    for alias in re.findall(r"\(([^)]*)\)", text):
        names.add(score.normalise_company(alias))
    names.discard("")
    return names


def contains_words(longer: str, shorter: str) -> bool:
    return f" {shorter} " in f" {longer} "


def loose_match(gold_names: set[str] | None, pred_names) -> bool:
    if gold_names is None:  # a pronoun end: any company may be what it stands for
        return True
    for g in gold_names:
        for p in pred_names:
            if g == p or contains_words(g, p) or contains_words(p, g):
                return True
    return False


def pred_names(row: dict, end: str) -> set[str]:
    return set(score.name_set(row[end], row.get(f"{end}_aliases")))


class Gold:
    """One gold fact: the (label, source names, target names) readings that state it."""

    def __init__(self, doc: str, shown: str, readings: list[tuple[str, set[str], set[str]]]):
        self.doc, self.shown, self.readings = doc, shown, readings

    def matched_by(self, pred: dict) -> bool:
        label = score.normalise_label(pred["relation"])
        ps, pt = pred_names(pred, "source"), pred_names(pred, "target")
        for r_label, src, tgt in self.readings:
            if label != r_label:
                continue
            if loose_match(src, ps) and loose_match(tgt, pt):
                return True
            if label in score.SYMMETRIC and loose_match(src, pt) and loose_match(tgt, ps):
                return True
        return False


def load_fire(path: Path) -> tuple[list[dict], list[Gold], list[Gold]]:
    """Articles, gold facts, and neutral facts (owns along an ActionBuy)."""
    articles, gold, neutral = [], [], []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            row = json.loads(line)
            doc = f"fire-{row['index']}"
            articles.append({"id": doc, "text": row["text"]})
            entities = row["entities"]
            for rel in row["relations"]:
                head, tail = entities[rel["head"]], entities[rel["tail"]]
                kind = rel["type"]
                if kind not in ("ActionBuy", "ActionMerge", "Subsidiaryof"):
                    continue
                if head["type"] != "Company":
                    continue
                # "we acquired X": the filer, named nowhere in the sentence, so no gold; an edge
                # that names some acquirer of X is not counted against the extractor either.
                h = None if generic(head["text"]) else name_variants(head["text"])
                if kind == "ActionBuy" and tail["type"] == "FinancialEntity":
                    # A stake or shares "Propertyof" a company is a purchase in that company:
                    # acquired or invests-in, as FIRE does not say how large. Other
                    # FinancialEntity tails (assets, licences, leases) are not nodes.
                    owners = [entities[r["tail"]] for r in row["relations"]
                              if r["head"] == rel["tail"] and r["type"] == "Propertyof"
                              and entities[r["tail"]]["type"] == "Company"]
                    for owner in owners:
                        t = name_variants(owner["text"])
                        gold.append(Gold(doc, f"{head['text']} ActionBuy {tail['text']} of "
                                              f"{owner['text']}",
                                         [("acquired", h, t), ("invests-in", h, t)]))
                    continue
                if tail["type"] != "Company":
                    continue
                t = None if generic(tail["text"]) else name_variants(tail["text"])
                shown = f"{head['text']} {kind} {tail['text']}"
                if h is None or t is None:
                    if h is not None or t is not None:
                        readings = {"ActionBuy": [("acquired", h, t)],
                                    "ActionMerge": [("acquired", h, t), ("acquired", t, h)],
                                    "Subsidiaryof": [("owns", t, h)]}[kind]
                        neutral.append(Gold(doc, shown, readings))
                    continue
                if kind == "ActionBuy":
                    gold.append(Gold(doc, shown, [("acquired", h, t)]))
                    neutral.append(Gold(doc, shown, [("owns", h, t)]))
                elif kind == "ActionMerge":
                    gold.append(Gold(doc, shown, [("acquired", h, t), ("acquired", t, h),
                                                  ("partners", h, t)]))
                else:
                    gold.append(Gold(doc, shown, [("owns", t, h)]))
    return articles, gold, neutral


def load_knet(path: Path) -> tuple[list[dict], list[Gold], list[Gold]]:
    """Passages, gold facts, and neutral facts (one end a pronoun)."""
    passages: dict[tuple, dict] = {}
    facts: dict[tuple, Gold] = {}
    neutral: list[Gold] = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            row = json.loads(line)
            key = (row["documentId"], row["passageStart"], row["passageEnd"])
            doc = f"knet-{row['documentId']}-{row['passageStart']}"
            passages.setdefault(key, {"id": doc, "text": row["passageText"]})
            if row.get("isNegative"):
                continue
            subject, parent = row["subjectText"], row["objectText"]
            if generic(subject) or generic(parent):
                # The pronoun's company may be outside the passage: not counted in recall, and
                # an owns edge whose other end matches is not a false positive.
                if not (generic(subject) and generic(parent)):
                    neutral.append(Gold(doc, f"{subject} SUBSIDIARY_OF {parent}", [(
                        "owns", None if generic(parent) else name_variants(parent),
                        None if generic(subject) else name_variants(subject))]))
                continue
            fact = (doc, row["subjectText"], row["objectText"])
            if fact not in facts:
                facts[fact] = Gold(doc, f"{row['subjectText']} SUBSIDIARY_OF {row['objectText']}",
                                   [("owns", name_variants(row["objectText"]),
                                     name_variants(row["subjectText"]))])
    return list(passages.values()), list(facts.values()), neutral


def evaluate(articles: list[dict], gold: list[Gold], neutral: list[Gold], preds: list[dict],
             scored: set[str], merge_partners: bool) -> dict:
    by_doc: dict[str, list[Gold]] = {}
    for g in gold:
        by_doc.setdefault(g.doc, []).append(g)
    neutral_by_doc: dict[str, list[Gold]] = {}
    for g in neutral:
        neutral_by_doc.setdefault(g.doc, []).append(g)
    known = {a["id"] for a in articles}
    found: set[int] = set()
    tp = fp = 0
    false_positives = []
    seen = set()
    for pred in preds:
        doc = pred.get("doc", "")
        if doc not in known:
            doc = score.doc_stem(doc)
        label = score.normalise_label(pred.get("relation", ""))
        # partners (for mergers) and invests-in (for stake purchases) are judged only where FIRE
        # has a matching fact; FIRE has no label to say they are wrong anywhere else.
        optional = merge_partners and label in ("partners", "invests-in")
        if label not in scored and not optional:
            continue
        key = (doc, label, score.normalise_company(pred["source"]),
               score.normalise_company(pred["target"]))
        if key in seen:  # one edge, several evidence sentences
            continue
        seen.add(key)
        hits = [id(g) for g in by_doc.get(doc, []) if g.matched_by(pred)]
        if hits:
            tp += 1
            found.update(hits)
        elif optional:
            continue
        elif any(g.matched_by(pred) for g in neutral_by_doc.get(doc, [])):
            continue
        else:
            fp += 1
            false_positives.append(f"{doc}: {pred['source']} {label} {pred['target']}")
    recalled = sum(1 for g in gold if id(g) in found)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = recalled / len(gold) if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"documents": len(articles), "gold": len(gold), "pred": tp + fp, "tp": tp,
            "gold_found": recalled, "precision": p, "recall": r, "f1": f,
            "misses": [f"{g.doc}: {g.shown}" for g in gold if id(g) not in found],
            "false_positives": false_positives}


def run(binary: str, articles: list[dict], workdir: Path, name: str) -> list[dict]:
    path = workdir / f"{name}.jsonl"
    with open(path, "w", encoding="utf-8") as handle:
        for article in articles:
            handle.write(json.dumps(article) + "\n")
    return score.run_extract(binary, [str(path)])


def default_binary() -> str:
    build = os.environ.get("CORPGRAPH_BUILD_DIR", str(ROOT / "build"))
    return str(Path(build) / "src" / "cli" / "corpgraph")


def format_table(results: dict) -> str:
    lines = ["| benchmark | scored labels | docs | gold | pred | P | R | F1 |",
             "|---|---|---|---|---|---|---|---|"]
    for name, (labels, m) in results.items():
        lines.append(f"| {name} | {labels} | {m['documents']} | {m['gold']} | {m['pred']} "
                     f"| {m['precision']:.3f} | {m['recall']:.3f} | {m['f1']:.3f} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bin", default=default_binary(), help="the corpgraph binary")
    parser.add_argument("--benchmarks", default=str(ROOT.parent / "shared" / "benchmarks"))
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--verbose", action="store_true", help="list misses and false positives")
    args = parser.parse_args(argv)

    bench = Path(args.benchmarks)
    fire_path = bench / "fire" / "fire_dev_company.jsonl"
    knet_path = bench / "knowledgenet" / "knet_subsidiary_folds1-3.jsonl"
    if not fire_path.is_file() and not knet_path.is_file():
        print("{}" if args.json else f"eval_benchmarks.py: skipped, no benchmarks under {bench}")
        return 0

    results: dict[str, tuple[str, dict]] = {}
    with tempfile.TemporaryDirectory(prefix="corpgraph-bench-") as tmp:
        workdir = Path(tmp)
        if fire_path.is_file():
            articles, gold, neutral = load_fire(fire_path)
            preds = run(args.bin, articles, workdir, "fire")
            results["FIRE"] = ("acquired, owns (+partners for mergers, invests-in for stakes)",
                               evaluate(articles, gold, neutral, preds, {"acquired", "owns"},
                                        merge_partners=True))
        if knet_path.is_file():
            articles, gold, neutral = load_knet(knet_path)
            preds = run(args.bin, articles, workdir, "knet")
            results["KnowledgeNet"] = ("owns", evaluate(articles, gold, neutral, preds, {"owns"},
                                                         merge_partners=False))
    if args.json:
        print(json.dumps({k: v[1] for k, v in results.items()}, indent=1))
        return 0
    print(format_table(results))
    if args.verbose:
        for name, (_, m) in results.items():
            print(f"\n{name} misses ({len(m['misses'])}):")
            print("\n".join("  " + x for x in m["misses"]))
            print(f"\n{name} false positives ({len(m['false_positives'])}):")
            print("\n".join("  " + x for x in m["false_positives"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
