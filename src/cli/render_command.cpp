#include "cli/render_command.hpp"

#include <charconv>

#include <fmt/format.h>
#include <fmt/ostream.h>

#include "geo/projection.hpp"
#include "io/basemap_reader.hpp"
#include "io/field_parsers.hpp"
#include "io/flow_reader.hpp"
#include "io/gazetteer_reader.hpp"
#include "layout/layout_report.hpp"
#include "layout/scene_builder.hpp"
#include "model/gazetteer.hpp"
#include "model/household_ratio.hpp"
#include "model/validation.hpp"
#include "render/output.hpp"
#include "render/text.hpp"

namespace steppeflow::cli {

namespace {

double parse_double(const std::string& text, const std::string& option) {
    double value = 0;
    const std::string trimmed = io::trim(text);
    const auto [end, error] = std::from_chars(trimmed.data(), trimmed.data() + trimmed.size(), value);
    if (error != std::errc{} || end != trimmed.data() + trimmed.size() || trimmed.empty()) {
        throw UsageError(fmt::format("{}: '{}' is not a number", option, text));
    }
    return value;
}

std::optional<layout::LonLatBox> parse_extent(const std::string& text) {
    if (text.empty()) return std::nullopt;
    const auto parts = io::split_list(text, ',');
    if (parts.size() != 4) {
        throw UsageError(fmt::format("--extent: expected lon_min,lat_min,lon_max,lat_max, found '{}'", text));
    }
    const layout::LonLatBox box{parse_double(parts[0], "--extent"), parse_double(parts[1], "--extent"),
                                parse_double(parts[2], "--extent"), parse_double(parts[3], "--extent")};
    if (box.lon_min >= box.lon_max || box.lat_min >= box.lat_max || box.lon_min < -180 || box.lon_max > 180 ||
        box.lat_min < -90 || box.lat_max > 90) {
        throw UsageError(
            fmt::format("--extent: '{}' is not a box with lon_min < lon_max and lat_min < lat_max in degrees", text));
    }
    return box;
}

model::Language parse_language(const std::string& text) {
    if (text == "en") return model::Language::en;
    if (text == "ru") return model::Language::ru;
    if (text == "kk") return model::Language::kk;
    throw UsageError(fmt::format("--lang: '{}' is not one of en, ru, kk", text));
}

}  // namespace

void add_render_command(CLI::App& app, RenderSettings& settings) {
    CLI::App* render =
        app.add_subcommand("render", "Draw a flow map to SVG, PNG or PDF (default: the overview map into output/)");
    render
        ->add_option("--gazetteer", settings.gazetteer, "Places: CSV with lon/lat columns, GeoJSON, GeoPackage, XLSX…")
        ->capture_default_str();
    render->add_option("--flows", settings.flows, "Flow records (same formats)")->capture_default_str();
    render->add_option("--basemap", settings.basemap, "Directory with land, lakes, rivers, borders GeoJSON")
        ->capture_default_str();
    render->add_option("--projection", settings.projection, "PROJ string or EPSG:n of the map projection")
        ->capture_default_str();
    render->add_option("--extent", settings.extent,
                       "lon_min,lat_min,lon_max,lat_max in degrees (default: fit the data)");
    render->add_option("--size", settings.size, "Page WIDTHxHEIGHT in mm (default 174x140, a double column)");
    render->add_option("--dpi", settings.dpi, "Resolution of PNG output")->capture_default_str();
    render->add_option("--lang", settings.lang, "Label language: en, ru or kk (English where a name is missing)")
        ->capture_default_str();
    render->add_option("--title", settings.title, "Title above the map")->capture_default_str();
    render->add_flag("--households-as-people", settings.households_as_people,
                     "Convert household counts to people with the ratio the sources state (detained farms of "
                     "Tarbagatai); an assumption, stated on the map");
    render->add_option("--width-scale", settings.width_scale, "How width follows the count: linear, sqrt or classes")
        ->check(CLI::IsMember({"linear", "sqrt", "classes"}))
        ->capture_default_str();
    render->add_option("--width-classes", settings.width_classes,
                       "Class upper bounds for --width-scale classes, e.g. 50,200,500 (default: round numbers)");
    render->add_option("--legend", settings.legend, "Legend beside the map (right), under it (below) or auto")
        ->check(CLI::IsMember({"auto", "right", "below"}))
        ->capture_default_str();
    render->add_flag("!--no-graticule", settings.graticule, "Leave out the graticule (meridians and parallels)");
    render->add_flag("!--no-scale-bar", settings.scale_bar, "Leave out the scale bar");
    render->add_flag("--north-arrow", settings.north_arrow, "Draw an arrow to true north");
    render->add_flag("--inset", settings.inset, "Draw a locator inset of the wider region");
    render->add_option(
        "--report", settings.report,
        "Also write the layout report (JSON): flows, symbols, labels, legend and quality counts in page mm");
    render->add_option("-o,--output", settings.outputs,
                       "Output file(s); the extension (.svg, .png, .pdf) picks the format");
}

layout::FigureOptions figure_options_from(const RenderSettings& settings) {
    layout::FigureOptions options;
    options.projection = settings.projection;
    options.extent = parse_extent(settings.extent);
    options.language = parse_language(settings.lang);
    options.title = settings.title;
    options.subtitle = "Movements recorded in the archival sources; width proportional to the number stated";
    options.credits =
        "Data: Atantayeva et al. 2025, Gumilyov Journal of History 152(3), and the archival files it cites. "
        "Basemap: Natural Earth (public domain), modern borders. Albers equal-area, 40°/52°N, 75°E.";
    options.width_mode = settings.width_scale == "sqrt"      ? layout::WidthMode::sqrt
                         : settings.width_scale == "classes" ? layout::WidthMode::classes
                                                             : layout::WidthMode::linear;
    if (!settings.width_classes.empty()) {
        for (const auto& part : io::split_list(settings.width_classes, ',')) {
            const double bound = parse_double(part, "--width-classes");
            if (bound <= 0) throw UsageError(fmt::format("--width-classes: '{}' is not a positive count", part));
            options.width_classes.push_back(bound);
        }
    }
    options.legend_place = settings.legend == "right"   ? layout::FigureOptions::LegendPlace::right
                           : settings.legend == "below" ? layout::FigureOptions::LegendPlace::below
                                                        : layout::FigureOptions::LegendPlace::automatic;
    options.graticule = settings.graticule;
    options.scale_bar = settings.scale_bar;
    options.north_arrow = settings.north_arrow;
    options.inset = settings.inset;
    if (!settings.size.empty()) {
        const auto x = settings.size.find('x');
        if (x == std::string::npos)
            throw UsageError(fmt::format("--size: expected WIDTHxHEIGHT in mm, found '{}'", settings.size));
        options.page_width_mm = parse_double(settings.size.substr(0, x), "--size");
        options.page_height_mm = parse_double(settings.size.substr(x + 1), "--size");
        if (options.page_width_mm < 40 || options.page_height_mm < 30 || options.page_width_mm > 2000 ||
            options.page_height_mm > 2000) {
            throw UsageError(fmt::format("--size: {} is outside 40x30 to 2000x2000 mm", settings.size));
        }
    }
    return options;
}

void run_render(const RenderSettings& settings, std::ostream& out, std::ostream& err) {
    const layout::FigureOptions options = figure_options_from(settings);
    std::vector<std::filesystem::path> outputs = settings.outputs;
    if (outputs.empty()) outputs = {"output/overview.png", "output/overview.svg", "output/overview.pdf"};
    for (const auto& path : outputs) (void)render::format_for(path);  // reject a bad extension before any work
    render::require_font();

    const geo::Projection projection(options.projection);
    const model::Gazetteer gazetteer(io::read_places(settings.gazetteer));
    const auto all_flows = io::read_flows(settings.flows);
    std::vector<std::string> warnings;
    const model::Basemap basemap = io::read_basemap(settings.basemap, warnings);

    // A map is drawn only from data that validates; warnings (the source's own discrepancies) pass.
    for (const auto& finding : model::validate_flows(gazetteer, all_flows)) {
        if (finding.severity == model::Severity::error)
            throw DataError(finding.where, finding.message, finding.suggestion);
    }
    std::vector<model::Flow> chosen = all_flows;
    layout::FigureOptions figure = options;
    if (settings.households_as_people) {
        const auto ratio = model::derive_household_ratio(all_flows);
        if (!ratio) {
            SourceLocation where;
            where.file = settings.flows.string();
            throw DataError(where, "no record states both households and people", "add people_stated");
        }
        chosen = model::households_as_people(all_flows, *ratio);
        figure.subtitle += ". Assumption: " + ratio->describe();
    }
    std::vector<model::Flow> drawn;
    for (const auto& flow : chosen) {
        // Aggregates restate events as totals; drawing both would count people twice.
        if (flow.scope == model::Scope::event && flow.unit != model::Unit::livestock_head &&
            !flow.destination.empty()) {
            drawn.push_back(flow);
        }
    }

    const layout::SceneInputs inputs{gazetteer, drawn, basemap};
    auto result = layout::build_scene(inputs, figure, projection, render::pango_text_measure());
    warnings.insert(warnings.end(), result.warnings.begin(), result.warnings.end());
    for (const auto& warning : warnings) fmt::print(err, "steppeflow: warning: {}\n", warning);

    for (const auto& path : outputs) {
        if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path());
        render::write_scene(result.scene, path, {settings.dpi});
        fmt::print(out, "wrote {}\n", path.string());
    }
    if (!settings.report.empty()) {
        if (settings.report.has_parent_path()) std::filesystem::create_directories(settings.report.parent_path());
        render::write_text_file(settings.report, layout::layout_report_json(result.scene, 0));
        fmt::print(out, "wrote {}\n", settings.report.string());
    }
}

}  // namespace steppeflow::cli
