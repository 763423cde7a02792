#!/usr/bin/env bash
# Whole-process runs on large synthetic inputs: FLOWS flows between PLACES places (default 100,000
# and 20,000), drawn to PNG, SVG and PDF; prints wall time and peak memory (/usr/bin/time).
#   bash bench/large_input.sh [FLOWS] [PLACES]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
FLOWS="${1:-100000}"
PLACES="${2:-20000}"
BUILD_DIR="${STEPPEFLOW_BUILD_DIR:-$ROOT/build}"
cmake --build "$BUILD_DIR" --target steppeflow make_large_input >/dev/null
DATA="$BUILD_DIR/large-input/$FLOWS"
"$BUILD_DIR/bench/make_large_input" "$FLOWS" "$PLACES" "$DATA"
cd "$ROOT"
/usr/bin/time -f "large input: %e s wall, %M KB peak RSS" "$BUILD_DIR/steppeflow" render \
  --gazetteer "$DATA/gazetteer.csv" --flows "$DATA/flows.csv" --title "Synthetic: $FLOWS flows" \
  --no-graticule -o "$DATA/large.png" -o "$DATA/large.svg" -o "$DATA/large.pdf" 2>&1 |
  grep -v "could not be placed\|apart on the map\|is not drawn"
