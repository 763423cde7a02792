#pragma once

#include <optional>
#include <string>
#include <vector>

#include "layout/figure_options.hpp"
#include "layout/scene.hpp"
#include "layout/spatial_grid.hpp"

namespace steppeflow::layout {

struct LabelRequest {
    std::string place_id;
    std::string text;
    Point anchor;
    double clearance_mm = 1;  // the symbol's radius
    Label::Kind kind = Label::Kind::place;
    double size_pt = 6.5;
    // Area and frame labels: centres to choose from, best first, instead of positions around the anchor.
    std::vector<Point> centres;
    std::string layer;  // feature labels: their label layer
    // A basemap town: the dot its name is set beside, drawn only when the name is placed and the dot
    // itself is clear of symbols, labels and flows.
    std::optional<Point> dot;
};

struct LabelResult {
    std::vector<Label> placed;
    std::vector<std::string> unplaced;  // texts that found no free position
    // Basemap names (rivers, lakes, units) with no free position: left out, as a map at this scale
    // leaves out names it has no room for; not a defect of the data's labels.
    std::vector<std::string> names_left_out;
};

// Tries candidate positions around each anchor (right, left, above, below, then the diagonals) and
// takes the first that overlaps no placed label, no symbol and no reserved box and stays inside the
// frame, preferring one that crosses no flow; a label with no free position is reported.
// Whether a label's box lies nearer (edge to edge, by more than 0.2 mm) another symbol than its own,
// so that a reader would take it for the other's name. `grid` files `symbols` by their boxes;
// `widest_radius_mm` is the largest symbol's radius.
[[nodiscard]] bool nearer_another_symbol(const Box& box, const PlaceSymbol& own,
                                         const std::vector<PlaceSymbol>& symbols, const SpatialGrid& grid,
                                         double widest_radius_mm);

LabelResult place_labels(const std::vector<LabelRequest>& requests, const std::vector<PlaceSymbol>& symbols,
                         const Box& frame, const TextMeasure& measure, const std::vector<Box>& reserved,
                         const std::vector<FlowShape>& flows);

// How many flows a box touches (their drawn width counted).
class FlowOccupancy {
public:
    FlowOccupancy(const std::vector<FlowShape>& flows, const Box& bounds);
    [[nodiscard]] int flows_touching(const Box& box) const;

private:
    struct Segment {
        Point a;
        Point b;
        double half_width;
        std::size_t flow;
    };
    std::vector<Segment> segments_;
    SpatialGrid grid_;  // segment indices
};

}  // namespace steppeflow::layout
