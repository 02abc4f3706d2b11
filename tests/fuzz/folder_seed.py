#!/usr/bin/env python3
"""folder_seed.py: packs a network folder into fuzz_folder's input format, or unpacks such an input into a folder.

usage: tests/fuzz/folder_seed.py FOLDER [OUTPUT]       pack FOLDER (to OUTPUT, else standard output)
       tests/fuzz/folder_seed.py --unpack INPUT FOLDER  write the files of a packed INPUT into FOLDER
                                                        (to rerun a crash with `spygraph validate FOLDER`)

The format (the comment at the top of fuzz_folder.c is the reference): network.json first, with no header,
then each other file as a header line "---FILE NAME" followed by its bytes; a newline separates a file's
bytes from the next header. Packed: network.json and every file under the folder whose name ends in .csv,
.tsv, .txt or .json (README.md and the like are left out), sorted by name. A file whose own bytes hold a
line starting with "---FILE " cannot be packed and is an error.
"""
import os
import re
import sys

HEADER = b"---FILE "
PACKED = (".csv", ".tsv", ".txt", ".json")


def pack(folder):
    manifest = os.path.join(folder, "network.json")
    with open(manifest, "rb") as f:
        parts = [f.read()]
    names = []
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for name in files:
            rel = os.path.relpath(os.path.join(root, name), folder).replace(os.sep, "/")
            if rel != "network.json" and name.endswith(PACKED):
                names.append(rel)
    for rel in sorted(names):
        with open(os.path.join(folder, rel), "rb") as f:
            data = f.read()
        if data.startswith(HEADER) or b"\n" + HEADER in data:
            sys.exit(f"folder_seed.py: {folder}/{rel}: a line starts with '---FILE ', which the format cannot hold")
        parts.append(HEADER + rel.encode() + b"\n" + data)
    return b"\n".join(parts)


def unpack(data, folder):
    """Mirrors fuzz_folder.c's unpack and fuzz_name (same limits), so a crash input gives the same folder."""
    starts = [m.start() for m in re.finditer(rb"(?:^|(?<=\n))---FILE ", data)]
    files = []
    if not starts or starts[0] > 0:
        end = starts[0] if starts else len(data)
        files.append(("network.json", data[:end - 1] if end < len(data) and end > 0 else data[:end]))
    for i, s in enumerate(starts[:64]):
        eol = data.find(b"\n", s)
        name = data[s + len(HEADER):eol if eol >= 0 else len(data)]
        content_start = eol + 1 if eol >= 0 else len(data)
        end = starts[i + 1] if i + 1 < len(starts) else len(data)
        content = data[content_start:end]
        if i + 1 < len(starts) and content.endswith(b"\n"):
            content = content[:-1]
        parts = [p for p in name.split(b"/") if p not in (b"", b".", b"..")][:3]
        parts = [re.sub(rb"[^A-Za-z0-9._-]", b"_", p[:64]).decode() for p in parts]
        if parts:
            files.append(("/".join(parts), content))
    os.makedirs(folder, exist_ok=True)
    for rel, content in files:
        path = os.path.join(folder, rel)
        try:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as f:
                f.write(content)
        except OSError as e:
            print(f"folder_seed.py: skipped {rel}: {e.strerror}", file=sys.stderr)


def main(argv):
    if len(argv) == 4 and argv[1] == "--unpack":
        with open(argv[2], "rb") as f:
            unpack(f.read(), argv[3])
        return 0
    if len(argv) not in (2, 3) or argv[1].startswith("-"):
        print(__doc__.strip().split("\n\n")[0], file=sys.stderr)
        return 2
    data = pack(argv[1])
    if len(argv) == 3:
        with open(argv[2], "wb") as f:
            f.write(data)
    else:
        sys.stdout.buffer.write(data)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
