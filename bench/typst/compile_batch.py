#!/usr/bin/env python3
"""Compiles bench/typst/handout.typ once for every plan in a folder, in one process, with one
`typst.Compiler` (fonts loaded once, Typst's caches kept between plans): the fairest batch
Typst offers. The same arguments as compile.py, but PLANS (a folder of plan YAML files under
--root) and OUT (a folder for the PDFs) instead of one plan and one output:

    python3 bench/typst/compile_batch.py --root REPO --font-path FONTS \
        --input exercises=ID=/PATH,... IN.typ PLANS OUT
"""

import argparse
from pathlib import Path

import typst


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input")
    parser.add_argument("plans")
    parser.add_argument("output")
    parser.add_argument("--root", default=".")
    parser.add_argument("--font-path", action="append", default=[])
    parser.add_argument("--input", dest="inputs", action="append", default=[], metavar="KEY=VALUE")
    args = parser.parse_args()
    inputs = dict(item.split("=", 1) for item in args.inputs)
    root = Path(args.root).resolve()
    out = Path(args.output)
    out.mkdir(parents=True, exist_ok=True)
    compiler = typst.Compiler(args.input, root=args.root, font_paths=args.font_path,
                              ignore_system_fonts=True, sys_inputs=inputs)
    for plan in sorted(Path(args.plans).glob("*.yaml")):
        plan_input = "/" + str(plan.resolve().relative_to(root))
        compiler.compile(output=str(out / (plan.stem + ".pdf")),
                         sys_inputs={**inputs, "plan": plan_input})


if __name__ == "__main__":
    main()
