#include "layout/flow_layout.hpp"

#include <algorithm>
#include <cmath>

namespace steppeflow::layout {

WidthScale::WidthScale(double max_count, double max_width_mm, double min_width_mm)
    : max_count_(max_count > 0 ? max_count : 1), max_width_mm_(max_width_mm), min_width_mm_(min_width_mm) {}

double WidthScale::width_for(double count) const {
    return std::max(min_width_mm_, max_width_mm_ * count / max_count_);
}

namespace {

Point toward(Point from, Point to, double distance) {
    const double length = std::hypot(to.x - from.x, to.y - from.y);
    if (length <= 0) return from;
    const double t = distance / length;
    return {from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t};
}

}  // namespace

std::vector<FlowShape> layout_flows(const std::vector<model::Flow>& flows,
                                    const std::map<std::string, PlaceSymbol, std::less<>>& symbols,
                                    const WidthScale& scale, const FigureOptions& options) {
    std::vector<FlowShape> shapes;
    for (const auto& flow : flows) {
        const auto origin = symbols.find(flow.origin);
        const auto destination = symbols.find(flow.destination);
        if (origin == symbols.end() || destination == symbols.end()) continue;
        FlowShape shape;
        shape.flow_id = flow.id;
        shape.unit = flow.unit;
        shape.status = flow.status;
        shape.certainty = flow.certainty;
        shape.width_mm = flow.count ? scale.width_for(static_cast<double>(*flow.count)) : options.min_flow_width_mm;
        shape.arrow_length_mm = std::max(1.6, 2.0 * shape.width_mm);
        shape.arrow_width_mm = std::max(1.4, 1.8 * shape.width_mm);

        PagePath stops{origin->second.centre};
        double start_radius = origin->second.radius_mm;
        if (const auto via = symbols.find(flow.via); !flow.via.empty() && via != symbols.end()) {
            // An origin known only as a whole country is no point to draw from: start at the crossing.
            if (origin->second.kind == model::PlaceKind::country) {
                stops.front() = via->second.centre;
                start_radius = via->second.radius_mm;
            } else {
                stops.push_back(via->second.centre);
            }
        }
        stops.push_back(destination->second.centre);
        if (stops.size() == 2 && stops.front() == stops.back()) continue;  // origin and destination coincide

        // Trim at the origin symbol and stop a gap before the destination symbol.
        stops.front() = toward(stops.front(), stops[1], start_radius);
        const Point before_end = stops[stops.size() - 2];
        stops.back() = toward(stops.back(), before_end, destination->second.radius_mm + options.arrow_gap_mm);
        shape.centre_line = std::move(stops);
        shapes.push_back(std::move(shape));
    }
    // Larger flows are drawn first, so smaller ones stay visible on top of them.
    std::stable_sort(shapes.begin(), shapes.end(), [](const FlowShape& a, const FlowShape& b) { return a.width_mm > b.width_mm; });
    return shapes;
}

}  // namespace steppeflow::layout
