#pragma once
// Measures of a laid-out map that a cartographer would check by eye: flows over symbols they do not
// belong to, labels over labels, labels left out, arrowheads off their gap. The layout report and
// the tests read them.

#include <optional>
#include <string>
#include <vector>

#include "layout/scene.hpp"

namespace steppeflow::layout {

struct Intrusion {
    std::string flow_id;
    std::string place_id;
    double clearance_mm = 0;  // edge of the flow to edge of the symbol; negative: it overlaps
};

struct LabelOverlap {
    std::string first;
    std::string second;
};

struct LayoutQuality {
    std::vector<Intrusion> intrusions;  // flows passing closer than `min_clearance_mm` to a foreign symbol
    std::vector<LabelOverlap> label_overlaps;
    int labels_over_flows = 0;         // labels that touch a flow (allowed where unavoidable)
    int basemap_names_over_flows = 0;  // of those, basemap names (rivers, lakes, units): never allowed
    int labels_not_placed = 0;
    int names_given_twice = 0;  // unit, state and range names set more than once on one map (Persia twice)
    int overlapping_hubs = 0;   // pairs of figures-for-several-places discs that touch
    // Flows whose end mark (what became of the movement) no row of the legend explains, on a map
    // with a legend: an attempt drawn like a detention, say.
    int outcomes_not_keyed = 0;
    // Places located to ±30 km or worse drawn as an exact symbol, without the ring of their precision.
    int rough_places_drawn_exact = 0;
    // Flows into an area or stopped at a border, with no crossing point stated, drawn unbroken to the end.
    int schematic_crossings_drawn_as_known = 0;
    // Broken ends and precision rings drawn on a map whose legend has no row explaining them.
    int vagueness_not_keyed = 0;
    // Flows drawn as a disc of their width (too short for an arrow) on a map whose legend has no disc row.
    int discs_not_keyed = 0;
    // Print sizes at final size (journals: Elsevier 7 pt text, Taylor & Francis 0.3 pt lines): texts
    // set smaller than 7 pt, and basemap, graticule and furniture lines thinner than 0.3 pt.
    int texts_below_7pt = 0;
    int lines_below_0_3pt = 0;
    // Labels whose colour stands less than 4.5:1 against their halo (WCAG's ratio for small text).
    int low_contrast_labels = 0;
    // Flows too short for their width to read as an arrow (shorter than their width beyond the
    // arrowhead, about as wide as they are long): they read as a fan or a blob. Layout draws such a
    // flow as a disc of its width and a thin line (FlowPart::from_disc), which this does not count.
    std::vector<std::string> blob_flows;
    // Flows whose end (the tip of the head, the bar, the ring, the cross) lies under a flow drawn after them.
    std::vector<std::string> hidden_ends;
    // Place labels nearer another symbol than their own (edge to edge), with no leader line to their
    // own: a reader takes them for its name.
    std::vector<std::string> misattached_labels;
    // Pairs of flows (not sharing a place) whose lines cross at less than 20 degrees, as "F015/F016".
    std::vector<std::string> acute_crossings;
    // Flows whose line turns through more than 100 degrees in all: a hook or a curl, not a movement.
    std::vector<std::string> hooked_flows;
};

// `min_clearance_mm`: how close a flow's edge may come to a foreign symbol's edge.
LayoutQuality measure_quality(const Scene& scene, double min_clearance_mm = 0);

// Distance from a flow's tip to the edge of the symbol it ends at, or nothing when it does not end at one.
std::optional<double> tip_gap(const FlowShape& flow, const std::vector<PlaceSymbol>& places);

}  // namespace steppeflow::layout
