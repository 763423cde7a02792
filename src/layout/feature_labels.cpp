#include "layout/feature_labels.hpp"

#include <algorithm>
#include <cmath>

#include <glib.h>

#include "layout/basemap_layout.hpp"
#include "layout/geometry.hpp"
#include "layout/spatial_grid.hpp"

namespace steppeflow::layout {

namespace {

constexpr std::size_t kMostCandidates = 200;
constexpr double kGridStepMm = 2.0;

// Points inside the area (its largest polygon) and the frame, nearest its centre first.
std::vector<Point> area_centres(const BasemapLayer& projected, const Box& frame) {
    const std::vector<PagePath>* largest = nullptr;
    double largest_area = 0;
    Point centre{};
    for (const auto& polygon : projected.polygons) {
        const PagePath& ring = polygon.front();
        double area = 0;
        Point weighted{};
        for (std::size_t i = 0; i < ring.size(); ++i) {
            const Point a = ring[i];
            const Point b = ring[(i + 1) % ring.size()];
            const double cross = a.x * b.y - b.x * a.y;
            area += cross;
            weighted = weighted + (a + b) * cross;
        }
        if (std::abs(area) > largest_area) {
            largest_area = std::abs(area);
            largest = &polygon;
            centre = weighted * (1.0 / (3.0 * area));
        }
    }
    std::vector<Point> centres;
    if (largest == nullptr) return centres;
    const Box inner = shrink(frame, 2);
    const Box bounds = bounds_of(largest->front());
    const double left = std::max(bounds.x, inner.x);
    const double top = std::max(bounds.y, inner.y);
    const double right = std::min(bounds.x + bounds.width, inner.x + inner.width);
    const double bottom = std::min(bounds.y + bounds.height, inner.y + inner.height);
    const int columns = right < left ? -1 : static_cast<int>((right - left) / kGridStepMm);
    const int rows = bottom < top ? -1 : static_cast<int>((bottom - top) / kGridStepMm);
    for (int r = 0; r <= rows; ++r) {
        for (int c = 0; c <= columns; ++c) {
            const Point p{left + c * kGridStepMm, top + r * kGridStepMm};
            if (inside_rings(p, *largest)) centres.push_back(p);
        }
    }
    std::stable_sort(centres.begin(), centres.end(),
                     [&](Point a, Point b) { return distance(a, centre) < distance(b, centre); });
    if (centres.size() > kMostCandidates) centres.resize(kMostCandidates);
    return centres;
}

// The line's vertices inside the frame, from its middle outwards (a name reads best mid-course).
std::vector<Point> line_centres(const BasemapLayer& projected, const Box& frame) {
    std::vector<Point> centres;
    const Box inner = shrink(frame, 2);
    for (const auto& line : projected.lines) {
        const double middle = static_cast<double>(line.size() - 1) / 2;
        std::vector<std::size_t> order(line.size());
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            return std::abs(static_cast<double>(a) - middle) < std::abs(static_cast<double>(b) - middle);
        });
        for (const std::size_t i : order) {
            if (contains(inner, line[i])) centres.push_back(line[i]);
        }
    }
    if (centres.size() > kMostCandidates) centres.resize(kMostCandidates);
    return centres;
}

}  // namespace

std::vector<LabelRequest> feature_label_requests(const model::Basemap& basemap, const geo::Projection& projection,
                                                 const MapTransform& transform, const Box& frame,
                                                 const config::Style& style, model::Language language,
                                                 const std::optional<LocatorNames>& locator) {
    std::vector<LabelRequest> requests;
    const FeatureProjector project(projection, transform);
    for (const auto& layer : basemap.layers) {
        if (layer.role != model::LayerRole::label) continue;
        const config::LayerRule rule = rule_for(layer, style);
        if (locator && rule.lettering != config::Lettering::spaced_caps) continue;
        for (const auto& feature : layer.features) {
            const bool use_short = locator && !feature.short_name.in(language).empty();
            const std::string& name = use_short ? feature.short_name.in(language) : feature.name.in(language);
            if (name.empty() || (locator && !feature.points.empty())) continue;
            if (!feature.points.empty()) {
                // A town: its name beside its dot, as a place's label beside its symbol.
                const auto xy = projection.forward(feature.points.front());
                if (!xy) continue;
                const Point at = transform.to_page(*xy);
                if (!contains(shrink(frame, 2), at)) continue;
                LabelRequest request;
                request.text = config::is_spaced_caps(rule.lettering) ? spaced_caps(name) : name;
                request.anchor = at;
                request.clearance_mm = kTownDotMm;
                request.kind = Label::Kind::feature;
                request.size_pt = rule.size_pt.value_or(style.text.feature_label_pt);
                request.layer = layer.name;
                request.dot = at;
                requests.push_back(std::move(request));
                continue;
            }
            const BasemapLayer projected = project(feature);
            auto centres = projected.polygons.empty() ? line_centres(projected, frame) : area_centres(projected, frame);
            if (centres.empty()) continue;  // outside the map
            LabelRequest request;
            // A short form is set as written ("КазАССР", "MPR"): capitals would change what it says.
            request.text = config::is_spaced_caps(rule.lettering) && !use_short ? spaced_caps(name) : name;
            request.anchor = centres.front();
            request.clearance_mm = 0;
            request.kind = Label::Kind::feature;
            request.size_pt = locator ? locator->size_pt : rule.size_pt.value_or(style.text.feature_label_pt);
            request.centres = std::move(centres);
            request.layer = layer.name;
            requests.push_back(std::move(request));
        }
    }
    return requests;
}

std::string spaced_caps(const std::string& text) {
    gchar* upper = g_utf8_strup(text.c_str(), -1);
    std::string out;
    for (const gchar* p = upper; *p != 0; p = g_utf8_next_char(p)) {
        if (!out.empty()) out += "\u200A";  // hair space
        out.append(p, static_cast<std::size_t>(g_utf8_next_char(p) - p));
    }
    g_free(upper);
    return out;
}

}  // namespace steppeflow::layout
