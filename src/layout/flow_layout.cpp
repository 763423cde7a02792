#include "layout/flow_layout.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

#include "layout/draw_order.hpp"
#include "layout/force_layout.hpp"
#include "layout/geometry.hpp"
#include "layout/short_flows.hpp"
#include "layout/spatial_grid.hpp"

namespace steppeflow::layout {

namespace {

// Class bounds at round numbers (1, 2, 2.5, 5 × 10^n) near 10 %, 30 % and 60 % of the maximum.
std::vector<double> default_classes(double max_count) {
    std::vector<double> bounds;
    for (const double share : {0.1, 0.3, 0.6}) {
        const double target = max_count * share;
        if (target < 1) continue;
        const double magnitude = std::pow(10, std::floor(std::log10(target)));
        double best = magnitude;
        for (const double step : {1.0, 2.0, 2.5, 5.0, 10.0}) {
            if (std::abs(step * magnitude - target) < std::abs(best - target)) best = step * magnitude;
        }
        if (bounds.empty() || best > bounds.back()) bounds.push_back(best);
    }
    if (bounds.empty() || bounds.back() < max_count) bounds.push_back(max_count);
    return bounds;
}

struct Member {
    std::size_t route = 0;
    double width = 0;
    double lateral = 0;  // offset from the bundle's centre line, to the right of travel
};

struct Bundle {
    CurveRequest request;
    std::vector<Member> members;
};

// Flows that end in or at the border of an area choose their own end point; where several would end
// on one spot, they are moved apart across their direction of travel until each end mark has room.
void spread_area_ends(std::vector<Bundle>& bundles, const std::vector<FlowRoute>& routes, double gap,
                      const Box& frame) {
    std::vector<std::size_t> free_ends;
    // Ends at a symbol stay where they are; a free end near one moves off it (F009's death at the
    // border under the head of F014 at the outpost beside it).
    std::vector<std::pair<Point, double>> fixed_ends;  // the tip, the mark's width
    SpatialGrid fixed(frame, 5);
    // An end mark (head, chevron, bar, ring) stands wider than a thin flow: the ends need its room.
    const auto mark_of = [&](const Bundle& b) {
        return std::max(b.request.width_mm, arrow_width_for(b.request.width_mm));
    };
    for (std::size_t b = 0; b < bundles.size(); ++b) {
        const FlowRoute& route = routes[bundles[b].members.front().route];
        const auto& stops = bundles[b].request.stops;
        if (stops.size() < 2) continue;
        if (route.target == TargetKind::area || route.target == TargetKind::border) {
            free_ends.push_back(b);
        } else if (route.target == TargetKind::symbol) {
            const Point tip = stops.back() - unit(stops.back() - stops[stops.size() - 2]) * route.end_trim_mm;
            fixed.insert(fixed_ends.size(), {tip.x, tip.y, 0, 0});
            fixed_ends.emplace_back(tip, mark_of(bundles[b]));
        }
    }
    const auto end_of = [&](std::size_t b) { return bundles[b].request.stops.back(); };
    for (int round = 0; round < 12; ++round) {
        SpatialGrid grid(frame, 5);
        double widest = 0;
        for (std::size_t k = 0; k < free_ends.size(); ++k) {
            const Point e = end_of(free_ends[k]);
            grid.insert(k, {e.x, e.y, 0, 0});
            widest = std::max(widest, mark_of(bundles[free_ends[k]]));
        }
        std::vector<Point> shift(free_ends.size());
        bool any = false;
        for (std::size_t k = 0; k < free_ends.size(); ++k) {
            const Bundle& a = bundles[free_ends[k]];
            const Point ea = end_of(free_ends[k]);
            const double reach = mark_of(a) / 2 + widest / 2 + gap;
            std::vector<std::size_t> seen;
            grid.query({ea.x - reach, ea.y - reach, 2 * reach, 2 * reach}, [&](std::size_t other) {
                if (other == k || std::find(seen.begin(), seen.end(), other) != seen.end()) return;
                seen.push_back(other);
                const Bundle& b = bundles[free_ends[other]];
                const Point eb = end_of(free_ends[other]);
                const double need = (mark_of(a) + mark_of(b)) / 2 + gap;
                const Point across = right_normal(unit(ea - a.request.stops[a.request.stops.size() - 2]));
                const double apart = std::abs(dot(ea - eb, across));
                if (distance(ea, eb) >= need || apart >= need) return;
                const double side = dot(ea - eb, across) > 0 || (dot(ea - eb, across) == 0 && k < other) ? 1.0 : -1.0;
                shift[k] = shift[k] + across * (side * (need - apart) / 2);
                any = true;
            });
            const Point across = right_normal(unit(ea - a.request.stops[a.request.stops.size() - 2]));
            const double far = mark_of(a) / 2 + widest + gap;
            fixed.query({ea.x - far, ea.y - far, 2 * far, 2 * far}, [&](std::size_t f) {
                const auto& [tip, mark] = fixed_ends[f];
                const double need = (mark_of(a) + mark) / 2 + gap;
                const double apart = std::abs(dot(ea - tip, across));
                if (distance(ea, tip) >= need || apart >= need) return;
                const double side = dot(ea - tip, across) >= 0 ? 1.0 : -1.0;
                shift[k] = shift[k] + across * (side * (need - apart));
                any = true;
            });
        }
        if (!any) break;
        for (std::size_t k = 0; k < free_ends.size(); ++k) {
            auto& stops = bundles[free_ends[k]].request.stops;
            const bool area = routes[bundles[free_ends[k]].members.front().route].target == TargetKind::area;
            stops.back() = stops.back() + shift[k];
            // An area's crossing point moves with its end, so the flow keeps its direction.
            if (area && stops.size() >= 3) stops[stops.size() - 2] = stops[stops.size() - 2] + shift[k];
        }
    }
}

// A flow's full width; a branch carries no share of the figure (the source gives none): the thinnest line.
double full_width_of(const FlowRoute& route, const std::vector<model::Flow>& flows, const WidthScales& scales,
                     const FigureOptions& options) {
    const auto& flow = flows[route.flow_index];
    return flow.count && route.part != FlowPart::branch ? scales.width_for(flow.unit, static_cast<double>(*flow.count))
                                                        : options.style.lines.flow_min_mm;
}

// Arrivals end in a head, attempts in an open chevron of the same size: both need its room.
bool has_head(model::Status status) {
    const EndMark mark = end_mark_for(status);
    return mark == EndMark::arrowhead || mark == EndMark::chevron;
}

// Which routes are too short for their width, straight (the shortest a curve can be): drawn as discs.
std::vector<bool> routes_as_discs(const RoutePlan& plan, const std::vector<model::Flow>& flows,
                                  const WidthScales& scales, const FigureOptions& options) {
    std::vector<bool> as_disc(plan.routes.size(), false);
    for (std::size_t r = 0; r < plan.routes.size(); ++r) {
        const auto& route = plan.routes[r];
        const auto& flow = flows[route.flow_index];
        if (route.part != FlowPart::whole || !flow.count || route.stops.size() < 2) continue;
        double chord = -route.start_trim_mm - route.end_trim_mm;
        for (std::size_t i = 1; i < route.stops.size(); ++i) chord += distance(route.stops[i - 1], route.stops[i]);
        const double width = full_width_of(route, flows, scales, options);
        const double head = has_head(flow.status) && route.target != TargetKind::junction ? arrow_length_for(width) : 0;
        as_disc[r] = too_short_for_width(chord, width, head);
    }
    return as_disc;
}

// The period a flow is coloured by, when the map is coloured by period.
int period_index(const model::Flow& flow, const FigureOptions& options) {
    if (!options.colour_by_period) return config::kNoPeriod;
    const auto period = model::period_of(flow, options.periods);
    return period ? static_cast<int>(*period) : config::kUndated;
}

constexpr double kSchematicStretchMm = 6;

// Each hub as wide as its flow; one that would touch a larger one moves towards its destinations
// until it is clear. Its branches start at its rim.
void place_hubs(RoutePlan& plan, const std::vector<model::Flow>& flows, const WidthScales& scales,
                const FigureOptions& options, std::vector<FlowHub>& hubs) {
    constexpr double kLeastRadius = 0.8;
    std::vector<std::size_t> order(plan.hubs.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    const auto radius_of = [&](const HubRoute& hub) {
        const auto& flow = flows[hub.flow_index];
        return std::max(kLeastRadius, scales.width_for(flow.unit, static_cast<double>(flow.count.value_or(0))) / 2);
    };
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return radius_of(plan.hubs[a]) > radius_of(plan.hubs[b]); });
    for (const std::size_t i : order) {
        HubRoute& route = plan.hubs[i];
        const model::Flow& flow = flows[route.flow_index];
        FlowHub hub;
        hub.flow_id = flow.id;
        hub.radius_mm = radius_of(route);
        if (flow.count_high)
            hub.high_radius_mm = scales.width_for(flow.unit, static_cast<double>(*flow.count_high)) / 2;
        const double outer = std::max(hub.radius_mm, hub.high_radius_mm);
        const Point away = length(route.toward - route.centre) > 1e-6 ? unit(route.toward - route.centre) : Point{1, 0};
        for (int step = 0; step < 200; ++step) {
            const bool clear = std::all_of(hubs.begin(), hubs.end(), [&](const FlowHub& other) {
                return distance(other.centre, route.centre) >=
                       outer + std::max(other.radius_mm, other.high_radius_mm) + options.clearance_mm;
            });
            if (clear) break;
            route.centre = route.centre + away * 0.25;
        }
        hub.centre = route.centre;
        hub.unit = flow.unit;
        hub.status = flow.status;
        hub.certainty = flow.certainty;
        hub.period = period_index(flow, options);
        hub.origin_area = route.origin_area;
        for (auto& branch : plan.routes) {
            if (!branch.from_hub || branch.flow_index != route.flow_index) continue;
            branch.stops.front() = hub.centre;
            branch.start_trim_mm = outer;
        }
        hubs.push_back(std::move(hub));
    }
    // A trunk of another figure starting from the same area's interior starts clear of the hubs, so
    // that it is not read as one of their branches.
    for (auto& route : plan.routes) {
        if (route.part != FlowPart::trunk || route.target != TargetKind::junction || route.stops.size() < 2) continue;
        const Point direction = unit(route.stops[1] - route.stops[0]);
        for (const auto& hub : hubs) {
            const double clear = std::max(hub.radius_mm, hub.high_radius_mm) + 2 * options.clearance_mm + 1.0;
            for (int step = 0; step < 200 && distance(hub.centre, route.stops.front()) < clear; ++step)
                route.stops.front() = route.stops.front() + direction * 0.25;
        }
    }
}

// Flows from one area towards one border point start at one spot; unless they share their whole route
// (then they bundle side by side), each after the first starts beside the others, across its direction,
// so that a thin flow never runs inside a wide one.
template <typename WidthOf>
void separate_area_starts(std::vector<FlowRoute>& routes, const WidthOf& width_of, double gap) {
    std::map<std::pair<long long, long long>, std::vector<std::size_t>> at_start;
    for (std::size_t r = 0; r < routes.size(); ++r) {
        const auto& route = routes[r];
        if (route.origin_area.empty() || route.from_hub || route.stops.size() < 2) continue;
        at_start[{std::llround(route.stops[0].x * 100), std::llround(route.stops[0].y * 100)}].push_back(r);
    }
    for (auto& [spot, members] : at_start) {
        if (members.size() < 2) continue;
        // Widest first at the spot; the others beside it, alternately right and left.
        std::stable_sort(members.begin(), members.end(),
                         [&](std::size_t a, std::size_t b) { return width_of(routes[a]) > width_of(routes[b]); });
        double right = width_of(routes[members.front()]) / 2;
        double left = right;
        for (std::size_t k = 1; k < members.size(); ++k) {
            FlowRoute& route = routes[members[k]];
            const FlowRoute& first = routes[members.front()];
            if (route.stops == first.stops) continue;  // one route: bundled side by side later
            const double width = width_of(route);
            const Point across = right_normal(unit(route.stops[1] - route.stops[0]));
            double& side = k % 2 == 1 ? right : left;
            const double offset = side + gap + width / 2;
            side += gap + width;
            route.stops[0] = route.stops[0] + across * (k % 2 == 1 ? offset : -offset);
        }
    }
}

}  // namespace

WidthScale::WidthScale(double max_count, double max_width_mm, double min_width_mm, WidthMode mode,
                       std::vector<double> class_bounds)
    : max_count_(max_count > 0 ? max_count : 1),
      max_width_mm_(max_width_mm),
      min_width_mm_(min_width_mm),
      mode_(mode),
      class_bounds_(std::move(class_bounds)) {
    if (mode_ == WidthMode::classes) {
        if (class_bounds_.empty()) class_bounds_ = default_classes(max_count_);
        std::sort(class_bounds_.begin(), class_bounds_.end());
        if (class_bounds_.back() < max_count_) class_bounds_.push_back(max_count_);
    }
}

double WidthScale::width_for(double count) const {
    switch (mode_) {
        case WidthMode::linear:
            return std::max(min_width_mm_, max_width_mm_ * count / max_count_);
        case WidthMode::sqrt:
            return std::max(min_width_mm_, max_width_mm_ * std::sqrt(std::max(0.0, count) / max_count_));
        case WidthMode::classes: {
            // Class i of n is drawn at (i + 1) / n of the way from the minimum to the maximum width.
            const auto n = static_cast<double>(class_bounds_.size());
            std::size_t i = 0;
            while (i + 1 < class_bounds_.size() && count > class_bounds_[i]) ++i;
            return min_width_mm_ + (max_width_mm_ - min_width_mm_) * (static_cast<double>(i) + 1) / n;
        }
    }
    return min_width_mm_;
}

double WidthScale::largest_at_minimum() const {
    switch (mode_) {
        case WidthMode::linear:
            return min_width_mm_ * max_count_ / max_width_mm_;
        case WidthMode::sqrt:
            return max_count_ * std::pow(min_width_mm_ / max_width_mm_, 2);
        case WidthMode::classes:
            return 0;  // every class has its own width, the first included
    }
    return 0;
}

WidthScales::WidthScales(const std::map<UnitKey, double>& max_counts, double max_width_mm, double min_width_mm,
                         WidthMode mode, const std::vector<double>& class_bounds)
    : fallback_(1, max_width_mm, min_width_mm, mode, class_bounds) {
    for (const auto& [unit, max_count] : max_counts)
        scales_.emplace(unit, WidthScale(max_count, max_width_mm, min_width_mm, mode, class_bounds));
}

const WidthScale& WidthScales::of(const UnitKey& unit) const {
    const auto found = scales_.find(unit);
    return found == scales_.end() ? fallback_ : found->second;
}

double arrow_length_for(double width_mm) { return std::max(1.8, 1.6 * width_mm + 0.6); }
double arrow_width_for(double width_mm) { return std::max(1.5, 1.5 * width_mm + 0.5); }

FlowLayout layout_flows(const std::vector<model::Flow>& flows, const SymbolIndex& symbols, const AreaIndex& areas,
                        const std::vector<PlaceSymbol>& drawn_symbols, const Box& frame, const WidthScales& scales,
                        const FigureOptions& options) {
    FlowLayout result;
    const Box inner = shrink(frame, options.frame_inset_mm);  // flows keep inside it
    RoutePlan plan = plan_routes(flows, symbols, areas, drawn_symbols, frame, options);
    result.warnings = std::move(plan.warnings);
    place_hubs(plan, flows, scales, options, result.hubs);

    std::vector<NodeObstacle> nodes;
    nodes.reserve(drawn_symbols.size());
    for (const auto& symbol : drawn_symbols) nodes.push_back({symbol.centre, symbol.radius_mm});
    std::map<std::string, std::size_t, std::less<>> node_of_place;
    for (std::size_t i = 0; i < drawn_symbols.size(); ++i) node_of_place.emplace(drawn_symbols[i].place_id, i);
    const auto node_index = [&](const std::string& id) -> std::optional<std::size_t> {
        const auto found = node_of_place.find(id);
        if (found == node_of_place.end()) return std::nullopt;
        return found->second;
    };

    const auto full_width = [&](const FlowRoute& route) { return full_width_of(route, flows, scales, options); };
    // Flows whose route is too short for their width (even straight, the shortest a curve can be) are
    // drawn as a disc and a thin line: decided before the layout, so that the others are laid out
    // around the thin line, not around a blob.
    const std::vector<bool> as_disc = routes_as_discs(plan, flows, scales, options);
    const auto width_of = [&](const FlowRoute& route) {
        const auto r = static_cast<std::size_t>(&route - plan.routes.data());
        return as_disc[r] ? options.style.lines.flow_min_mm : full_width(route);
    };
    separate_area_starts(plan.routes, width_of, options.clearance_mm);

    // Flows on the same route (same stops, same ends) travel as one bundle, side by side.
    std::vector<Bundle> bundles;
    std::map<std::vector<long long>, std::size_t> bundle_of;
    for (std::size_t r = 0; r < plan.routes.size(); ++r) {
        const auto& route = plan.routes[r];
        const auto& flow = flows[route.flow_index];
        std::vector<long long> key;
        for (const auto& stop : route.stops) {
            key.push_back(std::llround(stop.x * 100));
            key.push_back(std::llround(stop.y * 100));
        }
        key.push_back(std::llround(route.start_trim_mm * 100));
        key.push_back(std::llround(route.end_trim_mm * 100));
        const auto [found, inserted] = bundle_of.emplace(key, bundles.size());
        if (inserted) {
            Bundle bundle;
            bundle.request.stops = route.stops;
            for (const auto& id : route.own_places) {
                if (const auto n = node_index(id)) bundle.request.own_nodes.push_back(*n);
            }
            bundle.request.start_trim_mm = route.start_trim_mm;
            bundle.request.end_trim_mm = route.end_trim_mm;
            bundles.push_back(std::move(bundle));
        }
        Bundle& bundle = bundles[found->second];
        const double width = width_of(route);
        bundle.members.push_back({r, width, 0});
        if (!is_stopped(flow.status) && route.target != TargetKind::junction) {
            bundle.request.arrow_length_mm = std::max(bundle.request.arrow_length_mm, arrow_length_for(width));
            bundle.request.arrow_width_mm = std::max(bundle.request.arrow_width_mm, arrow_width_for(width));
        }
    }
    ForceLayoutOptions force;
    force.iterations = options.layout_iterations;
    force.clearance_mm = options.clearance_mm;
    force.avoid_obstacles = options.avoid_obstacles;
    force.progress = options.progress;
    const double gap = force.parallel_gap_mm;
    for (auto& bundle : bundles) {
        std::vector<double> widths;
        for (const auto& member : bundle.members) widths.push_back(member.width);
        const auto offsets = side_by_side(widths, gap);
        double total = -gap;
        for (std::size_t k = 0; k < widths.size(); ++k) {
            bundle.members[k].lateral = offsets[k];
            total += widths[k] + gap;
        }
        bundle.request.width_mm = total;
    }
    spread_area_ends(bundles, plan.routes, gap, inner);

    std::vector<CurveRequest> requests;
    requests.reserve(bundles.size());
    for (const auto& bundle : bundles) requests.push_back(bundle.request);
    const auto curves = layout_curves(requests, nodes, inner, force);

    for (std::size_t b = 0; b < bundles.size(); ++b) {
        for (const auto& member : bundles[b].members) {
            const auto& route = plan.routes[member.route];
            const auto& flow = flows[route.flow_index];
            FlowShape shape;
            shape.flow_id = flow.id;
            shape.unit = flow.unit;
            shape.status = flow.status;
            shape.certainty = flow.certainty;
            shape.period = period_index(flow, options);
            shape.target = route.target;
            shape.target_id = route.target_id;
            shape.own_places = route.own_places;
            shape.part = route.part;
            shape.origin_area = route.origin_area;
            shape.width_mm = member.width;
            if (flow.count_high && route.part != FlowPart::branch)
                shape.high_width_mm = scales.width_for(flow.unit, static_cast<double>(*flow.count_high));
            shape.centre_line = centre_line(curves[b], bundles[b].request, 0.5, member.lateral);
            if (shape.centre_line.size() < 2) {
                result.warnings.push_back("flow " + flow.id +
                                          " is not drawn: nothing is left of it between its symbols");
                continue;
            }
            if (has_head(flow.status) && route.target != TargetKind::junction) {
                shape.arrow_length_mm = arrow_length_for(member.width);
                shape.arrow_width_mm = arrow_width_for(member.width);
            }
            // Only whole flows with a figure: a trunk's start is its junction, a branch is thin.
            if (as_disc[member.route] || (route.part == FlowPart::whole && flow.count && reads_as_blob(shape)))
                result.hubs.push_back(short_flow_disc(
                    shape, route.stops.front(), scales.width_for(flow.unit, static_cast<double>(*flow.count)),
                    flow.count_high ? scales.width_for(flow.unit, static_cast<double>(*flow.count_high)) : 0,
                    options.style.lines.flow_min_mm));
            // A flow shorter than its arrowhead keeps a short shaft: the head shrinks to fit.
            const double drawn_length = path_length(shape.centre_line);
            if (shape.arrow_length_mm > 0.6 * drawn_length) {
                const double shrink_by = 0.6 * drawn_length / shape.arrow_length_mm;
                shape.arrow_length_mm *= shrink_by;
                shape.arrow_width_mm *= shrink_by;
            }
            // No crossing point named: the stretch to the border (and beyond it) is schematic.
            shape.crossing_stated = !flow.via.empty();
            if ((route.target == TargetKind::area || route.target == TargetKind::border) && flow.via.empty())
                shape.schematic_end_mm = std::min(kSchematicStretchMm, 0.35 * drawn_length);
            result.shapes.push_back(std::move(shape));
        }
    }
    separate_short_discs(result.hubs, result.shapes, areas);
    // Larger flows are drawn first, so smaller ones stay visible on top of them.
    order_for_visible_ends(result.shapes, options.style.lines.flow_casing_mm);
    return result;
}

bool draws_short_flows(const std::vector<model::Flow>& flows, const SymbolIndex& symbols, const AreaIndex& areas,
                       const std::vector<PlaceSymbol>& drawn_symbols, const Box& frame, const WidthScales& scales,
                       const FigureOptions& options) {
    const RoutePlan plan = plan_routes(flows, symbols, areas, drawn_symbols, frame, options);
    const auto as_disc = routes_as_discs(plan, flows, scales, options);
    return std::find(as_disc.begin(), as_disc.end(), true) != as_disc.end();
}

}  // namespace steppeflow::layout
