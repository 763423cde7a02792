#include "layout/flow_routes.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

#include <fmt/format.h>

#include "layout/geometry.hpp"

namespace steppeflow::layout {

bool is_stopped(model::Status status) { return !model::arrived(status); }

namespace {

// Below this agreement of directions (the mean of unit vectors towards each destination; two
// destinations 90° apart give 0.71) a trunk would point at none of them: the figure is drawn as a hub.
constexpr double kTrunkAgreement = 0.75;

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

// The point of the area's border nearest `from`; empty for an area with no rings.
std::optional<Point> nearest_border_point(const DestinationArea& area, Point from) {
    std::optional<Point> best;
    for (const auto& ring : area.rings) {
        const Point q = nearest_point_on_path(from, ring, true);
        if (!best || distance(from, q) < distance(from, *best)) best = q;
    }
    return best;
}

// Where a route from `from` (arriving along `arrival`, zero if unknown) meets the area: the nearest
// point of its border that can be reached without passing over another place's symbol, or straight
// on when `from` already lies on the border (an outpost).
std::optional<AreaEntry> area_entry(const DestinationArea& area, Point from, Point arrival, double on_border_mm,
                                    std::optional<Point> area_point, const std::vector<PlaceSymbol>& symbols,
                                    const std::vector<std::string>& own, double clearance_mm) {
    const auto nearest = nearest_border_point(area, from);
    if (!nearest) return std::nullopt;
    const Point best = *nearest;
    const double best_distance = distance(from, best);
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

// Where a flow from an area starts: just inside the area's border, at the point of the border nearest
// the way it goes, so a reader sees it leave that area. Empty when `toward` lies inside the area.
std::optional<Point> area_start(const DestinationArea& area, Point toward, double inset_mm) {
    if (inside_rings(toward, area.rings)) return std::nullopt;
    const auto nearest = nearest_border_point(area, toward);
    if (!nearest) return std::nullopt;
    const Point border = *nearest;
    const Point inward = unit(border - toward);
    // Straight in from the border point first; where the area is narrow or its border winds (a coast,
    // a sea inlet) the same depth a little to either side, before a shallower start: a start at the
    // border leaves a flow too short for its width.
    for (const double depth : {inset_mm, inset_mm / 2, inset_mm / 4}) {
        for (const double degrees : {0.0, 20.0, -20.0, 40.0, -40.0, 60.0, -60.0}) {
            const double a = degrees * std::numbers::pi / 180;
            const Point turned{inward.x * std::cos(a) - inward.y * std::sin(a),
                               inward.x * std::sin(a) + inward.y * std::cos(a)};
            const Point start = border + turned * depth;
            if (inside_rings(start, area.rings)) return start;
        }
    }
    return border;
}

// A point well inside an area, for a figure that leaves it in several directions at once: the
// centroid of its largest ring when that lies inside, else the place's own point.
Point area_interior(const DestinationArea& area, Point fallback) {
    const PagePath* largest = nullptr;
    double largest_area = 0;
    for (const auto& ring : area.rings) {
        double twice = 0;
        for (std::size_t k = 0; k < ring.size(); ++k) twice += cross(ring[k], ring[(k + 1) % ring.size()]);
        if (std::abs(twice) > largest_area) {
            largest_area = std::abs(twice);
            largest = &ring;
        }
    }
    if (largest == nullptr || largest_area <= 0) return fallback;
    Point sum{};
    double weight = 0;
    const auto& ring = *largest;
    for (std::size_t k = 0; k < ring.size(); ++k) {
        const Point a = ring[k];
        const Point b = ring[(k + 1) % ring.size()];
        const double w = cross(a, b);
        sum = sum + (a + b) * w;
        weight += w;
    }
    const Point centroid = sum * (1.0 / (3 * weight));
    return inside_rings(centroid, area.rings) ? centroid : fallback;
}

struct Planner {
    const SymbolIndex& symbols;
    const AreaIndex& areas;
    const std::vector<PlaceSymbol>& drawn_symbols;
    const FigureOptions& options;
    Box inner;
    RoutePlan& plan;

    // The point a flow heads for: its destination's symbol, or the area's own place; seen `from` a
    // point, an area is aimed at where its border is nearest.
    [[nodiscard]] std::optional<Point> aim_of(const std::string& id, std::optional<Point> from = std::nullopt) const {
        if (const auto area = areas.find(id); from && area != areas.end() && !inside_rings(*from, area->second.rings)) {
            if (const auto border = nearest_border_point(area->second, *from)) return border;
        }
        const auto symbol = symbols.find(id);
        if (symbol != symbols.end()) return symbol->second.centre;
        return std::nullopt;
    }

    // Ends `route` (its stops so far lead to the last one) at `destination_id` by the flow's outcome:
    // into the area, short of its border, at a symbol, or at the frame. False (with a warning) when it
    // cannot be drawn.
    bool finish(FlowRoute& route, const model::Flow& flow, const std::string& destination_id,
                std::optional<PlaceSymbol> via) {
        const auto destination = symbols.find(destination_id);
        const auto area = areas.find(destination_id);
        const bool stopped = is_stopped(flow.status);
        const Point last = route.stops.back();
        const Point arrival = route.stops.size() > 1 ? last - route.stops[route.stops.size() - 2] : Point{};
        if (area != areas.end()) {
            route.target_id = destination_id;
            const double on_border = via ? via->radius_mm + 1.0 : 0.5;
            std::optional<Point> area_point;
            if (destination != symbols.end()) area_point = destination->second.centre;
            const auto entry = area_entry(area->second, last, arrival, on_border, area_point, drawn_symbols,
                                          route.own_places, options.clearance_mm + 0.5);
            if (!entry) {
                plan.warnings.push_back(fmt::format("flow {} is not drawn: it starts inside its destination area '{}'",
                                                    flow.id, destination_id));
                return false;
            }
            if (stopped && via) {
                // Stopped at the outpost: the bar stands a gap before the outpost's symbol.
                route.target = TargetKind::symbol;
                route.target_id = flow.via;
                route.end_trim_mm = via->radius_mm + options.arrow_gap_mm;
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
        } else if (destination != symbols.end()) {
            const PlaceSymbol& end = destination->second;
            route.target_id = destination_id;
            route.stops.push_back(end.centre);
            route.end_trim_mm = end.radius_mm + options.arrow_gap_mm;
        } else {
            return false;
        }
        return close(route, flow);
    }

    // Cuts an end beyond the frame at the frame, drops repeated stops, and keeps the route only when
    // something of it is left to draw.
    bool close(FlowRoute& route, const model::Flow& flow) {
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
            return false;
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
            return false;
        }
        return true;
    }

    // Where a flow from `origin_id` towards `aim` starts: the symbol's centre (trimmed by its radius), or
    // inside the area when the origin is drawn as one.
    [[nodiscard]] std::optional<std::pair<Point, double>> start_of(const std::string& origin_id, Point aim,
                                                                   bool several_ways) const {
        if (const auto area = areas.find(origin_id); area != areas.end()) {
            const auto symbol = symbols.find(origin_id);
            const Point fallback = symbol != symbols.end() ? symbol->second.centre : aim;
            if (several_ways) return std::pair{area_interior(area->second, fallback), 0.0};
            // Far enough inside for the flow to read as an arrow leaving the area, not a stub at its edge.
            if (const auto start = area_start(area->second, aim, std::max(2 * options.area_inset_mm, 10.0)))
                return std::pair{*start, 0.0};
            return std::nullopt;
        }
        const auto symbol = symbols.find(origin_id);
        if (symbol == symbols.end()) return std::nullopt;
        return std::pair{symbol->second.centre, symbol->second.radius_mm};
    }

    void single(std::size_t index, const model::Flow& flow) {
        const auto origin = symbols.find(flow.origin);
        const bool has_end = symbols.contains(flow.destination) || areas.contains(flow.destination);
        if (origin == symbols.end() || !has_end) return;
        const auto via = flow.via.empty() ? symbols.end() : symbols.find(flow.via);
        std::optional<PlaceSymbol> via_symbol;
        if (via != symbols.end()) via_symbol = via->second;

        FlowRoute route;
        route.flow_index = index;
        route.own_places = {flow.origin, flow.destination};
        if (via_symbol) route.own_places.push_back(flow.via);

        const bool country_origin = origin->second.kind == model::PlaceKind::country;
        const bool area_origin = areas.contains(flow.origin);
        if (via_symbol && (country_origin || area_origin)) {
            // A whole country with a named crossing: the flow is drawn from the crossing.
            route.stops.push_back(via_symbol->centre);
            route.start_trim_mm = via_symbol->radius_mm;
        } else if (area_origin) {
            const auto aim = aim_of(flow.destination);
            const auto start = aim ? start_of(flow.origin, *aim, false) : std::nullopt;
            if (!start) {
                plan.warnings.push_back(fmt::format(
                    "flow {} is not drawn: its destination lies inside its origin area '{}'", flow.id, flow.origin));
                return;
            }
            route.stops.push_back(start->first);
            route.origin_area = flow.origin;
            // Stopped (or killed) on the way to a place beyond the area's border: the movement ends
            // before that border, never at the place it did not reach.
            if (is_stopped(flow.status) && !areas.contains(flow.destination)) {
                const auto border = nearest_border_point(areas.find(flow.origin)->second, *aim);
                if (border && distance(*border, start->first) > options.min_stub_mm) {
                    route.stops.push_back(*border - unit(*border - start->first) * options.arrow_gap_mm);
                    route.target = TargetKind::border;
                    route.target_id = flow.destination;
                    if (close(route, flow)) plan.routes.push_back(std::move(route));
                    return;
                }
            }
        } else if (country_origin) {
            plan.warnings.push_back(fmt::format(
                "flow {} is not drawn: its origin is a whole country that the basemap has no area for, and no crossing "
                "is named",
                flow.id));
            return;
        } else {
            route.stops.push_back(origin->second.centre);
            route.start_trim_mm = origin->second.radius_mm;
            if (via_symbol) route.stops.push_back(via_symbol->centre);
        }
        if (finish(route, flow, flow.destination, via_symbol)) plan.routes.push_back(std::move(route));
    }

    // One figure for several destinations: a trunk of its width from the origin to where it divides,
    // then a thin branch to each destination. For several origins: thin branches join where the trunk
    // begins, and the trunk goes on to the destination.
    void branched(std::size_t index, const model::Flow& flow) {
        const auto origins = model::all_origins(flow);
        const auto destinations = model::all_destinations(flow);
        if (origins.size() > 1 && destinations.size() > 1) {
            plan.warnings.push_back(fmt::format(
                "flow {} is not drawn: it names several origins and several destinations for one figure", flow.id));
            return;
        }
        if (!flow.via.empty()) {
            plan.warnings.push_back(
                fmt::format("flow {} is not drawn: a figure for several places cannot pass one crossing", flow.id));
            return;
        }
        std::vector<Point> aims;
        for (const auto& id : destinations.size() > 1 ? destinations : origins) {
            if (const auto aim = aim_of(id)) aims.push_back(*aim);
        }
        Point mean{};
        for (const auto& aim : aims) mean = mean + aim;
        if (!aims.empty()) mean = mean * (1.0 / static_cast<double>(aims.size()));
        const auto far_aim = aim_of(destinations.size() > 1 ? origins.front() : destinations.front(), mean);
        if (aims.size() < (destinations.size() > 1 ? destinations.size() : origins.size()) || !far_aim) {
            plan.warnings.push_back(fmt::format("flow {} is not drawn: one of its places has no position", flow.id));
            return;
        }

        std::vector<FlowRoute> routes;
        const auto make = [&](FlowPart part) {
            FlowRoute route;
            route.flow_index = index;
            route.part = part;
            route.own_places = origins;
            route.own_places.insert(route.own_places.end(), destinations.begin(), destinations.end());
            return route;
        };
        if (!flow.count) {
            // No figure: no quantity to keep whole, so each place is reached on its own, from the border
            // nearest it when the origin is an area.
            for (const auto& from : origins) {
                for (const auto& to : destinations) {
                    const auto aim = aim_of(to);
                    const auto start = aim ? start_of(from, *aim, false) : std::nullopt;
                    if (!start) continue;
                    FlowRoute branch = make(FlowPart::branch);
                    branch.stops = {start->first};
                    branch.start_trim_mm = start->second;
                    if (areas.contains(from)) branch.origin_area = from;
                    if (finish(branch, flow, to, std::nullopt)) routes.push_back(std::move(branch));
                }
            }
            plan.routes.insert(plan.routes.end(), routes.begin(), routes.end());
            return;
        }
        if (destinations.size() > 1) {
            const auto start = start_of(origins.front(), mean, true);
            if (!start) return;
            // How far the destinations agree in direction: 1 when all lie one way, near 0 when around.
            Point resultant{};
            for (const auto& aim : aims) {
                if (length(aim - start->first) > 1e-6) resultant = resultant + unit(aim - start->first);
            }
            const double agreement = length(resultant) / static_cast<double>(aims.size());
            if (agreement < kTrunkAgreement) {
                plan.hubs.push_back(
                    {index, start->first, mean, areas.contains(origins.front()) ? origins.front() : ""});
                for (const auto& id : destinations) {
                    FlowRoute branch = make(FlowPart::branch);
                    branch.stops = {start->first};
                    branch.start_trim_mm = start->second;
                    branch.from_hub = true;
                    if (finish(branch, flow, id, std::nullopt)) routes.push_back(std::move(branch));
                }
                plan.routes.insert(plan.routes.end(), routes.begin(), routes.end());
                return;
            }
            // The trunk runs a third of the way towards the destinations' middle, 12 mm at least.
            const Point toward = mean - start->first;
            const double reach = std::max(12.0, length(toward) / 3);
            const Point split = start->first + (length(toward) > 0 ? unit(toward) : Point{1, 0}) * reach;
            FlowRoute trunk = make(FlowPart::trunk);
            trunk.stops = {start->first, split};
            trunk.start_trim_mm = start->second;
            trunk.target = TargetKind::junction;
            trunk.target_id = flow.id;
            if (areas.contains(origins.front())) trunk.origin_area = origins.front();
            if (!close(trunk, flow)) return;
            routes.push_back(std::move(trunk));
            for (const auto& id : destinations) {
                FlowRoute branch = make(FlowPart::branch);
                branch.stops = {split};
                if (finish(branch, flow, id, std::nullopt)) routes.push_back(std::move(branch));
            }
        } else {
            // Several origins: they join two thirds of the way from their middle to the destination.
            const Point join = mean + (*far_aim - mean) * (2.0 / 3.0);
            FlowRoute trunk = make(FlowPart::trunk);
            trunk.stops = {join};
            if (!finish(trunk, flow, destinations.front(), std::nullopt)) return;
            routes.push_back(std::move(trunk));
            for (const auto& id : origins) {
                const auto start = start_of(id, join, false);
                if (!start) continue;
                FlowRoute branch = make(FlowPart::branch);
                branch.stops = {start->first, join};
                branch.start_trim_mm = start->second;
                branch.target = TargetKind::junction;
                branch.target_id = flow.id;
                if (areas.contains(id)) branch.origin_area = id;
                if (close(branch, flow)) routes.push_back(std::move(branch));
            }
        }
        plan.routes.insert(plan.routes.end(), routes.begin(), routes.end());
    }
};

}  // namespace

RoutePlan plan_routes(const std::vector<model::Flow>& flows, const SymbolIndex& symbols, const AreaIndex& areas,
                      const std::vector<PlaceSymbol>& drawn_symbols, const Box& frame, const FigureOptions& options) {
    RoutePlan plan;
    Planner planner{symbols, areas, drawn_symbols, options, shrink(frame, options.frame_inset_mm), plan};
    for (std::size_t i = 0; i < flows.size(); ++i) {
        if (model::has_branches(flows[i])) {
            planner.branched(i, flows[i]);
        } else {
            planner.single(i, flows[i]);
        }
    }
    return plan;
}

}  // namespace steppeflow::layout
