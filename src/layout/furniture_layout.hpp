#pragma once
// Map furniture: scale bar, graticule, north arrow and locator inset, all computed through PROJ so
// they stay true for whatever projection the map uses.

#include <optional>
#include <vector>

#include "geo/projection.hpp"
#include "layout/figure_options.hpp"
#include "layout/map_frame.hpp"
#include "layout/scene.hpp"
#include "model/geometry.hpp"

namespace steppeflow::layout {

// Kilometres per page millimetre along the parallel through the map centre (geodesic, WGS84).
double km_per_mm_at_centre(const geo::Projection& projection, const MapTransform& transform);

// A bar of a round length (1, 2, 5 × 10^n km) no longer than `max_length_mm`, starting at `origin`.
// Its labels are placed here too (over the ticks, the caption to the right), measured by `measure`.
ScaleBar layout_scale_bar(const geo::Projection& projection, const MapTransform& transform, Point origin,
                          double max_length_mm, double font_size_pt, const TextMeasure& measure,
                          const config::Locale& locale = config::builtin_locale("en"));

// Meridians and parallels at a round spacing (about `target_lines` across the frame), clipped to it.
std::vector<GraticuleLine> layout_graticule(const geo::Projection& projection, const MapTransform& transform,
                                            int target_lines = 5);

// Degree labels where the graticule meets the frame's lower and left edges, just inside it.
std::vector<Label> graticule_labels(const std::vector<GraticuleLine>& lines, const Box& frame,
                                    const TextMeasure& measure, double size_pt,
                                    const config::Locale& locale = config::builtin_locale("en"));

// An arrow towards true north at the map centre, in the frame's top-right corner.
// Its letter is placed over the tip, measured by `measure`.
NorthArrow layout_north_arrow(const geo::Projection& projection, const MapTransform& transform, const Box& frame,
                              const TextMeasure& measure, const config::Locale& locale = config::builtin_locale("en"));

// A locator inset in `box`: land and borders of `wide` (lon/lat) in the same projection, with the
// main map's extent outlined.
Inset layout_inset(const geo::Projection& projection, const MapTransform& main, const model::Basemap& basemap,
                   const TextMeasure& measure, const config::Locale& locale, const config::Style& style,
                   const LonLatBox& wide, Box box);

}  // namespace steppeflow::layout
