#pragma once

#include <string>
#include <vector>

#include "layout/figure_options.hpp"
#include "layout/scene.hpp"

namespace steppeflow::layout {

struct LabelRequest {
    std::string place_id;
    std::string text;
    Point anchor;
    double clearance_mm = 1;  // the symbol's radius
};

struct LabelResult {
    std::vector<Label> placed;
    std::vector<std::string> unplaced;  // texts that found no free position
};

// Tries candidate positions around each anchor (right, left, above, below, then the diagonals)
// and keeps the first that overlaps no placed label, no symbol and stays inside the frame.
LabelResult place_labels(const std::vector<LabelRequest>& requests, const std::vector<PlaceSymbol>& symbols,
                         const Box& frame, const TextMeasure& measure, double size_pt, const Box& reserved = {});

}  // namespace steppeflow::layout
