#pragma once
// Inverse-distance repulsion from many points, summed through a pyramid of grids (Barnes–Hut):
// points in the cells next to the query count one by one, farther cells count as their centroid.
// The cost of a query grows with the logarithm of the page size, not with the number of points.

#include <algorithm>
#include <cstddef>
#include <limits>
#include <vector>

#include "layout/scene.hpp"

namespace steppeflow::layout {

struct Repulsion {
    Point weighted_sum;  // Σ w (p − q), with w = 1 / d⁴
    double weight = 0;   // Σ w
};

class RepulsionField {
public:
    // `owner` tags each point (e.g. its flow); a query can leave out one owner's points. Points
    // farther than about `reach_mm` (between 1 and 1.5 times it, by the grid) are not counted.
    RepulsionField(const Box& bounds, std::vector<Point> points, std::vector<std::size_t> owners,
                   double reach_mm = std::numeric_limits<double>::infinity());

    // The repulsion at `p` from every point whose owner is not in `excluded`.
    [[nodiscard]] Repulsion at(Point p, const std::vector<std::size_t>& excluded) const;

private:
    struct Aggregate {
        double count = 0;
        double sum_x = 0;
        double sum_y = 0;
        Point centroid;
    };
    struct Level {
        double cell = 1;
        int columns = 1;
        int rows = 1;
        std::vector<Aggregate> cells;
    };
    struct Range {
        int c0, c1, r0, r1;  // inclusive, in the level's cells
    };
    // The cells of level `l` a query at p looks at (before leaving out the 3×3 block around p).
    [[nodiscard]] Range visited(std::size_t l, Point p) const;
    [[nodiscard]] int column(const Level& level, double x) const;
    [[nodiscard]] int row(const Level& level, double y) const;
    // The innermost step of every query: inlined, it is a third of the layout's time.
    [[gnu::always_inline]] static inline void add_point(Repulsion& total, Point p, Point q, double count);

    Point origin_;
    std::vector<Point> points_;
    std::vector<std::size_t> owners_;
    std::vector<Level> levels_;                       // finest first
    bool top_covers_all_ = true;                      // false: the top level too sees only what is near
    std::vector<std::vector<std::size_t>> finest_;    // point indices per finest cell
    std::vector<std::vector<std::size_t>> by_owner_;  // point indices per owner
};

inline void RepulsionField::add_point(Repulsion& total, Point p, Point q, double count) {
    constexpr double kMinDistanceMm = 0.05;  // closer points weigh as if this far: no division by zero
    const double dx = p.x - q.x;
    const double dy = p.y - q.y;
    const double d2 = std::max(kMinDistanceMm * kMinDistanceMm, dx * dx + dy * dy);
    const double w = count / (d2 * d2);
    total.weighted_sum.x += w * dx;
    total.weighted_sum.y += w * dy;
    total.weight += w;
}

}  // namespace steppeflow::layout
