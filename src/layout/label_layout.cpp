#include "layout/label_layout.hpp"

#include <array>

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

}  // namespace

LabelResult place_labels(const std::vector<LabelRequest>& requests, const std::vector<PlaceSymbol>& symbols,
                         const Box& frame, const TextMeasure& measure, double size_pt, const Box& reserved) {
    LabelResult result;
    std::vector<Box> obstacles;
    obstacles.reserve(symbols.size() + requests.size());
    for (const auto& symbol : symbols) obstacles.push_back(symbol_box(symbol));
    if (reserved.width > 0) obstacles.push_back(reserved);  // e.g. the legend

    for (const auto& request : requests) {
        const TextSize size = measure(request.text, size_pt, false, 0);
        const double gap = request.clearance_mm + 0.6;
        const double w = size.width_mm;
        const double h = size.height_mm;
        const Point a = request.anchor;
        const std::array<Box, 8> candidates{{
            {a.x + gap, a.y - h / 2, w, h},
            {a.x - gap - w, a.y - h / 2, w, h},
            {a.x - w / 2, a.y - gap - h, w, h},
            {a.x - w / 2, a.y + gap, w, h},
            {a.x + gap * 0.7, a.y - gap * 0.7 - h, w, h},
            {a.x - gap * 0.7 - w, a.y - gap * 0.7 - h, w, h},
            {a.x + gap * 0.7, a.y + gap * 0.7, w, h},
            {a.x - gap * 0.7 - w, a.y + gap * 0.7, w, h},
        }};
        bool placed = false;
        for (const auto& box : candidates) {
            if (!inside(box, frame)) continue;
            bool free = true;
            for (const auto& obstacle : obstacles) {
                if (box.overlaps(obstacle)) {
                    free = false;
                    break;
                }
            }
            if (!free) continue;
            result.placed.push_back({request.text, request.place_id, box, size_pt});
            obstacles.push_back(box);
            placed = true;
            break;
        }
        if (!placed) result.unplaced.push_back(request.text);
    }
    return result;
}

}  // namespace steppeflow::layout
