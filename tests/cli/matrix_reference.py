#!/usr/bin/env python3
"""matrix_reference.py: the NetworkX figures pasted into the matrix-* cases (run once by hand; not part of
the suite). The graphs are typed in from tests/data/good/matrix-list.csv and matrix-folder/ (hand copies,
not read through spygraph): ties merged, self-loops dropped, as spygraph documents."""
import networkx as nx

# the bare list: a,b b,c b,c c,d d,e e,d f,c e,e (a tie is one arc under --directed)
LIST_ARCS = [("a", "b"), ("b", "c"), ("b", "c"), ("c", "d"), ("d", "e"), ("e", "d"), ("f", "c")]
# the folder: reported_to and informed (directed), met (both ways), member_of / employed_by (directed)
FOLDER_DIRECTED = [("a", "b"), ("b", "c"), ("b", "c"), ("c", "d"), ("f", "c"),
                   ("a", "cell"), ("e", "cell"), ("a", "firm"), ("e", "firm")]
FOLDER_MUTUAL = [("d", "e")]
NODES_LIST = list("abcdef")
NODES_FOLDER = list("abcdef") + ["cell", "firm"]


def graphs(nodes, directed, mutual=(), drop=(), add_mutual=()):
    d = nx.DiGraph()
    d.add_nodes_from(nodes)
    d.add_edges_from(e for e in directed if e not in drop)
    for u, v in list(mutual) + list(add_mutual):
        d.add_edge(u, v)
        d.add_edge(v, u)
    return d, d.to_undirected(as_view=False)


def show(title, g):
    print("==", title, "directed" if g.is_directed() else "undirected")
    deg = dict(g.degree()) if not g.is_directed() else {v: g.in_degree(v) + g.out_degree(v) for v in g}
    print(" degree", deg)
    print(" betweenness", nx.betweenness_centrality(g, normalized=False))
    print(" closeness", nx.closeness_centrality(g))
    und = g.to_undirected() if g.is_directed() else g
    print(" links", g.number_of_edges(), "density", nx.density(g),
          "components", nx.number_connected_components(und))
    if g.is_directed():
        print(" strong components", nx.number_strongly_connected_components(g))


for directed in (False, True):
    d, u = graphs(NODES_LIST, LIST_ARCS)
    show("list", d if directed else u)
    d, u = graphs(NODES_FOLDER, FOLDER_DIRECTED, FOLDER_MUTUAL)
    show("folder", d if directed else u)
    d, u = graphs(NODES_FOLDER, FOLDER_DIRECTED, FOLDER_MUTUAL, add_mutual=[("a", "d")])
    show("folder+shortcut", d if directed else u)
    d, u = graphs(NODES_FOLDER, FOLDER_DIRECTED, FOLDER_MUTUAL, drop=[("c", "d")])
    show("folder+split", d if directed else u)
# persons only, organizations folded: a co_member tie a-e (undirected)
d, u = graphs(list("abcdef"), [x for x in FOLDER_DIRECTED if "cell" not in x and "firm" not in x],
              FOLDER_MUTUAL, add_mutual=[("a", "e")])
show("folder --kinds person --fold organization", u)
show("folder --kinds person --fold organization", d)
# channels only (paths, reach, cut): folder without member_of / employed_by
d, u = graphs(NODES_FOLDER, [x for x in FOLDER_DIRECTED if "cell" not in x and "firm" not in x], FOLDER_MUTUAL)
for g in (u, d):
    print("channels", "directed" if g.is_directed() else "undirected",
          "a-e node", nx.node_connectivity(g, "a", "e"), "edge", nx.edge_connectivity(g, "a", "e"),
          "c reach", dict(nx.single_source_shortest_path_length(g, "c")))
d, u = graphs(NODES_FOLDER, FOLDER_DIRECTED, FOLDER_MUTUAL)
for g in (u, d):
    print("all", "directed" if g.is_directed() else "undirected",
          "a-e node", nx.node_connectivity(g, "a", "e"), "edge", nx.edge_connectivity(g, "a", "e"),
          "c reach", dict(nx.single_source_shortest_path_length(g, "c")),
          "a-e paths", sorted(nx.all_shortest_paths(g, "a", "e")))
