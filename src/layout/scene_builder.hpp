#pragma once

#include <string>
#include <vector>

#include "geo/projection.hpp"
#include "layout/figure_options.hpp"
#include "layout/scene.hpp"
#include "model/flow.hpp"
#include "model/gazetteer.hpp"
#include "model/geometry.hpp"

namespace steppeflow::layout {

struct SceneInputs {
    const model::Gazetteer& gazetteer;
    const std::vector<model::Flow>& flows;  // the flows to draw, already filtered
    const model::Basemap& basemap;
};

struct SceneResult {
    Scene scene;
    std::vector<std::string> warnings;  // e.g. labels that could not be placed
};

// The map's extent: as given (projected or lon/lat), or fitted to every place the flows touch and
// to where they cross into destination areas. UsageError when no drawn flow has a located place.
ProjectedBox fit_extent(const SceneInputs& inputs, const FigureOptions& options, const geo::Projection& projection);

// The options with the page height fixed (when automatic) and the legend's place chosen, as
// build_scene would for these inputs: frames of a sequence take them so every frame is the same size.
FigureOptions fit_page(const SceneInputs& inputs, const FigureOptions& requested, const geo::Projection& projection,
                       const TextMeasure& measure);

SceneResult build_scene(const SceneInputs& inputs, const FigureOptions& requested, const geo::Projection& projection,
                        const TextMeasure& measure);

}  // namespace steppeflow::layout
