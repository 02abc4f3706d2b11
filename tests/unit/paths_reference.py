#!/usr/bin/env python3
# paths_reference.py: computes, with NetworkX (independently of spygraph), the expected values that
# test_paths.c pastes as constants. Run once from the source root: python3 tests/unit/paths_reference.py
import csv
import math
import networkx as nx

UNDIRECTED = {"met", "colleague", "friend", "married", "business", "negotiated_with", "allied_with", "tie"}


def ties(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def graph(rows, directed):
    g = nx.DiGraph() if directed else nx.Graph()
    for r in rows:
        a, b = r["source"], r["target"]
        if a == b:
            continue
        g.add_edge(a, b)
        if directed and r.get("relation", "tie") in UNDIRECTED:
            g.add_edge(b, a)
    return g


def reliability_graph(rows, directed):
    g = graph([], directed)
    for r in rows:
        a, b, c = r["source"], r["target"], float(r.get("confidence") or 1)
        if a == b or c <= 0:
            continue
        pairs = [(a, b)] + ([(b, a)] if directed and r.get("relation", "tie") in UNDIRECTED else [])
        for u, v in pairs:
            if not g.has_edge(u, v) or g[u][v]["c"] < c:
                g.add_edge(u, v, c=c, w=-math.log(c))
    return g


sorge = ties("networks/sorge/edges.csv")
d = graph(sorge, True)
u = graph(sorge, False)
print("sorge directed all_shortest_paths ozaki->stalin:", sorted(nx.all_shortest_paths(d, "ozaki", "stalin")))
print("sorge directed 12 shortest_simple_paths lengths:",
      [len(p) - 1 for _, p in zip(range(12), nx.shortest_simple_paths(d, "ozaki", "stalin"))])
chain = ["ozaki", "sorge", "clausen", "wiesbaden", "gru", "stalin"]
print("chapter chain among the first 12:", chain in [p for _, p in zip(range(12), nx.shortest_simple_paths(d, "ozaki", "stalin"))])
print("rank of chapter chain:", next(i for i, p in enumerate(nx.shortest_simple_paths(d, "ozaki", "stalin")) if p == chain) + 1)
print("sorge directed minimum_node_cut ozaki->stalin:", sorted(nx.minimum_node_cut(d, "ozaki", "stalin")))
print("sorge directed node connectivity:", nx.node_connectivity(d, "ozaki", "stalin"))
print("sorge directed minimum_edge_cut size:", len(nx.minimum_edge_cut(d, "ozaki", "stalin")),
      sorted(nx.minimum_edge_cut(d, "ozaki", "stalin")))
print("sorge undirected node connectivity ozaki-stalin:", nx.node_connectivity(u, "ozaki", "stalin"),
      "edge:", nx.edge_connectivity(u, "ozaki", "stalin"))
print("sorge articulation points:", sorted(nx.articulation_points(u)))
print("sorge bridges:", sorted(tuple(sorted(b)) for b in nx.bridges(u)))
print("sorge directed reach from ozaki within 2:",
      len([v for v, k in nx.single_source_shortest_path_length(d, "ozaki", cutoff=2).items() if k > 0]),
      "all:", len(nx.descendants(d, "ozaki")))
r = reliability_graph(sorge, True)
best = nx.shortest_path(r, "ozaki", "stalin", weight="w")
print("sorge directed most reliable ozaki->stalin:", best,
      math.prod(r[a][b]["c"] for a, b in zip(best, best[1:])))

cut = ties("tests/data/good/paths-cut.csv")
cg = graph(cut, False)
print("cut: minimum_node_cut s-t", sorted(nx.minimum_node_cut(cg, "s", "t")), "edge cut",
      sorted(tuple(sorted(e)) for e in nx.minimum_edge_cut(cg, "s", "t")))
print("cut: articulation", sorted(nx.articulation_points(cg)), "bridges",
      sorted(tuple(sorted(b)) for b in nx.bridges(cg)))
diamond = ties("tests/data/good/paths-diamond.csv")
dg = graph(diamond, False)
print("diamond: all_shortest_paths a-e", sorted(nx.all_shortest_paths(dg, "a", "e")))
print("diamond: 4 shortest_simple_paths a-e", [p for _, p in zip(range(4), nx.shortest_simple_paths(dg, "a", "e"))])
print("diamond directed: a->f reachable:", nx.has_path(graph(diamond, True), "a", "f"),
      "f->a:", nx.has_path(graph(diamond, True), "f", "a"))
