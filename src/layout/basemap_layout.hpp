#pragma once

#include <vector>

#include "layout/map_frame.hpp"
#include "model/geometry.hpp"

namespace steppeflow::layout {

// Projects features onto the page. Vertices closer than `tolerance_mm` to the previous kept vertex
// are dropped: detail finer than the output can show only costs drawing time.
BasemapLayer project_features(const std::vector<model::Feature>& features, const geo::Projection& projection,
                              const MapTransform& transform, double tolerance_mm = 0.1);

}  // namespace steppeflow::layout
