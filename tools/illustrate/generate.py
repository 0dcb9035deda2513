#!/usr/bin/env python3
"""Regenerate the exercise illustrations of library/<region>/<id>-{start,end}.svg.

    python3 tools/illustrate/generate.py            # write every file
    python3 tools/illustrate/generate.py clamshell  # only the named ids
    python3 tools/illustrate/generate.py --out /tmp/x   # write elsewhere
    python3 tools/illustrate/generate.py --list     # list the exercises
    python3 tools/illustrate/generate.py --preview sheet.png [ids]
        # also rasterise and build a contact sheet (needs rsvg-convert and
        # ImageMagick's montage; only for looking, not needed to generate)

Output is deterministic: same code, same bytes.
"""

import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True   # keep the source folder clean

import figure  # noqa: E402
import poses  # noqa: E402
from scene import place  # noqa: E402

LIBRARY = os.path.normpath(os.path.join(HERE, "..", "..", "library"))


def build(ex):
    del figure.WARNINGS[:]
    start = ex["fn"](False)
    end = ex["fn"](True)
    for w in figure.WARNINGS:
        print("  warning: %s: %s" % (ex["id"], w))
    start.title = ex["titles"][0]
    end.title = ex["titles"][1]
    xf = place([start, end], scale=ex["scale"], anchor=ex["anchor"], dx=ex["dx"], dy=ex["dy"],
               name=ex["id"], focus=ex.get("focus"), check=ex.get("check", True),
               top=ex.get("top", 0.0))
    return start.svg(xf), end.svg(xf)


def main(argv):
    out = LIBRARY
    preview = None
    ids = []
    it = iter(argv)
    for a in it:
        if a == "--out":
            out = next(it)
        elif a == "--preview":
            preview = next(it)
        elif a == "--list":
            for ex in poses.REGISTRY:
                print("%-18s %s" % (ex["region"], ex["id"]))
            return 0
        else:
            ids.append(a)
    known = {ex["id"] for ex in poses.REGISTRY}
    for i in ids:
        if i not in known:
            print("unknown exercise id: %s" % i, file=sys.stderr)
            return 2
    written = []
    for ex in poses.REGISTRY:
        if ids and ex["id"] not in ids:
            continue
        folder = os.path.join(out, ex["region"])
        os.makedirs(folder, exist_ok=True)
        svgs = build(ex)
        for tag, svg in zip(("start", "end"), svgs):
            path = os.path.join(folder, "%s-%s.svg" % (ex["id"], tag))
            with open(path, "w", encoding="utf-8", newline="\n") as f:
                f.write(svg)
            written.append(path)
    print("wrote %d files" % len(written))
    if preview:
        make_preview(written, preview)
    return 0


def make_preview(files, target):
    """Contact sheet at about print size: each picture 200 px wide (2 inches
    at 100 dpi), two exercises (start | end, start | end) per row."""
    if not shutil.which("rsvg-convert") or not shutil.which("montage"):
        print("preview needs rsvg-convert and montage", file=sys.stderr)
        return
    tmp = tempfile.mkdtemp()
    pngs = []
    for f in files:
        png = os.path.join(tmp, os.path.basename(f)[:-4] + ".png")
        subprocess.run(["rsvg-convert", "-b", "white", "-w", "200", f, "-o", png], check=True)
        pngs.append(png)
    args = ["montage"]
    for p in pngs:
        args += ["-label", os.path.basename(p)[:-4], p]
    args += ["-tile", "4x", "-geometry", "+6+6", "-pointsize", "11", "-font", "DejaVu-Sans",
             target]
    subprocess.run(args, check=True)
    print("preview: %s" % target)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
