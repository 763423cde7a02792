#include "layout/basemap_layout.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "layout/lonlat_clip.hpp"

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

FeatureProjector::FeatureProjector(const geo::Projection& projection, const MapTransform& transform,
                                   double tolerance_mm)
    : projection_(projection),
      transform_(transform),
      tolerance_mm_(tolerance_mm),
      window_(visible_window(projection, transform)) {}

void FeatureProjector::add(const model::Feature& feature, BasemapLayer& layer) const {
    // Geometry beyond what the frame shows is cut off first (lonlat_clip.hpp); inside it, as it is.
    const auto inside_window = [&](const model::LonLatPath& path) {
        const auto box = model::LonLatBounds::of_points(path);
        return !window_ || (box && window_->contains(*box));
    };
    const auto project = [&](const model::LonLatPath& path) {
        return project_path(path, projection_, transform_, tolerance_mm_);
    };
    for (const auto& polygon : feature.polygons) {
        std::vector<PagePath> rings;
        for (const auto& ring : polygon.rings) {
            PagePath projected;
            if (inside_window(ring)) {
                projected = project(ring);
            } else if (const auto cut = clip_ring(ring, *window_); !cut.empty()) {
                projected = project(cut);
            }
            if (projected.size() >= 3) rings.push_back(std::move(projected));
        }
        if (!rings.empty()) layer.polygons.push_back(std::move(rings));
    }
    const auto add_line = [&](const model::LonLatPath& path) {
        PagePath projected = project(path);
        if (projected.size() < 2) return;
        layer.lines.push_back(std::move(projected));
        layer.line_ranks.push_back(feature.rank);
    };
    for (const auto& line : feature.lines) {
        if (inside_window(line)) {
            add_line(line);
        } else {
            for (const auto& piece : clip_line(line, *window_)) add_line(piece);
        }
    }
}

BasemapLayer FeatureProjector::operator()(const model::Feature& feature) const {
    BasemapLayer layer;
    add(feature, layer);
    return layer;
}

BasemapLayer FeatureProjector::operator()(const std::vector<model::Feature>& features) const {
    BasemapLayer layer;
    for (const auto& feature : features) add(feature, layer);
    return layer;
}

BasemapLayer project_features(const std::vector<model::Feature>& features, const geo::Projection& projection,
                              const MapTransform& transform, double tolerance_mm) {
    return FeatureProjector(projection, transform, tolerance_mm)(features);
}

config::LayerRule rule_for(const model::MapLayer& layer, const config::Style& style) {
    if (layer.role == model::LayerRole::graticule) return {};
    if (auto rule = config::layer_rule(style, layer.rule_name())) return *rule;
    SourceLocation where = layer.rule_where;
    if (where.file.empty()) where.file = layer.source;
    throw DataError(where,
                    fmt::format("layer '{}' is drawn by the rule '{}', which the style '{}' does not declare",
                                layer.name, layer.rule_name(), style.name),
                    fmt::format("add [rules.{}] (fill, line, width_mm, dash) to the style, or name another rule",
                                layer.rule_name()));
}

std::vector<SceneLayer> project_layers(const model::Basemap& basemap, const std::vector<model::LayerRole>& roles,
                                       const config::Style& style, const geo::Projection& projection,
                                       const MapTransform& transform, double tolerance_mm,
                                       const ReliefShader* relief_shader) {
    const FeatureProjector project(projection, transform, tolerance_mm);
    std::vector<SceneLayer> layers;
    for (const auto& layer : basemap.layers) {
        if (std::find(roles.begin(), roles.end(), layer.role) == roles.end()) continue;
        SceneLayer projected{layer.name, layer.role, rule_for(layer, style), {}, layer.rule_name(), nullptr};
        if (layer.role == model::LayerRole::relief) {
            if (relief_shader && *relief_shader)
                projected.relief =
                    (*relief_shader)(layer.raster, projection.definition(), transform.extent(), transform.frame());
            layers.push_back(std::move(projected));
            continue;
        }
        // Areas are drawn only where flows end in them; a label layer draws names, not lines.
        if (layer.role != model::LayerRole::area && layer.role != model::LayerRole::label)
            projected.geometry = project(layer.features);
        layers.push_back(std::move(projected));
    }
    return layers;
}

}  // namespace steppeflow::layout
