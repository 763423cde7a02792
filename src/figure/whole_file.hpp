#pragma once
// Writing a file that is not a figure (a gazetteer export) as figures are written: whole or not at
// all (render/atomic_file), its folder made.

#include <filesystem>
#include <string>

namespace steppeflow::figure {

// IoError naming `path` when it cannot be written.
void write_whole_file(const std::filesystem::path& path, const std::string& bytes);

}  // namespace steppeflow::figure
