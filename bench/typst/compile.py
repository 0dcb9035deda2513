#!/usr/bin/env python3
"""Compiles bench/typst/handout.typ with the `typst` Python package (pip install typst), for
machines without the typst CLI. Takes the same arguments that run.sh gives the CLI:

    python3 bench/typst/compile.py --root REPO --font-path FONTS \
        --input plan=/bench/workload/handout.yaml --input exercises=ID=/PATH,... IN.typ OUT.pdf
"""

import argparse

import typst


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input")
    parser.add_argument("output")
    parser.add_argument("--root", default=".")
    parser.add_argument("--font-path", action="append", default=[])
    parser.add_argument("--input", dest="inputs", action="append", default=[], metavar="KEY=VALUE")
    args = parser.parse_args()
    inputs = dict(item.split("=", 1) for item in args.inputs)
    typst.compile(args.input, output=args.output, root=args.root, font_paths=args.font_path,
                  ignore_system_fonts=True, sys_inputs=inputs)


if __name__ == "__main__":
    main()
