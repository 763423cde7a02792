#include "model/place.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace steppeflow::model {

namespace {
constexpr std::array<std::pair<PlaceKind, std::string_view>, 11> kPlaceKinds{{
    {PlaceKind::okrug, "okrug"},
    {PlaceKind::region, "region"},
    {PlaceKind::district, "district"},
    {PlaceKind::village, "village"},
    {PlaceKind::tract, "tract"},
    {PlaceKind::outpost, "outpost"},
    {PlaceKind::border_section, "border_section"},
    {PlaceKind::town, "town"},
    {PlaceKind::destination, "destination"},
    {PlaceKind::country, "country"},
    {PlaceKind::place, "place"},
}};
}  // namespace

std::string_view to_string(PlaceKind kind) {
    for (const auto& [value, name] : kPlaceKinds) {
        if (value == kind) return name;
    }
    return "?";
}

std::optional<PlaceKind> place_kind_from(std::string_view text) {
    for (const auto& [value, name] : kPlaceKinds) {
        if (name == text) return value;
    }
    return std::nullopt;
}

std::vector<std::string_view> place_kind_names() {
    std::vector<std::string_view> names;
    names.reserve(std::size(kPlaceKinds));
    for (const auto& entry : kPlaceKinds) names.push_back(entry.second);
    return names;
}

bool is_language_code(std::string_view code) {
    return code.size() >= 2 && code.size() <= 3 &&
           std::all_of(code.begin(), code.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

const std::string& name_in(const Place& place, std::string_view code) {
    static const std::string kNone;
    if (code == "en") return place.name_en;
    if (code == "ru") return place.name_ru;
    if (code == "kk") return place.name_kk;
    for (const auto& [other, name] : place.other_names) {
        if (other == code) return name;
    }
    return kNone;
}

const std::string& display_name(const Place& place, const Language& language) {
    if (const auto& name = name_in(place, language.code); !name.empty()) return name;
    for (const auto& code : language.fallback) {
        if (const auto& name = name_in(place, code); !name.empty()) return name;
    }
    return place.name_en;
}

}  // namespace steppeflow::model
