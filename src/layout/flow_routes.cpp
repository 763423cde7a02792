#include "layout/flow_routes.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include <fmt/format.h>

#include "layout/geometry.hpp"

namespace steppeflow::layout {

bool is_stopped(model::Status status) { return status != model::Status::crossed; }

namespace {

struct AreaEntry {
    Point border;     // where the route meets the area's border
    Point direction;  // the direction of travel there
};

// Whether the straight way from a to b keeps clear of every symbol but the flow's own.
bool clear_way(Point a, Point b, const std::vector<PlaceSymbol>& symbols, const std::vector<std::string>& own,
               double clearance_mm) {
    return std::ranges::all_of(symbols, [&](const PlaceSymbol& symbol) {
        return std::find(own.begin(), own.end(), symbol.place_id) != own.end() ||
               distance_to_segment(symbol.centre, a, b) >= symbol.radius_mm + clearance_mm;
    });
}

// Where a route from `from` (arriving along `arrival`, zero if unknown) meets the area: the nearest
// point of its border that can be reached without passing over another place's symbol, or straight
// on when `from` already lies on the border (an outpost).
std::optional<AreaEntry> area_entry(const DestinationArea& area, Point from, Point arrival, double on_border_mm,
                                    std::optional<Point> area_point, const std::vector<PlaceSymbol>& symbols,
                                    const std::vector<std::string>& own, double clearance_mm) {
    Point best{};
    double best_distance = std::numeric_limits<double>::infinity();
    for (const auto& ring : area.rings) {
        const Point q = nearest_point_on_path(from, ring, true);
        const double d = distance(from, q);
        if (d < best_distance) {
            best_distance = d;
            best = q;
        }
    }
    if (!std::isfinite(best_distance)) return std::nullopt;
    if (best_distance <= on_border_mm || inside_rings(from, area.rings)) {
        // Straight on; or, with no way in known (a crossing named without its origin), towards the
        // place that stands for the area.
        if (length(arrival) > 0) return AreaEntry{from, unit(arrival)};
        if (area_point && distance(*area_point, from) > 0) return AreaEntry{from, unit(*area_point - from)};
        return std::nullopt;
    }
    if (!clear_way(from, best, symbols, own, clearance_mm)) {
        // Border points in order of distance, every half millimetre along the rings: the first with a clear way.
        std::vector<std::pair<double, Point>> candidates;
        for (const auto& ring : area.rings) {
            for (std::size_t i = 0; i < ring.size(); ++i) {
                const Point a = ring[i];
                const Point b = ring[(i + 1) % ring.size()];
                const int steps = std::max(1, static_cast<int>(distance(a, b) / 0.5));
                for (int k = 0; k < steps; ++k) {
                    const Point p = a + (b - a) * (static_cast<double>(k) / steps);
                    const double d = distance(from, p);
                    if (d < best_distance + 8) candidates.emplace_back(d, p);  // a short detour at most
                }
            }
        }
        std::sort(candidates.begin(), candidates.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
        for (const auto& [d, p] : candidates) {
            if (clear_way(from, p, symbols, own, clearance_mm)) return AreaEntry{p, unit(p - from)};
        }
    }
    return AreaEntry{best, unit(best - from)};
}

}  // namespace

RoutePlan plan_routes(const std::vector<model::Flow>& flows, const SymbolIndex& symbols, const AreaIndex& areas,
                      const std::vector<PlaceSymbol>& drawn_symbols, const Box& frame, const FigureOptions& options) {
    RoutePlan plan;
    const Box inner = shrink(frame, options.frame_inset_mm);
    for (std::size_t i = 0; i < flows.size(); ++i) {
        const auto& flow = flows[i];
        const auto origin = symbols.find(flow.origin);
        const auto destination = symbols.find(flow.destination);
        const auto area = areas.find(flow.destination);
        if (origin == symbols.end() || (destination == symbols.end() && area == areas.end())) continue;
        const auto via = flow.via.empty() ? symbols.end() : symbols.find(flow.via);

        FlowRoute route;
        route.flow_index = i;
        route.own_places = {flow.origin, flow.destination};
        if (via != symbols.end()) route.own_places.push_back(flow.via);

        // An origin known only as a whole country is no point to draw from: start at the crossing.
        const bool country_origin = origin->second.kind == model::PlaceKind::country;
        if (country_origin && via == symbols.end()) {
            plan.warnings.push_back(
                fmt::format("flow {} is not drawn: its origin is a whole country and no crossing is named", flow.id));
            continue;
        }
        const PlaceSymbol& first = country_origin ? via->second : origin->second;
        route.stops.push_back(first.centre);
        route.start_trim_mm = first.radius_mm;
        if (via != symbols.end() && !country_origin) route.stops.push_back(via->second.centre);

        const bool stopped = is_stopped(flow.status);
        const Point last = route.stops.back();
        const Point arrival = route.stops.size() > 1 ? last - route.stops[route.stops.size() - 2] : Point{};
        if (area != areas.end()) {
            route.target_id = flow.destination;
            const double on_border = via != symbols.end() ? via->second.radius_mm + 1.0 : 0.5;
            std::optional<Point> area_point;
            if (destination != symbols.end()) area_point = destination->second.centre;
            const auto entry = area_entry(area->second, last, arrival, on_border, area_point, drawn_symbols,
                                          route.own_places, options.clearance_mm + 0.5);
            if (!entry) {
                plan.warnings.push_back(fmt::format("flow {} is not drawn: it starts inside its destination area '{}'",
                                                    flow.id, flow.destination));
                continue;
            }
            if (stopped && via != symbols.end()) {
                // Stopped at the outpost: the bar stands a gap before the outpost's symbol.
                route.target = TargetKind::symbol;
                route.target_id = flow.via;
                route.end_trim_mm = via->second.radius_mm + options.arrow_gap_mm;
            } else if (stopped) {
                route.target = TargetKind::border;
                // Close to the border the stopped movement still shows as a stub with its bar.
                Point end = entry->border - entry->direction * options.arrow_gap_mm;
                const double least = route.start_trim_mm + options.min_stub_mm;
                if (dot(end - last, entry->direction) < least) end = last + entry->direction * least;
                route.stops.push_back(end);
            } else {
                route.target = TargetKind::area;
                if (distance(entry->border, last) > 0.01) route.stops.push_back(entry->border);
                route.stops.push_back(entry->border + entry->direction * options.area_inset_mm);
            }
        } else {
            const PlaceSymbol& end = destination->second;
            route.target_id = flow.destination;
            route.stops.push_back(end.centre);
            route.end_trim_mm = end.radius_mm + options.arrow_gap_mm;
        }
        // An end beyond the frame (a destination off the map, a crossing near its edge) is drawn to the frame.
        while (route.stops.size() >= 2 && !contains(inner, route.stops.back())) {
            const Point before = route.stops[route.stops.size() - 2];
            const auto at_frame = exit_point(before, route.stops.back(), inner);
            route.stops.pop_back();
            if (at_frame) {
                route.stops.push_back(*at_frame);
                route.target = TargetKind::frame;
                route.end_trim_mm = 0;
                break;
            }
        }
        if (route.stops.size() < 2) {
            plan.warnings.push_back(fmt::format("flow {} is not drawn: it lies outside the map frame", flow.id));
            continue;
        }
        // Two stops on one spot leave no direction; drop the repeat.
        std::vector<Point> distinct;
        for (const auto& stop : route.stops) {
            if (distinct.empty() || distance(distinct.back(), stop) > 1e-6) distinct.push_back(stop);
        }
        route.stops = std::move(distinct);
        if (route.stops.size() < 2 || path_length(route.stops) <= route.start_trim_mm + route.end_trim_mm + 1e-6) {
            plan.warnings.push_back(
                fmt::format("flow {} is not drawn: its origin and destination symbols touch at this scale", flow.id));
            continue;
        }
        plan.routes.push_back(std::move(route));
    }
    return plan;
}

}  // namespace steppeflow::layout
