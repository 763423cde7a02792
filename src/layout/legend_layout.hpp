#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "layout/figure_options.hpp"
#include "layout/flow_layout.hpp"
#include "layout/map_text.hpp"
#include "layout/scene.hpp"

namespace steppeflow::layout {

// What the legend has to explain, taken from the flows and places being drawn.
struct LegendContent {
    std::set<model::Unit> units;
    bool unknown_unit = false;
    std::set<UnitKey> counted_units;           // units some flow gives a count in: one width key each
    std::map<UnitKey, double> smallest_count;  // per unit: drawn at the minimum width, said so
    bool crossed = false;
    bool detained = false;
    bool attempted = false;  // outcome not stated
    bool planned = false;
    bool uncertain = false;  // estimates and lower bounds
    bool unknown_size = false;
    bool died = false;
    bool returned = false;        // returned or did not return: arrows
    bool several_places = false;  // a figure for several places (trunk or hub, and branches)
    bool hubs = false;            // some drawn as a disc (set from the layout)
    bool range = false;           // a stated range (count_high)
    bool area_destination = false;
    bool by_period = false;            // colours stand for periods, not units
    std::vector<std::string> periods;  // their labels, in order
    bool undated = false;              // some flows have no date
    std::vector<PlaceSymbol> symbols;  // one per kind shown, in legend order
    bool roughly_located = false;      // some place drawn with the ring of its stated precision
    bool schematic_crossing = false;   // some flow ends broken: its crossing point is not stated
    bool short_flows = false;          // some flow drawn as a disc and a thin line (see short_flows.hpp)
};

LegendContent legend_content(const std::vector<model::Flow>& flows, const std::vector<PlaceSymbol>& places,
                             bool area_destination, const FigureOptions& options);

// The legend as a strip of sections (widths, colours, outcome, places) set side by side and wrapped
// to `available_width_mm`; `reserved_width_mm` keeps room at the end of the last line (the scale
// bar). The box starts at (0, 0); move it with shift_legend.
// After the flows are laid out: the row for figures of several places shows a disc only when one is
// drawn as a hub; otherwise it shows the thin branch alone.
void match_hub_row(Legend& legend, bool hubs_drawn, const config::Locale& locale);

// The legend's words for a unit ("households (farms)"), and a count as journals set it (thin-space
// thousands separators).
[[nodiscard]] Phrase unit_phrase(std::optional<model::Unit> unit);
[[nodiscard]] std::string count_text(double count);

Legend layout_legend(const LegendContent& content, const WidthScales& scales, const FigureOptions& options,
                     const TextMeasure& measure, double available_width_mm, double reserved_width_mm = 0);

void shift_legend(Legend& legend, double dx, double dy);

// The round counts the legend shows for a scale, largest first.
std::vector<double> legend_counts(const WidthScale& scale);

// Whether the legend has the row keying flows drawn as a disc of their width (FlowPart::from_disc).
[[nodiscard]] bool keys_short_flows(const Legend& legend);

}  // namespace steppeflow::layout
