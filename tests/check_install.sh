#!/usr/bin/env bash
# cmake --install into a scratch prefix, then the installed binary, run from another folder, draws
# the shipped default figure from its installed data, makes a project with init and renders it, and
# has a man page. Usage: check_install.sh BUILD_DIR SCRATCH_DIR
set -euo pipefail
BUILD="$1"
SCRATCH="$2"
rm -rf "$SCRATCH"
mkdir -p "$SCRATCH/elsewhere"
cmake --install "$BUILD" --prefix "$SCRATCH/prefix" >/dev/null
BIN="$SCRATCH/prefix/bin/steppeflow"
test -x "$BIN"
for file in share/steppeflow/styles/colour.toml share/steppeflow/locale/kk.toml share/steppeflow/geodata/gazetteer.csv \
  share/steppeflow/geodata/basemap/layers.toml share/steppeflow/geodata/world/layers.toml share/man/man1/steppeflow.1 \
  share/doc/steppeflow/README.md; do
  test -f "$SCRATCH/prefix/$file" || { echo "not installed: $file"; exit 1; }
done
cd "$SCRATCH/elsewhere"   # no geodata/, styles/ or locale/ here
"$BIN" --version
"$BIN" render --dpi 50 --style grayscale --lang kk -o default.png -o default.json -q
grep -q '"Flight of Kazakh\|Қазақ' default.json || { echo "the default figure is not the shipped one"; exit 1; }
"$BIN" init project
"$BIN" render project/figure.toml -q
test -s project/output/figure.png
test -s project/output/figure.gpkg
"$BIN" validate project/places.csv project/flows.csv >/dev/null
echo "installed steppeflow renders from another folder"
