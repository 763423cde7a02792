#pragma once
// A map and part of it again at a larger scale, as two panels on one page: the overview (a) with
// the detail's extent outlined and lettered, the detail (b) below it. The panels' scales differ by an
// order of magnitude or more, so each has its own width key and scale bar; the page has one title,
// subtitle and credits line.

#include <string>
#include <vector>

#include "layout/scene_builder.hpp"

namespace steppeflow::layout {

struct DetailPanel {
    LonLatBox extent;
    std::string title;           // the detail's heading, after its letter
    std::string overview_title;  // the overview's heading, after its letter
    FigureOptions::LegendPlace legend = FigureOptions::LegendPlace::right;
    std::vector<model::Flow> flows;  // already selected (the figure's filter with the detail's scope)
};

// `options` describe the page (size, title, subtitle, credits, style) and the overview panel (its
// extent, legend place). UsageError when the page has no room for both panels.
SceneResult build_with_detail(const SceneInputs& overview, const DetailPanel& detail, const FigureOptions& options,
                              const geo::Projection& projection, const TextMeasure& measure);

// The closed outline of a lon/lat box on a map, each edge sampled so that it follows the
// projection's curves (a parallel is not straight in a conic or azimuthal projection).
PagePath outline_of(const LonLatBox& box, const geo::Projection& projection, const MapTransform& transform);

}  // namespace steppeflow::layout
