#pragma once
// Flows too short for their width: about as wide as they are long, they read as a fan or a blob, not
// an arrow. Such a flow is drawn as a disc of its width at its origin (its figure's cross-section, as a
// hub is) and a thin line from the disc's rim carrying its end mark.

#include <vector>

#include "layout/flow_routes.hpp"
#include "layout/scene.hpp"

namespace steppeflow::layout {

// Shorter than its width beyond its head, the head shrunk to fit as layout_flows shrinks it (to 0.6
// of a short flow's length). The blob measure in quality.cpp applies the same test to what is drawn.
[[nodiscard]] bool too_short_for_width(double length_mm, double width_mm, double head_mm);
[[nodiscard]] bool reads_as_blob(const FlowShape& shape);

// Turns the flow into its thin line from the disc (FlowPart::from_disc, `thin_mm` wide) and returns
// the disc, centred at `origin`, `width_mm` across (`high_width_mm` for a stated range's high end).
FlowHub short_flow_disc(FlowShape& shape, Point origin, double width_mm, double high_width_mm, double thin_mm);

// A disc standing in an origin area (not at a place's symbol) moves back from where its line goes,
// until that line is long enough to carry its end mark and the disc touches no other disc, never
// leaving the area; its line is lengthened to its rim. A disc at a symbol stays on it.
void separate_short_discs(std::vector<FlowHub>& hubs, std::vector<FlowShape>& shapes, const AreaIndex& areas);

}  // namespace steppeflow::layout
