#include "cli/render_command.hpp"

#include <algorithm>
#include <chrono>

#include <fmt/format.h>
#include <fmt/ostream.h>

#include "cli/progress.hpp"
#include "cli/warning_digest.hpp"
#include "common/thread_pool.hpp"
#include "figure/batch.hpp"
#include "io/cached_source.hpp"
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

}  // namespace

void add_render_command(CLI::App& app, RenderCommand& command) {
    CLI::App* render =
        app.add_subcommand("render",
                           "Draw flow maps to SVG, PNG or PDF (the drawn flows also to GeoJSON or GeoPackage): the "
                           "figure specs given (figures/*.toml), or one figure described by "
                           "the options (default: the overview map into output/)");
    // A spec that cannot be read is an I/O error of that spec (exit 3, as a missing data file is),
    // reported by the batch with the others, not a usage error of the command line.
    render->add_option("specs", command.specs, "Figure spec files (TOML); options given as well override theirs");
    render
        ->add_option("-j,--jobs", command.jobs,
                     "Threads for the run, shared by the figures and the bands of each PNG (default: one per core)")
        ->check(CLI::Range(0U, 256U));
    render->add_flag("-q,--quiet", command.quiet,
                     "Print errors only: no warnings, no progress, no list of the files written");
    render->add_flag("--no-cache", command.no_cache,
                     "Read every data file from its source, not from the read cache ($STEPPEFLOW_CACHE, else "
                     "~/.cache/steppeflow: what GDAL read from each file, found by content)");
    bind_option(render, command, "--gazetteer", &config::FigureSpec::gazetteer,
                "Places: CSV with lon/lat columns, GeoJSON, GeoPackage, XLSX…")
        ->capture_default_str();
    // One table per occurrence (--flows a.csv --flows b.csv): a bare path after it is a spec, not a table.
    bind_option(render, command, "--flows", &config::FigureSpec::flows,
                "Flow records (same formats); repeat for several tables of the same schema")
        ->allow_extra_args(false)
        ->capture_default_str();
    bind_option(render, command, "--basemap", &config::FigureSpec::basemap,
                "Basemap directory: its layers.toml lists the layers (else land, lakes, rivers, borders, countries "
                "GeoJSON by name)")
        ->capture_default_str();
    bind_option(render, command, "--layers", &config::FigureSpec::layers,
                "Layer list (TOML) to draw the basemap from instead of the basemap directory's layers.toml");
    bind_option(
        render, command, "--style", &config::FigureSpec::style,
        "Style preset in styles/ (colour, grayscale, colourblind, slide) or a .toml file (default: built-in colour)");
    bind_option(render, command, "--projection", &config::FigureSpec::projection,
                "PROJ string or EPSG:n of the map projection")
        ->capture_default_str();
    bind_option(render, command, "--extent", &config::FigureSpec::extent,
                "lon_min,lat_min,lon_max,lat_max in degrees (default: fit the data)");
    bind_option(render, command, "--size", &config::FigureSpec::size,
                "Page: single (84 mm column) or double (174 mm), height to fit the map; a width in mm; "
                "WIDTHxHEIGHT in mm; or WIDTHxHEIGHTpx, the PNG's pixels at --dpi, for slides (with --style slide)");
    bind_option(render, command, "--flow-max-mm", &config::FigureSpec::flow_max_mm,
                "Width of the largest flow in mm (default: the style's)");
    bind_option(render, command, "--dpi", &config::FigureSpec::dpi, "Resolution of PNG output")->capture_default_str();
    bind_option(render, command, "--lang", &config::FigureSpec::lang,
                "Map language: en, ru, kk, a code with a locale file locale/<code>.toml, or a locale file's "
                "path; names fall back as the locale says, then to English")
        ->capture_default_str();
    bind_option(render, command, "--title", &config::FigureSpec::title, "Title above the map");
    bind_option(render, command, "--svg-text", &config::FigureSpec::svg_text,
                "SVG texts: text (editable <text> in named layer groups; default) or outlines (glyph outlines, the "
                "exact look)")
        ->check(CLI::IsMember({"text", "outlines"}));
    bind_flag(render, command, "--flatten", &config::FigureSpec::flatten,
              "PDF without transparency, as some journals ask: halos and casings opaque, washes (a rough place's "
              "faint disc, shaded relief) left out ([output] flatten = true)");
    bind_option(render, command, "--author", &config::FigureSpec::author,
                "The document's author, kept in a PDF's metadata (drawn nowhere)");
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
    bind_flag(render, command, "--livestock", &config::FigureSpec::livestock,
              "Say beside each flow the livestock driven along, where its source states it");
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
                "Only these outcomes: crossed, attempted, detained, planned, died, returned, not_returned")
        ->delimiter(',');
    bind_option(render, command, "--certainty", &config::FigureSpec::certainty,
                "Only these: documented, estimate, lower_bound, unknown_size")
        ->delimiter(',');
    bind_option(render, command, "--unit", &config::FigureSpec::unit, "Only these units: people, households, families")
        ->delimiter(',');
    bind_option(render, command, "--origin", &config::FigureSpec::origin,
                "Only flows from (or through) these places: ids or names in any language")
        ->delimiter(',');
    bind_option(render, command, "--ids", &config::FigureSpec::ids, "Only these records, by flow id: F006,F008")
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
    std::string kinds;
    for (const auto& [extension, description] : figure::output_kinds())
        kinds += fmt::format("{}{} {}", kinds.empty() ? "" : ", ", extension, description);
    bind_option(
        render, command, "-o,--output", &config::FigureSpec::outputs,
        fmt::format("Output file(s); the extension picks the writer ({}); {{n}} and {{period}} for sequences", kinds));
}

int run_render(RenderCommand& command, std::ostream& out, std::ostream& err) {
    // GDAL, with the read cache in front of it unless told otherwise; one pool of -j threads.
    const io::CachedSource source(io::gdal_source(), command.no_cache ? io::ReadCache{} : io::default_read_cache());
    ThreadPool pool(command.jobs);
    if (command.specs.empty()) {
        config::FigureSpec spec = command.figure;
        apply_years_mode(command, spec);
        ProgressPrinter printer(err, command.progress);
        const auto outcome = figure::render_single(
            spec, source, pool, [&](const std::string& stage, double fraction) { printer.report(stage, fraction); });
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

    const auto started = std::chrono::steady_clock::now();
    const auto adjust = [&](config::FigureSpec& spec) {
        for (const auto& apply : command.overrides) apply(spec);
        apply_years_mode(command, spec);
    };
    const auto finished = [&](const figure::BatchFigure& figure, std::size_t done) {
        if (!command.progress) return;
        fmt::print(err, "\r\033[K[{}/{}] {} {}", done, command.specs.size(),
                   figure.code == ExitCode::ok ? "done" : "FAILED", figure.name);
        err.flush();
    };
    const auto figures = figure::render_batch(command.specs, adjust, source, pool, finished);
    if (command.progress) fmt::print(err, "\r\033[K");

    // Reported in the order given, whatever order the threads finished in. The same warning from
    // several figures (the data's, or places too close at most scales) is said once, naming them.
    WarningDigest digest;
    for (const auto& figure : figures) {
        for (const auto& warning : figure.outcome.warnings) digest.add(figure.name, warning);
    }
    if (!command.quiet) {
        for (const auto& line : digest.lines(figures.size())) fmt::print(err, "steppeflow: warning: {}\n", line);
    }
    int code = 0;
    std::size_t files = 0;
    std::size_t failed = 0;
    for (const auto& figure : figures) {
        if (figure.code != ExitCode::ok) {
            fmt::print(err, "steppeflow: error: {}\n", figure.error);
            if (code == 0) code = static_cast<int>(figure.code);
            ++failed;
            continue;
        }
        if (command.quiet) continue;
        fmt::print(out, "{} ({:.2f} s):\n", figure.name, figure.seconds);
        for (const auto& path : figure.outcome.written) fmt::print(out, "  wrote {}\n", path.string());
        files += figure.outcome.written.size();
    }
    if (command.quiet) return code;
    const double total = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    const auto threads = std::min<std::size_t>(pool.size(), figures.size());
    fmt::print(out, "{} of {} figures rendered ({} files) in {:.2f} s with {} thread(s){}\n", figures.size() - failed,
               figures.size(), files, total, threads, failed > 0 ? fmt::format("; {} failed", failed) : "");
    return code;
}

}  // namespace steppeflow::cli
