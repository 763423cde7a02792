#pragma once
// The order flows are painted in. Wider beneath narrower keeps the narrow ones visible where they
// cross, but a wide flow painted over a narrow one's end would hide how that movement ended (its
// head, bar or ring): a flow over another's end is painted beneath it instead.

#include <vector>

#include "layout/scene.hpp"

namespace steppeflow::layout {

// True when `over`, painted later, covers the end of `flow` (the tip of its head, its bar, its ring):
// the end lies within `over`'s half width and casing. A flow never hides its own parts' ends.
[[nodiscard]] bool end_hidden_under(const FlowShape& flow, const FlowShape& over, double casing_mm);

// Sorts wider beneath narrower, then lifts each flow above every flow that would cover its end (unless
// the two cover each other's ends: then the wider stays beneath). Near-linear: candidates come from a
// grid over the flows' bounds.
void order_for_visible_ends(std::vector<FlowShape>& shapes, double casing_mm);

}  // namespace steppeflow::layout
