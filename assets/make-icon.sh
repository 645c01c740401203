#!/usr/bin/env bash
# Draws Stelling's icon (a speech bubble holding three tally bars: agree, doubt, disagree) with
# ImageMagick and writes assets/stelling.png (the window icon) and assets/stelling.ico (the .exe
# resource, 16 to 256 pixels). Drawn at 1024 px and scaled down, so every size is anti-aliased.
# Run from anywhere: bash assets/make-icon.sh
set -euo pipefail
cd "$(dirname "$0")"
big=$(mktemp --suffix=.png)
trap 'rm -f "$big"' EXIT
convert -size 1024x1024 xc:none \
  -fill '#1f5f7a' -draw 'roundrectangle 16,16 1007,1007 200,200' \
  -fill white -draw 'roundrectangle 150,170 874,730 110,110' \
  -draw 'polygon 270,690 240,890 470,720' \
  -fill '#2e9e5b' -draw 'roundrectangle 280,300 420,640 22,22' \
  -fill '#e8a33d' -draw 'roundrectangle 442,430 582,640 22,22' \
  -fill '#d0523f' -draw 'roundrectangle 604,520 744,640 22,22' \
  "$big"
convert "$big" -filter Lanczos -resize 256x256 -depth 8 -strip -define png:color-type=6 stelling.png
convert "$big" -depth 8 -filter Lanczos -define icon:auto-resize=256,128,64,48,32,24,16 stelling.ico
