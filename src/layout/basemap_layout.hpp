#pragma once

#include <optional>
#include <vector>

#include "layout/map_frame.hpp"
#include "layout/scene.hpp"
#include "model/geometry.hpp"

namespace steppeflow::layout {

// Projects features onto one map's page, each cut first to the lon/lat window its frame shows (found
// once, when the projector is made: a label layer projects its features one by one). Vertices closer
// than `tolerance_mm` to the previous kept vertex are dropped.
class FeatureProjector {
public:
    FeatureProjector(const geo::Projection& projection, const MapTransform& transform, double tolerance_mm = 0.1);
    [[nodiscard]] BasemapLayer operator()(const model::Feature& feature) const;
    [[nodiscard]] BasemapLayer operator()(const std::vector<model::Feature>& features) const;

private:
    void add(const model::Feature& feature, BasemapLayer& layer) const;
    const geo::Projection& projection_;
    const MapTransform& transform_;
    double tolerance_mm_;
    std::optional<model::LonLatBounds> window_;
};

// Projects features onto the page. Vertices closer than `tolerance_mm` to the previous kept vertex
// are dropped: detail finer than the output can show only costs drawing time.
BasemapLayer project_features(const std::vector<model::Feature>& features, const geo::Projection& projection,
                              const MapTransform& transform, double tolerance_mm = 0.1);

// The rule the style draws a layer by. DataError at the layer list's 'rule' key when the layer names a
// rule the style lacks.
config::LayerRule rule_for(const model::MapLayer& layer, const config::Style& style);

// The basemap's layers with these roles on the page, in order, each with its rule. Area layers are
// left empty: only the areas flows end in are drawn (scene_builder adds them); label layers too: they
// are drawn as names (feature_labels.hpp).
// A relief layer is shaded by `relief_shader` (left blank without one).
std::vector<SceneLayer> project_layers(const model::Basemap& basemap, const std::vector<model::LayerRole>& roles,
                                       const config::Style& style, const geo::Projection& projection,
                                       const MapTransform& transform, double tolerance_mm = 0.1,
                                       const ReliefShader* relief_shader = nullptr);

}  // namespace steppeflow::layout
