#pragma once

#include <cairo.h>

#include "layout/scene.hpp"

namespace steppeflow::render {

struct Rgb {
    double r = 0;
    double g = 0;
    double b = 0;
};

// Colours and line weights of the map. (Styles from files replace these defaults later.)
struct Palette {
    Rgb paper{1, 1, 1};
    Rgb water{0.80, 0.87, 0.92};
    Rgb land{0.965, 0.955, 0.93};
    Rgb river{0.50, 0.66, 0.80};
    Rgb border{0.45, 0.45, 0.45};
    Rgb frame{0.2, 0.2, 0.2};
    Rgb text{0.1, 0.1, 0.1};
    Rgb people{0.80, 0.25, 0.15};
    Rgb households{0.72, 0.20, 0.36};
    Rgb families{0.85, 0.45, 0.10};
    Rgb livestock{0.45, 0.35, 0.25};
    Rgb unknown_unit{0.45, 0.45, 0.45};
    Rgb symbol_fill{1, 1, 1};
    Rgb symbol_line{0.1, 0.1, 0.1};
    double border_width_mm = 0.25;
    double river_width_mm = 0.2;
    double frame_width_mm = 0.25;
};

// Paints a scene on a context whose user unit is the millimetre.
void paint_scene(cairo_t* cr, const layout::Scene& scene, const Palette& palette = {});

[[nodiscard]] Rgb flow_colour(const Palette& palette, std::optional<model::Unit> unit);

}  // namespace steppeflow::render
