#!/usr/bin/env bash
# Regenerates the README's pictures in docs/ from the examples: pages at 70 dpi, two side by
# side. Needs pdftoppm (poppler-utils) and ImageMagick's convert. Run from anywhere:
#     tools/docs-previews.sh
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"
cargo build --release --quiet
hep="$repo/target/release/hep"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# page PDF N NAME: page N of PDF as $work/NAME.png
page() {
    pdftoppm -png -r 70 -f "$2" -l "$2" -singlefile "$1" "$work/$3"
}
# pair LEFT RIGHT OUT: two pages side by side with a grey gutter
pair() {
    convert "$work/$1.png" "$work/$2.png" -background '#d0d0d0' -splice 4x0 +append \
        -chop 4x0 +repage "docs/$3"
}

"$hep" render examples/plans/jane-doe.yaml -o "$work/jane-doe.pdf" --force
page "$work/jane-doe.pdf" 1 jd1 && page "$work/jane-doe.pdf" 2 jd2 && pair jd1 jd2 jane-doe.png

"$hep" render examples/plans/jean-tremblay-fr.yaml -o "$work/fr.pdf" --force
page "$work/fr.pdf" 1 fr1 && page "$work/fr.pdf" 2 fr2 && pair fr1 fr2 french.png

"$hep" render examples/plans/with-log.yaml -o "$work/log.pdf" --force
"$hep" render examples/plans/bilingual.yaml -o "$work/bilingual.pdf" --force
log_page="$(pdfinfo "$work/log.pdf" | awk '/^Pages:/ {print $2}')"
page "$work/log.pdf" "$log_page" log && page "$work/bilingual.pdf" 2 bi2
pair log bi2 log-and-bilingual.png

"$hep" catalog -o "$work/catalog.pdf"
page "$work/catalog.pdf" 1 cat1 && page "$work/catalog.pdf" 2 cat2 && pair cat1 cat2 catalog.png
echo "docs/: $(ls docs | tr '\n' ' ')"
