#pragma once
// Page coordinates: millimetres from the top-left corner of the page, y downwards.

#include <vector>

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

}  // namespace steppeflow::layout
