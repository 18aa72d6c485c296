#!/usr/bin/env python3
"""Turns a corpgraph graph file into the edge list igraph and NetworkX read fastest, for
tools/bench_query.sh: one "SOURCE TARGET" line of company numbers per directed link (a symmetric
relation gives two lines), and prints the numbers of the companies the benchmark asks about.

Usage: tools/bench_query_edges.py GRAPH.json EDGES.txt NAME...
Streams the file line by line (corpgraph and tools/gen_graph.py write one company, document or
relation a line), so memory stays small even for millions of relations.
"""
import json
import sys

SYMMETRIC = {"partners", "talked-to", "former-deal", "competes-with"}


def main():
    graph_path, edges_path, wanted = sys.argv[1], sys.argv[2], sys.argv[3:]
    ids = {}
    links = 0
    with open(graph_path, encoding="utf-8") as src, \
            open(edges_path, "w", encoding="ascii", buffering=1 << 22) as out:
        chunk = []
        for line in src:
            line = line.strip().rstrip(",")
            if line.startswith('{"name"'):
                ids[json.loads(line)["name"]] = len(ids)
            elif line.startswith('{"source"'):
                r = json.loads(line)
                s, t = ids[r["source"]], ids[r["target"]]
                chunk.append("%d %d\n" % (s, t))
                links += 1
                if r["relation"] in SYMMETRIC:
                    chunk.append("%d %d\n" % (t, s))
                    links += 1
                if len(chunk) >= 100000:
                    out.write("".join(chunk))
                    chunk.clear()
        out.write("".join(chunk))
    print(json.dumps({"companies": len(ids), "links": links,
                      "ids": [ids[name] for name in wanted]}))


if __name__ == "__main__":
    main()
