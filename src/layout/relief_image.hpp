#pragma once
// Shaded relief over a map frame, and the seam through which the figure stage makes it: layout knows
// where the frame lies, not how an elevation model is read (that is GDAL's, io/relief_raster.hpp).

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "layout/map_frame.hpp"
#include "layout/page_geometry.hpp"

namespace steppeflow::layout {

// A shade per pixel (rows from the top) over `box`: 0 no data, `flat` level ground, more lit, less shaded.
struct ReliefImage {
    Box box;
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> shade;
    std::uint8_t flat = 181;
};

// Shades the elevation model in `raster` over `extent` (projected metres, in the PROJ `projection`)
// for the page box `frame`.
using ReliefShader = std::function<std::shared_ptr<const ReliefImage>(
    const std::string& raster, const std::string& projection, const ProjectedBox& extent, const Box& frame)>;

}  // namespace steppeflow::layout
