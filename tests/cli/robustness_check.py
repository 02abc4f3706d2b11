#!/usr/bin/python3
"""robustness_check.py: an independent reference for `spygraph robustness`, written from its definitions
(/work/notes/robustness-spec.md, include/spygraph/robustness.h), never from its code.

usage:
  robustness_check.py exact SPYGRAPH [--given OUT [--given-stderr ERR]] NETWORK [spygraph options...]
      Runs `SPYGRAPH robustness NETWORK options -f json` (or reads OUT, the output of that very command) and
      recomputes with NetworkX and SciPy, from the network's CSV files read here, the unsampled value and
      rank of every node, --by-source (every key and the order), --decisive (with or without --node) and
      the documentation figures (per-node source counts, Spearman's rho). The base reading only (no
      --hypothesis); measures betweenness, degree, indegree, outdegree; --directed, --undirected,
      --normalized, --top, --by-source, --decisive[=N], --node; sampling options are passed through.
  robustness_check.py generated SPYGRAPH SCRATCH
      Random networks made here with a fixed seed (curated folders and bare edge lists written under
      SCRATCH), each checked as `exact` does under several option sets.
  robustness_check.py montecarlo SPYGRAPH {star,path,collapse,credence,deterministic}
      Sampled figures on the hand-built networks tests/data/good/robust-*, against expectations derived by
      hand (each derivation is written where it is checked), within three Monte Carlo standard errors.
  robustness_check.py bridge SPYGRAPH
      --by-source and --decisive on tests/data/good/robust-bridge against values worked out by hand.
  robustness_check.py error --stdout OUT --stderr ERR --word WORD [--absent FILE]...
      A failed run: standard output empty, standard error naming WORD, no FILE written.

Floats are compared with a relative tolerance of 1e-9 (and 1e-12 absolute, for values that should be 0).
Runs from the source root (the working directory of tests/cli/run-case).
"""
import csv
import functools
import json
import math
import os
import random
import subprocess
import sys
import warnings

import networkx as nx
import numpy
import scipy.stats

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
GOOD = os.path.join(ROOT, "tests", "data", "good")
REL = 1e-9
warnings.filterwarnings("ignore")  # SciPy's constant-input warnings: the NaN it returns is what is checked

# networks/README.md, "Relations": the relations that are not directed.
UNDIRECTED = {"met", "colleague", "friend", "married", "business", "negotiated_with", "allied_with",
              "co_member", "co_located", "tie"}
DIRECTED = {"member_of", "employed_by", "located_in", "commanded", "handled", "recruited", "reported_to",
            "radio_link", "informed", "introduced", "penetrated", "surveilled", "arrested"}


class Failure(Exception):
    pass


def fail(msg):
    raise Failure(msg)


def check(cond, msg):
    if not cond:
        fail(msg)


def isnan(x):
    return x is None or (isinstance(x, float) and math.isnan(x))


def close(a, b, rel=REL, abs_tol=1e-12):
    """Both undefined (null/NaN), or equal within the tolerance."""
    if isnan(a) or isnan(b):
        return isnan(a) and isnan(b)
    return math.isclose(a, b, rel_tol=rel, abs_tol=abs_tol)


def tied(a, b):
    """The spec's tie: |a - b| <= 1e-9 x max(|a|, |b|)."""
    return abs(a - b) <= 1e-9 * max(abs(a), abs(b))


def fcmp(a, b):
    """-1, 0, 1 comparing floats, equal when tied; NaN (or None) after every number."""
    an, bn = isnan(a), isnan(b)
    if an or bn:
        return (an > bn) - (an < bn)
    if tied(a, b):
        return 0
    return -1 if a < b else 1


# ---------------------------------------------------------------- reading a network from its files

class Tie:
    def __init__(self, source, target, relation, keys, confidence, index):
        self.source, self.target, self.relation = source, target, relation
        self.keys, self.confidence, self.index = keys, confidence, index

    def __repr__(self):
        return "%s-%s %s [%s] (tie %d)" % (self.source, self.target, self.relation, ";".join(self.keys), self.index)


def split_keys(text):
    out = []
    for k in (text or "").split(";"):
        k = k.strip()
        if k and k not in out:
            out.append(k)
    return out


class Network:
    """nodes: ids in the read network's order; labels; ties in edges.csv order; curated or a bare list."""

    def __init__(self, path):
        self.path = path
        if os.path.isdir(path) or path.endswith(".json"):
            self._curated(path)
        else:
            self._edge_list(path)

    def _curated(self, path):
        manifest_path = os.path.join(path, "network.json") if os.path.isdir(path) else path
        folder = os.path.dirname(manifest_path)
        self.manifest = json.load(open(manifest_path, encoding="utf-8-sig"))
        self.curated = True
        self.nodes, self.labels = [], {}
        for r in csv.DictReader(open(os.path.join(folder, self.manifest["nodes"]), encoding="utf-8-sig", newline="")):
            self.nodes.append(r["id"])
            self.labels[r["id"]] = r.get("label") or r["id"]
        self.ties = []
        for i, r in enumerate(csv.DictReader(open(os.path.join(folder, self.manifest["edges"]), encoding="utf-8-sig", newline=""))):
            conf = r.get("confidence") or "1"
            self.ties.append(Tie(r["source"], r["target"], r["relation"], split_keys(r.get("sources")), float(conf), i))

    def _edge_list(self, path):
        self.manifest, self.curated = None, False
        text = open(path, encoding="utf-8-sig", newline="").read()
        first = text.splitlines()[0] if text else ""
        delim = "\t" if "\t" in first else "," if "," in first else ";"
        rows = list(csv.reader(text.splitlines(), delimiter=delim))
        header = rows and rows[0] and rows[0][0].strip().lower() in {"source", "from", "src", "node1", "id1"}
        names = {"source": ["source", "from", "src", "node1", "id1"], "target": ["target", "to", "dst", "node2", "id2"]}
        if header:
            h = [c.strip().lower() for c in rows[0]]
            col = {}
            for want, alts in names.items():
                col[want] = next(h.index(a) for a in alts if a in h)
            for extra in ("relation", "confidence", "sources"):
                if extra in h:
                    col[extra] = h.index(extra)
            rows = rows[1:]
        else:
            col = {"source": 0, "target": 1}
        self.nodes, self.labels, self.ties = [], {}, []
        for i, r in enumerate(x for x in rows if x):
            s, t = r[col["source"]], r[col["target"]]
            for v in (s, t):
                if v not in self.labels:
                    self.nodes.append(v)
                    self.labels[v] = v
            rel = r[col["relation"]] if "relation" in col and r[col["relation"]] else "tie"
            conf = float(r[col["confidence"]]) if "confidence" in col and r[col["confidence"]] else 1.0
            keys = split_keys(r[col["sources"]]) if "sources" in col else []
            self.ties.append(Tie(s, t, rel, keys, conf, i))

    def mutual(self, relation):
        """With --directed: does the tie give an arc each way? (a bare list's `tie` gives one arc)"""
        if relation == "tie":
            return self.curated
        return relation in UNDIRECTED

    def graph(self, directed, removed=()):
        """The simple graph of the reading without the ties whose indices are in REMOVED: parallel ties
        merged, self-loops dropped; every node kept."""
        G = nx.DiGraph() if directed else nx.Graph()
        G.add_nodes_from(self.nodes)
        for t in self.ties:
            if t.index in removed or t.source == t.target:
                continue
            G.add_edge(t.source, t.target)
            if directed and self.mutual(t.relation):
                G.add_edge(t.target, t.source)
        return G


# ---------------------------------------------------------------- the measures, ranks, top lists

MEASURE_DIRECTED_DEFAULT = {"betweenness": False, "degree": False, "indegree": True, "outdegree": True}


def measure(G, name, normalized):
    n = G.number_of_nodes()
    if name == "betweenness":
        return nx.betweenness_centrality(G, normalized=normalized)
    if name == "degree":
        d = dict(G.degree())  # undirected: neighbours; directed: in + out arcs
    elif name == "indegree":
        d = dict(G.in_degree())
    elif name == "outdegree":
        d = dict(G.out_degree())
    else:
        fail("the reference does not compute the measure %r" % name)
    d = {v: float(x) for v, x in d.items()}
    if normalized:
        d = {v: x / (n - 1) if n > 1 else 0.0 for v, x in d.items()}
    return d


def ranks(values, nodes):
    """Competition ranks, highest first, tied values sharing the best rank; undefined counts 0."""
    vals = {v: (0.0 if isnan(values.get(v)) else values[v]) for v in nodes}
    return {v: 1 + sum(1 for u in nodes if vals[u] > vals[v] and not tied(vals[u], vals[v])) for v in nodes}


def top_set(values, rk, k):
    return {v for v in rk if rk[v] <= k and not isnan(values.get(v)) and values[v] > 0}


# ---------------------------------------------------------------- running spygraph

def run(binary, network, opts, fmt="json", expect_status=0):
    cmd = [binary, "robustness", network] + list(opts) + ["-f", fmt]
    p = subprocess.run(cmd, cwd=ROOT, capture_output=True)
    if p.returncode != expect_status:
        fail("`%s` exited %d (expected %d); stderr:\n%s" % (" ".join(cmd[1:]), p.returncode, expect_status,
                                                            p.stderr.decode("utf-8", "replace")))
    if fmt != "json":
        return p.stdout, p.stderr.decode("utf-8", "replace")
    try:
        return json.loads(p.stdout.decode("utf-8")), p.stderr.decode("utf-8", "replace")
    except ValueError as e:
        fail("`%s`: standard output is not JSON (%s): %r" % (" ".join(cmd[1:]), e, p.stdout[:300]))


def by_id(d):
    out = {}
    for n in d["nodes"]:
        check(n["id"] not in out, "node %r listed twice in \"nodes\"" % n["id"])
        out[n["id"]] = n
    return out


# ---------------------------------------------------------------- options understood by the reference

class Options:
    def __init__(self, argv):
        self.argv = list(argv)
        self.measure, self.top, self.directed, self.normalized = "betweenness", 10, None, False
        self.by_source, self.decisive, self.decisive_n, self.node = False, False, 20, None
        self.samples = 1000
        it = iter(argv)
        for a in it:
            if a == "--measure":
                self.measure = next(it)
            elif a == "--top":
                self.top = int(next(it))
            elif a == "--directed":
                self.directed = True
            elif a == "--undirected":
                self.directed = False
            elif a == "--normalized":
                self.normalized = True
            elif a == "--by-source":
                self.by_source = True
            elif a == "--decisive":
                self.decisive = True
            elif a.startswith("--decisive="):
                self.decisive, self.decisive_n = True, int(a.split("=", 1)[1])
            elif a == "--node":
                self.node = next(it)
            elif a == "--samples":
                self.samples = int(next(it))
            elif a in ("--seed", "--interval", "--jobs"):
                next(it)
            elif a in ("--confidence-only", "--credence-only"):
                pass
            else:
                fail("robustness_check.py exact: option %r is not modelled by the reference" % a)
        if self.directed is None:
            self.directed = MEASURE_DIRECTED_DEFAULT.get(self.measure, False)


# ---------------------------------------------------------------- exact: the whole unsampled analysis

def expected_exact(net, o):
    """Everything the spec defines exactly, for the base reading of NET."""
    nodes = net.nodes
    G = net.graph(o.directed)
    old = measure(G, o.measure, o.normalized)
    old_rank = ranks(old, nodes)
    old_top = top_set(old, old_rank, o.top)
    exp = {"values": old, "ranks": old_rank, "top": old_top}

    def without(removed):
        new = measure(net.graph(o.directed, removed), o.measure, o.normalized)
        new_rank = ranks(new, nodes)
        new_top = top_set(new, new_rank, o.top)
        return new, new_rank, new_top

    if o.by_source:
        keys = []
        for t in net.ties:
            for k in t.keys:
                if k not in keys:
                    keys.append(k)
        rows = []
        for k in keys:
            sole = {t.index for t in net.ties if t.keys == [k]}
            new, new_rank, new_top = without(sole)
            # rank changes count only nodes of some standing (value above 0 in either reading): the nodes
            # of value 0 share one rank, which moves when any node joins or leaves them
            moved = [old_rank[v] - new_rank[v] for v in nodes if old[v] > 0 or new[v] > 0]
            changes = [abs(c) for c in moved]
            largest = next((c for c in moved if abs(c) == max(changes)), 0) if changes else 0
            # tau-b on values snapped for ties: the competition ranks carry exactly the snapped order and ties
            tau = scipy.stats.kendalltau([-old_rank[v] for v in nodes], [-new_rank[v] for v in nodes]).statistic \
                if len(nodes) > 1 else float("nan")
            rows.append({"key": k, "sole_ties": len(sole), "sole_hypotheses": 0,
                         "entered": new_top - old_top, "left": old_top - new_top,
                         "tau_b": float(tau), "max_rank_change": largest,
                         "rank_change_sum": sum(changes), "new_rank": new_rank})

        def cmp(a, b):
            for x, y in ((-(len(a["entered"]) + len(a["left"])), -(len(b["entered"]) + len(b["left"]))),
                         (-abs(a["max_rank_change"]), -abs(b["max_rank_change"])),
                         (-a["rank_change_sum"], -b["rank_change_sum"])):
                if x != y:
                    return -1 if x < y else 1
            c = fcmp(a["tau_b"], b["tau_b"])
            if c:
                return c
            return (a["key"] > b["key"]) - (a["key"] < b["key"])
        exp["sources"] = sorted(rows, key=functools.cmp_to_key(cmp))

    if o.decisive:
        rows = []
        for t in net.ties:
            new, new_rank, new_top = without({t.index})
            r = {"tie": t, "entered": new_top - old_top, "left": old_top - new_top, "new_rank": new_rank}
            if o.node is None:
                r["rank_change"] = sum(abs(old_rank[v] - new_rank[v]) for v in nodes if old[v] > 0 or new[v] > 0)
                r["value_change"] = None
            else:
                x = o.node
                r["rank_change"] = old_rank[x] - new_rank[x] if old[x] > 0 or new[x] > 0 else 0
                r["value_change"] = new[x] - old[x]
            rows.append(r)
        if o.node is None:
            def cmp(a, b):
                ka = (-(len(a["entered"]) + len(a["left"])), -a["rank_change"], a["tie"].index)
                kb = (-(len(b["entered"]) + len(b["left"])), -b["rank_change"], b["tie"].index)
                return (ka > kb) - (ka < kb)
        else:
            def cmp(a, b):
                x, y = -abs(a["rank_change"]), -abs(b["rank_change"])
                if x != y:
                    return -1 if x < y else 1
                c = fcmp(-abs(a["value_change"]), -abs(b["value_change"]))
                if c:
                    return c
                return (a["tie"].index > b["tie"].index) - (a["tie"].index < b["tie"].index)
        # a tie whose removal changes nothing is not decisive: the list stops before it. Without --node:
        # no node in or out and no rank change; with --node: that node's rank and value unchanged
        def changes(r):
            if o.node is None:
                return bool(r["entered"] or r["left"] or r["rank_change"])
            return bool(r["rank_change"]) or abs(r["value_change"]) > 1e-9 * max(abs(old[o.node]), abs(new_value(r)))

        def new_value(r):
            return old[o.node] + r["value_change"]
        exp["decisive"] = [r for r in sorted(rows, key=functools.cmp_to_key(cmp)) if changes(r)][:o.decisive_n]

    # documentation: distinct keys on the ties touching each node; rho on the snapped values
    counts = {v: set() for v in nodes}
    for t in net.ties:
        counts[t.source].update(t.keys)
        counts[t.target].update(t.keys)
    exp["doc"] = {v: len(counts[v]) for v in nodes}
    if len(nodes) > 1:
        rho = scipy.stats.spearmanr([-old_rank[v] for v in nodes], [exp["doc"][v] for v in nodes]).statistic
    else:
        rho = float("nan")
    exp["rho"] = float(rho)
    return exp


def compare_ordered_ids(what, got, want_set, rank, index):
    """entered/left: the expected set, listed by rank (REMEMBER: ties in any order)."""
    check(sorted(got) == sorted(want_set), "%s: got %s, expected %s" % (what, got, sorted(want_set, key=lambda v: (rank[v], index[v]))))
    rs = [rank[v] for v in got]
    check(rs == sorted(rs), "%s: %s not listed by rank (ranks %s)" % (what, got, rs))


def check_exact(net, o, d, stderr, label):
    exp = expected_exact(net, o)
    nodes = net.nodes
    index = {v: i for i, v in enumerate(nodes)}
    ctx = "[%s: robustness %s %s]" % (label, net.path, " ".join(o.argv))
    check(d.get("measure") == o.measure, "%s \"measure\" is %r, expected %r" % (ctx, d.get("measure"), o.measure))
    check(d.get("top") == o.top, "%s \"top\" is %r, expected %r" % (ctx, d.get("top"), o.top))
    check(d.get("samples") == o.samples, "%s \"samples\" is %r, expected %r" % (ctx, d.get("samples"), o.samples))
    got = by_id(d)
    extra = set(got) - set(nodes)
    check(set(nodes) <= set(got) and (o.samples > 0 or not extra),
          "%s node ids differ: only in output %s, only in the network %s"
          % (ctx, sorted(extra), sorted(set(nodes) - set(got))))
    # nodes only sampled readings hold (added by hypotheses drawn): absent here, so value null, ranked as 0
    zero_rank = 1 + sum(1 for v in nodes if exp["values"][v] > 0 and not tied(exp["values"][v], 0.0))
    for v in extra:
        check(isnan(got[v]["value"]) and got[v]["rank"] == zero_rank,
              "%s %s (added by a sampled hypothesis) value %r rank %r, expected null and %d" % (ctx, v, got[v]["value"], got[v]["rank"], zero_rank))
    for v in nodes:
        n = got[v]
        check(close(n["value"], exp["values"][v]), "%s %s value %r, expected %r (NetworkX)" % (ctx, v, n["value"], exp["values"][v]))
        check(n["rank"] == exp["ranks"][v], "%s %s rank %r, expected %r" % (ctx, v, n["rank"], exp["ranks"][v]))
        check(n["label"] == net.labels[v], "%s %s label %r, expected %r" % (ctx, v, n["label"], net.labels[v]))
        check(n["sources"] == exp["doc"][v], "%s %s sources %r, expected %r (distinct keys on its ties)" % (ctx, v, n["sources"], exp["doc"][v]))
    doc = d["documentation"]
    dn = {x["id"]: x["sources"] for x in doc["nodes"]}
    check(dn == exp["doc"], "%s documentation.nodes %s, expected %s" % (ctx, dn, exp["doc"]))
    check(close(doc["spearman_rho"], exp["rho"]), "%s documentation.spearman_rho %r, expected %r (scipy.stats.spearmanr)"
          % (ctx, doc["spearman_rho"], exp["rho"]))
    # the warning above 0.7: the table prints it; JSON carries it as documentation.warning
    want_warning = not isnan(exp["rho"]) and exp["rho"] > 0.7
    check(doc.get("warning", want_warning) == want_warning, "%s documentation.warning %r with rho %r, expected %r (rho > 0.7)"
          % (ctx, doc.get("warning"), exp["rho"], want_warning))
    if o.samples == 0:
        check_self_consistent(d, nodes, ctx, sampled=False)
    else:
        check_self_consistent(d, nodes, ctx, sampled=True)

    if o.by_source:
        check("sources" in d, "%s no \"sources\" with --by-source" % ctx)
        want = exp["sources"]
        gk = [s["key"] for s in d["sources"]]
        wk = [s["key"] for s in want]
        if gk != wk:
            detail = "\n".join("  %s: entered+left %d, max %d, sum %d, tau_b %r" % (
                s["key"], len(s["entered"]) + len(s["left"]), s["max_rank_change"], s["rank_change_sum"], s["tau_b"]) for s in want)
            fail("%s --by-source order %s, expected %s; expected figures:\n%s" % (ctx, gk, wk, detail))
        for g, w in zip(d["sources"], want):
            k = w["key"]
            for f in ("sole_ties", "sole_hypotheses", "max_rank_change", "rank_change_sum"):
                check(g[f] == w[f], "%s source %s: %s %r, expected %r" % (ctx, k, f, g[f], w[f]))
            check(close(g["tau_b"], w["tau_b"]), "%s source %s: tau_b %r, expected %r (scipy.stats.kendalltau)" % (ctx, k, g["tau_b"], w["tau_b"]))
            compare_ordered_ids("%s source %s entered" % (ctx, k), g["entered"], w["entered"], w["new_rank"], index)
            compare_ordered_ids("%s source %s left" % (ctx, k), g["left"], w["left"], exp["ranks"], index)
    else:
        check("sources" not in d, "%s \"sources\" present without --by-source" % ctx)

    if o.decisive:
        check("decisive" in d, "%s no \"decisive\" with --decisive" % ctx)
        want = exp["decisive"]
        got_list = d["decisive"]
        gt = [(x["source"], x["target"], x["relation"]) for x in got_list]
        wt = [(w["tie"].source, w["tie"].target, w["tie"].relation) for w in want]
        if gt != wt:
            first = next((i for i in range(min(len(gt), len(wt))) if gt[i] != wt[i]), min(len(gt), len(wt)))
            lo = max(0, first - 2)
            detail = "\n".join("  #%d %r: entered %s left %s rank_change %r value_change %r" % (
                lo + i + 1, w["tie"], sorted(w["entered"]), sorted(w["left"]), w["rank_change"], w["value_change"])
                for i, w in enumerate(want[lo:first + 3]))
            got_detail = "\n".join("  #%d %s-%s %s: rank_change %r value_change %r" % (
                lo + i + 1, g["source"], g["target"], g["relation"], g["rank_change"], g.get("value_change"))
                for i, g in enumerate(got_list[lo:first + 3]))
            fail("%s --decisive: %d ties listed, %d expected; first difference at #%d\nexpected:\n%s\ngot:\n%s"
                 % (ctx, len(gt), len(wt), first + 1, detail, got_detail))
        for g, w in zip(got_list, want):
            t = w["tie"]
            check(g["rank_change"] == w["rank_change"], "%s decisive %r: rank_change %r, expected %r" % (ctx, t, g["rank_change"], w["rank_change"]))
            if o.node is None:
                check(isnan(g.get("value_change")), "%s decisive %r: value_change %r without --node, expected null" % (ctx, t, g.get("value_change")))
            else:
                check(close(g["value_change"], w["value_change"]), "%s decisive %r: value_change %r, expected %r" % (ctx, t, g["value_change"], w["value_change"]))
            compare_ordered_ids("%s decisive %r entered" % (ctx, t), g["entered"], w["entered"], w["new_rank"], index)
            compare_ordered_ids("%s decisive %r left" % (ctx, t), g["left"], w["left"], exp["ranks"], index)
    else:
        check("decisive" not in d, "%s \"decisive\" present without --decisive" % ctx)


def check_self_consistent(d, base_nodes, ctx, sampled):
    """What the output must satisfy whatever the sample: SE formula, conclusions, order of the nodes."""
    nodes = d["nodes"]
    N = d["samples"]
    index = {v: i for i, v in enumerate(base_nodes)}
    if not sampled:
        return
    robust, uncertain = [], []
    for n in nodes:
        p = n["p_top"]
        check(0 <= p <= 1, "%s %s p_top %r outside [0, 1]" % (ctx, n["id"], p))
        check(close(n["p_top_se"], math.sqrt(p * (1 - p) / N)), "%s %s p_top_se %r, expected sqrt(p(1-p)/N) = %r"
              % (ctx, n["id"], n["p_top_se"], math.sqrt(p * (1 - p) / N)))
        check(n["low"] <= n["high"] + 1e-12, "%s %s low %r > high %r" % (ctx, n["id"], n["low"], n["high"]))
        check(n["rank_low"] <= n["rank_high"], "%s %s rank_low %r > rank_high %r" % (ctx, n["id"], n["rank_low"], n["rank_high"]))
        check(n["sd"] >= 0, "%s %s sd %r < 0" % (ctx, n["id"], n["sd"]))
        # a node's share of samples with k in the top implies a count: p * N is a whole number
        check(abs(p * N - round(p * N)) < 1e-6, "%s %s p_top %r is not a count out of %d" % (ctx, n["id"], p, N))
        if p >= 0.95:
            robust.append(n["id"])
        elif p >= 0.05:
            uncertain.append(n["id"])
    c = d["conclusions"]
    check(c["robust"] == robust, "%s conclusions.robust %s, expected %s (p_top >= 0.95, in node order)" % (ctx, c["robust"], robust))
    check(c["uncertain"] == uncertain, "%s conclusions.uncertain %s, expected %s" % (ctx, c["uncertain"], uncertain))
    # order: p_top desc, mean desc, value desc, union order (compared on the output's own numbers)
    for a, b in zip(nodes, nodes[1:]):
        ka = (a["p_top"], a["mean"])
        kb = (b["p_top"], b["mean"])
        if ka != kb:
            check(ka > kb, "%s nodes out of order: %s (p_top %r, mean %r) before %s (p_top %r, mean %r)"
                  % (ctx, a["id"], a["p_top"], a["mean"], b["id"], b["p_top"], b["mean"]))
            continue
        va, vb = a["value"], b["value"]
        if isnan(va) or isnan(vb):
            continue
        if va != vb:
            check(va > vb, "%s nodes out of order: %s (value %r) before %s (value %r), p_top and mean equal"
                  % (ctx, a["id"], va, b["id"], vb))
        elif a["id"] in index and b["id"] in index:
            check(index[a["id"]] < index[b["id"]], "%s nodes %s and %s fully tied but not in union order" % (ctx, a["id"], b["id"]))


def cmd_exact(argv):
    binary = argv[0]
    rest = argv[1:]
    given = given_err = None
    while rest and rest[0] in ("--given", "--given-stderr"):
        if rest[0] == "--given":
            given = rest[1]
        else:
            given_err = rest[1]
        rest = rest[2:]
    network, opts = rest[0], rest[1:]
    o = Options(opts)
    if given:
        d = json.load(open(given, encoding="utf-8"))
        err = open(given_err, encoding="utf-8").read() if given_err else None
    else:
        d, err = run(binary, network, opts)
    check_exact(Network(os.path.join(ROOT, network) if not os.path.isabs(network) else network), o, d, err, "exact")
    print("exact %s %s: every value, rank%s%s and documentation figure agrees"
          % (network, " ".join(opts), ", source" if o.by_source else "", ", decisive tie" if o.decisive else ""))


# ---------------------------------------------------------------- generated networks

def generate(rng, folder, n, m, keys, components=1, curated=True, extras=False):
    """A random network: N nodes, M ties, relations mixed (directed and not), some parallel ties, every
    tie citing one or two keys. Returns the path spygraph reads."""
    os.makedirs(folder, exist_ok=True)
    nodes = ["n%02d" % i for i in range(n)]
    group = {v: i % components for i, v in enumerate(nodes)}
    relations = ["met", "handled", "informed", "colleague", "recruited", "member_of", "friend"]
    ties = []
    while len(ties) < m:
        s, t = rng.sample(nodes, 2)
        if group[s] != group[t]:
            continue
        rel = rng.choice(relations)
        ks = rng.sample(keys, rng.choice([1, 1, 2]))
        ties.append((s, t, rel, ";".join(ks), rng.choice(["1", "0.9", "0.6", "0.5"])))
        if rng.random() < 0.15:  # a parallel tie, same pair, maybe reversed, maybe another relation
            a, b = (t, s) if rng.random() < 0.5 else (s, t)
            ties.append((a, b, rng.choice(relations), rng.choice(keys), "0.8"))
    if curated:
        with open(os.path.join(folder, "network.json"), "w", encoding="utf-8") as f:
            json.dump({"format": "spygraph-network", "version": 1, "id": os.path.basename(folder),
                       "title": "generated", "nodes": "nodes.csv", "edges": "edges.csv"}, f)
        with open(os.path.join(folder, "nodes.csv"), "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["id", "label", "kind"])
            for v in nodes:
                w.writerow([v, "Node " + v, "person"])
        with open(os.path.join(folder, "edges.csv"), "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["source", "target", "relation", "start", "end", "confidence", "weight", "sources", "note"])
            for s, t, rel, ks, c in ties:
                w.writerow([s, t, rel, "", "", c, "1", ks, "generated"])
        return folder
    path = folder + ".csv"
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["source", "target", "confidence", "sources"])
        for s, t, rel, ks, c in ties:
            w.writerow([s, t, c, ks])
        if extras:  # a self-loop (dropped by the measure) citing a key the node's other ties cite too
            s, t, rel, ks, c = ties[0]
            w.writerow([s, s, "1", ks])
    return path


def cmd_generated(argv):
    binary, scratch = argv[0], os.path.abspath(argv[1])
    rng = random.Random(20240613)
    keys = ["k%d" % i for i in range(6)]
    nets = [
        ("g1", generate(rng, os.path.join(scratch, "g1"), 22, 40, keys)),
        ("g2", generate(rng, os.path.join(scratch, "g2"), 12, 30, keys[:4])),
        ("g3", generate(rng, os.path.join(scratch, "g3"), 30, 28, keys, components=3)),
        ("g4", generate(rng, os.path.join(scratch, "g4"), 16, 20, ["solo", "pair_a", "pair_b"])),
    ]
    option_sets = [
        ["--samples", "0", "--by-source", "--decisive=500", "--top", "5"],
        ["--samples", "0", "--by-source", "--decisive=500", "--top", "3", "--directed"],
        ["--samples", "0", "--measure", "degree", "--by-source", "--decisive=7", "--top", "4"],
        ["--samples", "0", "--measure", "degree", "--directed", "--by-source", "--top", "6"],
        ["--samples", "0", "--decisive=500", "--node", "n03", "--top", "5"],
        ["--samples", "0", "--decisive=500", "--node", "n05", "--directed"],
        ["--samples", "0", "--normalized", "--by-source", "--top", "4"],
        ["--samples", "50", "--seed", "3", "--by-source"],
    ]
    count = 0
    for name, path in nets:
        net = Network(path)
        for opts in option_sets:
            d, err = run(binary, path, opts)
            check_exact(net, Options(opts), d, err, name)
            count += 1
    lists = [generate(rng, os.path.join(scratch, "list%d" % i), 14 + 4 * i, 20 + 6 * i, keys, curated=False, extras=True)
             for i in range(3)]
    for path in lists:
        net = Network(path)
        for opts in (["--samples", "0"], ["--samples", "0", "--directed"], ["--samples", "0", "--measure", "degree", "--directed"],
                     ["--samples", "0", "--measure", "indegree"], ["--samples", "20", "--top", "3"]):
            d, err = run(binary, path, opts)
            check_exact(net, Options(opts), d, err, os.path.basename(path))
            count += 1
    print("generated: %d runs on %d random networks agree with NetworkX/SciPy" % (count, len(nets) + len(lists)))


# ---------------------------------------------------------------- Monte Carlo checks

def within(what, got, want, se, k=3.0):
    ok = abs(got - want) <= k * se + 1e-12
    check(ok, "%s: got %r, expected %r within %g standard errors (SE %r, |diff| = %r)" % (what, got, want, k, se, abs(got - want)))


def basic_fields(d, samples, seed, top, interval, ctx):
    for f, v in (("samples", samples), ("seed", seed), ("top", top), ("interval", interval)):
        check(d.get(f) == v, "%s \"%s\" is %r, expected %r" % (ctx, f, d.get(f), v))


def mc_star(binary):
    """robust-star: hub with k = 6 leaves, each tie kept with p = 0.7. With m ties kept (m ~ Binomial(6, 0.7)),
    the hub lies on the one shortest path of each pair of kept leaves, so its raw betweenness is C(m, 2):
    E = p^2 x C(6, 2) = 0.49 x 15 = 7.35 (each pair needs both its ties). Leaves are always 0. The hub is in
    the top 1 iff its value > 0 iff m >= 2: P = 1 - 0.3^6 - 6 x 0.7 x 0.3^5 = 0.989065."""
    N, p, k = 4000, 0.7, 6
    opts = ["--samples", str(N), "--seed", "11", "--top", "1"]
    d, _ = run(binary, "tests/data/good/robust-star", opts)
    ctx = "[robustness robust-star %s]" % " ".join(opts)
    basic_fields(d, N, 11, 1, 90, ctx)
    g = by_id(d)
    pm = [math.comb(k, m) * p ** m * (1 - p) ** (k - m) for m in range(k + 1)]
    vals = [math.comb(m, 2) for m in range(k + 1)]
    mean = sum(q * v for q, v in zip(pm, vals))
    check(abs(mean - 0.49 * 15) < 1e-12, "derivation: %r" % mean)
    var = sum(q * (v - mean) ** 2 for q, v in zip(pm, vals))
    mu4 = sum(q * (v - mean) ** 4 for q, v in zip(pm, vals))
    hub = g["hub"]
    check(close(hub["value"], 15) and hub["rank"] == 1, "%s hub unsampled value %r rank %r, expected 15 (C(6,2)) and 1" % (ctx, hub["value"], hub["rank"]))
    within("%s hub mean betweenness (p^2 k(k-1)/2 = 7.35)" % ctx, hub["mean"], 7.35, hub["sd"] / math.sqrt(N))
    # the sample sd's own standard error, sqrt((mu4 - sigma^4) / (4 N sigma^2)) (delta method)
    se_sd = math.sqrt((mu4 - var ** 2) / (4 * N * var))
    within("%s hub sd (exact sd of C(m,2), m ~ Bin(6, 0.7): %.6f)" % (ctx, math.sqrt(var)), hub["sd"], math.sqrt(var), se_sd, k=4)
    p_top = 1 - pm[0] - pm[1]
    within("%s hub P(top 1) = P(m >= 2) = %.6f" % (ctx, p_top), hub["p_top"], p_top, math.sqrt(p_top * (1 - p_top) / N))
    # P(value <= 0) = 0.0109, P(<= 1) = 0.0705, P(< 15) = 0.8824: the 5th percentile is 1, the 95th is 15
    # (each tens of standard errors inside those bands at N = 4000)
    check(hub["low"] == 1 and hub["high"] == 15, "%s hub low/high %r/%r, expected 1/15 (5th and 95th percentiles of C(m,2))" % (ctx, hub["low"], hub["high"]))
    check(hub["rank_low"] == 1 and hub["rank_high"] == 1, "%s hub rank_low/high %r/%r, expected 1/1 (rank 1 whether 0 or not)" % (ctx, hub["rank_low"], hub["rank_high"]))
    for i in range(1, 7):
        leaf = g["l%d" % i]
        check(leaf["value"] == 0 and leaf["rank"] == 2, "%s l%d value %r rank %r, expected 0 and 2" % (ctx, i, leaf["value"], leaf["rank"]))
        check(leaf["mean"] == 0 and leaf["sd"] == 0 and leaf["low"] == 0 and leaf["high"] == 0 and leaf["p_top"] == 0,
              "%s l%d: a leaf is never between two nodes: mean %r sd %r low %r high %r p_top %r" % (ctx, i, leaf["mean"], leaf["sd"], leaf["low"], leaf["high"], leaf["p_top"]))
        # rank 2 when the hub is above 0 (P = 0.989), else 1: both percentiles are 2
        check(leaf["rank_low"] == 2 and leaf["rank_high"] == 2, "%s l%d rank_low/high %r/%r, expected 2/2" % (ctx, i, leaf["rank_low"], leaf["rank_high"]))
    check([n["id"] for n in d["nodes"]] == ["hub"] + ["l%d" % i for i in range(1, 7)], "%s node order %s" % (ctx, [n["id"] for n in d["nodes"]]))
    check(d["conclusions"] == {"robust": ["hub"], "uncertain": []}, "%s conclusions %r, expected robust [hub]" % (ctx, d["conclusions"]))
    check_self_consistent(d, ["hub"] + ["l%d" % i for i in range(1, 7)], ctx, True)
    print("star: hub mean %.4f (expected 7.35), sd %.4f (%.4f), P(top 1) %.4f (%.4f)" % (hub["mean"], hub["sd"], math.sqrt(var), hub["p_top"], p_top))


def mc_path(binary):
    """robust-path: a-b-c-d, b-c kept with p = 0.6, the others certain. Kept: the path, b lies on a-c and
    a-d (betweenness 2), c on b-d and a-d (2), a and d on nothing: ranks 3, 1, 1, 3. Dropped: {a,b}, {c,d},
    nobody between anyone: all 0, all rank 1. So E[b] = E[c] = 2p = 1.2 and b, c are in the top 1 (tied
    at rank 1) exactly when b-c is kept: P = p = 0.6; a and d never are. Every figure is a function of Z,
    the number of samples dropping b-c, which b's mean gives exactly: Z = N - N mean/2. From Z the sd,
    percentiles (numpy linear; ranks numpy inverted_cdf) and p_top are exact."""
    for N, seed, interval, mc in ((4000, 5, 90, True), (25, 3, 20, False), (7, 9, 60, False), (4000, 12, 20, False)):
        opts = ["--samples", str(N), "--seed", str(seed), "--top", "1", "--interval", str(interval)]
        d, _ = run(binary, "tests/data/good/robust-path", opts)
        ctx = "[robustness robust-path %s]" % " ".join(opts)
        basic_fields(d, N, seed, 1, interval, ctx)
        g = by_id(d)
        for v, val, rk in (("a", 0, 3), ("b", 2, 1), ("c", 2, 1), ("d", 0, 3)):
            check(close(g[v]["value"], val) and g[v]["rank"] == rk, "%s %s unsampled value %r rank %r, expected %r and %r" % (ctx, v, g[v]["value"], g[v]["rank"], val, rk))
        b = g["b"]
        kept = b["mean"] * N / 2
        check(abs(kept - round(kept)) < 1e-6, "%s b mean %r is not 2 x (a count)/N" % (ctx, b["mean"]))
        kept = int(round(kept))
        Z = N - kept
        if mc:
            within("%s b mean betweenness (2p = 1.2)" % ctx, b["mean"], 1.2, b["sd"] / math.sqrt(N))
            within("%s b P(top 1) (p = 0.6)" % ctx, b["p_top"], 0.6, math.sqrt(0.24 / N))
        qlo, qhi = (100 - interval) / 2, (100 + interval) / 2
        values = {"b": [0.0] * Z + [2.0] * kept, "a": [0.0] * N}
        values["c"], values["d"] = values["b"], values["a"]
        rank_ad = [1] * Z + [3] * kept
        rank_bc = [1] * N
        for v in "abcd":
            n = g[v]
            arr = numpy.array(values[v])
            rk = numpy.array(rank_ad if v in "ad" else rank_bc)
            exp = {"mean": float(arr.mean()), "sd": float(arr.std(ddof=1)),
                   "low": float(numpy.percentile(arr, qlo)), "high": float(numpy.percentile(arr, qhi)),
                   "rank_low": int(numpy.percentile(rk, qlo, method="inverted_cdf")),
                   "rank_high": int(numpy.percentile(rk, qhi, method="inverted_cdf")),
                   "p_top": kept / N if v in "bc" else 0.0}
            for f, w in exp.items():
                check(close(n[f], w), "%s %s %s %r, expected %r (from Z = %d of %d samples without b-c)" % (ctx, v, f, n[f], w, Z, N))
        check([n["id"] for n in d["nodes"]] == ["b", "c", "a", "d"], "%s node order %s, expected b c a d" % (ctx, [n["id"] for n in d["nodes"]]))
        want_unc = ["b", "c"] if 0.05 <= kept / N < 0.95 else []
        check(d["conclusions"]["uncertain"] == want_unc, "%s conclusions.uncertain %r, expected %r" % (ctx, d["conclusions"]["uncertain"], want_unc))
        check_self_consistent(d, ["a", "b", "c", "d"], ctx, True)
        print("path N=%d interval %g: Z = %d; b mean %.4f, low %r, high %r; a rank %r..%r" % (N, interval, Z, b["mean"], b["low"], b["high"], g["a"]["rank_low"], g["a"]["rank_high"]))


def mc_collapse(binary):
    """No uncertainty left: every interval collapses onto the unsampled figure. robust-bridge (every
    confidence 1, no hypotheses); robust-star with --credence-only (its confidences are not sampled and it
    has no hypotheses); robust-credence with --confidence-only (every confidence 1; hypotheses not drawn)."""
    runs = [("tests/data/good/robust-bridge", ["--samples", "200", "--top", "2"], 10),
            ("tests/data/good/robust-star", ["--samples", "300", "--top", "1", "--credence-only", "--seed", "4"], 7),
            ("tests/data/good/robust-credence", ["--samples", "150", "--top", "3", "--confidence-only"], 20),
            ("tests/data/good/robust-bridge", ["--samples", "100", "--measure", "degree", "--interval", "50"], 10)]
    for path, opts, n_nodes in runs:
        d, _ = run(binary, path, opts)
        ctx = "[robustness %s %s]" % (path, " ".join(opts))
        o = Options(opts)
        net = Network(os.path.join(ROOT, path))
        check([n["id"] for n in d["nodes"]] and set(n["id"] for n in d["nodes"]) == set(net.nodes) and len(d["nodes"]) == n_nodes,
              "%s nodes %s, expected the %d of nodes.csv" % (ctx, [n["id"] for n in d["nodes"]], n_nodes))
        robust = []
        for n in d["nodes"]:
            v, tol = n["value"], 1e-9 * max(1.0, abs(n["value"]))
            check(close(n["mean"], v) and close(n["low"], v) and close(n["high"], v),
                  "%s %s: value %r but mean %r low %r high %r (nothing is uncertain)" % (ctx, n["id"], v, n["mean"], n["low"], n["high"]))
            check(n["sd"] <= tol, "%s %s sd %r, expected 0" % (ctx, n["id"], n["sd"]))
            check(n["rank_low"] == n["rank"] == n["rank_high"], "%s %s rank %r but rank_low %r rank_high %r" % (ctx, n["id"], n["rank"], n["rank_low"], n["rank_high"]))
            in_top = n["rank"] <= o.top and v > 0
            check(n["p_top"] == (1.0 if in_top else 0.0) and n["p_top_se"] == 0,
                  "%s %s p_top %r (se %r), expected %r (rank %r, value %r, top %d)" % (ctx, n["id"], n["p_top"], n["p_top_se"], float(in_top), n["rank"], v, o.top))
            if in_top:
                robust.append(n["id"])
        check(d["conclusions"] == {"robust": robust, "uncertain": []}, "%s conclusions %r, expected robust %r" % (ctx, d["conclusions"], robust))
        check_exact(net, o, d, None, "collapse")
        print("collapse %s %s: %d nodes, robust %s" % (path, " ".join(opts), len(d["nodes"]), robust))


def mc_credence(binary):
    """robust-credence: every tie certain; question `courier` = answer_a (0.3: adds x4 and x-x4, x: 3 -> 6)
    or answer_b (0.5: adds y4, y-y4, y: 3 -> 6) or neither (0.2); independent `link` (0.4: adds h-g; h: 3 ->
    12, g: 1 -> 9). Base: z = 4 (z1-z2-z-z4-z5: {z1,z2} x {z4,z5}) is the one top-1 node. Top 1 per sample:
    h under link (12 beats 6); else x under answer_a, y under answer_b, z under neither. So P(top 1):
    h 0.4, x 0.6 x 0.3 = 0.18, y 0.6 x 0.5 = 0.30, z 0.6 x 0.2 = 0.12, every other node 0; means:
    x 3 + 3 x 0.3 = 3.9, y 3 + 3 x 0.5 = 4.5, h 3 + 9 x 0.4 = 6.6, g 1 + 8 x 0.4 = 4.2, z 4 (sd 0). The shares
    follow from the means: answer_a (mean_x - 3)/3, answer_b (mean_y - 3)/3, link (mean_h - 3)/9; neither
    is one minus the two answers' shares."""
    N = 4000
    opts = ["--samples", str(N), "--seed", "21", "--top", "1"]
    d, _ = run(binary, "tests/data/good/robust-credence", opts)
    ctx = "[robustness robust-credence %s]" % " ".join(opts)
    basic_fields(d, N, 21, 1, 90, ctx)
    g = by_id(d)
    net = Network(os.path.join(GOOD, "robust-credence"))
    check(set(g) == set(net.nodes) | {"x4", "y4"}, "%s nodes %s, expected the 20 of nodes.csv and x4, y4 (added by the answers)" % (ctx, sorted(g)))
    base_vals = {"x": 3, "y": 3, "z": 4, "z2": 3, "z4": 3, "h": 3, "g": 1}
    for v in net.nodes:
        want = base_vals.get(v, 0)
        rk = 1 if want == 4 else 2 if want == 3 else 7 if want == 1 else 8
        check(close(g[v]["value"], want) and g[v]["rank"] == rk, "%s %s unsampled value %r rank %r, expected %r and %r" % (ctx, v, g[v]["value"], g[v]["rank"], want, rk))
    for v in ("x4", "y4"):
        check(isnan(g[v]["value"]) and g[v]["rank"] == 8 and g[v]["mean"] == 0 and g[v]["p_top"] == 0,
              "%s %s (absent from the unsampled reading): value %r (expected null), rank %r (8: counts 0), mean %r, p_top %r"
              % (ctx, v, g[v]["value"], g[v]["rank"], g[v]["mean"], g[v]["p_top"]))
    for v, p in (("h", 0.4), ("x", 0.18), ("y", 0.30), ("z", 0.12)):
        within("%s P(%s top 1)" % (ctx, v), g[v]["p_top"], p, math.sqrt(p * (1 - p) / N))
    for v in g:
        if v not in ("h", "x", "y", "z"):
            check(g[v]["p_top"] == 0, "%s %s p_top %r, expected 0" % (ctx, v, g[v]["p_top"]))
    for v, m in (("x", 3.9), ("y", 4.5), ("h", 6.6), ("g", 4.2)):
        within("%s %s mean" % (ctx, v), g[v]["mean"], m, g[v]["sd"] / math.sqrt(N))
    check(close(g["z"]["mean"], 4) and g["z"]["sd"] <= 1e-9, "%s z mean %r sd %r, expected 4 and 0 (no hypothesis touches it)" % (ctx, g["z"]["mean"], g["z"]["sd"]))
    share_a = (g["x"]["mean"] - 3) / 3
    share_b = (g["y"]["mean"] - 3) / 3
    share_link = (g["h"]["mean"] - 3) / 9
    for what, got, want in (("answer_a", share_a, 0.3), ("answer_b", share_b, 0.5), ("neither", 1 - share_a - share_b, 0.2), ("link", share_link, 0.4)):
        within("%s share of samples drawing %s" % (ctx, what), got, want, math.sqrt(want * (1 - want) / N))
    check_self_consistent(d, net.nodes, ctx, True)
    print("credence: shares answer_a %.4f answer_b %.4f neither %.4f link %.4f; P(top 1) h %.4f x %.4f y %.4f z %.4f"
          % (share_a, share_b, 1 - share_a - share_b, share_link, g["h"]["p_top"], g["x"]["p_top"], g["y"]["p_top"], g["z"]["p_top"]))

    # answer_a settled: the question is answered, only `link` is drawn. x = 6 in every sample; top 1: h under
    # link (0.4), else x (0.6); y never changes (3), y4 never appears.
    opts = ["--hypothesis", "answer_a", "--samples", str(N), "--seed", "22", "--top", "1"]
    d, _ = run(binary, "tests/data/good/robust-credence", opts)
    ctx = "[robustness robust-credence %s]" % " ".join(opts)
    g = by_id(d)
    check(set(g) == set(net.nodes) | {"x4"}, "%s nodes %s, expected nodes.csv's and x4 (settled), never y4" % (ctx, sorted(g)))
    check(close(g["x"]["value"], 6) and g["x"]["rank"] == 1 and close(g["x4"]["value"], 0), "%s x value %r rank %r, x4 value %r; expected 6, 1, 0"
          % (ctx, g["x"]["value"], g["x"]["rank"], g["x4"]["value"]))
    within("%s P(x top 1) (1 - 0.4)" % ctx, g["x"]["p_top"], 0.6, math.sqrt(0.24 / N))
    within("%s P(h top 1) (0.4)" % ctx, g["h"]["p_top"], 0.4, math.sqrt(0.24 / N))
    check(abs(g["x"]["p_top"] + g["h"]["p_top"] - 1) < 1e-12, "%s P(x) + P(h) = %r, expected 1" % (ctx, g["x"]["p_top"] + g["h"]["p_top"]))
    for v in ("x", "y", "z"):
        want = {"x": 6, "y": 3, "z": 4}[v]
        check(close(g[v]["mean"], want) and g[v]["sd"] <= 1e-9, "%s %s mean %r sd %r, expected %r and 0" % (ctx, v, g[v]["mean"], g[v]["sd"], want))
    check(g["y"]["p_top"] == 0 and g["z"]["p_top"] == 0, "%s y, z p_top %r, %r, expected 0 (answer_b cannot be drawn)" % (ctx, g["y"]["p_top"], g["z"]["p_top"]))
    print("credence, answer_a settled: P(top 1) x %.4f h %.4f" % (g["x"]["p_top"], g["h"]["p_top"]))


def cmd_settled(argv):
    """--by-source with a settled hypothesis (robust-credence, answer_a settled): the tie answer_a adds is a
    tie of the unsampled reading, and answer_a a settled hypothesis, both citing memoir_a alone."""
    binary = argv[0]
    net = Network(os.path.join(GOOD, "robust-credence"))
    base_vals = {"x": 3, "y": 3, "z": 4, "z2": 3, "z4": 3, "h": 3, "g": 1}

    # --by-source with answer_a settled: keys cited by a tie of the unsampled reading or by a settled
    # hypothesis: court (the 15 base ties) and memoir_a (answer_a and its tie x-x4); memoir_b and intercept
    # belong to unsettled hypotheses. Without memoir_a: the reading is the base, x 6 -> 3; top 1 z replaces
    # x; ranks (x 6, z 4, y z2 z4 h 3, g 1, zeros) = (1, 2, 3, 7, 8) -> (x 2, z 1, y z2 z4 h 2, g 7, zeros 8):
    # six nodes move one place, x4 is not in both. Without court: only x-x4 is left, all values 0, all
    # ranks 1: x leaves, nobody enters; rank changes count nodes of some standing (above 0 before or after):
    # z +1, the four 3s +2 each, g +6, x 0: largest +6 (g), sum 15 (the 14 zeros' shared rank moving is no
    # change of theirs). memoir_a's largest move is x's fall by one place (x first in node order): -1.
    opts = ["--hypothesis", "answer_a", "--samples", "0", "--top", "1", "--by-source"]
    d, _ = run(binary, "tests/data/good/robust-credence", opts)
    ctx = "[robustness robust-credence %s]" % " ".join(opts)
    src = d["sources"]
    check([s["key"] for s in src] == ["memoir_a", "court"], "%s source keys %s, expected [memoir_a, court]" % (ctx, [s["key"] for s in src]))
    old = {v: base_vals.get(v, 0) for v in net.nodes}
    old["x"] = 6
    new = {v: base_vals.get(v, 0) for v in net.nodes}
    tau = float(scipy.stats.kendalltau([old[v] for v in net.nodes], [new[v] for v in net.nodes]).statistic)
    want = {"memoir_a": {"sole_ties": 1, "sole_hypotheses": 1, "entered": ["z"], "left": ["x"], "max_rank_change": -1, "rank_change_sum": 6, "tau_b": tau},
            "court": {"sole_ties": 15, "sole_hypotheses": 0, "entered": [], "left": ["x"], "max_rank_change": 6, "rank_change_sum": 15, "tau_b": float("nan")}}
    wrong = []
    for s in src:
        w = want[s["key"]]
        for f, x in w.items():
            ok = close(s[f], x) if f == "tau_b" else s[f] == x
            if not ok:
                wrong.append("source %s: %s %r, expected %r" % (s["key"], f, s[f], x))
    check(not wrong, "%s\n  %s" % (ctx, "\n  ".join(wrong)))
    print("settled: answer_a settled, --by-source: memoir_a (sole_ties 1, sole_hypotheses 1) then court, as derived")


def mc_deterministic(binary):
    """The same seed gives byte-identical output for --jobs 1 and 2 and on a rerun (spygraph's own counter-based
    streams); another seed draws another sample."""
    base = ["--samples", "400", "--seed", "7", "--top", "5"]
    outs = {}
    for label, net, extra, fmt in (("sorge j1", "networks/sorge", ["--jobs", "1"], "json"), ("sorge j2", "networks/sorge", ["--jobs", "2"], "json"),
                                   ("sorge j2 again", "networks/sorge", ["--jobs", "2"], "json"),
                                   ("sorge table j1", "networks/sorge", ["--jobs", "1"], "table"), ("sorge table j2", "networks/sorge", ["--jobs", "2"], "table"),
                                   ("star j1", "tests/data/good/robust-star", ["--jobs", "1"], "json"), ("star j2", "tests/data/good/robust-star", ["--jobs", "2"], "json")):
        out, _ = _raw(binary, net, base + extra, fmt)
        outs[label] = out
    for a, b in (("sorge j1", "sorge j2"), ("sorge j2", "sorge j2 again"), ("sorge table j1", "sorge table j2"), ("star j1", "star j2")):
        if outs[a] != outs[b]:
            la, lb = outs[a].splitlines(), outs[b].splitlines()
            diff = next((i for i in range(min(len(la), len(lb))) if la[i] != lb[i]), min(len(la), len(lb)))
            fail("same seed, outputs differ (%s vs %s) at line %d:\n  %r\n  %r" % (a, b, diff + 1, la[diff] if diff < len(la) else None, lb[diff] if diff < len(lb) else None))
    d7 = json.loads(outs["sorge j1"])
    d8, _ = run(binary, "networks/sorge", ["--samples", "400", "--seed", "8", "--top", "5", "--jobs", "2"])
    m7 = {n["id"]: n["mean"] for n in d7["nodes"]}
    m8 = {n["id"]: n["mean"] for n in d8["nodes"]}
    check(any(m7[v] != m8[v] for v in m7), "seeds 7 and 8 give the same mean for every node of networks/sorge")
    check(d8["seed"] == 8 and d7["seed"] == 7, "\"seed\" %r / %r" % (d7["seed"], d8["seed"]))
    # the unsampled figures do not depend on the seed
    check(all(n["value"] == by_id(d8)[n["id"]]["value"] or (isnan(n["value"]) and isnan(by_id(d8)[n["id"]]["value"])) for n in d7["nodes"]),
          "the unsampled values change with the seed")
    diff = sum(1 for v in m7 if m7[v] != m8[v])
    print("deterministic: --jobs 1, --jobs 2 and a rerun byte-identical (JSON and table); seed 8 moves %d of %d means" % (diff, len(m7)))


def _raw(binary, network, opts, fmt):
    cmd = [binary, "robustness", network] + opts + ["-f", fmt]
    p = subprocess.run(cmd, cwd=ROOT, capture_output=True)
    if p.returncode != 0:
        fail("`%s` exited %d: %s" % (" ".join(cmd[1:]), p.returncode, p.stderr.decode("utf-8", "replace")))
    return p.stdout.decode("utf-8"), p.stderr


def cmd_montecarlo(argv):
    binary, which = argv[0], argv[1:]
    table = {"star": mc_star, "path": mc_path, "collapse": mc_collapse, "credence": mc_credence, "deterministic": mc_deterministic}
    for w in which or list(table):
        table[w](binary)


# ---------------------------------------------------------------- the bridge

def cmd_bridge(argv):
    """robust-bridge: cliques {a1..a4}, {b1..b4}; pendants a5 (on a2), b5 (on b2); bridge a1-b1 cited only
    by `memoir`; a2-a5 only by `letter`; every other tie by two keys (court;police, court;diary).
    Raw betweenness: a1 = b1 = 4 x 5 = 20 (a2..a5 to the five b's); a2 = b2 = 8 (a5 to a1, a3, a4 and the
    five b's); others 0. Ranks a1 b1 1, a2 b2 3, the rest 5. Top 2: {a1, b1}.
    Without memoir: a2 = b2 = 3 (a5 or b5 to their clique), others 0: ranks a2 b2 1, the rest 3: a2, b2
    enter, a1, b1 leave; of the nodes of some standing (above 0 before or after), a1 and b1 fall 2 places
    and a2, b2 rise 2: largest -2 (a1), sum 8 (the zeros' shared rank moving is no change of theirs).
    Without letter (a5 cut off): a1 = 3 x 5 = 15, b1 = 4 x 4 = 16, b2 = 8, a2 = 0: ranks b1 1, a1 2, b2 3,
    the rest 4: the top 2 is unchanged; a1 and a2 fall 1, b1 and b2 keep their rank: largest -1, sum 2.
    court, diary, police: no tie cites them alone: sole_ties 0, nothing moves, tau_b 1.
    Order: memoir (4 entering or leaving), letter (max 1), then court, diary, police by key."""
    binary = argv[0]
    opts = ["--samples", "0", "--top", "2", "--by-source", "--decisive=3"]
    d, err = run(binary, "tests/data/good/robust-bridge", opts)
    ctx = "[robustness robust-bridge %s]" % " ".join(opts)
    nodes = ["a%d" % i for i in range(1, 6)] + ["b%d" % i for i in range(1, 6)]
    old = dict(zip(nodes, [20, 8, 0, 0, 0, 20, 8, 0, 0, 0]))
    g = by_id(d)
    for v in nodes:
        check(close(g[v]["value"], old[v]), "%s %s value %r, expected %r" % (ctx, v, g[v]["value"], old[v]))
    no_memoir = dict(zip(nodes, [0, 3, 0, 0, 0, 0, 3, 0, 0, 0]))
    no_letter = dict(zip(nodes, [15, 0, 0, 0, 0, 16, 8, 0, 0, 0]))
    tau_m = float(scipy.stats.kendalltau([old[v] for v in nodes], [no_memoir[v] for v in nodes]).statistic)
    tau_l = float(scipy.stats.kendalltau([old[v] for v in nodes], [no_letter[v] for v in nodes]).statistic)
    # rank changes of the nodes of some standing (a1, a2, b1, b2): without memoir a1 and b1 fall from 1 to
    # 3 (-2), a2 and b2 rise from 3 to 1 (+2): largest -2 (a1, first), sum 8; without letter a1 1 -> 2 (-1),
    # b1 stays 1, a2 3 -> 4 (-1), b2 stays 3: largest -1, sum 2
    want = [("memoir", 1, ["a2", "b2"], ["a1", "b1"], tau_m, -2, 8), ("letter", 1, [], [], tau_l, -1, 2),
            ("court", 0, [], [], 1.0, 0, 0), ("diary", 0, [], [], 1.0, 0, 0), ("police", 0, [], [], 1.0, 0, 0)]
    got = d["sources"]
    check([s["key"] for s in got] == [w[0] for w in want], "%s source order %s, expected %s" % (ctx, [s["key"] for s in got], [w[0] for w in want]))
    for s, (key, sole, entered, left, tau, mx, sm) in zip(got, want):
        check(s["sole_ties"] == sole and s["sole_hypotheses"] == 0, "%s %s sole_ties %r sole_hypotheses %r, expected %r and 0" % (ctx, key, s["sole_ties"], s["sole_hypotheses"], sole))
        check(sorted(s["entered"]) == entered and sorted(s["left"]) == left, "%s %s entered %r left %r, expected %r and %r" % (ctx, key, s["entered"], s["left"], entered, left))
        check(close(s["tau_b"], tau), "%s %s tau_b %r, expected %r" % (ctx, key, s["tau_b"], tau))
        check(s["max_rank_change"] == mx and s["rank_change_sum"] == sm, "%s %s max_rank_change %r rank_change_sum %r, expected %r and %r" % (ctx, key, s["max_rank_change"], s["rank_change_sum"], mx, sm))
    check(tau_m < 1 and tau_l < 1, "derivation: %r %r" % (tau_m, tau_l))
    first = d["decisive"][0]
    check((first["source"], first["target"], first["relation"]) == ("a1", "b1", "met") and sorted(first["entered"]) == ["a2", "b2"]
          and sorted(first["left"]) == ["a1", "b1"] and first["rank_change"] == 8,
          "%s first decisive tie %r, expected a1-b1 met, entered a2 b2, left a1 b1, rank_change 8" % (ctx, first))
    check(len(d["decisive"]) == 3, "%s --decisive=3 gave %d ties" % (ctx, len(d["decisive"])))
    check_exact(Network(os.path.join(GOOD, "robust-bridge")), Options(opts), d, err, "bridge")
    # default top 10: the top holds a1, b1, a2, b2 (value > 0); without memoir a1 and b1 leave, nobody enters
    opts = ["--samples", "0", "--by-source"]
    d, err = run(binary, "tests/data/good/robust-bridge", opts)
    m = d["sources"][0]
    check(m["key"] == "memoir" and sorted(m["left"]) == ["a1", "b1"] and m["entered"] == [],
          "[robustness robust-bridge %s] first source %r, expected memoir, left a1 b1, nobody entering" % (" ".join(opts), m))
    check_exact(Network(os.path.join(GOOD, "robust-bridge")), Options(opts), d, err, "bridge")
    # --decisive --node a2: removing the bridge lifts a2 from rank 3 to 1 (+2), value 8 -> 3 (-5); removing
    # a2-a5 drops it from 3 to 4 (-1), 8 -> 0 (-8): the bridge comes first
    opts = ["--samples", "0", "--decisive=2", "--node", "a2", "--top", "2"]
    d, err = run(binary, "tests/data/good/robust-bridge", opts)
    ctx = "[robustness robust-bridge %s]" % " ".join(opts)
    got = [(x["source"], x["target"], x["rank_change"], x["value_change"]) for x in d["decisive"]]
    check(got == [("a1", "b1", 2, -5), ("a2", "a5", -1, -8)], "%s decisive %r, expected [(a1, b1, +2, -5), (a2, a5, -1, -8)]" % (ctx, got))
    check_exact(Network(os.path.join(GOOD, "robust-bridge")), Options(opts), d, err, "bridge")
    # the warning above 0.7 (rho here: 0.91, scipy.stats.spearmanr) is printed with the table
    out, _ = _raw(binary, "tests/data/good/robust-bridge", ["--samples", "0", "--top", "2"], "table")
    check("warning" in out.lower(), "[robustness robust-bridge --samples 0 --top 2] rho 0.91 > 0.7 but the table prints no warning")
    out, _ = _raw(binary, "tests/data/good/robust-star", ["--samples", "0"], "table")
    check("warning" not in out.lower(), "[robustness robust-star --samples 0] rho is undefined (one key everywhere) but the table prints a warning")
    print("bridge: memoir first (sole_ties 1, a1 b1 leave, a2 b2 enter, tau_b %.4f), letter next, co-cited keys unmoved; a1-b1 the most decisive tie" % tau_m)


# ---------------------------------------------------------------- failed runs

def cmd_error(argv):
    out = err = word = None
    absent = []
    it = iter(argv)
    for a in it:
        if a == "--stdout":
            out = next(it)
        elif a == "--stderr":
            err = next(it)
        elif a == "--word":
            word = next(it)
        elif a == "--absent":
            absent.append(next(it))
    o = open(out, "rb").read()
    e = open(err, encoding="utf-8", errors="replace").read()
    check(o == b"", "standard output is not empty: %r" % o[:300])
    check(e.startswith("spygraph: "), "standard error does not begin with 'spygraph: ': %r" % e)
    check(word in e, "standard error does not name %r: %r" % (word, e))
    for f in absent:
        check(not os.path.exists(f), "%s was written by a failed run" % f)
    print("error: %r named, nothing written" % word)


def main():
    if len(sys.argv) < 3:
        sys.stderr.write(__doc__)
        return 2
    cmd, argv = sys.argv[1], sys.argv[2:]
    if cmd != "error":
        argv[0] = os.path.abspath(argv[0])
    table = {"exact": cmd_exact, "generated": cmd_generated, "montecarlo": cmd_montecarlo, "bridge": cmd_bridge,
             "settled": cmd_settled, "error": cmd_error}
    if cmd not in table:
        sys.stderr.write(__doc__)
        return 2
    try:
        table[cmd](argv)
    except Failure as e:
        sys.stderr.write("robustness_check.py %s: FAIL: %s\n" % (cmd, e))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
