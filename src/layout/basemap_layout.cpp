#include "layout/basemap_layout.hpp"

#include <cmath>

namespace steppeflow::layout {

namespace {

PagePath project_path(const model::LonLatPath& path, const geo::Projection& projection, const MapTransform& transform,
                      double tolerance_mm) {
    PagePath page;
    page.reserve(path.size());
    for (std::size_t i = 0; i < path.size(); ++i) {
        const auto xy = projection.forward(path[i]);
        if (!xy) continue;
        const Point p = transform.to_page(*xy);
        const bool last = i + 1 == path.size();
        if (!page.empty() && !last && std::hypot(p.x - page.back().x, p.y - page.back().y) < tolerance_mm) continue;
        page.push_back(p);
    }
    return page;
}

}  // namespace

BasemapLayer project_features(const std::vector<model::Feature>& features, const geo::Projection& projection,
                              const MapTransform& transform, double tolerance_mm) {
    BasemapLayer layer;
    for (const auto& feature : features) {
        for (const auto& polygon : feature.polygons) {
            std::vector<PagePath> rings;
            for (const auto& ring : polygon.rings) {
                PagePath projected = project_path(ring, projection, transform, tolerance_mm);
                if (projected.size() >= 3) rings.push_back(std::move(projected));
            }
            if (!rings.empty()) layer.polygons.push_back(std::move(rings));
        }
        for (const auto& line : feature.lines) {
            PagePath projected = project_path(line, projection, transform, tolerance_mm);
            if (projected.size() < 2) continue;
            layer.lines.push_back(std::move(projected));
            layer.line_ranks.push_back(feature.rank);
        }
    }
    return layer;
}

}  // namespace steppeflow::layout
