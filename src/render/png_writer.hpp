#pragma once
// PNG encoding of an opaque Cairo image (CAIRO_FORMAT_RGB24), tuned for maps: RGB without alpha,
// unfiltered rows and a fast zlib level, compressed in bands on the threads of a pool. Cairo's own writer keeps
// an alpha channel and tries every filter at the default level, on one core, which made encoding
// the slowest step of a render.

#include <cstdio>
#include <filesystem>

#include <cairo.h>

#include "common/thread_pool.hpp"

namespace steppeflow::render {

// Writes the surface (RGB24) as a PNG to `stream`, with the resolution recorded in its pHYs chunk.
// The bands are deflated on `pool`. Throws IoError naming `path` on failure.
void write_png(cairo_surface_t* surface, std::FILE* stream, double dpi, const std::filesystem::path& path,
               ThreadPool& pool = serial_pool());

}  // namespace steppeflow::render
