#include "render/cairo_stream.hpp"

#include <fmt/format.h>

#include "common/error.hpp"

namespace steppeflow::render {

cairo_status_t write_to_file(void* closure, const unsigned char* data, unsigned int length) {
    auto* stream = static_cast<std::FILE*>(closure);
    return std::fwrite(data, 1, length, stream) == length ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

void check_status(cairo_status_t status, const std::filesystem::path& path) {
    if (status != CAIRO_STATUS_SUCCESS) {
        throw IoError(fmt::format("{}: drawing failed: {}", path.string(), cairo_status_to_string(status)));
    }
}

}  // namespace steppeflow::render
