#pragma once
// What the Cairo-based writers share: a surface owned, a stream callback into a FILE*, and Cairo's
// status turned into an IoError naming the file.

#include <cstdio>
#include <filesystem>
#include <memory>

#include <cairo.h>

#include "render/cairo_handles.hpp"

namespace steppeflow::render {

// A cairo_write_func_t writing to the std::FILE* given as its closure.
cairo_status_t write_to_file(void* closure, const unsigned char* data, unsigned int length);

// IoError "path: drawing failed: …" unless the status is success.
void check_status(cairo_status_t status, const std::filesystem::path& path);

inline constexpr double kPointsPerMm = 72.0 / 25.4;

}  // namespace steppeflow::render
