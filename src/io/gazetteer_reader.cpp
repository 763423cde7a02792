#include "io/gazetteer_reader.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "io/field_parsers.hpp"
#include "io/linked_places.hpp"
#include "io/text_checks.hpp"

namespace steppeflow::io {

namespace {

// The columns a gazetteer's values are read from: the schema's names, or the short forms other tools
// write (flowmap.blue's locations.csv: id, name, lat, lon; latitude and longitude).
struct PlaceColumns {
    std::string_view name, lon, lat;
    bool kind = true;  // false: no kind column, every place is of kind 'place'
    explicit PlaceColumns(const Table& table)
        : name(column_of(table, {"name_en", "name"})),
          lon(column_of(table, {"lon", "longitude", "lng"})),
          lat(column_of(table, {"lat", "latitude"})),
          kind(table.column_index("kind").has_value()) {}
    [[nodiscard]] bool coordinates(const Table& table) const {
        return table.column_index(lon).has_value() || table.column_index(lat).has_value();
    }
};

model::LonLat position_of(const Table& table, const PlaceColumns& columns, const RecordView& row) {
    if (columns.coordinates(table)) {
        return {parse_number(row, columns.lon, -180, 180), parse_number(row, columns.lat, -90, 90)};
    }
    if (const auto& point = row.record().point) {
        if (point->lon < -180 || point->lon > 180 || point->lat < -90 || point->lat > 90) {
            throw DataError(row.where("geometry"),
                            fmt::format("point ({}, {}) is outside WGS84 longitude/latitude", point->lon, point->lat),
                            "coordinates must be lon, lat in degrees (EPSG:4326)");
        }
        return {point->lon, point->lat};
    }
    throw DataError(row.where("geometry"), "the place has no coordinates",
                    "give lon and lat columns, or a point geometry");
}

// name_ky, name_kaa: a place's name in a language beyond English, Russian and Kazakh, for a locale
// file that adds that language (config/locale_reader.hpp).
std::vector<std::string> other_name_columns(const Table& table) {
    std::vector<std::string> columns;
    for (const auto& column : table.columns) {
        if (!column.starts_with("name_") || column == "name_en" || column == "name_ru" || column == "name_kk") continue;
        if (model::is_language_code(std::string_view(column).substr(5))) columns.push_back(column);
    }
    return columns;
}

bool has_points(const Table& table) {
    return std::any_of(table.records.begin(), table.records.end(), [](const Record& r) { return r.point.has_value(); });
}

model::Place place_from(const Table& table, const PlaceColumns& columns, const RecordView& row,
                        const std::vector<std::string>& other_names) {
    model::Place place;
    place.where = row.record().where;
    place.id = required_text(row, "id");
    const auto kind_names = model::place_kind_names();
    place.kind =
        columns.kind ? *model::place_kind_from(parse_choice(row, "kind", kind_names)) : model::PlaceKind::place;
    place.name_en = required_text(row, columns.name);
    place.name_ru = optional_text(row, "name_ru");
    place.name_kk = optional_text(row, "name_kk");
    for (const auto& column : other_names) {
        if (auto name = optional_text(row, column); !name.empty())
            place.other_names.emplace_back(column.substr(5), std::move(name));
    }
    place.variants = split_list(optional_text(row, "variants"), ';');
    place.position = position_of(table, columns, row);
    place.coord_source = optional_text(row, "coord_source");
    place.precision_km = parse_optional_number(row, "precision_km", 0, 5000);
    place.placed_at = optional_text(row, "placed_at");
    place.period = optional_text(row, "period");
    place.parent = optional_text(row, "parent");
    place.note = optional_text(row, "note");
    place.source = optional_text(row, "source");
    place.geonames_id = optional_text(row, "geonames_id");
    place.wikidata_id = optional_text(row, "wikidata_id");
    return place;
}

}  // namespace

std::vector<model::Place> places_from_table(const Table& table, std::vector<std::string>* warnings) {
    const PlaceColumns columns(table);
    std::vector<std::string_view> required{"id", "name|name_en"};
    // Coordinates come in a pair: one column without the other is a missing column, not an empty value.
    // A file with neither gives each place a point geometry (GeoJSON, GeoPackage), or says it lacks one.
    if (columns.coordinates(table) || !has_points(table))
        required.insert(required.end(), {"lat|latitude", "lon|longitude|lng"});
    require_columns(table, required, "a gazetteer needs at least id, name, lat and lon (geodata/SCHEMA.md)");
    if (!columns.kind && warnings != nullptr && !table.records.empty()) {
        warnings->push_back(fmt::format(
            "{}: no 'kind' column: its {} place(s) are drawn as 'place' (a plain dot); a kind column (town, "
            "village, country…, geodata/SCHEMA.md) says what each is",
            table.file, table.records.size()));
    }
    const auto other_names = other_name_columns(table);
    std::vector<std::string_view> known{"id",          "kind",       columns.name, "name_ru",      "name_kk",
                                        "variants",    columns.lon,  columns.lat,  "coord_source", "precision_km",
                                        "placed_at",   "period",     "parent",     "note",         "source",
                                        "geonames_id", "wikidata_id"};
    known.insert(known.end(), other_names.begin(), other_names.end());
    warn_unknown_columns(table, known, warnings);
    if (warnings != nullptr) warnings->insert(warnings->end(), table.gdal_warnings.begin(), table.gdal_warnings.end());
    std::vector<model::Place> places;
    places.reserve(table.records.size());
    for (const auto& record : table.records)
        places.push_back(place_from(table, columns, RecordView(table, record), other_names));
    return places;
}

std::vector<model::Place> read_places(const std::filesystem::path& path, std::vector<std::string>* warnings,
                                      const DataSource& source) {
    // Linked Places (LPF, from the World Historical Gazetteer): names, certainty and links that a table
    // read through GDAL would lose.
    const std::string name = path.string();
    if (name.ends_with(".jsonld") || name.ends_with(".json")) {
        std::error_code error;
        if (std::filesystem::is_regular_file(path, error)) {
            const std::string text = read_text_file(path);
            if (is_linked_places(name, text)) return places_from_linked_places(text, name);
        }
    }
    const Table table = read_table(path, source);
    if (is_lp_tsv(table)) return places_from_lp_tsv(table);
    return places_from_table(table, warnings);
}

}  // namespace steppeflow::io
