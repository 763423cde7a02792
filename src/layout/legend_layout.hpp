#pragma once

#include <vector>

#include "layout/figure_options.hpp"
#include "layout/flow_layout.hpp"
#include "layout/scene.hpp"

namespace steppeflow::layout {

// Width samples at round counts of the scale, the units, statuses and certainties present among the
// drawn flows, and the kinds of place symbol shown; placed in the map frame's lower-left corner.
Legend layout_legend(const Scene& scene, const WidthScale& scale, const FigureOptions& options, const TextMeasure& measure);

}  // namespace steppeflow::layout
