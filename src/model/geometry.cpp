#include "model/geometry.hpp"

#include <algorithm>
#include <array>

namespace steppeflow::model {

namespace {
constexpr std::array<std::string_view, 8> kRoleNames{"land", "water", "river",     "border",
                                                     "area", "label", "graticule", "relief"};
}  // namespace

std::string_view to_string(LayerRole role) { return kRoleNames[static_cast<std::size_t>(role)]; }

std::optional<LayerRole> layer_role_from(std::string_view text) {
    for (std::size_t i = 0; i < kRoleNames.size(); ++i) {
        if (kRoleNames[i] == text) return static_cast<LayerRole>(i);
    }
    return std::nullopt;
}

std::vector<std::string_view> layer_role_names() { return {kRoleNames.begin(), kRoleNames.end()}; }

const std::string& LocalText::in(const Language& language) const {
    // A basemap's names come in English, Russian and Kazakh; other languages take their fallbacks.
    static const std::string kNone;
    const auto in_code = [&](std::string_view code) -> const std::string& {
        return code == "en" ? en : code == "ru" ? ru : code == "kk" ? kk : kNone;
    };
    if (const auto& chosen = in_code(language.code); !chosen.empty()) return chosen;
    for (const auto& code : language.fallback) {
        if (const auto& chosen = in_code(code); !chosen.empty()) return chosen;
    }
    return en;
}

const std::string& MapLayer::rule_name() const {
    static const std::array<std::string, 8> kRoleRules{"land", "water", "river",     "border",
                                                       "area", "label", "graticule", "relief"};
    static const std::string kInternalBorder = "border_internal";
    if (!rule.empty()) return rule;
    if (role == LayerRole::border && rank > 0) return kInternalBorder;
    return kRoleRules[static_cast<std::size_t>(role)];
}

bool MapLayer::valid_in(int first, int last) const {
    if (first_year && last < *first_year) return false;
    if (last_year && first > *last_year) return false;
    return true;
}

bool LonLatBounds::contains(const LonLatBounds& other) const {
    return other.lon_min >= lon_min && other.lon_max <= lon_max && other.lat_min >= lat_min && other.lat_max <= lat_max;
}

std::optional<LonLatBounds> LonLatBounds::of_points(const std::vector<LonLat>& points) {
    if (points.empty()) return std::nullopt;
    LonLatBounds box{points.front().lon, points.front().lat, points.front().lon, points.front().lat};
    for (const auto& p : points) {
        box.lon_min = std::min(box.lon_min, p.lon);
        box.lon_max = std::max(box.lon_max, p.lon);
        box.lat_min = std::min(box.lat_min, p.lat);
        box.lat_max = std::max(box.lat_max, p.lat);
    }
    return box;
}

bool MapLayer::has_dated_features() const {
    for (const auto& feature : features) {
        if (feature.dated()) return true;
    }
    return false;
}

bool Feature::holds_on(const std::optional<PartialDate>& day) const {
    if (!day) return !valid_to.has_value();
    // Partial dates compare by their earliest day: "1930-07" holds from 1 July.
    if (valid_from && *day < *valid_from) return false;
    if (valid_to && !(*day < *valid_to)) return false;
    return true;
}

std::vector<const Feature*> Basemap::features_of(LayerRole role) const {
    std::vector<const Feature*> found;
    for (const auto& layer : layers) {
        if (layer.role != role) continue;
        for (const auto& feature : layer.features) found.push_back(&feature);
    }
    return found;
}

}  // namespace steppeflow::model
