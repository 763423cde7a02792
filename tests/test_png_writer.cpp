// The PNG encoder deflates bands of rows on several threads and joins them into one zlib stream.
// An independent decode (libpng's reader, which checks the stream's Adler-32 and every CRC) must
// give back exactly the pixels drawn, for images that end inside a band, on a band's edge, and of
// a single row; and the bytes must not depend on the threads' timing.

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <vector>

#include <cairo.h>
#include <gtest/gtest.h>
#include <png.h>

#include "render/png_writer.hpp"
#include "test_support.hpp"

using namespace steppeflow;

namespace {

// A surface whose pixels vary in every row and column (and repeat enough to be compressed).
cairo_surface_t* patterned(int width, int height) {
    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height);
    cairo_surface_flush(surface);
    unsigned char* data = cairo_image_surface_get_data(surface);
    const int stride = cairo_image_surface_get_stride(surface);
    std::uint32_t state = 12345;
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            state = state * 1664525U + 1013904223U;
            const std::uint32_t noise = (x / 7 + y / 5) % 3 == 0 ? (state >> 8) : 0;
            const std::uint32_t pixel = ((x * 3 + y) & 0xff) << 16 | ((y * 2) & 0xff) << 8 | (noise & 0xff);
            std::memcpy(data + y * stride + 4 * x, &pixel, 4);
        }
    }
    cairo_surface_mark_dirty(surface);
    return surface;
}

std::filesystem::path encode(cairo_surface_t* surface, const std::filesystem::path& path, double dpi,
                             steppeflow::ThreadPool& pool = steppeflow::serial_pool()) {
    std::FILE* stream = std::fopen(path.c_str(), "wb");
    render::write_png(surface, stream, dpi, path, pool);
    std::fclose(stream);
    return path;
}

struct Decoded {
    bool ok = false;
    int width = 0;
    int height = 0;
    png_uint_32 pixels_per_metre = 0;
    std::vector<unsigned char> rgb;
};

Decoded decode(const std::filesystem::path& path) {
    Decoded decoded;
    std::FILE* stream = std::fopen(path.c_str(), "rb");
    png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
    png_infop info = png_create_info_struct(png);
    if (setjmp(png_jmpbuf(png)) != 0) {
        png_destroy_read_struct(&png, &info, nullptr);
        std::fclose(stream);
        return Decoded{};
    }
    png_init_io(png, stream);
    png_read_info(png, info);
    decoded.width = static_cast<int>(png_get_image_width(png, info));
    decoded.height = static_cast<int>(png_get_image_height(png, info));
    png_uint_32 y_resolution = 0;
    int unit = 0;
    png_get_pHYs(png, info, &decoded.pixels_per_metre, &y_resolution, &unit);
    if (png_get_color_type(png, info) != PNG_COLOR_TYPE_RGB || png_get_bit_depth(png, info) != 8) {
        png_destroy_read_struct(&png, &info, nullptr);
        std::fclose(stream);
        return Decoded{};
    }
    decoded.rgb.resize(static_cast<std::size_t>(decoded.width) * decoded.height * 3);
    for (int y = 0; y < decoded.height; ++y)
        png_read_row(png, decoded.rgb.data() + static_cast<std::size_t>(y) * decoded.width * 3, nullptr);
    png_read_end(png, nullptr);
    png_destroy_read_struct(&png, &info, nullptr);
    std::fclose(stream);
    decoded.ok = true;
    return decoded;
}

// Pixels that differ between the surface and the decoded image.
int differing_pixels(cairo_surface_t* surface, const Decoded& decoded) {
    const unsigned char* data = cairo_image_surface_get_data(surface);
    const int stride = cairo_image_surface_get_stride(surface);
    int differing = 0;
    for (int y = 0; y < decoded.height; ++y) {
        for (int x = 0; x < decoded.width; ++x) {
            std::uint32_t pixel = 0;
            std::memcpy(&pixel, data + y * stride + 4 * x, 4);
            const unsigned char* rgb = decoded.rgb.data() + (static_cast<std::size_t>(y) * decoded.width + x) * 3;
            const bool same =
                rgb[0] == ((pixel >> 16) & 0xff) && rgb[1] == ((pixel >> 8) & 0xff) && rgb[2] == (pixel & 0xff);
            differing += same ? 0 : 1;
        }
    }
    return differing;
}

class PngRoundTrip : public ::testing::TestWithParam<std::pair<int, int>> {};

TEST_P(PngRoundTrip, DecodesToTheDrawnPixels) {
    const auto [width, height] = GetParam();
    const auto dir = test::scratch_dir("png_round_trip_" + std::to_string(width) + "x" + std::to_string(height));
    cairo_surface_t* surface = patterned(width, height);
    const Decoded decoded = decode(encode(surface, dir / "image.png", 300));
    ASSERT_TRUE(decoded.ok) << "libpng could not read the file back";
    EXPECT_EQ(decoded.width, width);
    EXPECT_EQ(decoded.height, height);
    EXPECT_EQ(differing_pixels(surface, decoded), 0);
    EXPECT_EQ(decoded.pixels_per_metre, 11811U);  // 300 dpi
    cairo_surface_destroy(surface);
}

// One row; a band's height exactly; inside the third band; many bands with a wide, odd width.
INSTANTIATE_TEST_SUITE_P(Sizes, PngRoundTrip,
                         ::testing::Values(std::pair{5, 1}, std::pair{64, 128}, std::pair{257, 300},
                                           std::pair{2055, 1100}));

TEST(PngWriter, SameBytesEveryTime) {
    const auto dir = test::scratch_dir("png_same_bytes");
    cairo_surface_t* surface = patterned(700, 900);
    const std::string first = test::read_file(encode(surface, dir / "a.png", 150));
    for (int i = 0; i < 5; ++i) EXPECT_EQ(test::read_file(encode(surface, dir / "b.png", 150)), first);
    // Deflated on several threads, the bands are cut and joined the same way: the same bytes.
    for (unsigned threads : {2U, 3U}) {
        steppeflow::ThreadPool pool(threads);
        EXPECT_EQ(test::read_file(encode(surface, dir / "c.png", 150, pool)), first) << threads << " threads";
    }
    cairo_surface_destroy(surface);
}

}  // namespace
