#!/usr/bin/env python3
"""Times the benchmark's questions in igraph or NetworkX, for tools/bench_query.sh: load the edge
list that tools/bench_query_edges.py wrote, list the neighbours of one company, run PageRank
(alpha 0.85, directed, symmetric relations both ways). Prints one JSON line of seconds and the
peak resident memory of this process; "cpu" has the same steps in CPU seconds.

Usage: /usr/bin/python3 tools/bench_query_py.py igraph|networkx EDGES.txt COMPANIES NODE
"""
import json
import resource
import sys
import time


def main():
    lib, edges, companies, node = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    t0, c0 = time.perf_counter(), time.process_time()
    if lib == "igraph":
        import igraph
        g = igraph.Graph.Read_Edgelist(edges, directed=True)
        if g.vcount() < companies:
            g.add_vertices(companies - g.vcount())
        t1, c1 = time.perf_counter(), time.process_time()
        found = set(g.neighbors(node, mode="all"))
        t2, c2 = time.perf_counter(), time.process_time()
        ranks = g.pagerank(damping=0.85, directed=True)
        t3, c3 = time.perf_counter(), time.process_time()
    else:
        import networkx as nx
        g = nx.read_edgelist(edges, create_using=nx.DiGraph, nodetype=int, data=False)
        g.add_nodes_from(range(companies))
        t1, c1 = time.perf_counter(), time.process_time()
        found = set(g.successors(node)) | set(g.predecessors(node))
        t2, c2 = time.perf_counter(), time.process_time()
        ranks = nx.pagerank(g, alpha=0.85, tol=1e-10)
        t3, c3 = time.perf_counter(), time.process_time()
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"load": t1 - t0, "neighbours": t2 - t1, "pagerank": t3 - t2,
                      "cpu": {"load": c1 - c0, "neighbours": c2 - c1, "pagerank": c3 - c2},
                      "found": len(found), "ranked": len(ranks), "peak_mib": peak_kib / 1024}))


if __name__ == "__main__":
    main()
