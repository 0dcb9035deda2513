#!/usr/bin/env bash
# hep's speed benchmark against the alternatives, all in one session (see bench/README.md).
#
#   bench/run.sh                      # installs what is missing, builds, measures, prints a table
#   bench/run.sh --install-typst-cli  # also `cargo install typst-cli` if no typst CLI is found
#   RUNS=30 JOBS=2 bench/run.sh       # more hep runs; batch workers (default: all cores)
#   HEP_BEFORE=/path/to/old/hep bench/run.sh  # also times an older hep build on hep's rows
#
# Everything it writes goes to $BENCH_OUT (default target/bench): the 1,000 generated plans, the
# PDFs, hyperfine's JSON, and results.md (the table printed at the end).
set -euo pipefail

cd "$(dirname "$0")/.."
REPO=$PWD
OUT=${BENCH_OUT:-$REPO/target/bench}
RUNS=${RUNS:-20}          # timed runs of one hep handout (hyperfine)
SLOW_RUNS=${SLOW_RUNS:-10} # timed runs of Typst and WeasyPrint
BATCH_RUNS=${BATCH_RUNS:-3}
PNG_PLANS=${PNG_PLANS:-200} # plans in the PNG batch
JOBS=${JOBS:-}
HEP_BEFORE=${HEP_BEFORE:-}
INSTALL_TYPST_CLI=0
for arg in "$@"; do
  case $arg in
    --install-typst-cli) INSTALL_TYPST_CLI=1 ;;
    -h | --help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "unknown argument: $arg" >&2; exit 2 ;;
  esac
done

say() { printf '\n== %s\n' "$*" >&2; }

# ---- tools ------------------------------------------------------------------------------------
say "checking tools"
apt_missing=()
command -v hyperfine >/dev/null || apt_missing+=(hyperfine)
[ -x /usr/bin/time ] || apt_missing+=(time)
command -v pdfinfo >/dev/null || apt_missing+=(poppler-utils)
# WeasyPrint loads Pango, PangoFT2 and HarfBuzz's subsetter at run time.
for lib in libpango-1.0.so.0 libpangoft2-1.0.so.0 libharfbuzz-subset.so.0; do
  ldconfig -p | grep -q "$lib" || apt_missing+=("$(case $lib in
    libpango-1*) echo libpango-1.0-0 ;; libpangoft2*) echo libpangoft2-1.0-0 ;; *) echo libharfbuzz-subset0 ;;
  esac)")
done
if [ ${#apt_missing[@]} -gt 0 ]; then
  echo "installing from Debian: ${apt_missing[*]}" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${apt_missing[@]}" >/dev/null
fi
# Python tools go into a venv of the benchmark's own ($BENCH_VENV, default $OUT/venv), never into
# the system's site-packages. It sees packages already installed on the machine
# (--system-site-packages), so only what is missing is downloaded. PYTHON=... uses that
# interpreter as it is and installs nothing.
if [ -n "${PYTHON:-}" ]; then
  PY=$PYTHON
else
  VENV=${BENCH_VENV:-$OUT/venv}
  if [ ! -x "$VENV/bin/python" ]; then
    python3 -c "import ensurepip, venv" 2>/dev/null || {
      echo "installing from Debian: python3-venv" >&2
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
    }
    mkdir -p "$(dirname "$VENV")"
    python3 -m venv --system-site-packages "$VENV"
  fi
  PY=$VENV/bin/python
  pip_missing=()
  $PY -c 'import typst' 2>/dev/null || pip_missing+=(typst)
  $PY -c 'import weasyprint' 2>/dev/null || pip_missing+=(weasyprint)
  $PY -c 'import yaml' 2>/dev/null || pip_missing+=(pyyaml)
  $PY -c 'import PIL' 2>/dev/null || pip_missing+=(pillow)
  if [ ${#pip_missing[@]} -gt 0 ]; then
    echo "installing from PyPI into $VENV: ${pip_missing[*]}" >&2
    $PY -m pip install -q "${pip_missing[@]}"
  fi
fi
TYPST_CLI=${TYPST_CLI:-$(command -v typst || true)}
[ -z "$TYPST_CLI" ] && [ -x /opt/typst-cli/bin/typst ] && TYPST_CLI=/opt/typst-cli/bin/typst
[ -z "$TYPST_CLI" ] && [ -x "$HOME/.cargo/bin/typst" ] && TYPST_CLI=$HOME/.cargo/bin/typst
if [ -z "$TYPST_CLI" ] && [ $INSTALL_TYPST_CLI = 1 ]; then
  echo "installing the typst CLI from crates.io (a long build)" >&2
  cargo install typst-cli --locked --root /opt/typst-cli --target-dir "$OUT/typst-cli-build"
  TYPST_CLI=/opt/typst-cli/bin/typst
fi
[ -n "$TYPST_CLI" ] || echo "no typst CLI (use --install-typst-cli): Typst is timed through Python only" >&2

# ---- build and workload -----------------------------------------------------------------------
say "building hep (release)"
cargo build --release --quiet
HEP=$REPO/target/release/hep

rm -rf "$OUT/plans" "$OUT/batch" "$OUT/pdf" "$OUT/json"
mkdir -p "$OUT/pdf" "$OUT/json"
$PY bench/generate.py "$OUT/plans" >&2

W=bench/workload
LIB=$W/library
PLAN=$W/handout.yaml
# Typst cannot list folders: tell it where each exercise of the plan is (clinic library first).
exercises=$($PY - "$PLAN" "$LIB" library <<'EOF'
import re, sys
from pathlib import Path
ids = re.findall(r"^  - (?:id: )?([a-z0-9-]+)\s*$", Path(sys.argv[1]).read_text(), re.M)
pairs = []
for ident in ids:
    path = next(p for d in sys.argv[2:] for p in sorted(Path(d).rglob(ident + ".yaml")))
    pairs.append(f"{ident}=/{path}")
print(",".join(pairs))
EOF
)
TYPST_ARGS="--root $REPO --font-path $REPO/fonts --input plan=/$PLAN --input exercises=$exercises"

# Diagnostic: the same workload with its photos already upright and at print size (1,200 px on
# the long side), which hep then embeds as they are: the difference is hep's photo processing.
rm -rf "$OUT/presized" && mkdir -p "$OUT/presized/library"
cp $W/clinic.yaml $W/logo.svg $PLAN "$OUT/presized/" && cp $LIB/*.yaml "$OUT/presized/library/"
$PY - "$LIB" "$OUT/presized/library" <<'EOF'
import sys
from pathlib import Path
from PIL import Image, ImageOps
for path in sorted(Path(sys.argv[1]).glob("*.jpg")):
    image = ImageOps.exif_transpose(Image.open(path))
    image.thumbnail((1200, 1200), Image.LANCZOS)
    image.save(Path(sys.argv[2]) / path.name, quality=88)
EOF

# The PNG workload: the same kind of handout with seven 1000 x 750 PNG pictures and a PNG logo,
# written by a script (nothing big is committed), and $PNG_PLANS copies of its plan, for clients
# of different names, as a batch. It lives under $OUT, which must be inside the repository for
# Typst's --root.
PNGW=$OUT/png
rm -rf "$PNGW" "$OUT/png-batch" "$OUT/png-batch-typst"
$PY bench/workload/make-png-workload.py "$PNGW"
$PY - "$PNGW" "$PNG_PLANS" <<'EOF'
import sys
from pathlib import Path
out, count = Path(sys.argv[1]), int(sys.argv[2])
plan = (out / "handout.yaml").read_text().replace("clinic: clinic.yaml", "clinic: ../clinic.yaml")
(out / "plans").mkdir()
for n in range(count):
    client = f"Client {n + 1:03d} Whitfield"
    (out / "plans" / f"plan-{n + 1:03d}.yaml").write_text(plan.replace("Jordan Whitfield", client))
EOF
PNG_REL=${PNGW#"$REPO"/}
png_exercises=$($PY - "$PNGW/handout.yaml" "$PNG_REL/library" library <<'EOF'
import re, sys
from pathlib import Path
ids = re.findall(r"^  - (?:id: )?([a-z0-9-]+)\s*$", Path(sys.argv[1]).read_text(), re.M)
print(",".join(f"{i}=/{next(p for d in sys.argv[2:] for p in sorted(Path(d).rglob(i + '.yaml')))}" for i in ids))
EOF
)
TYPST_PNG_ARGS="--root $REPO --font-path $REPO/fonts --input exercises=$png_exercises --input clinic=/$PNG_REL/clinic.yaml"

# The commands timed, each a whole process.
HEP_ONE="$HEP render $PLAN -o $OUT/pdf/hep.pdf --library $LIB --force --quiet"
HEP_BATCH="$HEP render $OUT/plans --out-dir $OUT/batch --clinic $W/clinic.yaml --library $LIB --quiet${JOBS:+ --jobs $JOBS}"
TYPST_ONE=${TYPST_CLI:+$TYPST_CLI compile --ignore-system-fonts $TYPST_ARGS bench/typst/handout.typ $OUT/pdf/typst.pdf}
TYPST_PY="$PY bench/typst/compile.py $TYPST_ARGS bench/typst/handout.typ $OUT/pdf/typst-py.pdf"
HEP_PRESIZED="$HEP render $OUT/presized/handout.yaml -o $OUT/pdf/hep-presized.pdf --library $OUT/presized/library --force --quiet"
WEASY="$PY bench/weasyprint/render.py $PLAN $OUT/pdf/weasyprint.pdf --library $LIB"
HEP_PNG="$HEP render $PNGW/handout.yaml -o $OUT/pdf/hep-png.pdf --library $PNGW/library --force --quiet"
TYPST_PNG=${TYPST_CLI:+$TYPST_CLI compile --ignore-system-fonts $TYPST_PNG_ARGS --input plan=/$PNG_REL/handout.yaml bench/typst/handout.typ $OUT/pdf/typst-png.pdf}
HEP_PNG_BATCH="$HEP render $PNGW/plans --out-dir $OUT/png-batch --clinic $PNGW/clinic.yaml --library $PNGW/library --quiet${JOBS:+ --jobs $JOBS}"
TYPST_PY_PNG_BATCH="$PY bench/typst/compile_batch.py $TYPST_PNG_ARGS bench/typst/handout.typ $PNGW/plans $OUT/png-batch-typst"
# A handout of bundled line art only (SVG), the common case without clinic photos.
HEP_SVG="$HEP render examples/plans/jane-doe.yaml -o $OUT/pdf/hep-svg.pdf --force --quiet"

say "checking that every renderer works"
$HEP_ONE
[ -z "$TYPST_ONE" ] || $TYPST_ONE
$TYPST_PY
$WEASY
$HEP_PNG
[ -z "$TYPST_PNG" ] || $TYPST_PNG
$HEP_SVG

# ---- time -------------------------------------------------------------------------------------
{
  echo "date: $(date -Iseconds)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(nproc) cores"
  echo "memory: $(free -h | awk '/^Mem:/ {print $2 " total, " $7 " available"}')"
  echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "hep: $($HEP --version)"
  echo "typst cli: ${TYPST_CLI:+$($TYPST_CLI --version)}"
  echo "typst python: $($PY -c 'import typst; print(typst.__version__)')"
  echo "weasyprint: $($PY -c 'import weasyprint; print(weasyprint.__version__)')"
} > "$OUT/json/machine.txt"

# The older hep (HEP_BEFORE), if any, is timed right after each of hep's rows, so that both see
# the same load on a shared machine: the same command with the older binary, writing beside
# the new one's outputs.
before() { echo "${1//$HEP /$HEP_BEFORE }" | sed "s|$OUT/pdf/hep|$OUT/pdf/before-hep|; s|--out-dir $OUT/|--out-dir $OUT/before-|"; }
before_handout() { # name command
  [ -z "$HEP_BEFORE" ] || hyperfine -N --style basic --warmup 5 --runs "$RUNS" \
    --export-json "$OUT/json/$1.json" -n "$1" "$(before "$2")"
}
before_batch() { # name folder-to-empty command
  [ -z "$HEP_BEFORE" ] || hyperfine --style basic --warmup 1 --runs "$BATCH_RUNS" \
    --prepare "rm -rf $OUT/$2" --export-json "$OUT/json/$1.json" -n "$1" "$(before "$3")"
}

say "timing one handout (hyperfine)"
hyperfine -N --style basic --warmup 5 --runs "$RUNS" --export-json "$OUT/json/hep.json" -n hep "$HEP_ONE"
before_handout before-hep "$HEP_ONE"
if [ -n "$TYPST_ONE" ]; then
  hyperfine -N --style basic --warmup 2 --runs "$SLOW_RUNS" --export-json "$OUT/json/typst.json" -n typst-cli "$TYPST_ONE"
fi
hyperfine -N --style basic --warmup 2 --runs "$SLOW_RUNS" --export-json "$OUT/json/typst-py.json" -n typst-python "$TYPST_PY"
hyperfine -N --style basic --warmup 1 --runs "$SLOW_RUNS" --export-json "$OUT/json/weasyprint.json" -n weasyprint "$WEASY"
# hep once more, so that a burst of load during the first run shows as a difference.
hyperfine -N --style basic --warmup 5 --runs "$RUNS" --export-json "$OUT/json/hep-again.json" -n hep "$HEP_ONE"
hyperfine -N --style basic --warmup 5 --runs "$RUNS" --export-json "$OUT/json/hep-presized.json" -n hep-presized "$HEP_PRESIZED"

hyperfine -N --style basic --warmup 5 --runs "$RUNS" --export-json "$OUT/json/hep-svg.json" -n hep-svg "$HEP_SVG"
before_handout before-hep-svg "$HEP_SVG"

say "timing the PNG handout (hyperfine)"
hyperfine -N --style basic --warmup 5 --runs "$RUNS" --export-json "$OUT/json/hep-png.json" -n hep-png "$HEP_PNG"
if [ -n "$TYPST_PNG" ]; then
  hyperfine -N --style basic --warmup 2 --runs "$SLOW_RUNS" --export-json "$OUT/json/typst-png.json" -n typst-png "$TYPST_PNG"
fi
hyperfine -N --style basic --warmup 5 --runs "$RUNS" --export-json "$OUT/json/hep-png-again.json" -n hep-png "$HEP_PNG"
before_handout before-hep-png "$HEP_PNG"

say "timing the 1,000-plan batch (hyperfine; the output folder is emptied before each run)"
hyperfine --style basic --warmup 1 --runs "$BATCH_RUNS" --prepare "rm -rf $OUT/batch" \
  --export-json "$OUT/json/batch.json" -n batch "$HEP_BATCH"
before_batch before-batch before-batch "$HEP_BATCH"

say "timing the $PNG_PLANS-plan PNG batch: hep, and Typst's Python binding in one process"
hyperfine --style basic --warmup 1 --runs "$BATCH_RUNS" --prepare "rm -rf $OUT/png-batch" \
  --export-json "$OUT/json/png-batch.json" -n png-batch "$HEP_PNG_BATCH"
before_batch before-png-batch before-png-batch "$HEP_PNG_BATCH"
hyperfine --style basic --warmup 0 --runs "$BATCH_RUNS" --prepare "rm -rf $OUT/png-batch-typst" \
  --export-json "$OUT/json/typst-py-png-batch.json" -n typst-py-png-batch "$TYPST_PY_PNG_BATCH"

say "peak memory (/usr/bin/time -v, median of 3)"
peak() { # name command...   ($PREP, if set, runs before each of the three runs)
  local name=$1; shift
  for i in 1 2 3; do
    [ -z "${PREP:-}" ] || eval "$PREP"
    /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F': ' '/Maximum resident set size/ {print $2}'
  done | sort -n | sed -n 2p > "$OUT/json/$name.rss"
  echo "$name: $(cat "$OUT/json/$name.rss") KB" >&2
}
peak hep $HEP_ONE
peak hep-presized $HEP_PRESIZED
[ -z "$TYPST_ONE" ] || peak typst $TYPST_ONE
peak typst-py $TYPST_PY
peak weasyprint $WEASY
peak hep-png $HEP_PNG
[ -z "$TYPST_PNG" ] || peak typst-png $TYPST_PNG
PREP="rm -rf $OUT/batch" peak batch $HEP_BATCH  # each run writes all 1,000 PDFs
PREP="rm -rf $OUT/png-batch" peak png-batch $HEP_PNG_BATCH
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/json/machine.txt"

# ---- report -----------------------------------------------------------------------------------
say "results"
$PY bench/report.py "$OUT" | tee "$OUT/results.md"
