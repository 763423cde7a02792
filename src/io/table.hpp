#pragma once
// A format-neutral view of a tabular data file read through GDAL/OGR:
// CSV, GeoJSON, GeoPackage, XLSX/ODS all arrive as the same records.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "common/error.hpp"

namespace steppeflow::io {

struct PointGeometry {
    double lon = 0;
    double lat = 0;
};

struct Record {
    SourceLocation where;                // file plus line (CSV) or feature number
    std::vector<std::string> values;     // one per Table::columns entry, "" when null
    std::optional<PointGeometry> point;  // the feature's point geometry, if it has one
};

struct Table {
    std::string file;
    std::vector<std::string> columns;
    std::vector<Record> records;
    bool has_line_numbers = false;
    bool spreadsheet = false;                // XLSX, ODS: records are rows of a sheet (SourceLocation::spreadsheet)
    std::vector<std::string> gdal_warnings;  // what GDAL said while reading a file it read, naming it
    std::string layer;                       // the layer or sheet read, when the file has several or it was named
    std::vector<std::string> other_layers;   // the file's other layers or sheets, when none was named

    [[nodiscard]] std::optional<std::size_t> column_index(std::string_view name) const;
};

class DataSource;

// Reads the first layer of a vector file (or the one named after a colon: "data.xlsx:flows",
// "places.gpkg:towns") from `source` (data_source.hpp: GDAL, or the read cache in
// front of it). Values are taken as text so that parsing (and its error messages) is the same
// whatever the format typed them as.
Table read_table(const std::filesystem::path& path, const DataSource& source);

// The text of a named column in a record; "" when the column is absent or null.
class RecordView {
public:
    RecordView(const Table& table, const Record& record) : table_(table), record_(record) {}
    [[nodiscard]] std::string text(std::string_view column) const;
    [[nodiscard]] bool has_column(std::string_view column) const;
    [[nodiscard]] SourceLocation where(std::string_view column) const;
    [[nodiscard]] const Record& record() const { return record_; }

private:
    const Table& table_;
    const Record& record_;
};

}  // namespace steppeflow::io
