#pragma once
// The gazetteer in Linked Places Format (LPF 1.2, the GeoJSON-LD the World Historical Gazetteer and
// Pelagios read: names with their language, a geometry with its certainty and source, the unit's time
// span, links to GeoNames and Wikidata) and as LP-TSV (its table form), out and in.

#include <string>
#include <string_view>
#include <vector>

#include "model/place.hpp"

namespace steppeflow::io {

// Each place as an LPF feature; `id_base` is prepended to the ids to make the features' @id IRIs.
[[nodiscard]] std::string linked_places_json(const std::vector<model::Place>& places, const std::string& id_base);

// Each place as an LP-TSV row (id, title, title_source, start, end, variants, types, matches, lon,
// lat, geo_source, description), tab-separated.
[[nodiscard]] std::string linked_places_tsv(const std::vector<model::Place>& places);

// Places from an LPF FeatureCollection (`text`, read from `file`): DataError naming the file and the
// feature for what a gazetteer needs and the feature lacks (an id, a title, a point).
[[nodiscard]] std::vector<model::Place> places_from_linked_places(const std::string& text, const std::string& file);

struct Table;
// Places from an LP-TSV table (read through GDAL like any table): title, title_source, variants as
// name@lang, types, matches (gn:, wd:), start and end, lon and lat, geo_source, description.
[[nodiscard]] std::vector<model::Place> places_from_lp_tsv(const Table& table);
// A table with LP-TSV's columns (title and title_source).
[[nodiscard]] bool is_lp_tsv(const Table& table);

// A file that holds LPF: a .jsonld file, or a JSON file whose text names the Linked Places context.
[[nodiscard]] bool is_linked_places(const std::string& path, std::string_view text);

}  // namespace steppeflow::io
