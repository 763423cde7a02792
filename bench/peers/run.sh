#!/usr/bin/env bash
# One reference map drawn three ways (steppeflow, GMT 6, cartopy + matplotlib), run alternately
# after a warm-up (A B C A B C …); prints each tool's median wall time and peak memory and
# steppeflow's ratio to each peer. A peer that is not installed is skipped, never counted.
# steppeflow runs twice over: as a user redrawing a figure runs it (its read cache, in a scratch
# directory here, filled by the warm-up), and with --no-cache (every file read through GDAL).
#   bash bench/peers/run.sh [RUNS, default 5]
# Peers: apt-get install gmt gmt-gshhg ghostscript python3-cartopy python3-matplotlib
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RUNS="${1:-5}"
BUILD_DIR="${STEPPEFLOW_BUILD_DIR:-$ROOT/build}"
cmake --build "$BUILD_DIR" --target steppeflow make_large_input >/dev/null
WORK="$BUILD_DIR/peers"
mkdir -p "$WORK"
bash "$ROOT/bench/peers/make_inputs.sh" "$BUILD_DIR" "$WORK/input"
cd "$ROOT"

# Each tool's command, run under /usr/bin/time (wall seconds, peak RSS of the largest process).
command_for() {
  case "$1" in
    steppeflow | steppeflow-no-cache) echo env STEPPEFLOW_CACHE="'$WORK/cache'" "$BUILD_DIR/steppeflow" render \
      "$( [ "$1" = steppeflow-no-cache ] && echo --no-cache)" --gazetteer "$WORK/input/gazetteer.csv" \
      --flows "$WORK/input/flows.csv" --extent 45,33,100,58 \
      --projection "'+proj=aea +lat_1=40 +lat_2=52 +lat_0=46 +lon_0=75 +datum=WGS84 +units=m'" \
      --size 174x130 --dpi 300 --title "'Reference map'" -o "$WORK/steppeflow.png" ;;
    gmt) echo bash "$ROOT/bench/peers/gmt_map.sh" "$WORK/input" "$WORK/gmt.png" ;;
    cartopy) echo /usr/bin/python3 "$ROOT/bench/peers/cartopy_map.py" "$ROOT/geodata/basemap" "$WORK/input" \
      "$WORK/cartopy.png" ;;
  esac
}
measure() {
  eval "/usr/bin/time -f '%e %M' -o '$WORK/time.txt' $(command_for "$1")" >/dev/null 2>&1
  cat "$WORK/time.txt"
}

rm -rf "$WORK/cache"
tools=(steppeflow steppeflow-no-cache)
if command -v gmt >/dev/null && gmt --show-sharedir >/dev/null 2>&1; then tools+=(gmt)
else echo "peers: GMT not installed (gmt, gmt-gshhg, ghostscript): skipped"; fi
if /usr/bin/python3 -c "import cartopy, matplotlib" 2>/dev/null; then tools+=(cartopy)
else echo "peers: cartopy not installed (python3-cartopy, python3-matplotlib): skipped"; fi

declare -A times memories
for round in $(seq 0 "$RUNS"); do  # round 0 is the warm-up
  for tool in "${tools[@]}"; do
    measured=$(measure "$tool")
    if [ "$round" -gt 0 ]; then
      times[$tool]+="${measured% *} "
      memories[$tool]+="${measured#* } "
    fi
  done
done

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
base=$(echo "${times[steppeflow]}" | median)
cold=$(echo "${times[steppeflow-no-cache]}" | median)
printf "%-20s %9s %12s %14s %14s\n" tool "median s" "peak RSS MB" "steppeflow ×" "no cache ×"
for tool in "${tools[@]}"; do
  t=$(echo "${times[$tool]}" | median)
  m=$(echo "${memories[$tool]}" | median)
  ratio() { echo "$1 / $t" | bc -l | xargs printf '%.3f'; }
  case "$tool" in steppeflow*) r1=—; r2=— ;; *) r1=$(ratio "$base"); r2=$(ratio "$cold") ;; esac
  printf "%-20s %9.3f %12.1f %14s %14s\n" "$tool" "$t" "$(echo "$m / 1024" | bc -l)" "$r1" "$r2"
done
echo "runs per tool: $RUNS after one warm-up, alternating; maps in $WORK/{steppeflow,gmt,cartopy}.png"
