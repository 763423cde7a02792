#pragma once

#include <cairo.h>

#include "layout/scene.hpp"

namespace steppeflow::render {

// Paints a scene (its panels too) on a context whose user unit is the millimetre, in the scene's style.
void paint_scene(cairo_t* cr, const layout::Scene& scene);

}  // namespace steppeflow::render
