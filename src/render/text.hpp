#pragma once
// Text through Pango on a Cairo context whose user unit is the millimetre.

#include <string>

#include <cairo.h>

#include "layout/figure_options.hpp"

namespace steppeflow::render {

inline constexpr const char* kFontFamily = "Noto Sans";

// A measure that agrees with draw_text: same font, same metrics, unhinted.
layout::TextMeasure pango_text_measure();

// Draws text with its top-left corner at (x, y), wrapped at word boundaries when wrap_width_mm > 0;
// a white halo first when halo_mm > 0.
void draw_text(cairo_t* cr, const std::string& text, double x, double y, double size_pt, bool bold, double halo_mm,
               double wrap_width_mm = 0);

// Throws IoError when no font of kFontFamily is installed, instead of drawing tofu boxes.
void require_font();

}  // namespace steppeflow::render
