#!/usr/bin/python3
"""route_check.py: checks the route `spygraph render --highlight-path` highlights in an SVG (issue 16).

usage: route_check.py hand SVG NODES TIES
           the SVG highlights exactly the nodes NODES (comma-separated ids) and the ties TIES
           (comma-separated 1-based rows of the edge table, hand-worked by the caller)
       route_check.py paths SVG NETWORK PATHS_JSON RANK [--parallel]
           the SVG highlights exactly the nodes and ties of path RANK (1-based) of PATHS_JSON, the output of
           `spygraph paths NETWORK FROM TO --k RANK --format json`: every tie listed in each hop, mapped to
           its row of NETWORK's edge table (a curated folder's, or a bare CSV list itself) by source, target,
           relation, start, end and confidence; with --parallel, at least one hop has two ties or more

The SVG is read with ElementTree: a tie is the group whose id is "tie-N" (N the 1-based row of the edge
table, `spygraph help render`), a node the group whose id is "node-" and its id percent-encoded; one is
highlighted when a shape in it is stroked in the route colour #d7191c (SG_RENDER_ROUTE_COLOR, the legend's
route colour). The edge table is read with the csv module, not by spygraph.
"""
import csv
import json
import os
import sys
import xml.etree.ElementTree as ET
from urllib.parse import unquote

ROUTE = "#d7191c"
SVG = "{http://www.w3.org/2000/svg}"


def highlighted(svg):
    """The ids of the highlighted nodes and the rows of the highlighted ties, and every tie row drawn."""
    nodes, ties, drawn = set(), set(), set()
    for g in ET.parse(svg).getroot().iter(SVG + "g"):
        gid, cls = g.get("id", ""), g.get("class")
        red = any(el.get("stroke") == ROUTE for tag in ("path", "ellipse", "polygon")
                  for el in g.iter(SVG + tag))
        if cls == "edge" and gid.startswith("tie-"):
            row = int(gid[len("tie-"):])
            drawn.add(row)
            if red:
                ties.add(row)
        elif cls == "node" and gid.startswith("node-") and red:
            nodes.add(unquote(gid[len("node-"):]))
    return nodes, ties, drawn


def edge_rows(network):
    """The edge table's rows (dicts), in order: row i + 1 is list index i."""
    path = network
    if os.path.isdir(network):
        manifest = json.load(open(os.path.join(network, "network.json"), encoding="utf-8"))
        path = os.path.join(network, manifest.get("edges", "edges.csv"))
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def row_of(rows, tie):
    """The 1-based row of the edge table that tie (a JSON object of `paths`) is; it must be the only one."""
    def same(r):
        return (r["source"] == tie["source"] and r["target"] == tie["target"]
                and r.get("relation", "tie") == tie["relation"]
                and (r.get("start") or None) == tie["start"] and (r.get("end") or None) == tie["end"]
                and float(r.get("confidence") or 1) == tie["confidence"])
    found = [i + 1 for i, r in enumerate(rows) if same(r)]
    assert len(found) == 1, ("no single row for", tie, found)
    return found[0]


def check(svg, nodes, ties):
    got_nodes, got_ties, drawn = highlighted(svg)
    assert drawn, "no tie drawn with an id 'tie-N'"
    assert got_nodes == nodes, ("nodes", sorted(got_nodes), sorted(nodes))
    assert got_ties == ties, ("ties", sorted(got_ties), sorted(ties))


def main():
    what = sys.argv[1]
    if what == "hand":
        svg, nodes, ties = sys.argv[2:5]
        check(svg, set(nodes.split(",")), {int(t) for t in ties.split(",")})
    elif what == "paths":
        svg, network, paths_json, rank = sys.argv[2:6]
        data = json.load(open(paths_json, encoding="utf-8"))
        rank = int(rank)
        assert len(data["paths"]) >= rank, ("paths lists", len(data["paths"]))
        hops = data["paths"][rank - 1]
        rows = edge_rows(network)
        nodes = {h["from"] for h in hops} | {h["to"] for h in hops}
        assert nodes == set(data["routes"][rank - 1]["nodes"])
        ties = {row_of(rows, t) for h in hops for t in h["ties"]}
        if "--parallel" in sys.argv[6:]:
            assert any(len(h["ties"]) >= 2 for h in hops), "no hop with parallel ties"
        check(svg, nodes, ties)
    else:
        sys.exit("route_check.py: unknown check " + what)


main()
