#include "io/vector_export.hpp"

#include <functional>
#include <memory>
#include <thread>

#include <fmt/format.h>

#include "common/error.hpp"
#include "io/gdal_handles.hpp"

namespace steppeflow::io {

namespace {

struct SpatialReferenceReleaser {
    void operator()(OGRSpatialReferenceH srs) const { gdal().OSRRelease(srs); }
};
using SpatialReferenceHandle = std::unique_ptr<std::remove_pointer_t<OGRSpatialReferenceH>, SpatialReferenceReleaser>;

// A file in GDAL's memory file system, removed when done with (whether or not it was written).
class MemoryFile {
public:
    explicit MemoryFile(std::string name) : name_(std::move(name)) {}
    ~MemoryFile() { gdal().VSIUnlink(name_.c_str()); }
    MemoryFile(const MemoryFile&) = delete;
    MemoryFile& operator=(const MemoryFile&) = delete;
    MemoryFile(MemoryFile&&) = delete;
    MemoryFile& operator=(MemoryFile&&) = delete;
    [[nodiscard]] const std::string& name() const { return name_; }

private:
    std::string name_;
};

OGRFieldType field_type(VectorField::Type type) {
    switch (type) {
        case VectorField::Type::integer:
            return OFTInteger64;
        case VectorField::Type::real:
            return OFTReal;
        case VectorField::Type::text:
            return OFTString;
    }
    return OFTString;
}

OGRwkbGeometryType geometry_type(VectorLayer::Geometry geometry) {
    switch (geometry) {
        case VectorLayer::Geometry::point:
            return wkbPoint;
        case VectorLayer::Geometry::line:
            return wkbLineString;
        case VectorLayer::Geometry::any:
            return wkbUnknown;
    }
    return wkbUnknown;
}

void set_value(OGRFeatureH feature, int index, const FieldValue& value) {
    const GdalApi& api = gdal();
    if (const auto* text = std::get_if<std::string>(&value)) api.OGR_F_SetFieldString(feature, index, text->c_str());
    if (const auto* whole = std::get_if<std::int64_t>(&value)) api.OGR_F_SetFieldInteger64(feature, index, *whole);
    if (const auto* real = std::get_if<double>(&value)) api.OGR_F_SetFieldDouble(feature, index, *real);
}

void write_layer(GDALDatasetH dataset, const VectorLayer& layer, OGRSpatialReferenceH wgs84, const std::string& driver,
                 const std::string& path, const GdalErrorCollector& errors) {
    const GdalApi& api = gdal();
    // RFC 7946: lon/lat in WGS84, counter-clockwise rings, 7 decimals (about a centimetre).
    const char* geojson_options[] = {"RFC7946=YES", nullptr};
    const char* no_options[] = {nullptr};
    OGRLayerH out = api.GDALDatasetCreateLayer(dataset, layer.name.c_str(), wgs84, geometry_type(layer.geometry),
                                               driver == "GeoJSON" ? geojson_options : no_options);
    if (out == nullptr) {
        throw IoError(
            fmt::format("{}: cannot make the layer '{}': {}", path, layer.name, errors.last_or("GDAL gave no reason")));
    }
    for (const auto& field : layer.fields) {
        OGRFieldDefnH definition = api.OGR_Fld_Create(field.name.c_str(), field_type(field.type));
        const OGRErr made = api.OGR_L_CreateField(out, definition, 1);
        api.OGR_Fld_Destroy(definition);
        if (made != OGRERR_NONE) {
            throw IoError(fmt::format("{}: cannot make the field '{}': {}", path, field.name,
                                      errors.last_or("GDAL gave no reason")));
        }
    }
    for (const auto& feature : layer.features) {
        const FeatureHandle made(api.OGR_F_Create(api.OGR_L_GetLayerDefn(out)));
        for (std::size_t i = 0; i < feature.values.size() && i < layer.fields.size(); ++i)
            set_value(made.get(), static_cast<int>(i), feature.values[i]);
        if (!feature.points.empty()) {
            OGRGeometryH geometry = api.OGR_G_CreateGeometry(feature.points.size() == 1 ? wkbPoint : wkbLineString);
            for (const auto& p : feature.points) api.OGR_G_AddPoint_2D(geometry, p.lon, p.lat);
            api.OGR_F_SetGeometryDirectly(made.get(), geometry);  // the feature owns it now
        }
        if (api.OGR_L_CreateFeature(out, made.get()) != OGRERR_NONE) {
            throw IoError(fmt::format("{}: cannot write a feature of '{}': {}", path, layer.name,
                                      errors.last_or("GDAL gave no reason")));
        }
    }
}

}  // namespace

std::string vector_file_bytes(const std::vector<VectorLayer>& layers, const std::string& driver,
                              const std::string& path) {
    const GdalApi& api = gdal();
    const GdalErrorCollector errors;
    GDALDriverH maker = api.GDALGetDriverByName(driver.c_str());
    if (maker == nullptr) throw IoError(fmt::format("{}: this GDAL has no {} driver", path, driver));
    if (driver == "GeoJSON" && layers.size() != 1)
        throw IoError(fmt::format("{}: a GeoJSON file holds one layer, not {}", path, layers.size()));
    // One name per call: calls on other threads write other memory files at the same time.
    const MemoryFile memory(fmt::format("/vsimem/steppeflow_{}_{}{}",
                                        std::hash<std::thread::id>{}(std::this_thread::get_id()),
                                        static_cast<const void*>(&layers), driver == "GPKG" ? ".gpkg" : ".geojson"));
    {
        const DatasetHandle dataset(api.GDALCreate(maker, memory.name().c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        if (!dataset) {
            throw IoError(
                fmt::format("{}: GDAL cannot make a {} file: {}", path, driver, errors.last_or("it gave no reason")));
        }
        const SpatialReferenceHandle wgs84(api.OSRNewSpatialReference(nullptr));
        if (!wgs84 || api.OSRImportFromEPSG(wgs84.get(), 4326) != OGRERR_NONE)
            throw IoError(fmt::format("{}: PROJ has no EPSG:4326 (WGS84): {}", path, errors.last_or("no reason")));
        // Longitude first, as every GIS file of lon/lat stores it (EPSG:4326 itself says latitude first).
        api.OSRSetAxisMappingStrategy(wgs84.get(), OAMS_TRADITIONAL_GIS_ORDER);
        // One transaction: a GeoPackage commits once, not once per feature.
        const bool transaction = api.GDALDatasetStartTransaction(dataset.get(), 0) == OGRERR_NONE;
        for (const auto& layer : layers) write_layer(dataset.get(), layer, wgs84.get(), driver, path, errors);
        if (transaction && api.GDALDatasetCommitTransaction(dataset.get()) != OGRERR_NONE)
            throw IoError(fmt::format("{}: cannot finish the {} file: {}", path, driver, errors.last_or("no reason")));
    }  // closed: everything is in the memory file
    vsi_l_offset length = 0;
    const GByte* bytes = api.VSIGetMemFileBuffer(memory.name().c_str(), &length, 0);
    if (bytes == nullptr) throw IoError(fmt::format("{}: GDAL wrote no {} file", path, driver));
    return {reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(length)};
}

}  // namespace steppeflow::io
