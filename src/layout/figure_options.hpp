#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "config/locale_reader.hpp"
#include "config/style.hpp"
#include "layout/map_frame.hpp"
#include "layout/relief_image.hpp"
#include "layout/text_measure.hpp"
#include "model/flow_filter.hpp"
#include "model/place.hpp"

namespace steppeflow::layout {

// Reports long work as it goes: what is being done, and how much of it (0 to 1). May be empty.
using ProgressReport = std::function<void(const std::string& stage, double fraction)>;

// How flow width follows the count: in proportion, by square root (area-like), or in classes.
enum class WidthMode { linear, sqrt, classes };

struct FigureOptions {
    double page_width_mm = 174;  // a journal's double column
    double page_height_mm = 140;
    double margin_mm = 4;
    std::optional<LonLatBox> extent;  // fit to the data when absent
    double extent_margin = 0.08;      // fraction of the data's larger side
    config::Locale locale = config::builtin_locale("en");  // the wording, and the language of names
    std::string title;
    std::string subtitle;
    std::string credits;
    double arrow_gap_mm = 0.6;    // between arrowhead tip and destination symbol
    double area_inset_mm = 4;     // how far a crossing runs into a destination area
    double min_stub_mm = 2.5;     // shortest drawn flow beyond its origin symbol
    double frame_inset_mm = 1.5;  // flows keep this far inside the map frame
    double clearance_mm = 0.8;    // between a flow and a place symbol it does not touch
    WidthMode width_mode = WidthMode::linear;
    std::vector<double> width_classes;  // class upper bounds for WidthMode::classes (empty: chosen)
    int layout_iterations = 50;
    bool avoid_obstacles = true;  // move flows off foreign symbols and arrowheads after the forces
    // Where the legend goes: beside the map (right), under it (below), or whichever gives the map
    // the larger scale (automatic).
    enum class LegendPlace { automatic, right, below } legend_place = LegendPlace::automatic;
    bool graticule = true;
    bool scale_bar = true;
    bool north_arrow = false;
    bool livestock = false;  // "388 head of livestock" beside each flow whose record states it
    bool inset = false;
    std::optional<LonLatBox> inset_extent;  // the locator's region (default: the basemap's coverage)
    config::Style style;                    // fonts, sizes, line weights and colours
    ReliefShader relief_shader;             // shades relief layers; none: they are left blank
    // Year comparison: flows coloured by the period they belong to, with a legend of periods.
    bool colour_by_period = false;
    std::vector<model::Period> periods;
    // Small multiples and sequences share one extent and one width scale across their panels.
    std::optional<ProjectedBox> projected_extent;  // overrides `extent`
    // Per unit, the count drawn at the style's widest flow; empty: each figure's own largest.
    std::optional<std::map<std::optional<model::Unit>, double>> shared_max_counts;
    bool legend = true;  // panels leave the legend to the page
    // The flows the legend explains, when not only those drawn (a sequence's frames share one legend).
    std::shared_ptr<const std::vector<model::Flow>> legend_flows;
    // Set by build_scene when the routes show flows that will be drawn as discs: the legend is planned
    // with the row that keys them.
    bool key_short_flows = false;
    bool panel = false;  // title in the panel-title size, no credits
    // Set while an automatic page height is fitted, and kept on the options that fit returns: the page
    // may grow, so a legend beside the map takes the room of its longest wording in any language.
    bool fitting_page_height = false;
    ProgressReport progress;  // told what is being done on long work (empty: silent)
};

}  // namespace steppeflow::layout
