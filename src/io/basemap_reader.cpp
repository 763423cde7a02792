#include "io/basemap_reader.hpp"

#include <fmt/format.h>

#include "io/gdal_handles.hpp"
#include "io/text_checks.hpp"

namespace steppeflow::io {

namespace {

model::LonLatPath path_of(OGRGeometryH line) {
    const GdalApi& gdal = io::gdal();
    model::LonLatPath path;
    const int count = gdal.OGR_G_GetPointCount(line);
    path.reserve(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i) path.push_back({gdal.OGR_G_GetX(line, i), gdal.OGR_G_GetY(line, i)});
    return path;
}

// The first geometry type in a feature that is neither a line nor an area ("Point"), if any.
const char* foreign_geometry(OGRGeometryH geometry) {
    const GdalApi& gdal = io::gdal();
    switch (gdal.OGR_GT_Flatten(gdal.OGR_G_GetGeometryType(geometry))) {
        case wkbLineString:
        case wkbPolygon:
            return nullptr;
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
        case wkbMultiLineString:
        case wkbMultiPolygon:
        case wkbGeometryCollection:
            for (int i = 0; i < gdal.OGR_G_GetGeometryCount(geometry); ++i)
                collect(gdal.OGR_G_GetGeometryRef(geometry, i), feature);
            break;
        default:
            break;  // points carry no basemap meaning
    }
}

std::string string_field(OGRFeatureH feature, const char* name) {
    const GdalApi& gdal = io::gdal();
    const int index = gdal.OGR_F_GetFieldIndex(feature, name);
    if (index < 0 || gdal.OGR_F_IsFieldSetAndNotNull(feature, index) == 0) return {};
    return gdal.OGR_F_GetFieldAsString(feature, index);
}

}  // namespace

std::vector<model::Feature> read_features(const std::filesystem::path& path, const ReadCache& cache,
                                          std::vector<std::string>* warnings) {
    const std::string file = path.string();
    require_content(path, "a GeoJSON FeatureCollection of lines or areas");
    const bool use_cache = cache.covers(path);
    const std::string content = use_cache ? read_text_file(path) : std::string();
    const std::string kind = read_kind("features", path);
    if (use_cache) {
        if (auto cached = cache.find_features(kind, content)) return std::move(*cached);
    }

    const GdalApi& gdal = io::gdal();
    GdalErrorCollector errors;
    DatasetHandle dataset(gdal.GDALOpenEx(file.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
    if (!dataset) {
        const std::string reason = errors.last_or("unknown format");
        if (path.extension() == ".geojson" || path.extension() == ".json") explain_unreadable_json(path, reason);
        throw IoError(fmt::format("{}: cannot be read as vector data ({})", file, reason));
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
        // A basemap draws lines and areas; a point here means the wrong file was put in its place.
        if (const char* foreign = foreign_geometry(geometry)) {
            SourceLocation where;
            where.file = file;
            where.feature = number;
            throw DataError(where, fmt::format("a {} geometry in a basemap layer", foreign),
                            "basemap layers hold lines (rivers, borders) or polygons (land, lakes, countries)");
        }
        model::Feature feature;
        collect(geometry, feature);
        feature.name = string_field(handle.get(), "name");
        const int rank_index = gdal.OGR_F_GetFieldIndex(handle.get(), "scalerank");
        if (rank_index >= 0) feature.rank = gdal.OGR_F_GetFieldAsDouble(handle.get(), rank_index);
        features.push_back(std::move(feature));
    }
    if (warnings != nullptr) {
        for (const auto& message : errors.messages()) warnings->push_back(fmt::format("{}: GDAL: {}", file, message));
    }
    // Kept only when GDAL had nothing to say: a read cut short must not be remembered as the file.
    if (use_cache && errors.messages().empty()) cache.store_features(kind, content, features);
    return features;
}

}  // namespace steppeflow::io
