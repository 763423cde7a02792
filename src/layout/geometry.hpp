#pragma once
// Plane geometry on the page (millimetres, y downwards): the vector algebra, quadratic Bézier
// curves and polyline measures that flow layout, label placement and the quality checks share.

#include <cmath>
#include <optional>
#include <vector>

#include "layout/scene.hpp"

namespace steppeflow::layout {

inline Point operator+(Point a, Point b) { return {a.x + b.x, a.y + b.y}; }
inline Point operator-(Point a, Point b) { return {a.x - b.x, a.y - b.y}; }
inline Point operator*(Point a, double s) { return {a.x * s, a.y * s}; }
inline Point operator*(double s, Point a) { return {a.x * s, a.y * s}; }
inline double dot(Point a, Point b) { return a.x * b.x + a.y * b.y; }
inline double cross(Point a, Point b) { return a.x * b.y - a.y * b.x; }
// sqrt, not hypot: page coordinates never overflow, and hypot's care costs several times more.
inline double length(Point a) { return std::sqrt(a.x * a.x + a.y * a.y); }
inline double distance(Point a, Point b) { return length(a - b); }
// The unit vector along `a`, or zero for the zero vector.
inline Point unit(Point a) {
    const double l = length(a);
    return l > 0 ? a * (1 / l) : Point{};
}
// `a` turned a quarter to the right of travel on the page (y down): (x, y) -> (-y, x).
inline Point right_normal(Point a) { return {-a.y, a.x}; }

// A quadratic Bézier from `start` to `end` pulled towards `control`.
struct QuadraticCurve {
    Point start;
    Point control;
    Point end;
    [[nodiscard]] Point at(double t) const {
        const double u = 1 - t;
        return start * (u * u) + control * (2 * u * t) + end * (t * t);
    }
    [[nodiscard]] Point tangent(double t) const {
        return (control - start) * (2 * (1 - t)) + (end - control) * (2 * t);
    }
};

// `count` + 1 points at equal parameter steps, both ends included.
PagePath sample(const QuadraticCurve& curve, int count);

double path_length(const PagePath& path);

// The distance from `p` to the segment a–b, and its square (cheaper, for comparisons).
double distance_to_segment(Point p, Point a, Point b);
double squared_distance_to_segment(Point p, Point a, Point b);
// The distance from `p` to the nearest point of the polyline.
double distance_to_path(Point p, const PagePath& path);
// From a point to the nearest point of a box (0 inside it).
double distance_to_box(Point p, const Box& box);
// The nearest point of the polyline (open) or ring (closed) to `p`.
Point nearest_point_on_path(Point p, const PagePath& path, bool closed);

// Cuts the polyline where it first leaves the circle around its first point (from the start) and
// where it last enters the circle around `centre` (from the end). Empty when nothing is left.
PagePath trim_start(const PagePath& path, Point centre, double radius);
PagePath trim_end(const PagePath& path, Point centre, double radius);

// The point at arc length `back` before the end of the polyline (its first point if shorter).
Point point_back_from_end(const PagePath& path, double back);
// The polyline up to arc length `length_from_start`.
PagePath cut_at_length(const PagePath& path, double length_from_start);

// The polyline moved `offset` to the right of travel (negative: left), vertex by vertex along the
// mean normal of the two segments that meet there.
PagePath offset_path(const PagePath& path, double offset);

// Even-odd point-in-polygon over all rings.
bool inside_rings(Point p, const std::vector<PagePath>& rings);

// Whether segments a–b and c–d cross (touching counts).
bool segments_cross(Point a, Point b, Point c, Point d);

// Where the segment from `inside` to `outside` leaves the box, if it does.
std::optional<Point> exit_point(Point inside, Point outside, const Box& box);

bool contains(const Box& box, Point p);
Box shrink(const Box& box, double by);

// The path with the points dropped that lie within `tolerance_mm` of the line through their
// neighbours kept (Douglas–Peucker): a flow sampled every half millimetre draws the same with a
// tenth of the points, and its SVG and PDF are that much smaller. Ends are always kept.
[[nodiscard]] PagePath simplify(const PagePath& path, double tolerance_mm);

}  // namespace steppeflow::layout
