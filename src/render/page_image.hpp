#pragma once
// The pixel buffer of a PNG page. A 300-dpi page is 10–20 MB that is written once from top to
// bottom; in 4 KiB pages that is thousands of page faults, which on a virtual machine cost more
// than drawing the map. The buffer is mapped in 2 MiB steps and the kernel is asked for huge pages.

#include <cstddef>

#include <cairo.h>

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

private:
    void* memory_ = nullptr;
    std::size_t size_ = 0;
    cairo_surface_t* surface_ = nullptr;
};

}  // namespace steppeflow::render
