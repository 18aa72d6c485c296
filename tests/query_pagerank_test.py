"""`corpgraph top --by pagerank|betweenness` agree with NetworkX on the same graph, and every
query command's --json output is one JSON document of the documented shape.

Run as: /usr/bin/python3 query_pagerank_test.py BINARY SOURCE_DIR BUILD_DIR (exit 77: skipped).
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

try:
    import networkx as nx
    import scipy  # noqa: F401  (nx.pagerank needs it)
except ImportError as missing:
    print("%s; skipped (tools/deps.sh test installs it)" % missing)
    sys.exit(77)

SYMMETRIC = {"partners", "talked-to", "former-deal", "competes-with"}


def run(binary, *args, expect=0):
    p = subprocess.run([binary, *args], capture_output=True, text=True)
    if p.returncode != expect:
        sys.exit("corpgraph %s: exit %d, expected %d\n%s" % (" ".join(args), p.returncode, expect,
                                                            p.stderr))
    return p.stdout


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def directed(graph, labels=None):
    g = nx.MultiDiGraph()
    g.add_nodes_from(c["name"] for c in graph["companies"])
    for r in graph["relations"]:
        if labels and r["relation"] not in labels:
            continue
        g.add_edge(r["source"], r["target"])
        if r["relation"] in SYMMETRIC:
            g.add_edge(r["target"], r["source"])
    return g


def undirected(graph):
    g = nx.Graph()
    g.add_nodes_from(c["name"] for c in graph["companies"])
    g.add_edges_from((r["source"], r["target"]) for r in graph["relations"])
    return g


def compare(name, ours, theirs, linked):
    if set(ours) != linked:
        sys.exit("%s: corpgraph ranked %d companies, %d have relations"
                 % (name, len(ours), len(linked)))
    worst = max(abs(ours[n] - theirs[n]) for n in ours)
    if worst >= 5e-7:
        sys.exit("%s: differs from networkx by %.3g" % (name, worst))
    print("%s: %d companies, largest difference from networkx %.3g" % (name, len(ours), worst))


def scores(binary, graph_file, *args):
    doc = json.loads(run(binary, "top", graph_file, "--limit", "0", "--json", *args))
    assert doc["command"] == "top" and doc["count"] == len(doc["results"]), doc
    ranks = [r["rank"] for r in doc["results"]]
    assert ranks == list(range(1, len(ranks) + 1)), ranks
    values = [r["score"] for r in doc["results"]]
    assert values == sorted(values, reverse=True), "not sorted by score"
    return {r["company"]: r["score"] for r in doc["results"]}


def check_centrality(binary, graph_file):
    graph = load(graph_file)
    every = {n for r in graph["relations"] for n in (r["source"], r["target"])}
    compare("pagerank", scores(binary, graph_file, "--by", "pagerank"),
            nx.pagerank(directed(graph), alpha=0.85, tol=1e-12, max_iter=1000), every)
    only = ["owns", "partners"]
    some = {n for r in graph["relations"] if r["relation"] in only
            for n in (r["source"], r["target"])}
    compare("pagerank --relation owns --relation partners",
            scores(binary, graph_file, "--by", "pagerank", "--relation", "owns",
                   "--relation", "partners"),
            nx.pagerank(directed(graph, set(only)), alpha=0.85, tol=1e-12, max_iter=1000), some)
    compare("betweenness", scores(binary, graph_file, "--by", "betweenness"),
            nx.betweenness_centrality(undirected(graph)), every)


def check_json_shapes(binary, graph_file, scratch):
    def doc(*args, expect=0):
        out = run(binary, *args, "--json", expect=expect)
        assert out.count("\n") == 1 and out.endswith("\n"), "not one JSON line: %r" % out[:200]
        return json.loads(out)

    hop_keys = {"from", "relation", "to", "direction", "status", "confidence"}
    d = doc("neighbours", graph_file, "Apple", "--depth", "2")
    assert set(d) == {"command", "company", "depth", "direction", "relations", "statuses",
                      "count", "results"}, d.keys()
    assert d["count"] == len(d["results"]) > 0
    for r in d["results"]:
        assert set(r) == {"company", "depth", "relation", "direction", "status", "confidence",
                          "via", "path"}, r.keys()
        assert len(r["path"]) == r["depth"] and all(set(h) == hop_keys for h in r["path"])
    d = doc("path", graph_file, "Apple", "Ubisoft", "--all")
    assert set(d) == {"command", "from", "to", "length", "count", "truncated", "paths"}
    assert all(len(p) == d["length"] for p in d["paths"])
    d = doc("why", graph_file, "Apple", "Alibaba")
    assert set(d) == {"command", "a", "b", "count", "relations"}
    for rel in d["relations"]:
        for e in rel["evidence"]:
            assert set(e) == {"doc", "title", "date", "url", "sentence", "start", "end",
                              "confidence", "pattern", "marks"}, e.keys()
            raw = e["sentence"].encode("utf-8")
            for m in e["marks"]:
                marked = raw[m["start"]:m["end"]].decode("utf-8").lower()
                assert marked.startswith(m["company"].lower()[:4]), (marked, m)
    d = doc("show", graph_file, "Apple")
    assert set(d) == {"command", "name", "aliases", "kind", "degree", "degree_by_relation",
                      "relations", "documents"}
    assert d["degree"] == sum(d["degree_by_relation"].values()) == len(d["relations"])
    d = doc("stats", graph_file)
    assert sum(d["by_relation"].values()) == d["relations"] == sum(d["by_status"].values())
    d = doc("find", graph_file, "zzz", expect=1)
    assert d == {"command": "find", "pattern": "zzz", "count": 0, "results": []}
    ego = os.path.join(scratch, "ego.json")
    d = doc("ego", graph_file, "Tencent", "-o", ego)
    assert d["companies"] == len(load(ego)["companies"])
    print("json shapes: neighbours, path, why, show, stats, find, ego ok")


def main():
    binary, source = sys.argv[1], sys.argv[2]
    scratch = tempfile.mkdtemp(prefix="query-pagerank-")
    try:
        samples = os.path.join(scratch, "samples.json")
        run(binary, "build", os.path.join(source, "samples", "relations", "founding.jsonl"),
            os.path.join(source, "tests", "data", "query", "extra.jsonl"), "-o", samples)
        check_centrality(binary, samples)
        check_json_shapes(binary, samples, scratch)
        # A bigger random graph with parallel relations and many dangling companies.
        generated = os.path.join(scratch, "generated.json")
        subprocess.run([sys.executable, os.path.join(source, "tools", "gen_graph.py"), "400",
                        "1500", generated, "--seed", "7"], check=True, capture_output=True)
        check_centrality(binary, generated)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
