#!/usr/bin/env bash
# Regenerates the three benchmark "photos" in library/ (already committed; run only to change them).
# Photo-like content: a seeded fractal plasma, softened, saved as a 2400x1800 JPEG (~300 KB),
# as a phone would hand them over. band-walk.jpg carries an EXIF orientation tag (6: rotate
# 90 degrees clockwise to view, so it is placed as a 1800x2400 portrait), which puts hep's
# turn-upright path in the workload too.
# Needs ImageMagick 6 (`apt-get install imagemagick`) and exiftool (`apt-get install exiftool`).
set -euo pipefail
cd "$(dirname "$0")/library"
photo() { # seed colours file
  convert -seed "$1" -size 2400x1800 "plasma:$2" -blur 0x2 -quality 85 -strip "$3"
}
photo 2 wheat-seagreen  band-walk.jpg
photo 3 peru-slategray  wall-push-up-start.jpg
photo 4 khaki-indianred wall-push-up-end.jpg
exiftool -q -overwrite_original -n -Orientation=6 band-walk.jpg
ls -l ./*.jpg
