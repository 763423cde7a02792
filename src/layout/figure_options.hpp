#pragma once

#include <functional>
#include <optional>
#include <string>

#include "layout/map_frame.hpp"
#include "model/place.hpp"

namespace steppeflow::layout {

struct TextSize {
    double width_mm = 0;
    double height_mm = 0;
};
// Measures text at a size in points, wrapped at word boundaries when wrap_width_mm > 0;
// rendering supplies it (Pango).
using TextMeasure = std::function<TextSize(const std::string& text, double size_pt, bool bold, double wrap_width_mm)>;

struct FigureOptions {
    double page_width_mm = 174;  // a journal's double column
    double page_height_mm = 140;
    double margin_mm = 4;
    std::optional<LonLatBox> extent;  // fit to the data when absent
    double extent_margin = 0.08;      // fraction of the data's larger side
    std::string projection = geo::kDefaultProjection;
    model::Language language = model::Language::en;
    std::string title;
    std::string subtitle;
    std::string credits;
    double max_flow_width_mm = 4.0;  // width of the largest count
    double min_flow_width_mm = 0.35; // no flow thinner than this, so every flow stays visible
    double arrow_gap_mm = 0.6;       // between arrowhead tip and destination symbol
    double label_size_pt = 6.5;
    double title_size_pt = 11;
};

}  // namespace steppeflow::layout
