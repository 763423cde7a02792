#pragma once

#include <map>
#include <string>
#include <vector>

#include "layout/figure_options.hpp"
#include "layout/scene.hpp"
#include "model/flow.hpp"

namespace steppeflow::layout {

// Width of a flow line: proportional to its count, never thinner than the minimum.
class WidthScale {
public:
    WidthScale(double max_count, double max_width_mm, double min_width_mm);
    [[nodiscard]] double width_for(double count) const;
    [[nodiscard]] double max_count() const { return max_count_; }

private:
    double max_count_;
    double max_width_mm_;
    double min_width_mm_;
};

// Straight flows from origin through the optional outpost to the destination, starting at the
// origin symbol's edge and ending with an arrowhead a fixed gap before the destination symbol.
std::vector<FlowShape> layout_flows(const std::vector<model::Flow>& flows,
                                    const std::map<std::string, PlaceSymbol, std::less<>>& symbols,
                                    const WidthScale& scale, const FigureOptions& options);

}  // namespace steppeflow::layout
