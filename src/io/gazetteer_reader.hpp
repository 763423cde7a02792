#pragma once

#include <filesystem>
#include <vector>

#include "io/table.hpp"
#include "model/place.hpp"

namespace steppeflow::io {

// Places from any GDAL-readable file with the gazetteer columns (geodata/SCHEMA.md). Coordinates come
// from `lon`/`lat` columns when the file has them, otherwise from the feature's point geometry.
std::vector<model::Place> read_places(const std::filesystem::path& path);
std::vector<model::Place> places_from_table(const Table& table);

}  // namespace steppeflow::io
