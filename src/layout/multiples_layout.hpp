#pragma once
// Small multiples: one panel per period in a grid, all with the same extent and the same width
// scale (a count is drawn equally wide in every panel), under one title with one legend.

#include <string>
#include <vector>

#include "layout/scene_builder.hpp"

namespace steppeflow::layout {

struct PanelFlows {
    std::string title;  // the period, e.g. "1930"
    std::vector<model::Flow> flows;
    const model::Basemap* basemap = nullptr;  // the panel's own (layers of its years); nullptr: the page's
};

// `all_flows` are every panel's flows together: they fix the shared extent, width scale and legend.
// `columns` 0 picks the grid that draws the maps largest.
SceneResult build_small_multiples(const model::Gazetteer& gazetteer, const model::Basemap& basemap,
                                  const std::vector<PanelFlows>& panels, const std::vector<model::Flow>& all_flows,
                                  const FigureOptions& options, int columns, const geo::Projection& projection,
                                  const TextMeasure& measure);

// The options that make separate figures comparable: the extent and the largest count of `all_flows`.
FigureOptions shared_scales(const model::Gazetteer& gazetteer, const model::Basemap& basemap,
                            const std::vector<model::Flow>& all_flows, const FigureOptions& options,
                            const geo::Projection& projection);

}  // namespace steppeflow::layout
