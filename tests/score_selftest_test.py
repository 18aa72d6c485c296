#!/usr/bin/env python3
"""Unit test of tools/score.py's matching (pure Python, no binary): names, direction, aliases,
counting and the --min-f1 exit status. Run as SCRIPT BINARY SOURCE_DIR BUILD_DIR."""
import contextlib
import io
import json
import sys
import tempfile
from pathlib import Path

source_dir = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(__file__).resolve().parent.parent
sys.dont_write_bytecode = True  # keep the source tree clean when run from CTest
sys.path.insert(0, str(source_dir / "tools"))
import score  # noqa: E402
import eval_benchmarks  # noqa: E402

failures = []


def check(condition, what):
    if not condition:
        failures.append(what)
        print("FAIL:", what)


def rel(source, relation, target, status="current", doc="tests/data/articles/001_x.txt", **extra):
    return {"source": source, "relation": relation, "target": target, "status": status,
            "doc": doc, **extra}


# Names: legal suffixes, possessives, tickers, case, whitespace, "The", "& Co.", "PT".
for a, b in [("Alibaba Group Holding Ltd.", "Alibaba"), ("Alibaba's", "alibaba"),
             ("Alibaba (9988.HK)", "ALIBABA"), ("The Kroger Co.", "Kroger"),
             ("Tencent  Holdings", "tencent"), ("Apple Inc.", "Apple"), ("Nvidia\u2019s", "Nvidia"),
             ("Merck & Co.", "Merck"), ("PT Vale Indonesia Tbk", "Vale Indonesia"),
             ("Velora Therapeutics, Inc.", "Velora Therapeutics")]:
    check(score.normalise_company(a) == score.normalise_company(b), f"{a!r} == {b!r}")
for a, b in [("Apple", "Alibaba"), ("Vale", "Vale Indonesia"), ("SK Square", "SK Hynix")]:
    check(score.normalise_company(a) != score.normalise_company(b), f"{a!r} != {b!r}")
check(score.doc_stem("tests/data/articles/001_x.txt") == "001_x", "doc stem of a .txt")
check(score.doc_stem("x/001_x.gold.jsonl") == "001_x", "doc stem of a gold file")


def run_score(gold_rows, pred_rows):
    gold = score.load_pred_rows(gold_rows, "gold")  # same shape; doc gives the stem
    pred = score.load_pred_rows(pred_rows, "pred")
    return score.score(gold, pred)


# Symmetric labels match in either order; directed labels do not.
r = run_score([rel("Apple", "partners", "Alibaba"), rel("Tencent", "invests-in", "Ubisoft")],
              [rel("Alibaba Group Holding", "partners", "Apple Inc."),
               rel("Ubisoft", "invests-in", "Tencent")])
check(r["typed"]["tp"] == 1 and r["typed"]["pred"] == 2 and r["typed"]["gold"] == 2,
      "typed: symmetric reversed matches, directed reversed does not")
check(r["untyped"]["tp"] == 2, "untyped: both pairs match whatever the direction")
check(r["per_label"]["invests-in"]["recall"] == 0.0, "per-label recall of the reversed edge")
check(len(r["misses"]) == 1 and len(r["false_positives"]) == 1, "one miss, one false positive")

# Wrong label: typed miss, untyped hit.
r = run_score([rel("Apple", "former-deal", "Baidu", "ended")],
              [rel("Apple", "partners", "Baidu")])
check(r["typed"]["tp"] == 0 and r["untyped"]["tp"] == 1, "label confusion is untyped only")

# Duplicate predictions (several evidence sentences) count once; status is reported apart.
r = run_score([rel("Skydance", "acquired", "Paramount Global", "pending")],
              [rel("Skydance", "acquired", "Paramount Global", "current")] * 3)
check(r["typed"]["pred"] == 1 and r["typed"]["tp"] == 1, "duplicates count once")
check(r["status_agreement"] == {"agree": 0, "matched": 1} and len(r["wrong_status"]) == 1,
      "status disagreement is reported")

# A prediction whose canonical name differs matches through its printed aliases, once.
r = run_score([rel("U.S. Steel", "sues", "Cleveland-Cliffs")],
              [rel("United States Steel", "sues", "Cleveland-Cliffs",
                   source_aliases=["U.S. Steel", "United States Steel Corp."]),
               rel("US Steel Co", "sues", "Cleveland-Cliffs")])
check(r["typed"]["tp"] == 1 and r["typed"]["pred"] == 2, "alias match, one-to-one")

# A name that is not a gold name matches the one gold company it abbreviates from the left or
# extends; a bare tail never does, and --strict-names turns the rule off.
gold_rows = [rel("Sequoia Capital", "invests-in", "Nordlys Labs"),
             rel("Anglo American", "owns", "De Beers"),
             rel("Anglo American", "owns", "Anglo American Platinum"),
             rel("Northgate Bank", "owns", "Kessler Leasing")]
pred_rows = [rel("Sequoia", "invests-in", "Nordlys Labs"), rel("Anglo", "owns", "De Beers"),
             rel("Northgate Bank", "owns", "Leasing")]
r = run_score(gold_rows, pred_rows)
check(r["typed"]["tp"] == 2 and r["typed"]["pred"] == 3, "prefix names match, a bare tail does not")
check([m["target"] for m in r["false_positives"]] == ["Leasing"], "the bare tail is a false positive")
strict = score.score(score.load_pred_rows(gold_rows, "gold"), score.load_pred_rows(pred_rows, "pred"),
                     strict_names=True)
check(strict["typed"]["tp"] == 0, "--strict-names: only normalised names and aliases match")
check(score.resolve_names(frozenset({"samsung"}), {"samsung electronics", "samsung biologics"})
      == frozenset({"samsung"}), "an ambiguous abbreviation matches nothing")

# Predictions for another document do not count for this one.
r = run_score([rel("Apple", "partners", "OpenAI")],
              [rel("Apple", "partners", "OpenAI", doc="tests/data/articles/002_y.txt")])
check(r["typed"]["tp"] == 0 and r["ignored_pred_documents"] == ["002_y"], "per-document match")

# Empty prediction on an empty gold is perfect; nothing predicted on a non-empty gold is zero.
check(score.prf(0, 0, 0)["f1"] == 1.0 and score.prf(0, 0, 3)["f1"] == 0.0, "edge cases of P/R/F1")

# The command line: --gold/--pred and --min-f1's exit status.
with tempfile.TemporaryDirectory() as tmp:
    tmp = Path(tmp)
    (tmp / "001_x.gold.jsonl").write_text(
        json.dumps(rel("Apple", "owns", "Beats")) + "\n" +
        json.dumps(rel("Apple", "competes-with", "Samsung")) + "\n", encoding="utf-8")
    (tmp / "pred.jsonl").write_text(json.dumps(rel("Apple", "owns", "Beats")) + "\n",
                                    encoding="utf-8")
    args = ["--gold", str(tmp), "--pred", str(tmp / "pred.jsonl")]
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        passes = score.main(args + ["--min-f1", "0.5"])
        fails = score.main(args + ["--min-f1", "0.9"])
    check(passes == 0, "F1 0.667 passes --min-f1 0.5")
    check(fails == 1, "F1 0.667 fails --min-f1 0.9")

# eval_benchmarks' loose entity match: containment at word boundaries only.
check(eval_benchmarks.loose_match({"apple"}, {"apple computer"}), "Apple ~ Apple Computer")
check(not eval_benchmarks.loose_match({"arm"}, {"harmony"}), "Arm !~ Harmony")
check("gilead" in eval_benchmarks.name_variants("Gilead Sciences , Inc. ( Gilead )"),
      "FIRE parenthesised alias")

# The dev set itself: 35+ articles of 150-500 words, each with a well-formed gold file whose
# companies are named in the article, every label present, former-deal always ended.
articles = sorted((source_dir / "tests" / "data" / "articles").glob("*.txt"))
check(len(articles) >= 35, f"at least 35 dev-set articles ({len(articles)})")
labels_seen = set()
for article in articles:
    text = article.read_text(encoding="utf-8")
    words = len(text.split())
    check(150 <= words <= 500, f"{article.name}: 150-500 words ({words})")
    gold_file = article.with_name(article.stem + ".gold.jsonl")
    check(gold_file.is_file(), f"{article.name}: has {gold_file.name}")
    if not gold_file.is_file():
        continue
    keys = set()
    for number, line in enumerate(gold_file.read_text(encoding="utf-8").splitlines(), 1):
        where = f"{gold_file.name}:{number}"
        row = json.loads(line)
        check(set(row) == {"source", "relation", "target", "status"}, f"{where}: fields")
        check(row["relation"] in score.LABELS, f"{where}: label {row['relation']}")
        check(row["status"] in ("current", "pending", "ended"), f"{where}: status")
        check(row["relation"] != "former-deal" or row["status"] == "ended",
              f"{where}: former-deal is ended")
        labels_seen.add(row["relation"])
        key = score.relation_key(row["source"], row["relation"], row["target"])
        check(key not in keys, f"{where}: listed once")
        check(key[1] != key[2], f"{where}: two different companies")
        keys.add(key)
        for end in ("source", "target"):
            check(row[end].lower() in text.lower(), f"{where}: {row[end]!r} is named in the article")
check(labels_seen == set(score.LABELS), "every label is in the dev set")

print("score.py self-test:", "FAILED" if failures else "ok")
sys.exit(1 if failures else 0)
