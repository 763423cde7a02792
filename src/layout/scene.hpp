#pragma once
// Everything that will be drawn, laid out in page coordinates: millimetres from the top-left
// corner of the page, y downwards. Rendering only paints a Scene; tests and reports read it.

#include <optional>
#include <string>
#include <vector>

#include "model/flow.hpp"
#include "model/place.hpp"

namespace steppeflow::layout {

struct Point {
    double x = 0;
    double y = 0;
    friend bool operator==(const Point&, const Point&) = default;
};

struct Box {
    double x = 0;
    double y = 0;
    double width = 0;
    double height = 0;
    [[nodiscard]] bool overlaps(const Box& other) const {
        return x < other.x + other.width && other.x < x + width && y < other.y + other.height && other.y < y + height;
    }
};

using PagePath = std::vector<Point>;

struct BasemapLayer {
    std::vector<std::vector<PagePath>> polygons;  // each polygon: rings
    std::vector<PagePath> lines;
    std::vector<double> line_ranks;  // one per line
};

struct PlaceSymbol {
    std::string place_id;
    model::PlaceKind kind = model::PlaceKind::district;
    Point centre;
    double radius_mm = 1;
};

struct FlowShape {
    std::string flow_id;
    PagePath centre_line;  // from the origin symbol's edge to the arrowhead's tip
    double width_mm = 0.3;
    double arrow_length_mm = 0;
    double arrow_width_mm = 0;
    std::optional<model::Unit> unit;  // empty for a movement of unknown size and unit
    model::Status status = model::Status::crossed;
    model::Certainty certainty = model::Certainty::documented;
};

struct Label {
    std::string text;
    std::string place_id;
    Box box;  // the text's ink box on the page
    double font_size_pt = 7;
};

struct TextBlock {
    std::string text;
    Point origin;  // top-left of the block
    double font_size_pt = 10;
    bool bold = false;
    double wrap_width_mm = 0;  // 0: one line
};

// One row of the legend: a sample drawn exactly as the map draws it, and its text.
struct LegendRow {
    enum class Sample { none, flow, symbol } sample = Sample::none;
    FlowShape flow;      // for Sample::flow: a short straight flow in page coordinates
    PlaceSymbol symbol;  // for Sample::symbol
    std::string text;
    Point text_origin;
    double font_size_pt = 6.5;
    bool heading = false;
};

struct Legend {
    Box box;  // background box on the page; empty when there is no legend
    std::vector<LegendRow> rows;
};

struct Scene {
    double page_width_mm = 174;
    double page_height_mm = 130;
    Box map_frame;
    BasemapLayer land;
    BasemapLayer lakes;
    BasemapLayer rivers;
    BasemapLayer borders;
    std::vector<FlowShape> flows;  // in drawing order: larger beneath smaller
    std::vector<PlaceSymbol> places;
    std::vector<Label> labels;
    std::vector<TextBlock> texts;  // title, subtitle, credits
    Legend legend;
};

}  // namespace steppeflow::layout
