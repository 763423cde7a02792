#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "model/geometry.hpp"

namespace steppeflow::io {

// Every feature of the first layer of a vector file, as lon/lat polygons and lines.
std::vector<model::Feature> read_features(const std::filesystem::path& path);

// The basemap directory: land, lakes (plus lakes_historic), rivers and borders, each a GeoJSON file
// named after its layer. Missing layers are skipped and reported in `warnings`.
model::Basemap read_basemap(const std::filesystem::path& directory, std::vector<std::string>& warnings);

}  // namespace steppeflow::io
