#!/usr/bin/python3
"""render_check.py: checks `spygraph render` output against the input tables, read independently here.

usage: render_check.py svg NETWORK_DIR FILE      the SVG is well-formed XML, holds no script element, and
                                                 shows every node's label and codenames as text
       render_check.py canon NETWORK_DIR FILE    the DOT (canon) follows the documented encoding, tie by tie
       render_check.py nodes FILE ID...          the DOT (canon) draws exactly these nodes
       render_check.py ties FILE N               the DOT (canon) draws N ties
       render_check.py route FILE ID...          the DOT (canon) highlights exactly these nodes, in red, and
                                                 every tie joining two consecutive ones (all the ties of each
                                                 hop: for routes over every relation drawn, direction ignored)

spygraph names the DOT's nodes n0, n1, ... (never by their ids, which cgraph could mistake for its own
names): a node's id is its `id` attribute, "node-" and the id percent-encoded (RFC 3986), decoded here
by urllib.parse.unquote; the SVG carries the same attribute as the element id.

Expected values come from the CSV tables (Python's csv module) and from the encoding documented in
`spygraph help render` and networks/README.md (relation table copied below), not from spygraph's code.
"""
import csv
import json
import os
import sys
import xml.etree.ElementTree as ET
from urllib.parse import unquote

import pydot

# networks/README.md, "Relations": relation -> (directed, family).
RELATIONS = {
    "member_of": (True, "membership"), "employed_by": (True, "membership"), "located_in": (True, "membership"),
    "commanded": (True, "command"), "handled": (True, "command"), "recruited": (True, "command"),
    "reported_to": (True, "command"), "radio_link": (True, "information"), "informed": (True, "information"),
    "introduced": (True, "personal"), "penetrated": (True, "hostile"), "surveilled": (True, "hostile"),
    "arrested": (True, "hostile"), "met": (False, "personal"), "colleague": (False, "personal"),
    "friend": (False, "personal"), "married": (False, "personal"), "business": (False, "personal"),
    "negotiated_with": (False, "diplomatic"), "allied_with": (False, "diplomatic"), "tie": (False, "other"),
}
# `spygraph help render`: tie colour by family, shape by kind, style by confidence.
FAMILY_COLOUR = {"membership": "/greys9/5", "command": "/greys9/8", "information": "/dark28/3",
                 "personal": "/dark28/1", "diplomatic": "/dark28/6", "hostile": "/dark28/4", "other": "/dark28/7"}
SHAPE = {"person": "ellipse", "organization": "box", "place": "parallelogram", "": "ellipse"}
ROUTE = "#d7191c"


def table(network, name):
    manifest = json.load(open(os.path.join(network, "network.json"), encoding="utf-8"))
    with open(os.path.join(network, manifest[name]), encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def style_of(confidence):
    return "solid" if confidence >= 0.8 else "dashed" if confidence >= 0.5 else "dotted"


def unquote_dot(value):
    if value is None:
        return None
    return value[1:-1] if len(value) >= 2 and value[0] == '"' and value[-1] == '"' else value


def graph(path):
    return pydot.graph_from_dot_file(path, encoding="utf-8")[0]


def node_id(n):
    """The data id of DOT node N (its `id` attribute decoded), or None for a node without one."""
    attr = unquote_dot(n.get("id"))
    return unquote(attr[len("node-"):]) if attr and attr.startswith("node-") else None


def ids_by_name(g):
    """DOT node name -> data id, for the nodes spygraph draws."""
    return {unquote_dot(n.get_name()): node_id(n) for n in g.get_nodes() if node_id(n) is not None}


def drawn_nodes(g):
    return set(ids_by_name(g).values())


def check_svg(network, path):
    root = ET.parse(path).getroot()  # raises on malformed XML
    assert not any(el.tag.split("}")[-1].lower() == "script" for el in root.iter()), "a script element"
    texts = {"".join(el.itertext()) for el in root.iter() if el.tag.split("}")[-1] == "text"}
    for row in table(network, "nodes"):
        label = " ".join((row.get("label") or row["id"]).splitlines())
        assert label in texts, f"label {label!r} not shown"
        for code in filter(None, (c.strip() for c in (row.get("codenames") or "").split(";"))):
            if code.casefold() not in label.casefold():
                assert any(code in t for t in texts), f"codename {code!r} not shown"


def check_canon(network, path):
    g = graph(path)
    named = {unquote_dot(n.get_name()): n for n in g.get_nodes()}
    defaults = named.get("node").get_attributes() if "node" in named else {}
    ids = ids_by_name(g)
    nodes = {ids[name]: n for name, n in named.items() if name in ids}
    for row in table(network, "nodes"):
        attrs = nodes[row["id"]].get_attributes()
        shape = unquote_dot(attrs.get("shape", defaults.get("shape")))
        assert shape == SHAPE[row.get("kind", "")], (row["id"], shape)
    ties = {}
    for e in g.get_edges():
        key = (ids[unquote_dot(e.get_source())], ids[unquote_dot(e.get_destination())], unquote_dot(e.get("color")))
        ties.setdefault(key, []).append(e.get_attributes())
    for row in table(network, "edges"):
        directed, family = RELATIONS[row["relation"]]
        key = (row["source"], row["target"], FAMILY_COLOUR[family])
        assert ties.get(key), f"tie {key} not drawn"
        attrs = ties[key].pop(0)
        assert unquote_dot(attrs.get("style", "solid")) == style_of(float(row["confidence"] or 1)), (key, attrs)
        assert (unquote_dot(attrs.get("dir")) == "none") == (not directed), (key, attrs)


def check_nodes(path, ids):
    got = drawn_nodes(graph(path))
    assert got == set(ids), (sorted(got), sorted(ids))


def check_ties(path, count):
    got = len(graph(path).get_edges())
    assert got == int(count), (got, count)


def check_route(path, ids):
    g = graph(path)
    red = {node_id(n) for n in g.get_nodes() if node_id(n) is not None and unquote_dot(n.get("color")) == ROUTE}
    assert red == set(ids), (sorted(red), sorted(ids))
    names = ids_by_name(g)
    hops = {frozenset(pair) for pair in zip(ids, ids[1:])}
    for e in g.get_edges():
        ends = frozenset((names[unquote_dot(e.get_source())], names[unquote_dot(e.get_destination())]))
        assert (unquote_dot(e.get("color")) == ROUTE) == (ends in hops), (sorted(ends), e.get("color"))


def main():
    what, args = sys.argv[1], sys.argv[2:]
    {"svg": lambda: check_svg(*args), "canon": lambda: check_canon(*args),
     "nodes": lambda: check_nodes(args[0], args[1:]), "ties": lambda: check_ties(*args),
     "route": lambda: check_route(args[0], args[1:])}[what]()


if __name__ == "__main__":
    main()
