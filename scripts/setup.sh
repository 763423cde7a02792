#!/usr/bin/env bash
# Installs what steppeflow needs on Debian 12 (only packages that are missing), then configures
# and builds it. Sourced by map.sh and test.sh; safe to run again.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${STEPPEFLOW_BUILD_DIR:-$ROOT/build}"

PACKAGES=(
  ${STEPPEFLOW_EXTRA_PACKAGES:-}                  # e.g. clang for the fuzz targets (scripts/fuzz.sh)
  g++ make cmake pkg-config                      # compiler and build tools
  libgdal-dev gdal-bin                           # reading every data format (GDAL/OGR)
  libproj-dev proj-bin proj-data                 # projections; cs2cs checks our numbers in the tests
  libcairo2-dev libpango1.0-dev libpng-dev zlib1g-dev  # drawing SVG/PNG/PDF, text; PNG encoding
  fonts-noto-core                                # Noto Sans: Latin, Cyrillic and Kazakh letters
  libcli11-dev libtomlplusplus-dev libfmt-dev    # command line, figure specs, formatting
  nlohmann-json3-dev                             # the layout report (--report FILE.json)
  libgtest-dev libgmock-dev libbenchmark-dev     # tests and benchmarks
  libxml2-dev libpoppler-glib-dev poppler-utils  # tests: SVG parses as XML, PDF pages and text
  librsvg2-bin                                   # tests: SVG rasterised (rsvg-convert) and compared with the PNG
  chromium                                       # tests: the interactive HTML page loaded and hovered headless
  ffmpeg                                         # -o seq.gif / seq.mp4: a sequence as an animation (and its test)
)

missing=()
for package in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
  echo "steppeflow setup: installing ${missing[*]}"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if [ "${STEPPEFLOW_SKIP_BUILD:-0}" != 1 ]; then
  cmake -S "$ROOT" -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  cmake --build "$BUILD_DIR" -j"$(nproc)"
fi
