#!/usr/bin/env python3
"""Writes a realistic corpgraph graph file of a given size, quickly, for load and query benchmarks.

Usage: tools/gen_graph.py COMPANIES RELATIONS OUT.json [--seed N] [--documents N]

Companies get pronounceable unique names, a few aliases and a kind; relations follow a skewed
(heavy-tailed) degree distribution over every label of relations.md, each with one short evidence
sentence from one of the documents. The file is valid for `corpgraph` (docs/graph-format.md) but
not in save_graph's sorted order; load_graph does not need that order.
"""
import argparse
import json
import random
import sys

LABELS = ["partners", "talked-to", "former-deal", "acquired", "owns", "invests-in",
          "competes-with", "supplies", "sues"]
SYMMETRIC = {"partners", "talked-to", "former-deal", "competes-with"}
# Roughly how often each label turns up in business news.
WEIGHTS = [22, 10, 5, 8, 12, 14, 12, 12, 5]
KINDS = ["company"] * 16 + ["bank", "fund", "media", "brand"]
SYLLABLES = ["al", "ba", "cor", "da", "en", "fi", "gra", "hu", "ix", "jo", "ka", "lu", "mo",
             "ner", "ov", "pa", "qui", "ro", "sa", "tel", "un", "ver", "wa", "xen", "yo", "zi"]
SUFFIXES = ["", "", "", " Holdings", " Group", " Systems", " Capital", " Labs", " Media",
            " Energy", " Bank", " Motors", " Foods", " Networks"]
VERBS = {"partners": "teamed up with", "talked-to": "held talks with",
         "former-deal": "called off its deal with", "acquired": "agreed to buy",
         "owns": "owns", "invests-in": "invested in", "competes-with": "competes with",
         "supplies": "supplies chips to", "sues": "sued"}


def company_name(i):
    # Base-26 syllables of i keep names unique; the suffix adds realism without collisions.
    parts = []
    n = i
    while True:
        parts.append(SYLLABLES[n % 26])
        n //= 26
        if n == 0:
            break
    stem = "".join(parts)
    return stem[0].upper() + stem[1:] + SUFFIXES[i % len(SUFFIXES)]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("companies", type=int)
    ap.add_argument("relations", type=int)
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--documents", type=int, default=0,
                    help="number of documents (default: relations / 20, at least 1)")
    args = ap.parse_args()
    if args.companies < 2:
        sys.exit("gen_graph.py: need at least 2 companies")
    rng = random.Random(args.seed)
    n = args.companies
    ndocs = args.documents or max(1, args.relations // 20)
    names = [company_name(i) for i in range(n)]
    # A name is unique because the stem is; stems differ for different i.
    dumps = json.dumps
    with open(args.out, "w", encoding="utf-8", buffering=1 << 22) as out:
        out.write('{"format":"corpgraph","version":1,\n"companies":[\n')
        chunk = []
        for i, name in enumerate(names):
            r = rng.random()
            if r < 0.15:
                aliases = '["%s Inc.","%s.HK"]' % (name, name[:4].upper())
            elif r < 0.4:
                aliases = '["%s Inc."]' % name
            else:
                aliases = "[]"
            kind = KINDS[rng.randrange(len(KINDS))]
            sep = ",\n" if i + 1 < n else "\n"
            chunk.append('{"name":%s,"aliases":%s,"kind":"%s"}%s' % (dumps(name), aliases, kind, sep))
            if len(chunk) >= 10000:
                out.write("".join(chunk))
                chunk.clear()
        out.write("".join(chunk))
        chunk.clear()
        out.write('],\n"documents":[\n')
        for d in range(ndocs):
            sep = ",\n" if d + 1 < ndocs else "\n"
            chunk.append('{"id":"doc-%d","title":"Business wire %d","date":"2026-%02d-%02d",'
                         '"url":"https://news.example/%d","extra":{}}%s'
                         % (d, d, 1 + d % 12, 1 + d % 28, d, sep))
            if len(chunk) >= 10000:
                out.write("".join(chunk))
                chunk.clear()
        out.write("".join(chunk))
        chunk.clear()
        out.write('],\n"relations":[\n')
        seen = set()
        written = 0
        labels = rng.choices(range(len(LABELS)), WEIGHTS, k=min(args.relations, 1 << 20))
        rand = rng.random
        attempts = 0
        max_attempts = args.relations * 4 + 100
        while written < args.relations and attempts < max_attempts:
            attempts += 1
            # rand()**3 gives a heavy head: a few companies have many relations.
            s = int(n * rand() ** 3)
            t = int(n * rand())
            if s == t:
                continue
            li = labels[attempts % len(labels)]
            label = LABELS[li]
            a, b = (s, t) if label not in SYMMETRIC or s < t else (t, s)
            key = (a * n + b) * 16 + li
            if key in seen:
                continue
            seen.add(key)
            status = "ended" if label == "former-deal" else ("pending" if rand() < 0.05 else "current")
            conf = round(0.5 + rand() * 0.5, 2)
            doc = int(ndocs * rand())
            sentence = "%s %s %s." % (names[s], VERBS[label], names[t])
            start = int(rand() * 4000)
            written += 1
            sep = ",\n" if written < args.relations else "\n"
            chunk.append('{"source":%s,"relation":"%s","target":%s,"status":"%s","confidence":%s,'
                         '"evidence":[{"doc":"doc-%d","sentence":%s,"start":%d,"end":%d,'
                         '"confidence":%s,"pattern":"p%d"}]}%s'
                         % (dumps(names[s]), label, dumps(names[t]), status, conf, doc,
                            dumps(sentence), start, start + len(sentence), conf, li, sep))
            if len(chunk) >= 10000:
                out.write("".join(chunk))
                chunk.clear()
        if written < args.relations and chunk:
            # Ran out of distinct pairs: drop the trailing comma of the last row.
            chunk[-1] = chunk[-1].rstrip(",\n") + "\n"
        out.write("".join(chunk))
        out.write("]}\n")
    print("gen_graph.py: %d companies, %d documents, %d relations -> %s"
          % (n, ndocs, written, args.out), file=sys.stderr)


if __name__ == "__main__":
    main()
