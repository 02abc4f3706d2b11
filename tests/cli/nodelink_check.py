#!/usr/bin/python3
"""nodelink_check.py: checks the `json` (NetworkX node-link) and `tables` exports against independent readers.

usage: nodelink_check.py json NETWORK_DIR FILE      FILE, the json export of the curated folder NETWORK_DIR (no
                                                    reading option), read by NetworkX 2.8's node_link_graph,
                                                    holds every node and tie of the folder's tables (read by
                                                    Python's csv module) with all their attributes
       nodelink_check.py tables NETWORK_DIR EXPORT  the tables export EXPORT of NETWORK_DIR (no reading
                                                    option) holds the same nodes, ties, sources and events
       nodelink_check.py tables-core NETWORK_DIR EXPORT   the same for nodes and ties (in any order) only: an
                                                    export of a network read back from JSON, which has no
                                                    sources table or events
       nodelink_check.py foreign FILE EXPORT        spygraph read the node-link FILE (written by NetworkX or
                                                    by hand) as NetworkX reads it: EXPORT, its tables export,
                                                    holds NetworkX's nodes and edges with their attributes
       nodelink_check.py networkx FILE OUT          reads FILE with NetworkX's node_link_graph and writes it
                                                    again with node_link_data to OUT (a round trip through
                                                    NetworkX, for spygraph to read back)
       nodelink_check.py bom FILE...                each FILE begins with one UTF-8 byte-order mark

The expected values come from the CSV files (Python's csv module), from NetworkX's node_link_graph and from
the rules of networks/README.md, written again here: fields are trimmed of ASCII blanks; an empty label is
the id; codenames and sources are ';' lists; an empty confidence or weight is 1; a tie is directed as its
`directed` column says, else as its relation does (the relation table of networks/README.md, parsed here);
in a node-link file a tie is directed as its link's "directed" member says, else as the graph is; numbers
are written as the shortest text that reads back ("1" for 1.0), true and false as words, lists joined by ';'.

The node-link test inputs: tests/data/good/nodelink-networkx.json was written by NetworkX 2.8.8's
json_graph.node_link_data (json.dump, ensure_ascii=False, indent=1) from a MultiGraph with parallel edges,
an integer node, list, number and boolean attributes; nodelink-d3.json is D3's force-layout form (no ids:
nodes are numbered by their place, links name them by number); nodelink-edges.json is NetworkX 3.4's form
(the links under "edges"), written by hand.
"""
import csv
import json
import os
import sys

import networkx as nx
from networkx.readwrite import json_graph

BLANKS = " \t\n\r\v\f"  # what the CSV reader trims (g_strstrip: ASCII white space)
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")


def relation_table():
    """{relation: (directed, family)} from the relation table of networks/README.md."""
    table = {}
    with open(os.path.join(ROOT, "networks", "README.md"), encoding="utf-8") as f:
        for line in f:
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if len(cells) == 5 and cells[0].startswith("`") and cells[1] in ("yes", "no"):
                table[cells[0].strip("`")] = (cells[1] == "yes", cells[3])
    assert "member_of" in table and "tie" in table, "relation table not found"
    return table


RELATIONS = relation_table()


def read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def manifest(folder):
    with open(os.path.join(folder, "network.json"), encoding="utf-8") as f:
        return json.load(f)


def table(folder, key):
    m = manifest(folder)
    return read_csv(os.path.join(folder, m[key])) if key in m else []


def trim(text):
    return (text or "").strip(BLANKS)


def split_list(text):
    return [p.strip(BLANKS) for p in (text or "").split(";") if p.strip(BLANKS)]


def number(text):
    return float(text) if trim(text) else 1.0


def direction_word(text):
    """True, False or None (the relation's) for a `directed` column value."""
    t = trim(text).lower()
    if t in ("directed", "yes", "true", "1"):
        return True
    if t in ("undirected", "no", "false", "0"):
        return False
    assert t == "", f"bad direction {text!r}"
    return None


NODE_FIELDS = ["id", "label", "kind", "affiliation", "codenames", "native_name", "note", "sources", "start", "end",
               "affiliation_label"]
EDGE_FIELDS = ["source", "target", "relation", "start", "end", "confidence", "weight", "sources", "note", "directed"]


def expected_node(row):
    """A nodes.csv row as the model holds it."""
    node = {k: trim(row.get(k)) for k in ("id", "kind", "affiliation", "native_name", "note", "start", "end")}
    node["label"] = trim(row.get("label")) or node["id"]
    node["codenames"] = split_list(row.get("codenames"))
    node["sources"] = split_list(row.get("sources"))
    node["extra"] = {k.strip(BLANKS): trim(v) for k, v in row.items() if k.strip(BLANKS) not in NODE_FIELDS}
    return node


def affiliation_labels(folder):
    """[(affiliation, label)] as networks/README.md says: the manifest's "affiliations" in order, then each
    affiliation the nodes table labels first in its affiliation_label column, in row order."""
    labels = [(a["id"], a["label"]) for a in manifest(folder).get("affiliations", [])]
    for r in table(folder, "nodes"):
        aff, label = trim(r.get("affiliation")), trim(r.get("affiliation_label"))
        if label and aff not in dict(labels):
            labels.append((aff, label))
    return labels


def expected_edge(row, bare=False):
    """An edges.csv row as the model holds it (BARE: a bare edge list's `tie` is directed as written)."""
    relation = trim(row.get("relation")) or "tie"
    own = direction_word(row.get("directed", ""))
    if own is None:
        own = True if bare and relation == "tie" else RELATIONS[relation][0]
    return {"source": trim(row["source"]), "target": trim(row["target"]), "relation": relation,
            "start": trim(row.get("start")), "end": trim(row.get("end")),
            "confidence": number(row.get("confidence")), "weight": number(row.get("weight")),
            "sources": split_list(row.get("sources")), "note": trim(row.get("note")), "directed": own,
            "extra": {k.strip(BLANKS): trim(v) for k, v in row.items() if k.strip(BLANKS) not in EDGE_FIELDS}}


def edge_key(e, directed):
    ends = (e["source"], e["target"]) if directed else tuple(sorted((e["source"], e["target"])))
    return json.dumps([ends, {k: v for k, v in e.items() if k not in ("source", "target")}], sort_keys=True)


def check_json(network, path):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    g = json_graph.node_link_graph(data)
    m = manifest(network)
    nodes = [expected_node(r) for r in table(network, "nodes")]
    edges = [expected_edge(r) for r in table(network, "edges")]
    assert g.is_multigraph()
    # the graph is directed when some tie is (every spygraph network with a directed relation)
    assert g.is_directed() == any(e["directed"] for e in edges), g.is_directed()
    assert g.graph == {"title": m.get("title", ""), "description": m.get("description", "")}, g.graph
    header = data["spygraph"]["network"]
    assert header["id"] == m.get("id", os.path.basename(network)) and header["hypothesis"] is None, header
    assert len(header["sha256"]) == 64
    assert g.number_of_nodes() == len(nodes), (g.number_of_nodes(), len(nodes))
    assert g.number_of_edges() == len(edges), (g.number_of_edges(), len(edges))
    labels = dict(affiliation_labels(network))
    for n in nodes:
        d = g.nodes[n["id"]]
        # affiliation_label only where the node's affiliation has one
        assert d.get("affiliation_label") == labels.get(n["affiliation"]), (n["id"], d.get("affiliation_label"))
        got = {"id": n["id"], "label": d["label"], "kind": d["kind"], "affiliation": d["affiliation"],
               "native_name": d["native_name"], "note": d["note"], "start": d["start"] or "",
               "end": d["end"] or "", "codenames": d["codenames"], "sources": d["sources"],
               "extra": {k: v for k, v in d.items() if k not in NODE_FIELDS}}
        assert got == n, (got, n)
    want = sorted(edge_key(e, g.is_directed()) for e in edges)
    got = []
    for u, v, k, d in g.edges(keys=True, data=True):
        assert RELATIONS[d["relation"]][1] == d["family"], d
        e = {"source": u, "target": v, "relation": d["relation"], "start": d["start"] or "", "end": d["end"] or "",
             "confidence": float(d["confidence"]), "weight": float(d["weight"]), "sources": d["sources"],
             "note": d["note"], "directed": d["directed"],
             "extra": {k2: v2 for k2, v2 in d.items() if k2 not in EDGE_FIELDS + ["family"]}}
        got.append(edge_key(e, g.is_directed()))
    assert sorted(got) == want, "ties differ"


def export_edges(folder):
    return [expected_edge(r) for r in table(folder, "edges")]


def check_tables(network, export, core_only=False):
    orig, out = manifest(network), manifest(export)
    assert out["format"] == "spygraph-network" and out["version"] == 1
    assert "hypotheses" not in out and "questions" not in out, "an export has no hypotheses"
    assert out.get("title", "") == orig.get("title", ""), out.get("title")
    assert out["description"].startswith(orig.get("description", "")), out["description"]
    assert "A reading exported by spygraph" in out["description"]
    if not core_only:  # a network read from node-link JSON is named after its file and has no span
        assert out["id"] == orig.get("id", os.path.basename(os.path.normpath(network))), out["id"]
        assert out.get("span") == orig.get("span"), out.get("span")
    want = [expected_node(r) for r in table(network, "nodes")]
    got = [expected_node(r) for r in table(export, "nodes")]
    # the labelled affiliations some node has, in the network's order (in any order when read back from JSON)
    present = {n["affiliation"] for n in want}
    want_labels = [{"id": a, "label": l} for a, l in affiliation_labels(network) if a in present]
    got_labels = out.get("affiliations", [])
    if core_only:
        want_labels, got_labels = sorted(want_labels, key=str), sorted(got_labels, key=str)
    assert got_labels == want_labels, (got_labels, want_labels)
    assert got == want, next((g, w) for g, w in zip(got, want) if g != w) if len(got) == len(want) else len(got)
    want = [expected_edge(r) for r in table(network, "edges")]
    got = export_edges(export)
    if core_only:  # NetworkX writes a node's edges together: the same ties, in another order
        assert sorted(edge_key(e, True) for e in got) == sorted(edge_key(e, True) for e in want), "ties differ"
        return
    assert got == want, next((g, w) for g, w in zip(got, want) if g != w) if len(got) == len(want) else len(got)
    for key, columns in (("sources", ["key", "reference", "pages", "note"]),
                         ("events", ["id", "label", "date", "sources", "note"])):
        assert (key in out) == (key in orig), key
        want = [[trim(r.get(c)) for c in columns] for r in table(network, key)]
        got = [[trim(r.get(c)) for c in columns] for r in table(export, key)]
        assert got == want, key


def text(value):
    """An attribute value as spygraph writes it."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (int, float)):
        return repr(value)
    if value is None:
        return ""
    if isinstance(value, list):
        return ";".join(text(v) for v in value)
    return str(value)


def check_foreign(path, export):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    g = json_graph.node_link_graph(data, link="links" if "links" in data else "edges")
    nodes = {n["id"]: n for n in (expected_node(r) for r in table(export, "nodes"))}
    assert len(nodes) == g.number_of_nodes(), (len(nodes), g.number_of_nodes())
    labels = dict(affiliation_labels(export))
    for node, d in g.nodes(data=True):
        n = nodes[text(node)]
        if text(d.get("affiliation_label", "")):
            assert labels.get(n["affiliation"]) == text(d["affiliation_label"]), (n, d)
        label = d.get("label", d.get("name", ""))
        assert n["label"] == (text(label) or text(node)), (n, d)
        for key in ("kind", "affiliation", "native_name", "note", "start", "end"):
            assert n[key] == text(d.get(key, "")), (key, n, d)
        assert n["codenames"] == [text(c) for c in d.get("codenames", d.get("aliases", []))], (n, d)
        assert n["sources"] == [text(s) for s in d.get("sources", [])], (n, d)
        extra = {k: text(v) for k, v in d.items() if k not in NODE_FIELDS + ["name", "aliases"]}
        assert {k: v for k, v in n["extra"].items() if v or k in extra} == extra, (n, d)
    edges = export_edges(export)
    assert len(edges) == g.number_of_edges(), (len(edges), g.number_of_edges())
    want = []
    for u, v, d in g.edges(data=True):
        e = {"source": text(u), "target": text(v), "relation": d.get("relation", "tie"),
             "start": text(d.get("start", "")), "end": text(d.get("end", "")),
             "confidence": float(d.get("confidence", 1)), "weight": float(d.get("weight", 1)),
             "sources": [text(s) for s in d.get("sources", [])], "note": text(d.get("note", "")),
             "directed": d["directed"] if "directed" in d else g.is_directed(),
             "extra": {k: text(x) for k, x in d.items() if k not in EDGE_FIELDS}}
        want.append(e)
    for e in edges:  # an extra column is empty where a tie had no such attribute
        e["extra"] = {k: v for k, v in e["extra"].items() if v}
    for e in want:
        e["extra"] = {k: v for k, v in e["extra"].items() if v}
    assert sorted(edge_key(e, g.is_directed()) for e in edges) == \
        sorted(edge_key(e, g.is_directed()) for e in want), "ties differ"


def through_networkx(path, out):
    with open(path, encoding="utf-8") as f:
        g = json_graph.node_link_graph(json.load(f))
    with open(out, "w", encoding="utf-8") as f:
        json.dump(json_graph.node_link_data(g), f)


def check_bom(paths):
    for path in paths:
        with open(path, "rb") as f:
            head = f.read(6)
        assert head[:3] == b"\xef\xbb\xbf" and head[3:6] != b"\xef\xbb\xbf", (path, head)


def main(argv):
    mode = argv[1]
    if mode == "json":
        check_json(argv[2], argv[3])
    elif mode == "tables":
        check_tables(argv[2], argv[3])
    elif mode == "tables-core":
        check_tables(argv[2], argv[3], core_only=True)
    elif mode == "foreign":
        check_foreign(argv[2], argv[3])
    elif mode == "networkx":
        through_networkx(argv[2], argv[3])
    elif mode == "bom":
        check_bom(argv[2:])
    else:
        sys.exit(f"unknown mode {mode}")


if __name__ == "__main__":
    main(sys.argv)
