#!/usr/bin/python3
"""matrix_dot.py: the ties a DOT file (spygraph render -f dot or canon) draws, for the matrix-* cases.

usage: matrix_dot.py FILE   prints one line per drawn tie, sorted: "FROM TO arrow|line red|grey"
spygraph names the DOT's nodes n0, n1, ... and gives each node's id as its `id` attribute, "node-" and
the id percent-encoded (RFC 3986, decoded here by urllib); FROM and TO are those ids.
A tie is a line when the graph is undirected (`graph`, not `digraph`) or its attributes say dir=none
(Graphviz's own meaning), else an arrow FROM -> TO (dir=both: "both"); it is
red when drawn in the route colour #d7191c (`spygraph help render`, --highlight-path). Parsed by pydot, not
by spygraph's code."""
import sys
from urllib.parse import unquote

import pydot

graph = pydot.graph_from_dot_file(sys.argv[1])[0]


def nodes(g):
    for n in g.get_nodes():
        yield n
    for s in g.get_subgraphs():
        yield from nodes(s)


ids = {}
for n in nodes(graph):
    attr = n.get_attributes().get("id", "").strip('"')
    if attr.startswith("node-"):
        ids[n.get_name().strip('"')] = unquote(attr[len("node-"):])


def edges(g):
    for e in g.get_edges():
        yield e
    for s in g.get_subgraphs():
        yield from edges(s)


undirected = graph.get_type() == "graph"
rows = []
for e in edges(graph):
    attrs = {k: v.strip('"') for k, v in e.get_attributes().items()}
    rows.append("%s %s %s %s" % (ids[e.get_source().strip('"')], ids[e.get_destination().strip('"')],
                                 "line" if undirected or attrs.get("dir") == "none"
                                 else "both" if attrs.get("dir") == "both" else "arrow",
                                 "red" if attrs.get("color") == "#d7191c" else "grey"))
print("\n".join(sorted(rows)))
