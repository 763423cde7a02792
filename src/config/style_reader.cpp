#include "config/style_reader.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "config/toml_section.hpp"

namespace steppeflow::config {

namespace {

std::optional<config::Rgb> parse_colour(const std::string& text) {
    if (text.size() != 7 || text[0] != '#') return std::nullopt;
    const auto hex = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    std::array<double, 3> channels{};
    for (std::size_t i = 0; i < 3; ++i) {
        const int high = hex(text[1 + 2 * i]);
        const int low = hex(text[2 + 2 * i]);
        if (high < 0 || low < 0) return std::nullopt;
        channels[i] = (high * 16 + low) / 255.0;
    }
    return config::Rgb{channels[0], channels[1], channels[2]};
}

void read_colour(TomlSection& section, const std::string& key, config::Rgb& target) {
    const auto text = section.string(key);
    if (!text) return;
    const auto colour = parse_colour(*text);
    if (!colour) section.fail(key, fmt::format("'{}' is not a colour", *text), "write it as \"#rrggbb\"");
    target = *colour;
}

void read_size(TomlSection& section, const std::string& key, double& target, double low, double high,
               const char* unit) {
    const auto value = section.number(key);
    if (!value) return;
    if (*value < low || *value > high) {
        section.fail(
            key, fmt::format("{} {} is outside {} to {} {}", *value, unit, low, high, unit),
            low == config::kMinimumTextPt ? "journals ask for no text smaller than 6 pt at print size" : std::string{});
    }
    target = *value;
}

void read_text(TomlSection section, config::TextStyle& text) {
    if (const auto font = section.string("font")) {
        if (font->empty()) section.fail("font", "the font family is empty");
        text.font = *font;
        text.font_named_at = section.where("font").to_string();
    }
    const double min = config::kMinimumTextPt;
    read_size(section, "title_pt", text.title_pt, min, 40, "pt");
    read_size(section, "subtitle_pt", text.subtitle_pt, min, 30, "pt");
    read_size(section, "panel_title_pt", text.panel_title_pt, min, 30, "pt");
    read_size(section, "label_pt", text.label_pt, min, 30, "pt");
    read_size(section, "area_label_pt", text.area_label_pt, min, 40, "pt");
    read_size(section, "feature_label_pt", text.feature_label_pt, min, 30, "pt");
    read_size(section, "legend_pt", text.legend_pt, min, 30, "pt");
    read_size(section, "credits_pt", text.credits_pt, min, 20, "pt");
    read_size(section, "graticule_pt", text.graticule_pt, min, 20, "pt");
    read_size(section, "scale_bar_pt", text.scale_bar_pt, min, 20, "pt");
    read_size(section, "halo_mm", text.halo_mm, 0, 2, "mm");
    section.finish();
}

void read_lines(TomlSection section, config::LineStyle& lines) {
    read_size(section, "flow_max_mm", lines.flow_max_mm, 0.5, 20, "mm");
    read_size(section, "flow_min_mm", lines.flow_min_mm, 0.05, 5, "mm");
    read_size(section, "flow_casing_mm", lines.flow_casing_mm, 0, 2, "mm");
    read_size(section, "border_mm", lines.border_mm, 0, 3, "mm");
    read_size(section, "river_mm", lines.river_mm, 0, 3, "mm");
    read_size(section, "frame_mm", lines.frame_mm, 0, 3, "mm");
    read_size(section, "graticule_mm", lines.graticule_mm, 0, 3, "mm");
    read_size(section, "symbol_outline_mm", lines.symbol_outline_mm, 0, 2, "mm");
    read_size(section, "hairline_mm", lines.hairline_mm, 0, 1, "mm");
    read_size(section, "inset_extent_mm", lines.inset_extent_mm, 0, 2, "mm");
    if (lines.flow_min_mm > lines.flow_max_mm) {
        section.fail("flow_min_mm", fmt::format("the thinnest flow ({} mm) is wider than the widest ({} mm)",
                                                lines.flow_min_mm, lines.flow_max_mm));
    }
    section.finish();
}

void read_symbols(TomlSection section, config::SymbolStyle& symbols) {
    read_size(section, "okrug", symbols.okrug, 0.2, 10, "mm");
    read_size(section, "district", symbols.district, 0.2, 10, "mm");
    read_size(section, "town", symbols.town, 0.2, 10, "mm");
    read_size(section, "village", symbols.village, 0.2, 10, "mm");
    read_size(section, "outpost", symbols.outpost, 0.2, 10, "mm");
    read_size(section, "destination", symbols.destination, 0.2, 10, "mm");
    section.finish();
}

void read_colours(TomlSection section, config::ColourStyle& c) {
    const std::array<std::pair<const char*, config::Rgb*>, 23> named{{
        {"paper", &c.paper},
        {"water", &c.water},
        {"land", &c.land},
        {"river", &c.river},
        {"border", &c.border},
        {"frame", &c.frame},
        {"text", &c.text},
        {"halo", &c.halo},
        {"symbol_fill", &c.symbol_fill},
        {"symbol_line", &c.symbol_line},
        {"destination_area", &c.destination_area},
        {"graticule", &c.graticule},
        {"graticule_label", &c.graticule_label},
        {"area_label", &c.area_label},
        {"water_label", &c.water_label},
        {"unit_label", &c.unit_label},
        {"inset_extent", &c.inset_extent},
        {"people", &c.people},
        {"households", &c.households},
        {"families", &c.families},
        {"livestock", &c.livestock},
        {"unknown_unit", &c.unknown_unit},
        {"undated", &c.undated},
    }};
    for (const auto& [key, target] : named) read_colour(section, key, *target);
    if (const auto periods = section.strings("periods")) {
        if (periods->empty()) section.fail("periods", "the period palette is empty", "give at least one colour");
        c.periods.clear();
        for (const auto& text : *periods) {
            const auto colour = parse_colour(text);
            if (!colour) section.fail("periods", fmt::format("'{}' is not a colour", text), "write it as \"#rrggbb\"");
            c.periods.push_back(*colour);
        }
    }
    if (const auto year = section.integer("first_period_year")) {
        if (*year < -9999 || *year > 9999)
            section.fail("first_period_year", fmt::format("{} is not a year", *year), "give a year such as 1928");
        c.first_period_year = static_cast<int>(*year);
    }
    section.finish();
}

// [rules.NAME]: how the layers that take this rule are drawn (config/style.hpp, LayerRule).
void read_rules(TomlSection section, config::Style& style) {
    for (const auto& [key, node] : section.table()) {
        const std::string name(key.str());
        auto rule_section = section.section(name);
        if (!rule_section)
            section.fail(name, "expected a table of fill, line, width_mm, dash, width_by_rank, lettering, size_pt");
        LayerRule rule;
        Rgb colour;
        if (rule_section->has("fill")) {
            read_colour(*rule_section, "fill", colour);
            rule.fill = colour;
        }
        if (rule_section->has("line")) {
            read_colour(*rule_section, "line", colour);
            rule.line = colour;
        }
        read_size(*rule_section, "width_mm", rule.width_mm, 0, 5, "mm");
        if (const auto dash = rule_section->numbers("dash")) {
            for (const double length : *dash) {
                if (!(length > 0 && length <= 20))
                    rule_section->fail("dash", fmt::format("{} mm is not a dash length from 0 to 20 mm", length));
            }
            if (dash->size() % 2 != 0)
                rule_section->fail("dash", "a dash pattern lists lengths drawn and left out in pairs");
            rule.dash = *dash;
        }
        if (const auto by_rank = rule_section->boolean("width_by_rank")) rule.width_by_rank = *by_rank;
        if (const auto lettering = rule_section->string("lettering")) {
            const auto chosen = lettering_from(*lettering);
            if (!chosen)
                rule_section->fail("lettering", fmt::format("'{}' is not a lettering", *lettering),
                                   "write italic, spaced_caps, italic_spaced_caps or upright");
            rule.lettering = *chosen;
        }
        if (rule_section->has("size_pt")) {
            double size = 0;
            read_size(*rule_section, "size_pt", size, 6, 30, "pt");
            rule.size_pt = size;
        }
        if (!rule.fill && !rule.line)
            rule_section->fail("fill", "the rule neither fills nor strokes", "give fill, line or both");
        rule_section->finish();
        style.rules[name] = rule;
    }
}

}  // namespace

config::Style read_style(const std::filesystem::path& path) {
    const toml::table document = parse_toml_file(path);
    TomlSection root(document, path.string());
    config::Style style;
    style.name = path.stem().string();
    if (const auto name = root.string("name")) style.name = *name;
    (void)root.string("description");
    // Relative to the style file, like the files a layer list names.
    if (const auto layers = root.string("layers")) style.layers = path.parent_path() / *layers;
    if (auto text = root.section("text")) read_text(*text, style.text);
    if (auto lines = root.section("lines")) read_lines(*lines, style.lines);
    if (auto symbols = root.section("symbols")) read_symbols(*symbols, style.symbols);
    if (auto colours = root.section("colours")) read_colours(*colours, style.colours);
    if (auto rules = root.section("rules")) read_rules(*rules, style);
    root.finish();
    return style;
}

std::filesystem::path resolve_style(const std::string& name, const std::filesystem::path& styles_dir) {
    const bool is_path = name.ends_with(".toml") || name.find('/') != std::string::npos;
    std::filesystem::path path = is_path ? std::filesystem::path(name) : styles_dir / (name + ".toml");
    if (std::filesystem::is_regular_file(path)) return path;
    std::vector<std::string> presets;
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(styles_dir, error)) {
        if (entry.path().extension() == ".toml") presets.push_back(entry.path().stem().string());
    }
    std::sort(presets.begin(), presets.end());
    throw UsageError(fmt::format(
        "style '{}': no file {}{}", name, path.string(),
        presets.empty() ? std::string{}
                        : fmt::format("; presets in {}: {}", styles_dir.string(), fmt::join(presets, ", "))));
}

}  // namespace steppeflow::config
