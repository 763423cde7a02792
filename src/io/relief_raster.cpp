#include "io/relief_raster.hpp"

#include <array>
#include <cmath>
#include <string>

#include <fmt/format.h>
#include <gdal_utils.h>

#include "common/error.hpp"
#include "io/gdal_handles.hpp"
#include "io/gdal_library.hpp"

namespace steppeflow::io {

namespace {

constexpr double kAzimuth = 315;
constexpr double kAltitude = 45;

// A NULL-terminated argv for GDAL's utility options.
class Arguments {
public:
    explicit Arguments(std::vector<std::string> words) : words_(std::move(words)) {
        for (auto& word : words_) pointers_.push_back(word.data());
        pointers_.push_back(nullptr);
    }
    Arguments(const Arguments&) = delete;  // the pointers point into this object's words
    Arguments& operator=(const Arguments&) = delete;
    char** get() { return pointers_.data(); }

private:
    std::vector<std::string> words_;
    std::vector<char*> pointers_;
};

DatasetHandle open_raster(const std::filesystem::path& path) {
    const GdalApi& gdal = io::gdal();
    GdalErrorCollector errors;
    DatasetHandle dataset(gdal.GDALOpenEx(path.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
    if (!dataset) {
        throw IoError(
            fmt::format("{}: cannot be read as a raster ({}); a relief layer takes a digital elevation "
                        "model GDAL reads (GeoTIFF, ASCII grid…)",
                        path.string(), errors.last_or("unknown format")));
    }
    if (gdal.GDALGetRasterCount(dataset.get()) < 1)
        throw IoError(fmt::format("{}: the raster has no band of elevations", path.string()));
    return dataset;
}

}  // namespace

void check_relief_raster(const std::filesystem::path& path) { (void)open_raster(path); }

ShadeGrid shaded_relief(const std::filesystem::path& path, const std::string& target, const ProjectedWindow& window,
                        int width, int height) {
    const GdalApi& gdal = io::gdal();
    DatasetHandle source = open_raster(path);
    GdalErrorCollector errors;
    const auto failed = [&](const char* step) {
        return IoError(
            fmt::format("{}: the relief could not be {} ({})", path.string(), step, errors.last_or("no reason given")));
    };
    std::vector<std::string> warp_words{"-of", "MEM", "-t_srs", target, "-te", fmt::format("{}", window.xmin),
                                        fmt::format("{}", window.ymin), fmt::format("{}", window.xmax),
                                        fmt::format("{}", window.ymax), "-ts", std::to_string(width),
                                        std::to_string(height), "-r", "bilinear", "-ot", "Float32",
                                        // Beyond the model: no data, not sea level (a cliff at its edge).
                                        "-dstnodata", "-32768"};
    const char* own = gdal.GDALGetProjectionRef(source.get());
    if (own == nullptr || *own == '\0') {
        warp_words.emplace_back("-s_srs");  // a grid without a CRS: lon/lat, as DEMs of the region come
        warp_words.emplace_back("EPSG:4326");
    }
    Arguments warp_arguments(warp_words);
    GDALWarpAppOptions* warp_options = gdal.GDALWarpAppOptionsNew(warp_arguments.get(), nullptr);
    if (warp_options == nullptr) throw failed("warped");
    std::array<GDALDatasetH, 1> sources{source.get()};
    int usage_error = 0;
    DatasetHandle warped(gdal.GDALWarp("", nullptr, 1, sources.data(), warp_options, &usage_error));
    gdal.GDALWarpAppOptionsFree(warp_options);
    if (!warped) throw failed("warped into the map's projection");

    Arguments shade_arguments(
        {"-of", "MEM", "-az", fmt::format("{}", kAzimuth), "-alt", fmt::format("{}", kAltitude), "-compute_edges"});
    GDALDEMProcessingOptions* shade_options = gdal.GDALDEMProcessingOptionsNew(shade_arguments.get(), nullptr);
    if (shade_options == nullptr) throw failed("shaded");
    DatasetHandle shaded(gdal.GDALDEMProcessing("", warped.get(), "hillshade", nullptr, shade_options, &usage_error));
    gdal.GDALDEMProcessingOptionsFree(shade_options);
    if (!shaded) throw failed("shaded");

    ShadeGrid grid;
    grid.width = width;
    grid.height = height;
    grid.shade.resize(static_cast<std::size_t>(width) * static_cast<std::size_t>(height));
    GDALRasterBandH band = gdal.GDALGetRasterBand(shaded.get(), 1);
    if (gdal.GDALRasterIO(band, GF_Read, 0, 0, width, height, grid.shade.data(), width, height, GDT_Byte, 0, 0) !=
        CE_None)
        throw failed("read back");
    // Level ground, as GDAL's hillshade lights it (it keeps 0 for no data: 1 + 254 × sin(altitude)).
    grid.flat = static_cast<std::uint8_t>(std::lround(1 + 254 * std::sin(kAltitude * M_PI / 180)));
    return grid;
}

}  // namespace steppeflow::io
