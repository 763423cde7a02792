#pragma once
// Text through Pango on a Cairo context whose user unit is the millimetre.

#include <string>
#include <vector>

#include <cairo.h>

#include "config/style.hpp"
#include "layout/text_measure.hpp"

namespace steppeflow::render {

// A font family and the colour of the halo drawn behind text that needs one.
struct Font {
    std::string family = "Noto Sans";
    config::Rgb halo{1, 1, 1};
};

// A measure that agrees with draw_text: same font, same metrics, unhinted.
layout::TextMeasure pango_text_measure(const std::string& family = "Noto Sans");

// Draws text with its top-left corner at (x, y), wrapped at word boundaries when wrap_width_mm > 0;
// a halo first when halo_mm > 0.
void draw_text(cairo_t* cr, const Font& font, const std::string& text, double x, double y, double size_pt, bool bold,
               double halo_mm, double wrap_width_mm = 0, bool italic = false);

// A text kept as text (an editable SVG's <text>) instead of drawn as glyph outlines: each line and
// where its baseline starts, in the user space of `matrix` (the context's, user → device, when it was
// drawn), with the font, colour and halo it would have been drawn in.
struct PlacedText {
    struct Line {
        std::string text;
        double x = 0;
        double y = 0;  // the baseline
    };
    std::vector<Line> lines;
    cairo_matrix_t matrix{};
    std::string family;
    double size_pt = 7;
    bool bold = false;
    bool italic = false;
    double red = 0, green = 0, blue = 0, alpha = 1;
    double halo_mm = 0;
    config::Rgb halo;
};

// While `sink` is set on `cr` (until set to nullptr), draw_text appends each text to it instead of
// drawing it. The sink must outlive the context or be unset first.
void keep_texts(cairo_t* cr, std::vector<PlacedText>* sink);

// While set on `cr`, everything is drawn opaque (a flattened PDF: no transparency, as some journals
// ask): translucent colours at full strength, and what only a wash can show (relief, the faint disc of
// a rough place) left out.
void draw_opaque(cairo_t* cr, bool opaque);
[[nodiscard]] bool drawn_opaque(cairo_t* cr);

// Throws IoError when the font family is not installed, instead of drawing tofu boxes.
// `named_at` says where the family was chosen (a style file's line), for the message.
void require_font(const std::string& family, const std::string& named_at = {});

}  // namespace steppeflow::render
