#!/usr/bin/env python3
"""grid.py: writes an N x N grid as a bare CSV edge list (nodes nI_J), for the count and budget cases.

usage: grid.py N [--confidence C] [--dated]
--confidence C adds a confidence column (every tie C); --dated adds start/end columns, every tie dated
1930..1940 (overlapping, so every path is time-respecting)."""
import sys

n = int(sys.argv[1])
conf = sys.argv[sys.argv.index("--confidence") + 1] if "--confidence" in sys.argv else None
dated = "--dated" in sys.argv
cols = ["source", "target"] + (["confidence"] if conf else []) + (["start", "end"] if dated else [])
print(",".join(cols))
for i in range(n):
    for j in range(n):
        for a, b in ((i, j + 1), (i + 1, j)):
            if a < n and b < n:
                print(",".join([f"n{i}_{j}", f"n{a}_{b}"] + ([conf] if conf else []) + (["1930", "1940"] if dated else [])))
