#include "config/style.hpp"

namespace steppeflow::config {

double symbol_radius(const Style& style, model::PlaceKind kind) {
    const SymbolStyle& s = style.symbols;
    switch (kind) {
        case model::PlaceKind::village:
        case model::PlaceKind::tract:
            return s.village;
        case model::PlaceKind::outpost:
        case model::PlaceKind::border_section:
            return s.outpost;
        case model::PlaceKind::destination:
        case model::PlaceKind::country:
            return s.destination;
        case model::PlaceKind::okrug:
        case model::PlaceKind::region:
            return s.okrug;
        case model::PlaceKind::town:
            return s.town;
        case model::PlaceKind::district:
            return s.district;
    }
    return s.district;
}

std::optional<LayerRule> layer_rule(const Style& style, const std::string& name) {
    if (const auto declared = style.rules.find(name); declared != style.rules.end()) return declared->second;
    const ColourStyle& c = style.colours;
    const LineStyle& l = style.lines;
    if (name == "land") return LayerRule{c.land, std::nullopt, 0, {}, false};
    if (name == "water") return LayerRule{c.water, std::nullopt, 0, {}, false};
    if (name == "area") return LayerRule{c.destination_area, std::nullopt, 0, {}, false};
    if (name == "river") return LayerRule{std::nullopt, c.river, l.river_mm, {}, true};
    if (name == "border") return LayerRule{std::nullopt, c.border, l.border_mm, {1.2, 0.5, 0.3, 0.5}, false};
    // Internal units (republics, provinces): thinner and lighter than a state's border.
    if (name == "border_internal") return LayerRule{std::nullopt, c.border, l.border_mm * 0.6, {0.7, 0.5}, false};
    // Names of rivers, lakes and ranges: `fill` is the text's colour.
    if (name == "label") return LayerRule{c.area_label, std::nullopt, 0, {}, false};
    return std::nullopt;
}

Rgb flow_colour(const Style& style, std::optional<model::Unit> unit, int period) {
    const ColourStyle& c = style.colours;
    if (period >= 0 && !c.periods.empty()) return c.periods[static_cast<std::size_t>(period) % c.periods.size()];
    if (period == kUndated) return c.undated;
    if (!unit) return c.unknown_unit;
    switch (*unit) {
        case model::Unit::people:
            return c.people;
        case model::Unit::households:
            return c.households;
        case model::Unit::families:
            return c.families;
        case model::Unit::livestock_head:
            return c.livestock;
    }
    return c.households;
}

}  // namespace steppeflow::config
