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
        case model::PlaceKind::place:
            return s.town;
        case model::PlaceKind::district:
            return s.district;
    }
    return s.district;
}

namespace {

LayerRule drawn(std::optional<Rgb> fill, std::optional<Rgb> line, double width_mm = 0, std::vector<double> dash = {},
                bool width_by_rank = false) {
    LayerRule rule;
    rule.fill = fill;
    rule.line = line;
    rule.width_mm = width_mm;
    rule.dash = std::move(dash);
    rule.width_by_rank = width_by_rank;
    return rule;
}

LayerRule lettered(Rgb colour, Lettering lettering, std::optional<double> size_pt = std::nullopt) {
    LayerRule rule = drawn(colour, std::nullopt);
    rule.lettering = lettering;
    rule.size_pt = size_pt;
    return rule;
}

}  // namespace

std::optional<LayerRule> layer_rule(const Style& style, const std::string& name) {
    if (const auto declared = style.rules.find(name); declared != style.rules.end()) return declared->second;
    const ColourStyle& c = style.colours;
    const LineStyle& l = style.lines;
    if (name == "land") return drawn(c.land, std::nullopt);
    if (name == "water") return drawn(c.water, std::nullopt);
    if (name == "area") return drawn(c.destination_area, std::nullopt);
    if (name == "river") return drawn(std::nullopt, c.river, l.river_mm, {}, true);
    if (name == "border") return drawn(std::nullopt, c.border, l.border_mm, {1.2, 0.5, 0.3, 0.5});
    // Internal units (republics, provinces): thinner and lighter than a state's border.
    if (name == "border_internal") return drawn(std::nullopt, c.border, l.border_mm * 0.6, {0.7, 0.5});
    // Units inside those (autonomous republics): finer again, dotted.
    if (name == "border_autonomous") return drawn(std::nullopt, c.border, l.border_mm * 0.45, {0.25, 0.45});
    // Shaded relief: `fill` is the shadow's colour (lit slopes are lightened, level ground left alone).
    if (name == "relief") return drawn(Rgb{0.25, 0.2, 0.15}, std::nullopt);
    // Names of rivers, lakes and ranges: `fill` is the text's colour.
    if (name == "label") return lettered(c.area_label, Lettering::italic);
    if (name == "label_water") return lettered(c.water_label, Lettering::italic);
    if (name == "label_relief") return lettered(c.area_label, Lettering::italic_spaced_caps);
    // States and units of the map's date: upright spaced capitals, a size above the physical names.
    if (name == "label_area") return lettered(c.unit_label, Lettering::spaced_caps, style.text.feature_label_pt + 1);
    // Towns for orientation (not the data's places): upright, at the size of the data's labels, grey.
    if (name == "label_town") return lettered(c.unit_label, Lettering::upright, style.text.label_pt);
    return std::nullopt;
}

std::optional<Lettering> lettering_from(std::string_view text) {
    if (text == "italic") return Lettering::italic;
    if (text == "spaced_caps") return Lettering::spaced_caps;
    if (text == "italic_spaced_caps") return Lettering::italic_spaced_caps;
    if (text == "upright") return Lettering::upright;
    return std::nullopt;
}

bool is_italic(Lettering lettering) {
    return lettering == Lettering::italic || lettering == Lettering::italic_spaced_caps;
}

bool is_spaced_caps(Lettering lettering) {
    return lettering == Lettering::spaced_caps || lettering == Lettering::italic_spaced_caps;
}

Rgb colour_of_year(const ColourStyle& colours, int year) {
    if (colours.periods.empty()) return colours.undated;
    const auto n = static_cast<long long>(colours.periods.size());
    const long long slot = ((static_cast<long long>(year) - colours.first_period_year) % n + n) % n;
    return colours.periods[static_cast<std::size_t>(slot)];
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
