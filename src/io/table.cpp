#include "io/table.hpp"

#include <algorithm>
#include <array>

#include <cpl_string.h>
#include <fmt/format.h>

#include "io/gdal_handles.hpp"
#include "io/read_cache.hpp"
#include "io/text_checks.hpp"

namespace steppeflow::io {

std::optional<std::size_t> Table::column_index(std::string_view name) const {
    const auto found = std::find(columns.begin(), columns.end(), name);
    if (found == columns.end()) return std::nullopt;
    return static_cast<std::size_t>(found - columns.begin());
}

namespace {

bool is_csv(const std::filesystem::path& path) {
    auto ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    return ext == ".csv";
}

std::optional<PointGeometry> point_of(OGRFeatureH feature) {
    const GdalApi& gdal = io::gdal();
    OGRGeometryH geometry = gdal.OGR_F_GetGeometryRef(feature);
    if (geometry == nullptr) return std::nullopt;
    if (gdal.OGR_GT_Flatten(gdal.OGR_G_GetGeometryType(geometry)) != wkbPoint) return std::nullopt;
    if (gdal.OGR_G_IsEmpty(geometry) != 0) return std::nullopt;
    return PointGeometry{gdal.OGR_G_GetX(geometry, 0), gdal.OGR_G_GetY(geometry, 0)};
}

}  // namespace

Table read_table(const std::filesystem::path& path, const ReadCache& cache) {
    const std::string file = path.string();
    if (!std::filesystem::exists(path)) throw IoError(fmt::format("{}: no such file", file));
    require_content(path, "a header line naming the columns, then one record per line");
    std::vector<int> record_lines;
    if (is_csv(path)) record_lines = check_csv_text(path);
    const bool use_cache = cache.covers(path);
    const std::string content = use_cache ? read_text_file(path) : std::string();
    const std::string kind = read_kind("table", path);
    if (use_cache) {
        if (auto cached = cache.find_table(kind, content, file)) return std::move(*cached);
    }

    const GdalApi& gdal = io::gdal();
    GdalErrorCollector errors;
    // CSV: keep every value as text, and never guess geometry from column names; our readers
    // interpret lon/lat themselves so that a bad coordinate is reported with its line. (The separator
    // is a comma: check_csv_text refused anything else. GDAL 3.6 has no SEPARATOR option and warned.)
    const std::array<const char*, 3> csv_options{"AUTODETECT_TYPE=NO", "KEEP_GEOM_COLUMNS=YES", nullptr};
    DatasetHandle dataset(gdal.GDALOpenEx(file.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr,
                                          is_csv(path) ? csv_options.data() : nullptr, nullptr));
    if (!dataset) {
        const std::string reason = errors.last_or("no GDAL driver recognised it");
        if (path.extension() == ".geojson" || path.extension() == ".json") explain_unreadable_json(path, reason);
        throw IoError(fmt::format("{}: cannot be read as a vector data file ({})", file,
                                  errors.last_or("no GDAL driver recognised it")));
    }
    if (gdal.GDALDatasetGetLayerCount(dataset.get()) < 1) throw IoError(fmt::format("{}: contains no layer", file));
    OGRLayerH layer = gdal.GDALDatasetGetLayer(dataset.get(), 0);
    OGRFeatureDefnH definition = gdal.OGR_L_GetLayerDefn(layer);

    Table table;
    table.file = file;
    table.has_line_numbers = is_csv(path);
    const int field_count = gdal.OGR_FD_GetFieldCount(definition);
    for (int i = 0; i < field_count; ++i) {
        table.columns.emplace_back(gdal.OGR_Fld_GetNameRef(gdal.OGR_FD_GetFieldDefn(definition, i)));
    }
    // GDAL names the columns field_1, field_2… when the first line does not look like a header.
    if (table.has_line_numbers && !table.columns.empty() &&
        std::all_of(table.columns.begin(), table.columns.end(),
                    [](const std::string& name) { return name.starts_with("field_"); })) {
        SourceLocation where;
        where.file = file;
        where.line = 1;
        throw DataError(where, "line 1 looks like data, not a header naming the columns",
                        "add the header line (see geodata/SCHEMA.md)");
    }

    const auto header = std::make_shared<const std::vector<std::string>>(table.columns);
    gdal.OGR_L_ResetReading(layer);
    int feature_number = 0;
    while (FeatureHandle feature{gdal.OGR_L_GetNextFeature(layer)}) {
        ++feature_number;
        Record record;
        record.where.file = file;
        record.where.feature = feature_number;
        record.where.header = header;
        // GDAL's CSV driver numbers features from 1 after the header line, skipping empty lines:
        // the raw check found the line each record starts on.
        if (table.has_line_numbers) {
            const auto fid = static_cast<std::size_t>(gdal.OGR_F_GetFID(feature.get()));
            record.where.line =
                fid >= 1 && fid <= record_lines.size() ? record_lines[fid - 1] : static_cast<int>(fid) + 1;
        }
        record.values.reserve(static_cast<std::size_t>(field_count));
        for (int i = 0; i < field_count; ++i) {
            const bool present = gdal.OGR_F_IsFieldSetAndNotNull(feature.get(), i) != 0;
            record.values.emplace_back(present ? gdal.OGR_F_GetFieldAsString(feature.get(), i) : "");
        }
        record.point = point_of(feature.get());
        table.records.push_back(std::move(record));
    }
    if (!errors.messages().empty() && table.records.empty() && table.columns.empty()) {
        throw IoError(fmt::format("{}: {}", file, errors.messages().back()));
    }
    for (const auto& message : errors.messages()) table.gdal_warnings.push_back(fmt::format("{}: GDAL: {}", file, message));
    // Kept only when GDAL had nothing to say: a read cut short must not be remembered as the file.
    if (use_cache && errors.messages().empty()) cache.store_table(kind, content, table);
    return table;
}

std::string RecordView::text(std::string_view column) const {
    const auto index = table_.column_index(column);
    if (!index || *index >= record_.values.size()) return {};
    return record_.values[*index];
}

bool RecordView::has_column(std::string_view column) const { return table_.column_index(column).has_value(); }

SourceLocation RecordView::where(std::string_view column) const {
    return record_.where.with_field(std::string(column));
}

}  // namespace steppeflow::io
