#pragma once
// A uniform grid over the page that answers "what is near here" without testing every pair:
// flow layout, label placement and the quality checks all use it, so their cost grows with the
// number of items, not its square.

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

#include "layout/scene.hpp"

namespace steppeflow::layout {

class SpatialGrid {
public:
    SpatialGrid(const Box& bounds, double cell_mm)
        : origin_{bounds.x, bounds.y},
          cell_(cell_mm > 0 ? cell_mm : 1),
          columns_(std::max(1, static_cast<int>(std::ceil(bounds.width / cell_)))),
          rows_(std::max(1, static_cast<int>(std::ceil(bounds.height / cell_)))),
          cells_(static_cast<std::size_t>(columns_) * static_cast<std::size_t>(rows_)) {}

    // Files `item` under every cell the box touches (items outside the bounds go to the edge cells).
    void insert(std::size_t item, const Box& box) {
        const auto [c0, r0] = cell_of({box.x, box.y});
        const auto [c1, r1] = cell_of({box.x + box.width, box.y + box.height});
        for (int r = r0; r <= r1; ++r) {
            for (int c = c0; c <= c1; ++c) cells_[index(c, r)].push_back(item);
        }
    }

    // Calls `visit(item)` for the items of every cell the box touches; an item filed under
    // several cells can be visited more than once.
    template <class Visit>
    void query(const Box& box, Visit&& visit) const {
        const auto [c0, r0] = cell_of({box.x, box.y});
        const auto [c1, r1] = cell_of({box.x + box.width, box.y + box.height});
        for (int r = r0; r <= r1; ++r) {
            for (int c = c0; c <= c1; ++c) {
                for (const std::size_t item : cells_[index(c, r)]) visit(item);
            }
        }
    }

private:
    struct Cell {
        int column;
        int row;
    };
    [[nodiscard]] Cell cell_of(Point p) const {
        const int c = static_cast<int>(std::floor((p.x - origin_.x) / cell_));
        const int r = static_cast<int>(std::floor((p.y - origin_.y) / cell_));
        return {std::clamp(c, 0, columns_ - 1), std::clamp(r, 0, rows_ - 1)};
    }
    [[nodiscard]] std::size_t index(int column, int row) const {
        return static_cast<std::size_t>(row) * static_cast<std::size_t>(columns_) + static_cast<std::size_t>(column);
    }

    Point origin_;
    double cell_;
    int columns_;
    int rows_;
    std::vector<std::vector<std::size_t>> cells_;
};

// The bounding box of a polyline grown by `margin`.
inline Box bounds_of(const PagePath& path, double margin = 0) {
    if (path.empty()) return {};
    double x0 = path.front().x, y0 = path.front().y, x1 = x0, y1 = y0;
    for (const auto& p : path) {
        x0 = std::min(x0, p.x);
        y0 = std::min(y0, p.y);
        x1 = std::max(x1, p.x);
        y1 = std::max(y1, p.y);
    }
    return {x0 - margin, y0 - margin, x1 - x0 + 2 * margin, y1 - y0 + 2 * margin};
}

}  // namespace steppeflow::layout
