#include "common/data_paths.hpp"

#include <system_error>

namespace steppeflow {

std::filesystem::path installed_data_dir() {
    std::error_code error;
    const auto executable = std::filesystem::read_symlink("/proc/self/exe", error);
    if (error || executable.empty()) return {};
    return executable.parent_path().parent_path() / "share" / "steppeflow";
}

std::filesystem::path own_data(const std::filesystem::path& relative) {
    std::error_code error;
    if (relative.is_absolute() || std::filesystem::exists(relative, error)) return relative;
    const auto installed = installed_data_dir();
    if (installed.empty()) return relative;
    // Installed (<prefix>/share/steppeflow), or a build tree inside the checkout (<checkout>/build/steppeflow).
    for (const auto& root : {installed, installed.parent_path().parent_path()}) {
        const auto candidate = root / relative;
        if (std::filesystem::exists(candidate, error)) return candidate;
    }
    return relative;
}

std::filesystem::path relative_to_file(const std::filesystem::path& path, const std::filesystem::path& file) {
    if (path.empty() || path.is_absolute()) return path;
    return (file.parent_path() / path).lexically_normal();
}

}  // namespace steppeflow
