#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "io/data_source.hpp"
#include "io/gdal_source.hpp"
#include "model/geometry.hpp"

namespace steppeflow::io {

// Every feature of the first layer of a vector file, as lon/lat polygons and lines (a layer list,
// config/layer_list.hpp, says which files make a basemap and what each is), read from `source`.
// What the reading warned about (an unclosed ring GDAL closed) is added to `warnings`, naming the
// file; a file the source warned about is never cached.
std::vector<model::Feature> read_features(const std::filesystem::path& path, const DataSource& source = gdal_source(),
                                          std::vector<std::string>* warnings = nullptr);

}  // namespace steppeflow::io
