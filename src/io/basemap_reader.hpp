#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "io/read_cache.hpp"
#include "model/geometry.hpp"

namespace steppeflow::io {

// Every feature of the first layer of a vector file, as lon/lat polygons and lines.
// `cache`: where GDAL's reading of the file may be taken from or kept (io/read_cache.hpp).
std::vector<model::Feature> read_features(const std::filesystem::path& path, const ReadCache& cache = ReadCache{});

// The basemap directory: land, lakes (plus lakes_historic), rivers and borders, each a GeoJSON file
// named after its layer. Missing layers are skipped and reported in `warnings`.
model::Basemap read_basemap(const std::filesystem::path& directory, std::vector<std::string>& warnings,
                            const ReadCache& cache = ReadCache{});

}  // namespace steppeflow::io
