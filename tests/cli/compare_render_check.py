#!/usr/bin/python3
"""compare_render_check.py: an independent check of `spygraph compare NETWORK --render FILE.svg` (issue 16).

usage: compare_render_check.py NETWORK COMPARE_SVG RENDER_SVG

Reads NETWORK's CSV files here (nodes, edges, every hypothesis patch named by network.json), makes each
reading (the base, and the base with one hypothesis applied), and computes with NetworkX each reading's
betweenness on the simple undirected graph of its ties (compare's default: "directed": false, parallel
ties merged), the competition ranks (1 for the highest; values within 1e-9 of each other tied), each
node's mean rank over the readings that hold it and its rank spread (largest minus smallest rank; 0 when
its value is 0 in every reading that holds it). Then checks the picture COMPARE_SVG against them, from the
rules in include/spygraph/compare_render.h:
  - every node of every reading is drawn once, with the id "node-" + its id (percent-encoded);
  - shapes by kind as `render` draws them: a person an ellipse, an organization a rectangle, a place a
    parallelogram (4 corners, top and bottom sides shifted), never a house (5 corners);
  - area by standing: each node's area over the largest's is max(1 - ln(mean) / ln(n + 1), 0.05) over
    that of the best mean rank, within Graphviz's rounding of sides to whole points; so the node of best
    mean rank is drawn largest;
  - outline by movement: the bands of the largest spread L (0; up to the integer cube root of L; up to
    that of L squared; up to L), widths 1, 2, 4, 6 points, dark purple outline for a moving rank;
  - a dashed outline exactly for the nodes the base lacks;
  - every fill equal to the fill RENDER_SVG (`spygraph render NETWORK`) gives the same node;
  - the legend names the size and outline channels, the largest node and one row per band drawn;
  - each node's tooltip gives its rank in every reading that holds it.
Runs from the source root.
"""
import csv
import json
import math
import os
import re
import sys
import xml.etree.ElementTree as ET
from urllib.parse import unquote

import networkx as nx

SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"


def fail(msg):
    sys.exit("compare_render_check: " + msg)


def check(cond, msg):
    if not cond:
        fail(msg)


def rows(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def readings(folder):
    """{reading id: (node ids, kinds, undirected simple graph)}; 'base' first."""
    manifest = json.load(open(os.path.join(folder, "network.json"), encoding="utf-8"))
    nodes = rows(os.path.join(folder, manifest["nodes"]))
    kinds = {r["id"]: r.get("kind", "") for r in nodes}
    labels = {r["id"]: r.get("label") or r["id"] for r in nodes}
    base_ties = [(r["source"], r["target"], r["relation"]) for r in rows(os.path.join(folder, manifest["edges"]))]
    out = {"base": ([r["id"] for r in nodes], base_ties)}
    for h in manifest.get("hypotheses", []):
        ids, ties = list(out["base"][0]), list(base_ties)
        for p in rows(os.path.join(folder, h["patch"])):
            if p["op"] == "add_node":
                ids.append(p["node"])
                kinds[p["node"]] = p.get("kind", "")
                labels[p["node"]] = p.get("label") or p["node"]
            elif p["op"] == "add_edge":
                ties.append((p["source"], p["target"], p["relation"]))
            elif p["op"] == "remove_edge":
                # the patch names the tie by its ends and relation (either orientation: the picture's
                # ties are read undirected here, so orientation does not change the graph)
                ends = {p["source"], p["target"]}
                ties = [t for t in ties if not ({t[0], t[1]} == ends and (not p["relation"] or t[2] == p["relation"]))]
            # change_edge changes dates, confidence or weight: not the unweighted graph
        out[h["id"]] = (ids, ties)
    graphs = {}
    for rid, (ids, ties) in out.items():
        G = nx.Graph()
        G.add_nodes_from(ids)
        G.add_edges_from((s, t) for s, t, _ in ties if s != t)
        graphs[rid] = G
    return graphs, kinds, labels


def competition_ranks(values):
    order = sorted(values.values(), reverse=True)
    ranks = {}
    for v, x in values.items():
        ranks[v] = 1 + sum(1 for y in order if y > x and abs(y - x) > 1e-9 * max(abs(x), abs(y)))
    return ranks


def integer_cube_root(x):
    a = 0
    while (a + 1) ** 3 <= x:
        a += 1
    return a


def bands_of(largest):
    """Upper bounds of the movement bands (the header's rule, worked here)."""
    if largest == 0:
        return [0]
    a, b = max(1, integer_cube_root(largest)), max(1, integer_cube_root(largest * largest))
    upper = [0]
    if a < largest:
        upper.append(a)
    if a < b < largest:
        upper.append(b)
    return upper + [largest]


def shoelace(pts):
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(pts, pts[1:] + pts[:1]))) / 2


def shapes(path):
    """{node id: (tag, fill, stroke, stroke-width, dashed, points or None, rx, ry, tooltip)}."""
    out = {}
    for g in ET.parse(path).iter(SVG + "g"):
        gid = g.get("id", "")
        if g.get("class") != "node" or not gid.startswith("node-"):
            continue
        node = unquote(gid[len("node-"):])
        check(node not in out, f"{path}: node {node!r} drawn twice")
        shape = next(x for x in g.iter() if x.tag in (SVG + "ellipse", SVG + "polygon"))
        pts = None
        if shape.tag == SVG + "polygon":
            pts = [tuple(map(float, p.split(","))) for p in shape.get("points").split()]
            if pts[0] == pts[-1]:
                pts = pts[:-1]
        anchor = next((x for x in g.iter(SVG + "a")), None)
        out[node] = dict(tag=shape.tag[len(SVG):], fill=shape.get("fill"), stroke=shape.get("stroke"),
                         width=float(shape.get("stroke-width", "1")), dashed=shape.get("stroke-dasharray") is not None,
                         points=pts, rx=float(shape.get("rx", 0)), ry=float(shape.get("ry", 0)),
                         tooltip=anchor.get(XLINK + "title") if anchor is not None else "")
    return out


def area_and_slack(s):
    """The shape's area in square points, and the relative error Graphviz's rounding of its bounding box
    to whole points allows."""
    if s["tag"] == "ellipse":
        w, h = 2 * s["rx"], 2 * s["ry"]
        return math.pi * s["rx"] * s["ry"], 0.5 / w + 0.5 / h
    xs, ys = [p[0] for p in s["points"]], [p[1] for p in s["points"]]
    w, h = max(xs) - min(xs), max(ys) - min(ys)
    return shoelace(s["points"]), 0.5 / w + 0.5 / h


def main():
    folder, compare_svg, render_svg = sys.argv[1:4]
    graphs, kinds, labels = readings(folder)
    ranks = {rid: competition_ranks(nx.betweenness_centrality(G, normalized=False)) for rid, G in graphs.items()}
    values = {rid: nx.betweenness_centrality(G, normalized=False) for rid, G in graphs.items()}
    union = []
    for G in graphs.values():
        union += [v for v in G.nodes if v not in union]
    n = len(union)
    mean, spread = {}, {}
    for v in union:
        held = [rid for rid in graphs if v in graphs[rid]]
        rs = [ranks[rid][v] for rid in held]
        mean[v] = sum(rs) / len(rs)
        spread[v] = 0 if all(values[rid][v] == 0 for rid in held) else max(rs) - min(rs)

    drawn = shapes(compare_svg)
    check(set(drawn) == set(union), f"drawn nodes differ: {sorted(set(drawn) ^ set(union))}")

    # shapes by kind (render's vocabulary)
    for v, s in drawn.items():
        kind = kinds.get(v, "")
        if kind == "place":
            pts = s["points"]
            check(s["tag"] == "polygon" and len(pts) == 4, f"{v}: a place must be a 4-cornered polygon, not {s['tag']} {pts}")
            top = sorted(pts, key=lambda p: p[1])[:2]
            bottom = sorted(pts, key=lambda p: p[1])[2:]
            check(abs(min(p[0] for p in top) - min(p[0] for p in bottom)) > 1, f"{v}: a place's sides must slant (parallelogram)")
        elif kind == "organization":
            pts = s["points"]
            check(s["tag"] == "polygon" and len(pts) == 4 and len({p[0] for p in pts}) == 2, f"{v}: an organization must be a box")
        else:
            check(s["tag"] == "ellipse", f"{v}: a person must be an ellipse")

    # area by standing
    best = min(union, key=lambda v: (mean[v], union.index(v)))
    check(best == "sorge" or "sorge" not in union, f"best mean rank expected for sorge, got {best}")
    areas = {v: area_and_slack(s) for v, s in drawn.items()}
    largest = max(drawn, key=lambda v: areas[v][0])
    check(largest == best, f"largest node {largest}, expected {best} (mean rank {mean[best]})")

    def share(m):
        return max(1 - math.log(m) / math.log(n + 1), 0.05)

    for v in union:
        want = share(mean[v]) / share(mean[best])
        got = areas[v][0] / areas[best][0]
        tol = want * (areas[v][1] + areas[best][1]) * 1.05
        check(abs(got - want) <= tol, f"{v}: area ratio {got:.4f}, expected {want:.4f} (mean rank {mean[v]:.3f})")

    # outline by movement
    most = max(spread.values())
    upper = bands_of(most)
    widths = [1, 2, 4, 6]
    for v in union:
        k = next(i for i, u in enumerate(upper) if spread[v] <= u)
        check(abs(drawn[v]["width"] - widths[k]) < 1e-9, f"{v}: outline {drawn[v]['width']}, expected {widths[k]} (spread {spread[v]})")
        check(drawn[v]["stroke"] == ("#3f007d" if k else "#404040"), f"{v}: outline colour {drawn[v]['stroke']}")
        added = v not in graphs["base"]
        check(drawn[v]["dashed"] == added, f"{v}: dashed {drawn[v]['dashed']}, not in the base {added}")
        for rid in graphs:
            if v in graphs[rid]:
                where = "in the base" if rid == "base" else f"under {rid}"
                check(f"{ranks[rid][v]} {where}" in drawn[v]["tooltip"], f"{v}: tooltip lacks rank {where}: {drawn[v]['tooltip']!r}")

    # fills as render's
    rendered = shapes(render_svg)
    for v in union:
        if v in rendered:
            check(drawn[v]["fill"] == rendered[v]["fill"], f"{v}: fill {drawn[v]['fill']}, render's {rendered[v]['fill']}")
    check(len([v for v in union if v in rendered]) == len(graphs["base"]), "render draws every base node")

    # legend
    text = " ".join("".join(t.itertext()) for t in ET.parse(compare_svg).iter(SVG + "text"))
    want = [f"size: standing, the mean betweenness rank across the readings",
            f"largest: {labels[best]}, mean rank {mean[best]:.1f}",
            "outline: how far the betweenness rank moves"]
    for k, u in enumerate(upper):
        low = upper[k - 1] + 1 if k else 0
        if any(low <= spread[v] <= u for v in union):
            want.append(f"{low} place{'' if low == 1 else 's'}" if low == u else f"{low}-{u} places")
    if any(v not in graphs["base"] for v in union):
        want.append("dashed: not in the base")
    for w in want:
        check(w in text, f"legend lacks {w!r}")
    print(f"ok: {n} nodes, bands {upper}, largest {best}")


if __name__ == "__main__":
    main()
