#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "io/data_source.hpp"
#include "io/gdal_source.hpp"
#include "io/table.hpp"
#include "model/flow.hpp"

namespace steppeflow::io {

// Flow records from any GDAL-readable file with the flow columns (geodata/SCHEMA.md). Each value is
// checked for form here; references to places are resolved later, against a gazetteer.
// Columns it does not read are reported in `warnings`, when given.
// `source`: GDAL by default, or the read cache in front of it (io/data_source.hpp).
std::vector<model::Flow> read_flows(const std::filesystem::path& path, std::vector<std::string>* warnings = nullptr,
                                    const DataSource& source = gdal_source());
// Several tables of the same schema, in order, as one list (validation refuses an id used twice).
std::vector<model::Flow> read_flows(const std::vector<std::filesystem::path>& paths,
                                    std::vector<std::string>* warnings = nullptr,
                                    const DataSource& source = gdal_source());
std::vector<model::Flow> flows_from_table(const Table& table, std::vector<std::string>* warnings = nullptr);

}  // namespace steppeflow::io
