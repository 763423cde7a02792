#include "layout/lonlat_clip.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "layout/geometry.hpp"

namespace steppeflow::layout {

namespace {

constexpr int kPointsPerEdge = 16;
constexpr double kLonMargin = 10;
constexpr double kLatMargin = 5;

// One edge of the box: which side of it is inside, and where a segment crosses it.
struct Edge {
    enum class Side { west, east, south, north } side;
    double value;
    [[nodiscard]] bool inside(const model::LonLat& p) const {
        switch (side) {
            case Side::west:
                return p.lon >= value;
            case Side::east:
                return p.lon <= value;
            case Side::south:
                return p.lat >= value;
            case Side::north:
                return p.lat <= value;
        }
        return true;
    }
    [[nodiscard]] model::LonLat crossing(const model::LonLat& a, const model::LonLat& b) const {
        const bool vertical = side == Side::west || side == Side::east;
        const double from = vertical ? a.lon : a.lat;
        const double to = vertical ? b.lon : b.lat;
        const double t = to == from ? 0.0 : (value - from) / (to - from);
        return vertical ? model::LonLat{value, a.lat + t * (b.lat - a.lat)}
                        : model::LonLat{a.lon + t * (b.lon - a.lon), value};
    }
};

std::array<Edge, 4> edges_of(const model::LonLatBounds& box) {
    return {Edge{Edge::Side::west, box.lon_min}, Edge{Edge::Side::east, box.lon_max},
            Edge{Edge::Side::south, box.lat_min}, Edge{Edge::Side::north, box.lat_max}};
}

bool inside(const model::LonLat& p, const model::LonLatBounds& box) {
    return p.lon >= box.lon_min && p.lon <= box.lon_max && p.lat >= box.lat_min && p.lat <= box.lat_max;
}

// Inside or on the edge, allowing for the rounding of a computed crossing.
bool on_or_inside(const model::LonLat& p, const model::LonLatBounds& box) {
    constexpr double kSlack = 1e-9;
    return p.lon >= box.lon_min - kSlack && p.lon <= box.lon_max + kSlack && p.lat >= box.lat_min - kSlack &&
           p.lat <= box.lat_max + kSlack;
}

}  // namespace

std::optional<model::LonLatBounds> visible_window(const geo::Projection& projection, const MapTransform& transform) {
    const Box& f = transform.frame();
    std::vector<model::LonLat> points;
    for (int i = 0; i <= kPointsPerEdge; ++i) {
        const double t = static_cast<double>(i) / kPointsPerEdge;
        for (const Point page : {Point{f.x + t * f.width, f.y}, Point{f.x + t * f.width, f.y + f.height},
                                 Point{f.x, f.y + t * f.height}, Point{f.x + f.width, f.y + t * f.height}}) {
            // An edge point beyond the projection's domain (the far side of an azimuthal map) is
            // left out: the window is what the rest shows.
            if (const auto lonlat = projection.inverse(transform.to_projected(page))) points.push_back(*lonlat);
        }
    }
    if (points.size() < 4) return std::nullopt;
    auto box = model::LonLatBounds::of_points(points);
    box->lon_min = std::max(box->lon_min - kLonMargin, -180.0);
    box->lon_max = std::min(box->lon_max + kLonMargin, 180.0);
    box->lat_min = std::max(box->lat_min - kLatMargin, -90.0);
    box->lat_max = std::min(box->lat_max + kLatMargin, 90.0);
    // A pole inside the frame: every longitude reaches it.
    for (const double pole : {90.0, -90.0}) {
        const auto xy = projection.forward({0, pole});
        if (xy && contains(f, transform.to_page(*xy))) {
            box->lon_min = -180;
            box->lon_max = 180;
            (pole > 0 ? box->lat_max : box->lat_min) = pole;
        }
    }
    return box;
}

model::LonLatPath clip_ring(const model::LonLatPath& ring, const model::LonLatBounds& box) {
    model::LonLatPath out = ring;
    for (const Edge& edge : edges_of(box)) {
        if (out.empty()) break;
        model::LonLatPath input;
        input.swap(out);
        for (std::size_t i = 0; i < input.size(); ++i) {
            const model::LonLat& current = input[i];
            const model::LonLat& previous = input[(i + input.size() - 1) % input.size()];
            const bool in_now = edge.inside(current);
            const bool in_before = edge.inside(previous);
            if (in_now != in_before) out.push_back(edge.crossing(previous, current));
            if (in_now) out.push_back(current);
        }
    }
    if (out.size() < 3) return {};
    // Where the ring now runs along the box, add a vertex every degree: a parallel or meridian is a
    // curve in most projections, and a straight chord across the frame would cut the land short.
    model::LonLatPath dense;
    dense.reserve(out.size());
    const auto on_same_edge = [&](const model::LonLat& a, const model::LonLat& b) {
        return (a.lon == b.lon && (a.lon == box.lon_min || a.lon == box.lon_max)) ||
               (a.lat == b.lat && (a.lat == box.lat_min || a.lat == box.lat_max));
    };
    for (std::size_t i = 0; i < out.size(); ++i) {
        const model::LonLat& a = out[i];
        const model::LonLat& b = out[(i + 1) % out.size()];
        dense.push_back(a);
        if (!on_same_edge(a, b)) continue;
        const double span = std::max(std::abs(b.lon - a.lon), std::abs(b.lat - a.lat));
        const int steps = static_cast<int>(span);
        for (int k = 1; k < steps; ++k) {
            const double t = static_cast<double>(k) / steps;
            dense.push_back({a.lon + t * (b.lon - a.lon), a.lat + t * (b.lat - a.lat)});
        }
    }
    return dense;
}

// A segment with both ends outside is left out even where it passes through the box: basemap lines
// are dense (a vertex every few km), and the box lies 5–10° beyond the frame.
std::vector<model::LonLatPath> clip_line(const model::LonLatPath& line, const model::LonLatBounds& box) {
    std::vector<model::LonLatPath> pieces;
    model::LonLatPath piece;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const bool in_now = inside(line[i], box);
        if (i > 0 && in_now != inside(line[i - 1], box)) {
            // Where the segment crosses the box: the first edge that puts one end outside.
            const model::LonLat& a = line[i - 1];
            const model::LonLat& b = line[i];
            for (const Edge& edge : edges_of(box)) {
                if (edge.inside(a) != edge.inside(b)) {
                    const model::LonLat at = edge.crossing(a, b);
                    if (on_or_inside(at, box)) {
                        piece.push_back(at);
                        break;
                    }
                }
            }
            if (!in_now) {
                if (piece.size() >= 2) pieces.push_back(std::move(piece));
                piece.clear();
            }
        }
        if (in_now) piece.push_back(line[i]);
    }
    if (piece.size() >= 2) pieces.push_back(std::move(piece));
    return pieces;
}

}  // namespace steppeflow::layout
