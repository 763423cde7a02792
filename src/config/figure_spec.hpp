#pragma once
// One figure, as a TOML spec file or the command line describes it: data, look, filters, how years
// are compared, and the files to write. Values are as the user wrote them; figure::make_request
// turns them into layout options.

#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "common/data_paths.hpp"
#include "common/error.hpp"
#include "geo/default_projection.hpp"

namespace steppeflow::config {

// How a figure shows the years: all flows on one map coloured by unit (single), one map coloured by
// period (overlay), one panel per period (multiples), or one file per period (sequence).
enum class YearsMode { single, overlay, multiples, sequence };

// [detail]: part of the map again at a larger scale, as a second panel below it, with its own width
// key: a whole flight and its documented events on one page.
struct DetailSpec {
    std::string extent;                          // "lon_min,lat_min,lon_max,lat_max", required
    std::string title;                           // the detail panel's heading
    std::string overview_title;                  // the main panel's heading
    std::vector<std::string> scope = {"event"};  // replaces [filter] scope for the detail
    std::vector<std::string> ids;                // replaces [filter] ids (empty: every record of the scope)
    std::string legend = "right";                // auto | right | below
    SourceLocation where;                        // the table, for messages about it
};

struct FigureSpec {
    std::string source;                       // the spec file, empty for the command line
    std::set<std::string> from_command_line;  // options ("--extent") that replaced the spec's values
    // [data]
    // Defaults: the shipped data, from the working directory or the installed tree (common/data_paths).
    std::filesystem::path gazetteer = own_data("geodata/gazetteer.csv");
    // One or more flow tables of the same schema, drawn together (ids must differ across them).
    std::vector<std::filesystem::path> flows = {own_data("geodata/flows.csv")};
    std::filesystem::path basemap = own_data("geodata/basemap");
    std::filesystem::path layers;  // the basemap's layer list; empty: basemap/layers.toml (config/layer_list.hpp)
    // [figure]
    // default: made from the data (the study's title for the shipped flows; "Recorded movements, 1916"
    // for other data), never another dataset's
    std::optional<std::string> title;
    std::optional<std::string> subtitle;     // default: says what the widths and colours mean
    std::optional<std::string> credits;      // default: sources, basemap and projection
    std::optional<std::string> data_credit;  // the default credits' first sentence: the works the data cite
    std::string author;                      // the document's author (PDF metadata); drawn nowhere
    std::string style;                       // preset name in styles/ or a .toml path; empty: built-in colour
    std::string size;                        // "single", "double" or "WIDTHxHEIGHT" in mm; empty: double
    std::optional<double> flow_max_mm;       // width of the largest flow; default: the style's (narrow pages want less)
    double dpi = 300;
    std::string lang = "en";  // a language code with a locale (config/locale_reader.hpp) or a locale file
    // The language the spec's title, subtitle and credits are written in: the spec's own `language`.
    std::string texts_language = "en";
    // The texts in other languages: "title_ru", "subtitle_kk", "credits_ky" → text.
    std::map<std::string, std::string> localized;
    std::string projection = geo::kDefaultProjection;
    std::string extent;                  // "lon_min,lat_min,lon_max,lat_max"; empty: fit the data
    std::string width_scale = "linear";  // linear | sqrt | classes
    std::string width_classes;           // "50,200,500": class upper bounds for classes
    bool households_as_people = false;
    // [map]
    std::string legend = "auto";  // auto | right | below
    bool graticule = true;
    bool scale_bar = true;
    bool north_arrow = false;
    bool livestock = false;  // annotate flows with the livestock driven along, where the source states it
    bool inset = false;
    // [filter]
    std::vector<int> years;
    std::string from;  // "1930", "1930-08" or "1930-08-06"
    std::string to;
    std::vector<std::string> scope;  // event, aggregate; empty: events only
    std::vector<std::string> status;
    std::vector<std::string> certainty;
    std::vector<std::string> unit;
    std::vector<std::string> origin;       // place ids or names (any language or spelling)
    std::vector<std::string> destination;  // place ids or names
    std::vector<std::string> ids;          // flow ids: a figure of chosen records
    SourceLocation ids_where;
    SourceLocation origin_where;  // where the spec gave them, for unknown names
    SourceLocation destination_where;
    // [years]
    YearsMode years_mode = YearsMode::single;
    std::vector<std::string> periods;  // "1930", "1931-1932"; empty: each year the flows have
    int columns = 0;                   // small multiples per row; 0: chosen from the page
    // [detail]
    std::optional<DetailSpec> detail;
    // [output]
    std::vector<std::filesystem::path> outputs;  // .svg/.png/.pdf/.json; for sequences a {period} or {n} pattern
    SourceLocation outputs_where;                // where the spec names them (its extension is checked later)
    std::filesystem::path report;                // layout report (JSON); empty: none
    std::string svg_text = "text";               // SVG texts: "text" (editable <text>) or "outlines" (exact)
    bool flatten = false;                        // PDF without transparency (journals that ask it)
};

[[nodiscard]] std::optional<YearsMode> years_mode_from(std::string_view text);

// The bounds a spec and the command line are held to alike (the spec reader checks a spec's at its
// key, figure::make_request the command line's).
inline constexpr int kEarliestYear = 1000;
inline constexpr int kLatestYear = 3000;
inline constexpr int kMostColumns = 12;  // small-multiple panels per row (0: chosen from the page)

// Reads a figure spec. Unknown keys, wrong types and malformed values are DataErrors naming the file,
// line, column and key; relative paths are kept as written (relative to the working directory).
FigureSpec read_figure_spec(const std::filesystem::path& path);

}  // namespace steppeflow::config
