#pragma once
// The pixel buffer of a PNG page. A 300-dpi page is 10–20 MB that is written once from top to
// bottom; in 4 KiB pages that is thousands of page faults, which on a virtual machine cost more
// than drawing the map. The buffer is mapped in 2 MiB steps and the kernel is asked for huge pages.

#include <cstddef>
#include <filesystem>
#include <memory>

#include <cairo.h>

#include "common/thread_pool.hpp"
#include "layout/scene.hpp"
#include "render/cairo_handles.hpp"

namespace steppeflow::render {

class PageImage {
public:
    // An opaque (CAIRO_FORMAT_RGB24) image of width × height pixels. Throws IoError when the memory
    // or the surface cannot be had.
    PageImage(int width, int height);
    ~PageImage();
    PageImage(const PageImage&) = delete;
    PageImage& operator=(const PageImage&) = delete;
    PageImage(PageImage&&) = delete;
    PageImage& operator=(PageImage&&) = delete;

    [[nodiscard]] cairo_surface_t* surface() const { return surface_; }
    [[nodiscard]] int height() const { return height_; }

    // A surface over rows [first_row, first_row + rows) of the same pixels, placed (device offset)
    // so that page coordinates drawn on it land where they would on the whole page. Bands share no
    // state, so each can be painted on its own thread.
    [[nodiscard]] Surface band(int first_row, int rows) const;

private:
    unsigned char* pixels_ = nullptr;
    int width_ = 0;
    int height_ = 0;
    int stride_ = 0;
    void* memory_ = nullptr;
    std::size_t size_ = 0;
    cairo_surface_t* surface_ = nullptr;
};

// Paints the scene over the whole image at `px_per_mm`, cut into `bands` horizontal bands painted at
// once on their own threads, each with the whole scene (Cairo skips what falls outside its band).
// Rasterising is most of a PNG's drawing time. The pixels are the same for any number of bands.
// Throws IoError naming `path` when Cairo fails.
// The bands run on `pool` (as many at once as it has free threads).
void paint_page(const PageImage& image, const layout::Scene& scene, double px_per_mm, int bands,
                const std::filesystem::path& path, ThreadPool& pool = serial_pool());

// Refuses a raster page (PNG, TIFF) too large to draw at `dpi`, or a dpi outside 10–2400: UsageError
// naming `path`.
void check_raster_page(const layout::Scene& scene, const std::filesystem::path& path, double dpi);

// The page painted at `dpi`, on `pool`; the same pixels for a PNG and a TIFF.
[[nodiscard]] std::unique_ptr<PageImage> painted_page(const layout::Scene& scene, double dpi,
                                                      const std::filesystem::path& path, ThreadPool& pool);

}  // namespace steppeflow::render
