#pragma once

#include <filesystem>
#include <string>

#include "layout/scene.hpp"

namespace steppeflow::render {

enum class OutputFormat { svg, png, pdf };

// The format named by the file's extension; UsageError for anything else.
OutputFormat format_for(const std::filesystem::path& path);

struct OutputOptions {
    double dpi = 300;  // PNG only; SVG and PDF are vector
};

// Draws the scene into `path`, atomically: the file appears complete or not at all.
void write_scene(const layout::Scene& scene, const std::filesystem::path& path, const OutputOptions& options);

// Writes text to a file atomically (whole or not at all). Throws IoError naming the path.
void write_text_file(const std::filesystem::path& path, const std::string& text);

}  // namespace steppeflow::render
