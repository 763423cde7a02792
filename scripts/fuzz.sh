#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (build-fuzz/, AddressSanitizer + UBSan) and runs each for
# a while on a seed corpus taken from geodata/ and tests/. A crash stops the run and leaves the
# input in build-fuzz/crashes/ (turn it into a test in tests/corpus before fixing it).
#   bash scripts/fuzz.sh [seconds per target, default 60]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SECONDS_PER_TARGET="${1:-60}"
STEPPEFLOW_SKIP_BUILD=1 STEPPEFLOW_EXTRA_PACKAGES="clang libclang-rt-14-dev" source "$ROOT/scripts/setup.sh"
FUZZ_DIR="${STEPPEFLOW_FUZZ_DIR:-$ROOT/build-fuzz}"
CXX=clang++ CC=clang cmake -S "$ROOT" -B "$FUZZ_DIR" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSTEPPEFLOW_FUZZ=ON \
  -DSTEPPEFLOW_BUILD_TESTS=OFF >/dev/null
cmake --build "$FUZZ_DIR" -j"$(nproc)" --target fuzz_flow_reader fuzz_gazetteer_reader fuzz_figure_spec \
  fuzz_style fuzz_basemap_layer fuzz_layer_list

cd "$ROOT"
seed() {  # seed <target> <files...>: a fresh corpus directory of the given seed files
  local dir="$FUZZ_DIR/corpus/$1"; shift
  mkdir -p "$dir"
  for file in "$@"; do [ -f "$file" ] && cp "$file" "$dir/"; done
}
seed fuzz_flow_reader geodata/flows.csv tests/data/mini_flows.csv tests/corpus/flows_*.csv
seed fuzz_gazetteer_reader geodata/gazetteer.csv tests/data/mini_gazetteer.csv tests/corpus/gazetteer_*.csv
seed fuzz_figure_spec figures/*.toml tests/corpus/spec_*.toml
seed fuzz_style styles/*.toml tests/corpus/style_*.toml
seed fuzz_basemap_layer geodata/basemap/lakes_historic.geojson tests/corpus/basemap_*/*.geojson
seed fuzz_layer_list geodata/basemap/layers.toml
mkdir -p "$FUZZ_DIR/crashes"
export ASAN_OPTIONS="detect_leaks=0:abort_on_error=1"   # leaks are the sanitizer suite's job
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
for target in fuzz_flow_reader fuzz_gazetteer_reader fuzz_figure_spec fuzz_style fuzz_basemap_layer \
  fuzz_layer_list; do
  echo "fuzz: $target for ${SECONDS_PER_TARGET} s"
  "$FUZZ_DIR/tests/fuzz/$target" "$FUZZ_DIR/corpus/$target" -max_total_time="$SECONDS_PER_TARGET" \
    -max_len=65536 -timeout=10 -rss_limit_mb=2048 -artifact_prefix="$FUZZ_DIR/crashes/$target-" \
    -print_final_stats=1 2>&1 | grep -E "^(#[0-9]+.*DONE|stat::number_of_executed_units|stat::peak_rss_mb|==[0-9]+==ERROR|SUMMARY)|Done [0-9]+ runs" || true
  if ls "$FUZZ_DIR/crashes/$target-"* >/dev/null 2>&1; then
    echo "fuzz: $target found a crash: $(ls "$FUZZ_DIR/crashes/$target-"*)" >&2
    exit 1
  fi
done
echo "fuzz: no crash"
