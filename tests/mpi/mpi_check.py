#!/usr/bin/python3
"""mpi_check.py: spygraph under `mpirun --oversubscribe -np 3` (a build with -Dmpi=enabled) against the same
build run on one machine and against python-igraph and NetworkX (independent implementations).

usage: mpi_check.py SPYGRAPH [SOURCE_ROOT]

What it asserts, on graphs made here with fixed seeds (uniform random, heavy-tailed, grid, disconnected)
and on networks/sorge:
  * centrality --measures betweenness (and closeness, harmonic, --approx) under mpirun -np 3 is byte-identical to
    the serial run with --jobs 3 (the same partition count), and without --jobs to the serial run with
    --jobs 3 x max(1, cores // 3) (the default: ranks x cores per rank);
  * the betweenness within 1e-9 relative of python-igraph's exact betweenness, the closeness of
    NetworkX's closeness_centrality;
  * robustness --samples 200 (and --by-source, --decisive), timeline (slices, and sampled slices)
    byte-identical to the serial --jobs 3 run;
  * --mpi-read root (the default) works where the other ranks cannot see the input (they run in another
    folder), standard input included; --mpi-read all fails there, exit 1 on every rank with rank 0
    naming the rank, and works with shared storage;
  * -o FILE is written once (by rank 0), identical to the serial output, with no temporary file left;
  * a missing file and a bad CSV give the serial run's message and exit 1, a usage error exit 2, a rank
    killed mid-run ends the run with no output file, and no run hangs (each under `timeout`).
Exits 0 when every check passes, 1 otherwise (each failure printed).
"""
import csv
import io
import math
import os
import re
import random
import shutil
import subprocess
import sys
import tempfile

import igraph
import networkx as nx

RANKS = 3
TIMEOUT = 120
failures = []


def fail(what):
    failures.append(what)
    print("FAIL:", what, flush=True)


def run(cmd, stdin=None, cwd=None):
    """Runs CMD under `timeout`; returns (status, stdout bytes, stderr text). A hang is a failure."""
    try:
        p = subprocess.run(["timeout", str(TIMEOUT)] + cmd, input=stdin, capture_output=True, cwd=cwd)
    except OSError as e:
        fail(f"cannot run {cmd[0]}: {e}")
        return 127, b"", ""
    if p.returncode == 124:
        fail(f"timed out (a hang?): {' '.join(cmd)}")
    return p.returncode, p.stdout, p.stderr.decode(errors="replace")


def mpirun(args, ranks=RANKS, launch=(), **kw):
    return run(["mpirun", "--oversubscribe"] + list(launch) + ["-np", str(ranks)] + args, **kw)


def write_edges(path, edges):
    with open(path, "w") as f:
        f.write("source,target\n")
        for a, b in edges:
            f.write(f"v{a},v{b}\n")


def uniform(n, m, seed):
    r = random.Random(seed)
    seen = set()
    while len(seen) < m:
        a, b = r.randrange(n), r.randrange(n)
        if a != b and (b, a) not in seen:
            seen.add((a, b))
    return sorted(seen)


def graphs(scratch):
    """The generated edge lists: name -> path."""
    out = {}
    out["uniform"] = uniform(1500, 6000, 11)
    ba = nx.barabasi_albert_graph(1500, 3, seed=12)  # heavy-tailed degrees
    out["heavy"] = sorted(ba.edges())
    grid = nx.grid_2d_graph(35, 35)
    index = {v: i for i, v in enumerate(sorted(grid.nodes()))}
    out["grid"] = sorted((index[a], index[b]) for a, b in grid.edges())
    # four components of different sizes, numbered apart
    parts = []
    for k, (n, m) in enumerate([(700, 2500), (300, 900), (60, 100), (2, 1)]):
        parts += [(a + 1000 * k, b + 1000 * k) for a, b in uniform(n, m, 20 + k)]
    out["disconnected"] = parts
    paths = {}
    for name, edges in out.items():
        paths[name] = os.path.join(scratch, name + ".csv")
        write_edges(paths[name], edges)
    return paths


def read_csv(data):
    rows = list(csv.DictReader(io.StringIO(data.decode())))
    return rows


def close(a, b, what):
    if not math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12):
        fail(f"{what}: {a!r}, expected {b!r}")
        return False
    return True


def edge_rows(path):
    with open(path) as f:
        return [(r["source"], r["target"]) for r in csv.DictReader(f)]


def reference_betweenness(path):
    g = igraph.Graph.TupleList(edge_rows(path), directed=False)
    return dict(zip(g.vs["name"], g.betweenness(directed=False)))


def reference_closeness(path):
    return nx.closeness_centrality(nx.Graph(edge_rows(path)))


def same_as_serial(spygraph, args, label, serial_jobs=RANKS, mpi_args=None, launch=()):
    """Serial `--jobs SERIAL_JOBS` and mpirun (LAUNCH its options; MPI_ARGS spygraph's, default `--jobs 3`)
    outputs; returns the mpi one."""
    s_status, s_out, s_err = run([spygraph] + args + ["--jobs", str(serial_jobs)])
    extra = ["--jobs", str(RANKS)] if mpi_args is None else mpi_args
    m_status, m_out, m_err = mpirun([spygraph] + args + extra, launch=launch)
    if s_status != 0 or m_status != 0:
        fail(f"{label}: exit {s_status} serial, {m_status} mpi: {s_err.strip()} {m_err.strip()}")
    elif s_out != m_out:
        fail(f"{label}: mpirun -np {RANKS} output differs from the serial --jobs {serial_jobs} output")
    elif not m_out:
        fail(f"{label}: no output")
    else:
        print(f"ok: {label}: byte-identical to the serial --jobs {serial_jobs} run ({len(m_out)} bytes)")
    return m_out


def main():
    spygraph = os.path.abspath(sys.argv[1])
    root = sys.argv[2] if len(sys.argv) > 2 else "."
    os.chdir(root)
    os.environ.setdefault("OMPI_ALLOW_RUN_AS_ROOT", "1")
    os.environ.setdefault("OMPI_ALLOW_RUN_AS_ROOT_CONFIRM", "1")
    os.environ.setdefault("OMPI_MCA_rmaps_base_oversubscribe", "1")
    scratch = tempfile.mkdtemp(prefix="spygraph-mpi-")
    try:
        check(spygraph, scratch)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    if failures:
        print(f"{len(failures)} failed")
        return 1
    print("all passed")
    return 0


def check(spygraph, scratch):
    paths = graphs(scratch)
    # betweenness: identical to the serial run with the same partition count, and to python-igraph
    for name, path in paths.items():
        out = same_as_serial(spygraph, ["centrality", path, "--measures", "betweenness", "--format", "csv"],
                             f"betweenness {name}")
        ref = reference_betweenness(path)
        got = {r["id"]: float(r["betweenness"]) for r in read_csv(out)} if out else {}
        if set(got) != set(ref):
            fail(f"betweenness {name}: {len(got)} nodes, python-igraph has {len(ref)}")
        elif all([close(got[v], ref[v], f"betweenness {name} {v}") for v in ref]):
            print(f"ok: betweenness {name}: within 1e-9 of python-igraph on {len(ref)} nodes")
    # Brandes over the whole graph too (not block by block)
    same_as_serial(spygraph, ["centrality", paths["uniform"], "--measures", "betweenness", "--exact-method",
                              "brandes", "--format", "csv"], "betweenness uniform --exact-method brandes")
    # parts not a multiple of the ranks: 5 over 3 ranks (1, 2, 2), and 2 over 3 (rank 0 computes none)
    for parts in (5, 2):
        same_as_serial(spygraph, ["centrality", paths["uniform"], "--measures", "betweenness", "--format", "csv"],
                       f"betweenness uniform, --jobs {parts} over {RANKS} ranks", serial_jobs=parts,
                       mpi_args=["--jobs", str(parts)])
    # the default partition: ranks x max(1, cores // ranks on the node) (unbound: mpirun binds a rank to a
    # core or a socket, and then the rank's processors are the limit)
    cores = os.cpu_count() or 1
    default_parts = RANKS * max(1, cores // RANKS)
    same_as_serial(spygraph, ["centrality", paths["heavy"], "--measures", "betweenness", "--format", "csv"],
                   "betweenness heavy, no --jobs", serial_jobs=default_parts, mpi_args=[], launch=["--bind-to", "none"])
    # approximate betweenness: its sampled paths are parts of a sum too
    same_as_serial(spygraph, ["centrality", paths["uniform"], "--measures", "betweenness", "--approx", "0.03",
                              "--format", "csv"], "approximate betweenness uniform --approx 0.03")
    # --progress: rank 0 counts its own share, then the whole once the ranks' results are in; the data are
    # the serial run's and the last line says 100% (not "stopped after", which is for work that failed)
    for args, what in ((["centrality", paths["uniform"], "--measures", "betweenness", "--format", "csv"], "betweenness"),
                       (["robustness", "networks/sorge", "--samples", "300", "--format", "csv"], "robustness")):
        _, s_out, _ = run([spygraph] + args + ["--jobs", str(RANKS)])
        status, m_out, m_err = mpirun([spygraph] + args + ["--jobs", str(RANKS), "--progress"])
        lines = [l for l in m_err.splitlines() if l.startswith("spygraph: " + what)]
        if status != 0 or m_out != s_out:
            fail(f"--progress {what}: exit {status}, or the data differ from the serial run")
        elif not lines or not re.search(r" 100% \(([\d,]+)/\1 ", lines[-1]) or "stopped" in lines[-1]:
            fail(f"--progress {what}: the last line does not say 100%: {lines[-1:] or m_err}")
        else:
            print(f"ok: --progress {what} under mpirun ends at 100% with the serial run's data")
    # closeness and harmonic
    for name in ("uniform", "disconnected"):
        out = same_as_serial(spygraph, ["centrality", paths[name], "--measures", "closeness,harmonic", "--format",
                                        "csv"], f"closeness, harmonic {name}")
        ref = reference_closeness(paths[name])
        got = {r["id"]: float(r["closeness"]) for r in read_csv(out)} if out else {}
        if set(got) != set(ref):
            fail(f"closeness {name}: {len(got)} nodes, NetworkX has {len(ref)}")
        elif all([close(got[v], ref[v], f"closeness {name} {v}") for v in ref]):
            print(f"ok: closeness {name}: within 1e-9 of NetworkX on {len(ref)} nodes")
    # the curated folder, and robustness (samples, sources, decisive ties are rows spread over the ranks)
    same_as_serial(spygraph, ["centrality", "networks/sorge", "--format", "csv"], "centrality networks/sorge")
    same_as_serial(spygraph, ["robustness", "networks/sorge", "--samples", "200", "--format", "csv"],
                   "robustness networks/sorge --samples 200")
    same_as_serial(spygraph, ["robustness", "networks/sorge", "--samples", "100", "--by-source", "--decisive",
                              "--format", "json"], "robustness networks/sorge --by-source --decisive (JSON)")
    small = os.path.join(scratch, "small.csv")
    write_edges(small, uniform(300, 900, 30))
    same_as_serial(spygraph, ["robustness", small, "--samples", "200", "--format", "csv"],
                   "robustness uniform 300 --samples 200")
    same_as_serial(spygraph, ["centrality", paths["grid"], "--measures", "betweenness", "--format", "csv",
                              "--mpi-read", "all"], "betweenness grid --mpi-read all")
    # timeline: slices in workers (a dated graph with enough work), and sampled slices (robustness rows)
    dated = os.path.join(scratch, "dated.csv")
    r = random.Random(3)
    with open(dated, "w") as f:
        f.write("source,target,start,end\n")
        for a, b in uniform(800, 3000, 40):
            y = r.randrange(1930, 1942)
            f.write(f"v{a},v{b},{y},{min(1941, y + r.randrange(5))}\n")
    same_as_serial(spygraph, ["timeline", dated, "--format", "csv"], "timeline of a dated graph (slices spread)")
    same_as_serial(spygraph, ["timeline", "networks/sorge", "--samples", "200", "--format", "csv"],
                   "timeline networks/sorge --samples 200")

    # --mpi-read: ranks other than 0 run in a folder where the relative path names nothing
    private = os.path.join(scratch, "private")
    for r in range(RANKS):
        os.makedirs(os.path.join(private, f"r{r}"))
    shutil.copytree("networks/sorge", os.path.join(private, "r0", "sorge"))
    shutil.copy(paths["uniform"], os.path.join(private, "r0", "uniform.csv"))
    hop = f'cd {private}/r$OMPI_COMM_WORLD_RANK && exec "$0" "$@"'
    for net, args in (("sorge", ["--format", "csv"]), ("uniform.csv", ["--measures", "betweenness", "--format",
                                                                       "csv", "--jobs", "3"])):
        _, serial, _ = run([spygraph, "centrality", net] + args, cwd=os.path.join(private, "r0"))
        status, out, err = mpirun(["bash", "-c", hop, spygraph, "centrality", net] + args)
        if status != 0 or out != serial or not serial:
            fail(f"--mpi-read root, {net} on rank 0 only: exit {status}, {'same' if out == serial else 'other'} "
                 f"output: {err.strip()}")
        else:
            print(f"ok: --mpi-read root: {net} seen by rank 0 alone, output identical to the serial run")
        status, out, err = mpirun(["bash", "-c", hop, spygraph, "centrality", net, "--mpi-read", "all"] + args)
        if status != 1 or out or "on MPI rank 1" not in err:
            fail(f"--mpi-read all, {net} on rank 0 only: exit {status} (expected 1), stderr {err.strip()!r}")
        else:
            print(f"ok: --mpi-read all: {net} missing on rank 1 is an error on every rank")
    # --mpi-read all with another copy on the other ranks (a stale file): fewer ties (the sums would not match
    # in size: a hang), or as many nodes and ties under other names (wrong figures): an error on every rank
    rows = open(paths["uniform"]).read().splitlines()
    copies = {"fewer ties": rows[: len(rows) // 2], "other names": [rows[0]] + [l.replace("v", "w", 1) if k < 50
                                                                                else l for k, l in enumerate(rows[1:])]}
    for what, lines in copies.items():
        for r in range(1, RANKS):
            with open(os.path.join(private, f"r{r}", "uniform.csv"), "w") as f:
                f.write("\n".join(lines) + "\n")
        status, out, err = mpirun(["bash", "-c", hop, spygraph, "centrality", "uniform.csv", "--mpi-read", "all",
                                   "--measures", "betweenness", "--format", "csv", "--jobs", "3"])
        if status != 1 or out or "differs on MPI rank 1 from what rank 0 read" not in err:
            fail(f"--mpi-read all, a copy with {what} on ranks 1-2: exit {status} (expected 1), stderr {err.strip()!r}")
        else:
            print(f"ok: --mpi-read all: a copy with {what} on the other ranks is an error on every rank")
    with open(paths["uniform"], "rb") as f:
        data = f.read()
    _, serial, _ = run([spygraph, "centrality", "-", "--measures", "betweenness", "--format", "csv", "--jobs", "3"],
                       stdin=data)
    status, out, err = mpirun([spygraph, "centrality", "-", "--measures", "betweenness", "--format", "csv", "--jobs",
                               "3"], stdin=data)
    if status != 0 or out != serial or not serial:
        fail(f"standard input: exit {status}: {err.strip()}")
    else:
        print("ok: standard input read by rank 0 and sent to the others, output identical")

    # -o: one file, written by rank 0, nothing else left in the folder
    outdir = os.path.join(scratch, "outdir")
    os.makedirs(outdir)
    status, _, err = mpirun([spygraph, "centrality", paths["grid"], "--format", "csv", "--jobs", "3", "-o",
                             os.path.join(outdir, "grid.csv")])
    _, serial, _ = run([spygraph, "centrality", paths["grid"], "--format", "csv", "--jobs", "3"])
    names = sorted(os.listdir(outdir))
    written = open(os.path.join(outdir, "grid.csv"), "rb").read() if names == ["grid.csv"] else None
    if status != 0 or written != serial:
        fail(f"-o: exit {status}, folder holds {names}: {err.strip()}")
    else:
        print("ok: -o FILE written once, identical to the serial output, nothing else left")

    # a rank killed mid-run (rank 1 limited to a second of CPU time): the run ends, unsuccessfully, with no
    # output file and nothing left beside it
    big = os.path.join(scratch, "big.csv")
    write_edges(big, uniform(10000, 50000, 50))
    killed = os.path.join(scratch, "killed")
    os.makedirs(killed)
    status, out, err = mpirun(["bash", "-c", 'if [ "$OMPI_COMM_WORLD_RANK" = 1 ]; then ulimit -t 1; fi; exec "$0" "$@"',
                               spygraph, "centrality", big, "--measures", "betweenness", "--jobs", "3", "-o",
                               os.path.join(killed, "bc.csv")])
    if status in (0, 124) or os.listdir(killed):
        fail(f"rank 1 killed mid-run: exit {status}, folder holds {os.listdir(killed)}")
    else:
        print(f"ok: rank 1 killed mid-run: the run ends (exit {status}) and writes nothing")

    # errors: the serial run's message, the same exit status, no hang
    bad = os.path.join(scratch, "bad.csv")
    with open(bad, "w") as f:
        f.write('source,target\na,b\nb,"c\n')
    empty = os.path.join(scratch, "empty-folder")
    os.makedirs(empty)
    for label, args, want in (("missing file", [os.path.join(scratch, "missing.csv")], 1),
                              ("empty folder (no network.json)", [empty], 1),
                              ("bad CSV", [bad], 1),
                              ("usage error", ["networks/sorge", "--no-such-option"], 2),
                              ("bad --mpi-read", ["networks/sorge", "--mpi-read", "some"], 2),
                              ("-o in a missing folder", ["networks/sorge", "-o",
                                                          os.path.join(scratch, "nofolder", "x.csv")], 1)):
        s_status, s_out, s_err = run([spygraph, "centrality"] + args)
        status, out, err = mpirun([spygraph, "centrality"] + args)
        first = s_err.splitlines()[0] if s_err else ""
        if s_status != want or status != want or out or not first or first not in err.splitlines():
            fail(f"{label}: exit {status} under mpirun, {s_status} serial (expected {want}); serial message "
                 f"{first!r}, mpirun stderr {err.strip()!r}")
        else:
            print(f"ok: {label}: exit {want} on every rank, rank 0 prints {first!r}")
        if err.count(first) != 1:
            fail(f"{label}: the message is printed {err.count(first)} times (rank 0 alone speaks)")


if __name__ == "__main__":
    sys.exit(main())
