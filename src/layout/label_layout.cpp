#include "layout/label_layout.hpp"

#include "layout/leaders.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <map>

#include "layout/geometry.hpp"
#include "layout/spatial_grid.hpp"

namespace steppeflow::layout {

namespace {

bool inside(const Box& inner, const Box& outer) {
    return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width &&
           inner.y + inner.height <= outer.y + outer.height;
}

Box symbol_box(const PlaceSymbol& symbol) {
    return {symbol.centre.x - symbol.radius_mm, symbol.centre.y - symbol.radius_mm, 2 * symbol.radius_mm,
            2 * symbol.radius_mm};
}

// Distance from a segment to a box (0 when they meet).
double segment_box_distance(Point a, Point b, const Box& box) {
    if (contains(box, a) || contains(box, b)) return 0;
    const std::array<Point, 4> corners{{{box.x, box.y},
                                        {box.x + box.width, box.y},
                                        {box.x + box.width, box.y + box.height},
                                        {box.x, box.y + box.height}}};
    double best = std::numeric_limits<double>::infinity();
    for (int i = 0; i < 4; ++i) {
        if (segments_cross(a, b, corners[i], corners[(i + 1) % 4])) return 0;
        best = std::min(best, distance_to_segment(corners[i], a, b));
    }
    for (const Point p : {a, b}) {
        const double dx = std::max({box.x - p.x, 0.0, p.x - box.x - box.width});
        const double dy = std::max({box.y - p.y, 0.0, p.y - box.y - box.height});
        best = std::min(best, std::hypot(dx, dy));
    }
    return best;
}

}  // namespace

FlowOccupancy::FlowOccupancy(const std::vector<FlowShape>& flows, const Box& bounds) : grid_(bounds, 4) {
    for (std::size_t f = 0; f < flows.size(); ++f) {
        const auto& line = flows[f].centre_line;
        const double half = std::max(flows[f].width_mm, flows[f].arrow_width_mm) / 2;
        for (std::size_t i = 1; i < line.size(); ++i) {
            segments_.push_back({line[i - 1], line[i], half, f});
            grid_.insert(segments_.size() - 1, bounds_of({line[i - 1], line[i]}, half));
        }
    }
}

int FlowOccupancy::flows_touching(const Box& box) const {
    std::vector<std::size_t> flows;
    grid_.query(box, [&](std::size_t s) {
        const auto& segment = segments_[s];
        if (std::find(flows.begin(), flows.end(), segment.flow) != flows.end()) return;
        if (segment_box_distance(segment.a, segment.b, box) < segment.half_width) flows.push_back(segment.flow);
    });
    return static_cast<int>(flows.size());
}

bool nearer_another_symbol(const Box& box, const PlaceSymbol& own, const std::vector<PlaceSymbol>& symbols,
                           const SpatialGrid& grid, double widest_radius_mm) {
    const double to_own = distance_to_box(own.centre, box) - own.radius_mm;
    const double reach = std::max(0.0, to_own) + widest_radius_mm;
    bool nearer = false;
    grid.query({box.x - reach, box.y - reach, box.width + 2 * reach, box.height + 2 * reach}, [&](std::size_t s) {
        const auto& other = symbols[s];
        nearer = nearer || (other.place_id != own.place_id &&
                            distance_to_box(other.centre, box) - other.radius_mm < to_own - 0.2);
    });
    return nearer;
}

LabelResult place_labels(const std::vector<LabelRequest>& requests, const std::vector<PlaceSymbol>& symbols,
                         const Box& frame, const TextMeasure& measure, const std::vector<Box>& reserved,
                         const std::vector<FlowShape>& flows) {
    LabelResult result;
    SpatialGrid obstacles_grid(frame, 6);
    std::vector<Box> obstacles;
    const auto add_obstacle = [&](const Box& box) {
        obstacles.push_back(box);
        obstacles_grid.insert(obstacles.size() - 1, box);
    };
    for (const auto& symbol : symbols) add_obstacle(symbol_box(symbol));
    for (const auto& box : reserved) {
        if (box.width > 0) add_obstacle(box);
    }
    const FlowOccupancy occupancy(flows, frame);
    // A place's name must lie nearer its own symbol than any other, or a reader takes it for the other's.
    SpatialGrid symbol_grid(frame, 6);
    std::map<std::string, std::size_t, std::less<>> symbol_of;
    double widest_symbol = 0;
    for (std::size_t i = 0; i < symbols.size(); ++i) {
        symbol_grid.insert(i, symbol_box(symbols[i]));
        symbol_of.emplace(symbols[i].place_id, i);
        widest_symbol = std::max(widest_symbol, symbols[i].radius_mm);
    }
    // The near positions for every label first; a place's name left without one then tries the far
    // ring, with a leader, where it takes no near room another name needed.
    std::vector<const LabelRequest*> for_far_ring;
    const auto try_place = [&](const LabelRequest& request, bool far_ring) {
        const PlaceSymbol* own = nullptr;
        if (request.kind == Label::Kind::place) {
            if (const auto found = symbol_of.find(request.place_id); found != symbol_of.end())
                own = &symbols[found->second];
        }
        std::optional<Box> dot_box;
        if (request.dot) {
            dot_box = Box{request.dot->x - kTownDotMm, request.dot->y - kTownDotMm, 2 * kTownDotMm, 2 * kTownDotMm};
            bool clear = inside(*dot_box, frame) && occupancy.flows_touching(*dot_box) == 0;
            obstacles_grid.query(*dot_box, [&](std::size_t o) { clear = clear && !dot_box->overlaps(obstacles[o]); });
            if (!clear) {
                result.names_left_out.push_back(request.text);
                return;
            }
        }
        const TextSize size = measure(request.text, request.size_pt, false, 0);
        const double w = size.width_mm;
        const double h = size.height_mm;
        const Point a = request.anchor;
        const auto ring_at = [&](double extra, std::vector<Box>& into) {
            const double gap = request.clearance_mm + 0.5 + extra;
            const double d = gap * 0.7;
            const std::array<Box, 8> ring{{{a.x + gap, a.y - h / 2, w, h},
                                           {a.x - gap - w, a.y - h / 2, w, h},
                                           {a.x - w / 2, a.y - gap - h, w, h},
                                           {a.x - w / 2, a.y + gap, w, h},
                                           {a.x + d, a.y - d - h, w, h},
                                           {a.x - d - w, a.y - d - h, w, h},
                                           {a.x + d, a.y + d, w, h},
                                           {a.x - d - w, a.y + d, w, h}}};
            into.insert(into.end(), ring.begin(), ring.end());
        };
        std::vector<Box> candidates;
        if (!request.centres.empty()) {
            for (const Point c : request.centres) candidates.push_back({c.x - w / 2, c.y - h / 2, w, h});
        } else if (far_ring) {
            ring_at(kLeaderRingMm, candidates);
            ring_at(kLeaderRingMm * 1.6, candidates);
        } else {
            // Cartographic preference: right, left, above, below, then the four diagonals; then the
            // same a little farther out, to clear a flow leaving the symbol.
            // A town's name is never set farther out: that far from a small dot it could be read as
            // another's; with no room beside the dot it is left out, as basemap names may be.
            ring_at(0.0, candidates);
            if (!request.dot) ring_at(2.2, candidates);
        }
        std::optional<Box> best;
        double best_cost = std::numeric_limits<double>::infinity();
        // A leader may not pass over another symbol: it would seem to name that one.
        const auto leader_crosses_a_symbol = [&](const Box& box) {
            const PagePath leader = leader_to_symbol(box, *own);
            if (leader.size() < 2) return false;
            bool crosses = false;
            symbol_grid.query(bounds_of(leader, widest_symbol), [&](std::size_t k) {
                const auto& other = symbols[k];
                crosses = crosses ||
                          (other.place_id != own->place_id &&
                           distance_to_segment(other.centre, leader.front(), leader.back()) < other.radius_mm + 0.2);
            });
            return crosses;
        };
        const auto choose = [&](const std::vector<Box>& boxes, double base_cost, bool with_leader) {
            for (std::size_t i = 0; i < boxes.size(); ++i) {
                const Box& box = boxes[i];
                if (!inside(box, frame)) continue;
                bool free = true;
                obstacles_grid.query(box, [&](std::size_t o) { free = free && !box.overlaps(obstacles[o]); });
                if (!free) continue;
                if (with_leader && leader_crosses_a_symbol(box)) continue;
                // A basemap name is never set over a flow: the map can do without it, not without the flow.
                if (request.kind == Label::Kind::feature && occupancy.flows_touching(box) > 0) continue;
                // Crossing a flow costs more than any step down the list of preferred positions; lying
                // nearer another symbol than its own, more than crossing a flow (it misnames a place).
                const double cost =
                    base_cost + static_cast<double>(i) + 1000.0 * occupancy.flows_touching(box) +
                    (own != nullptr && nearer_another_symbol(box, *own, symbols, symbol_grid, widest_symbol) ? 3000.0
                                                                                                             : 0.0);
                if (cost < best_cost) {
                    best_cost = cost;
                    best = box;
                    if (cost == base_cost + static_cast<double>(i)) break;  // flow-free, the most preferred left
                }
            }
        };
        choose(candidates, 0, far_ring);
        // A place's name may stand farther out, joined to its symbol by a leader (leaders.hpp): rather
        // than beside another symbol, at once; rather than left out, once every name has had its near
        // positions (pass two), so that it takes no room another needed.
        const bool may_stand_far = own != nullptr && !request.dot && request.centres.empty();
        if (!far_ring && may_stand_far && best && best_cost >= 3000) {
            std::vector<Box> far;
            ring_at(kLeaderRingMm, far);
            choose(far, 2000, true);
        }
        if (!best) {
            if (!far_ring && may_stand_far) {
                for_far_ring.push_back(&request);
            } else {
                (request.kind == Label::Kind::feature ? result.names_left_out : result.unplaced)
                    .push_back(request.text);
            }
            return;
        }
        result.placed.push_back(
            {request.kind, request.text, request.place_id, *best, request.size_pt, request.layer, request.dot});
        add_obstacle(*best);
        if (dot_box) add_obstacle(*dot_box);
    };
    for (const auto& request : requests) try_place(request, false);
    for (const LabelRequest* request : for_far_ring) try_place(*request, true);
    return result;
}

}  // namespace steppeflow::layout
