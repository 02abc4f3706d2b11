#!/usr/bin/python3
"""progress_check.py: checks from outside that progress goes to standard error only, when and as documented.

usage: progress_check.py SPYGRAPH TMP forced|quiet|terminal

forced runs the pipes checks too.

forced    --progress without a terminal: plain lines `spygraph: WHAT P% (DONE/TOTAL UNIT...)`, percentages that
          never go down and end at exactly 100% (TOTAL/TOTAL: every worker's steps counted), for block-by-block
          and Brandes (directed, igraph's handler) betweenness over two workers (graphs past the million
          vertex-edge steps of sg_parallel_parts), closeness and harmonic, robustness samples, comparisons and
          a report (one computation each, however many measures they hold); the data
          (standard output and -o) byte for byte as without --progress; an export and a layout (no fraction
          known): the time elapsed, then `ended after T s`.
quiet     no terminal and no option: nothing on standard error; --quiet on a terminal, with the delay set to 0:
          nothing either.
pipes     --progress with standard error a pipe that is full and never read, and a pipe whose reader has gone:
          the run neither waits nor dies (SIGPIPE); it ends with status 0 and the same data as without
          progress, the lines that could not be written skipped.
terminal  standard error on a pseudo-terminal (Python's pty): with SPYGRAPH_PROGRESS_DELAY=0 (test-only), lines
          drawn in place (carriage return, erase to the end of line) and erased at the end; with the default
          delay of a second, a run shorter than that prints nothing.

The graphs are uniform random G(n, m) made here with a fixed seed: small enough for the sanitizer build.
"""
import os
import pty
import random
import re
import subprocess
import sys

spygraph, tmp, what = sys.argv[1], sys.argv[2], sys.argv[3]
LINE = re.compile(r"^spygraph: (?P<what>[a-z -]+) (?P<pct>\d+)% \((?P<done>[\d,]+)/(?P<total>[\d,]+) (?P<unit>[a-z ]+)"
                  r"(, [\d,.]+/s)?(, (<1 s|[\d,]+ s|\d+ min \d\d s|\d+ h \d\d min) left)?(, [\d.]+ s)?\)$")


def generate(path, n, m, seed):
    rng = random.Random(seed)
    seen = set()
    with open(path, "w") as f:
        f.write("source,target\n")
        while len(seen) < m:
            a, b = rng.randrange(n), rng.randrange(n)
            if a != b and (min(a, b), max(a, b)) not in seen:
                seen.add((min(a, b), max(a, b)))
                f.write(f"n{a},n{b}\n")
    return path


def run(args, env=None):
    p = subprocess.run([spygraph] + args, stdin=subprocess.DEVNULL, capture_output=True, env=env, timeout=120)
    assert p.returncode == 0, (args, p.returncode, p.stderr.decode())
    return p.stdout, p.stderr.decode()


def progress_runs(stderr):
    """The computations reported in STDERR (plain lines): [(what, unit, [(pct, done, total)...])...]."""
    runs = []
    for line in stderr.splitlines():
        m = LINE.match(line)
        assert m, "not a progress line: %r" % line
        key = (m["what"], m["unit"])
        point = (int(m["pct"]), int(m["done"].replace(",", "")), int(m["total"].replace(",", "")))
        if not runs or runs[-1][:2] != key or point[1] < runs[-1][2][-1][1]:
            runs.append((key[0], key[1], []))
        runs[-1][2].append(point)
    return runs


def check_forced(graph, directed_graph):
    cases = [
        (["centrality", graph, "--measures", "betweenness", "--jobs", "2", "-f", "csv"], [("betweenness", "sources")]),
        (["centrality", directed_graph, "--directed", "--measures", "betweenness", "--jobs", "2", "-f", "csv"],
         [("betweenness", "sources")]),
        (["centrality", directed_graph, "--directed", "--measures", "betweenness", "--jobs", "1", "-f", "csv"],
         [("betweenness", "sources")]),
        (["centrality", graph, "--measures", "closeness,harmonic", "--jobs", "2", "-f", "json"],
         [("closeness", "nodes"), ("harmonic", "nodes")]),
        (["robustness", "networks/sorge", "--samples", "100", "--jobs", "2", "-f", "csv"], [("robustness", "samples")]),
        (["centrality", graph, "--measures", "betweenness", "--approx", "0.05", "--jobs", "2", "-f", "json"],
         [("approximate betweenness", "sampled paths")]),
        # work made of many computations is one computation: its readings' measures and samples count in it
        # (each reported on its own, a report printed 382 lines in 2 s, found by a hostile review)
        (["compare", "networks/sorge", "--scenarios", "-f", "json"], [("comparison", "readings")]),
        (["compare", "networks/sorge", "--samples", "20", "-f", "json"], [("comparison with samples", "readings")]),
    ]
    for args, expected in cases:
        plain, plain_err = run(args)
        assert plain_err == "", (args, plain_err)
        forced, forced_err = run(args + ["--progress"])
        assert forced == plain, ("the data differ with --progress", args)
        runs = progress_runs(forced_err)
        assert [(w, u) for w, u, _ in runs] == expected, (args, runs)
        for w, u, points in runs:
            pcts = [p for p, _, _ in points]
            assert pcts == sorted(pcts), (args, w, pcts)
            total = points[0][2]
            assert total > 0 and all(t == total for _, _, t in points), (args, w, points)
            assert points[-1][0] == 100 and points[-1][1] == total, ("does not end at 100%", args, w, points)
            assert all(p == d * 100 // total for p, d, _ in points), (args, w, points)
        if args[0] != "robustness":
            continue
        # -o: the file is the same as standard output was, and nothing else is on standard output
        out = os.path.join(tmp, "forced.out")
        nothing, err = run(args + ["--progress", "-o", out])
        assert nothing == b"" and open(out, "rb").read() == plain, args
        assert progress_runs(err), args
    # a report: one computation of its parts (drawing, comparisons, samples, timeline), the same page
    pages = [os.path.join(tmp, "report%d.html" % k) for k in (0, 1)]
    _, err = run(["report", "networks/sorge", "-o", pages[0]])
    assert err == "", err
    _, err = run(["report", "networks/sorge", "-o", pages[1], "--progress"])
    assert open(pages[0], "rb").read() == open(pages[1], "rb").read(), "the report differs with --progress"
    runs = progress_runs(err)
    assert [(w, u) for w, u, _ in runs] == [("report", "parts")], runs
    assert runs[0][2][-1][:2] == (100, 5), runs
    # work that tells no fraction done: the time elapsed, and a last line when it ends
    three = os.path.join(tmp, "three.csv")
    with open(three, "w") as f:
        f.write("source,target\nalpha,beta\nbeta,gamma\n")
    for args, what in ((["export", three, "-f", "graphml"], "exporting 3 nodes and 2 ties as graphml"),
                       (["render", three, "-f", "svg"], "(laying out|drawing) 3 nodes")):
        out = [os.path.join(tmp, "elapsed%d" % k) for k in (0, 1)]
        _, err = run(args + ["-o", out[0]])
        assert err == "", (args, err)
        _, err = run(args + ["-o", out[1], "--progress"])
        assert open(out[0], "rb").read() == open(out[1], "rb").read(), ("the data differ with --progress", args)
        lines = err.splitlines()
        assert lines and all(re.match(r"^spygraph: %s(, \d+ s|, ended after [\d.]+ s)$" % what, l) for l in lines), \
            (args, err)
        assert "ended after" in lines[-1] and "ended after" not in lines[0], (args, err)
    print("forced: ok")


def on_terminal(args, env):
    """Runs ARGS with standard error on a pseudo-terminal; returns (stdout bytes, terminal bytes)."""
    master, slave = pty.openpty()
    out_path = os.path.join(tmp, "terminal.out")  # a file, not a pipe nobody reads while the terminal is read
    with open(out_path, "wb") as out_file:
        p = subprocess.Popen([spygraph] + args, stdin=subprocess.DEVNULL, stdout=out_file, stderr=slave, env=env)
    os.close(slave)
    seen = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        seen += chunk
    p.wait(timeout=120)
    out = open(out_path, "rb").read()
    os.close(master)
    assert p.returncode == 0, (args, p.returncode, seen)
    return out, seen


def check_quiet(graph):
    args = ["centrality", graph, "--measures", "betweenness,closeness", "-f", "csv"]
    _, err = run(args, env=dict(os.environ, SPYGRAPH_PROGRESS_DELAY="0"))
    assert err == "", "progress without a terminal and without --progress: %r" % err[:200]
    _, seen = on_terminal(args + ["--quiet"], dict(os.environ, SPYGRAPH_PROGRESS_DELAY="0"))
    assert seen == b"", "--quiet on a terminal printed %r" % seen[:200]
    # --quiet silences progress only: a warning still shows (type too small for a 1 cm wide picture)
    three = os.path.join(tmp, "three.csv")
    with open(three, "w") as f:
        f.write("source,target\nalpha_long_name,beta_long_name\nbeta_long_name,gamma_long_name\n")
    _, warn = run(["render", three, "--width", "1cm", "-o", os.path.join(tmp, "three.svg"), "--quiet"])
    assert warn.startswith("spygraph: warning: at this size the smallest type is"), warn
    print("quiet: ok")


def check_terminal(graph):
    args = ["centrality", graph, "--measures", "betweenness", "-f", "csv"]
    plain, _ = run(args)
    out, seen = on_terminal(args, dict(os.environ, SPYGRAPH_PROGRESS_DELAY="0"))
    assert out == plain, "the data differ with progress on a terminal"
    text = seen.decode()
    assert text.startswith("\rspygraph: betweenness "), text[:200]
    assert text.endswith("\r\x1b[K"), "the line is not erased at the end: %r" % text[-100:]
    assert "\n" not in text.replace("\r\n", ""), "a line drawn in place must not scroll: %r" % text[:200]
    frames = [f for f in text.split("\r") if f]
    assert frames[-1] == "\x1b[K", frames[-3:]
    for f in frames[:-1]:
        assert f.endswith("\x1b[K") and LINE.match(f[:-3]), f
    # the default delay: a run far shorter than a second shows nothing
    env = dict(os.environ)
    env.pop("SPYGRAPH_PROGRESS_DELAY", None)
    _, seen = on_terminal(["centrality", "networks/sorge", "--measures", "betweenness,closeness"], env)
    assert seen == b"", "a short run showed progress: %r" % seen[:200]
    print("terminal: ok")


def check_pipes(graph):
    args = ["centrality", graph, "--measures", "betweenness,closeness", "--exact-method", "brandes", "-f", "csv"]
    plain, _ = run(args)
    # a pipe filled to the brim, nobody reading: a blocking write would hold the run for ever
    r, w = os.pipe()
    os.set_blocking(w, False)
    try:
        while True:
            os.write(w, b"x" * 4096)
    except BlockingIOError:
        pass
    os.set_blocking(w, True)
    out = os.path.join(tmp, "full-pipe.csv")
    p = subprocess.run([spygraph] + args + ["--progress", "-o", out], stdin=subprocess.DEVNULL, stderr=w, timeout=60)
    os.close(w)
    os.close(r)
    assert p.returncode == 0 and open(out, "rb").read() == plain, ("full standard error pipe", p.returncode)
    # a reader that reads a little and goes: the next line would raise SIGPIPE
    out = os.path.join(tmp, "gone-pipe.csv")
    r, w = os.pipe()
    proc = subprocess.Popen([spygraph] + args + ["--progress", "-o", out], stdin=subprocess.DEVNULL, stderr=w)
    os.close(w)
    os.read(r, 5)
    os.close(r)
    assert proc.wait(timeout=60) == 0 and open(out, "rb").read() == plain, ("standard error reader gone", proc.returncode)
    print("pipes: ok")


graph = generate(os.path.join(tmp, "uniform.csv"), 1000, 4000, 18)
if what == "forced":
    check_forced(graph, generate(os.path.join(tmp, "directed.csv"), 600, 3000, 19))
    check_pipes(graph)
elif what == "quiet":
    check_quiet(graph)
elif what == "terminal":
    check_terminal(graph)
else:
    sys.exit("progress_check.py: unknown check %r" % what)
