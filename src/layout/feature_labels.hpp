#pragma once
// Names from the basemap's label layers (rivers, lakes, ranges): each named feature becomes a label
// request with candidate centres on the page, near the middle of its area or along its line.

#include <vector>

#include "geo/projection.hpp"
#include "layout/label_layout.hpp"
#include "layout/map_frame.hpp"
#include "model/geometry.hpp"

namespace steppeflow::layout {

// One request per named feature of every label layer that has a point inside `frame`; the label is
// set in `size_pt`, at the first free candidate (best first: an area's centre outwards, a line's
// middle outwards).
std::vector<LabelRequest> feature_label_requests(const model::Basemap& basemap, const geo::Projection& projection,
                                                 const MapTransform& transform, const Box& frame, double size_pt);

}  // namespace steppeflow::layout
