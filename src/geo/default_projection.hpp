#pragma once
// The projection a figure is drawn in when it names none, on its own so that the figure's settings
// can name it without taking in PROJ.

namespace steppeflow::geo {

// Albers equal-area conic for Kazakhstan and its neighbours.
inline constexpr const char* kDefaultProjection =
    "+proj=aea +lat_1=40 +lat_2=52 +lat_0=47 +lon_0=75 +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs";

}  // namespace steppeflow::geo
