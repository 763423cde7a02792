#pragma once
// How a figure looks: fonts, text sizes, line weights, symbol sizes and colours. Styles are read
// from TOML presets in styles/ (io/style_reader); the defaults here equal styles/colour.toml, and a
// test keeps the two in step.

#include <optional>
#include <string>
#include <vector>

#include "model/flow.hpp"
#include "model/place.hpp"

namespace steppeflow::layout {

struct Rgb {
    double r = 0;
    double g = 0;
    double b = 0;
    friend bool operator==(const Rgb&, const Rgb&) = default;
};

// Journals ask for no text smaller than this at the printed size.
inline constexpr double kMinimumTextPt = 6.0;

struct TextStyle {
    std::string font = "Noto Sans";
    double title_pt = 11;
    double subtitle_pt = 8;
    double panel_title_pt = 8;
    double label_pt = 6.5;
    double area_label_pt = 9.5;
    double legend_pt = 6.5;
    double credits_pt = 6;
    double graticule_pt = 6;
    double scale_bar_pt = 6;
    double halo_mm = 0.35;
};

struct LineStyle {
    double flow_max_mm = 4.0;  // width of the largest count
    double flow_min_mm = 0.35;  // no flow thinner, so every flow stays visible
    double flow_casing_mm = 0.25;  // white edge that keeps overlapping flows apart
    double border_mm = 0.25;
    double river_mm = 0.2;
    double frame_mm = 0.25;
    double graticule_mm = 0.1;
    double symbol_outline_mm = 0.25;
    double hairline_mm = 0.15;       // legend box, scale bar, inset borders
    double inset_extent_mm = 0.35;   // the main map's outline in the inset
};

// Symbol radii in mm by kind of place.
struct SymbolStyle {
    double okrug = 1.4;
    double district = 1.0;
    double town = 1.0;
    double village = 0.7;
    double outpost = 1.1;
    double destination = 1.6;
};

struct ColourStyle {
    Rgb paper{1, 1, 1};
    Rgb water{0.80, 0.87, 0.92};
    Rgb land{0.965, 0.955, 0.93};
    Rgb river{0.50, 0.66, 0.80};
    Rgb border{0.45, 0.45, 0.45};
    Rgb frame{0.2, 0.2, 0.2};
    Rgb text{0.1, 0.1, 0.1};
    Rgb halo{1, 1, 1};
    Rgb symbol_fill{1, 1, 1};
    Rgb symbol_line{0.1, 0.1, 0.1};
    Rgb destination_area{0.985, 0.935, 0.86};
    Rgb graticule{0.62, 0.66, 0.70};
    Rgb area_label{0.42, 0.36, 0.30};
    Rgb inset_extent{0.80, 0.10, 0.10};
    // Flow colours by unit (maps that are not coloured by year).
    Rgb people{0.835, 0.369, 0.0};
    Rgb households{0.0, 0.447, 0.698};
    Rgb families{0.800, 0.475, 0.655};
    Rgb livestock{0.55, 0.43, 0.19};
    Rgb unknown_unit{0.40, 0.40, 0.40};
    Rgb undated{0.55, 0.55, 0.55};  // flows without a date, when the map is coloured by period
    // Flow colours by period (year overlays), in time order; repeated from the start when exhausted.
    std::vector<Rgb> periods{{0.902, 0.624, 0.0},   {0.337, 0.706, 0.914}, {0.0, 0.620, 0.451},
                             {0.835, 0.369, 0.0},   {0.0, 0.447, 0.698},   {0.800, 0.475, 0.655}};
};

struct Style {
    std::string name = "colour";
    TextStyle text;
    LineStyle lines;
    SymbolStyle symbols;
    ColourStyle colours;
};

[[nodiscard]] double symbol_radius(const Style& style, model::PlaceKind kind);

// A flow's period on a map coloured by period: an index into the figure's periods, or one of these.
inline constexpr int kNoPeriod = -1;  // the map is not coloured by period
inline constexpr int kUndated = -2;   // coloured by period, but the flow has no date

// The colour a flow is drawn in: its period's colour when the map is coloured by period, else its unit's.
[[nodiscard]] Rgb flow_colour(const Style& style, std::optional<model::Unit> unit, int period);

}  // namespace steppeflow::layout
