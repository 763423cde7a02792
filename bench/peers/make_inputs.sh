#!/usr/bin/env bash
# The reference map's inputs, shared by all three tools: 30 synthetic flows between 30 places
# (bench/make_large_input, fixed seed) as CSV for steppeflow and cartopy and as text tables for GMT.
#   bash bench/peers/make_inputs.sh BUILD_DIR OUT_DIR
set -euo pipefail
BUILD_DIR="$1"
OUT="$2"
mkdir -p "$OUT"
"$BUILD_DIR/bench/make_large_input" 30 30 "$OUT" >/dev/null
# GMT tables: places "lon lat name" (the 30 origins; destinations are drawn as arrow tips only) and
# flows "lon0 lat0 lon1 lat1 width_cm" (widths as steppeflow's linear scale: largest 0.4 cm).
awk -F, 'NR > 1 { lon[$1] = $7; lat[$1] = $8; name[$1] = $3 }
         END { for (id in lon) if (id ~ /^p/) printf "%s %s %s\n", lon[id], lat[id], name[id] }' \
  "$OUT/gazetteer.csv" | sort > "$OUT/places.txt"
awk -F, 'NR == FNR { if (FNR > 1) { lon[$1] = $7; lat[$1] = $8 } next }
         FNR > 1 { n++; o[n] = $4; d[n] = $6; c[n] = $7; if ($7 > max) max = $7 }
         END { for (i = 1; i <= n; i++) printf "%s %s %s %s %.4f\n", lon[o[i]], lat[o[i]], lon[d[i]], lat[d[i]], 0.4 * c[i] / max }' \
  "$OUT/gazetteer.csv" "$OUT/flows.csv" > "$OUT/flows.txt"
