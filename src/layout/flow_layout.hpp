#pragma once

#include <map>
#include <optional>
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
    // The largest count drawn at the minimum width (below it every count looks the same), 0 if none is.
    [[nodiscard]] double largest_at_minimum() const;
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

// One width scale per unit: a household is several people and a family is not a household, so their
// counts share no scale unless a conversion is stated (and then they are one unit, people). Each unit
// present gets its own scale, its largest count drawn at the style's widest line, and its own key.
using UnitKey = std::optional<model::Unit>;
class WidthScales {
public:
    WidthScales(const std::map<UnitKey, double>& max_counts, double max_width_mm, double min_width_mm,
                WidthMode mode = WidthMode::linear, const std::vector<double>& class_bounds = {});
    // The scale of a unit; a unit no flow counted in gets a scale of its own from 1.
    [[nodiscard]] const WidthScale& of(const UnitKey& unit) const;
    [[nodiscard]] double width_for(const UnitKey& unit, double count) const { return of(unit).width_for(count); }
    [[nodiscard]] const std::map<UnitKey, WidthScale>& all() const { return scales_; }
    [[nodiscard]] WidthMode mode_of_all() const { return fallback_.mode(); }

private:
    std::map<UnitKey, WidthScale> scales_;
    WidthScale fallback_;
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
                        const std::vector<PlaceSymbol>& drawn_symbols, const Box& frame, const WidthScales& scales,
                        const FigureOptions& options);

// Whether layout_flows will draw some flow as a disc (too short for its width on its straight route):
// the legend needs that row before the page is planned. Routes only, no layout: cheap.
[[nodiscard]] bool draws_short_flows(const std::vector<model::Flow>& flows, const SymbolIndex& symbols,
                                     const AreaIndex& areas, const std::vector<PlaceSymbol>& drawn_symbols,
                                     const Box& frame, const WidthScales& scales, const FigureOptions& options);

}  // namespace steppeflow::layout
