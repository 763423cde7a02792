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

BasemapLayer project_features(const std::vector<model::Feature>& features, const geo::Projection& projection,
                              const MapTransform& transform, double tolerance_mm) {
    BasemapLayer layer;
    // Geometry beyond what the frame shows is cut off first (lonlat_clip.hpp); inside it, as it is.
    const auto window = visible_window(projection, transform);
    const auto holds = [&](const model::LonLatPath& path) {
        const auto box = model::LonLatBounds::of_points(path);
        return !window || (box && window->contains(*box));
    };
    for (const auto& feature : features) {
        for (const auto& polygon : feature.polygons) {
            std::vector<PagePath> rings;
            for (const auto& ring : polygon.rings) {
                const model::LonLatPath cut = holds(ring) ? model::LonLatPath{} : clip_ring(ring, *window);
                if (!holds(ring) && cut.empty()) continue;
                PagePath projected = project_path(holds(ring) ? ring : cut, projection, transform, tolerance_mm);
                if (projected.size() >= 3) rings.push_back(std::move(projected));
            }
            if (!rings.empty()) layer.polygons.push_back(std::move(rings));
        }
        for (const auto& line : feature.lines) {
            const auto add = [&](const model::LonLatPath& path) {
                PagePath projected = project_path(path, projection, transform, tolerance_mm);
                if (projected.size() < 2) return;
                layer.lines.push_back(std::move(projected));
                layer.line_ranks.push_back(feature.rank);
            };
            if (holds(line)) {
                add(line);
            } else {
                for (const auto& piece : clip_line(line, *window)) add(piece);
            }
        }
    }
    return layer;
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
            projected.geometry = project_features(layer.features, projection, transform, tolerance_mm);
        layers.push_back(std::move(projected));
    }
    return layers;
}

}  // namespace steppeflow::layout
