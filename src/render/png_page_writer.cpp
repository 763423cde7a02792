#include <cmath>
#include <memory>

#include <fmt/format.h>

#include "common/error.hpp"
#include "render/page_image.hpp"
#include "render/png_writer.hpp"
#include "render/writer_kinds.hpp"

namespace steppeflow::render {

namespace {

// Cairo's image surfaces hold at most this many pixels on a side.
constexpr double kMaxPixels = 32767;

void check_dpi(double dpi) {
    if (dpi < 10 || dpi > 2400) throw UsageError(fmt::format("dpi {} is out of range 10–2400", dpi));
}

}  // namespace

void check_raster_page(const layout::Scene& scene, const std::filesystem::path& path, double dpi) {
    check_dpi(dpi);
    const double px_per_mm = dpi / 25.4;
    const double width = scene.page_width_mm * px_per_mm;
    const double height = scene.page_height_mm * px_per_mm;
    if (width > kMaxPixels || height > kMaxPixels) {
        throw UsageError(
            fmt::format("{}: {:.0f} × {:.0f} pixels at {} dpi is more than an image can be drawn at "
                        "here ({:.0f} a side); lower the dpi or the page size, or write SVG or PDF",
                        path.string(), width, height, dpi, kMaxPixels));
    }
}

std::unique_ptr<PageImage> painted_page(const layout::Scene& scene, double dpi, const std::filesystem::path& path,
                                        ThreadPool& pool) {
    check_dpi(dpi);
    const double px_per_mm = dpi / 25.4;
    const int width = static_cast<int>(std::lround(scene.page_width_mm * px_per_mm));
    const int height = static_cast<int>(std::lround(scene.page_height_mm * px_per_mm));
    // The page is opaque (paper first), so no alpha channel is kept.
    std::unique_ptr<PageImage> image;
    try {
        image = std::make_unique<PageImage>(width, height);
    } catch (const IoError& e) {
        throw IoError(fmt::format("{}: {}", path.string(), e.what()));
    }
    // A fixed number of bands, not one per core, so that the pixels never depend on the machine.
    paint_page(*image, scene, px_per_mm, 2, path, pool);
    return image;
}

void PngWriter::check(const layout::Scene& scene, const std::filesystem::path& path,
                      const WriteOptions& options) const {
    check_raster_page(scene, path, options.dpi);
}

void PngWriter::write(const layout::Scene& scene, const std::filesystem::path& path, std::FILE* out,
                      const WriteOptions& options) const {
    ThreadPool& pool = options.pool != nullptr ? *options.pool : serial_pool();
    const auto image = painted_page(scene, options.dpi, path, pool);
    write_png(image->surface(), out, options.dpi, path, pool);
}

}  // namespace steppeflow::render
