#pragma once

#include <string>
#include <vector>

#include "layout/figure_options.hpp"
#include "layout/flow_routes.hpp"
#include "layout/scene.hpp"
#include "model/flow.hpp"

namespace steppeflow::layout {

// Width of a flow line from its count: linear, square-root or stepped classes; never thinner than
// the minimum, so the smallest flow stays visible. The legend draws its samples with the same scale.
class WidthScale {
public:
    WidthScale(double max_count, double max_width_mm, double min_width_mm, WidthMode mode = WidthMode::linear,
               std::vector<double> class_bounds = {});
    [[nodiscard]] double width_for(double count) const;
    [[nodiscard]] double max_count() const { return max_count_; }
    [[nodiscard]] WidthMode mode() const { return mode_; }
    // Upper bounds of the classes (WidthMode::classes), ascending; the last is the maximum count.
    [[nodiscard]] const std::vector<double>& class_bounds() const { return class_bounds_; }

private:
    double max_count_;
    double max_width_mm_;
    double min_width_mm_;
    WidthMode mode_;
    std::vector<double> class_bounds_;
};

// Arrowhead size for a flow width: it grows with the flow, but stays visible on thin flows.
double arrow_length_for(double width_mm);
double arrow_width_for(double width_mm);

struct FlowLayout {
    std::vector<FlowShape> shapes;      // drawing order: wider beneath narrower
    std::vector<FlowHub> hubs;          // figures for several destinations drawn as discs
    std::vector<std::string> warnings;  // flows not drawn, and why
};

// Curved flows from origin through the optional outpost to the destination (force-directed, with
// node and arrowhead avoidance), starting at the origin symbol's edge and ending with an arrowhead
// a fixed gap before the destination symbol, inside a destination area, or at the frame.
FlowLayout layout_flows(const std::vector<model::Flow>& flows, const SymbolIndex& symbols, const AreaIndex& areas,
                        const std::vector<PlaceSymbol>& drawn_symbols, const Box& frame, const WidthScale& scale,
                        const FigureOptions& options);

}  // namespace steppeflow::layout
