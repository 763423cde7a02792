#pragma once
// Basemap geometry cut to the part of the globe a map can show, before it is projected. A world layer
// drawn in a projection centred elsewhere has polygons that wrap around the globe (Eurasia across the
// antimeridian, Antarctica): projected whole, their rings cross the page and fill it inside out. Cut to
// the lon/lat window the map frame shows, each piece projects as the shape it is.

#include <optional>
#include <vector>

#include "geo/projection.hpp"
#include "layout/map_frame.hpp"
#include "model/geometry.hpp"

namespace steppeflow::layout {

// The lon/lat box the frame shows: its edges inverted through the projection, grown by 10° of
// longitude and 5° of latitude, reaching a pole the frame holds. Nothing when an edge point cannot be
// inverted (then nothing is cut).
[[nodiscard]] std::optional<model::LonLatBounds> visible_window(const geo::Projection& projection,
                                                                const MapTransform& transform);

// A ring cut to the box (Sutherland–Hodgman: the box is convex, so the cut ring is exact, with edges
// along the box where the ring left it); empty when nothing of it is inside.
[[nodiscard]] model::LonLatPath clip_ring(const model::LonLatPath& ring, const model::LonLatBounds& box);

// The pieces of a line inside the box, each cut where the line crosses the box's edge.
[[nodiscard]] std::vector<model::LonLatPath> clip_line(const model::LonLatPath& line, const model::LonLatBounds& box);

}  // namespace steppeflow::layout
