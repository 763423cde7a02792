#include "layout/short_flows.hpp"

#include <algorithm>

#include "layout/flow_layout.hpp"
#include "layout/geometry.hpp"

namespace steppeflow::layout {

namespace {

constexpr double kRimGapMm = 0.2;   // between a disc's rim and the start of its line
constexpr double kLeastLineMm = 3;  // a line that carries its end mark, and some of its course
constexpr double kFarthestMoveMm = 20;
constexpr double kMoveStepMm = 0.25;

double outer_radius(const FlowHub& hub) { return std::max(hub.radius_mm, hub.high_radius_mm); }

bool touches_another(const FlowHub& disc, const std::vector<FlowHub>& hubs) {
    return std::any_of(hubs.begin(), hubs.end(), [&](const FlowHub& other) {
        return &other != &disc && distance(other.centre, disc.centre) < outer_radius(other) + outer_radius(disc) + 0.3;
    });
}

}  // namespace

bool too_short_for_width(double length_mm, double width_mm, double head_mm) {
    return length_mm < width_mm + std::min(head_mm, 0.6 * length_mm);
}

bool reads_as_blob(const FlowShape& shape) {
    return too_short_for_width(path_length(shape.centre_line), shape.width_mm, shape.arrow_length_mm);
}

FlowHub short_flow_disc(FlowShape& shape, Point origin, double width_mm, double high_width_mm, double thin_mm) {
    FlowHub disc;
    disc.flow_id = shape.flow_id;
    disc.centre = origin;
    disc.radius_mm = width_mm / 2;
    disc.high_radius_mm = high_width_mm / 2;
    disc.unit = shape.unit;
    disc.status = shape.status;
    disc.certainty = shape.certainty;
    disc.period = shape.period;
    disc.origin_area = shape.origin_area;
    disc.short_flow = true;

    shape.part = FlowPart::from_disc;
    shape.width_mm = thin_mm;
    shape.high_width_mm = 0;
    if (shape.arrow_length_mm > 0) {
        shape.arrow_length_mm = arrow_length_for(thin_mm);
        shape.arrow_width_mm = arrow_width_for(thin_mm);
    }
    if (PagePath trimmed = trim_start(shape.centre_line, disc.centre, outer_radius(disc) + kRimGapMm);
        trimmed.size() >= 2)
        shape.centre_line = std::move(trimmed);
    return disc;
}

void separate_short_discs(std::vector<FlowHub>& hubs, std::vector<FlowShape>& shapes, const AreaIndex& areas) {
    for (auto& disc : hubs) {
        if (!disc.short_flow || disc.origin_area.empty()) continue;
        const auto line = std::find_if(shapes.begin(), shapes.end(), [&](const FlowShape& shape) {
            return shape.part == FlowPart::from_disc && shape.flow_id == disc.flow_id;
        });
        if (line == shapes.end() || line->centre_line.size() < 2) continue;
        const Point away = unit(disc.centre - line->centre_line.back());
        if (length(away) < 0.5) continue;
        const auto area = areas.find(disc.origin_area);
        double moved = 0;
        while (moved < kFarthestMoveMm &&
               (path_length(line->centre_line) + moved < kLeastLineMm || touches_another(disc, hubs))) {
            const Point next = disc.centre + away * kMoveStepMm;
            if (area != areas.end() && !inside_rings(next, area->second.rings)) break;
            disc.centre = next;
            moved += kMoveStepMm;
        }
        if (moved == 0) continue;
        // The line starts at the rim again: a straight stretch back to where the disc now stands.
        line->centre_line.insert(line->centre_line.begin(), disc.centre - away * (outer_radius(disc) + kRimGapMm));
        line->schematic_end_mm = std::min(line->schematic_end_mm, 0.35 * path_length(line->centre_line));
    }
}

}  // namespace steppeflow::layout
