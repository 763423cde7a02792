#!/usr/bin/env bash
# Clips a basemap for a region from vector files you have (Natural Earth or the like, any format GDAL
# reads) and writes it with its layer list, ready for `--basemap OUT_DIR` or `[data] basemap`.
#
#   scripts/make_basemap.sh LON_MIN LAT_MIN LON_MAX LAT_MAX SOURCE_DIR OUT_DIR [SIMPLIFY_DEG]
#
# SOURCE_DIR is searched by file name (the first match of each, Natural Earth's names):
# (of several matches, the largest: the most detailed scale)
#   land       *land.*                       (polygons)        required
#   lakes      *lakes.* and *lakes_historic.* (polygons)       optional
#   rivers     *rivers*                       (lines, scalerank) optional
#   borders    *boundary_lines_land*          (lines)          optional
#   countries  *admin_0_countries*            (polygons, NAME)  optional: destination areas by name
# Coordinates are clipped to the box, simplified (default 0.01°, ~1 km) and written to 3 decimals as
# GeoJSON (RFC 7946). The layer list credits Natural Earth; edit its attributions if your files are
# someone else's. Needs ogr2ogr (Debian: gdal-bin). Example, the shipped world set:
#   scripts/make_basemap.sh -180 -90 180 90 ../shared/geodata/world geodata/world 0.02
set -euo pipefail

usage() {
    sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
}
[[ $# -ge 6 && $# -le 7 ]] || usage
lon_min=$1 lat_min=$2 lon_max=$3 lat_max=$4 source=$5 out=$6 simplify=${7:-0.01}
number='^-?[0-9]+([.][0-9]+)?$'
for value in "$lon_min" "$lat_min" "$lon_max" "$lat_max" "$simplify"; do
    [[ $value =~ $number ]] || { echo "make_basemap.sh: '$value' is not a number" >&2; exit 2; }
done
awk -v a="$lon_min" -v b="$lat_min" -v c="$lon_max" -v d="$lat_max" \
    'BEGIN { exit !(a < c && b < d && a >= -180 && c <= 180 && b >= -90 && d <= 90) }' ||
    { echo "make_basemap.sh: expected LON_MIN < LON_MAX within ±180 and LAT_MIN < LAT_MAX within ±90" >&2; exit 2; }
[[ -d $source ]] || { echo "make_basemap.sh: $source is not a directory" >&2; exit 2; }
command -v ogr2ogr >/dev/null || { echo "make_basemap.sh: needs ogr2ogr (apt-get install gdal-bin)" >&2; exit 2; }

find_one() {  # the largest (most detailed) file in SOURCE_DIR whose name matches, or nothing
    find "$source" -maxdepth 1 -type f \( -name "*.geojson" -o -name "*.shp" -o -name "*.gpkg" -o -name "*.json" \) \
        -name "$1" ! -name "*boundary*" -printf '%s %p\n' | sort -rn | head -n 1 | cut -d' ' -f2-
}

mkdir -p "$out"
clip() {  # clip SOURCE_FILE OUT_NAME SELECT [EXTRA...]
    local input=$1 name=$2 fields=$3
    shift 3
    local temporary="$out/.$name.tmp.geojson"
    rm -f "$temporary"
    ogr2ogr -f GeoJSON "$temporary" "$input" -clipsrc "$lon_min" "$lat_min" "$lon_max" "$lat_max" \
        -simplify "$simplify" -makevalid -select "$fields" -lco COORDINATE_PRECISION=3 -lco RFC7946=YES \
        -nlt PROMOTE_TO_MULTI "$@"
    mv "$temporary" "$out/$name.geojson"
    echo "  $out/$name.geojson ($(wc -c <"$out/$name.geojson") bytes) from $input"
}

land=$(find_one '*land.*')
[[ -n $land ]] || { echo "make_basemap.sh: no *land.* file in $source" >&2; exit 2; }
clip "$land" land scalerank

layers=$'# Made by scripts/make_basemap.sh '"$*"$'\n'
layers+="description = \"Basemap of lon $lon_min to $lon_max, lat $lat_min to $lat_max from $(basename "$source")\""$'\n'
layers+="coverage = [$lon_min, $lat_min, $lon_max, $lat_max]"$'\n'
credit=$'attribution = "Natural Earth (public domain)"\nattribution_ru = "Natural Earth (общественное достояние)"\nattribution_kk = "Natural Earth (қоғамдық игілік)"\n'
add_layer() {  # add_layer NAME ROLE FILES [EXTRA_LINES]
    layers+=$'\n[[layer]]\n'"name = \"$1\""$'\n'"role = \"$2\""$'\n'"files = [$3]"$'\n'"$credit${4:-}"
}
add_layer land land '"land.geojson"'

countries=$(find_one '*admin_0_countries*')
if [[ -n $countries ]]; then
    clip "$countries" countries NAME
    add_layer countries area '"countries.geojson"'
fi
lake_files=""
if lakes=$(find_one '*lakes.*') && [[ -n $lakes ]]; then
    clip "$lakes" lakes name,scalerank
    lake_files='"lakes.geojson"'
fi
if historic=$(find_one '*lakes_historic*') && [[ -n $historic ]]; then
    clip "$historic" lakes_historic name,scalerank
    lake_files+="${lake_files:+, }\"lakes_historic.geojson\""
fi
[[ -z $lake_files ]] || add_layer lakes water "$lake_files"
layers+=$'\n[[layer]]\nname = "graticule"\nrole = "graticule"\n'
if rivers=$(find_one '*rivers*') && [[ -n $rivers ]]; then
    clip "$rivers" rivers name,scalerank
    add_layer rivers river '"rivers.geojson"'
fi
borders=$(find "$source" -maxdepth 1 -type f -name '*boundary_lines_land*' -printf '%s %p\n' | sort -rn | head -n 1 |
    cut -d' ' -f2-)
if [[ -n $borders ]]; then
    clip "$borders" borders name
    add_layer borders border '"borders.geojson"' \
        $'note = "modern borders"\nnote_ru = "современные границы"\nnote_kk = "қазіргі шекаралар"\n'
fi
printf '%s' "$layers" >"$out/layers.toml.tmp" && mv "$out/layers.toml.tmp" "$out/layers.toml"
echo "  $out/layers.toml"
