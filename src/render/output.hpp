#pragma once
// Writing a figure's files: each by the writer of its extension (render/writer.hpp), all of them as
// one (every file appears only when all are complete).

#include <filesystem>
#include <string>
#include <vector>

#include "layout/scene.hpp"
#include "render/writer.hpp"

namespace steppeflow::render {

struct ScenePath {
    const layout::Scene* scene = nullptr;
    std::filesystem::path path;
    const Writer* writer = nullptr;  // nullptr: the writer of the path's extension
};

// Writes several files as one: every writer's checks first, before any file is touched; then each
// file is drawn to a temporary file, and only when all are complete are they renamed into place. A
// failure (a bad path, a full disk) leaves every previous figure as it was.
void write_scenes(const std::vector<ScenePath>& outputs, const WriteOptions& options);

// One file, atomically: it appears complete or not at all.
void write_scene(const layout::Scene& scene, const std::filesystem::path& path, const WriteOptions& options);

}  // namespace steppeflow::render
