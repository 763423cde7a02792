#include "io/gdal_source.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <memory>
#include <utility>

#include <cpl_string.h>
#include <fmt/format.h>

#include "io/gdal_handles.hpp"
#include "io/text_checks.hpp"
#include "model/name_match.hpp"

namespace steppeflow::io {

namespace {

bool is_csv(const std::filesystem::path& path) {
    auto ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    return ext == ".csv";
}

bool is_spreadsheet(const std::filesystem::path& path) {
    auto ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    return ext == ".xlsx" || ext == ".ods" || ext == ".xls";
}

// "data.xlsx:flows": the file and the layer (sheet) named after its last colon, when the whole is no
// file but the part before the colon is.
std::pair<std::filesystem::path, std::string> file_and_layer(const std::filesystem::path& path) {
    std::error_code error;
    if (std::filesystem::exists(path, error)) return {path, ""};
    const std::string text = path.string();
    const auto colon = text.rfind(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == text.size()) return {path, ""};
    std::filesystem::path file = text.substr(0, colon);
    if (!std::filesystem::is_regular_file(file, error)) return {path, ""};
    return {file, text.substr(colon + 1)};
}

// While alive, GDAL takes the first row of an XLSX or ODS sheet read on this thread as its header.
class HeadersForced {
public:
    explicit HeadersForced(bool spreadsheet) : set_(spreadsheet) { apply(set_ ? "FORCE" : nullptr); }
    ~HeadersForced() {
        if (set_) apply(nullptr);
    }
    HeadersForced(const HeadersForced&) = delete;
    HeadersForced& operator=(const HeadersForced&) = delete;
    HeadersForced(HeadersForced&&) = delete;
    HeadersForced& operator=(HeadersForced&&) = delete;

private:
    static void apply(const char* value) {
        if (value == nullptr && !gdal_requested()) return;
        gdal().CPLSetThreadLocalConfigOption("OGR_XLSX_HEADERS", value);
        gdal().CPLSetThreadLocalConfigOption("OGR_ODS_HEADERS", value);
        gdal().CPLSetThreadLocalConfigOption("OGR_XLS_HEADERS", value);
    }
    bool set_;
};

struct SpatialReferenceReleaser {
    void operator()(OGRSpatialReferenceH srs) const { gdal().OSRRelease(srs); }
};
using SpatialReference = std::unique_ptr<std::remove_pointer_t<OGRSpatialReferenceH>, SpatialReferenceReleaser>;
struct TransformDestroyer {
    void operator()(OGRCoordinateTransformationH transform) const {
        gdal().OCTDestroyCoordinateTransformation(transform);
    }
};
using Transform = std::unique_ptr<std::remove_pointer_t<OGRCoordinateTransformationH>, TransformDestroyer>;

// From a layer's coordinate system to WGS84 longitude/latitude, when it has another (a GeoPackage
// in a projected CRS); none when it has none or is WGS84 already.
Transform to_wgs84(OGRLayerH layer) {
    const GdalApi& gdal = io::gdal();
    OGRSpatialReferenceH own = gdal.OGR_L_GetSpatialRef(layer);
    if (own == nullptr) return nullptr;
    const SpatialReference wgs84(gdal.OSRNewSpatialReference(nullptr));
    if (!wgs84 || gdal.OSRImportFromEPSG(wgs84.get(), 4326) != OGRERR_NONE) return nullptr;
    gdal.OSRSetAxisMappingStrategy(wgs84.get(), OAMS_TRADITIONAL_GIS_ORDER);
    const char* same[] = {"CRITERION=EQUIVALENT_EXCEPT_AXIS_ORDER_GEOGCRS", nullptr};
    if (gdal.OSRIsSameEx(own, wgs84.get(), same) != 0) return nullptr;
    const SpatialReference source(gdal.OSRClone(own));
    gdal.OSRSetAxisMappingStrategy(source.get(), OAMS_TRADITIONAL_GIS_ORDER);
    Transform transform(gdal.OCTNewCoordinateTransformation(source.get(), wgs84.get()));
    // Left in its own units, every position would be refused as outside WGS84: say why instead.
    if (!transform) {
        throw IoError(fmt::format("layer '{}': PROJ cannot turn its coordinate system into longitude and latitude",
                                  gdal.OGR_L_GetName(layer)));
    }
    return transform;
}

std::optional<PointGeometry> point_of(OGRFeatureH feature, OGRCoordinateTransformationH transform = nullptr) {
    const GdalApi& gdal = io::gdal();
    OGRGeometryH geometry = gdal.OGR_F_GetGeometryRef(feature);
    if (geometry == nullptr) return std::nullopt;
    if (gdal.OGR_GT_Flatten(gdal.OGR_G_GetGeometryType(geometry)) != wkbPoint) return std::nullopt;
    if (gdal.OGR_G_IsEmpty(geometry) != 0) return std::nullopt;
    if (transform != nullptr && gdal.OGR_G_Transform(geometry, transform) != OGRERR_NONE) return std::nullopt;
    return PointGeometry{gdal.OGR_G_GetX(geometry, 0), gdal.OGR_G_GetY(geometry, 0)};
}

model::LonLatPath path_of(OGRGeometryH line) {
    const GdalApi& gdal = io::gdal();
    model::LonLatPath path;
    const int count = gdal.OGR_G_GetPointCount(line);
    path.reserve(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i) path.push_back({gdal.OGR_G_GetX(line, i), gdal.OGR_G_GetY(line, i)});
    return path;
}

// The first geometry type in a feature that is neither a point, a line nor an area ("TIN"), if any.
const char* foreign_geometry(OGRGeometryH geometry) {
    const GdalApi& gdal = io::gdal();
    switch (gdal.OGR_GT_Flatten(gdal.OGR_G_GetGeometryType(geometry))) {
        case wkbPoint:
        case wkbLineString:
        case wkbPolygon:
            return nullptr;
        case wkbMultiPoint:
        case wkbMultiLineString:
        case wkbMultiPolygon:
        case wkbGeometryCollection:
            for (int i = 0; i < gdal.OGR_G_GetGeometryCount(geometry); ++i) {
                if (const char* found = foreign_geometry(gdal.OGR_G_GetGeometryRef(geometry, i))) return found;
            }
            return nullptr;
        default:
            return gdal.OGR_G_GetGeometryName(geometry);
    }
}

void collect(OGRGeometryH geometry, model::Feature& feature) {
    const GdalApi& gdal = io::gdal();
    switch (gdal.OGR_GT_Flatten(gdal.OGR_G_GetGeometryType(geometry))) {
        case wkbPoint:
            if (gdal.OGR_G_IsEmpty(geometry) == 0)
                feature.points.push_back({gdal.OGR_G_GetX(geometry, 0), gdal.OGR_G_GetY(geometry, 0)});
            break;
        case wkbLineString:
            feature.lines.push_back(path_of(geometry));
            break;
        case wkbPolygon: {
            model::LonLatPolygon polygon;
            for (int i = 0; i < gdal.OGR_G_GetGeometryCount(geometry); ++i) {
                polygon.rings.push_back(path_of(gdal.OGR_G_GetGeometryRef(geometry, i)));
            }
            feature.polygons.push_back(std::move(polygon));
            break;
        }
        case wkbMultiPoint:
        case wkbMultiLineString:
        case wkbMultiPolygon:
        case wkbGeometryCollection:
            for (int i = 0; i < gdal.OGR_G_GetGeometryCount(geometry); ++i)
                collect(gdal.OGR_G_GetGeometryRef(geometry, i), feature);
            break;
        default:
            break;
    }
}

std::string string_field(OGRFeatureH feature, const char* name) {
    const GdalApi& gdal = io::gdal();
    const int index = gdal.OGR_F_GetFieldIndex(feature, name);
    if (index < 0 || gdal.OGR_F_IsFieldSetAndNotNull(feature, index) == 0) return {};
    return gdal.OGR_F_GetFieldAsString(feature, index);
}

// A feature's date field ("1930", "1930-07" or "1930-07-20"), or nothing when absent or empty.
std::optional<model::PartialDate> date_field(OGRFeatureH feature, const char* name, const SourceLocation& where) {
    std::string text = string_field(feature, name);
    if (text.empty()) return std::nullopt;
    // GDAL reads "1930-07-20" in GeoJSON as a date field and gives it back as "1930/07/20".
    if (text.size() == 10 && text[4] == '/' && text[7] == '/') {
        text[4] = '-';
        text[7] = '-';
    }
    if (auto date = model::PartialDate::parse(text)) return date;
    throw DataError(where.with_field(name), fmt::format("'{}' is not a date", text),
                    "write YYYY, YYYY-MM or YYYY-MM-DD, e.g. 1930-07-20");
}

// GDAL knows a format by the file's name and by reading it more than once: a pipe (--flows <(…)) has
// neither, so it is never recognised; say so instead of leaving "no driver" to puzzle over.
std::string pipe_hint(const std::filesystem::path& path) {
    std::error_code error;
    const auto type = std::filesystem::status(path, error).type();
    if (type != std::filesystem::file_type::fifo && type != std::filesystem::file_type::character &&
        type != std::filesystem::file_type::socket)
        return {};
    return "; it is a pipe or device, not a file: GDAL knows a format by the file's name and reads it more than "
           "once, so write it to a file first (e.g. flows.csv)";
}

}  // namespace

Table GdalSource::table(const std::filesystem::path& named) const {
    const auto [path, layer_name] = file_and_layer(named);
    const std::string file = path.string();
    if (!std::filesystem::exists(path)) throw IoError(fmt::format("{}: no such file", file));
    require_content(path, "a header line naming the columns, then one record per line");
    std::vector<int> record_lines;
    if (is_csv(path)) record_lines = check_csv_text(path);
    const GdalApi& gdal = io::gdal();
    GdalErrorCollector errors;
    // CSV: keep every value as text, and never guess geometry from column names; our readers
    // interpret lon/lat themselves so that a bad coordinate is reported with its line. (The separator
    // is a comma: check_csv_text refused anything else. GDAL 3.6 has no SEPARATOR option and warned.)
    const std::array<const char*, 3> csv_options{"AUTODETECT_TYPE=NO", "KEEP_GEOM_COLUMNS=YES", nullptr};
    // A spreadsheet's first row is its header, always: GDAL would guess, and take a sheet of text only
    // (every cell a string, the header's too) for one without a header. GDAL 3.6 reads this from a
    // configuration option (there is no open option yet), read when the sheet is first read: set for
    // this thread until the table is read.
    const HeadersForced headers(is_spreadsheet(path));
    DatasetHandle dataset(gdal.GDALOpenEx(file.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr,
                                          is_csv(path) ? csv_options.data() : nullptr, nullptr));
    if (!dataset) {
        const std::string reason = errors.last_or("no GDAL driver recognised it");
        if (path.extension() == ".geojson" || path.extension() == ".json") explain_unreadable_json(path, reason);
        throw IoError(fmt::format("{}: cannot be read as a vector data file ({}){}", file,
                                  errors.last_or("no GDAL driver recognised it"), pipe_hint(path)));
    }
    const int layer_count = gdal.GDALDatasetGetLayerCount(dataset.get());
    if (layer_count < 1) throw IoError(fmt::format("{}: contains no layer", file));
    const bool spreadsheet = is_spreadsheet(path);
    const char* what = spreadsheet ? "sheet" : "layer";
    std::vector<std::string> layer_names;
    for (int i = 0; i < layer_count; ++i)
        layer_names.emplace_back(gdal.OGR_L_GetName(gdal.GDALDatasetGetLayer(dataset.get(), i)));
    OGRLayerH layer = layer_name.empty() ? gdal.GDALDatasetGetLayer(dataset.get(), 0)
                                         : gdal.GDALDatasetGetLayerByName(dataset.get(), layer_name.c_str());
    if (layer == nullptr) {
        SourceLocation where;
        where.file = file;
        const auto near = model::nearest_names(layer_name, layer_names, 1);
        throw DataError(
            where, fmt::format("no {} '{}'", what, layer_name),
            fmt::format("{}the file's {}s: {}", near.empty() ? "" : fmt::format("did you mean '{}'? ", near.front()),
                        what, fmt::join(layer_names, ", ")));
    }
    OGRFeatureDefnH definition = gdal.OGR_L_GetLayerDefn(layer);
    const Transform reprojection = [&] {
        try {
            return to_wgs84(layer);
        } catch (const IoError& e) {
            throw IoError(fmt::format("{}: {}", file, e.what()));
        }
    }();

    Table table;
    table.file = file;
    table.has_line_numbers = is_csv(path);
    table.spreadsheet = spreadsheet;
    if (spreadsheet || layer_count > 1 || !layer_name.empty()) table.layer = gdal.OGR_L_GetName(layer);
    if (layer_name.empty()) {
        for (const auto& name : layer_names)
            if (name != table.layer) table.other_layers.push_back(name);
        if (layer_count == 1) table.other_layers.clear();
    }
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
        record.where.spreadsheet = spreadsheet;
        record.where.sheet = table.layer;
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
        record.point = point_of(feature.get(), reprojection.get());
        table.records.push_back(std::move(record));
    }
    if (!errors.messages().empty() && table.records.empty() && table.columns.empty()) {
        throw IoError(fmt::format("{}: {}", file, errors.messages().back()));
    }
    for (const auto& message : errors.messages())
        table.gdal_warnings.push_back(fmt::format("{}: GDAL: {}", file, message));
    return table;
}

std::vector<model::Feature> GdalSource::features(const std::filesystem::path& path,
                                                 std::vector<std::string>& warnings) const {
    const std::string file = path.string();
    require_content(path, "a GeoJSON FeatureCollection of lines or areas");
    const GdalApi& gdal = io::gdal();
    GdalErrorCollector errors;
    DatasetHandle dataset(gdal.GDALOpenEx(file.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
    if (!dataset) {
        const std::string reason = errors.last_or("unknown format");
        if (path.extension() == ".geojson" || path.extension() == ".json") explain_unreadable_json(path, reason);
        throw IoError(fmt::format("{}: cannot be read as vector data ({}){}", file, reason, pipe_hint(path)));
    }
    if (gdal.GDALDatasetGetLayerCount(dataset.get()) < 1) throw IoError(fmt::format("{}: contains no layer", file));
    OGRLayerH layer = gdal.GDALDatasetGetLayer(dataset.get(), 0);
    std::vector<model::Feature> features;
    gdal.OGR_L_ResetReading(layer);
    int number = 0;
    while (FeatureHandle handle{gdal.OGR_L_GetNextFeature(layer)}) {
        ++number;
        OGRGeometryH geometry = gdal.OGR_F_GetGeometryRef(handle.get());
        if (geometry == nullptr) continue;
        // A basemap draws points (towns), lines and areas; anything else means the wrong file.
        if (const char* foreign = foreign_geometry(geometry)) {
            SourceLocation where;
            where.file = file;
            where.feature = number;
            throw DataError(where, fmt::format("a {} geometry in a basemap layer", foreign),
                            "basemap layers hold lines (rivers, borders), polygons (land, lakes, countries) or "
                            "points (towns)");
        }
        model::Feature feature;
        feature.number = number;
        collect(geometry, feature);
        feature.name = {string_field(handle.get(), "name"), string_field(handle.get(), "name_ru"),
                        string_field(handle.get(), "name_kk")};
        feature.short_name = {string_field(handle.get(), "short"), string_field(handle.get(), "short_ru"),
                              string_field(handle.get(), "short_kk")};
        SourceLocation where;
        where.file = file;
        where.feature = number;
        feature.valid_from = date_field(handle.get(), "valid_from", where);
        feature.valid_to = date_field(handle.get(), "valid_to", where);
        if (feature.valid_from && feature.valid_to && !(*feature.valid_from < *feature.valid_to)) {
            throw DataError(where.with_field("valid_to"),
                            fmt::format("valid_to {} is not after valid_from {}", feature.valid_to->to_string(),
                                        feature.valid_from->to_string()),
                            "valid_to is the first day the feature no longer holds");
        }
        const int rank_index = gdal.OGR_F_GetFieldIndex(handle.get(), "scalerank");
        if (rank_index >= 0) feature.rank = gdal.OGR_F_GetFieldAsDouble(handle.get(), rank_index);
        features.push_back(std::move(feature));
    }
    for (const auto& message : errors.messages()) warnings.push_back(fmt::format("{}: GDAL: {}", file, message));
    return features;
}

const DataSource& gdal_source() {
    static const GdalSource source;
    return source;
}

}  // namespace steppeflow::io
