#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "io/data_source.hpp"
#include "io/gdal_source.hpp"
#include "io/table.hpp"
#include "model/place.hpp"

namespace steppeflow::io {

// Places from any GDAL-readable file with the gazetteer columns (geodata/SCHEMA.md). Coordinates come
// from `lon`/`lat` columns when the file has them, otherwise from the feature's point geometry.
// Columns it does not read are reported in `warnings`, when given.
// `source`: GDAL by default, or the read cache in front of it (io/data_source.hpp).
std::vector<model::Place> read_places(const std::filesystem::path& path, std::vector<std::string>* warnings = nullptr,
                                      const DataSource& source = gdal_source());
std::vector<model::Place> places_from_table(const Table& table, std::vector<std::string>* warnings = nullptr);

}  // namespace steppeflow::io
