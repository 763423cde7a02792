#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "io/read_cache.hpp"
#include "io/table.hpp"
#include "model/flow.hpp"

namespace steppeflow::io {

// Flow records from any GDAL-readable file with the flow columns (geodata/SCHEMA.md). Each value is
// checked for form here; references to places are resolved later, against a gazetteer.
// Columns it does not read are reported in `warnings`, when given.
// `cache`: where GDAL's reading of the file may be taken from or kept (io/read_cache.hpp).
std::vector<model::Flow> read_flows(const std::filesystem::path& path, std::vector<std::string>* warnings = nullptr,
                                    const ReadCache& cache = ReadCache{});
std::vector<model::Flow> flows_from_table(const Table& table, std::vector<std::string>* warnings = nullptr);

}  // namespace steppeflow::io
