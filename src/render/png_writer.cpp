#include "render/png_writer.hpp"

#include <cmath>
#include <csetjmp>
#include <string>

#include <fmt/format.h>
#include <png.h>

#include "common/error.hpp"

namespace steppeflow::render {

namespace {

struct PngError {
    std::string message;
};

void on_error(png_structp png, png_const_charp message) {
    static_cast<PngError*>(png_get_error_ptr(png))->message = message;
    png_longjmp(png, 1);
}

void on_warning(png_structp /*png*/, png_const_charp /*message*/) {}

}  // namespace

void write_png(cairo_surface_t* surface, std::FILE* stream, double dpi, const std::filesystem::path& path) {
    cairo_surface_flush(surface);
    const int width = cairo_image_surface_get_width(surface);
    const int height = cairo_image_surface_get_height(surface);
    const int stride = cairo_image_surface_get_stride(surface);
    unsigned char* data = cairo_image_surface_get_data(surface);

    PngError error;
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, &error, on_error, on_warning);
    png_infop info = png != nullptr ? png_create_info_struct(png) : nullptr;
    if (png == nullptr || info == nullptr) {
        png_destroy_write_struct(&png, nullptr);
        throw IoError(fmt::format("{}: cannot start the PNG encoder", path.string()));
    }
    // libpng reports errors by longjmp; nothing with a destructor lives between here and the end.
    if (setjmp(png_jmpbuf(png)) != 0) {
        png_destroy_write_struct(&png, &info);
        throw IoError(fmt::format("{}: PNG encoding failed: {}", path.string(), error.message));
    }
    png_init_io(png, stream);
    // Flat colours compress well with the "up" filter alone; level 3 is several times faster than
    // the default 6 for files a few per cent larger.
    png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_UP);
    png_set_compression_level(png, 3);
    png_set_IHDR(png, info, static_cast<png_uint_32>(width), static_cast<png_uint_32>(height), 8, PNG_COLOR_TYPE_RGB,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_BASE, PNG_FILTER_TYPE_BASE);
    const auto pixels_per_metre = static_cast<png_uint_32>(std::lround(dpi / 0.0254));
    png_set_pHYs(png, info, pixels_per_metre, pixels_per_metre, PNG_RESOLUTION_METER);
    png_write_info(png, info);
    // Cairo's RGB24 is a native-endian 32-bit xRGB word: B, G, R, x in memory on little-endian.
    png_set_filler(png, 0, PNG_FILLER_AFTER);
    png_set_bgr(png);
    for (int y = 0; y < height; ++y) png_write_row(png, data + static_cast<std::ptrdiff_t>(y) * stride);
    png_write_end(png, info);
    png_destroy_write_struct(&png, &info);
}

}  // namespace steppeflow::render
