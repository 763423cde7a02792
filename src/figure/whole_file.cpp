#include "figure/whole_file.hpp"

#include <fmt/format.h>

#include "common/error.hpp"
#include "render/atomic_file.hpp"

namespace steppeflow::figure {

void write_whole_file(const std::filesystem::path& path, const std::string& bytes) {
    std::error_code error;
    if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), error);
    if (error) throw IoError(fmt::format("{}: cannot make its folder: {}", path.string(), error.message()));
    render::AtomicFile file(path);
    if (std::fwrite(bytes.data(), 1, bytes.size(), file.stream()) != bytes.size())
        throw IoError(fmt::format("{}: could not be written", path.string()));
    file.commit();
}

}  // namespace steppeflow::figure
