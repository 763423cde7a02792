#pragma once
// How a figure looks: fonts, text sizes, line weights, symbol sizes and colours. Styles are read
// from TOML presets in styles/ (config/style_reader); the defaults here equal styles/colour.toml, and a
// test keeps the two in step.

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/flow.hpp"
#include "model/place.hpp"

namespace steppeflow::config {

struct Rgb {
    double r = 0;
    double g = 0;
    double b = 0;
    friend bool operator==(const Rgb&, const Rgb&) = default;
};

// Journals ask for no text smaller than this at the printed size.
inline constexpr double kMinimumTextPt = 6.0;  // refused below; journals ask 7 pt (quality counts it)

struct TextStyle {
    std::string font = "Noto Sans";
    std::string font_named_at;  // where a style file names the font ("file:line:column (key 'text.font')")
    double title_pt = 11;
    double subtitle_pt = 8;
    double panel_title_pt = 8;
    double label_pt = 7;
    double area_label_pt = 9.5;
    double feature_label_pt = 7;  // names of rivers, lakes, ranges (label layers), in italics
    double legend_pt = 7;
    double credits_pt = 7;
    double graticule_pt = 7;
    double scale_bar_pt = 7;
    double halo_mm = 0.35;
    friend bool operator==(const TextStyle&, const TextStyle&) = default;
};

struct LineStyle {
    double flow_max_mm = 4.0;      // width of the largest count
    double flow_min_mm = 0.35;     // no flow thinner, so every flow stays visible
    double flow_casing_mm = 0.25;  // white edge that keeps overlapping flows apart
    double border_mm = 0.25;
    double river_mm = 0.2;
    double frame_mm = 0.25;
    double graticule_mm = 0.11;  // 0.3 pt: the thinnest line journals print
    double symbol_outline_mm = 0.25;
    double hairline_mm = 0.15;      // legend box, scale bar, inset borders
    double inset_extent_mm = 0.35;  // the main map's outline in the inset
    friend bool operator==(const LineStyle&, const LineStyle&) = default;
};

// Symbol radii in mm by kind of place.
struct SymbolStyle {
    double okrug = 1.4;
    double district = 1.0;
    double town = 1.0;
    double village = 0.7;
    double outpost = 1.1;
    double destination = 1.6;
    friend bool operator==(const SymbolStyle&, const SymbolStyle&) = default;
};

// A colour written as 0xrrggbb, exactly as a style file's "#rrggbb" reads.
constexpr Rgb hex_colour(unsigned value) {
    return {((value >> 16) & 0xff) / 255.0, ((value >> 8) & 0xff) / 255.0, (value & 0xff) / 255.0};
}

struct ColourStyle {
    Rgb paper = hex_colour(0xffffff);
    Rgb water = hex_colour(0xccdeeb);
    Rgb land = hex_colour(0xf6f4ed);
    Rgb river = hex_colour(0x80a8cc);
    Rgb border = hex_colour(0x737373);
    Rgb frame = hex_colour(0x333333);
    Rgb text = hex_colour(0x1a1a1a);
    Rgb halo = hex_colour(0xffffff);
    Rgb symbol_fill = hex_colour(0xffffff);
    Rgb symbol_line = hex_colour(0x1a1a1a);
    Rgb destination_area = hex_colour(0xfbeedb);
    Rgb graticule = hex_colour(0x9ea8b2);
    Rgb graticule_label = hex_colour(0x5f6b78);  // 5.4:1 on the halo: degrees a reader can read
    Rgb area_label = hex_colour(0x6b5c4c);
    Rgb water_label = hex_colour(0x3d6d99);  // names of rivers and lakes
    Rgb unit_label = hex_colour(0x595959);   // names of states and units of a period
    Rgb inset_extent = hex_colour(0xcc1a1a);
    // Flow colours by unit (maps that are not coloured by year): Okabe–Ito, safe for colour-blind readers.
    Rgb people = hex_colour(0xd55e00);
    Rgb households = hex_colour(0x0072b2);
    Rgb families = hex_colour(0xcc79a7);
    Rgb livestock = hex_colour(0x8c6e30);
    Rgb unknown_unit = hex_colour(0x666666);
    Rgb undated = hex_colour(0x8c8c8c);  // flows without a date, when the map is coloured by period
    // One colour per year, listed from `first_period_year` on and cycling: a year has the same colour
    // in every figure, whichever years a figure shows. Told apart under deuteranopia too (Paul Tol's
    // muted scheme, none near the unit colours): wine, olive, indigo, teal, green, lavender.
    std::vector<Rgb> periods{hex_colour(0x882255), hex_colour(0x999933), hex_colour(0x332288),
                             hex_colour(0x44aa99), hex_colour(0x117733), hex_colour(0x7570b3)};
    int first_period_year = 1928;  // the year of the palette's first colour
    friend bool operator==(const ColourStyle&, const ColourStyle&) = default;
};

// How a basemap layer is drawn: its areas filled, its lines (and area outlines) stroked. A layer
// takes the rule named after its role (land, water, river, border, area) unless it names another.
// How a label layer sets its names: italic (water, by cartographic convention), upright letter-spaced
// capitals (a state or a unit), italic letter-spaced capitals (a range), or upright (a town).
enum class Lettering { italic, spaced_caps, italic_spaced_caps, upright };
[[nodiscard]] std::optional<Lettering> lettering_from(std::string_view text);
[[nodiscard]] bool is_italic(Lettering lettering);
[[nodiscard]] bool is_spaced_caps(Lettering lettering);

struct LayerRule {
    std::optional<Rgb> fill;  // label layers: the text's colour
    std::optional<Rgb> line;
    double width_mm = 0.2;
    std::vector<double> dash;                 // mm drawn, mm left out, …; empty: solid
    bool width_by_rank = false;               // lines of lower scalerank (great rivers) drawn wider
    Lettering lettering = Lettering::italic;  // label layers
    std::optional<double> size_pt;            // label layers; default: the style's feature_label_pt
    friend bool operator==(const LayerRule&, const LayerRule&) = default;
};

struct Style {
    std::string name = "colour";
    TextStyle text;
    LineStyle lines;
    SymbolStyle symbols;
    ColourStyle colours;
    std::map<std::string, LayerRule> rules;  // declared by the style file ([rules.NAME]); see layer_rule
    std::filesystem::path layers;  // a layer list the style draws its basemap from (spec and command line first)
    friend bool operator==(const Style&, const Style&) = default;
};

// The rule a layer is drawn by: the style's own, else the built-in rule of a role drawn in the
// style's colours and line weights (land, water, river, border, area); nullopt for any other name.
[[nodiscard]] std::optional<LayerRule> layer_rule(const Style& style, const std::string& name);

[[nodiscard]] double symbol_radius(const Style& style, model::PlaceKind kind);

// A flow's period on a map coloured by period: an index into the figure's periods, or one of these.
inline constexpr int kNoPeriod = -1;  // the map is not coloured by period
inline constexpr int kUndated = -2;   // coloured by period, but the flow has no date

// The colour a flow is drawn in: its period's colour when the map is coloured by period, else its unit's.
[[nodiscard]] Rgb flow_colour(const Style& style, std::optional<model::Unit> unit, int period);

// The style's colour for a period beginning in `year`: the palette runs from first_period_year on.
[[nodiscard]] Rgb colour_of_year(const ColourStyle& colours, int year);

}  // namespace steppeflow::config
