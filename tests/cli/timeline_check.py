#!/usr/bin/python3
"""timeline_check.py: an independent reference for `spygraph timeline`, written from its definitions
(`spygraph help timeline`, include/spygraph/timeline.h, networks/README.md "Partial dates and snapshots",
include/spygraph/reading.h's direction rule, `spygraph help centrality` and `help info`), never from its code.

usage:
  timeline_check.py exact SPYGRAPH [--given OUT] NETWORK [timeline options...]
      Runs `SPYGRAPH timeline NETWORK options -f json` (or reads OUT, the output of that very command) and
      recomputes from the network's CSV files, read here with Python's csv module, with NetworkX:
        - the slices (labels, from, to) by the stepping rule: one slice per step (year, quarter, month) from
          the step holding --from (its first day) to the step holding --to (its last day), by default the
          manifest's span, else the dated ties; with --window N one slice per N consecutive steps moving one
          step at a time, the last ending with the last step, a single slice when there are fewer steps;
        - each slice's reading: the nodes whose lifetime overlaps the slice's [first day, last day], the
          ties whose [first day of start, last day of end] overlaps it (open sides unbounded, an undated tie
          in every slice) between two such nodes;
        - every present node's value (betweenness, degree, closeness, harmonic, indegree, outdegree,
          pagerank; parallel ties merged, self-loops dropped; --directed: a directed relation and a bare
          list's `tie` one arc, an undirected relation two; --normalized), its competition rank (values
          tied within 1e-9 relative share the best rank), "active" (one of its ties is in the slice),
          "entered"/"left", the figures nodes, ties (as listed), weakly connected components, density and
          Freeman's centralization, and the chosen rows ("shown").
      Modelled options: --measure --step --from --to --window --top --directed --undirected --normalized.
  timeline_check.py versus SPYGRAPH [--given OUT] NETWORK [--measures M1,M2,...] [--skip-info] [timeline options...]
      For every slice of the timeline (of each measure of --measures, else of --measure), runs `centrality
      NETWORK --between FROM..TO --measures M` (with the reading and measure options given; the measures
      other than eigenvector, hub and authority asked in one run, those three each alone) and `info NETWORK
      --between FROM..TO`, and checks that the slice holds exactly centrality's nodes with its values and
      the competition ranks of those values, its centralization, and info's nodes, ties, components and
      density (not with --skip-info, for a reading another run has compared already). Any reading option
      passes through.
  timeline_check.py pairs SPYGRAPH SCRATCH
      Two separate pairs, a-b always and c-d in 1931 only: the four quarters of 1931 are one and the same
      reading, whose largest adjacency eigenvalue (1) belongs to both pairs. Eigenvector and hub scores
      there are not unique, but each quarter must still equal `centrality --between` of that quarter (and
      so each other): checks eigenvector (undirected), hub and authority (--directed) that way.
  timeline_check.py slices SPYGRAPH NETWORK
      The labels, from and to of many --step/--window/--from/--to combinations against the stepping rule.
  timeline_check.py generated SPYGRAPH SCRATCH
      Dated networks made here with a fixed seed (a path, a star, random graphs with disconnected parts,
      undated ties, parallel ties and self-loops, bare lists and a curated folder with lifetimes), written
      under SCRATCH, each checked as `exact` and `versus` do under several option sets.

Floats are compared with a relative tolerance of 1e-9 (and 1e-12 absolute, for values that should be 0).
A mismatch names the command, the slice, the node and the field, and exits 1. Runs from the source root
(the working directory of tests/cli/run-case).
"""
import calendar
import csv
import datetime
import json
import math
import os
import random
import subprocess
import sys

import networkx as nx

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
REL = 1e-9

# networks/README.md, "Relations": the relations that are not directed.
UNDIRECTED = {"met", "colleague", "friend", "married", "business", "negotiated_with", "allied_with",
              "co_member", "co_located", "tie"}
# `spygraph help centrality`: measures whose default reading is directed
DIRECTED_BY_DEFAULT = {"indegree", "outdegree", "hub", "authority", "brokerage"}
CENTRALIZED = {"degree", "betweenness", "closeness"}


class Failure(Exception):
    pass


def fail(msg):
    raise Failure(msg)


def check(cond, msg):
    if not cond:
        fail(msg)


def isnan(x):
    return x is None or (isinstance(x, float) and math.isnan(x))


def close(a, b):
    if isnan(a) or isnan(b):
        return isnan(a) and isnan(b)
    return math.isclose(a, b, rel_tol=REL, abs_tol=1e-12)


# ---------------------------------------------------------------- dates (networks/README.md)

def parse_date(text):
    """A partial date YYYY, YYYY-MM or YYYY-MM-DD as (first day, last day) ordinals."""
    parts = [int(p) for p in text.strip().split("-")]
    if len(parts) == 1:
        return datetime.date(parts[0], 1, 1).toordinal(), datetime.date(parts[0], 12, 31).toordinal()
    if len(parts) == 2:
        y, m = parts
        return datetime.date(y, m, 1).toordinal(), datetime.date(y, m, calendar.monthrange(y, m)[1]).toordinal()
    d = datetime.date(*parts).toordinal()
    return d, d


def interval(start, end):
    """[first day of START, last day of END], an empty side unbounded."""
    lo = parse_date(start)[0] if start else -math.inf
    hi = parse_date(end)[1] if end else math.inf
    return lo, hi


def overlaps(iv, a, b):
    return iv[0] <= b and iv[1] >= a


# ---------------------------------------------------------------- reading a network from its files

class Tie:
    def __init__(self, index, source, target, relation, start, end):
        self.index, self.source, self.target, self.relation = index, source, target, relation
        self.start, self.end = start, end
        self.iv = interval(start, end)


class Network:
    """nodes in the network's order (nodes.csv, or first appearance in a bare list), lifetimes, ties."""

    def __init__(self, path):
        self.path = path
        self.span = None
        self.life = {}
        if os.path.isdir(path) or path.endswith(".json"):
            self._curated(path)
        else:
            self._edge_list(path)
        self.index = {v: i for i, v in enumerate(self.nodes)}

    def _curated(self, path):
        manifest_path = os.path.join(path, "network.json") if os.path.isdir(path) else path
        folder = os.path.dirname(manifest_path)
        manifest = json.load(open(manifest_path, encoding="utf-8-sig"))
        self.curated = True
        span = manifest.get("span")
        if span and span.get("start") and span.get("end"):
            self.span = (parse_date(span["start"])[0], parse_date(span["end"])[1])
        self.nodes = []
        for r in csv.DictReader(open(os.path.join(folder, manifest["nodes"]), encoding="utf-8-sig", newline="")):
            self.nodes.append(r["id"])
            self.life[r["id"]] = interval(r.get("start") or "", r.get("end") or "")
        self.ties = []
        for i, r in enumerate(csv.DictReader(open(os.path.join(folder, manifest["edges"]), encoding="utf-8-sig", newline=""))):
            self.ties.append(Tie(i, r["source"], r["target"], r["relation"], r.get("start") or "", r.get("end") or ""))

    def _edge_list(self, path):
        self.curated = False
        text = open(path, encoding="utf-8-sig", newline="").read()
        first = text.splitlines()[0] if text else ""
        delim = "\t" if "\t" in first else "," if "," in first else ";"
        rows = list(csv.reader(text.splitlines(), delimiter=delim))
        header = rows and rows[0] and rows[0][0].strip().lower() in {"source", "from", "src", "node1", "id1"}
        alts = {"source": ["source", "from", "src", "node1", "id1"], "target": ["target", "to", "dst", "node2", "id2"]}
        if header:
            h = [c.strip().lower() for c in rows[0]]
            col = {want: next(h.index(a) for a in names if a in h) for want, names in alts.items()}
            for extra in ("relation", "start", "end"):
                if extra in h:
                    col[extra] = h.index(extra)
            rows = rows[1:]
        else:
            col = {"source": 0, "target": 1}
        self.nodes, self.ties = [], []
        seen = set()
        for i, r in enumerate(x for x in rows if x):
            s, t = r[col["source"]], r[col["target"]]
            for v in (s, t):
                if v not in seen:
                    seen.add(v)
                    self.nodes.append(v)
                    self.life[v] = (-math.inf, math.inf)
            get = lambda k: r[col[k]].strip() if k in col else ""  # noqa: E731
            self.ties.append(Tie(i, s, t, get("relation") or "tie", get("start"), get("end")))

    def arcs(self, tie):
        """sg_tie_arcs under --directed (reading.h): 2 for an undirected relation, except a bare list's
        `tie`, read as written; 1 for a directed relation."""
        if tie.relation == "tie":
            return 2 if self.curated else 1
        return 2 if tie.relation in UNDIRECTED else 1

    def default_range(self):
        """The span, else the days of the dated ties' dates (None when no tie is dated)."""
        if self.span:
            return self.span
        days = []
        for t in self.ties:
            for d in (t.start, t.end):
                if d:
                    days.extend(parse_date(d))
        return (min(days), max(days)) if days else None

    def slice_reading(self, a, b):
        """The nodes present in [A, B] (network order) and the ties in it (tie order)."""
        present = [v for v in self.nodes if overlaps(self.life[v], a, b)]
        keep = set(present)
        ties = [t for t in self.ties if overlaps(t.iv, a, b) and t.source in keep and t.target in keep]
        return present, ties

    def graph(self, present, ties, directed):
        """The simple graph: parallel ties merged, self-loops dropped, every present node kept."""
        G = nx.DiGraph() if directed else nx.Graph()
        G.add_nodes_from(present)
        for t in ties:
            if t.source == t.target:
                continue
            G.add_edge(t.source, t.target)
            if directed and self.arcs(t) == 2:
                G.add_edge(t.target, t.source)
        return G


# ---------------------------------------------------------------- slices by the stepping rule

def steps_between(first, last, step):
    """Every step (year, quarter or month) from the one holding day FIRST to the one holding day LAST, as
    (first day, last day, label, from text, to text), walked on the calendar."""
    d = datetime.date.fromordinal(first)
    y, m = d.year, d.month
    if step == "year":
        m = 1
    elif step == "quarter":
        m = (m - 1) // 3 * 3 + 1
    months = {"year": 12, "quarter": 3, "month": 1}[step]
    out = []
    while True:
        y2, m2 = y + (m + months - 2) // 12, (m + months - 2) % 12 + 1
        lo = datetime.date(y, m, 1).toordinal()
        hi = datetime.date(y2, m2, calendar.monthrange(y2, m2)[1]).toordinal()
        if lo > last:
            break
        if step == "year":
            out.append((lo, hi, "%04d" % y, "%04d" % y, "%04d" % y))
        elif step == "quarter":
            out.append((lo, hi, "%04d-Q%d" % (y, (m - 1) // 3 + 1), "%04d-%02d" % (y, m), "%04d-%02d" % (y2, m2)))
        else:
            out.append((lo, hi, "%04d-%02d" % (y, m), "%04d-%02d" % (y, m), "%04d-%02d" % (y, m)))
        y, m = y2 + m2 // 12, m2 % 12 + 1
    return out


def expected_slices(first, last, step, window):
    """[(label, from, to, first day, last day)]: windows of WINDOW consecutive steps moving one step."""
    steps = steps_between(first, last, step)
    n = max(1, len(steps) - window + 1)
    out = []
    for k in range(n):
        a, b = steps[k], steps[min(k + window - 1, len(steps) - 1)]
        if a is b:
            label = a[2]
        elif step == "year":
            label = "%s-%s" % (a[2], b[2])
        else:
            label = "%s..%s" % (a[2], b[2])
        out.append((label, a[3], b[4], a[0], b[1]))
    return out


# ---------------------------------------------------------------- measures, ranks, figures

def measure(G, name, normalized):
    n = G.number_of_nodes()
    if name == "betweenness":
        return nx.betweenness_centrality(G, normalized=normalized)
    if name == "closeness":
        return nx.closeness_centrality(G)  # directed: distances towards v (NetworkX reverses the graph)
    if name == "harmonic":
        # sum over u != v of 1/d(u, v), towards v
        H = G.reverse(copy=False) if G.is_directed() else G
        out = {}
        for v in G:
            dist = nx.single_source_shortest_path_length(H, v)
            out[v] = sum(1.0 / d for u, d in dist.items() if u != v)
        if normalized:
            out = {v: x / (n - 1) if n > 1 else 0.0 for v, x in out.items()}
        return out
    if name == "pagerank":
        return nx.pagerank(G, alpha=0.85, tol=1e-15, max_iter=100000) if n else {}
    if name == "degree":
        d = dict(G.degree())  # undirected: neighbours; directed: in + out arcs
    elif name == "indegree":
        d = dict(G.in_degree())
    elif name == "outdegree":
        d = dict(G.out_degree())
    else:
        fail("the reference does not compute the measure %r (use `versus`)" % name)
    d = {v: float(x) for v, x in d.items()}
    if normalized:
        d = {v: x / (n - 1) if n > 1 else 0.0 for v, x in d.items()}
    return d


def tied(a, b):
    """compare.h: |a - b| <= 1e-9 x max(|a|, |b|)."""
    return abs(a - b) <= 1e-9 * max(abs(a), abs(b))


def competition_ranks(values):
    """{node: rank}: highest first, values snapped to tie groups (ascending, each group anchored at its
    smallest value, compare.h) sharing the best rank; an undefined value gets rank 0."""
    defined = sorted((x, v) for v, x in values.items() if not isnan(x))
    snapped, anchor = {}, None
    for x, v in defined:
        if anchor is None or not tied(anchor, x):
            anchor = x
        snapped[v] = anchor
    out = {v: 0 for v in values}
    for v, x in snapped.items():
        out[v] = 1 + sum(1 for y in snapped.values() if y > x)
    return out


def centralization(values, name, directed, n):
    """Freeman: sum of (max - x) over the nodes / the sum on the graph of N nodes that maximises it (a star:
    undirected, degree (n-1)(n-2), betweenness (n-1)^2(n-2)/2, closeness (n-1)(n-2)/(2n-3); directed, the
    star with arcs both ways for degree (in + out: 2(n-1)(n-2)) and betweenness ((n-1)^2(n-2), ordered
    pairs), the in-star for closeness (centre 1, leaves 0: n-1)). NaN under 3 nodes."""
    if n < 3:
        return float("nan")
    top = max(values.values())
    total = sum(top - x for x in values.values())
    if name == "degree":
        tmax = (n - 1) * (n - 2) * (2 if directed else 1)
    elif name == "betweenness":
        tmax = (n - 1) ** 2 * (n - 2) / (1 if directed else 2)
    else:
        tmax = (n - 1) if directed else (n - 1) * (n - 2) / (2 * n - 3)
    return total / tmax


# ---------------------------------------------------------------- running spygraph

def run(binary, argv):
    p = subprocess.run([binary] + argv, cwd=ROOT, capture_output=True)
    if p.returncode != 0:
        fail("`spygraph %s` exited %d; stderr:\n%s" % (" ".join(argv), p.returncode, p.stderr.decode("utf-8", "replace")))
    try:
        return json.loads(p.stdout.decode("utf-8"))
    except ValueError as e:
        fail("`spygraph %s`: standard output is not JSON (%s): %r" % (" ".join(argv), e, p.stdout[:300]))


def timeline_json(binary, given, network, opts):
    argv = ["timeline", network] + list(opts) + ["-f", "json"]
    if given:
        try:
            return json.load(open(given, encoding="utf-8")), argv
        except ValueError as e:
            fail("%s (the output of `spygraph %s`) is not JSON: %s" % (given, " ".join(argv), e))
    return run(binary, argv), argv


# ---------------------------------------------------------------- options

TIMELINE_ONLY_WITH_VALUE = {"--step", "--from", "--to", "--window", "--top", "--samples", "--seed", "--interval",
                            "--jobs", "--plot", "--events", "-o", "--output"}
TIMELINE_ONLY_FLAGS = {"--plot-value"}
CENTRALITY_WITH_VALUE = {"--weights", "--damping", "--group-by"}
CENTRALITY_FLAGS = {"--normalized"}


class Options:
    def __init__(self, argv, modelled_only):
        self.argv = list(argv)
        self.measure, self.step, self.window, self.top = "betweenness", "year", 1, 10
        self.date_from = self.date_to = None
        self.direction = None  # None: the measure's own
        self.normalized = False
        self.reading, self.centrality = [], []  # options passed on to centrality and info (versus)
        it = iter(argv)
        for a in it:
            if a == "--measure":
                self.measure = next(it)
            elif a == "--step":
                self.step = next(it)
            elif a == "--window":
                self.window = int(next(it))
            elif a == "--top":
                self.top = int(next(it))
            elif a == "--from":
                self.date_from = next(it)
            elif a == "--to":
                self.date_to = next(it)
            elif a in ("--directed", "--undirected"):
                self.direction = a == "--directed"
                self.reading.append(a)
            elif a == "--normalized":
                self.normalized = True
                self.centrality.append(a)
            elif modelled_only:
                fail("timeline_check.py exact: option %r is not modelled by the reference" % a)
            elif a in TIMELINE_ONLY_WITH_VALUE:
                next(it)
            elif a in TIMELINE_ONLY_FLAGS:
                pass
            elif a in CENTRALITY_WITH_VALUE:
                self.centrality += [a, next(it)]
            elif a in CENTRALITY_FLAGS:
                self.centrality.append(a)
            elif a.startswith("--") and "=" in a:
                self.reading.append(a)
            elif a in ("--fold", "--relations", "--exclude-relations", "--kinds", "--hypothesis", "--max-input-size"):
                self.reading += [a, next(it)]
            else:
                fail("timeline_check.py versus: option %r is not known to the checker" % a)
        # the measure's direction (help centrality); the figures follow the reading's, undirected by default
        self.measure_directed = self.direction if self.direction is not None else self.measure in DIRECTED_BY_DEFAULT
        self.figures_directed = self.direction is True


# ---------------------------------------------------------------- exact

def check_slices(d, net, o, ctx):
    """The slices of D against the stepping rule; returns [(label, from, to, first, last)]."""
    rng = net.default_range()
    first = parse_date(o.date_from)[0] if o.date_from else (rng[0] if rng else None)
    last = parse_date(o.date_to)[1] if o.date_to else (rng[1] if rng else None)
    check(first is not None and last is not None, "%s: the reference finds no range (no span, no dated tie)" % ctx)
    want = expected_slices(first, last, o.step, o.window)
    got = [(s["label"], s["from"], s["to"]) for s in d["slices"]]
    if got != [w[:3] for w in want]:
        i = next((k for k in range(min(len(got), len(want))) if got[k] != want[k][:3]), min(len(got), len(want)))
        fail("%s: %d slices, expected %d by the stepping rule; first difference at slice %d: got %r, expected %r"
             % (ctx, len(got), len(want), i, got[i] if i < len(got) else None, want[i][:3] if i < len(want) else None))
    return want


def check_exact(binary, net, o, d, ctx):
    check(d["measure"] == o.measure, "%s: \"measure\" %r, expected %r" % (ctx, d["measure"], o.measure))
    check(d["step"] == o.step and d["window"] == o.window, "%s: step %r window %r, expected %r %r" % (ctx, d["step"], d["window"], o.step, o.window))
    check(d["directed"] == o.measure_directed, "%s: \"directed\" %r, expected %r" % (ctx, d["directed"], o.measure_directed))
    slices = check_slices(d, net, o, ctx)
    prev_active = None
    best = {}  # node -> [best rank over active slices with value > 0, active slices, first active slice]
    n_values = 0
    for k, (s, (label, _, _, a, b)) in enumerate(zip(d["slices"], slices)):
        sctx = "%s slice %s" % (ctx, label)
        present, ties = net.slice_reading(a, b)
        G = net.graph(present, ties, o.measure_directed)
        values = measure(G, o.measure, o.normalized)
        rank = competition_ranks(values)
        active = {v: False for v in present}
        for t in ties:
            active[t.source] = active[t.target] = True
        got = {}
        for x in s["nodes"]:
            check(x["id"] not in got, "%s: node %r listed twice" % (sctx, x["id"]))
            got[x["id"]] = x
        missing, extra = [v for v in present if v not in got], [v for v in got if v not in active]
        check(not missing and not extra, "%s: nodes present %s missing, %s listed but outside their lifetime or unknown"
              % (sctx, missing, extra))
        for v in present:
            x = got[v]
            check(close(x["value"], values[v]), "%s node %s: value %r, expected %r (NetworkX)" % (sctx, v, x["value"], values[v]))
            check(x["rank"] == rank[v], "%s node %s: rank %r, expected %r (value %r)" % (sctx, v, x["rank"], rank[v], values[v]))
            check(x["active"] == active[v], "%s node %s: active %r, expected %r" % (sctx, v, x["active"], active[v]))
            n_values += 1
        ranks_listed = [x["rank"] for x in s["nodes"]]
        check(ranks_listed == sorted(ranks_listed), "%s: nodes not listed by rank: %r" % (sctx, ranks_listed))
        # figures: of the reading's graph (undirected unless --directed)
        F = net.graph(present, ties, o.figures_directed)
        n = len(present)
        pairs = n * (n - 1) if o.figures_directed else n * (n - 1) / 2
        density = F.number_of_edges() / pairs if pairs else None
        comps = nx.number_weakly_connected_components(F) if o.figures_directed else nx.number_connected_components(F)
        f = s["figures"]
        for field, want in (("nodes", n), ("ties", len(ties)), ("components", comps)):
            check(f[field] == want, "%s: figures.%s %r, expected %r" % (sctx, field, f[field], want))
        if density is None:
            check(isnan(f["density"]) or f["density"] == 0, "%s: figures.density %r with %d node(s)" % (sctx, f["density"], n))
        else:
            check(close(f["density"], density), "%s: figures.density %r, expected %r" % (sctx, f["density"], density))
        of = o.measure if o.measure in CENTRALIZED else "degree"
        check(f["centralization_of"] == of, "%s: figures.centralization_of %r, expected %r" % (sctx, f["centralization_of"], of))
        # of the measure as computed, or of degree on the reading's graph (undirected by default: an
        # indegree timeline without --directed has the undirected degree's); raw values (the index does
        # not depend on the scale)
        cdir = o.measure_directed if of == o.measure else o.figures_directed
        cvals = values if of == o.measure and not o.normalized else measure(G if cdir == o.measure_directed else F, of, False)
        c = centralization(cvals, of, cdir, n) if n else float("nan")
        check(close(f["centralization"], c), "%s: figures.centralization %r, expected %r (%s, %s)"
              % (sctx, f["centralization"], c, of, "directed" if cdir else "undirected"))
        # entered / left: active here but not in the slice before / active before but not here
        now = {v for v in present if active[v]}
        if prev_active is None:
            entered, left = set(), set()
        else:
            entered, left = now - prev_active, prev_active - now
        check(set(s["entered"]) == entered, "%s: entered %s, expected %s" % (sctx, sorted(s["entered"]), sorted(entered)))
        check(set(s["left"]) == left, "%s: left %s, expected %s" % (sctx, sorted(s["left"]), sorted(left)))
        check(len(s["entered"]) == len(set(s["entered"])) and len(s["left"]) == len(set(s["left"])), "%s: entered/left repeat a node" % sctx)
        prev_active = now
        for v in now:
            r = best.setdefault(v, [math.inf, 0, k])
            r[1] += 1
            if values[v] > 0:
                r[0] = min(r[0], rank[v])
    # the rows: by best rank (active, value > 0), then slices active (more first), first active slice, order
    ranked = sorted((v for v in best if best[v][0] < math.inf),
                    key=lambda v: (best[v][0], -best[v][1], best[v][2], net.index[v]))
    shown = d["shown"]
    want_len = min(o.top, len(net.nodes))
    check(len(shown) == want_len, "%s: %d rows shown, expected min(top %d, nodes %d)" % (ctx, len(shown), o.top, len(net.nodes)))
    head = ranked[:want_len]
    check(shown[:len(head)] == head, "%s: shown %s, expected %s (best rank, slices active, first active slice, network order)"
          % (ctx, shown[:len(head)], head))
    rest = shown[len(head):]
    check(len(set(rest)) == len(rest) and not set(rest) & set(ranked) and set(rest) <= set(net.nodes),
          "%s: shown rows after the ranked nodes %s are not distinct never-ranked nodes" % (ctx, rest))
    return len(slices), n_values


def cmd_exact(argv):
    binary, given, argv = argv[0], None, argv[1:]
    if argv[0] == "--given":
        given, argv = argv[1], argv[2:]
    network, opts = argv[0], argv[1:]
    o = Options(opts, modelled_only=True)
    d, cmd = timeline_json(binary, given, network, opts)
    ctx = "[spygraph %s]" % " ".join(cmd)
    n_slices, n_values = check_exact(binary, Network(os.path.join(ROOT, network)), o, d, ctx)
    print("exact %s: %d slices, %d node values, ranks, active flags and figures as NetworkX gives them"
          % (" ".join([network] + opts), n_slices, n_values))


# ---------------------------------------------------------------- versus: centrality --between and info --between

# measures whose igraph routine starts ARPACK from a random vector: each is asked of centrality alone, as
# `centrality --between FROM..TO --measures M` (the issue's own words), never beside another measure
SPECTRAL = {"eigenvector", "hub", "authority"}


def run_many(binary, argvs):
    """Runs the commands ARGVS (lists of arguments) in parallel; returns their JSON outputs in order."""
    import concurrent.futures
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 1)) as pool:
        futures = [pool.submit(run, binary, a) for a in argvs]
        return [f.result() for f in futures]


def check_versus(binary, network, o, timelines, ctx, with_info=True):
    """TIMELINES: {measure: timeline JSON}, all run with the options O (but for --measure). Every slice of
    every timeline against `centrality --between FROM..TO` and (WITH_INFO) `info --between FROM..TO`."""
    measures = list(timelines)
    first = timelines[measures[0]]
    spans = [(s["label"], s["from"], s["to"]) for s in first["slices"]]
    for m in measures:
        got = [(s["label"], s["from"], s["to"]) for s in timelines[m]["slices"]]
        check(got == spans, "%s: the slices of --measure %s differ from those of --measure %s" % (ctx, m, measures[0]))
    plain = [m for m in measures if m not in SPECTRAL]
    if any(m not in CENTRALIZED for m in plain) and "degree" not in plain:
        plain.append("degree")  # for the centralization of a measure without one
    groups = ([plain] if plain else []) + [[m] + ([] if m in CENTRALIZED else ["degree"]) for m in measures if m in SPECTRAL]
    jobs, keys = [], []
    for label, f, t in spans:
        between = "%s..%s" % (f, t)
        for g in groups:
            keys.append(("centrality", label, tuple(g)))
            jobs.append(["centrality", network, "--between", between, "--measures", ",".join(g)] + o.reading + o.centrality + ["-f", "json"])
        if with_info:
            keys.append(("info", label, None))
            jobs.append(["info", network, "--between", between] + o.reading + ["-f", "json"])
    results = dict(zip(keys, zip(jobs, run_many(binary, jobs))))
    count = 0
    for m in measures:
        g = next(g for g in groups if m in g)
        of = m if m in CENTRALIZED else "degree"
        for s in timelines[m]["slices"]:
            sctx = "%s --measure %s, slice %s" % (ctx, m, s["label"])
            cargs, c = results[("centrality", s["label"], tuple(g))]
            cctx = "%s vs [spygraph %s]" % (sctx, " ".join(cargs))
            want = {x["id"]: x[m] for x in c["nodes"]}
            got = {x["id"]: x for x in s["nodes"]}
            check(set(got) == set(want), "%s: slice nodes %s missing, %s extra" % (cctx, sorted(set(want) - set(got)), sorted(set(got) - set(want))))
            rank = competition_ranks(want)
            for v in want:
                check(close(got[v]["value"], want[v]), "%s node %s: value %r, centrality gives %r" % (cctx, v, got[v]["value"], want[v]))
            for v in want:
                check(got[v]["rank"] == rank[v] or (rank[v] == 0 and got[v]["rank"] is None),
                      "%s node %s: rank %r, the competition rank of centrality's values is %r (node %s: timeline's value %r, "
                      "centrality's %r; the values ranked around it: %s)"
                      % (cctx, v, got[v]["rank"], rank[v], v, got[v]["value"], want[v],
                         ", ".join(["%s %r/%r" % (u, got[u]["value"], want[u]) for u in want
                                    if u != v and (rank[u] == rank[v] or got[u]["rank"] == got[v]["rank"])][:8]) or "none"))
                count += 1
            cz = c.get("centralization", {}).get(of)
            check(close(s["figures"]["centralization"], cz), "%s: centralization %r, centrality's %s centralization %r"
                  % (cctx, s["figures"]["centralization"], of, cz))
            if not with_info:
                continue
            iargs, i = results[("info", s["label"], None)]
            ictx = "%s vs [spygraph %s]" % (sctx, " ".join(iargs))
            for field in ("nodes", "ties", "components"):
                check(s["figures"][field] == i[field], "%s: figures.%s %r, info gives %r" % (ictx, field, s["figures"][field], i[field]))
            check(close(s["figures"]["density"], i["density"]), "%s: figures.density %r, info gives %r" % (ictx, s["figures"]["density"], i["density"]))
    return len(spans), count


def cmd_versus(argv):
    """versus SPYGRAPH [--given OUT] NETWORK [--measures M1,M2,...] [timeline options]"""
    binary, given, argv = argv[0], None, argv[1:]
    if argv[0] == "--given":
        given, argv = argv[1], argv[2:]
    network, opts = argv[0], argv[1:]
    measures, with_info = None, "--skip-info" not in opts
    opts = [a for a in opts if a != "--skip-info"]
    if "--measures" in opts:
        k = opts.index("--measures")
        measures, opts = opts[k + 1].split(","), opts[:k] + opts[k + 2:]
        check(given is None, "versus: --given reads one timeline, --measures asks for several")
    o = Options(opts, modelled_only=False)
    if measures is None:
        d, cmd = timeline_json(binary, given, network, opts)
        timelines = {o.measure: d}
    else:
        argvs = [["timeline", network, "--measure", m] + opts + ["-f", "json"] for m in measures]
        timelines = dict(zip(measures, run_many(binary, argvs)))
        cmd = ["timeline", network, "--measure", "{%s}" % ",".join(measures)] + opts + ["-f", "json"]
    n_slices, count = check_versus(binary, network, o, timelines, "[spygraph %s]" % " ".join(cmd), with_info)
    print("versus %s: %s, %d slices each, %d node values and ranks equal to centrality --between's%s"
          % (" ".join([network] + opts), ",".join(timelines), n_slices, count, ", figures to info --between's" if with_info else ""))


# ---------------------------------------------------------------- slices

# (options, expected (label, from, to) list written out by hand from the rule, or None to derive them)
SLICE_CASES = [
    # hand: yearly 1939..1941: three years
    (["--from", "1939", "--to", "1941"], [("1939", "1939", "1939"), ("1940", "1940", "1940"), ("1941", "1941", "1941")]),
    # hand: a day and a month select the years holding them
    (["--from", "1939-12-31", "--to", "1940-01"], [("1939", "1939", "1939"), ("1940", "1940", "1940")]),
    # hand: quarters from 1940-11-15 (Q4) to 1941-04 (Q2): Q4, Q1, Q2, each from its first to its last month
    (["--step", "quarter", "--from", "1940-11-15", "--to", "1941-04"],
     [("1940-Q4", "1940-10", "1940-12"), ("1941-Q1", "1941-01", "1941-03"), ("1941-Q2", "1941-04", "1941-06")]),
    # hand: months over a year's turn
    (["--step", "month", "--from", "1940-11", "--to", "1941-02-10"],
     [("1940-11", "1940-11", "1940-11"), ("1940-12", "1940-12", "1940-12"), ("1941-01", "1941-01", "1941-01"),
      ("1941-02", "1941-02", "1941-02")]),
    # hand: a year as --from/--to of monthly steps covers its twelve months (first day to last day)
    (["--step", "month", "--from", "1941", "--to", "1941"], [("1941-%02d" % m, "1941-%02d" % m, "1941-%02d" % m) for m in range(1, 13)]),
    # hand: --window 3 over 1935..1940: 6 steps, 4 windows moving a year
    (["--window", "3", "--from", "1935", "--to", "1940"],
     [("1935-1937", "1935", "1937"), ("1936-1938", "1936", "1938"), ("1937-1939", "1937", "1939"), ("1938-1940", "1938", "1940")]),
    # hand: a window as long as the range: one slice
    (["--window", "3", "--from", "1935", "--to", "1937"], [("1935-1937", "1935", "1937")]),
    # hand: a window longer than the range: one slice, the whole range
    (["--window", "5", "--from", "1935", "--to", "1936"], [("1935-1936", "1935", "1936")]),
    # hand: one year, a window of 4: one slice, the year itself
    (["--window", "4", "--from", "1941", "--to", "1941"], [("1941", "1941", "1941")]),
    # hand: quarterly windows of 2 over 1940-Q4..1941-Q2, across the year's turn
    (["--step", "quarter", "--window", "2", "--from", "1940-12", "--to", "1941-05"],
     [("1940-Q4..1941-Q1", "1940-10", "1941-03"), ("1941-Q1..1941-Q2", "1941-01", "1941-06")]),
    # hand: monthly windows of 3 from 1935-11 to 1936-03
    (["--step", "month", "--window", "3", "--from", "1935-11", "--to", "1936-03"],
     [("1935-11..1936-01", "1935-11", "1936-01"), ("1935-12..1936-02", "1935-12", "1936-02"), ("1936-01..1936-03", "1936-01", "1936-03")]),
    # hand: quarters of 1941 given as a year
    (["--step", "quarter", "--from", "1941", "--to", "1941"],
     [("1941-Q%d" % q, "1941-%02d" % (3 * q - 2), "1941-%02d" % (3 * q)) for q in range(1, 5)]),
    # derived: the default range (the span) in every step, with and without windows
    ([], None), (["--step", "quarter"], None), (["--step", "month"], None), (["--window", "4"], None),
    (["--step", "month", "--window", "12"], None), (["--step", "quarter", "--window", "7", "--to", "1930-02-28"], None),
    (["--from", "1944-02-29", "--step", "month"], None),
]


def cmd_slices(argv):
    binary, network = argv[0], argv[1]
    net = Network(os.path.join(ROOT, network))
    for opts, hand in SLICE_CASES:
        o = Options(opts, modelled_only=True)
        d = run(binary, ["timeline", network] + opts + ["-f", "json"])
        ctx = "[spygraph timeline %s %s -f json]" % (network, " ".join(opts))
        want = check_slices(d, net, o, ctx)
        if hand is not None:
            got = [(s["label"], s["from"], s["to"]) for s in d["slices"]]
            check(got == hand, "%s: slices %r, expected by hand %r" % (ctx, got, hand))
            check([w[:3] for w in want] == hand, "reference: the rule gives %r for %s, the hand list %r" % (want, opts, hand))
    print("slices: %d --step/--window/--from/--to combinations on %s as the stepping rule gives them" % (len(SLICE_CASES), network))


# ---------------------------------------------------------------- generated networks

def rand_date(rng, lo=1930, hi=1939):
    y = rng.randint(lo, hi)
    kind = rng.choice(["y", "m", "m", "d"])
    if kind == "y":
        return "%04d" % y, (y, 1, 1), (y, 12, 31)
    m = rng.randint(1, 12)
    if kind == "m":
        return "%04d-%02d" % (y, m), (y, m, 1), (y, m, calendar.monthrange(y, m)[1])
    dd = rng.randint(1, calendar.monthrange(y, m)[1])
    return "%04d-%02d-%02d" % (y, m, dd), (y, m, dd), (y, m, dd)


def rand_period(rng):
    """start, end: a span, an open start or end, or no dates at all; never an end before the start."""
    r = rng.random()
    if r < 0.12:
        return "", ""
    a, af, _ = rand_date(rng)
    b, bf, bl = rand_date(rng)
    if bl < af or (bf < af):
        a, b = b, a
    if parse_date(b)[1] < parse_date(a)[0]:
        b = a
    if r < 0.2:
        return a, ""
    if r < 0.27:
        return "", b
    return a, b


def write_list(path, header, rows, delim=","):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter=delim, lineterminator="\n")
        if header:
            w.writerow(header)
        for r in rows:
            w.writerow(r)
    return path


def generated_networks(rng, scratch):
    os.makedirs(scratch, exist_ok=True)
    nets = []
    # a path a-b-...-h, one tie a year from 1930, a two-year overlap every other tie; plus an undated tie h-i
    path = [("p%d" % i, "p%d" % (i + 1), str(1930 + i), str(1930 + i + (i % 2))) for i in range(7)] + [("p7", "p8", "", "")]
    nets.append(("path", write_list(os.path.join(scratch, "path.csv"), ["source", "target", "start", "end"], path)))
    # a star around hub whose leaves join at monthly dates in 1935-1936 (some days), one leaf for ever (open
    # end), one from the start (open start), two undated, and a separate pair x-y dated 1936-03
    star = [("hub", "s%d" % i, "1935-%02d" % (i + 1), "1936-%02d-15" % (12 - i)) for i in range(8)]
    star += [("hub", "s8", "1936-02", ""), ("s9", "hub", "", "1935-04-30"), ("hub", "s10", "", ""), ("s11", "hub", "", ""),
             ("x", "y", "1936-03", "1936-03")]
    nets.append(("star", write_list(os.path.join(scratch, "star.tsv"), ["source", "target", "start", "end"], star, delim="\t")))
    # random lists: three groups never joined (disconnected parts), parallel ties (maybe reversed), a
    # self-loop, a relation column mixing directed and undirected relations (and the bare `tie`)
    relations = ["tie", "tie", "met", "handled", "informed", "colleague", "member_of"]
    for name, n, m, groups, with_rel in (("random1", 18, 45, 3, True), ("random2", 30, 70, 2, True), ("random3", 12, 40, 1, False)):
        nodes = ["%s_%02d" % (name[-1], i) for i in range(n)]
        group = {v: i % groups for i, v in enumerate(nodes)}
        rows = []
        while len(rows) < m:
            s, t = rng.sample(nodes, 2)
            if group[s] != group[t]:
                continue
            a, b = rand_period(rng)
            rel = rng.choice(relations)
            rows.append([s, t, rel, a, b] if with_rel else [s, t, a, b])
            if rng.random() < 0.15:
                a2, b2 = rand_period(rng)
                x, y = (t, s) if rng.random() < 0.5 else (s, t)
                rows.append([x, y, rng.choice(relations), a2, b2] if with_rel else [x, y, a2, b2])
        v = rng.choice(nodes)
        rows.append([v, v, "met", "1933", "1934"] if with_rel else [v, v, "1933", "1934"])
        header = ["source", "target", "relation", "start", "end"] if with_rel else ["from", "to", "start", "end"]
        nets.append((name, write_list(os.path.join(scratch, name + ".csv"), header, rows)))
    # a curated folder without a span: lifetimes (open on either side, partial dates), mixed relations,
    # a node whose ties outlive it, an isolated node with a lifetime, undated ties
    folder = os.path.join(scratch, "curated")
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "network.json"), "w", encoding="utf-8") as f:
        json.dump({"format": "spygraph-network", "version": 1, "id": "curated", "title": "generated",
                   "nodes": "nodes.csv", "edges": "edges.csv"}, f)
    people = ["c%02d" % i for i in range(16)]
    life = {}
    for v in people:
        r = rng.random()
        a, b = rand_period(rng)
        life[v] = (a, b) if r < 0.6 else ("", "")
    life["c00"] = ("1931-06", "1934-02-14")
    life["c15"] = ("1936", "1937")
    write_list(os.path.join(folder, "nodes.csv"), ["id", "label", "kind", "start", "end"],
               [[v, "Person " + v, "person", life[v][0], life[v][1]] for v in people])
    rows = []
    cur_rel = ["met", "colleague", "handled", "informed", "tie", "reported_to"]
    while len(rows) < 40:
        s, t = rng.sample(people[:15], 2)
        a, b = rand_period(rng)
        rows.append([s, t, rng.choice(cur_rel), a, b, "generated"])
    rows.append(["c00", "c01", "met", "1930", "1938", "outlives c00's lifetime"])
    write_list(os.path.join(folder, "edges.csv"), ["source", "target", "relation", "start", "end", "note"], rows)
    nets.append(("curated", folder))
    return nets


def cmd_generated(argv):
    binary, scratch = argv[0], os.path.abspath(argv[1])
    rng = random.Random(20250101)
    nets = generated_networks(rng, scratch)
    option_sets = [
        [],
        ["--measure", "degree", "--step", "quarter"],
        ["--measure", "closeness", "--directed", "--window", "2"],
        ["--directed", "--step", "quarter", "--window", "3", "--from", "1933-05-02", "--to", "1936-11"],
        ["--measure", "harmonic", "--normalized", "--top", "30"],
        ["--measure", "betweenness", "--normalized", "--directed", "--top", "3"],
        ["--measure", "indegree", "--step", "month", "--from", "1935-10", "--to", "1936-04"],
        ["--measure", "pagerank", "--undirected", "--window", "3"],
    ]
    total = 0
    for name, path in nets:
        for opts in option_sets:
            o = Options(opts, modelled_only=True)
            d = run(binary, ["timeline", path] + opts + ["-f", "json"])
            ctx = "[%s: spygraph timeline %s %s -f json]" % (name, path, " ".join(opts))
            net = Network(path)
            n_slices, _ = check_exact(binary, net, o, d, ctx)
            total += n_slices
        # against centrality --between and info --between (a process each per slice: yearly, a few networks)
        versus = []
        if name in ("path", "star", "random1", "curated"):
            versus.append((["betweenness", "coreness", "constraint", "closeness", "pagerank"], []))
        if name in ("random2", "curated"):
            versus.append((["closeness", "pagerank", "outdegree", "harmonic"], ["--directed", "--window", "2"]))
        for measures, opts in versus:
            o = Options(opts, modelled_only=False)
            timelines = dict(zip(measures, run_many(binary, [["timeline", path, "--measure", m] + opts + ["-f", "json"] for m in measures])))
            check_versus(binary, path, o, timelines, "[%s: spygraph timeline %s --measure {%s} %s -f json]" % (name, path, ",".join(measures), " ".join(opts)))
    # a headerless list: no dates at all, so the range must be given; every slice holds every tie; u6 has
    # only a self-loop: no edge of the graph, but a tie of the reading, so it is active
    bare = write_list(os.path.join(scratch, "undated.csv"), None, [["u1", "u2"], ["u2", "u3"], ["u3", "u1"], ["u4", "u5"], ["u5", "u5"], ["u6", "u6"]])
    opts = ["--from", "1940", "--to", "1942", "--measure", "degree"]
    d = run(binary, ["timeline", bare] + opts + ["-f", "json"])
    check_exact(binary, Network(bare), Options(opts, True), d, "[undated: spygraph timeline %s %s -f json]" % (bare, " ".join(opts)))
    print("generated: %d networks (path, star, three random lists, a curated folder with lifetimes, an undated list), "
          "%d option sets each, %d slices checked against NetworkX; four of them against centrality --between in 5 measures, two in 4 directed ones"
          % (len(nets) + 1, len(option_sets), total))


def cmd_pairs(argv):
    binary, scratch = argv[0], os.path.abspath(argv[1])
    os.makedirs(scratch, exist_ok=True)
    path = write_list(os.path.join(scratch, "pairs.csv"), ["source", "target", "start", "end"],
                      [["a", "b", "", ""], ["c", "d", "1931", "1931"]])
    problems = []
    for measures, opts in ((["eigenvector"], ["--step", "quarter", "--from", "1931", "--to", "1931"]),
                           (["hub", "authority"], ["--directed", "--step", "quarter", "--from", "1931", "--to", "1931"])):
        o = Options(opts, modelled_only=False)
        timelines = {m: run(binary, ["timeline", path, "--measure", m] + opts + ["-f", "json"]) for m in measures}
        for m, d in timelines.items():
            seen = {}
            for s in d["slices"]:
                seen.setdefault(tuple(sorted((x["id"], x["value"]) for x in s["nodes"])), []).append(s["label"])
            if len(seen) > 1:
                problems.append("[spygraph timeline %s --measure %s %s -f json]: the four quarters of 1931 are the same reading "
                                "but get %d different %s vectors: %s"
                                % (path, m, " ".join(opts), len(seen), m,
                                   "; ".join("%s: %s" % ("+".join(v), ", ".join("%s %r" % x for x in k)) for k, v in seen.items())))
        try:
            check_versus(binary, path, o, timelines, "[pairs: spygraph timeline %s --measure {%s} %s -f json]" % (path, ",".join(measures), " ".join(opts)))
        except Failure as e:
            problems.append(str(e))
    check(not problems, "\n  ".join(problems))
    print("pairs: every quarter of 1931 gives centrality --between's eigenvector, hub and authority scores")


def main():
    if len(sys.argv) < 3:
        sys.stderr.write(__doc__)
        return 2
    cmd, argv = sys.argv[1], sys.argv[2:]
    argv[0] = os.path.abspath(argv[0])
    table = {"exact": cmd_exact, "versus": cmd_versus, "slices": cmd_slices, "generated": cmd_generated, "pairs": cmd_pairs}
    if cmd not in table:
        sys.stderr.write(__doc__)
        return 2
    try:
        table[cmd](argv)
    except Failure as e:
        sys.stderr.write("timeline_check.py %s: FAIL: %s\n" % (cmd, e))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
