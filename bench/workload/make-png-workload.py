#!/usr/bin/env python3
"""Writes the PNG benchmark workload into OUT (run.sh calls it; nothing here is committed).

    make-png-workload.py OUT

Many clinic libraries are PNG: exports from drawing tools, screenshots, scans. This workload is
the same kind of handout as handout.yaml but with PNG pictures only: six bundled exercises
(clamshell with both its pictures, glute-bridge, cat-cow, chin-tuck, bird-dog and calf-raise
with their first), overridden by copies in OUT/library whose illustrations are 1000 x 750 PNGs,
seven in all, and a clinic whose logo is a 900 x 300 PNG with a transparent background.

The pictures look like drawing-tool exports: flat fills, soft anti-aliased outlines and a
background gradient, so that they compress like real ones rather than like empty canvases
(about 100 KB each). Everything is drawn from a fixed seed with
Pillow: the same bytes on every run with the same Pillow.
"""

import random
import sys
from pathlib import Path

import yaml
from PIL import Image, ImageDraw, ImageFilter

REPO = Path(__file__).resolve().parents[2]
# Exercise id -> how many of its illustrations to keep (7 pictures in all).
EXERCISES = {
    "clamshell": 2,
    "glute-bridge": 1,
    "cat-cow": 1,
    "chin-tuck": 1,
    "bird-dog": 1,
    "calf-raise": 1,
}
SIZE = (1000, 750)


def picture(seed: int) -> Image.Image:
    rng = random.Random(seed)
    width, height = SIZE
    base = Image.new("RGB", SIZE)
    top = (rng.randrange(200, 256), rng.randrange(200, 256), rng.randrange(200, 256))
    bottom = tuple(max(0, c - rng.randrange(30, 70)) for c in top)
    gradient = ImageDraw.Draw(base)
    for y in range(height):
        t = y / (height - 1)
        gradient.line(
            [(0, y), (width, y)],
            fill=tuple(round(a + (b - a) * t) for a, b in zip(top, bottom)),
        )
    draw = ImageDraw.Draw(base, "RGBA")
    # A floor, a mat, and a figure of limbs and joints, as a drawing tool would export them.
    draw.rectangle([0, height * 0.78, width, height], fill=(140, 120, 100, 255))
    draw.rounded_rectangle(
        [width * 0.1, height * 0.72, width * 0.9, height * 0.8], radius=18, fill=(70, 130, 150, 255)
    )
    colour = (rng.randrange(40, 120), rng.randrange(40, 120), rng.randrange(120, 200), 255)
    joints = [(rng.uniform(0.2, 0.8) * width, rng.uniform(0.25, 0.7) * height) for _ in range(7)]
    for a, b in zip(joints, joints[1:]):
        draw.line([a, b], fill=colour, width=34, joint="curve")
    for x, y in joints:
        draw.ellipse([x - 22, y - 22, x + 22, y + 22], fill=(235, 190, 160, 255), outline=colour, width=6)
    hx, hy = joints[0]
    draw.ellipse([hx - 55, hy - 110, hx + 55, hy], fill=(235, 190, 160, 255), outline=colour, width=8)
    for _ in range(6):  # arrows and labels' boxes
        x, y = rng.uniform(0.05, 0.85) * width, rng.uniform(0.05, 0.6) * height
        draw.rounded_rectangle([x, y, x + 120, y + 44], radius=10, fill=(255, 255, 255, 200), outline=(30, 30, 30, 255), width=3)
    return base.filter(ImageFilter.GaussianBlur(0.8))


def logo() -> Image.Image:
    image = Image.new("RGBA", (900, 300), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse([20, 20, 280, 280], fill=(31, 111, 120, 255))
    draw.ellipse([80, 80, 220, 220], fill=(233, 162, 59, 255))
    for i in range(5):
        draw.rounded_rectangle([320, 50 + i * 45, 860 - i * 60, 80 + i * 45], radius=12, fill=(31, 111, 120, 255 - i * 30))
    return image.filter(ImageFilter.GaussianBlur(0.6))


def main() -> None:
    out = Path(sys.argv[1])
    library = out / "library"
    library.mkdir(parents=True, exist_ok=True)
    seed = 1
    for ident, keep in EXERCISES.items():
        source = next((REPO / "library").rglob(ident + ".yaml"))
        exercise = yaml.safe_load(source.read_text())
        exercise["illustrations"] = exercise["illustrations"][:keep]
        for illustration in exercise["illustrations"]:
            name = Path(illustration["file"]).with_suffix(".png").name
            picture(seed).save(library / name, optimize=False)
            illustration["file"] = name
            seed += 1
        (library / source.name).write_text(
            yaml.safe_dump(exercise, allow_unicode=True, sort_keys=False)
        )
    logo().save(out / "logo.png")
    clinic = (REPO / "bench/workload/clinic.yaml").read_text().replace("logo.svg", "logo.png")
    (out / "clinic.yaml").write_text(clinic)
    (out / "handout.yaml").write_text((REPO / "bench/workload/handout-png.yaml").read_text())


if __name__ == "__main__":
    main()
