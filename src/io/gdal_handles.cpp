#include "io/gdal_handles.hpp"

#include <mutex>

#include <cpl_error.h>
#include <ogr_spatialref.h>

namespace steppeflow::io {

void ensure_gdal_drivers() {
    // Registration scans the plugin directory on every call and is not meant to race; once suffices.
    static std::once_flag registered;
    std::call_once(registered, [] { GDALAllRegister(); });
}

void prepare_geojson_reading() {
    ensure_gdal_drivers();
    (void)OGRSpatialReference::GetWGS84SRS();
}

GdalErrorCollector::GdalErrorCollector() { CPLPushErrorHandlerEx(&GdalErrorCollector::handle, this); }

GdalErrorCollector::~GdalErrorCollector() { CPLPopErrorHandler(); }

std::string GdalErrorCollector::last_or(const std::string& fallback) const {
    return messages_.empty() ? fallback : messages_.back();
}

void CPL_STDCALL GdalErrorCollector::handle(CPLErr level, CPLErrorNum /*number*/, const char* message) {
    if (level < CE_Warning) return;
    auto* self = static_cast<GdalErrorCollector*>(CPLGetErrorHandlerUserData());
    if (self != nullptr && message != nullptr) self->messages_.emplace_back(message);
}

}  // namespace steppeflow::io
