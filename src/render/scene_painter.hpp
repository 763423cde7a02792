#pragma once

#include <filesystem>

#include <cairo.h>

#include "layout/scene.hpp"

namespace steppeflow::render {

// Paints a scene (its panels too) on a context whose user unit is the millimetre, in the scene's style.
void paint_scene(cairo_t* cr, const layout::Scene& scene);

// Paints a scene on a surface whose unit is `units_per_mm` of the page's millimetres (1 for SVG in mm,
// points for PDF, pixels for an image). Throws IoError naming `path` when Cairo fails.
void paint_on(cairo_surface_t* surface, const layout::Scene& scene, double units_per_mm,
              const std::filesystem::path& path);

}  // namespace steppeflow::render
