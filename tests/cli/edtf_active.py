#!/usr/bin/env python3
"""edtf_active.py: checks which ties of tests/data/good/edtf-dates a reading keeps, from centrality's CSV.

usage: edtf_active.py CSV LEAVES [ABSENT]
The star's leaves (named after the date form of their one tie to the hub) with degree 1 must be exactly
LEAVES (comma-separated), the hub's degree their number, and the nodes ABSENT (comma-separated) must not
be in the output at all (their lifetime misses the reading's dates). The expected sets are worked out by
hand in each case's check script.
"""
import csv
import sys

STAR = {"plain", "approx", "uncertain", "both", "decade", "season", "range", "before", "after", "month", "day"}

rows = {r["id"]: r for r in csv.DictReader(open(sys.argv[1], encoding="utf-8"))}
want = set(filter(None, sys.argv[2].split(",")))
absent = set(filter(None, sys.argv[3].split(","))) if len(sys.argv) > 3 else set()
assert want <= STAR, want - STAR
kept = {n for n in STAR if n in rows and float(rows[n]["degree"]) == 1}
assert kept == want, f"kept {sorted(kept)}, expected {sorted(want)}"
assert float(rows["hub"]["degree"]) == len(want), rows["hub"]
present = absent & set(rows)
assert not present, f"{sorted(present)} should be left out"
