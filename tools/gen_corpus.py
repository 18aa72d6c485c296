#!/usr/bin/env python3
"""Writes a news-like corpus of JSON-lines articles for benchmarking `corpgraph extract`.

  gen_corpus.py OUT.jsonl [--mb 100] [--seed 7]

Articles mix invented companies (random names with legal suffixes) and well-known ones in the
constructions business news uses (acquisitions, talks, stakes, rivals, suppliers, lawsuits,
denials), with filler sentences between them, so the extractor sees realistic density. The output
is deterministic for a given seed.
"""
import argparse
import json
import random

KNOWN = ["Apple", "Alibaba", "Tencent", "ByteDance", "Baidu", "Huawei", "Xiaomi", "OpenAI",
         "Microsoft", "Google", "Nvidia", "Toyota", "Volkswagen", "BYD", "Pfizer", "TSMC",
         "Samsung Electronics", "Amazon", "Meta", "Intel", "Sony", "Netflix", "Boeing", "Airbus"]
SUFFIXES = ["Inc.", "Corp.", "Ltd", "Holdings", "Group", "AG", "plc", "Technologies", "Systems",
            "Therapeutics", "Labs", "Energy", "Capital", "Networks"]
SYLLABLES = ["ar", "bel", "cor", "dan", "el", "fen", "gar", "hal", "is", "jor", "kel", "lum",
             "mar", "nor", "or", "pel", "quin", "ros", "sal", "tor", "ul", "var", "wen", "xan",
             "yor", "zel"]
TEMPLATES = [
    "{a} agreed to buy {b} for ${n} million, pending regulatory approval.",
    "{a} completed its acquisition of {b} on {day}.",
    "{b} was acquired by {a} last year.",
    "{a} is in talks with {b} about a possible partnership, people familiar with the matter said.",
    "{a} signed a supply agreement with {b} to provide components for its plants.",
    "{a} invested ${n} million in {b}, taking a minority stake.",
    "{a} competes with rivals such as {b}, {c} and {d}.",
    "{b}, a unit of {a}, reported higher sales in the quarter.",
    "{a} sued {b} over a patent dispute in a federal court.",
    "{a} had a deal with {b} last year, but that fell apart over pricing.",
    "{a} has no plans to sell itself to {b}, a spokesperson said.",
    "Neither {a} nor {b} commented on the report.",
    "{a}, which owns {b}, said its profit rose {p}% in the quarter.",
    "{b} supplies chips to {a} from factories in Asia.",
]
FILLER = [
    "Shares rose {p}% in early trading on {day}, while the broader market was flat.",
    "Analysts said the company's margins could improve next year as costs fall.",
    "The chief executive told reporters that demand remained strong in Europe and Asia.",
    "Revenue for the quarter was ${n} million, ahead of analyst estimates.",
    "The company employs about {n} people and operates {p} factories worldwide.",
    "Investors have been waiting for clarity on the timing of new product launches.",
    "The statement did not give further details about the terms of the arrangement.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def invented(rng):
    name = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
    return f"{name} {rng.choice(SUFFIXES)}"


def sentence(rng, template, pool):
    a, b, c, d = rng.sample(pool, 4)
    return template.format(a=a, b=b, c=c, d=d, n=rng.randint(10, 9000), p=rng.randint(1, 40),
                           day=rng.choice(DAYS))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--mb", type=float, default=100.0)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    invented_pool = [invented(rng) for _ in range(5000)]
    target = int(args.mb * 1024 * 1024)
    written = 0
    number = 0
    with open(args.out, "w", encoding="utf-8") as out:
        while written < target:
            number += 1
            pool = rng.sample(invented_pool, 6) + rng.sample(KNOWN, 2)
            paragraphs = []
            for _ in range(rng.randint(4, 8)):
                parts = []
                for _ in range(rng.randint(2, 4)):
                    if rng.random() < 0.45:
                        parts.append(sentence(rng, rng.choice(TEMPLATES), pool))
                    else:
                        parts.append(sentence(rng, rng.choice(FILLER), pool))
                paragraphs.append(" ".join(parts))
            title = sentence(rng, rng.choice(TEMPLATES), pool).rstrip(".")
            text = title + "\n\n" + "\n\n".join(paragraphs)
            line = json.dumps({"id": f"bench-{number}", "title": title, "date": "2025-01-01",
                               "url": f"https://example.com/{number}", "text": text},
                              ensure_ascii=False) + "\n"
            out.write(line)
            written += len(line.encode("utf-8"))
    print(f"gen_corpus: {number} articles, {written / 1e6:.1f} MB -> {args.out}")


if __name__ == "__main__":
    main()
