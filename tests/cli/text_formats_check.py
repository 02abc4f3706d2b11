#!/usr/bin/python3
"""text_formats_check.py: checks spygraph's GML and Pajek exports and its plain-text readers against peers.

usage: text_formats_check.py CHECK SPYGRAPH TMP
  sorge-gml        the Sorge set exported as GML, read by NetworkX (read_gml) and python-igraph (Read_GML):
                   every node, tie and attribute, against networks/sorge/nodes.csv and edges.csv
  sorge-pajek      the Sorge set exported as Pajek, read by NetworkX (read_pajek) and python-igraph
                   (Read_Pajek): every node and tie with its weight, the arcs and the edges
  sorge-centrality spygraph reads its own GML and Pajek exports of the Sorge set back to the same
                   centrality figures as the folder (default reading, --directed, --undirected)
  hostile-gml      the hostile names (tests/data/good/hostile-names) exported as GML and read by NetworkX
                   and python-igraph; spygraph reads the file back to the same ids and labels
  hostile-pajek    the hostile names exported as Pajek: the labels README's rule gives, as NetworkX and
                   python-igraph read them
  networkx-gml     a graph written by NetworkX's write_gml, read by spygraph and exported as GML, read back
                   by NetworkX: the same nodes, ties and attributes
  networkx-pajek   the same through NetworkX's write_pajek (key-value pairs after the coordinates)
  networkx-edgelist  the same through write_edgelist (attribute dictionaries), data=False and
                   write_weighted_edgelist

The expected values come from the CSV tables read by Python's csv module, from the relation vocabulary in
networks/README.md, and from the rules of `spygraph help export` written again here: GML's labels are the
ids and its names the display labels; Pajek writes a double quote as ', a line break as a space, a backslash
that ends an id or comes before another as /, and " #2", " #3"... after an id so changed that meets another.
"""
import collections
import csv
import io
import json
import os
import subprocess
import sys

import warnings

import igraph
import networkx as nx
from networkx.readwrite.gml import unescape as nx_unescape

# python-igraph warns, rightly, that it leaves &#N; references as written
warnings.filterwarnings("ignore", message="One or more unknown entities")
ROOT = os.getcwd()
SORGE = os.path.join(ROOT, "networks", "sorge")
HOSTILE = os.path.join(ROOT, "tests", "data", "good", "hostile-names")


def fail(message):
    print("text_formats_check: " + message, file=sys.stderr)
    sys.exit(1)


def check(condition, message):
    if not condition:
        fail(message)


def run(spygraph, *args):
    done = subprocess.run([spygraph, *args], capture_output=True)
    if done.returncode != 0:
        fail("spygraph %s: exit %d: %s" % (" ".join(args), done.returncode, done.stderr.decode(errors="replace")))
    return done.stdout.decode()


def table(folder, name):
    with open(os.path.join(folder, name), newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def vocabulary():
    """relation -> (directed, family) from the table in networks/README.md."""
    rows = {}
    with open(os.path.join(ROOT, "networks", "README.md"), encoding="utf-8") as f:
        for line in f:
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if len(cells) == 5 and cells[0].startswith("`") and cells[1] in ("yes", "no"):
                rows[cells[0].strip("`")] = (cells[1] == "yes", cells[3])
    check("met" in rows and "tie" in rows, "no relation table in networks/README.md")
    return rows


def written_directed(relation, vocab):
    # interchange.h, sg_export_tie_directed: a curated set's tie is written as its relation says (only a bare
    # edge list's unspecified tie is written from source to target).
    return vocab[relation][0]


NODE_FIELDS = ["kind", "affiliation", "codenames", "native_name", "start", "end", "note", "sources"]
EDGE_FIELDS = ["relation", "start", "end", "sources", "note"]


def sorge_gml(spygraph, tmp):
    path = os.path.join(tmp, "sorge.gml")
    run(spygraph, "export", SORGE, "-o", path)
    nodes, edges, vocab = table(SORGE, "nodes.csv"), table(SORGE, "edges.csv"), vocabulary()
    # affiliation_label, written only for a node whose affiliation the manifest's "affiliations" labels
    with open(os.path.join(SORGE, "network.json"), encoding="utf-8") as f:
        labels = {a["id"]: a["label"] for a in json.load(f).get("affiliations", [])}
    g = nx.read_gml(path)
    check(g.is_directed() and g.is_multigraph(), "NetworkX reads a %s" % type(g).__name__)
    check(sorted(g.nodes) == sorted(n["id"] for n in nodes), "NetworkX's nodes are not nodes.csv's ids")
    for n in nodes:
        got = dict(g.nodes[n["id"]])
        want = {"name": n["label"], **{k: n[k] for k in NODE_FIELDS}}
        if n["affiliation"] in labels:
            want["affiliation_label"] = labels[n["affiliation"]]
        check(got == want, "node %s: NetworkX reads %r, nodes.csv has %r" % (n["id"], got, want))
    want_edges = collections.Counter()
    for e in edges:
        directed = written_directed(e["relation"], vocab)
        want_edges[(e["source"], e["target"], float(e["confidence"] or 1), float(e["weight"] or 1), int(directed),
                    vocab[e["relation"]][1], *(e[k] for k in EDGE_FIELDS))] += 1
    got_edges = collections.Counter()
    for s, t, d in g.edges(data=True):
        check(set(d) == {"relation", "directed", "family", "start", "end", "confidence", "weight", "sources", "note"},
              "tie %s-%s has the attributes %s" % (s, t, sorted(d)))
        got_edges[(s, t, d["confidence"], d["weight"], d["directed"], d["family"], *(d[k] for k in EDGE_FIELDS))] += 1
    check(got_edges == want_edges, "NetworkX's ties differ from edges.csv: %s, %s" % (got_edges - want_edges,
                                                                                    want_edges - got_edges))
    check(g.graph["label"] == "The Sorge ring and Japan's 'Northbound' decision, 1929-1941", "graph label")
    # python-igraph: the same nodes and ties; it leaves &#N; references as written (igraph 0.10), so the
    # texts equal nodes.csv's once those are decoded, and exactly where they are printable ASCII.
    ig = igraph.Graph.Read_GML(path)
    check((ig.vcount(), ig.ecount(), ig.is_directed()) == (len(nodes), len(edges), True), "python-igraph counts")
    by_id = {n["id"]: n for n in nodes}
    for v in ig.vs:
        n = by_id[v["label"]]
        for key, field in [("name", "label")] + [(k, k) for k in NODE_FIELDS]:
            text = n[field]
            exact = all(0x20 <= ord(c) < 0x7F for c in text)
            check(v[key] == text if exact else nx_unescape(v[key]) == text,
                  "python-igraph reads %s of %s as %r" % (key, n["id"], v[key]))
    got = collections.Counter((ig.vs[e.source]["label"], ig.vs[e.target]["label"], e["relation"], e["weight"])
                              for e in ig.es)
    want = collections.Counter((e["source"], e["target"], e["relation"], float(e["weight"] or 1)) for e in edges)
    check(got == want, "python-igraph's ties differ from edges.csv")


def pajek_sections(path):
    """The (source, target, weight) lines of *Arcs and of *Edges, by label, read by hand."""
    labels, arcs, edges, section = {}, collections.Counter(), collections.Counter(), None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("*"):
                section = line.split()[0].lower()
                continue
            if section == "*vertices":
                number, label = line.split(" ", 1)
                check(label[0] == '"' and label[-1] == '"', "label %r not quoted" % label)
                labels[number] = label[1:-1]
            else:
                s, t, w = line.split()
                (arcs if section == "*arcs" else edges)[(labels[s], labels[t], float(w))] += 1
    return labels, arcs, edges


def sorge_pajek(spygraph, tmp):
    path = os.path.join(tmp, "sorge.net")
    run(spygraph, "export", SORGE, "-o", path)
    nodes, edges, vocab = table(SORGE, "nodes.csv"), table(SORGE, "edges.csv"), vocabulary()
    ids = [n["id"] for n in nodes]
    labels, arcs, undirected = pajek_sections(path)
    check(sorted(labels.values()) == sorted(ids), "the vertex labels are not nodes.csv's ids")
    want_arcs, want_edges = collections.Counter(), collections.Counter()
    for e in edges:
        key = (e["source"], e["target"], float(e["weight"] or 1))
        (want_arcs if written_directed(e["relation"], vocab) else want_edges)[key] += 1
    check(arcs == want_arcs, "*Arcs differ from the directed ties of edges.csv")
    check(undirected == want_edges, "*Edges differ from the undirected ties of edges.csv")
    # NetworkX reads every tie (the *Edges ones as arcs: it switches the graph to directed at *Arcs)
    g = nx.read_pajek(path)
    check(sorted(g.nodes) == sorted(ids), "NetworkX's nodes are not nodes.csv's ids")
    got = collections.Counter((s, t, d["weight"]) for s, t, d in g.edges(data=True))
    check(got == want_arcs + want_edges, "NetworkX's ties differ from edges.csv")
    # python-igraph reads every tie, all of one direction (its last section's: *Edges, undirected)
    ig = igraph.Graph.Read_Pajek(path)
    check(sorted(ig.vs["id"]) == sorted(ids), "python-igraph's labels are not nodes.csv's ids")
    check((ig.ecount(), ig.is_directed()) == (len(edges), False), "python-igraph's ties")
    got = collections.Counter((frozenset((ig.vs[e.source]["id"], ig.vs[e.target]["id"])), e["weight"]) for e in ig.es)
    want = collections.Counter((frozenset((s, t)), w) for (s, t, w) in (want_arcs + want_edges).elements())
    check(got == want, "python-igraph's ties differ from edges.csv")


def centrality(spygraph, network, *options):
    rows = list(csv.DictReader(io.StringIO(run(spygraph, "centrality", network, "--format", "csv", *options))))
    return {r["id"]: r for r in rows}


def sorge_centrality(spygraph, tmp):
    gml, net = os.path.join(tmp, "sorge.gml"), os.path.join(tmp, "sorge.net")
    run(spygraph, "export", SORGE, "-o", gml)
    run(spygraph, "export", SORGE, "-o", net)
    for options in [(), ("--directed",), ("--undirected",)]:
        base = centrality(spygraph, SORGE, *options)
        check(centrality(spygraph, gml, *options) == base, "GML: centrality %s differs" % " ".join(options))
        # Pajek keeps ties, directions and weights, not labels or affiliations (brokerage needs them)
        pajek = centrality(spygraph, net, *options)
        for measure in ["degree", "betweenness", "closeness", "eigenvector", "pagerank", "constraint"]:
            for node, row in base.items():
                check(pajek[node][measure] == row[measure],
                      "Pajek: %s of %s %s differs: %s, %s" % (measure, node, " ".join(options), pajek[node][measure],
                                                           row[measure]))


def hostile_gml(spygraph, tmp):
    path = os.path.join(tmp, "hostile.gml")
    run(spygraph, "export", HOSTILE, "-o", path)
    with open(path, "rb") as f:
        data = f.read()
    check(all(b == 0x0A or 0x20 <= b < 0x7F for b in data), "the GML file is not 7-bit ASCII text")
    nodes, edges = table(HOSTILE, "nodes.csv"), table(HOSTILE, "edges.csv")
    g = nx.read_gml(path)
    check(sorted(g.nodes) == sorted(n["id"] for n in nodes), "NetworkX's nodes are not the ids")
    for n in nodes:
        d = g.nodes[n["id"]]
        for key, field in [("name", "label"), ("kind", "kind"), ("affiliation", "affiliation"),
                           ("codenames", "codenames"), ("note", "note")]:
            check(d[key] == n[field], "NetworkX reads %s of %r as %r, not %r" % (key, n["id"], d[key], n[field]))
    got = collections.Counter((s, t, d["relation"], d["note"], d["sources"]) for s, t, d in g.edges(data=True))
    want = collections.Counter((e["source"], e["target"], e["relation"], e["note"], e["sources"]) for e in edges)
    check(got == want, "NetworkX's ties differ from edges.csv")
    # python-igraph 0.10 decodes &quot; and &amp; and leaves &#N; as written: its labels are the ids where
    # they are printable ASCII, and the ids once decoded as NetworkX decodes (html.unescape would drop
    # control characters) elsewhere
    ig = igraph.Graph.Read_GML(path)
    ids = [n["id"] for n in nodes]
    for label in ig.vs["label"]:
        exact = all(0x20 <= ord(c) < 0x7F for c in label)
        check((label if exact and "&#" not in label else nx_unescape(label)) in ids,
              "python-igraph reads the label %r" % label)
    check(sorted(nx_unescape(x) for x in ig.vs["label"]) == sorted(ids), "python-igraph's labels")
    # spygraph reads its own file back: the same ids and labels
    base = centrality(spygraph, HOSTILE)
    back = centrality(spygraph, path)
    check({k: v["label"] for k, v in back.items()} == {k: v["label"] for k, v in base.items()}, "ids and labels")
    check(back == base, "centrality of the GML export differs")


def pajek_label(text):
    out = []
    for i, c in enumerate(text):
        if c == '"':
            out.append("'")
        elif c in "\r\n":
            out.append(" ")
        elif c == "\\" and (i + 1 == len(text) or text[i + 1] == "\\"):
            out.append("/")
        else:
            out.append(c)
    return "".join(out)


def expected_pajek_labels(ids):
    labels = [pajek_label(i) for i in ids]
    taken = {l for l, i in zip(labels, ids) if l == i}
    for k, (l, i) in enumerate(zip(labels, ids)):
        if l != i:
            n, label = 2, l
            while label in taken:
                label, n = "%s #%d" % (l, n), n + 1
            labels[k] = label
            taken.add(label)
    return labels


def hostile_pajek(spygraph, tmp):
    path = os.path.join(tmp, "hostile.net")
    run(spygraph, "export", HOSTILE, "-o", path)
    nodes, edges = table(HOSTILE, "nodes.csv"), table(HOSTILE, "edges.csv")
    want = expected_pajek_labels([n["id"] for n in nodes])
    label_of = dict(zip((n["id"] for n in nodes), want))
    check(sorted(nx.read_pajek(path).nodes) == sorted(want), "NetworkX reads other labels")
    check(igraph.Graph.Read_Pajek(path).vs["id"] == want, "python-igraph reads other labels")
    g = nx.read_pajek(path)
    got = collections.Counter((s, t) for s, t in g.edges())
    check(got == collections.Counter((label_of[e["source"]], label_of[e["target"]]) for e in edges), "ties")


def compare_graphs(original, back, what):
    """NetworkX graphs: the same nodes, node attributes and ties with their attributes (spygraph trims
    values and writes its own fields; ORIGINAL's attributes must all come back)."""
    check(sorted(back.nodes) == sorted(original.nodes), "%s: nodes %s, not %s" % (what, sorted(back.nodes),
                                                                              sorted(original.nodes)))
    for n, d in original.nodes(data=True):
        for k, v in d.items():
            check(str(back.nodes[n].get(k)) == str(v).strip(),
                  "%s: node %r attribute %s is %r, not %r" % (what, n, k, back.nodes[n].get(k), v))
    got = collections.Counter()
    for s, t, d in back.edges(data=True):
        got[(s, t)] += 1
    want = collections.Counter((s, t) for s, t in original.edges())
    check(got == want, "%s: ties %s, not %s" % (what, got, want))


def spygraph_round_trip(spygraph, source, tmp, name):
    out = os.path.join(tmp, name + ".back.gml")
    run(spygraph, "export", source, "-o", out)
    return nx.read_gml(out)


def networkx_gml(spygraph, tmp):
    g = nx.MultiDiGraph()
    g.add_node("sorge", label_text="x", kind="person", note='a "quoted" & <b> note')
    g.add_node("尾崎", kind="person", affiliation="ring", note="line\nbreak\ttab")
    g.add_node("esc\x1b[2J", colour="red")
    g.add_edge("sorge", "尾崎", relation="recruited", weight=2.5, confidence=0.75, start="1932-12", source_note="n16")
    g.add_edge("尾崎", "esc\x1b[2J", relation="met", count=3)
    src = os.path.join(tmp, "networkx.gml")
    nx.write_gml(g, src)
    back = spygraph_round_trip(spygraph, src, tmp, "networkx")
    compare_graphs(g, back, "GML")
    edges = {(s, t): d for s, t, d in back.edges(data=True)}
    d = edges[("sorge", "尾崎")]
    check((d["relation"], d["weight"], d["confidence"], d["start"], d["source_note"], d["directed"]) ==
          ("recruited", 2.5, 0.75, "1932-12", "n16", 1), "GML: the first tie's attributes %r" % d)
    d = edges[("尾崎", "esc\x1b[2J")]
    check((d["relation"], d["count"], d["directed"]) == ("met", "3", 1), "GML: the second tie's attributes %r" % d)


def networkx_pajek(spygraph, tmp):
    g = nx.MultiDiGraph()
    g.add_node("Richard Sorge", kind="person", affiliation="ring")
    g.add_node("ozaki", kind="person")
    g.add_node("miyagi")
    g.add_edge("Richard Sorge", "ozaki", weight=2.5, relation="recruited", note="in Shanghai")
    g.add_edge("ozaki", "miyagi", weight=1.0)
    src = os.path.join(tmp, "networkx.net")
    nx.write_pajek(g, src)
    back = spygraph_round_trip(spygraph, src, tmp, "networkx-pajek")
    # NetworkX writes x, y and a shape for every node (and the vertex number, which spygraph does not keep)
    for n in g.nodes:
        g.nodes[n].update(x=0.0, y=0.0, shape="ellipse")
    compare_graphs(g, back, "Pajek")
    edges = {(s, t): d for s, t, d in back.edges(data=True)}
    d = edges[("Richard Sorge", "ozaki")]
    check((d["relation"], d["weight"], d["note"], d["directed"]) == ("recruited", 2.5, "in Shanghai", 1),
          "Pajek: the first tie's attributes %r" % d)


def networkx_edgelist(spygraph, tmp):
    g = nx.MultiDiGraph()
    g.add_edge("sorge", "ozaki", weight=2.0, relation="met", note="it's \"x\" #1 \\ 尾\x1b", flag=True, n=None)
    g.add_edge("ozaki", "miyagi")
    g.add_edge("a", "b", confidence=0.5, start="1935~")
    for name, write in [("default", lambda p: nx.write_edgelist(g, p)),
                        ("nodata", lambda p: nx.write_edgelist(g, p, data=False)),
                        ("weighted", lambda p: nx.write_weighted_edgelist(g, p))]:
        src = os.path.join(tmp, name + ".edgelist")
        write(src)
        back = spygraph_round_trip(spygraph, src, tmp, name)
        compare_graphs(g, back, "edge list " + name)
        edges = {(s, t): d for s, t, d in back.edges(data=True)}
        check(edges[("sorge", "ozaki")]["weight"] == (1.0 if name == "nodata" else 2.0), name + ": weight")
        if name == "default":
            d = edges[("sorge", "ozaki")]
            check((d["relation"], d["note"], d["flag"], d["n"]) == ("met", "it's \"x\" #1 \\ 尾\x1b", "true", ""),
                  "default: attributes %r" % d)
            d = edges[("a", "b")]
            check((d["confidence"], d["start"]) == (0.5, "1935~"), "default: attributes %r" % d)


CHECKS = {
    "sorge-gml": sorge_gml,
    "sorge-pajek": sorge_pajek,
    "sorge-centrality": sorge_centrality,
    "hostile-gml": hostile_gml,
    "hostile-pajek": hostile_pajek,
    "networkx-gml": networkx_gml,
    "networkx-pajek": networkx_pajek,
    "networkx-edgelist": networkx_edgelist,
}

if __name__ == "__main__":
    if len(sys.argv) != 4 or sys.argv[1] not in CHECKS:
        fail("usage: text_formats_check.py %s SPYGRAPH TMP" % "|".join(CHECKS))
    CHECKS[sys.argv[1]](sys.argv[2], sys.argv[3])
