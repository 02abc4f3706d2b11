#!/usr/bin/python3
"""xml_check.py: checks spygraph's GraphML and GEXF files with peer readers, against the CSV tables.

usage: xml_check.py graphml SPYGRAPH FILE NETWORK [READING...]
           FILE, spygraph's GraphML export of the folder NETWORK (READING: the reading options it was
           exported with), read by NetworkX (read_graphml) and python-igraph (Graph.Read_GraphML): every
           node and tie with every attribute equals NETWORK's nodes.csv and edges.csv read with Python's csv
           module, names written as README's "Interchange" says (control characters as control pictures),
           each tie's direction and family as `spygraph help relations` gives its relation; no <edge> has
           a `directed` XML attribute; the graph's data hold the title, description and the spygraph header,
           which equals `spygraph info --format json`'s "network" plus the version
       xml_check.py header SPYGRAPH FILE NETWORK [READING...]
           only the header of FILE, exported from NETWORK with READING (a hypothesis: the ties differ from
           the CSV files)
       xml_check.py gexf SPYGRAPH FILE NETWORK TMP
           FILE, spygraph's GEXF export of NETWORK, read with Python's ElementTree: the same values as
           attributes and attvalues, each tie's and node's start and end days worked out here from the dates
           as written (a date's first day starts, its last day ends), the count of dated ties and nodes
           compared with a count over the CSV files, and the viz colours and sizes equal to what `spygraph
           render NETWORK` draws: fills and tie colours from its SVG, node heights from its DOT (read by
           pydot); NetworkX 2.8 cannot read GEXF 1.3 (asserted, so the README's statement stays true)
       xml_check.py gexf-names FILE NETWORK
           FILE, spygraph's GEXF export of NETWORK (hostile names): ids, labels and attvalues as the CSV
           files have them, made XML text
       xml_check.py peer-graphml SPYGRAPH FILE TMP
       xml_check.py peer-gexf SPYGRAPH FILE TMP
           FILE, a GraphML or GEXF 1.2draft file NetworkX 2.8 wrote, read by NetworkX and by spygraph (its
           reading exported as GraphML and read by NetworkX): the same nodes, labels, attributes and ties, a
           GEXF tie with several spells being one tie per spell, a GraphML tie without a `directed` value
           directed as its relation is, a GEXF tie as its type (here the graph's default) says
       xml_check.py expect NAME FILE
           FILE, spygraph's GraphML export of a hand-made input, holds exactly the nodes and ties listed
           under NAME below (values read off the input file by hand)
"""
import calendar
import csv
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET

import igraph
import networkx as nx

GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"
GEXF = "{http://gexf.net/1.3}"
SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"


def fail(message):
    print("xml_check: " + message, file=sys.stderr)
    sys.exit(1)


def expect(got, wanted, what):
    if got != wanted:
        fail("%s: got %r, expected %r" % (what, got, wanted))


def xml_text(text):
    """The rule of README "Interchange": C0 controls but tab, LF and CR become control pictures (U+2400 +
    the code), U+FFFE and U+FFFF the replacement character; everything else is kept."""
    out = []
    for ch in text:
        c = ord(ch)
        if c < 0x20 and ch not in "\t\n\r":
            out.append(chr(0x2400 + c))
        elif c in (0xFFFE, 0xFFFF):
            out.append("\ufffd")
        else:
            out.append(ch)
    return "".join(out)


def listed(text):
    """A ';' list as spygraph reads it (parts trimmed, empty parts dropped), written joined by ';'."""
    return ";".join(p.strip() for p in text.split(";") if p.strip())


def number(text, default):
    return float(text) if text.strip() else default


def vocabulary(spygraph):
    """relation -> (directed, family), from the table `spygraph help relations` prints."""
    out = subprocess.run([spygraph, "help", "relations"], capture_output=True, text=True, check=True).stdout
    rows = {}
    for line in out.splitlines()[1:]:
        parts = line.split()
        if len(parts) >= 4 and parts[1] in ("yes", "no"):
            rows[parts[0]] = (parts[1] == "yes", parts[3])
    if "member_of" not in rows or "met" not in rows:
        fail("cannot read `spygraph help relations`")
    return rows


def reading_direction(reading):
    if "--directed" in reading:
        return True
    if "--undirected" in reading:
        return False
    return None


def network_tables(network):
    manifest = json.load(open(os.path.join(network, "network.json"), encoding="utf-8"))

    def table(name):
        with open(os.path.join(network, manifest[name]), encoding="utf-8-sig", newline="") as f:
            return list(csv.DictReader(f))

    return manifest, table("nodes"), table("edges")


def affiliation_labels(manifest, rows):
    """{affiliation: label}, as networks/README.md says: the manifest's "affiliations", and the labels the
    nodes table gives in its affiliation_label column."""
    labels = {a["id"]: a["label"] for a in manifest.get("affiliations", [])}
    for r in rows:
        label = (r.get("affiliation_label") or "").strip()
        if label:
            labels.setdefault((r.get("affiliation") or "").strip(), label)
    return labels


def expected_nodes(rows, manifest):
    """Per node id: the attributes spygraph's writers give it (the CSV's values, names made XML text), and
    affiliation_label when some node's affiliation has a label ("" for the others)."""
    labels = affiliation_labels(manifest, rows)
    labelled = any((r.get("affiliation") or "").strip() in labels for r in rows)
    nodes = {}
    for r in rows:
        get = lambda k: (r.get(k) or "").strip()
        nodes[xml_text(get("id"))] = {
            "label": xml_text(get("label") or get("id")),
            "kind": get("kind"),
            "affiliation": xml_text(get("affiliation")),
            "codenames": xml_text(listed(get("codenames"))),
            "native_name": xml_text(get("native_name")),
            "start": get("start"),
            "end": get("end"),
            "note": xml_text(get("note")),
            "sources": xml_text(listed(get("sources"))),
        }
        if labelled:
            nodes[xml_text(get("id"))]["affiliation_label"] = xml_text(labels.get(get("affiliation"), ""))
    return nodes


def expected_edges(rows, vocab, forced):
    """The ties in file order: (source, target, attributes)."""
    edges = []
    for r in rows:
        get = lambda k: (r.get(k) or "").strip()
        relation = get("relation") or "tie"
        directed, family = vocab[relation]
        if forced is not None:
            directed = forced
        edges.append((xml_text(get("source")), xml_text(get("target")), {
            "relation": relation,
            "directed": directed,
            "family": family,
            "start": get("start"),
            "end": get("end"),
            "confidence": number(get("confidence"), 1.0),
            "weight": number(get("weight"), 1.0),
            "sources": xml_text(listed(get("sources"))),
            "note": xml_text(get("note")),
        }))
    return edges


def without_empty(attrs):
    """NetworkX leaves out what a GraphML file leaves out: spygraph writes no empty <data>."""
    return {k: v for k, v in attrs.items() if v != ""}


def check_header(spygraph, G, network, reading):
    """The graph's `spygraph` data: the version and what `spygraph info --format json` says of the input."""
    header = json.loads(G.graph["spygraph"])
    info = json.loads(subprocess.run([spygraph, "info", network, "--format", "json"] + reading,
                                     capture_output=True, text=True, check=True).stdout)
    version = subprocess.run([spygraph, "--version"], capture_output=True, text=True, check=True).stdout.split()[1]
    expect(header, dict({"version": version}, **info["network"]), "the spygraph header")


def check_graphml(spygraph, path, network, reading):
    manifest, node_rows, edge_rows = network_tables(network)
    vocab = vocabulary(spygraph)
    forced = reading_direction(reading)
    nodes = expected_nodes(node_rows, manifest)
    edges = expected_edges(edge_rows, vocab, forced)
    any_directed = any(a["directed"] for _, _, a in edges)

    # the XML itself: no per-edge `directed` attribute (NetworkX 2.8 refuses directed="false")
    root = ET.parse(path).getroot()
    graph = root.find(GRAPHML + "graph")
    expect(graph.get("edgedefault"), "directed" if any_directed else "undirected", "edgedefault")
    for e in root.iter(GRAPHML + "edge"):
        if "directed" in e.attrib:
            fail("an <edge> has a directed attribute")

    # NetworkX
    G = nx.read_graphml(path)
    expect(G.is_directed(), any_directed, "NetworkX: directed graph")
    expect(list(G.nodes), list(nodes), "NetworkX: node ids in order")
    for n, attrs in G.nodes(data=True):
        expect(attrs, without_empty(nodes[n]), "NetworkX: node %r" % n)
    got = sorted((s, t, sorted(a.items())) for s, t, a in G.edges(data=True))
    want = sorted((s, t, sorted(without_empty(a).items())) for s, t, a in edges)
    if not any_directed:  # an undirected graph gives each tie's ends in its own order
        got = sorted(tuple(sorted((s, t))) + (a,) for s, t, a in got)
        want = sorted(tuple(sorted((s, t))) + (a,) for s, t, a in want)
    expect(got, want, "NetworkX: ties")
    expect(G.graph.get("title", ""), xml_text(manifest.get("title", "")), "NetworkX: title")
    expect(G.graph.get("description", ""), xml_text(manifest.get("description", "")), "NetworkX: description")
    check_header(spygraph, G, network, reading)

    # python-igraph: the ties in file order, a missing string as ""
    g = igraph.Graph.Read_GraphML(path)
    expect(g.vs["id"], list(nodes), "igraph: node ids")
    for v in g.vs:
        attrs = {k: v[k] for k in nodes[v["id"]]}
        expect(attrs, nodes[v["id"]], "igraph: node %r" % v["id"])
    got = [(g.vs[e.source]["id"], g.vs[e.target]["id"], {k: e[k] for k in edges[0][2]}) for e in g.es]
    want = edges
    if not any_directed:  # igraph keeps an undirected edge's ends in its own order
        got = [tuple(sorted((s, t))) + (a,) for s, t, a in got]
        want = [tuple(sorted((s, t))) + (a,) for s, t, a in edges]
    expect(got, want, "igraph: ties")
    print("GraphML: %d nodes and %d ties checked with NetworkX and python-igraph" % (len(nodes), len(edges)))


def first_day(text):
    """The first day of a plain date (1932, 1932-12, 1932-12-05), ISO; the Sorge set writes no other form."""
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 1:
        return "%04d-01-01" % parts[0]
    if len(parts) == 2:
        return "%04d-%02d-01" % tuple(parts)
    return "%04d-%02d-%02d" % tuple(parts)


def last_day(text):
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 1:
        return "%04d-12-31" % parts[0]
    if len(parts) == 2:
        return "%04d-%02d-%02d" % (parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
    return "%04d-%02d-%02d" % tuple(parts)


def plain(text):
    ok = all(p.isdigit() for p in text.split("-")) and len(text.split("-")) <= 3
    if text and not ok:
        fail("the check works out days of plain dates only, not %r" % text)
    return text


def period(start, end):
    """The start and end days GEXF carries for a period written START..END ("" when open)."""
    return (first_day(plain(start)) if start else "", last_day(plain(end)) if end else "")


def attvalues(element, titles):
    out = {}
    values = element.find(GEXF + "attvalues")
    for v in values.findall(GEXF + "attvalue") if values is not None else []:
        out[titles[v.get("for")]] = v.get("value")
    return out


def render_style(spygraph, network, tmp):
    """Per node id its SVG fill, per tie (its 1-based row in edges.csv) its SVG stroke, per node id its DOT
    height in points: what `spygraph render` draws with its defaults."""
    svg, dot = os.path.join(tmp, "render.svg"), os.path.join(tmp, "render.dot")
    subprocess.run([spygraph, "render", network, "-o", svg], check=True)
    subprocess.run([spygraph, "render", network, "-o", dot], check=True)
    from urllib.parse import unquote
    fills, strokes = {}, {}
    for g in ET.parse(svg).getroot().iter(SVG + "g"):
        if g.get("class") == "node":
            shape = [s for s in g.iter() if s.tag in (SVG + "ellipse", SVG + "polygon")][0]
            fills[unquote(g.get("id")[len("node-"):])] = svg_colour(shape.get("fill"))
        elif g.get("class") == "edge":
            # a tie's element id is "tie-" and its place in edges.csv (README, "Evidence in the picture")
            assert g.get("id").startswith("tie-"), g.get("id")
            path = [p for p in g.iter(SVG + "path")][0]
            strokes[int(g.get("id")[len("tie-"):])] = svg_colour(path.get("stroke"))
    import pydot
    heights = {}
    for n in pydot.graph_from_dot_file(dot)[0].get_nodes():
        attrs = n.get_attributes()
        if attrs.get("id", "").strip('"').startswith("node-"):
            heights[unquote(attrs["id"].strip('"')[len("node-"):])] = float(attrs["height"].strip('"')) * 72
    return fills, strokes, heights


# Graphviz's SVG writer names the colours SVG knows by name (render uses only these two) and others in hex.
SVG_NAMES = {"white": "#ffffff", "black": "#000000"}


def svg_colour(value):
    value = SVG_NAMES.get(value, value)
    if not value.startswith("#") or len(value) != 7:
        fail("an SVG colour the check does not know: %r" % value)
    return value


def colour(element):
    c = element.find(GEXF + "color")
    return "#%02x%02x%02x" % (int(c.get("r")), int(c.get("g")), int(c.get("b")))


def check_gexf(spygraph, path, network, tmp):
    manifest, node_rows, edge_rows = network_tables(network)
    vocab = vocabulary(spygraph)
    nodes = expected_nodes(node_rows, manifest)
    edges = expected_edges(edge_rows, vocab, None)
    root = ET.parse(path).getroot()
    expect(root.tag, GEXF + "gexf", "root element")
    expect(root.get("version"), "1.3", "version")
    graph = root.find(GEXF + "graph")
    dated = any(r.get("start", "").strip() or r.get("end", "").strip() for r in node_rows + edge_rows)
    expect((graph.get("mode"), graph.get("timeformat")), ("dynamic", "date") if dated else ("static", None),
           "mode and timeformat")
    expect(graph.get("defaultedgetype"), "directed" if any(a["directed"] for _, _, a in edges) else "undirected",
           "defaultedgetype")
    titles = {}
    for attrs in graph.findall(GEXF + "attributes"):
        titles[attrs.get("class")] = {a.get("id"): a.get("title") for a in attrs.findall(GEXF + "attribute")}
        types = {a.get("title"): a.get("type") for a in attrs.findall(GEXF + "attribute")}
        if attrs.get("class") == "edge":
            expect((types["directed"], types["confidence"]), ("boolean", "double"), "edge attribute types")

    fills, strokes, heights = render_style(spygraph, network, tmp)
    node_elements = graph.find(GEXF + "nodes").findall(GEXF + "node")
    expect([n.get("id") for n in node_elements], list(nodes), "node ids in order")
    dated_nodes = 0
    for n in node_elements:
        want = nodes[n.get("id")]
        expect(n.get("label"), want["label"], "label of %r" % n.get("id"))
        got = attvalues(n, titles["node"])
        expect(got, without_empty({k: v for k, v in want.items() if k != "label"}), "attvalues of %r" % n.get("id"))
        days = period(want["start"], want["end"])
        expect((n.get("start", ""), n.get("end", "")), days, "lifetime days of %r" % n.get("id"))
        dated_nodes += n.get("start") is not None or n.get("end") is not None
        expect(colour(n), fills[n.get("id")], "fill of %r (render's SVG)" % n.get("id"))
        size = float(n.find(GEXF + "size").get("value"))
        if abs(size - heights[n.get("id")]) > 0.01:
            fail("size of %r: %s, render's DOT height %s points" % (n.get("id"), size, heights[n.get("id")]))

    edge_elements = graph.find(GEXF + "edges").findall(GEXF + "edge")
    expect(len(edge_elements), len(edges), "number of ties")
    starts = ends = 0
    for row, (e, (source, target, want)) in enumerate(zip(edge_elements, edges), 1):
        what = "tie %s -> %s (%s)" % (source, target, want["relation"])
        expect((e.get("source"), e.get("target")), (source, target), what)
        expect(e.get("type"), "directed" if want["directed"] else "undirected", what + ": type")
        expect(float(e.get("weight")), want["weight"], what + ": weight")
        got = attvalues(e, titles["edge"])
        got["directed"] = got["directed"] == "true"
        got["confidence"] = float(got["confidence"])
        expected = without_empty({k: v for k, v in want.items() if k != "weight"})
        expect(got, expected, what + ": attvalues")
        expect((e.get("start", ""), e.get("end", "")), period(want["start"], want["end"]), what + ": days")
        starts += e.get("start") is not None
        ends += e.get("end") is not None
        expect(colour(e), strokes[row], what + ": colour (render's SVG)")
    # hand-count logic: every tie the CSV dates at its start (or end) has a start (or end) in the file
    expect(starts, sum(1 for r in edge_rows if r.get("start", "").strip()), "ties with a start")
    expect(ends, sum(1 for r in edge_rows if r.get("end", "").strip()), "ties with an end")
    expect(dated_nodes, sum(1 for r in node_rows if r.get("start", "").strip() or r.get("end", "").strip()),
           "nodes with a lifetime")

    # NetworkX 2.8.8 knows GEXF 1.1draft and 1.2draft only
    refusals = (({}, "No <graph> element in GEXF file."), ({"version": "1.3"}, "Unknown GEXF version 1.3."))
    for kwargs, message in refusals:
        try:
            nx.read_gexf(path, **kwargs)
            fail("NetworkX read GEXF 1.3 (%r): update README's Interchange section" % kwargs)
        except nx.NetworkXError as e:
            expect(str(e), message, "NetworkX's refusal")
    print("GEXF: %d nodes (%d dated) and %d ties (%d starts, %d ends) checked, colours and sizes against render"
          % (len(nodes), dated_nodes, len(edges), starts, ends))


def check_gexf_names(path, network):
    """Hostile names: ids, labels and attvalues as the CSV has them, made XML text."""
    manifest, node_rows, edge_rows = network_tables(network)
    nodes = expected_nodes(node_rows, manifest)
    root = ET.parse(path).getroot()
    graph = root.find(GEXF + "graph")
    titles = {a.get("class"): {x.get("id"): x.get("title") for x in a.findall(GEXF + "attribute")}
              for a in graph.findall(GEXF + "attributes")}
    elements = graph.find(GEXF + "nodes").findall(GEXF + "node")
    expect([n.get("id") for n in elements], list(nodes), "node ids")
    for n in elements:
        want = nodes[n.get("id")]
        expect(n.get("label"), want["label"], "label")
        expect(attvalues(n, titles["node"]), without_empty({k: v for k, v in want.items() if k != "label"}),
               "attvalues of %r" % n.get("id"))
    for e, r in zip(graph.find(GEXF + "edges").findall(GEXF + "edge"), edge_rows):
        expect((e.get("source"), e.get("target")), (xml_text(r["source"]), xml_text(r["target"])), "tie ends")
        values = attvalues(e, titles["edge"])
        expect((values.get("note", ""), values.get("sources", "")),
               (xml_text(r.get("note", "").strip()), xml_text(listed(r.get("sources", "")))), "tie note and sources")
    print("GEXF names: %d nodes and %d ties as written" % (len(nodes), len(edge_rows)))


def spygraph_reading(spygraph, path, tmp):
    """FILE as spygraph reads it: its GraphML export, read by NetworkX."""
    out = os.path.join(tmp, "reading.graphml")
    subprocess.run([spygraph, "export", path, "-o", out], check=True)
    return nx.read_graphml(out)


def tie_key(s, t, a):
    return (s, t, a.get("relation", "tie"), a.get("confidence", 1.0), a.get("weight", 1.0), a.get("sources", ""),
            a.get("start", ""), a.get("end", ""), a.get("note", ""))


def check_peer(spygraph, path, tmp, kind):
    vocab = vocabulary(spygraph)
    peer = nx.read_graphml(path) if kind == "graphml" else nx.read_gexf(path)
    ours = spygraph_reading(spygraph, path, tmp)
    expect(list(ours.nodes), list(peer.nodes), "node ids")
    for n, a in peer.nodes(data=True):
        mine = ours.nodes[n]
        for k, v in a.items():
            if k in ("label", "kind", "affiliation", "codenames", "native_name", "start", "end"):
                expect(mine.get(k), v, "node %r: %s" % (n, k))
    want = []
    for s, t, a in peer.edges(data=True):
        # GraphML: a `directed` value, else the relation's direction; GEXF: every edge has the graph's default
        # type here (the file gives no per-edge type), which NetworkX makes the graph's direction
        directed = a.get("directed", vocab[a.get("relation", "tie")][0]) if kind == "graphml" else peer.is_directed()
        spells = a.get("spells") or [(a.get("start", ""), a.get("end", ""))]
        for start, end in spells:  # several spells: one tie each
            b = dict(a, start=start or "", end=end or "")
            want.append(tie_key(s, t, b) + (directed,))
    got = [tie_key(s, t, a) + (a["directed"],) for s, t, a in ours.edges(data=True)]
    expect(sorted(got), sorted(want), "ties")
    print("%s written by NetworkX: %d nodes and %d ties read as NetworkX reads them" % (kind, len(peer), len(got)))


# Hand-made inputs: what each holds, read off the file (tests/data/good/NAME).
EXPECTED = {
    "gexf12-spells": {
        "description": "A courier line with spells",
        "nodes": {
            # the mole's two spells, 1930-01-01..1935-06-30 and 1937-01-01..1939-12-31: its lifetime is their hull
            "mole": {"label": "The Mole", "kind": "person", "affiliation": "ring", "start": "1930-01-01",
                     "end": "1939-12-31", "rank": "3"},
            "courier": {"label": "Courier", "kind": "person", "affiliation": "ring", "start": "1931-03-01"},
            "centre": {"label": "Centre", "kind": "organization"},
        },
        "ties": [
            # e1: two spells, one tie each, every attribute on both
            ("mole", "courier", {"relation": "handled", "directed": True, "family": "command", "start": "1931-03-01",
                                 "end": "1932-12-31", "confidence": 0.8, "weight": 2.0, "sources": "k1;k2"}),
            ("mole", "courier", {"relation": "handled", "directed": True, "family": "command", "start": "1937-01-01",
                                 "end": "1938-06-30", "confidence": 0.8, "weight": 2.0, "sources": "k1;k2"}),
            # e2: undirected, the default relation, a timestamp
            ("courier", "centre", {"relation": "met", "directed": False, "family": "personal", "start": "1933-05-01",
                                   "end": "1933-05-01", "confidence": 1.0, "weight": 1.0}),
            # e3: mutual, read as undirected
            ("centre", "mole", {"relation": "reported_to", "directed": False, "family": "command", "confidence": 1.0,
                                "weight": 1.0}),
            # e4: the graph's default type, a spell open at its end
            ("mole", "centre", {"relation": "met", "directed": True, "family": "personal", "start": "1934-01-01",
                                "confidence": 1.0, "weight": 1.0}),
        ],
    },
    "gexf11-static": {
        "nodes": {
            "0": {"label": "Sorge", "affiliation": "ring"},
            "1": {"label": "Ozaki", "affiliation": "ring"},
            "2": {"label": "Smedley"},
        },
        "ties": [
            ("0", "1", {"relation": "tie", "directed": False, "family": "other", "confidence": 1.0, "weight": 1.5}),
            ("2", "1", {"relation": "tie", "directed": False, "family": "other", "confidence": 1.0, "weight": 1.0}),
        ],
    },
    "gexf13-gephi": {
        "nodes": {"a": {"label": "Agent A"}, "b": {"label": "Agent B"}, "c": {"label": "Agent C"}},
        "ties": [
            # whole years (timeformat double) as years; the attribute titled Relation is the relation
            ("a", "b", {"relation": "recruited", "directed": True, "family": "command", "start": "1932", "end": "1934",
                        "confidence": 1.0, "weight": 1.0}),
            # intervals "<[1936.0, 1938.0]; [1940.0, Infinity]>": two ties, the second open at its end
            ("b", "c", {"relation": "tie", "directed": False, "family": "other", "start": "1936", "end": "1938",
                        "confidence": 1.0, "weight": 1.0}),
            ("b", "c", {"relation": "tie", "directed": False, "family": "other", "start": "1940", "confidence": 1.0,
                        "weight": 1.0}),
            # timestamps "<[1941.0; 1942.0]>": a tie for each
            ("c", "a", {"relation": "tie", "directed": False, "family": "other", "start": "1941", "end": "1941",
                        "confidence": 1.0, "weight": 1.0}),
            ("c", "a", {"relation": "tie", "directed": False, "family": "other", "start": "1942", "end": "1942",
                        "confidence": 1.0, "weight": 1.0}),
        ],
    },
    "sniffed": {
        "nodes": {"a": {"label": "Agent A"}, "b": {"label": "Agent B"}},
        "ties": [("a", "b", {"relation": "met", "directed": False, "family": "personal", "confidence": 1.0,
                             "weight": 1.0})],
    },
}


def check_expected(name, path):
    want = EXPECTED[name]
    G = nx.read_graphml(path)
    expect(dict(G.nodes(data=True)), want["nodes"], name + ": nodes")
    expect(G.graph.get("description", ""), want.get("description", ""), name + ": description")
    root = ET.parse(path).getroot()  # the ties in file order (NetworkX iterates by node)
    keys = {k.get("id"): (k.get("attr.name"), k.get("attr.type")) for k in root.iter(GRAPHML + "key")}
    ties = []
    for e in root.iter(GRAPHML + "edge"):
        attrs = {}
        for d in e.findall(GRAPHML + "data"):
            name_, type_ = keys[d.get("key")]
            attrs[name_] = {"double": float, "boolean": lambda v: v == "true"}.get(type_, str)(d.text)
        ties.append((e.get("source"), e.get("target"), attrs))
    expect(ties, want["ties"], name + ": ties")
    print("%s: %d nodes and %d ties as the file holds them" % (name, len(want["nodes"]), len(ties)))


def main(argv):
    if len(argv) >= 4 and argv[0] == "graphml":
        check_graphml(argv[1], argv[2], argv[3], argv[4:])
    elif len(argv) >= 4 and argv[0] == "header":
        check_header(argv[1], nx.read_graphml(argv[2]), argv[3], argv[4:])
        print("the spygraph header names the input and the reading")
    elif len(argv) == 5 and argv[0] == "gexf":
        check_gexf(*argv[1:])
    elif len(argv) == 3 and argv[0] == "gexf-names":
        check_gexf_names(argv[1], argv[2])
    elif len(argv) == 4 and argv[0] in ("peer-graphml", "peer-gexf"):
        check_peer(argv[1], argv[2], argv[3], argv[0][len("peer-"):])
    elif len(argv) == 3 and argv[0] == "expect":
        check_expected(argv[1], argv[2])
    else:
        fail("usage: see the header of tests/cli/xml_check.py")


if __name__ == "__main__":
    main(sys.argv[1:])
