"""The reference map with cartopy + matplotlib, reading steppeflow's basemap files (GeoJSON):
land, lakes, rivers, borders; graticule; 30 flows as arrows of the same widths; 30 labels; 174 mm
wide, Albers equal-area 40°/52°N, 75°E, PNG at 300 dpi.

    /usr/bin/python3 bench/peers/cartopy_map.py BASEMAP_DIR INPUT_DIR OUTPUT_PNG
"""
import csv
import json
import sys

import matplotlib

matplotlib.use("Agg")
import cartopy.crs as ccrs  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
from shapely.geometry import shape  # noqa: E402

basemap, inputs, output = sys.argv[1:4]


def geometries(name):
    with open(f"{basemap}/{name}.geojson", encoding="utf-8") as f:
        return [shape(feature["geometry"]) for feature in json.load(f)["features"] if feature["geometry"]]


places = {}
with open(f"{inputs}/gazetteer.csv", encoding="utf-8") as f:
    for row in csv.DictReader(f):
        places[row["id"]] = (float(row["lon"]), float(row["lat"]), row["name_en"])
with open(f"{inputs}/flows.csv", encoding="utf-8") as f:
    flows = list(csv.DictReader(f))
largest = max(int(row["count"]) for row in flows)

mm = 1 / 25.4
projection = ccrs.AlbersEqualArea(central_longitude=75, central_latitude=46, standard_parallels=(40, 52))
figure = plt.figure(figsize=(174 * mm, 130 * mm), dpi=300)
axes = figure.add_axes([0.02, 0.03, 0.96, 0.94], projection=projection)
axes.set_extent([45, 100, 33, 58], crs=ccrs.PlateCarree())
plate = ccrs.PlateCarree()
axes.add_geometries(geometries("land"), plate, facecolor="#f6f4ed", edgecolor="none")
axes.add_geometries(geometries("lakes"), plate, facecolor="#ccdeeb", edgecolor="none")
axes.add_geometries(geometries("rivers"), plate, facecolor="none", edgecolor="#80a8cc", linewidth=0.5)
axes.add_geometries(geometries("borders"), plate, facecolor="none", edgecolor="#737373", linewidth=0.6,
                    linestyle="--")
axes.gridlines(draw_labels=True, linewidth=0.3, color="#9ea8b2", x_inline=False, y_inline=False,
               xlabel_style={"size": 6}, ylabel_style={"size": 6})
for row in flows:
    lon0, lat0, _ = places[row["origin"]]
    lon1, lat1, _ = places[row["destination"]]
    width_pt = 4.0 / 25.4 * 72 * int(row["count"]) / largest
    axes.annotate("", xy=(lon1, lat1), xytext=(lon0, lat0), xycoords=plate._as_mpl_transform(axes),
                  arrowprops={"arrowstyle": "-|>", "color": "#d55e00", "lw": max(width_pt, 0.5),
                              "connectionstyle": "arc3,rad=0.15"})
for pid, (lon, lat, name) in places.items():
    if pid.startswith("p"):
        axes.plot(lon, lat, "o", markersize=2.5, markerfacecolor="white", markeredgecolor="black",
                  markeredgewidth=0.5, transform=plate)
        axes.text(lon, lat, " " + name, fontsize=6, transform=plate, va="center")
figure.savefig(output, dpi=300)
