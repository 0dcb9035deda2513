#!/usr/bin/env python3
"""Prints run.sh's results as a Markdown table with ratios and the targets, from the folder
run.sh wrote (hyperfine JSON, peak RSS, PDFs). Python standard library only.

    python3 bench/report.py target/bench
"""

import json
import statistics
import subprocess
import sys
from pathlib import Path

OUT = Path(sys.argv[1] if len(sys.argv) > 1 else "target/bench")
J = OUT / "json"


def times(*names):
    """All timed runs of these hyperfine exports, in seconds; None when none was run."""
    runs = []
    for name in names:
        path = J / f"{name}.json"
        if path.exists():
            runs += json.loads(path.read_text())["results"][0]["times"]
    return runs or None


def cpu(*names):
    """Mean user + system CPU seconds per run, over these hyperfine exports."""
    values = []
    for name in names:
        path = J / f"{name}.json"
        if path.exists():
            result = json.loads(path.read_text())["results"][0]
            values.append(result["user"] + result["system"])
    return statistics.mean(values) if values else None


def rss(name):
    path = J / f"{name}.rss"
    return int(path.read_text()) * 1024 if path.exists() and path.read_text().strip() else None


def pdf(name):
    path = OUT / "pdf" / f"{name}.pdf"
    if not path.exists():
        return None, None
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    pages = next((line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")), "?")
    return path.stat().st_size, pages


def ms(seconds):
    return f"{seconds * 1000:,.1f} ms" if seconds < 10 else f"{seconds:,.2f} s"


def wall(runs):
    if not runs:
        return "not run"
    spread = statistics.stdev(runs) if len(runs) > 1 else 0.0
    return f"{ms(statistics.median(runs))} (min {ms(min(runs))}, sd {ms(spread)}, n={len(runs)})"


def mb(n):
    return "-" if n is None else f"{n / 1e6:,.1f} MB"


def kb(n):
    return "-" if n is None else f"{n / 1000:,.0f} KB"


rows = [
    ("hep, one handout", times("hep", "hep-again"), rss("hep"), *pdf("hep")),
    ("Typst CLI", times("typst"), rss("typst"), *pdf("typst")),
    ("Typst via Python (`typst.compile`)", times("typst-py"), rss("typst-py"), *pdf("typst-py")),
    ("WeasyPrint (HTML+CSS, Python)", times("weasyprint"), rss("weasyprint"), *pdf("weasyprint")),
]
cpus = [cpu("hep", "hep-again"), cpu("typst"), cpu("typst-py"), cpu("weasyprint")]
presized = ("hep, photos pre-sized (diagnostic)", times("hep-presized"), rss("hep-presized"),
            *pdf("hep-presized"))
batch = times("batch")
batch_dir = OUT / "batch"
batch_pdfs = list(batch_dir.rglob("*.pdf")) if batch_dir.exists() else []
batch_bytes = sum(p.stat().st_size for p in batch_pdfs)

print((J / "machine.txt").read_text().strip().replace("\n", "  \n"))
print()
def c(seconds):
    return "-" if seconds is None else ms(seconds)


print("| renderer | wall time, median | CPU (user+sys), mean | peak RSS | PDF size | pages |")
print("| --- | --- | --- | --- | --- | --- |")
for (name, runs, peak, size, pages), used in zip(rows, cpus):
    print(f"| {name} | {wall(runs)} | {c(used)} | {mb(peak)} | {kb(size)} | {pages or '-'} |")
if presized[1]:
    name, runs, peak, size, pages = presized
    print(f"| {name} | {wall(runs)} | {c(cpu('hep-presized'))} | {mb(peak)} | {kb(size)} | {pages or '-'} |")
print(f"| hep, 1,000-plan batch | {wall(batch)} | {c(cpu('batch'))} | {mb(rss('batch'))} | "
      f"{len(batch_pdfs)} PDFs, {batch_bytes / 1e6:,.0f} MB | - |")
if batch:
    print(f"\nBatch: {statistics.median(batch) * 1000 / 1000:.2f} ms per plan "
          f"({1000 / statistics.median(batch):,.0f} plans a second).")

hep = statistics.median(rows[0][1])
print("\n| ratio | median wall time | mean CPU time |")
print("| --- | --- | --- |")
for (name, runs, *_), used in zip(rows[1:], cpus[1:]):
    if runs:
        print(f"| {name} / hep | {statistics.median(runs) / hep:,.2f}x | {used / cpus[0]:,.2f}x |")
hep_size = rows[0][3]
for name, _, _, size, _ in rows[1:]:
    if size:
        print(f"| hep PDF size / {name} PDF size | {hep_size / size:.2f} | |")

typst = rows[1][1] or rows[2][1]
typst_label = "Typst CLI" if rows[1][1] else "Typst (Python; no CLI was found)"
typst_size = rows[1][3] or rows[2][3]
weasy = rows[3][1]
checks = [
    ("one handout < 20 ms wall", hep < 0.020, ms(hep)),
    ("1,000-plan batch < 5 s", batch and statistics.median(batch) < 5, batch and ms(statistics.median(batch))),
    ("batch peak memory < 100 MB", (rss("batch") or 1e12) < 100e6, mb(rss("batch"))),
    (f">= 10x faster than {typst_label}", typst and statistics.median(typst) / hep >= 10,
     typst and f"{statistics.median(typst) / hep:.1f}x"),
    (">= 50x faster than WeasyPrint", weasy and statistics.median(weasy) / hep >= 50,
     weasy and f"{statistics.median(weasy) / hep:.1f}x"),
    (f"hep PDF no larger than {typst_label}'s", typst_size and hep_size <= typst_size,
     typst_size and f"{kb(hep_size)} vs {kb(typst_size)}"),
]
print("\n| target | measured | |")
print("| --- | --- | --- |")
for name, ok, value in checks:
    print(f"| {name} | {value} | {'pass' if ok else 'MISSED'} |")

# ---- issue 17: PNG pictures, the bundled line art, and the older build ---------------------------
png_pdfs = {name: pdf(name) for name in ("hep-png", "typst-png", "hep-svg", "before-hep-png")}
png_batch_dir = OUT / "png-batch"
png_plans = len(list(png_batch_dir.rglob("*.pdf"))) if png_batch_dir.exists() else 0
extra = [
    ("hep, PNG handout", times("hep-png", "hep-png-again"), cpu("hep-png", "hep-png-again"),
     rss("hep-png"), *png_pdfs["hep-png"]),
    ("Typst CLI, PNG handout", times("typst-png"), cpu("typst-png"), rss("typst-png"),
     *png_pdfs["typst-png"]),
    ("hep, bundled SVG handout (examples/plans/jane-doe.yaml)", times("hep-svg"), cpu("hep-svg"),
     None, *png_pdfs["hep-svg"]),
    (f"hep, {png_plans}-plan PNG batch", times("png-batch"), cpu("png-batch"), rss("png-batch"),
     None, None),
    (f"Typst via Python, {png_plans}-plan PNG batch in one process", times("typst-py-png-batch"),
     cpu("typst-py-png-batch"), None, None, None),
    ("older hep, one handout", times("before-hep"), cpu("before-hep"), None, *pdf("before-hep")),
    ("older hep, PNG handout", times("before-hep-png"), cpu("before-hep-png"), None,
     *png_pdfs["before-hep-png"]),
    ("older hep, bundled SVG handout", times("before-hep-svg"), cpu("before-hep-svg"), None,
     *pdf("before-hep-svg")),
    ("older hep, 1,000-plan batch", times("before-batch"), cpu("before-batch"), None, None, None),
    (f"older hep, {png_plans}-plan PNG batch", times("before-png-batch"), cpu("before-png-batch"),
     None, None, None),
]
print("\n| PNG, SVG and older build | wall time, median | CPU (user+sys), mean | peak RSS | PDF size | pages |")
print("| --- | --- | --- | --- | --- | --- |")
for name, runs, used, peak, size, pages in extra:
    if runs:
        print(f"| {name} | {wall(runs)} | {c(used)} | {mb(peak)} | {kb(size)} | {pages or '-'} |")


def median(name_runs):
    return statistics.median(name_runs) if name_runs else None


def ratio(slow, fast):
    return slow / fast if slow and fast else None


hep_png, typst_png = median(extra[0][1]), median(extra[1][1])
hep_svg, typst_one = median(extra[2][1]), median(rows[1][1])
png_batch, typst_png_batch = median(extra[3][1]), median(extra[4][1])
print("\n| ratio (same session) | median wall time |")
print("| --- | --- |")
for label, value in [
    ("Typst CLI / hep, PNG handout", ratio(typst_png, hep_png)),
    ("Typst CLI (photo handout) / hep, bundled SVG handout", ratio(typst_one, hep_svg)),
    ("Typst via Python / hep, PNG batch, per handout", ratio(typst_png_batch, png_batch)),
    ("older hep / hep, one handout", ratio(median(extra[5][1]), hep)),
    ("older hep / hep, PNG handout", ratio(median(extra[6][1]), hep_png)),
    ("older hep / hep, bundled SVG handout", ratio(median(extra[7][1]), hep_svg)),
    ("older hep / hep, 1,000-plan batch", ratio(median(extra[8][1]), batch and median(batch))),
    ("older hep / hep, PNG batch", ratio(median(extra[9][1]), png_batch)),
]:
    if value:
        print(f"| {label} | {value:,.2f}x |")

png_checks = [
    ("PNG handout >= 5x faster than the Typst CLI", ratio(typst_png, hep_png)),
    ("bundled SVG handout >= 10x faster than the Typst CLI's handout", ratio(typst_one, hep_svg)),
    ("PNG batch >= 4x faster per handout than Typst via Python", ratio(typst_png_batch, png_batch)),
]
print("\n| target (issue 17) | measured | |")
print("| --- | --- | --- |")
for (name, value), goal in zip(png_checks, (5, 10, 4)):
    print(f"| {name} | {'-' if value is None else f'{value:.1f}x'} | "
          f"{'pass' if value and value >= goal else 'MISSED'} |")
size, typst_size_png = png_pdfs["hep-png"][0], png_pdfs["typst-png"][0]
if size and typst_size_png:
    print(f"| hep's PNG PDF no larger than Typst's | {kb(size)} vs {kb(typst_size_png)} | "
          f"{'pass' if size <= typst_size_png else 'MISSED'} |")
