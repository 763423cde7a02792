#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/error.hpp"

namespace steppeflow::model {

enum class PlaceKind { okrug, region, district, village, tract, outpost, border_section, town, destination, country };

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
    std::vector<std::string> variants;
    LonLat position;
    std::string coord_source;
    std::optional<double> precision_km;
    std::string placed_at;
    std::string period;
    std::string parent;
    std::string note;
    std::string source;
    SourceLocation where;  // where the record was read from; not part of equality

    friend bool operator==(const Place& a, const Place& b) {
        return a.id == b.id && a.kind == b.kind && a.name_en == b.name_en && a.name_ru == b.name_ru &&
               a.name_kk == b.name_kk && a.variants == b.variants && a.position == b.position &&
               a.coord_source == b.coord_source && a.precision_km == b.precision_km && a.placed_at == b.placed_at &&
               a.period == b.period && a.parent == b.parent && a.note == b.note && a.source == b.source;
    }
};

[[nodiscard]] std::string_view to_string(PlaceKind kind);
[[nodiscard]] std::optional<PlaceKind> place_kind_from(std::string_view text);
[[nodiscard]] std::vector<std::string_view> place_kind_names();

// Language of labels; a missing name falls back to English.
enum class Language { en, ru, kk };
[[nodiscard]] const std::string& display_name(const Place& place, Language language);

}  // namespace steppeflow::model
