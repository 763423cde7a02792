#include "io/tiff_export.hpp"

#include <functional>
#include <thread>

#include <fmt/format.h>

#include "common/error.hpp"
#include "io/gdal_handles.hpp"

namespace steppeflow::io {

std::string tiff_bytes(const RgbImage& image, double dpi, const std::string& path) {
    const GdalApi& api = gdal();
    const GdalErrorCollector errors;
    GDALDriverH gtiff = api.GDALGetDriverByName("GTiff");
    if (gtiff == nullptr) throw IoError(fmt::format("{}: this GDAL has no GTiff driver", path));
    // One name per call: other threads may write other memory files at the same time.
    const std::string name =
        fmt::format("/vsimem/steppeflow_{}_{}.tif", std::hash<std::thread::id>{}(std::this_thread::get_id()),
                    static_cast<const void*>(&image));
    const char* options[] = {"COMPRESS=LZW", "PHOTOMETRIC=RGB", "INTERLEAVE=PIXEL", nullptr};
    {
        const DatasetHandle dataset(
            api.GDALCreate(gtiff, name.c_str(), image.width, image.height, 3, GDT_Byte, options));
        if (!dataset) {
            api.VSIUnlink(name.c_str());
            throw IoError(fmt::format("{}: GDAL cannot make a TIFF: {}", path, errors.last_or("it gave no reason")));
        }
        const std::string resolution = fmt::format("{}", dpi);
        api.GDALSetMetadataItem(dataset.get(), "TIFFTAG_XRESOLUTION", resolution.c_str(), nullptr);
        api.GDALSetMetadataItem(dataset.get(), "TIFFTAG_YRESOLUTION", resolution.c_str(), nullptr);
        api.GDALSetMetadataItem(dataset.get(), "TIFFTAG_RESOLUTIONUNIT", "2", nullptr);  // per inch
        api.GDALSetMetadataItem(dataset.get(), "TIFFTAG_SOFTWARE", "steppeflow", nullptr);
        int bands[] = {1, 2, 3};
        // The buffer is pixel-interleaved RGB: a band's sample every 3 bytes, the next band 1 byte on.
        const CPLErr written = api.GDALDatasetRasterIO(
            dataset.get(), GF_Write, 0, 0, image.width, image.height,
            const_cast<unsigned char*>(image.rgb.data()),  // GDAL's signature; it only reads for GF_Write
            image.width, image.height, GDT_Byte, 3, bands, 3, 3 * image.width, 1);
        if (written != CE_None) {
            api.VSIUnlink(name.c_str());
            throw IoError(fmt::format("{}: writing the TIFF's pixels failed: {}", path, errors.last_or("no reason")));
        }
    }  // closed: the file is complete in memory
    vsi_l_offset length = 0;
    const GByte* bytes = api.VSIGetMemFileBuffer(name.c_str(), &length, 0);
    std::string out = bytes != nullptr ? std::string(reinterpret_cast<const char*>(bytes), length) : std::string{};
    api.VSIUnlink(name.c_str());
    if (out.empty()) throw IoError(fmt::format("{}: GDAL wrote no TIFF", path));
    return out;
}

}  // namespace steppeflow::io
