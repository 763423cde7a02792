#pragma once
// Shaded relief under the basemap, from a digital elevation model the user supplies (any raster GDAL
// reads: GeoTIFF, an ASCII grid…; without a CRS it is taken as lon/lat on WGS84): the DEM is warped to
// the map's projection and frame (GDAL warp, bilinear) and shaded there (GDAL's hillshade, light from
// the north-west at 45°), as gdaldem would.

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace steppeflow::io {

// A shade per pixel, rows from the top: 0 black … 255 lit; `flat` is what level ground gets.
struct ShadeGrid {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> shade;
    std::uint8_t flat = 181;
};

// The box of the map in projected metres.
struct ProjectedWindow {
    double xmin = 0;
    double ymin = 0;
    double xmax = 0;
    double ymax = 0;
};

// IoError when the file cannot be opened as a raster with one band at least, naming it.
void check_relief_raster(const std::filesystem::path& path);

// The DEM shaded over the window at width × height pixels, in the projection `target` (a PROJ
// string). IoError, naming the file and GDAL's reason, when it cannot be warped or shaded.
[[nodiscard]] ShadeGrid shaded_relief(const std::filesystem::path& path, const std::string& target,
                                      const ProjectedWindow& window, int width, int height);

}  // namespace steppeflow::io
