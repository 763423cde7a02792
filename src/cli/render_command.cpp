#include "cli/render_command.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <future>
#include <map>
#include <mutex>
#include <thread>
#include <tuple>

#include <fmt/format.h>
#include <fmt/ostream.h>

#include "cli/progress.hpp"
#include "cli/warning_digest.hpp"
#include "common/thread_pool.hpp"
#include "figure/figure_runner.hpp"
#include "io/cached_source.hpp"
#include "io/gdal_library.hpp"
#include "io/gdal_source.hpp"

namespace steppeflow::cli {

namespace {

// Registers an option bound to a member of the command-line figure, and an override that copies
// that member onto a spec when the option was given.
// When the option is given, its value replaces the spec's, and messages about it name the option.
template <typename T>
CLI::Option* overriding(CLI::Option* option, RenderCommand& command, T config::FigureSpec::*member) {
    command.overrides.emplace_back([option, member, &command](config::FigureSpec& spec) {
        if (option->count() == 0) return;
        spec.*member = command.figure.*member;
        spec.from_command_line.insert(option->get_name());
    });
    return option;
}

template <typename T>
CLI::Option* bind_option(CLI::App* app, RenderCommand& command, const std::string& name, T config::FigureSpec::*member,
                         const std::string& help) {
    return overriding(app->add_option(name, command.figure.*member, help), command, member);
}

CLI::Option* bind_flag(CLI::App* app, RenderCommand& command, const std::string& name, bool config::FigureSpec::*member,
                       const std::string& help) {
    return overriding(app->add_flag(name, command.figure.*member, help), command, member);
}

void apply_years_mode(RenderCommand& command, config::FigureSpec& spec) {
    if (command.years_mode.empty()) return;
    spec.years_mode = *config::years_mode_from(command.years_mode);
}

struct Job {
    std::string name;  // the spec file, or "command line"
    config::FigureSpec spec;
    std::shared_ptr<const figure::FigureData> data;
    figure::FigureOutcome outcome;
    std::string error;
    int code = 0;
    double seconds = 0;

    // Records what the current exception says (call from a catch block): our errors name their file
    // already; anything else is prefixed with the spec's.
    void fail() {
        try {
            throw;
        } catch (const Error& e) {
            error = e.what();
            code = static_cast<int>(e.code());
        } catch (...) {
            const Failure failure = current_failure();
            error = fmt::format("{}: {}", name, failure.message);
            code = static_cast<int>(failure.code);
        }
    }
};

using DataKey = std::tuple<std::string, std::string, std::string, std::string>;

}  // namespace

void add_render_command(CLI::App& app, RenderCommand& command) {
    CLI::App* render = app.add_subcommand(
        "render",
        "Draw flow maps to SVG, PNG or PDF: the figure specs given (figures/*.toml), or one figure described by "
        "the options (default: the overview map into output/)");
    render->add_option("specs", command.specs, "Figure spec files (TOML); options given as well override theirs")
        ->check(CLI::ExistingFile);
    render->add_option("-j,--jobs", command.jobs, "Figures rendered at once (default: one per core)");
    render->add_flag("-q,--quiet", command.quiet,
                     "Print errors only: no warnings, no progress, no list of the files written");
    render->add_flag("--no-cache", command.no_cache,
                     "Read every data file from its source, not from the read cache ($STEPPEFLOW_CACHE, else "
                     "~/.cache/steppeflow: what GDAL read from each file, found by content)");
    bind_option(render, command, "--gazetteer", &config::FigureSpec::gazetteer,
                "Places: CSV with lon/lat columns, GeoJSON, GeoPackage, XLSX…")
        ->capture_default_str();
    bind_option(render, command, "--flows", &config::FigureSpec::flows, "Flow records (same formats)")
        ->capture_default_str();
    bind_option(render, command, "--basemap", &config::FigureSpec::basemap,
                "Basemap directory: its layers.toml lists the layers (else land, lakes, rivers, borders, countries "
                "GeoJSON by name)")
        ->capture_default_str();
    bind_option(render, command, "--layers", &config::FigureSpec::layers,
                "Layer list (TOML) to draw the basemap from instead of the basemap directory's layers.toml");
    bind_option(render, command, "--style", &config::FigureSpec::style,
                "Style preset in styles/ (colour, grayscale, colourblind) or a .toml file (default: built-in colour)");
    bind_option(render, command, "--projection", &config::FigureSpec::projection,
                "PROJ string or EPSG:n of the map projection")
        ->capture_default_str();
    bind_option(render, command, "--extent", &config::FigureSpec::extent,
                "lon_min,lat_min,lon_max,lat_max in degrees (default: fit the data)");
    bind_option(render, command, "--size", &config::FigureSpec::size,
                "Page: single (84 mm column) or double (174 mm), height to fit the map; a width in mm; or "
                "WIDTHxHEIGHT in mm (default 174x140)");
    bind_option(render, command, "--flow-max-mm", &config::FigureSpec::flow_max_mm,
                "Width of the largest flow in mm (default: the style's)");
    bind_option(render, command, "--dpi", &config::FigureSpec::dpi, "Resolution of PNG output")->capture_default_str();
    bind_option(render, command, "--lang", &config::FigureSpec::lang,
                "Label language: en, ru or kk (English where a name is missing)")
        ->check(CLI::IsMember({"en", "ru", "kk"}))
        ->capture_default_str();
    bind_option(render, command, "--title", &config::FigureSpec::title, "Title above the map");
    bind_option(render, command, "--subtitle", &config::FigureSpec::subtitle,
                "Subtitle (default: what widths and colours mean)");
    bind_option(render, command, "--credits", &config::FigureSpec::credits,
                "Credits line (default: sources, basemap, projection)");
    bind_flag(render, command, "--households-as-people", &config::FigureSpec::households_as_people,
              "Convert household counts to people with the ratio the sources state (detained farms of "
              "Tarbagatai); an assumption, stated on the map");
    bind_option(render, command, "--width-scale", &config::FigureSpec::width_scale,
                "How width follows the count: linear, sqrt or classes")
        ->check(CLI::IsMember({"linear", "sqrt", "classes"}))
        ->capture_default_str();
    bind_option(render, command, "--width-classes", &config::FigureSpec::width_classes,
                "Class upper bounds for --width-scale classes, e.g. 50,200,500 (default: round numbers)");
    bind_option(render, command, "--legend", &config::FigureSpec::legend,
                "Legend beside the map (right), under it (below) or auto")
        ->check(CLI::IsMember({"auto", "right", "below"}))
        ->capture_default_str();
    bind_flag(render, command, "!--no-graticule", &config::FigureSpec::graticule,
              "Leave out the graticule (meridians and parallels)");
    bind_flag(render, command, "!--no-scale-bar", &config::FigureSpec::scale_bar, "Leave out the scale bar");
    bind_flag(render, command, "--north-arrow", &config::FigureSpec::north_arrow, "Draw an arrow to true north");
    bind_flag(render, command, "--inset", &config::FigureSpec::inset, "Draw a locator inset of the wider region");
    bind_option(render, command, "--years", &config::FigureSpec::years, "Only flows of these years, e.g. 1930,1931")
        ->delimiter(',');
    bind_option(render, command, "--from", &config::FigureSpec::from,
                "Only flows dated on or after this (1930, 1930-08, 1930-08-06)");
    bind_option(render, command, "--to", &config::FigureSpec::to, "Only flows dated on or before this");
    bind_option(render, command, "--scope", &config::FigureSpec::scope,
                "Which records: event (single events, default), aggregate (totals by region or period), or both")
        ->delimiter(',');
    bind_option(render, command, "--status", &config::FigureSpec::status,
                "Only these outcomes: crossed, attempted, detained, planned")
        ->delimiter(',');
    bind_option(render, command, "--certainty", &config::FigureSpec::certainty,
                "Only these: documented, estimate, lower_bound, unknown_size")
        ->delimiter(',');
    bind_option(render, command, "--unit", &config::FigureSpec::unit, "Only these units: people, households, families")
        ->delimiter(',');
    bind_option(render, command, "--origin", &config::FigureSpec::origin,
                "Only flows from (or through) these places: ids or names in any language")
        ->delimiter(',');
    bind_option(render, command, "--destination", &config::FigureSpec::destination, "Only flows to these places")
        ->delimiter(',');
    CLI::Option* show = render->add_option("--show", command.years_mode,
                                           "How years are shown: single (one map by unit), overlay (coloured by "
                                           "year), multiples (a panel per year), sequence (a file per year)");
    show->check(CLI::IsMember({"single", "overlay", "multiples", "sequence"}));
    bind_option(render, command, "--periods", &config::FigureSpec::periods,
                "Periods compared, e.g. 1928,1929,1930,1931-1932 (default: each year with flows)")
        ->delimiter(',');
    bind_option(render, command, "--columns", &config::FigureSpec::columns,
                "Small-multiple panels per row (default: best fit)");
    bind_option(render, command, "--report", &config::FigureSpec::report,
                "Also write the layout report (JSON): flows, symbols, labels, legend and quality counts in page mm");
    bind_option(render, command, "-o,--output", &config::FigureSpec::outputs,
                "Output file(s); the extension (.svg, .png, .pdf) picks the format; {n} and {period} for sequences");
}

int run_render(RenderCommand& command, std::ostream& out, std::ostream& err) {
    // GDAL, with the read cache in front of it unless told otherwise.
    const io::CachedSource cached(io::gdal_source(), command.no_cache ? io::ReadCache{} : io::default_read_cache());
    const io::DataSource& source = cached;
    if (command.specs.empty()) {
        config::FigureSpec spec = command.figure;
        apply_years_mode(command, spec);
        ProgressPrinter printer(err, command.progress);
        printer.report("reading the data", 0);
        // The projection is made on another core while the data is read (PROJ opens its database), and
        // the rest of the figure's set-up after. Errors keep their order: the data's, then the figure's.
        auto projection = std::async(std::launch::async, [&spec] {
            auto made = figure::make_projection(spec);
            // When the data is not all in the read cache, GDAL is being loaded for it by now; its GeoJSON
            // set-up is made here meanwhile. Only time is at stake: a failure shows when the data is read.
            try {
                if (io::gdal_requested()) io::prepare_geojson_reading();
            } catch (...) {  // reported, if it matters, when the data is read
            }
            return made;
        });
        const auto data = figure::load_figure_data(spec, source);
        const figure::FigureRequest request = figure::prepare_request(spec);
        ThreadPool pool(command.jobs);
        const auto outcome = figure::render_figure(
            request, *data, projection.get(),
            [&](const std::string& stage, double fraction) { printer.report(stage, fraction); }, pool);
        printer.finish();
        if (command.quiet) return 0;
        std::vector<std::string> said;
        for (const auto& warning : outcome.warnings) {
            if (std::find(said.begin(), said.end(), warning) != said.end()) continue;
            said.push_back(warning);
            fmt::print(err, "steppeflow: warning: {}\n", warning);
        }
        for (const auto& path : outcome.written) fmt::print(out, "wrote {}\n", path.string());
        return 0;
    }

    // Read every spec and its data first (one read per data set); then draw in parallel.
    std::vector<Job> jobs(command.specs.size());
    std::map<DataKey, std::shared_ptr<const figure::FigureData>> loaded;
    for (std::size_t i = 0; i < jobs.size(); ++i) {
        Job& job = jobs[i];
        job.name = command.specs[i].string();
        try {
            job.spec = config::read_figure_spec(command.specs[i]);
            for (const auto& apply : command.overrides) apply(job.spec);
            apply_years_mode(command, job.spec);
            const DataKey key{job.spec.gazetteer.string(), job.spec.flows.string(), job.spec.basemap.string(),
                              job.spec.layers.string()};
            auto& data = loaded[key];
            if (!data) data = figure::load_figure_data(job.spec, source);
            job.data = data;
            if (job.spec.outputs.empty()) {
                SourceLocation where;
                where.file = job.name;
                where.field = "output.files";
                where.field_kind = "key";
                throw DataError(where, "the spec names no output file",
                                "add [output] files = [\"output/name.png\"], or give -o");
            }
        } catch (...) {
            job.fail();
        }
    }
    // Two figures writing one file would overwrite each other in whatever order the threads finish.
    std::map<std::filesystem::path, std::string> writers;
    for (auto& job : jobs) {
        if (job.code != 0) continue;
        auto paths = job.spec.outputs;
        if (!job.spec.report.empty()) paths.push_back(job.spec.report);
        for (const auto& path : paths) {
            const auto [found, fresh] = writers.emplace(std::filesystem::absolute(path).lexically_normal(), job.name);
            if (!fresh && job.code == 0) {
                job.error = fmt::format("{}: writes {}, which {} writes too; give each figure its own files", job.name,
                                        path.string(), found->second);
                job.code = static_cast<int>(ExitCode::usage_error);
            }
        }
    }

    // One pool for the run: the figures, and the bands of each PNG, share its -j threads.
    ThreadPool pool(command.jobs);
    const auto workers = static_cast<unsigned>(std::min<std::size_t>(pool.size(), jobs.size()));
    std::mutex progress_mutex;
    std::size_t finished = 0;
    const auto started = std::chrono::steady_clock::now();
    pool.parallel_for(jobs.size(), [&](std::size_t i) {
        Job& job = jobs[i];
        const auto begin = std::chrono::steady_clock::now();
        if (job.code == 0) {
            try {
                job.outcome = figure::render_figure(job.spec, *job.data, {}, pool);
            } catch (...) {
                job.fail();
            }
        }
        job.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count();
        const std::lock_guard lock(progress_mutex);
        ++finished;
        if (command.progress) {
            fmt::print(err, "\r\033[K[{}/{}] {} {}", finished, jobs.size(), job.code == 0 ? "done" : "FAILED",
                       job.name);
            err.flush();
        }
    });
    if (command.progress) fmt::print(err, "\r\033[K");

    // Reported in the order given, whatever order the threads finished in.
    // The same warning from several figures (the data's, or places too close at most scales) is said
    // once, naming the figures.
    WarningDigest digest;
    for (const auto& job : jobs) {
        for (const auto& warning : job.outcome.warnings) digest.add(job.name, warning);
    }
    if (!command.quiet) {
        for (const auto& line : digest.lines(jobs.size())) fmt::print(err, "steppeflow: warning: {}\n", line);
    }
    int code = 0;
    std::size_t files = 0;
    std::size_t failed = 0;
    for (const auto& job : jobs) {
        if (job.code != 0) {
            fmt::print(err, "steppeflow: error: {}\n", job.error);
            if (code == 0) code = job.code;
            ++failed;
            continue;
        }
        if (command.quiet) continue;
        fmt::print(out, "{} ({:.2f} s):\n", job.name, job.seconds);
        for (const auto& path : job.outcome.written) fmt::print(out, "  wrote {}\n", path.string());
        files += job.outcome.written.size();
    }
    const double total = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (command.quiet) return code;
    fmt::print(out, "{} of {} figures rendered ({} files) in {:.2f} s with {} thread(s){}\n", jobs.size() - failed,
               jobs.size(), files, total, workers, failed > 0 ? fmt::format("; {} failed", failed) : "");
    return code;
}

}  // namespace steppeflow::cli
