#pragma once
// RAII ownership of GDAL objects and a scoped collector for GDAL's error messages.

#include <memory>
#include <string>
#include <vector>

#include <gdal.h>
#include <ogr_api.h>

namespace steppeflow::io {

struct DatasetCloser {
    void operator()(void* dataset) const { GDALClose(dataset); }
};
using DatasetHandle = std::unique_ptr<void, DatasetCloser>;

struct FeatureDestroyer {
    void operator()(OGRFeatureH feature) const { OGR_F_Destroy(feature); }
};
using FeatureHandle = std::unique_ptr<std::remove_pointer_t<OGRFeatureH>, FeatureDestroyer>;

// Registers GDAL's drivers, once per process.
void ensure_gdal_drivers();

// Does ahead of time what the first GeoJSON file would wait for: the drivers registered and GDAL's
// WGS84 definition built (once per process, from the PROJ database: tens of milliseconds). Run on
// another core while the CSV files are read, it is ready by the time the basemap is.
void prepare_geojson_reading();

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
