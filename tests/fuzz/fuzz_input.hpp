#pragma once
// Fuzz inputs reach the readers the way a user's file does: as a file on disk with the right
// extension (the readers check raw text before GDAL or toml++ parse it).

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

namespace steppeflow::fuzz {

inline std::filesystem::path write_input(const std::uint8_t* data, std::size_t size, const std::string& extension) {
    static const std::filesystem::path path =
        std::filesystem::temp_directory_path() / ("steppeflow-fuzz-" + std::to_string(::getpid()) + extension);
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    return path;
}

}  // namespace steppeflow::fuzz
