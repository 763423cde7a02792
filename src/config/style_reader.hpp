#pragma once

#include <filesystem>
#include <string>

#include "common/data_paths.hpp"
#include "config/style.hpp"

namespace steppeflow::config {

// Reads a style preset (TOML). Every key is optional and falls back to the built-in colour style;
// unknown keys, wrong types, malformed colours and text below 6 pt are errors with file, line and key.
config::Style read_style(const std::filesystem::path& path);

// A style named "grayscale" is styles/grayscale.toml under `styles_dir`; a name ending in .toml
// (or containing a slash) is a path. UsageError, listing the presets, when neither exists.
std::filesystem::path resolve_style(const std::string& name, const std::filesystem::path& styles_dir = own_data("styles"));

}  // namespace steppeflow::config
