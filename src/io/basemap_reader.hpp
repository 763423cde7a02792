#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "io/read_cache.hpp"
#include "model/geometry.hpp"

namespace steppeflow::io {

// Every feature of the first layer of a vector file, as lon/lat polygons and lines (a layer list,
// config/layer_list.hpp, says which files make a basemap and what each is).
// `cache`: where GDAL's reading of the file may be taken from or kept (io/read_cache.hpp).
// What GDAL warned about while reading (an unclosed ring it closed, say) is added to `warnings`,
// naming the file; a file GDAL warned about is never cached.
std::vector<model::Feature> read_features(const std::filesystem::path& path, const ReadCache& cache = ReadCache{},
                                          std::vector<std::string>* warnings = nullptr);

}  // namespace steppeflow::io
