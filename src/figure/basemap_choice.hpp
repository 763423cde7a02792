#pragma once
// Where a figure's data lies decides its basemap and projection when the figure names neither: the
// shipped region's layers and projection for data inside the region, the world layers and an
// equal-area projection centred on the data for data elsewhere (a flight from Europe, the 1916
// flight). And a map whose extent runs past its basemap's coverage is warned about.

#include <optional>
#include <string>
#include <vector>

#include "config/locale.hpp"
#include "model/flow.hpp"
#include "model/gazetteer.hpp"
#include "model/geometry.hpp"

namespace steppeflow::figure {

// The box of the places the flows start at, pass and end at (those the gazetteer has).
[[nodiscard]] std::optional<model::LonLatBounds> places_bounds(const model::Gazetteer& gazetteer,
                                                               const std::vector<model::Flow>& flows);

// The share of those places (counted once each) that lie inside the box; 1 when there are none.
[[nodiscard]] double share_of_places_within(const model::Gazetteer& gazetteer, const std::vector<model::Flow>& flows,
                                            const model::LonLatBounds& box);

// The box grown by `margin` of its larger side on each side, as the layout frames data.
[[nodiscard]] model::LonLatBounds grown(const model::LonLatBounds& box, double margin);

// An Albers equal-area projection (PROJ string) centred on the box: standard parallels at a sixth
// and five sixths of its latitudes, central meridian in its middle, all in whole degrees; a Lambert
// azimuthal equal-area one where those parallels would lie on both sides of the equator alike (an
// Albers cone then has no apex). Data across the antimeridian is not handled: its box spans the globe.
[[nodiscard]] std::string centred_projection(const model::LonLatBounds& box);

// Its description for the credits, in the language ("Albers equal-area, 30°N/50°N, 65°W, centred on
// the data.").
[[nodiscard]] std::string centred_projection_credit(const model::LonLatBounds& box, const config::Locale& locale);

// A warning when the map's extent is not inside the basemap's coverage, naming both; nothing when it
// is, or when either is unknown.
[[nodiscard]] std::optional<std::string> coverage_warning(const std::optional<model::LonLatBounds>& extent,
                                                          const std::optional<model::LonLatBounds>& coverage);

}  // namespace steppeflow::figure
