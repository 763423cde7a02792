#include "io/gdal_handles.hpp"

namespace steppeflow::io {

GdalErrorCollector::GdalErrorCollector() { gdal().CPLPushErrorHandlerEx(&GdalErrorCollector::handle, this); }

GdalErrorCollector::~GdalErrorCollector() { gdal().CPLPopErrorHandler(); }

std::string GdalErrorCollector::last_or(const std::string& fallback) const {
    return messages_.empty() ? fallback : messages_.back();
}

void CPL_STDCALL GdalErrorCollector::handle(CPLErr level, CPLErrorNum /*number*/, const char* message) {
    if (level < CE_Warning) return;
    auto* self = static_cast<GdalErrorCollector*>(gdal().CPLGetErrorHandlerUserData());
    if (self != nullptr && message != nullptr) self->messages_.emplace_back(message);
}

}  // namespace steppeflow::io
