#!/usr/bin/python3
"""Build the c. 1930 basemap of Central Asia (geodata/basemap/1930/) from openly licensed inputs.

Inputs (nothing is downloaded):
  - Natural Earth (public domain), the clipped copies in shared/geodata/naturalearth/:
    10m land-border lines, 50m country polygons, 10m lakes, historic lakes, rivers, physical regions;
  - DCW-GMT (LGPL-3+, from GMT's Debian package gmt-common, read through `gmt coast -E`): the polygons
    of Xinjiang (CN.XJ) and Tuva (RU.TY), which Natural Earth's admin-0 data does not separate.

Each modern border line is given the rank its two sides had in 1930 (PAIRS below); a pair this
table does not know stops the build, so no line is ranked by default. Units of 1930 are dissolved
from modern countries (UNITS below). What stays wrong is stated in geodata/README.md.

Usage: scripts/basemap/build_1930.py SHARED_GEODATA_DIR OUT_DIR   (needs python3-gdal and gmt)
"""

import json
import subprocess
import tempfile
import sys
from pathlib import Path

from osgeo import gdal, ogr, osr

gdal.UseExceptions()
ogr.UseExceptions()

COVER = (45.0, 30.0, 105.0, 58.0)  # lon_min, lat_min, lon_max, lat_max of the period layers
SIMPLIFY_DEG = 0.01  # ~1 km, as the modern basemap
DIGITS = 3

# Ranks: 0 international, 1 first-order units (Soviet union republics, Chinese provinces),
# 2 units inside a union republic (ASSRs, the Transcaucasian republics).
# Each rule: (rank, what the line separated in 1930, valid_from, valid_to). "drop": no line in 1930.
NOT_A_LINE_1930 = "drop"
PAIRS = {
    frozenset(["AFG", "PAK"]): [(0, "Afghanistan | British India (Durand Line, 1893)", "", "")],
    frozenset(["AFG", "TJK"]): [(0, "USSR (Tajik ASSR/SSR) | Afghanistan", "", "")],
    frozenset(["AFG", "TKM"]): [(0, "USSR (Turkmen SSR) | Afghanistan", "", "")],
    frozenset(["AFG", "UZB"]): [(0, "USSR (Uzbek SSR) | Afghanistan", "", "")],
    frozenset(["CHN", "AFG"]): [(0, "Afghanistan (Wakhan) | China (Xinjiang)", "", "")],
    frozenset(["ARM", "AZE"]): [(2, "Armenian SSR | Azerbaijan SSR (in the Transcaucasian SFSR)", "", "")],
    frozenset(["AZE", "GEO"]): [(2, "Azerbaijan SSR | Georgian SSR (in the Transcaucasian SFSR)", "", "")],
    frozenset(["GEO", "ARM"]): [(2, "Georgian SSR | Armenian SSR (in the Transcaucasian SFSR)", "", "")],
    frozenset(["ARM", "IRN"]): [(0, "USSR (Transcaucasian SFSR) | Persia", "", "")],
    frozenset(["AZE", "IRN"]): [(0, "USSR (Transcaucasian SFSR) | Persia", "", "")],
    frozenset(["ARM", "TUR"]): [(0, "USSR (Transcaucasian SFSR) | Turkey (Treaty of Kars, 1921)", "", "")],
    frozenset(["AZE", "TUR"]): [(0, "USSR (Transcaucasian SFSR) | Turkey (Treaty of Kars, 1921)", "", "")],
    frozenset(["GEO", "TUR"]): [(0, "USSR (Transcaucasian SFSR) | Turkey (Treaty of Kars, 1921)", "", "")],
    frozenset(["AZE", "RUS"]): [(1, "RSFSR | Transcaucasian SFSR", "", "")],
    frozenset(["GEO", "RUS"]): [(1, "RSFSR | Transcaucasian SFSR", "", "")],
    frozenset(["CHN", "IND"]): [(0, "China (Tibet) | British India; not agreed in 1930", "", "")],
    frozenset(["CHN", "NPL"]): [(0, "China (Tibet) | Nepal", "", "")],
    frozenset(["CHN", "BTN"]): [(0, "China (Tibet) | Bhutan", "", "")],
    frozenset(["CHN", "MMR"]): [(0, "China | British Burma", "", "")],
    frozenset(["BTN", "IND"]): [(0, "Bhutan | British India", "", "")],
    frozenset(["IND", "NPL"]): [(0, "Nepal | British India", "", "")],
    frozenset(["IND", "MMR"]): [NOT_A_LINE_1930],  # Burma was a province of British India until 1937
    frozenset(["BGD", "IND"]): [NOT_A_LINE_1930],  # both British India (Bengal) until 1947
    frozenset(["BTN"]): [(0, "Bhutan | China (Tibet) or British India", "", "")],
    frozenset(["CHN", "MNG"]): [(0, "Mongolian People's Republic | China; undefined in 1930 (line of the 1962 treaty)", "", "")],
    frozenset(["CHN", "KAS"]): [(0, "British India (Kashmir) | China (Xinjiang, Tibet); undefined in 1930", "", "")],
    frozenset(["CHN", "PAK"]): [(0, "British India (Gilgit, Hunza) | China (Xinjiang); undefined in 1930", "", "")],
    frozenset(["IND", "PAK"]): [NOT_A_LINE_1930],  # partition of 1947
    frozenset(["IND", "KAS"]): [NOT_A_LINE_1930],  # Jammu and Kashmir, a princely state of British India
    frozenset(["PAK", "KAS"]): [NOT_A_LINE_1930],
    frozenset(["IRN", "AFG"]): [(0, "Persia | Afghanistan", "", "")],
    frozenset(["IRN", "PAK"]): [(0, "Persia | British India (Baluchistan)", "", "")],
    frozenset(["IRN", "TKM"]): [(0, "USSR (Turkmen SSR) | Persia (line of 1881)", "", "")],
    frozenset(["IRQ", "IRN"]): [(0, "Persia | Iraq (British mandate)", "", "")],
    frozenset(["IRQ", "KWT"]): [(0, "Iraq (British mandate) | Kuwait (British protectorate)", "", "")],
    frozenset(["IRQ", "SAU"]): [(0, "Iraq (British mandate) | Kingdom of Hejaz and Nejd", "", "")],
    frozenset(["SAU", "KWT"]): [(0, "Kuwait (British protectorate) | Kingdom of Hejaz and Nejd", "", "")],
    frozenset(["IRQ", "SYR"]): [(0, "Iraq (British mandate) | Syria (French mandate)", "", "")],
    frozenset(["TUR", "IRN"]): [(0, "Turkey | Persia", "", "")],
    frozenset(["TUR", "IRQ"]): [(0, "Turkey | Iraq (British mandate)", "", "")],
    frozenset(["TUR", "SYR"]): [(0, "Turkey | Syria (French mandate)", "", "")],
    frozenset(["KAZ", "CHN"]): [(0, "USSR (Kazakh ASSR) | China (Xinjiang)", "", "")],
    frozenset(["KGZ", "CHN"]): [(0, "USSR (Kirghiz ASSR) | China (Xinjiang)", "", "")],
    frozenset(["TJK", "CHN"]): [(0, "USSR (Tajik ASSR/SSR) | China (Xinjiang)", "", "")],
    frozenset(["RUS", "CHN"]): [(0, "USSR (RSFSR) | China (Xinjiang)", "", "")],
    frozenset(["MNG", "RUS"]): [(0, "Mongolian People's Republic | USSR (RSFSR) or Tuvan People's Republic", "", "")],
    frozenset(["KAZ", "KAB"]): [NOT_A_LINE_1930],  # the Baikonur lease of 1994
    frozenset(["KAZ", "TKM"]): [(1, "RSFSR (Kazakh ASSR) | Turkmen SSR", "", "")],
    frozenset(["KAZ", "UZB"]): [(1, "RSFSR (Kazakh ASSR) | Uzbek SSR; west of the Karakalpak AO's eastern edge see geodata/README.md", "", "")],
    frozenset(["KGZ", "KAZ"]): [(2, "Kirghiz ASSR | Kazakh ASSR (both in the RSFSR)", "", "")],
    frozenset(["KGZ", "TJK"]): [(1, "RSFSR (Kirghiz ASSR) | Tajik ASSR/SSR", "", "")],
    frozenset(["KGZ", "UZB"]): [(1, "RSFSR (Kirghiz ASSR) | Uzbek SSR", "", "")],
    frozenset(["RUS", "KAZ"]): [(2, "Kazakh ASSR | RSFSR (the ASSR was part of the RSFSR)", "", "")],
    frozenset(["RUS", "UKR"]): [(1, "RSFSR | Ukrainian SSR", "", "")],
    frozenset(["OMN", "ARE"]): [NOT_A_LINE_1930],  # south of the period layers
    # The Tajik ASSR became a union republic on 16 Oct 1929 (Khujand okrug added).
    frozenset(["TJK", "UZB"]): [(2, "Tajik ASSR | Uzbek SSR (the ASSR was part of the Uzbek SSR)", "", "1929-10-16"),
                                (1, "Tajik SSR | Uzbek SSR", "1929-10-16", "")],
    frozenset(["UZB", "TKM"]): [(1, "Uzbek SSR or Karakalpak AO | Turkmen SSR", "", "")],
}

NE = "Natural Earth 10m admin-0 boundary lines (public domain)"
DCW = "DCW-GMT 2.1 via GMT 6.4 (LGPL-3+)"

# Units of c. 1930 dissolved from modern countries (and DCW provinces): what each polygon stands for.
# (id, modern parts, name en/ru/kk, level, valid_from, valid_to, label)
UNITS = [
    ("kazakh_assr", ["KAZ"], ("Kazakh ASSR", "Казакская АССР", "Қазақ АКСР"), "autonomous", "1925-04-19", "1936-12-05", True),
    ("kirghiz_assr", ["KGZ"], ("Kirghiz ASSR", "Киргизская АССР", "Қырғыз АКСР"), "autonomous", "1926-02-01", "1936-12-05", True),
    ("uzbek_ssr", ["UZB"], ("Uzbek SSR", "Узбекская ССР", "Өзбек КСР"), "republic", "1924-10-27", "", True),
    ("tajik_assr", ["TJK"], ("Tajik ASSR", "Таджикская АССР", "Тәжік АКСР"), "autonomous", "1924-10-14", "1929-10-16", True),
    ("tajik_ssr", ["TJK"], ("Tajik SSR", "Таджикская ССР", "Тәжік КСР"), "republic", "1929-10-16", "", True),
    ("turkmen_ssr", ["TKM"], ("Turkmen SSR", "Туркменская ССР", "Түрікмен КСР"), "republic", "1924-10-27", "", True),
    ("rsfsr", ["RUS", "-TY"], ("RSFSR", "РСФСР", "РКФСР"), "republic", "", "", False),
    ("transcaucasian_sfsr", ["ARM", "AZE", "GEO"], ("Transcaucasian SFSR", "ЗСФСР", "Закавказ КФСР"), "republic", "1922-12-13", "1936-12-05", False),
    ("xinjiang", ["XJ"], ("Xinjiang", "Синьцзян", "Шыңжаң"), "province", "", "", True),
    ("china", ["CHN"], ("China", "Китай", "Қытай"), "state", "", "", False),
    ("mongolian_pr", ["MNG"], ("Mongolian People's Republic", "Монгольская Народная Республика", "Моңғол Халық Республикасы"), "state", "1924-11-26", "", True),
    ("tuvan_pr", ["TY"], ("Tuvan People's Republic", "Тувинская Народная Республика", "Тыва Халық Республикасы"), "state", "1921-08-14", "1944-10-11", True),
    ("afghanistan", ["AFG"], ("Afghanistan", "Афганистан", "Ауғанстан"), "state", "", "", True),
    ("persia", ["IRN"], ("Persia", "Персия", "Парсы"), "state", "", "1935-03-21", True),
    ("iran", ["IRN"], ("Iran", "Иран", "Иран"), "state", "1935-03-21", "", True),
    ("british_india", ["IND", "PAK", "BGD", "KAS"], ("British India", "Британская Индия", "Британдық Үндістан"), "state", "", "1947-08-15", True),
]


# Short forms for a locator map, where the full name does not fit (en, ru, kk).
# An empty form: the full name in that language (the Soviet abbreviations are Russian usage).
SHORT_NAMES = {
    "mongolian_pr": ("MPR", "МНР", "МХР"),
    "tuvan_pr": ("TPR", "ТНР", "ТХР"),
    "kazakh_assr": ("", "КазАССР", ""),
    "kirghiz_assr": ("", "КиргАССР", ""),
    "uzbek_ssr": ("", "УзССР", ""),
    "tajik_ssr": ("", "ТаджССР", ""),
    "turkmen_ssr": ("", "ТуркмССР", ""),
}


def cover_box():
    lon0, lat0, lon1, lat1 = COVER
    return ogr.CreateGeometryFromWkt(
        f"POLYGON(({lon0} {lat0},{lon1} {lat0},{lon1} {lat1},{lon0} {lat1},{lon0} {lat0}))")


def read(path):
    data = ogr.Open(str(path))
    layer = data.GetLayer()
    out = []
    for feature in layer:
        geometry = feature.GetGeometryRef()
        if geometry is None:
            continue
        out.append(({k: feature.GetField(k) for k in feature.keys()}, geometry.Clone()))
    return out


def dcw_polygon(code):
    """A DCW-GMT province as an OGR polygon, read from `gmt coast -E<code> -M` (text segments)."""
    lon0, lat0, lon1, lat1 = COVER
    text = subprocess.run(["gmt", "coast", f"-R{lon0 - 5}/{lon1 + 5}/{lat0 - 5}/{lat1 + 5}", f"-E{code}", "-M"],
                          check=True, capture_output=True, text=True, cwd=tempfile.gettempdir()).stdout
    polygon = ogr.Geometry(ogr.wkbMultiPolygon)
    ring = None

    def close(r):
        if r is not None and r.GetPointCount() >= 4:
            r.CloseRings()
            part = ogr.Geometry(ogr.wkbPolygon)
            part.AddGeometry(r)
            polygon.AddGeometry(part)

    for line in text.splitlines():
        if line.startswith(">"):
            close(ring)
            ring = ogr.Geometry(ogr.wkbLinearRing)
            continue
        lon, lat = (float(v) for v in line.split()[:2])
        ring.AddPoint_2D(lon, lat)
    close(ring)
    if polygon.GetGeometryCount() == 0:
        sys.exit(f"build_1930: `gmt coast -E{code}` gave no polygon; is GMT's DCW (gmt-common) installed?")
    return polygon.MakeValid()


def rounded(geometry):
    """Coordinates to DIGITS decimals, as GeoJSON writes them, after simplifying."""
    simple = geometry.SimplifyPreserveTopology(SIMPLIFY_DEG)
    return simple


def write(path, features, geometry_type):
    """Features [(properties, geometry)] to an RFC 7946 GeoJSON file, replacing it."""
    path.unlink(missing_ok=True)
    driver = ogr.GetDriverByName("GeoJSON")
    data = driver.CreateDataSource(str(path))
    wgs84 = osr.SpatialReference()
    wgs84.ImportFromEPSG(4326)
    wgs84.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    layer = data.CreateLayer(path.stem, srs=wgs84, geom_type=geometry_type,
                             options=["RFC7946=YES", f"COORDINATE_PRECISION={DIGITS}", "WRITE_NAME=NO"])
    keys = []
    for properties, _ in features:
        for key in properties:
            if key not in keys:
                keys.append(key)
    for key in keys:
        layer.CreateField(ogr.FieldDefn(key, ogr.OFTString))
    for properties, geometry in features:
        feature = ogr.Feature(layer.GetLayerDefn())
        for key, value in properties.items():
            if value not in (None, ""):
                feature.SetField(key, str(value))
        feature.SetGeometry(geometry)
        layer.CreateFeature(feature)
    data = None


def line_parts(geometry):
    if geometry is None or geometry.IsEmpty():
        return []
    name = geometry.GetGeometryName()
    if name == "LINESTRING":
        return [geometry.Clone()]
    if name in ("MULTILINESTRING", "GEOMETRYCOLLECTION"):
        out = []
        for i in range(geometry.GetGeometryCount()):
            out += line_parts(geometry.GetGeometryRef(i))
        return out
    return []


def as_multiline(parts, shortest=0.0):
    """Line parts longer than `shortest` degrees as one multi-line (None when none is)."""
    multi = ogr.Geometry(ogr.wkbMultiLineString)
    for part in parts:
        if part.Length() > shortest:
            multi.AddGeometry(part)
    if multi.IsEmpty():
        return None
    return multi


def build_borders(shared, dcw):
    box = cover_box()
    ranked = {0: [], 1: [], 2: []}
    international_lines = []
    for properties, geometry in read(shared / "ne_10m_admin_0_boundary_lines_land.geojson"):
        pair = frozenset([properties["adm0_a3_l"], properties["adm0_a3_r"]])
        if pair not in PAIRS:
            sys.exit(f"build_1930: no 1930 rule for the border {sorted(pair)} ({properties['name']}); add it to PAIRS")
        clipped = geometry.Intersection(box)
        if clipped.IsEmpty():
            continue
        for rule in PAIRS[pair]:
            if rule == NOT_A_LINE_1930:
                continue
            rank, between, valid_from, valid_to = rule
            if rank == 0:
                international_lines.append(clipped)
            ranked[rank].append(({"between": between, "valid_from": valid_from, "valid_to": valid_to,
                                  "made_from": NE}, rounded(clipped)))
    # DCW provinces: the part of their outline that is not already an international line.
    international = ogr.Geometry(ogr.wkbMultiLineString)
    for line in international_lines:
        for part in line_parts(line):
            international.AddGeometry(part)
    near_international = international.Buffer(0.06)  # ~6 km: DCW and Natural Earth differ by up to that
    xinjiang = dcw["XJ"].Boundary().Intersection(box).Difference(near_international)
    tuva = dcw["TY"].Boundary().Intersection(box).Difference(near_international)
    # Where DCW and Natural Earth part by more than the buffer, short pieces of the outline are left
    # beside the international line: a provincial line is hundreds of km long, those are not.
    line = as_multiline(line_parts(xinjiang), shortest=1.0)
    if line is not None:
        ranked[1].append(({"between": "Xinjiang | Gansu, Qinghai, Tibet (provinces and territories of China)",
                           "valid_from": "", "valid_to": "", "made_from": DCW + ", CN.XJ outline less the international lines"},
                          rounded(line)))
    line = as_multiline(line_parts(tuva), shortest=1.0)
    if line is not None:
        ranked[0].append(({"between": "Tuvan People's Republic | USSR (RSFSR)", "valid_from": "1921-08-14",
                           "valid_to": "1944-10-11", "made_from": DCW + ", RU.TY outline less the Mongolian line"},
                          rounded(line)))
        ranked[2].append(({"between": "Tuvan AO | RSFSR (Krasnoyarsk krai and neighbours)", "valid_from": "1944-10-11",
                           "valid_to": "", "made_from": DCW + ", RU.TY outline less the Mongolian line"}, rounded(line)))
    return ranked


def build_units(shared, dcw):
    box = cover_box()
    countries = {p["ADM0_A3"]: g for p, g in read(shared / "ne_50m_admin_0_countries.geojson")}
    units = []
    for unit_id, parts, (en, ru, kk), level, valid_from, valid_to, label in UNITS:
        geometry = None
        for part in parts:
            subtract = part.startswith("-")
            code = part.lstrip("-")
            shape = dcw[code] if code in dcw else countries[code]
            if subtract:
                geometry = geometry.Difference(shape.Buffer(0.02))
            else:
                geometry = shape.Clone() if geometry is None else geometry.Union(shape)
        geometry = geometry.Intersection(box)
        if geometry.IsEmpty():
            continue
        made = " + ".join(("DCW-GMT " if p.lstrip("-") in dcw else "NE 50m ") + p for p in parts)
        short = dict(zip(("short", "short_ru", "short_kk"), SHORT_NAMES.get(unit_id, ("", "", ""))))
        units.append(({"id": unit_id, "name": en, "name_ru": ru, "name_kk": kk, **short, "level": level,
                       "valid_from": valid_from, "valid_to": valid_to, "made_from": made},
                      ogr.ForceToMultiPolygon(rounded(geometry).MakeValid()), label))
    return units


def build_lakes(shared):
    """Natural lakes of 1930: no reservoir, no lake formed later; Lake Zaysan without the Bukhtarma arm."""
    box = cover_box()
    later = {"Sarygamysh Köli": "filled by drainage water from the 1960s",
             "Aydar Ko‘l": "formed in 1969 by overflow from the Chardara reservoir",
             "Aral Sea": "today's remnants; the historic Aral is drawn instead"}
    lakes = []
    for properties, geometry in read(shared / "ne_10m_lakes.geojson"):
        name = properties.get("name")
        if name in later:
            continue
        if properties.get("featurecla") == "Reservoir":
            if name != "Lake Zaysan":
                continue
            # The natural lake lies south of 48.3°N; north of it is the reservoir's Irtysh arm.
            geometry = geometry.Intersection(ogr.CreateGeometryFromWkt(
                "POLYGON((82 47.5,86 47.5,86 48.3,82 48.3,82 47.5))"))
        clipped = geometry.Intersection(box)
        if clipped.IsEmpty():
            continue
        lakes.append(({"name": name or "", "made_from": "Natural Earth 10m lakes" +
                       (", clipped at 48.3°N" if name == "Lake Zaysan" else "")}, rounded(clipped)))
    for properties, geometry in read(shared / "ne_10m_lakes_historic.geojson"):
        lakes.append(({"name": "Aral Sea", "made_from": "Natural Earth 10m historic lakes"},
                      rounded(geometry.Intersection(box))))
    return lakes


# Physical names a reader of this frontier needs: (source, name in the source, en, ru, kk).
WATER_NAMES = [
    ("lake", "Lake Balkhash", "Lake Balkhash", "оз. Балхаш", "Балқаш көлі"),
    ("lake", "Alakol", "Lake Alakol", "оз. Алаколь", "Алакөл"),
    ("lake", "Lake Zaysan", "Lake Zaysan", "оз. Зайсан", "Зайсан көлі"),
    ("lake", "Issyk-Kul", "Issyk-Kul", "оз. Иссык-Куль", "Ыстықкөл"),
    ("lake", "Sasyqkl", "Lake Sasykkol", "оз. Сасыкколь", "Сасықкөл"),
    ("historic", "Aral Sea", "Aral Sea", "Аральское море", "Арал теңізі"),
    ("river", "Irtysh", "Irtysh", "Иртыш", "Ертіс"),
    ("river", "Ertis", "Irtysh", "Иртыш", "Ертіс"),
    ("river", "Ertix", "Black Irtysh", "Чёрный Иртыш", "Қара Ертіс"),
    ("river", "Ile", "Ili", "Или", "Іле"),
    ("river", "Syr  Darya", "Syr Darya", "Сырдарья", "Сырдария"),
    ("river", "Amu  Darya", "Amu Darya", "Амударья", "Әмудария"),
]
RELIEF_NAMES = [
    ("ALTAY MOUNTAINS", "Altai", "Алтай", "Алтай"),
    ("Tarbagatay Ra.", "Tarbagatai", "Тарбагатай", "Тарбағатай"),
    ("Alataw Mts.", "Dzungarian Alatau", "Джунгарский Алатау", "Жетісу Алатауы"),
    ("TIAN SHAN", "Tian Shan", "Тянь-Шань", "Тянь-Шань"),
]


# Towns for orientation, with names of the time: (Natural Earth name, en, ru, kk, valid_from, valid_to).
# Places the flow data names itself (Semipalatinsk, Zaysan) are the data's, not listed here.
TOWNS = [
    ("Almaty", "Verny", "Верный", "Верный", "", "1921"),
    ("Almaty", "Alma-Ata", "Алма-Ата", "Алматы", "1921", ""),
    ("Bishkek", "Pishpek", "Пишпек", "Пішпек", "", "1926-05-05"),
    ("Bishkek", "Frunze", "Фрунзе", "Фрунзе", "1926-05-05", ""),
    ("Yining", "Kulja", "Кульджа", "Құлжа", "", ""),
    ("Tacheng", "Chuguchak", "Чугучак", "Шәуешек", "", ""),
    ("Ürümqi", "Urumchi", "Урумчи", "Үрімші", "", ""),
    ("Qyzylorda", "Kzyl-Orda", "Кзыл-Орда", "Қызылорда", "1925", ""),
    ("Tashkent", "Tashkent", "Ташкент", "Ташкент", "", ""),
    ("Oskemen", "Ust-Kamenogorsk", "Усть-Каменогорск", "Өскемен", "", ""),
    ("Dund-Us", "Kobdo", "Кобдо", "Қобда", "", ""),
    ("Kashgar", "Kashgar", "Кашгар", "Қашқар", "", ""),
]


def build_towns(shared):
    places = {p["NAME"]: g for p, g in read(shared / "ne_10m_populated_places.geojson")}
    towns = []
    for source_name, en, ru, kk, valid_from, valid_to in TOWNS:
        if source_name not in places:
            sys.exit(f"build_1930: no populated place {source_name!r} for the town {en!r}")
        towns.append(({"name": en, "name_ru": ru, "name_kk": kk, "valid_from": valid_from, "valid_to": valid_to,
                       "made_from": f"Natural Earth 10m populated places: {source_name}"}, places[source_name]))
    return towns


def build_names(shared, lakes):
    box = cover_box()
    water = []
    rivers = {}
    for properties, geometry in read(shared / "ne_10m_rivers_lake_centerlines.geojson"):
        if properties.get("featurecla") == "River":
            rivers.setdefault(properties.get("name"), []).append(geometry)
    lake_shapes = {p["name"]: g for p, g in lakes}
    for kind, source_name, en, ru, kk in WATER_NAMES:
        if kind in ("lake", "historic"):
            shape = lake_shapes.get(source_name)
        else:
            parts = [line_parts(g.Intersection(box)) for g in rivers.get(source_name, [])]
            shape = as_multiline([p for group in parts for p in group])
        if shape is None or shape.IsEmpty():
            sys.exit(f"build_1930: no feature named {source_name!r} for the name {en!r}")
        water.append(({"name": en, "name_ru": ru, "name_kk": kk, "made_from": "Natural Earth 10m"}, rounded(shape)))
    relief = []
    regions = {p["name"]: g for p, g in read(shared / "ne_10m_geography_regions_polys.geojson")}
    for source_name, en, ru, kk in RELIEF_NAMES:
        shape = regions[source_name].Intersection(box)
        relief.append(({"name": en, "name_ru": ru, "name_kk": kk,
                        "made_from": f"Natural Earth 10m physical regions: {source_name}"},
                       rounded(shape).SimplifyPreserveTopology(0.05)))
    return water, relief


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    shared = Path(sys.argv[1]) / "naturalearth"
    out = Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    dcw = {"XJ": dcw_polygon("CN.XJ"), "TY": dcw_polygon("RU.TY")}
    ranked = build_borders(shared, dcw)
    for rank, name in ((0, "borders_international"), (1, "borders_republic"), (2, "borders_internal")):
        write(out / f"{name}.geojson", ranked[rank], ogr.wkbMultiLineString)
    units = build_units(shared, dcw)
    write(out / "units.geojson", [(p, g) for p, g, _ in units], ogr.wkbMultiPolygon)
    write(out / "unit_names.geojson",
          [({k: p[k] for k in ("name", "name_ru", "name_kk", "short", "short_ru", "short_kk", "valid_from", "valid_to")},
            g.SimplifyPreserveTopology(0.1))
           for p, g, label in units if label], ogr.wkbMultiPolygon)
    lakes = build_lakes(shared)
    write(out / "lakes.geojson", lakes, ogr.wkbMultiPolygon)
    water, relief = build_names(shared, lakes)
    write(out / "water_names.geojson", water, ogr.wkbUnknown)
    write(out / "relief_names.geojson", relief, ogr.wkbMultiPolygon)
    write(out / "towns.geojson", build_towns(shared), ogr.wkbPoint)
    print(json.dumps({"cover": COVER, "files": sorted(p.name for p in out.glob("*.geojson"))}))


if __name__ == "__main__":
    main()
