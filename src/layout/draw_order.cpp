#include "layout/draw_order.hpp"

#include <algorithm>
#include <functional>
#include <queue>

#include "layout/geometry.hpp"
#include "layout/spatial_grid.hpp"

namespace steppeflow::layout {

bool end_hidden_under(const FlowShape& flow, const FlowShape& over, double casing_mm) {
    if (flow.centre_line.size() < 2 || over.centre_line.size() < 2 || flow.target == TargetKind::junction ||
        over.flow_id == flow.flow_id)
        return false;
    const Point end = flow.centre_line.back();
    const double length = path_length(over.centre_line);
    const double head = std::min(over.arrow_length_mm, length);
    if (head <= 0) return distance_to_path(end, over.centre_line) < over.width_mm / 2 + casing_mm;
    // The shaft is as wide as the flow; the head tapers from its base to a point at the tip.
    const PagePath shaft = cut_at_length(over.centre_line, length - head);
    if (shaft.size() >= 2 && distance_to_path(end, shaft) < over.width_mm / 2 + casing_mm) return true;
    const Point base = point_back_from_end(over.centre_line, head);
    const Point tip = over.centre_line.back();
    const Point along = unit(tip - base);
    const double reach = dot(end - base, along);  // 0 at the base, `head` at the tip
    if (reach < -casing_mm || reach > distance(base, tip) + casing_mm) return false;
    const double taper = std::clamp(1 - reach / std::max(distance(base, tip), 1e-9), 0.0, 1.0);
    const double half = std::max(over.width_mm, over.arrow_width_mm) / 2 * taper;
    return std::abs(dot(end - base, right_normal(along))) < half + casing_mm;
}

void order_for_visible_ends(std::vector<FlowShape>& shapes, double casing_mm) {
    std::stable_sort(shapes.begin(), shapes.end(),
                     [](const FlowShape& a, const FlowShape& b) { return a.width_mm > b.width_mm; });
    const std::size_t n = shapes.size();
    if (n < 2) return;
    Box bounds = bounds_of(shapes.front().centre_line, 0);
    for (const auto& shape : shapes) {
        if (shape.centre_line.empty()) continue;
        const Box box = bounds_of(shape.centre_line, shape.width_mm / 2 + casing_mm);
        const double right = std::max(bounds.x + bounds.width, box.x + box.width);
        const double bottom = std::max(bounds.y + bounds.height, box.y + box.height);
        bounds.x = std::min(bounds.x, box.x);
        bounds.y = std::min(bounds.y, box.y);
        bounds.width = right - bounds.x;
        bounds.height = bottom - bounds.y;
    }
    SpatialGrid grid(bounds, 5);
    for (std::size_t i = 0; i < n; ++i) {
        if (shapes[i].centre_line.size() >= 2)
            grid.insert(i, bounds_of(shapes[i].centre_line, shapes[i].width_mm / 2 + casing_mm));
    }
    // below[j]: the flows that must be painted before j (beneath it); an edge for each end j covers.
    std::vector<std::vector<std::size_t>> above(n);
    std::vector<int> waiting(n, 0);
    bool any = false;
    for (std::size_t i = 0; i < n; ++i) {
        if (shapes[i].centre_line.size() < 2) continue;
        const Point end = shapes[i].centre_line.back();
        std::vector<std::size_t> seen;
        grid.query({end.x, end.y, 0, 0}, [&](std::size_t j) {
            if (j == i || std::find(seen.begin(), seen.end(), j) != seen.end()) return;
            seen.push_back(j);
            if (!end_hidden_under(shapes[i], shapes[j], casing_mm)) return;
            // Covering each other's ends: no order shows both; the width order stands.
            if (end_hidden_under(shapes[j], shapes[i], casing_mm)) return;
            above[j].push_back(i);  // j beneath i
            ++waiting[i];
            any = true;
        });
    }
    if (!any) return;
    // Kahn's order, taking the earliest in width order whenever several are free: flows without a
    // constraint keep their places.
    std::priority_queue<std::size_t, std::vector<std::size_t>, std::greater<>> free;
    for (std::size_t i = 0; i < n; ++i) {
        if (waiting[i] == 0) free.push(i);
    }
    std::vector<std::size_t> order;
    order.reserve(n);
    std::vector<bool> placed(n, false);
    while (order.size() < n) {
        if (free.empty()) {
            // A cycle of three or more: the earliest left goes next, as the width order has it.
            const auto next = static_cast<std::size_t>(std::find(placed.begin(), placed.end(), false) - placed.begin());
            waiting[next] = 0;
            free.push(next);
        }
        const std::size_t i = free.top();
        free.pop();
        if (placed[i]) continue;
        placed[i] = true;
        order.push_back(i);
        for (const std::size_t k : above[i]) {
            if (--waiting[k] == 0 && !placed[k]) free.push(k);
        }
    }
    std::vector<FlowShape> sorted;
    sorted.reserve(n);
    for (const std::size_t i : order) sorted.push_back(std::move(shapes[i]));
    shapes = std::move(sorted);
}

}  // namespace steppeflow::layout
