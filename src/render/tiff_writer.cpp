// TIFF, as journals ask artwork (600 dpi for colour and halftone, 1200 for line art): the same pixels
// as the PNG at the figure's dpi, LZW compressed, the resolution in the file (io/tiff_export).

#include <cairo.h>

#include <cstdint>
#include <cstring>

#include <fmt/format.h>

#include "common/error.hpp"

#include "io/tiff_export.hpp"
#include "render/page_image.hpp"
#include "render/writer_kinds.hpp"

namespace steppeflow::render {

void TiffWriter::check(const layout::Scene& scene, const std::filesystem::path& path,
                       const WriteOptions& options) const {
    check_raster_page(scene, path, options.dpi);
}

void TiffWriter::write(const layout::Scene& scene, const std::filesystem::path& path, std::FILE* out,
                       const WriteOptions& options) const {
    ThreadPool& pool = options.pool != nullptr ? *options.pool : serial_pool();
    const auto page = painted_page(scene, options.dpi, path, pool);
    cairo_surface_t* surface = page->surface();
    cairo_surface_flush(surface);
    io::RgbImage image;
    image.width = cairo_image_surface_get_width(surface);
    image.height = cairo_image_surface_get_height(surface);
    image.rgb.resize(static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height) * 3);
    const unsigned char* data = cairo_image_surface_get_data(surface);
    const int stride = cairo_image_surface_get_stride(surface);
    // Cairo's RGB24: one native-endian 32-bit word a pixel, 0x00RRGGBB.
    unsigned char* to = image.rgb.data();
    for (int y = 0; y < image.height; ++y) {
        const unsigned char* row = data + static_cast<std::ptrdiff_t>(y) * stride;
        for (int x = 0; x < image.width; ++x) {
            std::uint32_t pixel = 0;
            std::memcpy(&pixel, row + static_cast<std::ptrdiff_t>(x) * 4, 4);
            *to++ = static_cast<unsigned char>(pixel >> 16);
            *to++ = static_cast<unsigned char>(pixel >> 8);
            *to++ = static_cast<unsigned char>(pixel);
        }
    }
    const std::string bytes = io::tiff_bytes(image, options.dpi, path.string());
    if (std::fwrite(bytes.data(), 1, bytes.size(), out) != bytes.size())
        throw IoError(fmt::format("{}: could not be written", path.string()));
}

}  // namespace steppeflow::render
