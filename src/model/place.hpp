#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/error.hpp"

namespace steppeflow::model {

// `place`: a place of no stated kind (a gazetteer with no kind column, such as flowmap.blue's locations).
enum class PlaceKind {
    okrug,
    region,
    district,
    village,
    tract,
    outpost,
    border_section,
    town,
    destination,
    country,
    place
};

struct LonLat {
    double lon = 0;
    double lat = 0;
    friend bool operator==(const LonLat&, const LonLat&) = default;
};

struct Place {
    std::string id;
    PlaceKind kind = PlaceKind::district;
    std::string name_en;
    std::string name_ru;
    std::string name_kk;
    // Names in further languages, from name_<code> columns ("name_ky"): a locale file can add a language.
    std::vector<std::pair<std::string, std::string>> other_names;  // (code, name)
    std::vector<std::string> variants;
    LonLat position;
    std::string coord_source;
    std::optional<double> precision_km;
    std::string placed_at;
    std::string period;
    std::string parent;
    std::string note;
    std::string source;
    std::string geonames_id;  // optional links to other gazetteers: GeoNames 1520316, Wikidata Q1234
    std::string wikidata_id;
    SourceLocation where;  // where the record was read from; not part of equality

    friend bool operator==(const Place& a, const Place& b) {
        return a.id == b.id && a.kind == b.kind && a.name_en == b.name_en && a.name_ru == b.name_ru &&
               a.name_kk == b.name_kk && a.other_names == b.other_names && a.variants == b.variants &&
               a.position == b.position && a.coord_source == b.coord_source && a.precision_km == b.precision_km &&
               a.placed_at == b.placed_at && a.period == b.period && a.parent == b.parent && a.note == b.note &&
               a.source == b.source && a.geonames_id == b.geonames_id && a.wikidata_id == b.wikidata_id;
    }
};

[[nodiscard]] std::string_view to_string(PlaceKind kind);
[[nodiscard]] std::optional<PlaceKind> place_kind_from(std::string_view text);
[[nodiscard]] std::vector<std::string_view> place_kind_names();

// The language of a map's names: its code ("en", "ru", "kk", or one a locale file adds) and the
// languages whose names stand in, in order, where a place has none in it; English comes last always.
struct Language {
    std::string code = "en";
    std::vector<std::string> fallback;
    [[nodiscard]] static Language english() { return {}; }
    [[nodiscard]] static Language of(std::string code) { return {std::move(code), {}}; }
    friend bool operator==(const Language&, const Language&) = default;
};
// A language code as ISO 639 gives it and BCP 47 starts one: two or three lower-case letters ("ky",
// "kaa"); what a locale file's `code`, a spec's title_<code> and a gazetteer's name_<code> hold.
[[nodiscard]] bool is_language_code(std::string_view code);
// The name in the language of `code` ("en", "ru", "kk" or a further one); empty when the place has none.
[[nodiscard]] const std::string& name_in(const Place& place, std::string_view code);
[[nodiscard]] const std::string& display_name(const Place& place, const Language& language);

}  // namespace steppeflow::model
