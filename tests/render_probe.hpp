#pragma once
// Renders the default figure with a chosen layer list and style, and reads back what it drew: the
// layout report, the PNG's colour at a lon/lat point (through the report's georeference) and the
// PDF's text (the credits). For tests of basemap layers.

#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "model/place.hpp"

namespace steppeflow::test {

struct Rendered {
    nlohmann::json report;
    std::filesystem::path png;
    std::string credits_text;  // the PDF's text layer, on one line
};

// The default data drawn at 100 dpi into `dir` with `layers` (empty: the shipped list) and, when not
// empty, a style file of this text; `years` (empty: all) and `extent` ("lon,lat,lon,lat"; empty:
// fit the data) choose the figure.
Rendered render_with(const std::filesystem::path& dir, const std::filesystem::path& layers, const std::string& style,
                     const std::vector<int>& years = {}, const std::string& extent = {});

// The report's entry for the layer of this name, or nullptr.
const nlohmann::json* layer_in(const nlohmann::json& report, const std::string& name);

// The PNG's colour (0xrrggbb) where a lon/lat point lies.
unsigned colour_at(const Rendered& rendered, model::LonLat where, double dpi);

}  // namespace steppeflow::test
