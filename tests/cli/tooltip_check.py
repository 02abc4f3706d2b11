#!/usr/bin/python3
"""tooltip_check.py: checks the evidence `spygraph render` puts in a picture: every node's and tie's id and
tooltip, against the network's CSV files read here with Python's csv module.

usage: tooltip_check.py svg NETWORK_DIR FILE [HYPOTHESIS]   an SVG, parsed by ElementTree (xlink:title)
       tooltip_check.py dot NETWORK_DIR FILE [HYPOTHESIS]   a DOT or canon file, read by Graphviz's own
                                                            parser (gvpr): `id` and `tooltip` attributes

With HYPOTHESIS the picture is of that reading (render --hypothesis); its patch may hold add_edge and
change_edge lines only (what this check knows how to apply).

What is expected, as README "Evidence in the picture" documents it (written again here, not taken from
spygraph's code):
- every node of nodes.csv is one element with id "node-" and its id percent-encoded (decoded here by
  urllib), every tie of edges.csv one element with id "tie-N", N its 1-based row in edges.csv (a header
  line and the rows before it; a quoted field may span lines, so rows are csv records, not lines), and
  every tie a hypothesis adds "tie-HYP-N", N the 1-based place of its line among the patch's lines; a
  tie a hypothesis changes keeps "tie-N";
- a node's tooltip, one line each: "LABEL (ID)" (the id alone when the label is empty or the id);
  "codename: A" or "codenames: A, B"; "native name: X"; "KIND, AFFILIATION" (either part alone when the
  other is empty; the affiliation as "Label (slug)" when it has a display name, else the slug);
  "lifetime: PERIOD"; "sources:" then "KEY: REFERENCE, p. PAGES" ("pp." when PAGES is more than digits:
  a list or a range; no pages part without pages; the key alone when sources.csv lacks it); "note: NOTE";
- a tie's tooltip: "RELATION: SOURCE → TARGET" (an em dash for an undirected relation; each end
  written as a node's first line); "period: PERIOD"; "confidence C, weight W" (%g); "added by hypothesis
  LABEL (ID)" or "changed by hypothesis LABEL (ID)"; the sources as for nodes; "note: NOTE";
- PERIOD is "A–B" (an en dash), "A" when both ends are written alike, "from A" or "until B" with one end;
- each line is drawable text (control characters made U+FFFD, line breaks made spaces: names_check.py),
  lines missing when their field is empty.
"""
import csv
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from urllib.parse import unquote

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from names_check import drawable, tooltip_unescape  # noqa: E402 (the README's escaping rules, written once)
from render_check import RELATIONS  # noqa: E402 (networks/README.md's relation table)

SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"


def read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def field(row, name):
    return row.get(name) or ""


def split(text):
    return [p.strip() for p in text.split(";") if p.strip()]


def named(row):
    label = field(row, "label") or row["id"]
    return drawable(row["id"]) if label == row["id"] else f"{drawable(label)} ({drawable(row['id'])})"


def period(start, end):
    if not start and not end:
        return None
    if start and end:
        return start if start == end else f"{start}\u2013{end}"
    return f"from {start}" if start else f"until {end}"


def source_lines(keys, sources):
    if not keys:
        return []
    lines = ["sources:"]
    for key in keys:
        s = sources.get(key)
        line = key
        if s and field(s, "reference"):
            line += ": " + field(s, "reference")
        pages = field(s, "pages") if s else ""
        if pages:
            line += ("," if s and field(s, "reference") else ":") + (" p. " if pages.isdigit() else " pp. ") + pages
        lines.append(drawable(line))
    return lines


class Network:
    def __init__(self, folder):
        self.folder = folder
        self.manifest = json.load(open(os.path.join(folder, "network.json"), encoding="utf-8"))
        self.nodes = read_csv(os.path.join(folder, self.manifest["nodes"]))
        self.edges = read_csv(os.path.join(folder, self.manifest["edges"]))
        self.sources = {r["key"]: r for r in read_csv(os.path.join(folder, self.manifest["sources"]))} \
            if self.manifest.get("sources") else {}
        self.by_id = {r["id"]: r for r in self.nodes}
        # display names of affiliations: an `affiliation_label` column where the nodes table has one
        self.affiliation_labels = {r["affiliation"]: r["affiliation_label"] for r in self.nodes
                                   if field(r, "affiliation") and field(r, "affiliation_label")}

    def hypothesis(self, hid):
        return [h for h in self.manifest.get("hypotheses", []) if h["id"] == hid][0]


def node_lines(net, row):
    """The expected lines of node ROW's tooltip; the kind and affiliation line as a predicate, since the
    affiliation may have a display name from the manifest (README: "Label (slug)", else the slug)."""
    lines = [named(row)]
    codes = split(field(row, "codenames"))
    if codes:
        lines.append(drawable(("codenames: " if len(codes) > 1 else "codename: ") + ", ".join(codes)))
    if field(row, "native_name"):
        lines.append(drawable("native name: " + row["native_name"]))
    kind, aff = field(row, "kind"), field(row, "affiliation")
    if kind or aff:
        label = net.affiliation_labels.get(aff)
        shown = f"{label} ({aff})" if label and label != aff else aff
        want = drawable(", ".join(p for p in (kind, shown) if p))
        slug = drawable(aff)
        prefix = drawable(kind + ", ") if kind and aff else drawable(kind)
        lines.append(lambda got, want=want, slug=slug, prefix=prefix: got == want or (
            bool(slug) and got.startswith(prefix) and got.endswith(f" ({slug})")))
    when = period(field(row, "start"), field(row, "end"))
    if when:
        lines.append(drawable("lifetime: " + when))
    lines += source_lines(split(field(row, "sources")), net.sources)
    if field(row, "note"):
        lines.append(drawable("note: " + row["note"]))
    return lines


def tie_lines(net, row, hypothesis=None, verb=None):
    directed = RELATIONS[row["relation"]][0]
    lines = [drawable(f"{row['relation']}: ") + named(net.by_id[row["source"]])
             + (" \u2192 " if directed else " \u2014 ") + named(net.by_id[row["target"]])]
    when = period(field(row, "start"), field(row, "end"))
    if when:
        lines.append(drawable("period: " + when))
    lines.append(f"confidence {float(field(row, 'confidence') or 1):g}, weight {float(field(row, 'weight') or 1):g}")
    if hypothesis:
        h = net.hypothesis(hypothesis)
        lines.append(drawable(f"{verb} by hypothesis " + named({"id": h["id"], "label": h.get("label", "")})))
    lines += source_lines(split(field(row, "sources")), net.sources)
    if field(row, "note"):
        lines.append(drawable("note: " + row["note"]))
    return lines


def expected(net, hypothesis):
    """Element id -> expected tooltip lines, for every node and tie of the reading."""
    nodes = {"node-" + r["id"]: node_lines(net, r) for r in net.nodes}
    rows = {f"tie-{n}": dict(r) for n, r in enumerate(net.edges, 1)}
    changed = {}
    if hypothesis:
        h = net.hypothesis(hypothesis)
        for n, p in enumerate(read_csv(os.path.join(net.folder, h["patch"])), 1):
            if p["op"] == "add_edge":
                rows[f"tie-{hypothesis}-{n}"] = dict(p)
                changed[f"tie-{hypothesis}-{n}"] = "added"
            elif p["op"] == "change_edge":
                hits = [k for k, r in rows.items() if (r["source"], r["target"]) == (p["source"], p["target"])
                        and (not p["relation"] or r["relation"] == p["relation"]) and k not in changed]
                assert len(hits) == 1, ("change_edge matches", hits)
                for name in ("start", "end", "confidence", "weight", "sources", "note"):
                    if field(p, name):
                        rows[hits[0]][name] = p[name]
                changed[hits[0]] = "changed"
            else:
                raise SystemExit(f"tooltip_check: the check does not apply {p['op']!r} lines")
    ties = {k: tie_lines(net, r, hypothesis if k in changed else None, changed.get(k)) for k, r in rows.items()}
    return nodes, ties


def match(what, got, want):
    lines = got.split("\n")
    assert len(lines) == len(want), f"{what}: {len(lines)} lines, expected {len(want)}:\n{got}\n{want}"
    for g, w in zip(lines, want):
        ok = w(g) if callable(w) else g == w
        assert ok, f"{what}: line {g!r}, expected {w if not callable(w) else 'kind, affiliation'!r}"


def read_svg(path):
    """(node id -> [titles], tie id -> [titles]) from the SVG's node and edge groups."""
    out = ({}, {})
    for g in ET.parse(path).getroot().iter(SVG + "g"):
        if g.get("class") not in ("node", "edge"):
            continue
        titles = [a.get(XLINK + "title") for a in g.iter(SVG + "a") if a.get(XLINK + "title") is not None]
        assert titles, f"{g.get('id')}: no tooltip"
        out[g.get("class") == "edge"].setdefault(unquote(g.get("id")), []).append(titles[0])
    return out


GVPR = r'N { printf("N\t%s\t%s\t%s\n", aget($, "id"), aget($, "tooltip"), aget($, "style")) } ' \
       r'E { printf("E\t%s\t%s\t%s\n", aget($, "id"), aget($, "tooltip"), aget($, "style")) }'


def read_dot(path):
    read = subprocess.run(["gvpr", GVPR, path], capture_output=True, check=True).stdout.decode("utf-8")
    out = ({}, {})
    for line in read.splitlines():
        what, attr_id, tooltip, style = line.split("\t")
        if what == "N" and not attr_id and style == "invis":
            continue  # a placeholder that pins a position of the union's layout (render.c), not a node
        out[what == "E"].setdefault(unquote(attr_id), []).append(tooltip_unescape(tooltip))
    return out


def main():
    what, network, path = sys.argv[1:4]
    hypothesis = sys.argv[4] if len(sys.argv) > 4 else None
    net = Network(network)
    want_nodes, want_ties = expected(net, hypothesis)
    got_nodes, got_ties = {"svg": read_svg, "dot": read_dot}[what](path)
    for kind, got, want in (("node", got_nodes, want_nodes), ("tie", got_ties, want_ties)):
        assert set(got) == set(want), (kind, sorted(set(got) - set(want)), sorted(set(want) - set(got)))
        for key, titles in got.items():
            assert len(titles) == 1, f"{key}: {len(titles)} elements"
            match(key, titles[0], want[key])
    print(f"{path}: {len(got_nodes)} nodes and {len(got_ties)} ties carry their evidence")


if __name__ == "__main__":
    main()
