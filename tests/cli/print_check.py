#!/usr/bin/env python3
"""print_check.py: checks pictures made for print (render --width/--height/--scheme print) from the outside.

Every expected value comes from outside spygraph: page sizes from the units (1 in = 72 pt = 2.54 cm), type
sizes measured with poppler (pdftotext -bbox gives each word's box; its height is the font size times the
font's ascent minus descent, which the PDF's own FontDescriptor states per 1000 units of the em), greys by
the WCAG 2 relative-luminance formula and by the Rec. 601 luma that greyscale conversion uses (PIL's "L",
ImageMagick's Gray), groups from the network's CSV tables read with the csv module.

usage:
  print_check.py page PDF WIDTH_PT HEIGHT_PT        the page is WIDTH x HEIGHT points (either may be '-')
  print_check.py type PDF MIN_PT                    no word on the page is set smaller than MIN_PT
  print_check.py svgsize SVG WIDTH_PT               the SVG's width is WIDTH_PT points ("425pt")
  print_check.py png PNG WIDTH_PX [DPI]             the PNG is WIDTH_PX pixels wide (from its IHDR chunk) and
                                                    says DPI in its pHYs chunk
  print_check.py grey SVG NODES_CSV                 --scheme print: groups stay apart in greyscale (display
                                                    names from network.json beside NODES_CSV)
  print_check.py other-drawn SVG NODES_CSV          the legend's "other (...)" names only affiliations drawn
  print_check.py same-fills SVG SVG...              every node drawn in the later pictures has the fill it has
                                                    in the first (ids node-ID)
  print_check.py legend SVG WORD... -- WORD...      the legend holds every word before --, none after
"""
import csv
import json
import os
import re
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
import zlib

SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"


def fail(message):
    print("print_check: " + message)
    sys.exit(1)


def page(pdf, width, height):
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout
    m = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info)
    w, h = float(m.group(1)), float(m.group(2))
    for got, want, name in ((w, width, "width"), (h, height, "height")):
        if want != "-" and abs(got - float(want)) > 1.0:  # pdfinfo rounds to whole points
            fail("page %s %.2f pt, expected %s pt" % (name, got, want))


def em_height(pdf):
    """(Ascent - Descent) / 1000 of the fonts the PDF embeds (all of one family here)."""
    data = open(pdf, "rb").read()
    ascents = [int(x) for x in re.findall(rb"/Ascent\s+(-?\d+)", data)]
    descents = [int(x) for x in re.findall(rb"/Descent\s+(-?\d+)", data)]
    if not ascents or len(set(ascents)) != 1 or len(set(descents)) != 1:
        fail("cannot read one font's ascent and descent from %s: %s %s" % (pdf, ascents, descents))
    return (ascents[0] - descents[0]) / 1000.0


def type_sizes(pdf):
    out = subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True, text=True, check=True).stdout
    em = em_height(pdf)
    words = re.findall(r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>', out)
    return [((float(y1) - float(y0)) / em, text) for y0, y1, text in words]


def smallest_type(pdf, least):
    sizes = type_sizes(pdf)
    if not sizes:
        fail("no text in " + pdf)
    size, word = min(sizes)
    if size < float(least) - 0.05:
        fail("the word %r is set at %.2f pt, below %s pt" % (word, size, least))
    print("smallest type %.2f pt (%r), %d words" % (size, word, len(sizes)))


def svg_width(svg, want):
    root = ET.parse(svg).getroot()
    if root.get("width") != want:
        fail("svg width %s, expected %s" % (root.get("width"), want))


def png_width(png, want, dpi=None):
    data = open(png, "rb").read()
    width = struct.unpack(">I", data[16:20])[0]
    if width != int(want):
        fail("png width %d px, expected %s" % (width, want))
    if dpi is None:
        return
    # walk the chunks (each CRC checked with zlib) to the pHYs chunk: pixels per metre, unit 1 (metre)
    i, found = 8, None
    while i < len(data):
        n = struct.unpack(">I", data[i:i + 4])[0]
        kind, body = data[i + 4:i + 8], data[i + 8:i + 8 + n]
        if zlib.crc32(kind + body) & 0xffffffff != struct.unpack(">I", data[i + 8 + n:i + 12 + n])[0]:
            fail("bad CRC in chunk %r" % kind)
        if kind == b"pHYs":
            found = struct.unpack(">IIB", body)
        i += 12 + n
    want_ppm = round(float(dpi) / 0.0254)  # 1 in = 0.0254 m
    if found != (want_ppm, want_ppm, 1):
        fail("pHYs %s, expected %d pixels per metre both ways" % (found, want_ppm))


def rgb(colour):
    colour = colour.strip()
    named = {"white": "#ffffff", "black": "#000000", "none": None}
    colour = named.get(colour, colour)
    if colour is None or not re.fullmatch(r"#[0-9a-fA-F]{6}", colour):
        return None
    return tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))


def relative_luminance(c):
    def channel(v):
        v /= 255.0
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(v) for v in c)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def luma(c):
    return 0.299 * c[0] + 0.587 * c[1] + 0.114 * c[2]


def node_groups(svg):
    """Each node's SVG id -> (fill, outline), outline being its dash pattern and stroke width."""
    root = ET.parse(svg).getroot()
    looks = {}
    for g in root.iter(SVG + "g"):
        if g.get("class") != "node":
            continue
        shape = next((e for e in g.iter() if e.tag in (SVG + "ellipse", SVG + "polygon") and e.get("fill")), None)
        if shape is None:
            continue
        looks[g.get("id")] = (shape.get("fill"), (shape.get("stroke-dasharray") or "solid",
                                                 shape.get("stroke-width") or "1"))
    return looks


def grey(svg, nodes_csv):
    looks = node_groups(svg)
    affiliation = {}
    for row in csv.DictReader(open(nodes_csv, encoding="utf-8")):
        affiliation["node-" + row["id"]] = row["affiliation"]
    by_group = {}
    for node, look in looks.items():
        if node not in affiliation:
            continue
        c = rgb(look[0])
        if c is None or not (c[0] == c[1] == c[2]):
            fail("node %s is filled %s, not a grey: greyscale would change it" % (node, look[0]))
        by_group.setdefault(affiliation[node] or "(none)", set()).add((c, look[1]))
    # one look per affiliation (the legend's "other" group shares one look among the smallest)
    for group, found in by_group.items():
        if len(found) != 1:
            fail("affiliation %s drawn in %d looks: %s" % (group, len(found), found))
    owners = {}
    for group, found in by_group.items():
        owners.setdefault(next(iter(found)), []).append(group)
    other = other_group(svg, nodes_csv)
    for look, groups in owners.items():
        if len(groups) > 1 and not set(groups) <= other:
            fail("affiliations %s share one look %s in greyscale" % (groups, look))
    # the greys are far apart: every two levels differ by 0.15 in relative luminance and 25 in luma
    levels = sorted({look[0] for look in owners})
    for a, b in zip(levels, levels[1:]):
        if relative_luminance(b) - relative_luminance(a) < 0.15 or luma(b) - luma(a) < 25:
            fail("greys %s and %s are too close in greyscale" % (a, b))
    # black type reads on every grey (WCAG contrast 4.5:1 or more)
    for c in levels:
        if (relative_luminance(c) + 0.05) / 0.05 < 4.5:
            fail("black type on %s has contrast below 4.5:1" % (c,))
    print("%d affiliations in %d looks over %d greys" % (len(by_group), len(owners), len(levels)))


def other_group(svg, nodes_csv):
    """The affiliations (slugs) the legend's "other (...)" entry names, its display names mapped back through
    the manifest's affiliations list beside NODES_CSV."""
    legend = " ".join(t.text or "" for t in ET.parse(svg).getroot().iter(SVG + "text"))
    other = set()
    start = legend.find("other (")
    if start >= 0:  # the names inside the balanced parentheses (a name may hold its own)
        depth, i = 0, start + len("other ")
        for j in range(i, len(legend)):
            depth += {"(": 1, ")": -1}.get(legend[j], 0)
            if depth == 0:
                break
        other = set(x.strip() for x in legend[i + 1:j].split(", "))
    manifest = os.path.join(os.path.dirname(nodes_csv), "network.json")
    labels = {}
    if os.path.exists(manifest):
        for entry in json.load(open(manifest, encoding="utf-8")).get("affiliations", []):
            labels[entry["label"]] = entry["id"]
    return {labels.get(x, x) for x in other}


def other_drawn(svg, nodes_csv):
    """The legend's "other" entry names only affiliations some drawn node holds."""
    drawn = set(node_groups(svg))
    held = {row["affiliation"] for row in csv.DictReader(open(nodes_csv, encoding="utf-8"))
            if "node-" + row["id"] in drawn}
    named = other_group(svg, nodes_csv)
    if not named:
        fail("no 'other' entry in the legend")
    if not named <= held:
        fail("the legend's 'other' names %s, which no drawn node holds" % sorted(named - held))
    print("other names %s, all drawn" % sorted(named))


def same_fills(first, others):
    reference = node_groups(first)
    for svg in others:
        looks = node_groups(svg)
        shared = [n for n in looks if n in reference]
        if not shared:
            fail("no node of %s is in %s" % (svg, first))
        for node in shared:
            if looks[node][0] != reference[node][0]:
                fail("%s is filled %s in %s but %s in %s" % (node, looks[node][0], svg, reference[node][0], first))
        print("%s: %d nodes, fills as in %s" % (svg, len(shared), first))


def legend(svg, words):
    cut = words.index("--") if "--" in words else len(words)
    present, absent = words[:cut], words[cut + 1:]
    text = " ".join(t.text or "" for t in ET.parse(svg).getroot().iter(SVG + "text"))
    for w in present:
        if w not in text:
            fail("the legend lacks %r" % w)
    for w in absent:
        if w in text:
            fail("the legend shows %r, which the picture does not draw" % w)


def main(argv):
    what = argv[0]
    if what == "page":
        page(*argv[1:4])
    elif what == "type":
        smallest_type(*argv[1:3])
    elif what == "svgsize":
        svg_width(*argv[1:3])
    elif what == "png":
        png_width(*argv[1:4])
    elif what == "grey":
        grey(*argv[1:3])
    elif what == "other-drawn":
        other_drawn(*argv[1:3])
    elif what == "same-fills":
        same_fills(argv[1], argv[2:])
    elif what == "legend":
        legend(argv[1], argv[2:])
    else:
        fail("unknown check " + what)


if __name__ == "__main__":
    main(sys.argv[1:])
