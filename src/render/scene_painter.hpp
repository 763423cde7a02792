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
    // Okabe–Ito colours: told apart with every common colour-vision deficiency.
    Rgb people{0.835, 0.369, 0.0};
    Rgb households{0.0, 0.447, 0.698};
    Rgb families{0.800, 0.475, 0.655};
    Rgb livestock{0.55, 0.43, 0.19};
    Rgb unknown_unit{0.40, 0.40, 0.40};
    Rgb symbol_fill{1, 1, 1};
    Rgb symbol_line{0.1, 0.1, 0.1};
    Rgb destination_area{0.985, 0.935, 0.86};
    Rgb graticule{0.62, 0.66, 0.70};
    Rgb area_label{0.42, 0.36, 0.30};
    Rgb inset_extent{0.80, 0.10, 0.10};
    double graticule_width_mm = 0.1;
    double flow_casing_mm = 0.25;  // white edge that keeps overlapping flows apart
    double border_width_mm = 0.25;
    double river_width_mm = 0.2;
    double frame_width_mm = 0.25;
};

// Paints a scene on a context whose user unit is the millimetre.
void paint_scene(cairo_t* cr, const layout::Scene& scene, const Palette& palette = {});

[[nodiscard]] Rgb flow_colour(const Palette& palette, std::optional<model::Unit> unit);

}  // namespace steppeflow::render
