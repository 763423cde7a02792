#include "figure/batch.hpp"

#include <chrono>
#include <future>
#include <map>
#include <mutex>
#include <tuple>

#include <fmt/format.h>

#include "io/gdal_library.hpp"

namespace steppeflow::figure {

namespace {

// Records what the current exception says (call from a catch block): our errors name their file
// already; anything else is prefixed with the spec's.
void record_failure(BatchFigure& figure) {
    try {
        throw;
    } catch (const Error& e) {
        figure.error = e.what();
        figure.code = e.code();
    } catch (...) {
        const Failure failure = current_failure();
        figure.error = fmt::format("{}: {}", figure.name, failure.message);
        figure.code = failure.code;
    }
}

using DataKey = std::tuple<std::string, std::string, std::string, std::string>;

}  // namespace

FigureOutcome render_single(const config::FigureSpec& spec, const io::DataSource& source, ThreadPool& pool,
                            const layout::ProgressReport& progress) {
    if (progress) progress("reading the data", 0);
    auto projection = std::async(std::launch::async, [&spec] {
        auto made = make_projection(spec);
        // When the data is not all in the read cache, GDAL is being loaded for it by now; its GeoJSON
        // set-up is made here meanwhile. Only time is at stake: a failure shows when the data is read.
        try {
            if (io::gdal_requested()) io::prepare_geojson_reading();
        } catch (...) {  // reported, if it matters, when the data is read
        }
        return made;
    });
    const auto data = load_figure_data(spec, source);
    const FigureRequest request = prepare_request(spec);
    return render_figure(request, *data, projection.get(), progress, pool);
}

std::vector<BatchFigure> render_batch(const std::vector<std::filesystem::path>& specs,
                                      const std::function<void(config::FigureSpec&)>& adjust,
                                      const io::DataSource& source, ThreadPool& pool,
                                      const std::function<void(const BatchFigure&, std::size_t)>& finished) {
    // Every spec and its data first (one read per data set); then the drawing, in parallel.
    std::vector<BatchFigure> figures(specs.size());
    std::vector<config::FigureSpec> read(specs.size());
    std::vector<std::shared_ptr<const FigureData>> data(specs.size());
    std::map<DataKey, std::shared_ptr<const FigureData>> loaded;
    for (std::size_t i = 0; i < specs.size(); ++i) {
        BatchFigure& figure = figures[i];
        figure.name = specs[i].string();
        try {
            config::FigureSpec& spec = read[i];
            spec = config::read_figure_spec(specs[i]);
            if (adjust) adjust(spec);
            // Resolved once here (a style may name it), for the key and for the read.
            spec.layers = layer_list_of(spec);
            std::string flow_tables;
            for (const auto& path : spec.flows) flow_tables += path.string() + '\n';
            const DataKey key{spec.gazetteer.string(), flow_tables, spec.basemap.string(), spec.layers.string()};
            auto& shared = loaded[key];
            if (!shared) shared = load_figure_data(spec, source);
            data[i] = shared;
            if (spec.outputs.empty()) {
                SourceLocation where;
                where.file = figure.name;
                where.field = "output.files";
                where.field_kind = "key";
                throw DataError(where, "the spec names no output file",
                                "add [output] files = [\"output/name.png\"], or give -o");
            }
        } catch (...) {
            record_failure(figure);
        }
    }
    // Two figures writing one file would overwrite each other in whatever order the threads finish.
    std::map<std::filesystem::path, std::string> writers;
    for (std::size_t i = 0; i < specs.size(); ++i) {
        BatchFigure& figure = figures[i];
        if (figure.code != ExitCode::ok) continue;
        auto paths = read[i].outputs;
        if (!read[i].report.empty()) paths.push_back(read[i].report);
        for (const auto& path : paths) {
            const auto [found, fresh] =
                writers.emplace(std::filesystem::absolute(path).lexically_normal(), figure.name);
            if (!fresh && figure.code == ExitCode::ok) {
                figure.error = fmt::format("{}: writes {}, which {} writes too; give each figure its own files",
                                           figure.name, path.string(), found->second);
                figure.code = ExitCode::usage_error;
            }
        }
    }
    std::mutex finished_mutex;
    std::size_t done = 0;
    pool.parallel_for(specs.size(), [&](std::size_t i) {
        BatchFigure& figure = figures[i];
        const auto begin = std::chrono::steady_clock::now();
        if (figure.code == ExitCode::ok) {
            try {
                figure.outcome = render_figure(read[i], *data[i], {}, pool);
            } catch (...) {
                record_failure(figure);
            }
        }
        figure.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count();
        const std::lock_guard lock(finished_mutex);
        ++done;
        if (finished) finished(figure, done);
    });
    return figures;
}

}  // namespace steppeflow::figure
