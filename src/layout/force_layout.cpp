#include "layout/force_layout.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numbers>

#include "layout/repulsion_field.hpp"
#include "layout/spatial_grid.hpp"

namespace steppeflow::layout {

namespace {

struct Leg {
    std::size_t flow = 0;
    std::size_t index = 0;  // within its flow
    QuadraticCurve curve;
    Point rest;  // where the spring pulls the control point
    double length = 0;
    double stiffness = 0;
};

std::vector<std::size_t> legs_of(const std::vector<Leg>& legs, std::size_t flow,
                                 const std::vector<std::size_t>& first) {
    std::vector<std::size_t> out;
    for (std::size_t i = first[flow]; i < legs.size() && legs[i].flow == flow; ++i) out.push_back(i);
    return out;
}

int sample_count(double length_mm, double step_mm, int least, int most) {
    return std::clamp(static_cast<int>(std::lround(length_mm / step_mm)), least, most);
}

// Keeps the control point within the range box around the baseline (radially towards its middle).
Point clamp_to_range_box(const Leg& leg, Point control, double range_box) {
    const Point middle = (leg.curve.start + leg.curve.end) * 0.5;
    const Point along = unit(leg.curve.end - leg.curve.start);
    const Point offset = control - middle;
    const double a = std::abs(dot(offset, along));
    const double b = std::abs(cross(along, offset));
    double scale = 1;
    const double along_limit = leg.length / 2 * std::max(1.0, range_box / 0.5);
    if (a > along_limit) scale = std::min(scale, along_limit / a);
    if (b > range_box * leg.length) scale = std::min(scale, range_box * leg.length / b);
    return middle + offset * scale;
}

bool curve_inside(const QuadraticCurve& curve, const Box& frame) {
    for (int i = 1; i < 8; ++i) {
        if (!contains(frame, curve.at(i / 8.0))) return false;
    }
    return true;
}

// Pulls the control point towards the baseline until the whole curve lies inside the frame.
Point clamp_to_frame(const QuadraticCurve& curve, const Box& frame) {
    if (curve_inside(curve, frame)) return curve.control;
    const Point middle = (curve.start + curve.end) * 0.5;
    double inside = 0;
    double outside = 1;
    for (int i = 0; i < 12; ++i) {
        const double mid = (inside + outside) / 2;
        QuadraticCurve trial = curve;
        trial.control = middle + (curve.control - middle) * mid;
        (curve_inside(trial, frame) ? inside : outside) = mid;
    }
    return middle + (curve.control - middle) * inside;
}

// Flows that bend at an outpost do so smoothly: the control points on either side and the outpost
// lie on one line, turned to the mean of the two directions.
void smooth_joints(std::vector<Leg>& legs, const std::vector<std::size_t>& flow_legs) {
    for (std::size_t k = 0; k + 1 < flow_legs.size(); ++k) {
        Leg& in = legs[flow_legs[k]];
        Leg& out = legs[flow_legs[k + 1]];
        const Point joint = in.curve.end;
        const double before = distance(joint, in.curve.control);
        const double after = distance(out.curve.control, joint);
        const Point tangent = unit(unit(joint - in.curve.control) + unit(out.curve.control - joint));
        if (length(tangent) == 0) continue;
        in.curve.control = joint - tangent * before;
        out.curve.control = joint + tangent * after;
    }
}

struct NodeKey {
    long long x = 0;
    long long y = 0;
    friend auto operator<=>(const NodeKey&, const NodeKey&) =
        default;  // NOLINT(modernize-use-nullptr): clang-tidy 14 misreads defaulted <=>
};
NodeKey key_of(Point p) { return {std::llround(p.x * 100), std::llround(p.y * 100)}; }

double azimuth(Point from, Point to) { return std::atan2(to.y - from.y, to.x - from.x); }

double wrap(double angle) {
    while (angle > std::numbers::pi) angle -= 2 * std::numbers::pi;
    while (angle < -std::numbers::pi) angle += 2 * std::numbers::pi;
    return angle;
}

// An arrowhead as a round obstacle: its middle and the radius that covers it.
struct ArrowObstacle {
    std::size_t flow = 0;
    Point end_node;  // flows that end at the same node may touch each other's arrowheads
    Point centre;
    double radius = 0;
};

RepulsionField node_field(const std::vector<NodeObstacle>& nodes, const Box& frame, double reach_mm) {
    std::vector<Point> points;
    std::vector<std::size_t> owners;
    for (std::size_t n = 0; n < nodes.size(); ++n) {
        points.push_back(nodes[n].centre);
        owners.push_back(n);
    }
    return {frame, points, owners, reach_mm};
}

class Layouter {
public:
    Layouter(const std::vector<CurveRequest>& requests, const std::vector<NodeObstacle>& nodes, const Box& frame,
             const ForceLayoutOptions& options)
        : requests_(requests),
          nodes_(nodes),
          frame_(frame),
          options_(options),
          node_field_(node_field(nodes, frame, 6 * options.repulsion_reach_mm)) {
        // Obstacle search is the costly part (Flox spends most of its time there), and on a crowded
        // page every position of a flow meets many obstacles. A budget of candidate positions and
        // of obstacle tests, both in proportion to the number of flows, keeps it linear; being
        // counts rather than a clock, they keep the result the same on every machine.
        candidate_budget_ = 25 * static_cast<long long>(requests.size()) + 6000;
        // Beyond some 15,000 flows a page is saturated and further tests buy nothing: the budget stops
        // growing there, so 100,000 flows cost seconds, not hours.
        test_budget_ = std::min(3000 * static_cast<long long>(requests.size()) + 200000, 50'000'000LL);
        build_legs();
    }

    std::vector<CurvedFlow> run() {
        // Dense maps settle in fewer steps (Flox, too, drops to a few iterations beyond 200 flows).
        const auto n = static_cast<double>(requests_.size());
        const int iterations =
            n <= 200 ? options_.iterations : std::max(8, static_cast<int>(options_.iterations * 200 / n));
        const auto report = [&](const char* stage, double fraction) {
            if (options_.progress) options_.progress(stage, fraction);
        };
        for (int i = 0; i < iterations; ++i) {
            report("laying out flows", static_cast<double>(i) / iterations);
            iterate(1.0 - static_cast<double>(i) / iterations);
        }
        if (options_.avoid_obstacles) {
            for (int pass = 0; pass < 3 && test_budget_ > 0; ++pass) {
                report("moving flows off places and arrowheads", pass / 3.0);
                if (!resolve_obstacles()) break;
            }
        }
        std::vector<CurvedFlow> out(requests_.size());
        for (const auto& leg : legs_) out[leg.flow].legs.push_back(leg.curve);
        return out;
    }

private:
    void build_legs() {
        first_leg_.assign(requests_.size(), 0);
        double longest = 0;
        for (std::size_t f = 0; f < requests_.size(); ++f) {
            first_leg_[f] = legs_.size();
            const auto& stops = requests_[f].stops;
            for (std::size_t k = 0; k + 1 < stops.size(); ++k) {
                Leg leg;
                leg.flow = f;
                leg.index = k;
                leg.curve = {stops[k], (stops[k] + stops[k + 1]) * 0.5, stops[k + 1]};
                leg.length = distance(stops[k], stops[k + 1]);
                longest = std::max(longest, leg.length);
                legs_.push_back(leg);
            }
        }
        // Legs that share both ends lie side by side, widest in the middle of the bundle.
        std::map<std::pair<NodeKey, NodeKey>, std::vector<std::size_t>> bundles;
        for (std::size_t i = 0; i < legs_.size(); ++i)
            bundles[{key_of(legs_[i].curve.start), key_of(legs_[i].curve.end)}].push_back(i);
        std::vector<double> lateral(legs_.size(), 0);
        for (const auto& [ends, members] : bundles) {
            std::vector<double> widths;
            for (const auto i : members) widths.push_back(requests_[legs_[i].flow].width_mm);
            const auto offsets = side_by_side(widths, options_.parallel_gap_mm);
            for (std::size_t m = 0; m < members.size(); ++m) lateral[members[m]] = offsets[m];
        }
        for (std::size_t i = 0; i < legs_.size(); ++i) {
            Leg& leg = legs_[i];
            const Point middle = (leg.curve.start + leg.curve.end) * 0.5;
            const Point normal = right_normal(unit(leg.curve.end - leg.curve.start));
            // A quadratic curve's middle lies halfway between baseline and control point.
            leg.rest = middle + normal * (options_.bend * leg.length + 2 * lateral[i]);
            const double share = longest > 0 ? leg.length / longest : 0;
            leg.stiffness = options_.stiffness_short + (options_.stiffness_long - options_.stiffness_short) * share;
        }
        // Outposts: rest positions that pass through the outpost smoothly, along the mean direction.
        for (std::size_t f = 0; f < requests_.size(); ++f) {
            const auto flow_legs = legs_of(legs_, f, first_leg_);
            if (flow_legs.size() < 2) continue;
            for (std::size_t k = 0; k < flow_legs.size(); ++k) {
                Leg& leg = legs_[flow_legs[k]];
                const Point in_dir = k > 0 ? unit(leg.curve.start - legs_[flow_legs[k - 1]].curve.start) : Point{};
                const Point out_dir =
                    k + 1 < flow_legs.size() ? unit(legs_[flow_legs[k + 1]].curve.end - leg.curve.end) : Point{};
                const Point own = unit(leg.curve.end - leg.curve.start);
                if (k + 1 < flow_legs.size()) {
                    const Point tangent = unit(own + out_dir);
                    leg.rest = leg.curve.end - tangent * (leg.length / 2) +
                               (leg.rest - (leg.curve.start + leg.curve.end) * 0.5) * 0.5;
                } else {
                    const Point tangent = unit(in_dir + own);
                    leg.rest = leg.curve.start + tangent * (leg.length / 2) +
                               (leg.rest - (leg.curve.start + leg.curve.end) * 0.5) * 0.5;
                }
            }
        }
        for (auto& leg : legs_)
            leg.curve.control = clamp_to_frame(
                {leg.curve.start, clamp_to_range_box(leg, leg.rest, options_.range_box), leg.curve.end}, frame_);
        for (std::size_t f = 0; f < requests_.size(); ++f) smooth_joints(legs_, legs_of(legs_, f, first_leg_));
    }

    // One step of all forces, computed for every leg before any leg moves.
    void iterate(double weight) {
        std::vector<Point> points;
        std::vector<std::size_t> owners;
        std::vector<std::vector<Point>> samples(legs_.size());
        for (std::size_t i = 0; i < legs_.size(); ++i) {
            const int n =
                sample_count(legs_[i].length, legs_.size() > 1000 ? 8.0 : 5.0, 3, legs_.size() > 1000 ? 6 : 10);
            for (int j = 0; j < n; ++j) {
                const Point p = legs_[i].curve.at((j + 0.5) / n);
                samples[i].push_back(p);
                points.push_back(p);
                owners.push_back(legs_[i].flow);
            }
        }
        // The push fades with distance (to 3 % at six times its reach): what lies farther is left out.
        const RepulsionField flow_field(frame_, points, owners, 6 * options_.repulsion_reach_mm);
        const auto angular = angular_forces();

        std::vector<Point> moved(legs_.size());
        for (std::size_t i = 0; i < legs_.size(); ++i) {
            const Leg& leg = legs_[i];
            const CurveRequest& request = requests_[leg.flow];
            Point external{};
            Point from_nodes{};
            for (const Point p : samples[i]) {
                external = external + push(flow_field.at(p, {leg.flow}), options_.repulsion_reach_mm);
                from_nodes = from_nodes + push(node_field_.at(p, request.own_nodes), options_.repulsion_reach_mm);
            }
            const auto n = static_cast<double>(samples[i].size());
            external = external * (options_.flow_repulsion_mm / n);
            from_nodes = from_nodes * (options_.flow_repulsion_mm * options_.node_weight / n);
            const Point to_rest = leg.rest - leg.curve.control;
            const Point spring = to_rest * leg.stiffness;
            const Point along = unit(leg.curve.end - leg.curve.start);
            const Point torsion = along * (options_.anti_torsion * dot(to_rest, along));
            moved[i] = leg.curve.control + (external + spring + torsion + from_nodes) * weight +
                       angular[i] * (weight * (1 - weight) * options_.angular);
        }
        for (std::size_t i = 0; i < legs_.size(); ++i) {
            Leg& leg = legs_[i];
            leg.curve.control = clamp_to_range_box(leg, moved[i], options_.range_box);
            leg.curve.control = clamp_to_frame(leg.curve, frame_);
        }
        for (std::size_t f = 0; f < requests_.size(); ++f) smooth_joints(legs_, legs_of(legs_, f, first_leg_));
    }

    // A push away from what is near, fading with distance: full strength when touching, half at `reach`.
    static Point push(const Repulsion& r, double reach) {
        if (r.weight <= 0) return {};
        const Point mean = r.weighted_sum * (1 / r.weight);
        const double d = length(mean);
        return unit(mean) * (reach * reach / (reach * reach + d * d));
    }

    // Flows that meet at a node turn away from their angular neighbours there.
    std::vector<Point> angular_forces() const {
        std::map<NodeKey, std::vector<std::pair<double, std::size_t>>> at_node;  // azimuth, leg
        for (std::size_t i = 0; i < legs_.size(); ++i) {
            at_node[key_of(legs_[i].curve.start)].push_back({azimuth(legs_[i].curve.start, legs_[i].curve.control), i});
            at_node[key_of(legs_[i].curve.end)].push_back({azimuth(legs_[i].curve.end, legs_[i].curve.control), i});
        }
        std::vector<Point> force(legs_.size());
        for (auto& [key, incident] : at_node) {
            if (incident.size() < 2) continue;
            std::sort(incident.begin(), incident.end());
            const std::size_t m = incident.size();
            const std::size_t reach = std::min<std::size_t>(8, (m - 1) / 2 + 1);
            for (std::size_t a = 0; a < m; ++a) {
                const auto [angle, leg_index] = incident[a];
                double sum = 0;
                for (std::size_t s = 1; s <= reach; ++s) {
                    for (const std::size_t b : {(a + s) % m, (a + m - s) % m}) {
                        if (incident[b].second == leg_index) continue;
                        const double delta = wrap(angle - incident[b].first);
                        sum += (delta >= 0 ? 1.0 : -1.0) * std::exp(-4 * delta * delta);
                    }
                }
                const Leg& leg = legs_[leg_index];
                const Point node{static_cast<double>(key.x) / 100, static_cast<double>(key.y) / 100};
                const Point radial = leg.curve.control - node;
                const Point tangential{-unit(radial).y, unit(radial).x};
                force[leg_index] = force[leg_index] + tangential * (sum * length(radial));
            }
        }
        for (std::size_t i = 0; i < legs_.size(); ++i) {
            const double cap = std::min(distance(legs_[i].curve.start, legs_[i].curve.control),
                                        distance(legs_[i].curve.end, legs_[i].curve.control)) /
                               4;
            if (length(force[i]) > cap) force[i] = unit(force[i]) * cap;
        }
        return force;
    }

    // --- obstacle avoidance ---

    std::vector<ArrowObstacle> arrowheads() const {
        std::vector<ArrowObstacle> out;
        for (std::size_t f = 0; f < requests_.size(); ++f) {
            const auto& r = requests_[f];
            if (r.arrow_length_mm <= 0) continue;
            const PagePath line = flow_line(f);
            if (line.size() < 2) continue;
            const Point tip = line.back();
            const Point base = point_back_from_end(line, r.arrow_length_mm);
            out.push_back({f, r.stops.back(), (tip + base) * 0.5, std::max(r.arrow_length_mm, r.arrow_width_mm) / 2});
        }
        return out;
    }

    [[nodiscard]] PagePath flow_line(std::size_t flow) const {
        CurvedFlow curved;
        for (const auto i : legs_of(legs_, flow, first_leg_)) curved.legs.push_back(legs_[i].curve);
        return centre_line(curved, requests_[flow], 1.0);
    }

    // How many foreign nodes and arrowheads the flow's legs pass over. Each segment asks the grids
    // for what is near it alone, so a long flow does not test everything under its bounding box.
    // Counting stops at `enough`: a candidate no better than the best so far is rejected early.
    int intrusions(std::size_t flow, const SpatialGrid& node_grid, const SpatialGrid& arrow_grid,
                   const std::vector<ArrowObstacle>& arrows, int enough = std::numeric_limits<int>::max()) const {
        const auto& request = requests_[flow];
        const PagePath line = flow_line(flow);
        if (line.size() < 2) return 0;
        const double half = request.width_mm / 2;
        std::vector<std::size_t> hit_nodes;
        std::vector<std::size_t> hit_arrows;
        // A few segments at a time: one grid query serves a run of about 4 mm of the line.
        constexpr std::size_t kRun = 4;
        const auto near_run = [&](Point p, std::size_t from, std::size_t to, double reach) {
            for (std::size_t i = from; i < to; ++i) {
                if (squared_distance_to_segment(p, line[i - 1], line[i]) < reach * reach) return true;
            }
            return false;
        };
        for (std::size_t from = 1; from < line.size(); from += kRun) {
            if (static_cast<int>(hit_nodes.size() + hit_arrows.size()) >= enough || test_budget_ <= 0) break;
            const std::size_t to = std::min(line.size(), from + kRun);
            const Box near = bounds_of(PagePath(line.begin() + static_cast<std::ptrdiff_t>(from - 1),
                                                line.begin() + static_cast<std::ptrdiff_t>(to)));
            node_grid.query(near, [&](std::size_t n) {
                --test_budget_;
                const double reach = nodes_[n].radius_mm + half + options_.clearance_mm;
                if (!near_run(nodes_[n].centre, from, to, reach)) return;
                if (std::find(hit_nodes.begin(), hit_nodes.end(), n) != hit_nodes.end()) return;
                if (std::find(request.own_nodes.begin(), request.own_nodes.end(), n) != request.own_nodes.end()) return;
                hit_nodes.push_back(n);
            });
            arrow_grid.query(near, [&](std::size_t k) {
                --test_budget_;
                const auto& arrow = arrows[k];
                const double reach = arrow.radius + half + options_.clearance_mm / 2;
                if (!near_run(arrow.centre, from, to, reach)) return;
                if (std::find(hit_arrows.begin(), hit_arrows.end(), k) != hit_arrows.end()) return;
                if (arrow.flow == flow || distance(arrow.end_node, request.stops.back()) < 1e-6) return;
                if (distance(arrow.end_node, request.stops.front()) < 1e-6) return;
                hit_arrows.push_back(k);
            });
        }
        return static_cast<int>(hit_nodes.size() + hit_arrows.size());
    }

    // Moves flows that pass over a foreign node or arrowhead along a spiral around their control
    // point until they clear. Returns whether any flow moved.
    bool resolve_obstacles() {
        double widest = 0;
        for (const auto& request : requests_) widest = std::max(widest, request.width_mm);
        SpatialGrid node_grid(frame_, 5.0);
        for (std::size_t n = 0; n < nodes_.size(); ++n) {
            const double r = nodes_[n].radius_mm + options_.clearance_mm + widest / 2;
            node_grid.insert(n, {nodes_[n].centre.x - r, nodes_[n].centre.y - r, 2 * r, 2 * r});
        }
        bool any_moved = false;
        auto arrows = arrowheads();
        SpatialGrid arrow_grid(frame_, 5.0);
        for (std::size_t a = 0; a < arrows.size(); ++a) {
            const double r = arrows[a].radius + options_.clearance_mm + widest / 2;
            arrow_grid.insert(a, {arrows[a].centre.x - r, arrows[a].centre.y - r, 2 * r, 2 * r});
        }
        std::vector<std::pair<int, std::size_t>> offenders;
        for (std::size_t f = 0; f < requests_.size(); ++f) {
            const int hits = intrusions(f, node_grid, arrow_grid, arrows);
            if (hits > 0) offenders.emplace_back(-hits, f);
        }
        std::sort(offenders.begin(), offenders.end());
        for (const auto& [negative_hits, flow] : offenders) {
            if (move_clear(flow, -negative_hits, node_grid, arrow_grid, arrows)) any_moved = true;
        }
        return any_moved;
    }

    bool move_clear(std::size_t flow, int hits, const SpatialGrid& node_grid, const SpatialGrid& arrow_grid,
                    const std::vector<ArrowObstacle>& arrows) {
        const auto flow_legs = legs_of(legs_, flow, first_leg_);
        std::vector<Point> original;
        original.reserve(flow_legs.size());
        for (const auto i : flow_legs) original.push_back(legs_[i].curve.control);
        int best_hits = hits;
        std::vector<Point> best = original;
        // First within the range box; a short leg hemmed in by symbols may bend wider.
        for (const double widen : {1.0, 2.5}) {
            for (const auto moving : flow_legs) {
                const Leg& leg = legs_[moving];
                const double range = options_.range_box * widen;
                const double limit = leg.length * (0.5 + range);
                const double step = std::clamp(limit / 25, 0.3, 1.5);  // fine enough to thread between symbols
                const Point centre = legs_[moving].curve.control;
                // An Archimedean spiral around the current control point, nearest candidates first.
                for (double theta = std::numbers::pi;;) {
                    const double r = step * theta / (2 * std::numbers::pi);
                    if (r > limit || candidate_budget_ <= 0 || test_budget_ <= 0) break;
                    theta += step / r;
                    const Point candidate = centre + Point{std::cos(theta), std::sin(theta)} * r;
                    for (std::size_t k = 0; k < flow_legs.size(); ++k) legs_[flow_legs[k]].curve.control = original[k];
                    Leg& target = legs_[moving];
                    const Point clamped = clamp_to_range_box(target, candidate, range);
                    if (distance(clamped, candidate) > 1e-9) continue;
                    target.curve.control = candidate;
                    if (!curve_inside(target.curve, frame_)) continue;
                    smooth_joints(legs_, flow_legs);
                    bool all_inside = true;
                    for (const auto i : flow_legs) all_inside = all_inside && curve_inside(legs_[i].curve, frame_);
                    if (!all_inside) continue;
                    --candidate_budget_;
                    const int now = intrusions(flow, node_grid, arrow_grid, arrows, best_hits);
                    if (now < best_hits) {
                        best_hits = now;
                        best.clear();
                        for (const auto i : flow_legs) best.push_back(legs_[i].curve.control);
                        if (now == 0) break;
                    }
                }
                if (best_hits == 0) break;
            }
            if (best_hits == 0) break;
        }
        for (std::size_t k = 0; k < flow_legs.size(); ++k) legs_[flow_legs[k]].curve.control = best[k];
        return best_hits < hits;
    }

    const std::vector<CurveRequest>& requests_;
    const std::vector<NodeObstacle>& nodes_;
    Box frame_;
    ForceLayoutOptions options_;
    RepulsionField node_field_;  // nodes never move: built once
    std::vector<Leg> legs_;
    std::vector<std::size_t> first_leg_;
    long long candidate_budget_ = 0;
    mutable long long test_budget_ = 0;  // obstacle tests left; spent inside the const checks
};

}  // namespace

std::vector<CurvedFlow> layout_curves(const std::vector<CurveRequest>& requests, const std::vector<NodeObstacle>& nodes,
                                      const Box& frame, const ForceLayoutOptions& options) {
    return Layouter(requests, nodes, frame, options).run();
}

std::vector<double> side_by_side(const std::vector<double>& widths_mm, double gap_mm) {
    std::vector<std::size_t> by_width(widths_mm.size());
    for (std::size_t i = 0; i < by_width.size(); ++i) by_width[i] = i;
    std::stable_sort(by_width.begin(), by_width.end(),
                     [&](std::size_t a, std::size_t b) { return widths_mm[a] > widths_mm[b]; });
    std::vector<std::size_t> across;  // left to right
    for (std::size_t k = 0; k < by_width.size(); ++k) {
        if (k % 2 == 0)
            across.push_back(by_width[k]);
        else
            across.insert(across.begin(), by_width[k]);
    }
    double total = -gap_mm;
    for (const double w : widths_mm) total += w + gap_mm;
    std::vector<double> offsets(widths_mm.size(), 0);
    double at = -total / 2;
    for (const auto i : across) {
        offsets[i] = at + widths_mm[i] / 2;
        at += widths_mm[i] + gap_mm;
    }
    return offsets;
}

PagePath centre_line(const CurvedFlow& flow, const CurveRequest& request, double step_mm, double lateral_mm) {
    PagePath line;
    for (const auto& leg : flow.legs) {
        const double chord = distance(leg.start, leg.control) + distance(leg.control, leg.end);
        const PagePath points = sample(leg, sample_count(chord, step_mm, 4, 256));
        line.insert(line.end(), line.empty() ? points.begin() : points.begin() + 1, points.end());
    }
    if (line.size() < 2) return {};
    line = offset_path(line, lateral_mm);
    if (request.start_trim_mm > 0) line = trim_start(line, request.stops.front(), request.start_trim_mm);
    if (line.size() >= 2 && request.end_trim_mm > 0) line = trim_end(line, request.stops.back(), request.end_trim_mm);
    return line.size() >= 2 ? line : PagePath{};
}

}  // namespace steppeflow::layout
