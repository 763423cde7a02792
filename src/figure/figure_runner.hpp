#pragma once
// Draws one figure: its flows selected (flow_selection), the years compared as the request asks
// (one map, an overlay, small multiples or a sequence of frames), every output written atomically.

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "common/thread_pool.hpp"
#include "config/figure_spec.hpp"
#include "figure/figure_request.hpp"
#include "figure/flow_selection.hpp"
#include "geo/projection.hpp"
#include "io/data_source.hpp"
#include "io/gdal_source.hpp"
#include "layout/figure_options.hpp"
#include "model/flow.hpp"
#include "model/gazetteer.hpp"
#include "model/geometry.hpp"

namespace steppeflow::figure {

// The data a figure is drawn from, read and validated once and shared by the figures of a batch.
struct FigureData {
    model::Gazetteer gazetteer;
    std::vector<model::Flow> flows;
    model::Basemap basemap;
    std::vector<std::string> warnings;  // from reading
    // The box of the data's places when they lie beyond the shipped region and the spec chose no
    // basemap: the world layers were taken instead, and the default projection is centred on it.
    std::optional<model::LonLatBounds> beyond_region;
};

// Reads and validates the spec's gazetteer, flows and basemap; DataError for a flow that fails validation.
// Files are read from `source`: GDAL, or the read cache in front of it (io/cached_source.hpp).
std::shared_ptr<const FigureData> load_figure_data(const config::FigureSpec& spec,
                                                   const io::DataSource& source = io::gdal_source());

// The options a figure is laid out with: the request's, with the subtitle saying what the selection
// assumed or lacks (households converted, years without a record) and, unless the request gives
// them, the credits made from the data's source and the basemap's layers. What render_figure lays
// out; tests and benchmarks take the same.
layout::FigureOptions figure_options(const FigureRequest& request, const FlowSelection& selection,
                                     const model::Basemap& basemap);

// The layer list a figure's basemap is drawn from: the spec's (or the command line's), else the one
// its style names; empty: the basemap directory's own (figure/basemap_loader.hpp).
std::filesystem::path layer_list_of(const config::FigureSpec& spec);

// The request checked (make_request), and the style's font found installed: IoError naming the style's
// line when it is not. Opens this thread's fonts, which the layout measures text with next.
FigureRequest prepare_request(const config::FigureSpec& spec);

// The spec's map projection; UsageError naming the option or the spec's key when PROJ refuses it.
geo::Projection make_projection(const config::FigureSpec& spec);

struct FigureOutcome {
    std::vector<std::filesystem::path> written;
    std::vector<std::string> warnings;
};

// The output paths of a sequence: `{n}` (01, 02, …) and `{period}` in a pattern are replaced; a
// pattern with neither gets "_{n}_{period}" before its extension.
std::filesystem::path sequence_path(const std::filesystem::path& pattern, std::size_t index, const std::string& period);

// Draws the figure and writes its files (default: output/overview.{png,svg,pdf}); raster pages are
// painted and compressed on `pool`.
FigureOutcome render_figure(const FigureRequest& request, const FigureData& data, const geo::Projection& projection,
                            const layout::ProgressReport& progress = {}, ThreadPool& pool = serial_pool());
// The same from a spec: the request and the projection made here (the projection on another core).
FigureOutcome render_figure(const config::FigureSpec& spec, const FigureData& data,
                            const layout::ProgressReport& progress = {}, ThreadPool& pool = serial_pool());

}  // namespace steppeflow::figure
