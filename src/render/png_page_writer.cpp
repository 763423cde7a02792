#include <cmath>

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

void PngWriter::check(const layout::Scene& scene, const std::filesystem::path& path,
                      const WriteOptions& options) const {
    check_dpi(options.dpi);
    const double px_per_mm = options.dpi / 25.4;
    const double width = scene.page_width_mm * px_per_mm;
    const double height = scene.page_height_mm * px_per_mm;
    if (width > kMaxPixels || height > kMaxPixels) {
        throw UsageError(fmt::format("{}: {:.0f} × {:.0f} pixels at {} dpi is more than a PNG can be drawn at here "
                                     "({:.0f} a side); lower the dpi or the page size, or write SVG or PDF",
                                     path.string(), width, height, options.dpi, kMaxPixels));
    }
}

void PngWriter::write(const layout::Scene& scene, const std::filesystem::path& path, std::FILE* out,
                      const WriteOptions& options) const {
    check_dpi(options.dpi);
    const double px_per_mm = options.dpi / 25.4;
    const int width = static_cast<int>(std::lround(scene.page_width_mm * px_per_mm));
    const int height = static_cast<int>(std::lround(scene.page_height_mm * px_per_mm));
    // The page is opaque (paper first), so no alpha channel is kept.
    const PageImage image = [&] {
        try {
            return PageImage(width, height);
        } catch (const IoError& e) {
            throw IoError(fmt::format("{}: {}", path.string(), e.what()));
        }
    }();
    // A fixed number of bands, not one per core, so that the pixels never depend on the machine.
    ThreadPool& pool = options.pool != nullptr ? *options.pool : serial_pool();
    paint_page(image, scene, px_per_mm, 2, path, pool);
    write_png(image.surface(), out, options.dpi, path, pool);
}

}  // namespace steppeflow::render
