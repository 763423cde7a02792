#pragma once

#include <filesystem>
#include <string>
#include <vector>

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

// Writes several figures as one: every file is drawn to a temporary file first, and only when all
// are complete are they renamed into place. A failure (a bad path, a full disk) leaves every
// previous figure as it was.
struct ScenePath {
    const layout::Scene* scene = nullptr;
    std::filesystem::path path;
};
struct TextPath {
    std::filesystem::path path;
    std::string text;
};
void write_scenes(const std::vector<ScenePath>& outputs, const OutputOptions& options,
                  const std::vector<TextPath>& texts = {});

}  // namespace steppeflow::render
