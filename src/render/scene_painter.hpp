#pragma once

#include <cstddef>
#include <filesystem>

#include <cairo.h>

#include "layout/scene.hpp"

namespace steppeflow::render {

// Paints a scene (its panels too) on a context whose user unit is the millimetre, in the scene's style.
void paint_scene(cairo_t* cr, const layout::Scene& scene);

// Paints a scene on a surface whose unit is `units_per_mm` of the page's millimetres (1 for SVG in mm,
// points for PDF, pixels for an image). Throws IoError naming `path` when Cairo fails. `opaque`: no
// transparency at all (render/text.hpp, draw_opaque).
void paint_on(cairo_surface_t* surface, const layout::Scene& scene, double units_per_mm,
              const std::filesystem::path& path, bool opaque = false);

// A map's painting cut into the parts an editable SVG makes a group of each, in the order paint_scene
// paints them: the water, each basemap layer (index) or the graticule where the layer list puts it,
// the dashed rings of rough places, each flow (index), the junctions and discs, the symbols, the
// labels, the north arrow, the detail key, the inset, a legend framed in the map, and the frame.
// All but the frame are clipped to the map frame, as paint_scene clips them. Panels are not painted.
enum class MapPart {
    water,
    layer,
    graticule,
    uncertainty,
    flow,
    junctions,
    hubs,
    symbols,
    labels,
    north_arrow,
    detail_key,
    inset,
    framed_legend,
    frame
};
void paint_map_part(cairo_t* cr, const layout::Scene& scene, MapPart part, std::size_t index = 0);

// The page's own parts: the paper (first), and after the maps a legend beside or under them, the
// scale bar, and the title, subtitle and credits.
enum class PagePart { paper, legend, scale_bar, texts };
void paint_page_part(cairo_t* cr, const layout::Scene& scene, PagePart part);

}  // namespace steppeflow::render
