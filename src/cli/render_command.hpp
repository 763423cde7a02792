#pragma once

#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "layout/figure_options.hpp"

namespace steppeflow::cli {

struct RenderSettings {
    std::filesystem::path gazetteer = "geodata/gazetteer.csv";
    std::filesystem::path flows = "geodata/flows.csv";
    std::filesystem::path basemap = "geodata/basemap";
    std::string projection = geo::kDefaultProjection;
    std::string extent;  // "lon_min,lat_min,lon_max,lat_max"
    std::string size;    // "WIDTHxHEIGHT" in mm
    double dpi = 300;
    std::string lang = "en";
    std::string title = "Flight of Kazakh households across the border, 1928–1933";
    bool households_as_people = false;
    std::string width_scale = "linear";  // linear | sqrt | classes
    std::string width_classes;           // "50,200,500": class upper bounds for --width-scale classes
    std::string legend = "auto";         // auto | right | below
    bool graticule = true;
    bool scale_bar = true;
    bool north_arrow = false;
    bool inset = false;
    std::filesystem::path report;                // layout report (JSON); empty: none
    std::vector<std::filesystem::path> outputs;  // default: output/overview.{png,svg,pdf}
};

void add_render_command(CLI::App& app, RenderSettings& settings);

// Turns the settings into figure options; UsageError for malformed --size/--extent/--lang.
layout::FigureOptions figure_options_from(const RenderSettings& settings);

// Reads the data, lays out and writes every output. Warnings go to `err`, written files to `out`.
void run_render(const RenderSettings& settings, std::ostream& out, std::ostream& err);

}  // namespace steppeflow::cli
