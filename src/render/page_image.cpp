#include "render/page_image.hpp"

#include <sys/mman.h>

#include <algorithm>
#include <cstdint>
#include <exception>
#include <memory>
#include <thread>
#include <vector>

#include <fmt/format.h>

#include "common/error.hpp"
#include "render/scene_painter.hpp"

namespace steppeflow::render {

namespace {
constexpr std::size_t kHugePage = std::size_t{2} << 20;
}

PageImage::PageImage(int width, int height) {
    const int stride = cairo_format_stride_for_width(CAIRO_FORMAT_RGB24, width);
    if (stride < 0 || height <= 0) throw IoError(fmt::format("a {} × {} pixel image cannot be made", width, height));
    const std::size_t bytes = static_cast<std::size_t>(stride) * static_cast<std::size_t>(height);
    // Mapped one huge page larger than needed so that the buffer can start on a huge-page boundary.
    size_ = (bytes + 2 * kHugePage - 1) / kHugePage * kHugePage;
    memory_ = mmap(nullptr, size_, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (memory_ == MAP_FAILED) {
        memory_ = nullptr;
        throw IoError(fmt::format("no memory for a {} × {} pixel image ({} MB)", width, height, bytes >> 20));
    }
    const auto address = reinterpret_cast<std::uintptr_t>(memory_);
    auto* start = static_cast<unsigned char*>(memory_) + ((kHugePage - address % kHugePage) % kHugePage);
    // Advice only: without transparent huge pages the buffer works the same, in small pages.
    madvise(start, bytes, MADV_HUGEPAGE);
    pixels_ = start;
    width_ = width;
    height_ = height;
    stride_ = stride;
    surface_ = cairo_image_surface_create_for_data(start, CAIRO_FORMAT_RGB24, width, height, stride);
    if (cairo_surface_status(surface_) != CAIRO_STATUS_SUCCESS) {
        const char* reason = cairo_status_to_string(cairo_surface_status(surface_));
        cairo_surface_destroy(surface_);
        munmap(memory_, size_);
        throw IoError(fmt::format("a {} × {} pixel image cannot be made: {}", width, height, reason));
    }
}

Surface PageImage::band(int first_row, int rows) const {
    Surface band(cairo_image_surface_create_for_data(pixels_ + static_cast<std::ptrdiff_t>(first_row) * stride_,
                                                     CAIRO_FORMAT_RGB24, width_, rows, stride_));
    cairo_surface_set_device_offset(band.get(), 0, -first_row);
    return band;
}

PageImage::~PageImage() {
    // Finished first: no reference left elsewhere may touch the memory once it is unmapped.
    cairo_surface_finish(surface_);
    cairo_surface_destroy(surface_);
    if (memory_ != nullptr) munmap(memory_, size_);
}

void paint_page(const PageImage& image, const layout::Scene& scene, double px_per_mm, int bands,
                const std::filesystem::path& path, ThreadPool& pool) {
    bands = std::clamp(bands, 1, image.height());
    const int rows = (image.height() + bands - 1) / bands;
    pool.parallel_for(static_cast<std::size_t>(bands), [&](std::size_t index) {
        const int first = static_cast<int>(index) * rows;
        if (first >= image.height()) return;
        const Surface band = image.band(first, std::min(rows, image.height() - first));
        paint_on(band.get(), scene, px_per_mm, path);
    });
}

}  // namespace steppeflow::render
