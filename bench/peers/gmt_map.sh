#!/usr/bin/env bash
# The reference map with GMT 6: coastlines, lakes, rivers and borders from GSHHG (gmt coast),
# graticule, 30 flows as arrows of the same widths (gmt plot -Sv), 30 labels (gmt text); 174 mm
# wide, Albers equal-area 40°/52°N, 75°E, PNG at 300 dpi.
#   bash bench/peers/gmt_map.sh INPUT_DIR OUTPUT_PNG
set -euo pipefail
IN="$1"
OUT="$2"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
export GMT_SESSION_NAME=$$
gmt begin map png E300
  gmt coast -R45/100/33/58 -JB75/46/40/52/17.4c -Df -Ggray95 -Slightsteelblue1 -Clightsteelblue1 \
    -I1/0.3p,steelblue -I2/0.2p,steelblue -N1/0.4p,gray40,- -W0.2p,gray50 -Bafg -BWSne --FONT_ANNOT_PRIMARY=6p
  # One multi-segment file: each flow a segment whose header sets its pen (width by count) and an
  # arrowhead at its end (+ve).
  awk '{ printf "> -W%.4fc,darkorange+ve0.25c+gdarkorange\n%s %s\n%s %s\n", $5, $1, $2, $3, $4 }' \
    "$IN/flows.txt" > flows.gmt
  gmt plot flows.gmt -A
  gmt plot "$IN/places.txt" -Sc0.15c -W0.3p,black -Gwhite
  gmt text "$IN/places.txt" -F+f6p,Helvetica,black+jLM -D0.15c/0
gmt end
mv map.png "$OUT"
