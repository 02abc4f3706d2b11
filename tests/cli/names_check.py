#!/usr/bin/python3
"""names_check.py: checks that names from the data come out of a diagram as the README promises.

usage: names_check.py svg NETWORK_DIR FILE   every node of the network is a <g class="node"> whose element
                                             id is "node-" + the id percent-encoded, whose tooltip's first
                                             line is "LABEL (ID)" and whose text is the label, as
                                             drawable text
       names_check.py dot NETWORK_DIR FILE   the DOT (laid out or canon), read back by Graphviz's own
                                             parser (gvpr), names no node by its id and gives each node
                                             its id (`id` attribute, tooltip's first line) and label;
                                             laid out, every node has its own position

The expected values come from nodes.csv (Python's csv module) and from the rules in README.md, "Names
from the data", written again here: drawable text has a tab, line feed or carriage return made a space
and every other control character (C0, DEL, C1) and U+FFFE, U+FFFF made U+FFFD; a DOT escString
(label, tooltip) doubles backslashes and writes & as &amp;; the `id` attribute is "node-" and the id with
every character but ASCII letters, digits, _ - . and non-ASCII letters and digits percent-encoded
(RFC 3986, decoded here by urllib). The XML is parsed by Python's expat (well-formedness is checked by
xmllint in the case's check script).
"""
import csv
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from urllib.parse import unquote

SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"


def drawable(text):
    out = []
    for ch in text:
        c = ord(ch)
        if ch in "\t\n\r":
            out.append(" ")
        elif c < 0x20 or 0x7F <= c <= 0x9F or c in (0xFFFE, 0xFFFF):
            out.append("\ufffd")
        else:
            out.append(ch)
    return "".join(out)


def nodes_table(network):
    manifest = json.load(open(os.path.join(network, "network.json"), encoding="utf-8"))
    with open(os.path.join(network, manifest["nodes"]), encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def tooltip_head(row):
    """The first line of a node's tooltip (README, "Evidence in the picture"): "LABEL (ID)", the id alone
    when the label is empty or the id itself."""
    label = row.get("label") or row["id"]
    return drawable(row["id"]) if label == row["id"] else f"{drawable(label)} ({drawable(row['id'])})"


def check_svg(network, path):
    root = ET.parse(path).getroot()
    rows = {r["id"]: r for r in nodes_table(network)}
    seen = set()
    for g in root.iter(SVG + "g"):
        if g.get("class") != "node":
            continue
        node_id = unquote(g.get("id")[len("node-"):])
        assert g.get("id").startswith("node-") and node_id in rows, g.get("id")
        seen.add(node_id)
        title = g.find(SVG + "title").text
        assert title.startswith("n") and title[1:].isdigit(), f"cgraph name {title!r} is not n<index>"
        anchors = [a for a in g.iter(SVG + "a") if a.get(XLINK + "title") is not None]
        assert anchors and anchors[0].get(XLINK + "title").split("\n")[0] == tooltip_head(rows[node_id]), \
            (node_id, anchors and anchors[0].get(XLINK + "title"))
        texts = ["".join(t.itertext()) for t in g.iter(SVG + "text")]
        assert texts and texts[0] == drawable(rows[node_id]["label"]), (node_id, texts)
    assert seen == set(rows), sorted(set(rows) - seen)


def unescape(value):
    """An escString attribute as stored (what Graphviz's parser read) -> the text Graphviz shows."""
    out, i = [], 0
    while i < len(value):
        if value[i] == "\\" and i + 1 < len(value):
            out.append({"\\": "\\", "n": "\n"}.get(value[i + 1], value[i:i + 2]))
            i += 2
        else:
            out.append(value[i])
            i += 1
    return "".join(out).replace("&amp;", "&")


def tooltip_unescape(value):
    """A tooltip as stored -> the text Graphviz 2.43 shows: it expands the value's escapes (a doubled
    backslash to one; \\n and the rest kept) before unescaping it as any escString."""
    first, i = [], 0
    while i < len(value):
        if value[i] == "\\" and i + 1 < len(value) and value[i + 1] == "\\":
            first.append("\\")
            i += 2
        elif value[i] == "\\" and i + 1 < len(value):
            first.append(value[i:i + 2])
            i += 2
        else:
            first.append(value[i])
            i += 1
    return unescape("".join(first))


# Graphviz's own DOT parser (gvpr, a separate program) prints each node's name and attributes as read,
# one node a line, fields separated by a tab (drawable text holds none).
GVPR = r'N { printf("%s\t%s\t%s\t%s\t%s\n", $.name, aget($, "id"), aget($, "tooltip"), aget($, "label"), aget($, "pos")) }'


def check_dot(network, path):
    read = subprocess.run(["gvpr", GVPR, path], capture_output=True, check=True).stdout.decode("utf-8")
    rows = {r["id"]: r for r in nodes_table(network)}
    positions = {}
    seen = set()
    for line in read.splitlines():
        name, attr_id, tooltip, label, pos = line.split("\t")
        assert name.startswith("n") and name[1:].isdigit(), f"cgraph name {name!r} is not n<index>"
        node_id = unquote(attr_id[len("node-"):])
        assert attr_id.startswith("node-") and node_id in rows, attr_id
        seen.add(node_id)
        assert tooltip_unescape(tooltip).split("\n")[0] == tooltip_head(rows[node_id]), (node_id, tooltip)
        assert unescape(label).split("\n")[0] == drawable(rows[node_id]["label"]), (node_id, label)
        if pos:
            positions[node_id] = pos
    assert seen == set(rows), sorted(set(rows) - seen)
    if positions:  # laid out: every node placed, each at its own point (never all at 0,0)
        assert len(positions) == len(rows) and len(set(positions.values())) == len(rows), positions


def main():
    what, network, path = sys.argv[1:4]
    {"svg": check_svg, "dot": check_dot}[what](network, path)


if __name__ == "__main__":
    main()
