#include "render/png_writer.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <cmath>
#include <csetjmp>
#include <cstdint>
#include <cstring>
#include <exception>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>
#include <png.h>
#include <zlib.h>

#include "common/error.hpp"

namespace steppeflow::render {

namespace {

// The image is cut into bands of this many rows, each deflated on its own and joined into one zlib
// stream (as pigz does). The cut does not depend on the number of cores, so the file's bytes do not.
constexpr int kRowsPerBand = 128;
constexpr int kWindow = 32768;  // deflate's window: each band is primed with what precedes it
constexpr int kLevel = 2;

// A row as PNG stores it here: filter byte 0 (none) and RGB. Flat map colours repeat along and
// across rows, which deflate finds unfiltered; the "up" and "sub" filters made files 25 % larger.
void scanline(const unsigned char* xrgb, int width, unsigned char* out) {
    *out++ = 0;
    for (int x = 0; x < width; ++x, xrgb += 4) {
        // Cairo's RGB24 pixel is a native-endian 32-bit xRGB word.
        std::uint32_t pixel = 0;
        std::memcpy(&pixel, xrgb, sizeof pixel);
        *out++ = static_cast<unsigned char>(pixel >> 16);
        *out++ = static_cast<unsigned char>(pixel >> 8);
        *out++ = static_cast<unsigned char>(pixel);
    }
}

struct Image {
    const unsigned char* data;
    int width;
    int height;
    int stride;
    [[nodiscard]] std::size_t scanline_bytes() const { return static_cast<std::size_t>(width) * 3 + 1; }
    [[nodiscard]] const unsigned char* row(int y) const { return data + static_cast<std::ptrdiff_t>(y) * stride; }
};

struct Band {
    // Sized for the worst case but never initialised: only the pages deflate writes are touched.
    std::unique_ptr<unsigned char[]> deflated;
    std::size_t size = 0;
    uLong adler = adler32(0, nullptr, 0);
    uLong length = 0;
    bool ok = false;
};

// Rows are converted a few at a time into a small buffer that stays in cache; a whole band at
// once would be a fresh mapping of a megabyte, and its page faults cost more than the compression.
constexpr int kRowsPerStep = 8;

// Raw deflate of rows [first, first + count): ends on a byte boundary (sync flush) so that bands can
// be concatenated, or finishes the stream when it is the last band.
Band deflate_band(const Image& image, int first, int count, bool last) {
    Band band;
    const std::size_t line = image.scanline_bytes();
    std::vector<unsigned char> rows(line * kRowsPerStep);
    z_stream stream{};
    if (deflateInit2(&stream, kLevel, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK) return band;
    // Ended however this returns: an allocation below that throws must not leak zlib's state.
    const std::unique_ptr<z_stream, int (*)(z_stream*)> ended(&stream, deflateEnd);
    // The window before the band primes the dictionary, as if the stream had never been cut.
    const int primer_rows = std::min(first, static_cast<int>((kWindow + line - 1) / line));
    if (primer_rows > 0) {
        std::vector<unsigned char> primer(line * static_cast<std::size_t>(primer_rows));
        for (int i = 0; i < primer_rows; ++i)
            scanline(image.row(first - primer_rows + i), image.width,
                     primer.data() + line * static_cast<std::size_t>(i));
        const std::size_t take = std::min<std::size_t>(primer.size(), kWindow);
        deflateSetDictionary(&stream, primer.data() + primer.size() - take, static_cast<uInt>(take));
    }
    // deflate's own bound for the band, and room for the flush marker.
    const std::size_t capacity = deflateBound(&stream, static_cast<uLong>(line * static_cast<std::size_t>(count))) + 64;
    band.deflated.reset(new unsigned char[capacity]);
    stream.next_out = band.deflated.get();
    stream.avail_out = static_cast<uInt>(capacity);
    int result = Z_OK;
    for (int y = first; y < first + count && result == Z_OK; y += kRowsPerStep) {
        const int step = std::min(kRowsPerStep, first + count - y);
        for (int i = 0; i < step; ++i)
            scanline(image.row(y + i), image.width, rows.data() + line * static_cast<std::size_t>(i));
        const auto bytes = static_cast<uInt>(line * static_cast<std::size_t>(step));
        band.adler = adler32(band.adler, rows.data(), bytes);
        band.length += bytes;
        const bool final_step = y + step == first + count;
        stream.next_in = rows.data();
        stream.avail_in = bytes;
        result = deflate(&stream, !final_step ? Z_NO_FLUSH : last ? Z_FINISH : Z_SYNC_FLUSH);
    }
    band.size = capacity - stream.avail_out;
    band.ok = stream.avail_in == 0 && stream.avail_out > 0 && (last ? result == Z_STREAM_END : result == Z_OK);
    return band;
}

// The image's zlib stream: header, the bands' deflate data in order, and the Adler-32 of all rows.
struct Deflated {
    std::vector<Band> bands;
    std::array<unsigned char, 4> adler{};
    static constexpr std::array<unsigned char, 2> kHeader{0x78, 0x5e};  // deflate, 32 KiB window, fast level
};

Deflated deflate_image(const Image& image, const std::filesystem::path& path, ThreadPool& pool) {
    const int band_count = (image.height + kRowsPerBand - 1) / kRowsPerBand;
    Deflated out;
    out.bands.resize(static_cast<std::size_t>(band_count));
    // A helper thread's failure (out of memory) is rethrown here by the pool, not a crash there.
    pool.parallel_for(static_cast<std::size_t>(band_count), [&](std::size_t b) {
        const int first = static_cast<int>(b) * kRowsPerBand;
        out.bands[b] = deflate_band(image, first, std::min(kRowsPerBand, image.height - first),
                                    static_cast<int>(b) == band_count - 1);
    });
    uLong adler = adler32(0, nullptr, 0);
    for (const auto& band : out.bands) {
        if (!band.ok) throw IoError(fmt::format("{}: PNG compression failed", path.string()));
        adler = adler32_combine(adler, band.adler, static_cast<z_off_t>(band.length));
    }
    for (std::size_t i = 0; i < 4; ++i) out.adler[i] = static_cast<unsigned char>(adler >> (24 - 8 * i));
    return out;
}

struct PngError {
    std::string message;
};

void on_error(png_structp png, png_const_charp message) {
    static_cast<PngError*>(png_get_error_ptr(png))->message = message;
    png_longjmp(png, 1);
}

void on_warning(png_structp /*png*/, png_const_charp /*message*/) {}

}  // namespace

void write_png(cairo_surface_t* surface, std::FILE* stream, double dpi, const std::filesystem::path& path,
               ThreadPool& pool) {
    cairo_surface_flush(surface);
    const Image image{cairo_image_surface_get_data(surface), cairo_image_surface_get_width(surface),
                      cairo_image_surface_get_height(surface), cairo_image_surface_get_stride(surface)};
    const Deflated pixels = deflate_image(image, path, pool);

    // libpng writes the signature, the header chunks and the framing (lengths, CRCs); the pixel data
    // goes in as it was deflated, an IDAT chunk per band (the zlib header in the first, the Adler-32
    // in the last), so no chunk nears PNG's 2 GiB limit and nothing is copied into one buffer.
    PngError error;
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, &error, on_error, on_warning);
    png_infop info = png != nullptr ? png_create_info_struct(png) : nullptr;
    if (png == nullptr || info == nullptr) {
        png_destroy_write_struct(&png, nullptr);
        throw IoError(fmt::format("{}: cannot start the PNG encoder", path.string()));
    }
    // libpng reports errors by longjmp; nothing with a destructor is created between here and the end.
    if (setjmp(png_jmpbuf(png)) != 0) {
        png_destroy_write_struct(&png, &info);
        throw IoError(fmt::format("{}: PNG encoding failed: {}", path.string(), error.message));
    }
    png_init_io(png, stream);
    png_set_IHDR(png, info, static_cast<png_uint_32>(image.width), static_cast<png_uint_32>(image.height), 8,
                 PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_BASE, PNG_FILTER_TYPE_BASE);
    const auto pixels_per_metre = static_cast<png_uint_32>(std::lround(dpi / 0.0254));
    png_set_pHYs(png, info, pixels_per_metre, pixels_per_metre, PNG_RESOLUTION_METER);
    png_write_info(png, info);
    static constexpr png_byte kIdat[5] = "IDAT";
    static constexpr png_byte kIend[5] = "IEND";
    for (std::size_t i = 0; i < pixels.bands.size(); ++i) {
        const bool first = i == 0;
        const bool last = i + 1 == pixels.bands.size();
        const auto& band = pixels.bands[i];
        const std::size_t length =
            band.size + (first ? Deflated::kHeader.size() : 0) + (last ? pixels.adler.size() : 0);
        png_write_chunk_start(png, kIdat, static_cast<png_uint_32>(length));
        if (first) png_write_chunk_data(png, Deflated::kHeader.data(), Deflated::kHeader.size());
        png_write_chunk_data(png, band.deflated.get(), band.size);
        if (last) png_write_chunk_data(png, pixels.adler.data(), pixels.adler.size());
        png_write_chunk_end(png);
    }
    png_write_chunk(png, kIend, nullptr, 0);
    png_destroy_write_struct(&png, &info);
}

}  // namespace steppeflow::render
