#pragma once
// Where the readers get a file's content from. GDAL (gdal_source.hpp) is one source; the read cache
// (cached_source.hpp) wraps any other. The gazetteer, flow and basemap readers take a source, so
// another kind of reading is one class, not an argument threaded through every reader.

#include <filesystem>
#include <string>
#include <vector>

#include "io/table.hpp"
#include "model/geometry.hpp"

namespace steppeflow::io {

class DataSource {
public:
    DataSource() = default;
    virtual ~DataSource() = default;
    DataSource(const DataSource&) = delete;
    DataSource& operator=(const DataSource&) = delete;
    DataSource(DataSource&&) = delete;
    DataSource& operator=(DataSource&&) = delete;

    // The first layer of a vector file as records of text values (CSV, GeoJSON, GeoPackage, XLSX…).
    // IoError or DataError naming the file (and line, column) when it cannot be read as one.
    [[nodiscard]] virtual Table table(const std::filesystem::path& path) const = 0;

    // Every feature of the first layer as lon/lat lines and areas; what the reading warned about (an
    // unclosed ring it closed) is added to `warnings`, naming the file. DataError for a point in it.
    [[nodiscard]] virtual std::vector<model::Feature> features(const std::filesystem::path& path,
                                                               std::vector<std::string>& warnings) const = 0;
};

}  // namespace steppeflow::io
