#pragma once
// A figure as it will be drawn: a spec and the command line merged, every value checked once and
// held typed. Everything later (selecting flows, laying out, writing) reads the request, never the
// strings it came from; a malformed value is refused here, naming the option or the spec's key.

#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "config/figure_spec.hpp"
#include "layout/figure_options.hpp"
#include "model/flow_filter.hpp"

namespace steppeflow::figure {

// The detail panel ([detail]): its extent, its flows (the figure's filter with the detail's scope)
// and the two panels' headings.
struct DetailRequest {
    layout::LonLatBox extent;
    model::FlowFilter filter;
    std::string title;
    std::string overview_title;
    layout::FigureOptions::LegendPlace legend = layout::FigureOptions::LegendPlace::right;
};

struct FigureRequest {
    config::FigureSpec spec;             // as written: data paths, place names, where values came from
    std::string name;                    // the spec file, or "the command line", for messages
    layout::FigureOptions options;       // page, look, text and furniture, the style file read
    model::FlowFilter filter;            // without places: those are resolved against the gazetteer
    std::vector<model::Period> periods;  // compared periods as given; empty: each year with flows
    config::YearsMode years_mode = config::YearsMode::single;
    std::vector<std::filesystem::path> outputs;     // at least one; each with a writer for its extension
    std::filesystem::path report;                   // the layout report; empty: none
    std::vector<std::filesystem::path> animations;  // .gif/.mp4 of a sequence's frames (ffmpeg), not in outputs
    double dpi = 300;
    bool svg_outlines = false;  // SVG texts as glyph outlines, not editable <text>
    bool flatten = false;       // PDF without transparency
    int columns = 0;
    bool households_as_people = false;
    bool default_title = true;      // no title given: made from the data (its years)
    bool default_subtitle = true;   // no subtitle given: what widths mean, after what the data is
    bool default_credits = true;    // no credits given: made from the data's sources and the basemap's layers
    std::string projection_credit;  // what the credits say of the projection; empty: made from spec.projection
    std::optional<DetailRequest> detail;
    std::vector<std::string> warnings;  // texts not in the map's language
};

// Checks every value of the spec (as the command line has overridden it) and types it; the style
// file is read. UsageError or DataError naming the option, or the spec's file and key.
[[nodiscard]] FigureRequest make_request(const config::FigureSpec& spec);

// The kinds of file a figure can be written to (its writers): extension and what it is, for help.
[[nodiscard]] std::vector<std::pair<std::string, std::string>> output_kinds();

// Where a value came from, for messages: the spec's file and key, or the command-line option.
[[nodiscard]] std::string origin_of(const config::FigureSpec& spec, const std::string& key, const std::string& option);

}  // namespace steppeflow::figure
