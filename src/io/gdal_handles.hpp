#pragma once
// RAII ownership of GDAL objects (GDAL loaded on first use: io/gdal_library.hpp) and a scoped collector for GDAL's
// error messages.

#include <memory>
#include <string>
#include <vector>

#include "io/gdal_library.hpp"

namespace steppeflow::io {

struct DatasetCloser {
    void operator()(void* dataset) const { gdal().GDALClose(dataset); }
};
using DatasetHandle = std::unique_ptr<void, DatasetCloser>;

struct FeatureDestroyer {
    void operator()(OGRFeatureH feature) const { gdal().OGR_F_Destroy(feature); }
};
using FeatureHandle = std::unique_ptr<std::remove_pointer_t<OGRFeatureH>, FeatureDestroyer>;

// While alive, GDAL errors on this thread are collected here instead of printed to stderr.
class GdalErrorCollector {
public:
    GdalErrorCollector();
    ~GdalErrorCollector();
    GdalErrorCollector(const GdalErrorCollector&) = delete;
    GdalErrorCollector& operator=(const GdalErrorCollector&) = delete;

    [[nodiscard]] const std::vector<std::string>& messages() const { return messages_; }
    [[nodiscard]] std::string last_or(const std::string& fallback) const;

private:
    static void CPL_STDCALL handle(CPLErr level, CPLErrorNum number, const char* message);
    std::vector<std::string> messages_;
};

}  // namespace steppeflow::io
