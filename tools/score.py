#!/usr/bin/env python3
"""Scores `corpgraph extract` output against gold relation files.

  score.py --gold DIR_OR_FILES... --pred PRED.jsonl [--json] [--verbose] [--min-f1 X]
  score.py --devset tests/data/articles --bin build/src/cli/corpgraph [--json] [--verbose]

Gold files are NNN_slug.gold.jsonl, one {"source","relation","target","status"} a line. A
prediction belongs to the gold file whose stem equals the stem of its "doc" field (the article
path as given to extract, or a JSON-lines id). Companies are compared after normalising case,
accents, whitespace, punctuation, legal suffixes and possessives; a prediction also answers to
the aliases it prints, and (unless --strict-names) to the one gold company of the document that
its name unambiguously abbreviates or extends ("Sequoia" for Sequoia Capital). Symmetric labels
are unordered; matching is one-to-one.

TYPED: (source, label, target) must match, direction included for directed labels.
UNTYPED: the unordered company pair must match, whatever the label.
Status is not part of a match; the agreement of status on typed matches is printed separately.
Exit status: 0, or 1 with --min-f1 X when typed overall F1 < X, or 2 when the input is unusable.
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import unicodedata
from pathlib import Path
from typing import NoReturn

LABELS = ["partners", "talked-to", "former-deal", "acquired", "owns", "invests-in",
          "competes-with", "supplies", "sues"]
SYMMETRIC = {"partners", "talked-to", "former-deal", "competes-with"}

# Dropped from the end of a name (repeatedly), so "Alibaba Group Holding Ltd." is "alibaba".
LEGAL_SUFFIXES = {
    "inc", "incorporated", "corp", "corporation", "co", "company", "ltd", "limited", "llc", "llp",
    "lp", "plc", "ag", "se", "sa", "nv", "bv", "gmbh", "kgaa", "spa", "srl", "ab", "asa", "oyj",
    "as", "kk", "pte", "pty", "bhd", "tbk", "pvt", "holdings", "holding", "group", "the",
}
LEGAL_PREFIXES = {"the", "pt"}


def fail(message: str) -> NoReturn:
    """Unusable input: one line on stderr, exit status 2 (1 is kept for --min-f1)."""
    print(message, file=sys.stderr)
    sys.exit(2)


def normalise_label(label: str) -> str:
    return re.sub(r"[\s_]+", "-", str(label).strip().lower())


def normalise_company(name: str) -> str:
    """Canonical comparison key of a company name."""
    text = re.sub("[\u2122\u00ae\u00a9]", " ", str(name))   # NFKC would make "Cox Automotive\u2122" end in "TM"
    text = unicodedata.normalize("NFKC", text).replace("\u2019", "'").replace("\u2018", "'")
    # "Itaú" and "Itau", "Nestlé" and "Nestle" are one company.
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = re.sub(r"\([^)]*\)", " ", text)          # "(9988.HK)", "( Gilead )"
    text = text.lower().strip()
    text = re.sub(r"'s\b", "", text)                # possessives; a bare "Chips'" loses "'" below
    text = text.replace("&", " and ")
    text = re.sub(r"[^\w\s]", " ", text)             # dots of "Inc.", commas, hyphens
    words = text.split()
    # Leading articles and Indonesian/Malay legal prefixes: "PT Vale Indonesia Tbk" is Vale Indonesia.
    while len(words) > 1 and words[0] in LEGAL_PREFIXES:
        words = words[1:]
    # "Merck & Co." leaves a dangling "and" once "co" is gone.
    while len(words) > 1 and (words[-1] in LEGAL_SUFFIXES or words[-1] == "and"):
        words.pop()
    return " ".join(words)


def relation_key(source: str, label: str, target: str) -> tuple[str, str, str]:
    s, t = normalise_company(source), normalise_company(target)
    if label in SYMMETRIC and t < s:
        s, t = t, s
    return (label, s, t)


def pair_key(source: str, target: str) -> tuple[str, str]:
    s, t = normalise_company(source), normalise_company(target)
    return (s, t) if s <= t else (t, s)


def doc_stem(doc: str) -> str:
    name = Path(str(doc)).name
    for suffix in (".gold.jsonl", ".jsonl", ".txt", ".json"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def read_jsonl(path: Path, what: str) -> list[dict]:
    rows = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            line = line.strip()
            if not line:
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as error:
                fail(f"score.py: {path}:{number}: {what} line is not JSON: {error}")
            rows.append(row)
    return rows


def name_set(name: str, aliases) -> frozenset[str]:
    """Every comparison key a company answers to: its name and, for predictions, its aliases."""
    names = {normalise_company(name)}
    if isinstance(aliases, list):
        names.update(normalise_company(a) for a in aliases if isinstance(a, str))
    names.discard("")
    return frozenset(names)


class DocRelations:
    """The relations of one document: typed keys with a status, a display form and the name
    sets of both ends (so a prediction whose canonical name differs from the gold one still
    matches when the gold name is among its printed aliases)."""

    def __init__(self) -> None:
        self.typed: dict[tuple[str, str, str], dict] = {}

    def add(self, row: dict, where: str) -> None:
        try:
            label = normalise_label(row["relation"])
            source, target = row["source"], row["target"]
        except KeyError as error:
            fail(f"score.py: {where}: missing field {error}")
        if label not in LABELS:
            fail(f"score.py: {where}: unknown relation {row['relation']!r}")
        key = relation_key(source, label, target)
        if key not in self.typed:
            self.typed[key] = {"source": source, "relation": label, "target": target,
                               "status": str(row.get("status", "")).lower(),
                               "source_names": name_set(source, row.get("source_aliases")),
                               "target_names": name_set(target, row.get("target_aliases"))}

    def pairs(self) -> dict[tuple[str, str], dict]:
        """Unordered company pairs, whatever the label, with the name sets of both ends."""
        out: dict[tuple[str, str], dict] = {}
        for key, row in self.typed.items():
            out.setdefault(pair_key(key[1], key[2]), {
                "source": row["source"], "target": row["target"], "relation": "",
                "source_names": row["source_names"], "target_names": row["target_names"]})
        return out


def contains_words(longer: str, shorter: str) -> bool:
    return f" {shorter} " in f" {longer} "


def resolve_names(names: frozenset[str], entities: set[str]) -> frozenset[str]:
    """Adds the gold company that a predicted name unambiguously stands for, when none of its
    names is a gold name: the gold name spelt without spaces ("ExxonMobil"), a gold name that
    the prediction extends ("Banco Bradesco" for Bradesco), or one it abbreviates from the
    left ("Sequoia" for Sequoia Capital). Several candidates count only when the shortest is a
    word prefix of all the others ("Anglo" is Anglo American, not Anglo American Platinum);
    a bare tail ("Leasing" for Kessler Leasing) never matches."""
    if names & entities:
        return names
    candidates = set()
    for name in names:
        for entity in entities:
            if (name.replace(" ", "") == entity.replace(" ", "") or contains_words(name, entity)
                    or f"{entity} ".startswith(f"{name} ")):
                candidates.add(entity)
    if not candidates:
        return names
    shortest = min(candidates, key=len)
    if all(f"{c} ".startswith(f"{shortest} ") for c in candidates):
        return names | {shortest}
    return names


def resolved(doc: "DocRelations", entities: set[str]) -> "DocRelations":
    out = DocRelations()
    for key, row in doc.typed.items():
        out.typed[key] = {**row,
                          "source_names": resolve_names(row["source_names"], entities),
                          "target_names": resolve_names(row["target_names"], entities)}
    return out


def compatible(gold_key, gold: dict, pred_key, pred: dict, label: str | None) -> bool:
    """Whether a prediction states the gold relation; label None compares unordered pairs."""
    if label is not None and gold_key[0] != pred_key[0]:
        return False
    gs, gt = normalise_company(gold["source"]), normalise_company(gold["target"])
    forward = gs in pred["source_names"] and gt in pred["target_names"]
    backward = gs in pred["target_names"] and gt in pred["source_names"]
    return forward or ((label is None or label in SYMMETRIC) and backward)


def match(gold: dict, pred: dict, typed: bool) -> dict:
    """One-to-one matching of gold to predicted keys: exact keys first, then through aliases.
    Returns {gold_key: pred_key}."""
    matched: dict = {}
    used: set = set()
    for key in gold:
        if key in pred:
            matched[key] = key
            used.add(key)
    for key, row in gold.items():
        if key in matched:
            continue
        for pkey, prow in pred.items():
            if pkey not in used and compatible(key, row, pkey, prow, key[0] if typed else None):
                matched[key] = pkey
                used.add(pkey)
                break
    return matched


def load_gold(items: list[str]) -> dict[str, DocRelations]:
    files: list[Path] = []
    for item in items:
        path = Path(item)
        if path.is_dir():
            files.extend(sorted(path.rglob("*.gold.jsonl")))
        elif path.is_file():
            files.append(path)
        else:
            fail(f"score.py: {item}: no such gold file or folder")
    if not files:
        fail(f"score.py: no *.gold.jsonl under {' '.join(items)}")
    gold: dict[str, DocRelations] = {}
    for file in files:
        doc = gold.setdefault(doc_stem(str(file)), DocRelations())
        for number, row in enumerate(read_jsonl(file, "gold"), 1):
            doc.add(row, f"{file}:{number}")
    return gold


def load_pred_rows(rows: list[dict], where: str) -> dict[str, DocRelations]:
    pred: dict[str, DocRelations] = {}
    for number, row in enumerate(rows, 1):
        if "doc" not in row:
            fail(f"score.py: {where}:{number}: prediction has no \"doc\" field")
        pred.setdefault(doc_stem(row["doc"]), DocRelations()).add(row, f"{where}:{number}")
    return pred


def prf(tp: int, n_pred: int, n_gold: int) -> dict:
    p = tp / n_pred if n_pred else (1.0 if n_gold == 0 else 0.0)
    r = tp / n_gold if n_gold else (1.0 if n_pred == 0 else 0.0)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "pred": n_pred, "gold": n_gold, "precision": p, "recall": r, "f1": f}


def public(row: dict) -> dict:
    return {k: row[k] for k in ("source", "relation", "target", "status") if k in row}


def score(gold: dict[str, DocRelations], pred: dict[str, DocRelations],
          strict_names: bool = False) -> dict:
    per_label = {label: [0, 0, 0] for label in LABELS}  # tp, pred, gold
    typed = [0, 0, 0]
    untyped = [0, 0, 0]
    status_agree = 0
    misses, false_positives, wrong_status = [], [], []
    for doc in sorted(gold):
        g = gold[doc]
        p = pred.get(doc, DocRelations())
        if not strict_names:
            entities = {n for key in g.typed for n in key[1:]}
            p = resolved(p, entities)
        matched = match(g.typed, p.typed, typed=True)
        for key, row in g.typed.items():
            per_label[key[0]][2] += 1
            typed[2] += 1
            if key in matched:
                per_label[key[0]][0] += 1
                typed[0] += 1
                predicted = p.typed[matched[key]]["status"]
                if predicted == row["status"]:
                    status_agree += 1
                else:
                    wrong_status.append({"doc": doc, **public(row), "predicted_status": predicted})
            else:
                misses.append({"doc": doc, **public(row)})
        used = set(matched.values())
        for key, row in p.typed.items():
            per_label[key[0]][1] += 1
            typed[1] += 1
            if key not in used:
                false_positives.append({"doc": doc, **public(row)})
        gp, pp = g.pairs(), p.pairs()
        untyped[0] += len(match(gp, pp, typed=False))
        untyped[1] += len(pp)
        untyped[2] += len(gp)
    return {
        "documents": len(gold),
        "ignored_pred_documents": sorted(set(pred) - set(gold)),
        "typed": prf(*typed),
        "untyped": prf(*untyped),
        "per_label": {label: prf(*counts) for label, counts in per_label.items()},
        "status_agreement": {"agree": status_agree, "matched": typed[0]},
        "misses": misses,
        "false_positives": false_positives,
        "wrong_status": wrong_status,
    }


def format_table(result: dict, title: str = "dev set") -> str:
    def row(name: str, m: dict) -> str:
        if m["pred"] == 0 and m["gold"] == 0:
            return f"| {name} | - | - | - | 0 | 0 | 0 |"
        return (f"| {name} | {m['precision']:.3f} | {m['recall']:.3f} | {m['f1']:.3f} "
                f"| {m['tp']} | {m['pred']} | {m['gold']} |")
    lines = [f"| {title} ({result['documents']} articles) | P | R | F1 | TP | pred | gold |",
             "|---|---|---|---|---|---|---|",
             row("**typed, overall**", result["typed"]),
             row("**untyped, overall**", result["untyped"])]
    for label in LABELS:
        lines.append(row(f"typed {label}", result["per_label"][label]))
    agreement = result["status_agreement"]
    lines.append("")
    lines.append(f"status agrees on {agreement['agree']} of {agreement['matched']} typed matches")
    return "\n".join(lines)


def format_verbose(result: dict) -> str:
    def rel(r: dict) -> str:
        return f"{r['doc']}: {r['source']} {r['relation']} {r['target']} ({r['status']})"
    out = ["", f"misses ({len(result['misses'])}):"]
    out += ["  " + rel(r) for r in result["misses"]]
    out += ["", f"false positives ({len(result['false_positives'])}):"]
    out += ["  " + rel(r) for r in result["false_positives"]]
    out += ["", f"wrong status ({len(result['wrong_status'])}):"]
    out += ["  " + rel(r) + f" predicted {r['predicted_status']}" for r in result["wrong_status"]]
    if result["ignored_pred_documents"]:
        out += ["", "predictions for documents without gold (ignored): "
                + ", ".join(result["ignored_pred_documents"])]
    return "\n".join(out)


def run_extract(binary: str, inputs: list[str]) -> list[dict]:
    """Runs `corpgraph extract` once over all inputs and parses its JSON lines."""
    try:
        proc = subprocess.run([binary, "extract", *inputs], capture_output=True, text=True,
                              timeout=600)
    except OSError as error:
        fail(f"score.py: cannot run {binary}: {error}")
    if proc.returncode != 0:
        message = proc.stderr.strip().splitlines()
        fail(f"score.py: {binary} extract exited {proc.returncode}: "
                         f"{message[-1] if message else ''}")
    rows = []
    for number, line in enumerate(proc.stdout.splitlines(), 1):
        if not line.strip():
            continue
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError:
            fail(f"score.py: extract output line {number} is not JSON: {line[:80]}")
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", nargs="+", help="gold files or folders of *.gold.jsonl")
    parser.add_argument("--pred", help="predictions, JSON lines as printed by corpgraph extract")
    parser.add_argument("--devset", help="folder of NNN_slug.txt articles with .gold.jsonl files")
    parser.add_argument("--bin", help="the corpgraph binary (with --devset)")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.add_argument("--verbose", action="store_true", help="list misses and false positives")
    parser.add_argument("--min-f1", type=float, help="exit 1 when typed overall F1 is below it")
    parser.add_argument("--strict-names", action="store_true",
                        help="names match only after normalisation or through printed aliases, "
                             "never as an unambiguous prefix or extension of a gold name")
    args = parser.parse_args(argv)

    if args.devset:
        if not args.bin:
            parser.error("--devset needs --bin")
        articles = sorted(str(p) for p in Path(args.devset).glob("*.txt"))
        if not articles:
            fail(f"score.py: no .txt articles in {args.devset}")
        gold = load_gold([args.devset])
        pred = load_pred_rows(run_extract(args.bin, articles), "extract output")
    elif args.gold and args.pred:
        gold = load_gold(args.gold)
        pred = load_pred_rows(read_jsonl(Path(args.pred), "prediction"), args.pred)
    else:
        parser.error("give --gold and --pred, or --devset and --bin")

    result = score(gold, pred, strict_names=args.strict_names)
    if args.json:
        print(json.dumps(result, indent=1))
    else:
        print(format_table(result))
        if args.verbose:
            print(format_verbose(result))
    if args.min_f1 is not None and result["typed"]["f1"] < args.min_f1:
        print(f"typed F1 {result['typed']['f1']:.3f} is below {args.min_f1}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
