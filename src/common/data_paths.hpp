#pragma once
// Where steppeflow's own files are (the shipped gazetteer and flows, basemaps, styles, locales): in
// the working directory when it is a checkout of the repository, else where `cmake --install` put
// them, <prefix>/share/steppeflow, found from the running executable (<prefix>/bin/steppeflow), so
// an installed tree can be moved as a whole.

#include <filesystem>

namespace steppeflow {

// <prefix>/share/steppeflow for the running executable; empty when it cannot be told.
[[nodiscard]] std::filesystem::path installed_data_dir();

// One of steppeflow's own files or folders, named as in the repository ("styles", "geodata/basemap"):
// that path when it exists from the working directory, else the installed one when that exists (or,
// for a binary in a build folder of the checkout, the checkout's), else the path unchanged (so that a
// message names what was looked for).
[[nodiscard]] std::filesystem::path own_data(const std::filesystem::path& relative);

// A path written in a file (a figure spec) is relative to that file's folder; an absolute one stays.
[[nodiscard]] std::filesystem::path relative_to_file(const std::filesystem::path& path,
                                                     const std::filesystem::path& file);

}  // namespace steppeflow
