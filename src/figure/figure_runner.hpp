#pragma once
// Renders one figure spec: filters the flows, compares the years as the spec asks (one map, an
// overlay, small multiples or a sequence of frames) and writes every output atomically.

#include <filesystem>
#include <future>
#include <memory>
#include <string>
#include <vector>

#include "config/figure_spec.hpp"
#include "geo/projection.hpp"
#include "io/read_cache.hpp"
#include "layout/figure_options.hpp"
#include "model/flow.hpp"
#include "model/gazetteer.hpp"
#include "model/geometry.hpp"

namespace steppeflow::cli {

// The data a figure is drawn from, read and validated once and shared by the figures of a batch.
struct FigureData {
    model::Gazetteer gazetteer;
    std::vector<model::Flow> flows;
    model::Basemap basemap;
    std::vector<std::string> warnings;  // from reading
};

// Reads and validates the spec's gazetteer, flows and basemap; DataError for a flow that fails validation.
// Files already read through GDAL come from `cache` when it has them (io/read_cache.hpp).
std::shared_ptr<const FigureData> load_figure_data(const config::FigureSpec& spec,
                                                   const io::ReadCache& cache = io::ReadCache{});

// The spec's look and page as layout options (style file read here). UsageError or DataError for
// malformed values, naming the option (command line) or the spec's file and key.
layout::FigureOptions figure_options_from(const config::FigureSpec& spec);

struct FigureOutcome {
    std::vector<std::filesystem::path> written;
    std::vector<std::string> warnings;
};

// The output paths of a sequence: `{n}` (01, 02, …) and `{period}` in a pattern are replaced; a
// pattern with neither gets "_{n}_{period}" before its extension.
std::filesystem::path sequence_path(const std::filesystem::path& pattern, std::size_t index, const std::string& period);

// What a figure needs besides its data: the options (style file read), the output paths, the font
// checked and the map projection made. None of it depends on the data, so it can be made on another
// core while the data is read. Throws as render_figure would, in the same order.
struct FigureSetup {
    layout::FigureOptions options;
    std::vector<std::filesystem::path> outputs;
    geo::Projection projection;
};
FigureSetup prepare_figure(const config::FigureSpec& spec);
// The same, with the projection being made elsewhere (by make_projection, e.g. while the data is read).
FigureSetup prepare_figure(const config::FigureSpec& spec, std::future<geo::Projection> projection);
// The spec's map projection; UsageError naming the option or the spec's key when PROJ refuses it.
geo::Projection make_projection(const config::FigureSpec& spec);

// Draws the figure and writes its files (default: output/overview.{png,svg,pdf}).
FigureOutcome render_figure(const config::FigureSpec& spec, const FigureData& data, FigureSetup setup,
                            const layout::ProgressReport& progress = {});
FigureOutcome render_figure(const config::FigureSpec& spec, const FigureData& data,
                            const layout::ProgressReport& progress = {});

}  // namespace steppeflow::cli
