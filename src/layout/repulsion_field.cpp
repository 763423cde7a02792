#include "layout/repulsion_field.hpp"

#include <algorithm>
#include <cmath>

namespace steppeflow::layout {

namespace {
constexpr double kMinDistanceMm = 0.05;  // closer points weigh as if this far: no division by zero
}

RepulsionField::RepulsionField(const Box& bounds, const std::vector<Point>& points, const std::vector<std::size_t>& owners)
    : origin_{bounds.x, bounds.y}, points_(points), owners_(owners) {
    const double width = std::max(bounds.width, 1.0);
    const double height = std::max(bounds.height, 1.0);
    // About two points to a finest cell keeps the exact near field short.
    const double cells = std::max(1.0, static_cast<double>(points.size()) / 2.0);
    double cell = std::clamp(std::sqrt(width * height / cells), 0.5, std::max(width, height));
    for (;;) {
        Level level;
        level.cell = cell;
        level.columns = std::max(1, static_cast<int>(std::ceil(width / cell)));
        level.rows = std::max(1, static_cast<int>(std::ceil(height / cell)));
        level.cells.assign(static_cast<std::size_t>(level.columns) * static_cast<std::size_t>(level.rows), {});
        levels_.push_back(std::move(level));
        if (levels_.back().columns <= 4 && levels_.back().rows <= 4) break;
        cell *= 2;
    }
    finest_.assign(levels_.front().cells.size(), {});
    for (std::size_t i = 0; i < points_.size(); ++i) {
        const Point q = points_[i];
        for (std::size_t l = 0; l < levels_.size(); ++l) {
            Level& level = levels_[l];
            const std::size_t index = static_cast<std::size_t>(row(level, q.y)) * static_cast<std::size_t>(level.columns) +
                                      static_cast<std::size_t>(column(level, q.x));
            level.cells[index].count += 1;
            level.cells[index].sum_x += q.x;
            level.cells[index].sum_y += q.y;
            if (l == 0) finest_[index].push_back(i);
        }
        if (owners_[i] >= by_owner_.size()) by_owner_.resize(owners_[i] + 1);
        by_owner_[owners_[i]].push_back(i);
    }
}

int RepulsionField::column(const Level& level, double x) const {
    return std::clamp(static_cast<int>(std::floor((x - origin_.x) / level.cell)), 0, level.columns - 1);
}

int RepulsionField::row(const Level& level, double y) const {
    return std::clamp(static_cast<int>(std::floor((y - origin_.y) / level.cell)), 0, level.rows - 1);
}

void RepulsionField::add_point(Repulsion& total, Point p, Point q, double count) {
    const double dx = p.x - q.x;
    const double dy = p.y - q.y;
    const double d2 = std::max(kMinDistanceMm * kMinDistanceMm, dx * dx + dy * dy);
    const double w = count / (d2 * d2);
    total.weighted_sum.x += w * (p.x - q.x);
    total.weighted_sum.y += w * (p.y - q.y);
    total.weight += w;
}

Repulsion RepulsionField::at(Point p, const std::vector<std::size_t>& excluded) const {
    Repulsion total;
    const auto is_excluded = [&](std::size_t owner) {
        return std::find(excluded.begin(), excluded.end(), owner) != excluded.end();
    };
    // Near field, point by point, leaving out the excluded owners.
    const Level& finest = levels_.front();
    const int pc = column(finest, p.x);
    const int pr = row(finest, p.y);
    for (int r = std::max(0, pr - 1); r <= std::min(finest.rows - 1, pr + 1); ++r) {
        for (int c = std::max(0, pc - 1); c <= std::min(finest.columns - 1, pc + 1); ++c) {
            for (const std::size_t i : finest_[static_cast<std::size_t>(r) * static_cast<std::size_t>(finest.columns) +
                                               static_cast<std::size_t>(c)]) {
                if (!is_excluded(owners_[i])) add_point(total, p, points_[i], 1);
            }
        }
    }
    // Far field, a centroid per cell: at each level the ring between this level's 3×3 block and
    // the next level's 3×3 block; the top level takes everything left.
    bool excluded_far = false;
    for (std::size_t l = 0; l < levels_.size(); ++l) {
        const Level& level = levels_[l];
        const int lc = column(level, p.x);
        const int lr = row(level, p.y);
        int c0 = 0, c1 = level.columns - 1, r0 = 0, r1 = level.rows - 1;
        if (l + 1 < levels_.size()) {
            const Level& parent = levels_[l + 1];
            const int parent_c = column(parent, p.x);
            const int parent_r = row(parent, p.y);
            c0 = std::max(0, 2 * (parent_c - 1));
            c1 = std::min(level.columns - 1, 2 * (parent_c + 1) + 1);
            r0 = std::max(0, 2 * (parent_r - 1));
            r1 = std::min(level.rows - 1, 2 * (parent_r + 1) + 1);
        }
        for (int r = r0; r <= r1; ++r) {
            for (int c = c0; c <= c1; ++c) {
                if (std::abs(c - lc) <= 1 && std::abs(r - lr) <= 1) continue;
                const Aggregate& cell =
                    level.cells[static_cast<std::size_t>(r) * static_cast<std::size_t>(level.columns) + static_cast<std::size_t>(c)];
                if (cell.count <= 0) continue;
                add_point(total, p, {cell.sum_x / cell.count, cell.sum_y / cell.count}, cell.count);
                excluded_far = true;
            }
        }
    }
    // The far field counted the excluded owners' own points too: take them out again, each as the
    // point it is (exact when it was alone in its cell, close otherwise).
    if (excluded_far) {
        for (const std::size_t owner : excluded) {
            if (owner >= by_owner_.size()) continue;
            for (const std::size_t i : by_owner_[owner]) {
                const Point q = points_[i];
                if (std::abs(column(finest, q.x) - pc) <= 1 && std::abs(row(finest, q.y) - pr) <= 1) continue;
                Repulsion own;
                add_point(own, p, q, 1);
                total.weighted_sum.x -= own.weighted_sum.x;
                total.weighted_sum.y -= own.weighted_sum.y;
                total.weight -= own.weight;
            }
        }
        if (total.weight <= 1e-12) total = {};
    }
    return total;
}

}  // namespace steppeflow::layout
