#include "layout/geometry.hpp"

#include <algorithm>
#include <limits>

namespace steppeflow::layout {

PagePath sample(const QuadraticCurve& curve, int count) {
    count = std::max(count, 1);
    PagePath points;
    points.reserve(static_cast<std::size_t>(count) + 1);
    for (int i = 0; i <= count; ++i) points.push_back(curve.at(static_cast<double>(i) / count));
    return points;
}

double path_length(const PagePath& path) {
    double total = 0;
    for (std::size_t i = 1; i < path.size(); ++i) total += distance(path[i - 1], path[i]);
    return total;
}

namespace {

Point nearest_on_segment(Point p, Point a, Point b) {
    const Point ab = b - a;
    const double l2 = dot(ab, ab);
    if (l2 <= 0) return a;
    const double t = std::clamp(dot(p - a, ab) / l2, 0.0, 1.0);
    return a + ab * t;
}

// The parameter along a→b where the segment crosses the circle, entering from inside (a inside, b outside).
double circle_exit(Point a, Point b, Point centre, double radius) {
    const Point d = b - a;
    const Point f = a - centre;
    const double qa = dot(d, d);
    const double qb = 2 * dot(f, d);
    const double qc = dot(f, f) - radius * radius;
    if (qa <= 0) return 0;
    const double disc = std::max(0.0, qb * qb - 4 * qa * qc);
    return std::clamp((-qb + std::sqrt(disc)) / (2 * qa), 0.0, 1.0);
}

}  // namespace

double distance_to_segment(Point p, Point a, Point b) { return distance(p, nearest_on_segment(p, a, b)); }

double squared_distance_to_segment(Point p, Point a, Point b) {
    const Point d = p - nearest_on_segment(p, a, b);
    return dot(d, d);
}

double distance_to_path(Point p, const PagePath& path) {
    if (path.empty()) return std::numeric_limits<double>::infinity();
    if (path.size() == 1) return distance(p, path.front());
    double best = std::numeric_limits<double>::infinity();
    for (std::size_t i = 1; i < path.size(); ++i) best = std::min(best, distance_to_segment(p, path[i - 1], path[i]));
    return best;
}

Point nearest_point_on_path(Point p, const PagePath& path, bool closed) {
    if (path.empty()) return p;
    Point best = path.front();
    double best_distance = distance(p, best);
    const std::size_t n = path.size();
    const std::size_t segments = closed ? n : n - 1;
    for (std::size_t i = 0; i < segments; ++i) {
        const Point q = nearest_on_segment(p, path[i], path[(i + 1) % n]);
        const double d = distance(p, q);
        if (d < best_distance) {
            best_distance = d;
            best = q;
        }
    }
    return best;
}

PagePath trim_start(const PagePath& path, Point centre, double radius) {
    if (!path.empty() && distance(path.front(), centre) >= radius) return path;  // starts outside already
    for (std::size_t i = 1; i < path.size(); ++i) {
        if (distance(path[i], centre) >= radius) {
            const double t = circle_exit(path[i - 1], path[i], centre, radius);
            PagePath out{path[i - 1] + (path[i] - path[i - 1]) * t};
            out.insert(out.end(), path.begin() + static_cast<std::ptrdiff_t>(i), path.end());
            return out;
        }
    }
    return {};
}

PagePath trim_end(const PagePath& path, Point centre, double radius) {
    PagePath reversed(path.rbegin(), path.rend());
    PagePath trimmed = trim_start(reversed, centre, radius);
    return {trimmed.rbegin(), trimmed.rend()};
}

Point point_back_from_end(const PagePath& path, double back) {
    if (path.empty()) return {};
    double remaining = back;
    for (std::size_t i = path.size() - 1; i > 0; --i) {
        const double segment = distance(path[i], path[i - 1]);
        if (segment >= remaining && segment > 0) return path[i] + (path[i - 1] - path[i]) * (remaining / segment);
        remaining -= segment;
    }
    return path.front();
}

PagePath cut_at_length(const PagePath& path, double length_from_start) {
    if (path.empty()) return {};
    PagePath out{path.front()};
    double remaining = length_from_start;
    for (std::size_t i = 1; i < path.size(); ++i) {
        const double segment = distance(path[i - 1], path[i]);
        if (segment >= remaining) {
            if (segment > 0) out.push_back(path[i - 1] + (path[i] - path[i - 1]) * (remaining / segment));
            return out;
        }
        out.push_back(path[i]);
        remaining -= segment;
    }
    return out;
}

PagePath offset_path(const PagePath& path, double offset) {
    if (offset == 0 || path.size() < 2) return path;
    PagePath out;
    out.reserve(path.size());
    for (std::size_t i = 0; i < path.size(); ++i) {
        const Point before = i > 0 ? unit(path[i] - path[i - 1]) : Point{};
        const Point after = i + 1 < path.size() ? unit(path[i + 1] - path[i]) : Point{};
        const Point normal = unit(right_normal(unit(before + after)));
        out.push_back(path[i] + normal * offset);
    }
    return out;
}

bool inside_rings(Point p, const std::vector<PagePath>& rings) {
    bool inside = false;
    for (const auto& ring : rings) {
        const std::size_t n = ring.size();
        for (std::size_t i = 0, j = n - 1; i < n; j = i++) {
            const Point a = ring[i];
            const Point b = ring[j];
            if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x) inside = !inside;
        }
    }
    return inside;
}

bool segments_cross(Point a, Point b, Point c, Point d) {
    const double d1 = cross(b - a, c - a);
    const double d2 = cross(b - a, d - a);
    const double d3 = cross(d - c, a - c);
    const double d4 = cross(d - c, b - c);
    if (d1 == 0 && d2 == 0 && d3 == 0 && d4 == 0) {  // collinear: do the extents overlap?
        return std::max(std::min(a.x, b.x), std::min(c.x, d.x)) <= std::min(std::max(a.x, b.x), std::max(c.x, d.x)) &&
               std::max(std::min(a.y, b.y), std::min(c.y, d.y)) <= std::min(std::max(a.y, b.y), std::max(c.y, d.y));
    }
    return d1 * d2 <= 0 && d3 * d4 <= 0;
}

std::optional<Point> exit_point(Point inside, Point outside, const Box& box) {
    if (!contains(box, inside) || contains(box, outside)) return std::nullopt;
    double t = 1;
    const Point d = outside - inside;
    if (d.x > 0) t = std::min(t, (box.x + box.width - inside.x) / d.x);
    if (d.x < 0) t = std::min(t, (box.x - inside.x) / d.x);
    if (d.y > 0) t = std::min(t, (box.y + box.height - inside.y) / d.y);
    if (d.y < 0) t = std::min(t, (box.y - inside.y) / d.y);
    return inside + d * t;
}

bool contains(const Box& box, Point p) {
    return p.x >= box.x && p.x <= box.x + box.width && p.y >= box.y && p.y <= box.y + box.height;
}

Box shrink(const Box& box, double by) {
    return {box.x + by, box.y + by, std::max(0.0, box.width - 2 * by), std::max(0.0, box.height - 2 * by)};
}

PagePath simplify(const PagePath& path, double tolerance_mm) {
    if (path.size() <= 2) return path;
    std::vector<bool> keep(path.size(), false);
    keep.front() = keep.back() = true;
    std::vector<std::pair<std::size_t, std::size_t>> spans{{0, path.size() - 1}};
    const double limit = tolerance_mm * tolerance_mm;
    while (!spans.empty()) {
        const auto [first, last] = spans.back();
        spans.pop_back();
        double farthest = -1;
        std::size_t index = first;
        for (std::size_t i = first + 1; i < last; ++i) {
            const double d = squared_distance_to_segment(path[i], path[first], path[last]);
            if (d > farthest) {
                farthest = d;
                index = i;
            }
        }
        if (farthest > limit) {
            keep[index] = true;
            spans.emplace_back(first, index);
            spans.emplace_back(index, last);
        }
    }
    PagePath kept;
    for (std::size_t i = 0; i < path.size(); ++i) {
        if (keep[i]) kept.push_back(path[i]);
    }
    return kept;
}

double distance_to_box(Point p, const Box& box) {
    const double dx = std::max({box.x - p.x, 0.0, p.x - (box.x + box.width)});
    const double dy = std::max({box.y - p.y, 0.0, p.y - (box.y + box.height)});
    return std::hypot(dx, dy);
}

}  // namespace steppeflow::layout
