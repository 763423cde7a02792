#pragma once
// How the layout learns the size of a text: rendering supplies the measure (Pango), so that the
// layout places text where the painter will draw it without depending on the painter.

#include <functional>
#include <string>

namespace steppeflow::layout {

struct TextSize {
    double width_mm = 0;
    double height_mm = 0;
};

// Measures text at a size in points, wrapped at word boundaries when wrap_width_mm > 0.
using TextMeasure = std::function<TextSize(const std::string& text, double size_pt, bool bold, double wrap_width_mm)>;

}  // namespace steppeflow::layout
