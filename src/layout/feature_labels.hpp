#pragma once
// Names from the basemap's label layers (rivers, lakes, ranges): each named feature becomes a label
// request with candidate centres on the page, near the middle of its area or along its line.

#include <optional>
#include <vector>

#include "config/style.hpp"
#include "geo/projection.hpp"
#include "layout/label_layout.hpp"
#include "layout/map_frame.hpp"
#include "model/geometry.hpp"

namespace steppeflow::layout {

// One request per named feature of every label layer that has a point inside `frame`, in the map's
// language; the layer's rule sets the size and lettering (an italic name, spaced capitals). The
// label goes to the first free candidate (best first: an area's centre outwards, a line's middle
// outwards).
// For a locator: only the names of areas (layers lettered in upright spaced capitals), their short
// forms where a feature has one, at one size.
struct LocatorNames {
    double size_pt = 6;
};

std::vector<LabelRequest> feature_label_requests(const model::Basemap& basemap, const geo::Projection& projection,
                                                 const MapTransform& transform, const Box& frame,
                                                 const config::Style& style, model::Language language,
                                                 const std::optional<LocatorNames>& locator = std::nullopt);

// "Xinjiang" → "X I N J I A N G" with hair spaces: letter-spaced capitals name an area.
[[nodiscard]] std::string spaced_caps(const std::string& text);

}  // namespace steppeflow::layout
