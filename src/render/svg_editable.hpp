#pragma once
// The editable SVG (svg_editable.cpp): named layer groups, a group and <title> per flow, real <text>.

#include <filesystem>
#include <string>

#include "layout/scene.hpp"

namespace steppeflow::render {

// The whole document. IoError naming `path` when Cairo fails.
[[nodiscard]] std::string editable_svg(const layout::Scene& scene, const std::filesystem::path& path);

}  // namespace steppeflow::render
