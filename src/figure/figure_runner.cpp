#include "figure/figure_runner.hpp"

#include <unistd.h>

#include "figure/animation.hpp"

#include <algorithm>
#include <cmath>
#include <future>
#include <optional>
#include <set>
#include <utility>

#include <fmt/format.h>

#include "config/layer_list.hpp"
#include "config/style_reader.hpp"
#include "figure/basemap_choice.hpp"
#include "figure/basemap_loader.hpp"
#include "figure/flow_selection.hpp"
#include "geo/default_projection.hpp"
#include "io/basemap_reader.hpp"
#include "io/flow_reader.hpp"
#include "io/gazetteer_reader.hpp"
#include "io/relief_raster.hpp"
#include "layout/detail_layout.hpp"
#include "layout/map_text.hpp"
#include "layout/multiples_layout.hpp"
#include "layout/scene_builder.hpp"
#include "model/validation.hpp"
#include "render/output.hpp"
#include "render/text.hpp"

namespace steppeflow::figure {

namespace {

void ensure_parent_directory(const std::filesystem::path& path) {
    if (!path.has_parent_path()) return;
    std::error_code error;
    std::filesystem::create_directories(path.parent_path(), error);
    if (error) {
        throw IoError(fmt::format("{}: cannot create the directory '{}': {}", path.string(),
                                  path.parent_path().string(), error.message()));
    }
}

// All of a figure's files are written as one: each appears only when every one is complete.
void write_outputs(const std::vector<render::ScenePath>& outputs, const FigureRequest& request, ThreadPool& pool,
                   FigureOutcome& outcome, const layout::ProgressReport& progress) {
    if (progress) progress("writing the files", 0);
    for (const auto& output : outputs) ensure_parent_directory(output.path);
    render::write_scenes(outputs, {request.dpi, &pool, request.svg_outlines, request.flatten});
    for (const auto& output : outputs) outcome.written.push_back(output.path);
}

void append(std::vector<std::string>& to, const std::vector<std::string>& from) {
    to.insert(to.end(), from.begin(), from.end());
}

bool cites_shipped_article(const model::Flow& flow) { return flow.source.starts_with("Atantayeva2025"); }

// The shipped study's own records among those drawn: the defaults may then speak of it (its title, its
// archival sources, its article); for any other data they speak only of what the data says.
bool shipped_study(const FlowSelection& selection) {
    return std::any_of(selection.flows.begin(), selection.flows.end(), cites_shipped_article);
}

// The default title: the study's for its own data; else "Recorded movements" with the years the drawn
// flows span, as their dates state them.
std::string default_title(const FigureRequest& request, const FlowSelection& selection) {
    using layout::Phrase;
    const config::Locale& language = request.options.locale;
    if (shipped_study(selection)) return layout::phrase(Phrase::study_title, language);
    std::optional<int> first;
    std::optional<int> last;
    for (const auto& flow : selection.flows) {
        for (const auto& date : {flow.date_start, flow.date_end}) {
            if (!date) continue;
            first = std::min(first.value_or(date->year), date->year);
            last = std::max(last.value_or(date->year), date->year);
        }
    }
    if (!first) return layout::phrase(Phrase::recorded_movements_undated, language);
    const std::string years = *first == *last ? fmt::format("{}", *first) : fmt::format("{}–{}", *first, *last);
    return fmt::format(fmt::runtime(layout::phrase(Phrase::recorded_movements, language)), years);
}

// What the selection adds to the subtitle, in the map's language: what the records are (the default
// subtitle), the conversion assumed, and the years asked for that have no mappable record.
std::string subtitle_of(const FigureRequest& request, const FlowSelection& selection) {
    const config::Locale& language = request.options.locale;
    std::string subtitle = request.options.subtitle;
    if (request.default_subtitle) {
        const auto start =
            shipped_study(selection) ? layout::Phrase::subtitle_archival : layout::Phrase::subtitle_sources;
        subtitle = layout::phrase(start, language) + subtitle;
    }
    if (selection.ratio) {
        subtitle += fmt::format(fmt::runtime(layout::phrase(layout::Phrase::household_assumption, language)),
                                fmt::format("{:.2f}", selection.ratio->people_per_household),
                                fmt::join(selection.ratio->basis, "+"), selection.ratio->source);
    }
    if (!selection.missing_years.empty()) {
        subtitle += fmt::format(fmt::runtime(layout::phrase(layout::Phrase::no_mappable_record, language)),
                                fmt::join(selection.missing_years, ", "));
    }
    for (const auto& note : selection.overlap_notes) subtitle += note;
    return subtitle;
}

// A relief layer's elevation model, shaded by GDAL over a map frame at 4 pixels a millimetre (0.25 mm:
// finer than print shows of relief, coarse enough to be quick).
std::shared_ptr<const layout::ReliefImage> shade_relief(const std::string& raster, const std::string& projection,
                                                        const layout::ProjectedBox& extent, const layout::Box& frame) {
    constexpr double kPixelsPerMm = 4;
    const int width = std::max(1, static_cast<int>(std::lround(frame.width * kPixelsPerMm)));
    const int height = std::max(1, static_cast<int>(std::lround(frame.height * kPixelsPerMm)));
    auto grid =
        io::shaded_relief(raster, projection, {extent.xmin, extent.ymin, extent.xmax, extent.ymax}, width, height);
    auto image = std::make_shared<layout::ReliefImage>();
    image->box = frame;
    image->width = grid.width;
    image->height = grid.height;
    image->shade = std::move(grid.shade);
    image->flat = grid.flat;
    return image;
}

// The default credits: the data's source, then the basemap's layers as their list credits them
// (each attribution once, then each note), then the projection.

// The credits' first sentence: the data_credit given, the shipped article when the flows cite it, or
// (data that is not ours) the works the drawn flows name, never the shipped article's.
std::string data_sentence(const FigureRequest& request, const FlowSelection& selection) {
    if (request.spec.data_credit) return *request.spec.data_credit + " ";
    const config::Locale& language = request.options.locale;
    if (shipped_study(selection)) return layout::phrase(layout::Phrase::credits, language);
    constexpr std::size_t kNamed = 3;
    std::vector<std::string> works;
    for (const auto& flow : selection.flows) {
        if (!flow.source.empty() && std::find(works.begin(), works.end(), flow.source) == works.end())
            works.push_back(flow.source);
    }
    if (works.empty()) return {};
    std::string named =
        fmt::format("{}", fmt::join(works.begin(), works.begin() + std::min(works.size(), kNamed), "; "));
    if (works.size() > kNamed)
        named += fmt::format(fmt::runtime(layout::phrase(layout::Phrase::more_works, language)), works.size() - kNamed);
    return fmt::format(fmt::runtime(layout::phrase(layout::Phrase::data_works, language)), named);
}

std::string default_credits(const FigureRequest& request, const FlowSelection& selection,
                            const model::Basemap& basemap) {
    using layout::Phrase;
    const config::Locale& language = request.options.locale;
    std::vector<std::string> attributions;
    std::vector<std::string> notes;
    // A layer made from several sources names each in its attribution, separated by "; ".
    const auto add = [](std::vector<std::string>& to, const model::LocalText& text, const model::Language& in) {
        if (text.empty()) return;
        const std::string& all = text.in(in);
        for (std::size_t start = 0; start <= all.size();) {
            const std::size_t end = std::min(all.find("; ", start), all.size());
            const std::string said = all.substr(start, end - start);
            if (!said.empty() && std::find(to.begin(), to.end(), said) == to.end()) to.push_back(said);
            start = end + 2;
        }
    };
    for (const auto& layer : basemap.layers) {
        add(attributions, layer.attribution, language.language);
        add(notes, layer.note, language.language);
    }
    std::string credits = data_sentence(request, selection);
    if (!attributions.empty() || !notes.empty()) {
        std::string basemap_text = fmt::format("{}", fmt::join(attributions, ", "));
        if (!notes.empty())
            basemap_text += (basemap_text.empty() ? "" : "; ") + fmt::format("{}", fmt::join(notes, "; "));
        credits += fmt::format(fmt::runtime(layout::phrase(Phrase::basemap_credit, language)), basemap_text);
    }
    const std::string& projection = request.spec.projection;
    if (!request.projection_credit.empty()) return credits + request.projection_credit;
    credits += projection == geo::kDefaultProjection
                   ? std::string(layout::phrase(Phrase::default_projection, language))
                   : fmt::format(fmt::runtime(layout::phrase(Phrase::projection, language)), projection);
    return credits;
}

// The years a figure shows, to choose the basemap's layers by: those the filter asks for, else those
// of the flows drawn, else those of its date range; empty for a figure with no date at all.
std::vector<int> figure_years(const FigureRequest& request, const FlowSelection& selection) {
    const model::FlowFilter& filter = request.filter;
    if (!filter.years.empty()) return filter.years;
    std::set<int> years;
    for (const auto& flow : selection.flows) {
        if (const auto year = model::flow_year(flow)) years.insert(*year);
    }
    if (years.empty() && (filter.from || filter.to)) {
        const int first = filter.from ? filter.from->year : filter.to->year;
        const int last = filter.to ? filter.to->year : filter.from->year;
        for (int year = first; year <= last && year < first + 500; ++year) years.insert(year);
    }
    return {years.begin(), years.end()};
}

std::vector<int> years_of(const model::Period& period) {
    std::vector<int> years;
    for (int year = period.first_year; year <= period.last_year; ++year) years.push_back(year);
    return years;
}

bool has_dated_layers(const model::Basemap& basemap) {
    return std::any_of(basemap.layers.begin(), basemap.layers.end(), [](const model::MapLayer& layer) {
        return layer.first_year.has_value() || layer.has_dated_features();
    });
}

// The basemap of these years: `all` itself when no layer is dated (no copy), else the layers those
// years show, kept in `shown`.
const model::Basemap& basemap_of_years(const model::Basemap& all, const std::vector<int>& years,
                                       model::Basemap& shown) {
    if (!has_dated_layers(all)) return all;
    shown = layers_for_years(all, years);
    return shown;
}

FigureOutcome render_sequence(const FigureRequest& request, const FigureData& data, const model::Basemap& basemap,
                              const FlowSelection& selection, const layout::FigureOptions& options,
                              const geo::Projection& projection, const layout::TextMeasure& measure,
                              const layout::ProgressReport& progress, ThreadPool& pool, FigureOutcome outcome) {
    const auto& drawn = selection.flows;
    const auto& periods = selection.periods;
    layout::FigureOptions shared = layout::shared_scales(data.gazetteer, basemap, drawn, options, projection);
    // Every frame the same page, legend and scales, so frames can be laid over one another.
    shared.legend_flows = std::make_shared<const std::vector<model::Flow>>(drawn);
    shared = layout::fit_page({data.gazetteer, drawn, basemap}, shared, projection, measure);
    std::vector<layout::Scene> frames;
    frames.reserve(periods.size());
    for (std::size_t i = 0; i < periods.size(); ++i) {
        layout::FigureOptions frame = shared;
        frame.title = fmt::format("{}: {}", options.title, periods[i].label);
        const auto flows = flows_in_period(selection, i);
        // Each frame shows the layers of its own years (borders of its date).
        model::Basemap frame_layers;
        const model::Basemap& drawn_on = basemap_of_years(data.basemap, years_of(periods[i]), frame_layers);
        auto built = layout::build_scene({data.gazetteer, flows, drawn_on}, frame, projection, measure);
        for (const auto& warning : built.warnings) outcome.warnings.push_back(periods[i].label + ": " + warning);
        built.scene.document_title = frame.title;
        built.scene.document_author = request.spec.author;
        frames.push_back(std::move(built.scene));
    }
    std::vector<render::ScenePath> files;
    for (std::size_t i = 0; i < frames.size(); ++i) {
        for (const auto& pattern : request.outputs)
            files.push_back({&frames[i], sequence_path(pattern, i, periods[i].label)});
        // A report per frame, named as the frames are (as a .json among the outputs would be).
        if (!request.report.empty())
            files.push_back({&frames[i], sequence_path(request.report, i, periods[i].label), &render::report_writer()});
    }
    write_outputs(files, request, pool, outcome, progress);
    if (!request.animations.empty()) {
        // The frames as PNG at the figure's dpi, in a folder of their own, then one animation of them.
        std::error_code error;
        const auto folder = std::filesystem::temp_directory_path(error) /
                            fmt::format("steppeflow-frames-{}-{}", getpid(), static_cast<const void*>(&frames));
        std::filesystem::create_directories(folder, error);
        if (error)
            throw IoError(fmt::format("{}: cannot make a folder for the frames: {}", folder.string(), error.message()));
        std::vector<render::ScenePath> pngs;
        std::vector<std::filesystem::path> frame_files;
        for (std::size_t i = 0; i < frames.size(); ++i) {
            frame_files.push_back(folder / fmt::format("{:04}.png", i + 1));
            pngs.push_back({&frames[i], frame_files.back()});
        }
        try {
            render::write_scenes(pngs, {request.dpi, &pool, request.svg_outlines, request.flatten});
            for (const auto& animation : request.animations) {
                ensure_parent_directory(animation);
                write_animation(frame_files, animation, 1.5);
                outcome.written.push_back(animation);
            }
        } catch (...) {
            std::filesystem::remove_all(folder, error);
            throw;
        }
        std::filesystem::remove_all(folder, error);
    }
    return outcome;
}

}  // namespace

std::shared_ptr<const FigureData> load_figure_data(const config::FigureSpec& spec, const io::DataSource& source) {
    auto data = std::make_shared<FigureData>();
    data->gazetteer = model::Gazetteer(io::read_places(spec.gazetteer, &data->warnings, source));
    data->flows = io::read_flows(spec.flows, &data->warnings, source);
    // Flows of one's own with the shipped places: each id then means the shipped study's place, which
    // may be another place of the same id. Said, since the gazetteer was never asked for.
    const config::FigureSpec defaults;
    if (spec.gazetteer == defaults.gazetteer && spec.flows != defaults.flows && !data->flows.empty() &&
        std::none_of(data->flows.begin(), data->flows.end(), cites_shipped_article)) {
        data->warnings.push_back(fmt::format(
            "the flows ({}) are not the shipped study's, but their places are looked up in its gazetteer {}: "
            "give your own with --gazetteer or [data] gazetteer",
            spec.flows.front().string(), spec.gazetteer.string()));
    }
    const auto layer_list = layer_list_of(spec);
    data->basemap = load_basemap(spec.basemap, layer_list, data->warnings, source);
    // Data beyond the shipped region on the default basemap: the world layers beside it instead.
    // Only when most of its places lie beyond it: a flow or two to Moscow keeps the map of 1930 (and
    // a warning that the map runs past it).
    if (layer_list.empty() && spec.basemap == config::FigureSpec{}.basemap && data->basemap.coverage) {
        const auto bounds = places_bounds(data->gazetteer, data->flows);
        const auto world = spec.basemap.parent_path() / "world";
        if (bounds && !data->basemap.coverage->contains(*bounds) &&
            share_of_places_within(data->gazetteer, data->flows, *data->basemap.coverage) < 0.5 &&
            std::filesystem::exists(world / config::kLayerListName)) {
            data->basemap = load_basemap(world, {}, data->warnings, source);
            data->beyond_region = bounds;
        }
    }
    // A map is drawn only from data that validates, by the checks `validate` makes (places and flows);
    // warnings (the source's own discrepancies) pass.
    auto findings = model::validate_places(data->gazetteer);
    const auto flow_findings = model::validate_flows(data->gazetteer, data->flows);
    findings.insert(findings.end(), flow_findings.begin(), flow_findings.end());
    for (const auto& finding : findings) {
        if (finding.severity == model::Severity::error)
            throw DataError(finding.where, finding.message, finding.suggestion);
    }
    return data;
}

layout::FigureOptions figure_options(const FigureRequest& request, const FlowSelection& selection,
                                     const model::Basemap& basemap) {
    layout::FigureOptions options = request.options;
    options.relief_shader = shade_relief;
    options.subtitle = subtitle_of(request, selection);
    if (request.default_title) options.title = default_title(request, selection);
    if (request.default_credits) options.credits = default_credits(request, selection, basemap);
    return options;
}

// The default credits name the shipped article; drawn records that cite other works need a credit of
// their own ([figure] data_credit), or the figure would credit them to the wrong work.
std::optional<std::string> uncredited_sources(const FigureRequest& request, const FlowSelection& selection) {
    if (!request.default_credits || request.spec.data_credit) return std::nullopt;
    const auto& flows = selection.flows;
    if (std::none_of(flows.begin(), flows.end(), cites_shipped_article)) return std::nullopt;  // named from the data
    std::vector<std::string> ids;
    for (const auto& flow : flows) {
        if (!cites_shipped_article(flow)) ids.push_back(flow.id);
    }
    if (ids.empty()) return std::nullopt;
    return fmt::format(
        "{} drawn flow(s) cite works the default credits do not name ({}); give [figure] "
        "data_credit naming them",
        ids.size(), fmt::join(ids.begin(), ids.begin() + std::min<std::size_t>(ids.size(), 5), ", "));
}

std::filesystem::path layer_list_of(const config::FigureSpec& spec) {
    if (!spec.layers.empty() || spec.style.empty()) return spec.layers;
    return config::read_style(config::resolve_style(spec.style)).layers;
}

FigureRequest prepare_request(const config::FigureSpec& spec) {
    FigureRequest request = make_request(spec);
    render::require_font(request.options.style.text.font, request.options.style.text.font_named_at);
    return request;
}

std::filesystem::path sequence_path(const std::filesystem::path& pattern, std::size_t index,
                                    const std::string& period) {
    std::string text = pattern.string();
    std::string safe_period = period;
    for (auto at = safe_period.find("\u2013"); at != std::string::npos; at = safe_period.find("\u2013"))
        safe_period.replace(at, std::string("\u2013").size(), "-");
    const std::string number = fmt::format("{:02}", index + 1);
    const bool has_placeholder = text.find("{n}") != std::string::npos || text.find("{period}") != std::string::npos;
    if (!has_placeholder) {
        const std::filesystem::path p(text);
        return p.parent_path() / (p.stem().string() + "_" + number + "_" + safe_period + p.extension().string());
    }
    for (auto at = text.find("{n}"); at != std::string::npos; at = text.find("{n}")) text.replace(at, 3, number);
    for (auto at = text.find("{period}"); at != std::string::npos; at = text.find("{period}"))
        text.replace(at, 8, safe_period);
    return text;
}

geo::Projection make_projection(const config::FigureSpec& spec) {
    try {
        return geo::Projection(spec.projection);
    } catch (const UsageError& e) {
        if (spec.source.empty()) throw;
        throw UsageError(fmt::format("{}: {}", origin_of(spec, "figure.projection", "--projection"), e.what()));
    }
}

FigureOutcome render_figure(const config::FigureSpec& spec, const FigureData& data,
                            const layout::ProgressReport& progress, ThreadPool& pool) {
    // PROJ's database and fontconfig's configuration are each tens of milliseconds to open: at once.
    auto projection = std::async(std::launch::async, [&spec] { return make_projection(spec); });
    const FigureRequest request = prepare_request(spec);
    return render_figure(request, data, projection.get(), progress, pool);
}

FigureOutcome render_figure(const FigureRequest& request, const FigureData& data, const geo::Projection& projection,
                            const layout::ProgressReport& progress, ThreadPool& pool) {
    // Data elsewhere on Earth, with no projection chosen: an equal-area one centred on it, and a
    // locator of its own surroundings.
    if (data.beyond_region && request.spec.projection == geo::kDefaultProjection) {
        FigureRequest centred = request;
        const model::LonLatBounds& box = *data.beyond_region;
        centred.spec.projection = centred_projection(box);
        centred.projection_credit = centred_projection_credit(box, request.options.locale);
        if (!centred.options.inset_extent) {
            const double lon = std::max(box.lon_max - box.lon_min, 10.0);
            const double lat = std::max(box.lat_max - box.lat_min, 6.0);
            centred.options.inset_extent =
                layout::LonLatBox{std::max(box.lon_min - lon, -180.0), std::max(box.lat_min - lat, -85.0),
                                  std::min(box.lon_max + lon, 180.0), std::min(box.lat_max + lat, 85.0)};
        }
        return render_figure(centred, data, geo::Projection(centred.spec.projection), progress, pool);
    }
    FigureOutcome outcome;
    append(outcome.warnings, data.warnings);
    append(outcome.warnings, request.warnings);

    const FlowSelection selection = select_flows(request, data.gazetteer, data.flows);
    append(outcome.warnings, selection.warnings);
    // Layers of a period (borders of 1930) are drawn on figures of their years only.
    const auto years = figure_years(request, selection);
    model::Basemap figure_layers;
    const model::Basemap& basemap = basemap_of_years(data.basemap, years, figure_layers);
    for (const auto& layer : data.basemap.layers) {
        if (layer.first_year && years.empty()) {
            outcome.warnings.push_back(fmt::format("layer '{}' shows {}–{} and the figure has no date: it is left out",
                                                   layer.name, *layer.first_year, *layer.last_year));
        }
    }
    check_layer_rules(data.basemap, request.options.style);
    // What the map will show: the extent asked for, else the data's places framed as the layout frames them.
    std::optional<model::LonLatBounds> extent = request.options.extent;
    if (!extent) {
        if (const auto box = places_bounds(data.gazetteer, selection.flows))
            extent = grown(*box, request.options.extent_margin);
    }
    if (auto warning = coverage_warning(extent, data.basemap.coverage)) outcome.warnings.push_back(std::move(*warning));
    layout::FigureOptions options = figure_options(request, selection, basemap);
    options.progress = progress;
    if (auto warning = uncredited_sources(request, selection)) outcome.warnings.push_back(std::move(*warning));
    const auto& drawn = selection.flows;
    const auto measure = render::pango_text_measure(options.style.text.font);

    layout::SceneResult result;
    switch (request.years_mode) {
        case config::YearsMode::single:
            if (request.detail) {
                // The detail's flows: the figure's filter with the detail's scope (events, by default).
                FigureRequest scoped = request;
                scoped.filter = request.detail->filter;
                FlowSelection in_detail = select_flows(scoped, data.gazetteer, data.flows);
                append(outcome.warnings, in_detail.warnings);
                // The detail shows the movements that start inside it; the others belong to the overview.
                const layout::LonLatBox& box = request.detail->extent;
                std::erase_if(in_detail.flows, [&](const model::Flow& flow) {
                    const auto* start = data.gazetteer.find(flow.via.empty() ? flow.origin : flow.via);
                    const model::LonLat p = start != nullptr ? start->position : model::LonLat{-999, -999};
                    return !box.contains({p.lon, p.lat, p.lon, p.lat});
                });
                if (in_detail.flows.empty()) {
                    throw UsageError(
                        fmt::format("{}: no flow of the detail's scope starts inside its extent", request.name));
                }
                const layout::DetailPanel detail{request.detail->extent, request.detail->title,
                                                 request.detail->overview_title, request.detail->legend,
                                                 std::move(in_detail.flows)};
                result =
                    layout::build_with_detail({data.gazetteer, drawn, basemap}, detail, options, projection, measure);
                break;
            }
            result = layout::build_scene({data.gazetteer, drawn, basemap}, options, projection, measure);
            break;
        case config::YearsMode::overlay: {
            options.colour_by_period = true;
            options.periods = selection.periods;
            // The figure's periods take their years' colours: 1930 is the same in every figure.
            const config::ColourStyle palette = options.style.colours;
            options.style.colours.periods.clear();
            for (const auto& period : selection.periods)
                options.style.colours.periods.push_back(config::colour_of_year(palette, period.first_year));
            result = layout::build_scene({data.gazetteer, drawn, basemap}, options, projection, measure);
            break;
        }
        case config::YearsMode::multiples: {
            std::vector<layout::PanelFlows> panels;
            // Each panel shows the layers of its own years (borders of its date).
            std::vector<model::Basemap> panel_layers(selection.periods.size());
            for (std::size_t i = 0; i < selection.periods.size(); ++i) {
                panels.push_back({selection.periods[i].label, flows_in_period(selection, i),
                                  &basemap_of_years(data.basemap, years_of(selection.periods[i]), panel_layers[i])});
            }
            if (selection.undated > 0) {
                outcome.warnings.push_back(
                    fmt::format("{} flow(s) without a date or outside the periods are in no panel", selection.undated));
            }
            result = layout::build_small_multiples(data.gazetteer, basemap, panels, drawn, options, request.columns,
                                                   projection, measure);
            break;
        }
        case config::YearsMode::sequence:
            return render_sequence(request, data, basemap, selection, options, projection, measure, progress, pool,
                                   std::move(outcome));
    }
    append(outcome.warnings, result.warnings);
    result.scene.document_title = options.title;
    result.scene.document_author = request.spec.author;
    std::vector<render::ScenePath> files;
    files.reserve(request.outputs.size());
    for (const auto& path : request.outputs) files.push_back({&result.scene, path});
    if (!request.report.empty()) files.push_back({&result.scene, request.report, &render::report_writer()});
    write_outputs(files, request, pool, outcome, progress);
    return outcome;
}

}  // namespace steppeflow::figure
