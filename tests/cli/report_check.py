#!/usr/bin/env python3
"""report_check.py: checks a `spygraph report` page from outside, against the network's own CSV files.

usage: report_check.py page FILE.html              the page's shape: one data element, no markup in it
       report_check.py sorge FILE.html NETWORK     the Sorge set: readings, ties, sources, betweenness
       report_check.py names FILE.html NETWORK     every node's label and every tie's note as written
       report_check.py compare FILE.html A.json B.json    the page's comparison equals `compare`'s JSON

The page is parsed with Python's html.parser (not the C writer's own code), the data with json, the diagram
with ElementTree; expected values come from the CSV files (csv module), the hypothesis patch files, and
NetworkX's betweenness (an independent implementation).
"""
import base64
import csv
import hashlib
import html.parser
import json
import math
import os
import sys
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"


class Page(html.parser.HTMLParser):
    """Collects the elements and the text of each script."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.scripts, self.meta, self.title = [], [], [], ""
        self._script = None
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        a = dict(attrs)
        if tag == "script":
            self._script = [a, ""]
        elif tag == "meta":
            self.meta.append(a)
        elif tag == "title":
            self._in_title = True

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.scripts.append(tuple(self._script))
            self._script = None
        elif tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._script is not None:
            self._script[1] += data
        elif self._in_title:
            self.title += data


def load(path):
    """The parsed page and its data."""
    raw = open(path, encoding="utf-8").read()
    page = Page()
    page.feed(raw)
    page.close()
    data_scripts = [s for s in page.scripts if s[0].get("type") == "application/json"]
    code = [s for s in page.scripts if "type" not in s[0]]
    assert len(data_scripts) == 1 and data_scripts[0][0].get("id") == "spygraph-data", page.scripts
    assert len(code) == 1, "one script of code"
    assert len(page.scripts) == 2, [s[0] for s in page.scripts]
    # the parser's element list: what the C writer wrote around the data, nothing from the data itself
    assert page.tags == ["html", "head", "meta", "meta", "meta", "meta", "title", "style", "body", "noscript",
                         "p", "div", "script", "script"], page.tags
    text = data_scripts[0][1]
    for bad in ("<", ">", "&"):
        assert bad not in text, "raw %r in the data" % bad
    csp = [m for m in page.meta if m.get("http-equiv") == "Content-Security-Policy"]
    assert csp and csp[0]["content"].startswith("default-src 'none';"), csp
    # only the page's own script may run: the policy names it by its SHA-256 (hashlib over the element's text)
    digest = base64.b64encode(hashlib.sha256(code[0][1].encode("utf-8")).digest()).decode()
    assert "script-src 'sha256-%s';" % digest in csp[0]["content"], csp[0]["content"]
    assert "unsafe-inline" not in csp[0]["content"].split("script-src")[1].split(";")[0]
    def no_duplicates(pairs):
        names = [k for k, _ in pairs]
        assert len(names) == len(set(names)), "duplicate member names: %s" % sorted(k for k in names if names.count(k) > 1)
        return dict(pairs)
    return raw, page, json.loads(text, object_pairs_hook=no_duplicates)


def rows(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def check_page(path):
    raw, page, data = load(path)
    # the title as text: control characters (which HTML text may not hold) as U+FFFD
    want = "".join("\ufffd" if (ord(c) < 32 and c not in "\t\n\r") or 0x7f <= ord(c) <= 0x9f else c
                   for c in data["title"])
    assert page.title == want, (page.title, want)
    ids = svg_ids(data["svg"])
    for n in data["nodes"]:
        assert n["svg_id"] in ids, n["svg_id"]
    for t in data["ties"]:
        assert t["svg_id"] in ids, t["svg_id"]
    known_nodes = {n["id"] for n in data["nodes"]}
    known_ties = {t["key"] for t in data["ties"]}
    for r in data["readings"]:
        assert set(r["nodes"]) <= known_nodes, r["id"]
        # a tie the diagram lacks is listed with its evidence in "changed"
        assert set(r["ties"]) <= known_ties | set(r["changed"]), r["id"]
        assert len(set(r["ties"])) == len(r["ties"]) and len(set(r["nodes"])) == len(r["nodes"]), r["id"]
        assert set(data["centrality"]["values"][r["id"]]) == set(r["nodes"]), r["id"]
    assert data["readings"][0]["kind"] == "base"  # named "base", or by the hypotheses applied


def svg_ids(svg):
    root = ET.fromstring(svg)
    return {g.get("id") for g in root.iter(SVG + "g") if g.get("class") in ("node", "edge")}


def patch_ties(net, hypothesis):
    """(source, target, relation) of every add_edge line of HYPOTHESIS's patch file."""
    with open(os.path.join(net, "network.json"), encoding="utf-8") as f:
        manifest = json.load(f)
    h = next(h for h in manifest["hypotheses"] if h["id"] == hypothesis)
    return [(r["source"], r["target"], r["relation"]) for r in rows(os.path.join(net, h["patch"]))
            if r["op"] == "add_edge"]


def check_sorge(path, net):
    raw, page, data = load(path)
    check_page(path)
    assert len(raw.encode("utf-8")) < 2_000_000, "the Sorge page is %d bytes, over 2 MB" % len(raw.encode())
    edges = rows(os.path.join(net, "edges.csv"))
    nodes = rows(os.path.join(net, "nodes.csv"))
    readings = {r["id"]: r for r in data["readings"]}
    base = readings["base"]
    # the base holds edges.csv's ties, numbered by row, and nodes.csv's nodes
    assert sorted(base["ties"], key=int) == [str(i + 1) for i in range(len(edges))]
    assert sorted(base["nodes"]) == sorted(r["id"] for r in nodes)
    ties = {t["key"]: t for t in data["ties"]}
    for i, e in enumerate(edges):
        t = ties[str(i + 1)]
        assert (t["source"], t["target"], t["relation"]) == (e["source"], e["target"], e["relation"]), (i, t)
        assert [s["key"] for s in t["sources"]] == [k for k in e["sources"].split(";") if k], (i, t["sources"])
    # kato_kito adds Kito's tie to Ozaki (its patch file): present there, absent from the base
    (src, dst, rel), = patch_ties(net, "kato_kito")
    def find(reading):
        return [k for k in readings[reading]["ties"]
                if {ties[k]["source"], ties[k]["target"]} == {src, dst} and ties[k]["relation"] == rel]
    assert find("kato_kito") and not find("base"), (find("kato_kito"), find("base"))
    # every hypothesis and every scenario of the manifest is a reading
    with open(os.path.join(net, "network.json"), encoding="utf-8") as f:
        manifest = json.load(f)
    for h in manifest["hypotheses"]:
        assert readings[h["id"]]["kind"] == "hypothesis" and readings[h["id"]]["credence"] == h["credence"]
    assert sum(r["kind"] == "scenario" for r in data["readings"]) > 0
    # sources: a source lists exactly the base ties whose sources column names it
    for s in data["sources"]:
        cited = {str(i + 1) for i, e in enumerate(edges) if s["key"] in e["sources"].split(";")}
        assert {k for k in s["ties"] if k.isdigit()} == cited, s["key"]
    # the base's betweenness column against NetworkX on the simple undirected graph of edges.csv
    import networkx as nx
    g = nx.Graph()
    g.add_nodes_from(r["id"] for r in nodes)
    g.add_edges_from((e["source"], e["target"]) for e in edges if e["source"] != e["target"])
    expected = nx.betweenness_centrality(g, normalized=False)
    col = data["centrality"]["measures"].index("betweenness")
    for node, values in data["centrality"]["values"]["base"].items():
        got, want = values[col], expected[node]
        assert math.isclose(got, want, rel_tol=1e-5, abs_tol=1e-9), (node, got, want)
    # the comparison's top lists in rank order: the base's first is NetworkX's most between node
    top = data["comparison"]["readings"][0]["top"]
    assert top[0] == max(expected, key=expected.get), (top[0], max(expected, key=expected.get))
    ranks = {n["id"]: n["rank"] for n in data["comparison"]["nodes"]}
    for r in data["comparison"]["readings"]:
        got = [ranks[i][r["id"]] for i in r["top"]]
        assert got == sorted(got), (r["id"], got)
    # the diagram holds the union: every reading's ties drawn once
    assert len(svg_ids(data["svg"])) == len(data["nodes"]) + len(data["ties"])
    assert data["timeline"] is not None and data["robustness"] is not None and data["scenarios"] is not None


def check_names(path, net):
    raw, page, data = load(path)
    check_page(path)
    nodes = {n["id"]: n for n in data["nodes"]}
    for r in rows(os.path.join(net, "nodes.csv")):
        assert r["id"] in nodes, r["id"]
        # the data is lossless: control characters too (JSON escapes them)
        assert nodes[r["id"]]["label"] == r["label"], (nodes[r["id"]]["label"], r["label"])
    notes = sorted(t["note"] for t in data["ties"] if t["hypothesis"] is None)
    want = sorted(e["note"] for e in rows(os.path.join(net, "edges.csv")))
    assert notes == want, (notes, want)


def check_compare(path, a, b):
    raw, page, data = load(path)
    for part, file in (("comparison", a), ("scenarios", b)):
        with open(file, encoding="utf-8") as f:
            want = json.load(f)
        got = data[part]
        if part == "scenarios":  # the page keeps the ranks, the base's pairs and no union ties (report-data.md)
            want.pop("ties")
            want["agreement"] = [p for p in want["agreement"] if p["a"] == "base"]
            for n in want["nodes"]:
                n.pop("value"), n.pop("rank_change")
        assert got == want, part


if __name__ == "__main__":
    mode = sys.argv[1]
    {"page": lambda: check_page(sys.argv[2]), "sorge": lambda: check_sorge(sys.argv[2], sys.argv[3]),
     "names": lambda: check_names(sys.argv[2], sys.argv[3]),
     "compare": lambda: check_compare(sys.argv[2], sys.argv[3], sys.argv[4])}[mode]()
