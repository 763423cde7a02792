#include "layout/repulsion_field.hpp"

#include <algorithm>
#include <cmath>

namespace steppeflow::layout {

RepulsionField::RepulsionField(const Box& bounds, std::vector<Point> points, std::vector<std::size_t> owners,
                               double reach_mm)
    : origin_{bounds.x, bounds.y}, points_(std::move(points)), owners_(std::move(owners)) {
    const double width = std::max(bounds.width, 1.0);
    const double height = std::max(bounds.height, 1.0);
    // About two points to a finest cell keeps the exact near field short.
    const double cells = std::max(1.0, static_cast<double>(points_.size()) / 2.0);
    double cell = std::clamp(std::sqrt(width * height / cells), 0.5, std::max(width, height));
    for (;;) {
        Level level;
        level.cell = cell;
        level.columns = std::max(1, static_cast<int>(std::ceil(width / cell)));
        level.rows = std::max(1, static_cast<int>(std::ceil(height / cell)));
        level.cells.assign(static_cast<std::size_t>(level.columns) * static_cast<std::size_t>(level.rows), {});
        levels_.push_back(std::move(level));
        if (levels_.back().columns <= 4 && levels_.back().rows <= 4) break;
        // Cells half the reach wide: the ring of cells a level looks at ends beyond the reach.
        if (cell >= reach_mm / 2) {
            top_covers_all_ = false;
            break;
        }
        cell *= 2;
    }
    finest_.assign(levels_.front().cells.size(), {});
    for (std::size_t i = 0; i < points_.size(); ++i) {
        const Point q = points_[i];
        for (std::size_t l = 0; l < levels_.size(); ++l) {
            Level& level = levels_[l];
            const std::size_t index =
                static_cast<std::size_t>(row(level, q.y)) * static_cast<std::size_t>(level.columns) +
                static_cast<std::size_t>(column(level, q.x));
            level.cells[index].count += 1;
            level.cells[index].sum_x += q.x;
            level.cells[index].sum_y += q.y;
            if (l == 0) finest_[index].push_back(i);
        }
        if (owners_[i] >= by_owner_.size()) by_owner_.resize(owners_[i] + 1);
        by_owner_[owners_[i]].push_back(i);
    }
    // Centroids once, not a division per query.
    for (auto& level : levels_) {
        for (auto& cell : level.cells) {
            if (cell.count > 0) cell.centroid = {cell.sum_x / cell.count, cell.sum_y / cell.count};
        }
    }
}

int RepulsionField::column(const Level& level, double x) const {
    return std::clamp(static_cast<int>(std::floor((x - origin_.x) / level.cell)), 0, level.columns - 1);
}

int RepulsionField::row(const Level& level, double y) const {
    return std::clamp(static_cast<int>(std::floor((y - origin_.y) / level.cell)), 0, level.rows - 1);
}

RepulsionField::Range RepulsionField::visited(std::size_t l, Point p) const {
    const Level& level = levels_[l];
    if (l + 1 == levels_.size() && top_covers_all_) return {0, level.columns - 1, 0, level.rows - 1};
    // The 3×3 block of the next coarser level around p, in this level's cells (that level may be virtual).
    const int parent_c = column(level, p.x) / 2;
    const int parent_r = row(level, p.y) / 2;
    return {std::max(0, 2 * (parent_c - 1)), std::min(level.columns - 1, 2 * (parent_c + 1) + 1),
            std::max(0, 2 * (parent_r - 1)), std::min(level.rows - 1, 2 * (parent_r + 1) + 1)};
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
    // the next level's 3×3 block; the top level takes everything left, or what is within reach.
    bool excluded_far = false;
    for (std::size_t l = 0; l < levels_.size(); ++l) {
        const Level& level = levels_[l];
        const int lc = column(level, p.x);
        const int lr = row(level, p.y);
        const Range range = visited(l, p);
        for (int r = range.r0; r <= range.r1; ++r) {
            for (int c = range.c0; c <= range.c1; ++c) {
                if (std::abs(c - lc) <= 1 && std::abs(r - lr) <= 1) continue;
                const Aggregate& cell =
                    level.cells[static_cast<std::size_t>(r) * static_cast<std::size_t>(level.columns) +
                                static_cast<std::size_t>(c)];
                if (cell.count <= 0) continue;
                add_point(total, p, cell.centroid, cell.count);
                excluded_far = true;
            }
        }
    }
    // The far field counted the excluded owners' own points too: take them out again, each as the
    // point it is (exact when it was alone in its cell, close otherwise).
    if (excluded_far) {
        const Range top_range = visited(levels_.size() - 1, p);
        for (const std::size_t owner : excluded) {
            if (owner >= by_owner_.size()) continue;
            for (const std::size_t i : by_owner_[owner]) {
                const Point q = points_[i];
                if (std::abs(column(finest, q.x) - pc) <= 1 && std::abs(row(finest, q.y) - pr) <= 1) continue;
                const Level& top = levels_.back();
                const int qc = column(top, q.x);
                const int qr = row(top, q.y);
                if (qc < top_range.c0 || qc > top_range.c1 || qr < top_range.r0 || qr > top_range.r1)
                    continue;  // beyond reach
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
