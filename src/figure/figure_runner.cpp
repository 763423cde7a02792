#include "figure/figure_runner.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <future>

#include <fmt/format.h>

#include "config/style_reader.hpp"
#include "geo/projection.hpp"
#include "io/basemap_reader.hpp"
#include "io/field_parsers.hpp"
#include "io/flow_reader.hpp"
#include "io/gazetteer_reader.hpp"
#include "layout/layout_report.hpp"
#include "layout/map_text.hpp"
#include "layout/multiples_layout.hpp"
#include "layout/scene_builder.hpp"
#include "model/flow_filter.hpp"
#include "model/household_ratio.hpp"
#include "model/name_match.hpp"
#include "model/validation.hpp"
#include "render/output.hpp"
#include "render/text.hpp"

namespace steppeflow::cli {

namespace {

// Where a value came from, for messages: the spec's file and key, or the command-line option.
std::string origin_of(const config::FigureSpec& spec, const std::string& key, const std::string& option) {
    if (spec.source.empty() || spec.from_command_line.contains(option)) return option;
    return fmt::format("{} (key '{}')", spec.source, key);
}

double parse_double(const std::string& text, const std::string& where) {
    double value = 0;
    const std::string trimmed = io::trim(text);
    const auto [end, error] = std::from_chars(trimmed.data(), trimmed.data() + trimmed.size(), value);
    if (error != std::errc{} || end != trimmed.data() + trimmed.size() || trimmed.empty() || !std::isfinite(value)) {
        throw UsageError(fmt::format("{}: '{}' is not a number", where, text));
    }
    return value;
}

std::optional<layout::LonLatBox> parse_extent(const std::string& text, const std::string& where) {
    if (text.empty()) return std::nullopt;
    const auto parts = io::split_list(text, ',');
    if (parts.size() != 4) {
        throw UsageError(fmt::format("{}: expected lon_min,lat_min,lon_max,lat_max, found '{}'", where, text));
    }
    const layout::LonLatBox box{parse_double(parts[0], where), parse_double(parts[1], where),
                                parse_double(parts[2], where), parse_double(parts[3], where)};
    if (box.lon_min >= box.lon_max || box.lat_min >= box.lat_max || box.lon_min < -180 || box.lon_max > 180 ||
        box.lat_min < -90 || box.lat_max > 90) {
        throw UsageError(
            fmt::format("{}: '{}' is not a box with lon_min < lon_max and lat_min < lat_max in degrees", where, text));
    }
    return box;
}

model::Language parse_language(const std::string& text, const std::string& where) {
    if (text == "en") return model::Language::en;
    if (text == "ru") return model::Language::ru;
    if (text == "kk") return model::Language::kk;
    throw UsageError(fmt::format("{}: '{}' is not one of en, ru, kk", where, text));
}

std::string default_subtitle(const config::FigureSpec& spec, model::Language language) {
    using layout::Phrase;
    const Phrase width = spec.width_scale == "sqrt"      ? Phrase::subtitle_sqrt
                         : spec.width_scale == "classes" ? Phrase::subtitle_classes
                                                         : Phrase::subtitle_linear;
    std::string text = layout::phrase(width, language);
    if (spec.years_mode == config::YearsMode::overlay) text += layout::phrase(Phrase::subtitle_overlay, language);
    if (spec.years_mode == config::YearsMode::multiples) text += layout::phrase(Phrase::subtitle_multiples, language);
    return text;
}

std::string default_credits(const config::FigureSpec& spec, model::Language language) {
    using layout::Phrase;
    const std::string projection =
        spec.projection == geo::kDefaultProjection
            ? std::string(layout::phrase(Phrase::default_projection, language))
            : fmt::format(fmt::runtime(layout::phrase(Phrase::projection, language)), spec.projection);
    return layout::phrase(Phrase::credits, language) + projection;
}

std::string resolve_place(const std::string& name, const model::Gazetteer& gazetteer, const SourceLocation& where,
                          const std::string& option) {
    if (gazetteer.find(name) != nullptr) return name;
    const auto found = gazetteer.lookup(name);
    if (found.size() == 1) return found.front()->id;
    std::vector<std::string> ids;
    ids.reserve(found.size());
    for (const auto* place : found) ids.push_back(place->id);
    const std::string what = found.empty()
                                 ? fmt::format("unknown place '{}'", name)
                                 : fmt::format("'{}' names {} places: {}", name, found.size(), fmt::join(ids, ", "));
    // Suggest by every name and spelling, not only by id: "Zaisn" is nearest to "Zaisan".
    std::vector<std::string> names;
    for (const auto& place : gazetteer.places()) {
        names.push_back(place.id);
        names.push_back(place.name_en);
        names.insert(names.end(), place.variants.begin(), place.variants.end());
    }
    std::vector<std::string> near;
    for (const auto& candidate : model::nearest_names(name, names, 3)) {
        for (const auto* place : gazetteer.lookup(candidate)) {
            if (std::find(near.begin(), near.end(), place->id) == near.end()) near.push_back(place->id);
        }
    }
    const std::string suggestion =
        found.empty() ? (near.empty() ? std::string{} : fmt::format("did you mean {}?", fmt::join(near, ", ")))
                      : "give the place id";
    if (!where.file.empty()) throw DataError(where, what, suggestion);
    throw UsageError(fmt::format("{}: {}{}", option, what, suggestion.empty() ? "" : "; " + suggestion));
}

template <typename Enum>
std::vector<Enum> enums_from(const std::vector<std::string>& names, const std::string& where) {
    std::vector<Enum> values;
    for (const auto& name : names) {
        const auto value = model::enum_from<Enum>(name);
        if (!value) {
            throw UsageError(
                fmt::format("{}: '{}' is not one of {}", where, name, fmt::join(model::enum_names<Enum>(), ", ")));
        }
        values.push_back(*value);
    }
    return values;
}

model::FlowFilter filter_from(const config::FigureSpec& spec, const model::Gazetteer& gazetteer) {
    model::FlowFilter filter;
    filter.years = spec.years;
    const auto date = [&](const std::string& text, const char* key) -> std::optional<model::PartialDate> {
        if (text.empty()) return std::nullopt;
        const auto parsed = model::PartialDate::parse(text);
        if (!parsed) {
            throw UsageError(fmt::format("{}: '{}' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)",
                                         origin_of(spec, std::string("filter.") + key, std::string("--") + key), text));
        }
        return parsed;
    };
    filter.from = date(spec.from, "from");
    filter.to = date(spec.to, "to");
    if (!spec.scope.empty())
        filter.scopes = enums_from<model::Scope>(spec.scope, origin_of(spec, "filter.scope", "--scope"));
    filter.statuses = enums_from<model::Status>(spec.status, origin_of(spec, "filter.status", "--status"));
    filter.certainties =
        enums_from<model::Certainty>(spec.certainty, origin_of(spec, "filter.certainty", "--certainty"));
    filter.units = enums_from<model::Unit>(spec.unit, origin_of(spec, "filter.unit", "--unit"));
    const auto where = [&](const SourceLocation& in_spec, const char* option) {
        return spec.from_command_line.contains(option) ? SourceLocation{} : in_spec;
    };
    for (const auto& name : spec.origin)
        filter.origins.push_back(resolve_place(name, gazetteer, where(spec.origin_where, "--origin"), "--origin"));
    for (const auto& name : spec.destination) {
        filter.destinations.push_back(
            resolve_place(name, gazetteer, where(spec.destination_where, "--destination"), "--destination"));
    }
    return filter;
}

std::vector<model::Period> periods_from(const config::FigureSpec& spec, const std::vector<model::Flow>& flows) {
    if (spec.periods.empty()) return model::periods_of(flows);
    std::vector<model::Period> periods;
    for (const auto& text : spec.periods) {
        const auto period = model::parse_period(text);
        if (!period) {
            throw UsageError(fmt::format("{}: '{}' is not a year or a span of years (1930, 1931-1932)",
                                         origin_of(spec, "years.periods", "--periods"), text));
        }
        periods.push_back(*period);
    }
    return periods;
}

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
void write_outputs(const std::vector<render::ScenePath>& outputs, double dpi, FigureOutcome& outcome,
                   const layout::ProgressReport& progress, const std::vector<render::TextPath>& texts = {}) {
    if (progress) progress("writing the files", 0);
    for (const auto& output : outputs) ensure_parent_directory(output.path);
    for (const auto& text : texts) ensure_parent_directory(text.path);
    render::write_scenes(outputs, {dpi}, texts);
    for (const auto& output : outputs) outcome.written.push_back(output.path);
    for (const auto& text : texts) outcome.written.push_back(text.path);
}

void append(std::vector<std::string>& to, const std::vector<std::string>& from) {
    to.insert(to.end(), from.begin(), from.end());
}

}  // namespace

std::shared_ptr<const FigureData> load_figure_data(const config::FigureSpec& spec, const io::ReadCache& cache) {
    auto data = std::make_shared<FigureData>();
    data->gazetteer = model::Gazetteer(io::read_places(spec.gazetteer, &data->warnings, cache));
    data->flows = io::read_flows(spec.flows, &data->warnings, cache);
    data->basemap = io::read_basemap(spec.basemap, data->warnings, cache);
    // A map is drawn only from data that validates; warnings (the source's own discrepancies) pass.
    for (const auto& finding : model::validate_flows(data->gazetteer, data->flows)) {
        if (finding.severity == model::Severity::error)
            throw DataError(finding.where, finding.message, finding.suggestion);
    }
    return data;
}

layout::FigureOptions figure_options_from(const config::FigureSpec& spec) {
    layout::FigureOptions options;
    if (!spec.style.empty()) options.style = config::read_style(config::resolve_style(spec.style));
    if (!std::isfinite(spec.dpi) || spec.dpi < 30 || spec.dpi > 2400) {
        throw UsageError(
            fmt::format("{}: {} is outside 30 to 2400 dpi", origin_of(spec, "figure.dpi", "--dpi"), spec.dpi));
    }
    if (spec.flow_max_mm && (!std::isfinite(*spec.flow_max_mm) || *spec.flow_max_mm < 0.5 || *spec.flow_max_mm > 20)) {
        throw UsageError(fmt::format("{}: {} mm is outside 0.5 to 20 mm",
                                     origin_of(spec, "figure.flow_max_mm", "--flow-max-mm"), *spec.flow_max_mm));
    }
    if (spec.flow_max_mm)
        options.style.lines.flow_max_mm = std::max(*spec.flow_max_mm, options.style.lines.flow_min_mm);
    options.extent = parse_extent(spec.extent, origin_of(spec, "figure.extent", "--extent"));
    options.language = parse_language(spec.lang, origin_of(spec, "figure.language", "--lang"));
    options.title = spec.title;
    options.subtitle = spec.subtitle.value_or(default_subtitle(spec, options.language));
    options.credits = spec.credits.value_or(default_credits(spec, options.language));
    options.width_mode = spec.width_scale == "sqrt"      ? layout::WidthMode::sqrt
                         : spec.width_scale == "classes" ? layout::WidthMode::classes
                                                         : layout::WidthMode::linear;
    if (!spec.width_classes.empty()) {
        const std::string where = origin_of(spec, "figure.width_classes", "--width-classes");
        for (const auto& part : io::split_list(spec.width_classes, ',')) {
            const double bound = parse_double(part, where);
            if (bound <= 0) throw UsageError(fmt::format("{}: '{}' is not a positive count", where, part));
            options.width_classes.push_back(bound);
        }
    }
    options.legend_place = spec.legend == "right"   ? layout::FigureOptions::LegendPlace::right
                           : spec.legend == "below" ? layout::FigureOptions::LegendPlace::below
                                                    : layout::FigureOptions::LegendPlace::automatic;
    options.graticule = spec.graticule;
    options.scale_bar = spec.scale_bar;
    options.north_arrow = spec.north_arrow;
    options.inset = spec.inset;
    // Journal sizes fix the width; the height then follows the map's shape (0: automatic).
    if (spec.size == "single") {
        options.page_width_mm = 84;
        options.page_height_mm = 0;
    } else if (spec.size == "double") {
        options.page_width_mm = 174;
        options.page_height_mm = 0;
    } else if (spec.size.empty()) {
        options.page_width_mm = 174;
        options.page_height_mm = 140;
    } else {
        const std::string where = origin_of(spec, "figure.size", "--size");
        const auto x = spec.size.find('x');
        options.page_width_mm = parse_double(spec.size.substr(0, x), where);
        options.page_height_mm = x == std::string::npos ? 0 : parse_double(spec.size.substr(x + 1), where);
        if (options.page_width_mm < 40 || options.page_width_mm > 2000 ||
            (x != std::string::npos && (options.page_height_mm < 30 || options.page_height_mm > 2000))) {
            throw UsageError(fmt::format("{}: {} is outside 40x30 to 2000x2000 mm", where, spec.size));
        }
    }
    return options;
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

FigureSetup prepare_figure(const config::FigureSpec& spec, std::future<geo::Projection> projection) {
    layout::FigureOptions options = figure_options_from(spec);
    std::vector<std::filesystem::path> outputs = spec.outputs;
    if (outputs.empty()) outputs = {"output/overview.png", "output/overview.svg", "output/overview.pdf"};
    for (const auto& path : outputs) (void)render::format_for(path);  // reject a bad extension before any work
    // Also opens this thread's fonts, which the layout measures text with next.
    render::require_font(options.style.text.font, options.style.text.font_named_at);
    return {std::move(options), std::move(outputs), projection.get()};
}

FigureSetup prepare_figure(const config::FigureSpec& spec) {
    // PROJ's database and fontconfig's configuration are each tens of milliseconds to open: at once.
    return prepare_figure(spec, std::async(std::launch::async, [&spec] { return make_projection(spec); }));
}

FigureOutcome render_figure(const config::FigureSpec& spec, const FigureData& data,
                            const layout::ProgressReport& progress) {
    return render_figure(spec, data, prepare_figure(spec), progress);
}

FigureOutcome render_figure(const config::FigureSpec& spec, const FigureData& data, FigureSetup setup,
                            const layout::ProgressReport& progress) {
    FigureOutcome outcome;
    layout::FigureOptions options = std::move(setup.options);
    options.progress = progress;
    const std::vector<std::filesystem::path> outputs = std::move(setup.outputs);
    const geo::Projection projection = std::move(setup.projection);
    append(outcome.warnings, data.warnings);

    std::vector<model::Flow> chosen = data.flows;
    if (spec.households_as_people) {
        const auto ratio = model::derive_household_ratio(data.flows);
        if (!ratio) {
            SourceLocation where;
            where.file = spec.flows.string();
            throw DataError(where, "no record states both households and people", "add people_stated");
        }
        chosen = model::households_as_people(data.flows, *ratio);
        options.subtitle += ". Assumption: " + ratio->describe();
    }
    const model::FlowFilter filter = filter_from(spec, data.gazetteer);
    // Livestock is not a movement of people, and a flow without a destination has nowhere to go.
    std::vector<model::Flow> movements;
    std::copy_if(chosen.begin(), chosen.end(), std::back_inserter(movements), [](const model::Flow& flow) {
        return flow.unit != model::Unit::livestock_head && !flow.destination.empty();
    });
    std::vector<model::Flow> drawn = model::apply(filter, movements, data.gazetteer);
    // A whole country as origin, with no named crossing, has no point to draw from (see plan_routes).
    std::vector<std::string> undrawable;
    std::erase_if(drawn, [&](const model::Flow& flow) {
        const auto* origin = data.gazetteer.find(flow.origin);
        const bool whole_country = origin != nullptr && origin->kind == model::PlaceKind::country && flow.via.empty();
        if (whole_country) undrawable.push_back(flow.id);
        return whole_country;
    });
    if (!undrawable.empty()) {
        outcome.warnings.push_back(fmt::format("{} not drawn: the origin is a whole country and no crossing is named",
                                               fmt::join(undrawable, ", ")));
    }
    if (drawn.empty()) {
        const std::string figure = spec.source.empty() ? std::string("the command line") : spec.source;
        // Only now is it worth knowing whether the filter or drawability emptied the list.
        const auto matching = static_cast<std::size_t>(
            std::count_if(chosen.begin(), chosen.end(), [&](const model::Flow& flow) { return filter.matches(flow); }));
        if (matching == 0) throw UsageError(fmt::format("{}: no flow matches the filter; nothing to draw", figure));
        throw UsageError(fmt::format(
            "{}: {} flow(s) match the filter, but none can be drawn (livestock, no destination, or a whole country "
            "as origin with no named crossing); nothing to draw",
            figure, matching));
    }
    const auto measure = render::pango_text_measure(options.style.text.font);
    const auto periods = periods_from(spec, drawn);
    // Periods given by name leave out dated flows of other years (undated ones stay, as such).
    if (!spec.periods.empty() && spec.years_mode != config::YearsMode::single) {
        const auto before = drawn.size();
        std::erase_if(
            drawn, [&](const model::Flow& flow) { return model::flow_year(flow) && !model::period_of(flow, periods); });
        if (drawn.size() < before) {
            outcome.warnings.push_back(fmt::format("{} flow(s) dated outside the periods {} are left out",
                                                   before - drawn.size(), fmt::join(spec.periods, ", ")));
        }
    }
    if (periods.empty() && spec.years_mode == config::YearsMode::sequence) {
        throw UsageError(fmt::format("{}: no drawn flow has a date, so there is no year to make a frame of",
                                     spec.source.empty() ? std::string("the command line") : spec.source));
    }
    const auto by_period = [&](std::size_t i) {
        std::vector<model::Flow> in_period;
        for (const auto& flow : drawn) {
            if (model::period_of(flow, periods) == i) in_period.push_back(flow);
        }
        return in_period;
    };
    // Years asked for that no drawable record has are said so on the map, not silently dropped.
    if (spec.years_mode != config::YearsMode::single && spec.periods.empty() && !spec.years.empty()) {
        std::vector<std::string> missing;
        for (const int year : spec.years) {
            const bool present = std::any_of(periods.begin(), periods.end(),
                                             [&](const model::Period& p) { return p.first_year == year; });
            if (!present) missing.push_back(std::to_string(year));
        }
        if (!missing.empty()) {
            options.subtitle +=
                fmt::format(fmt::runtime(layout::phrase(layout::Phrase::no_mappable_record, options.language)),
                            fmt::join(missing, ", "));
        }
    }
    std::size_t undated = 0;
    for (const auto& flow : drawn) undated += model::period_of(flow, periods) ? 0 : 1;

    layout::SceneResult result;
    switch (spec.years_mode) {
        case config::YearsMode::single:
            result = layout::build_scene({data.gazetteer, drawn, data.basemap}, options, projection, measure);
            break;
        case config::YearsMode::overlay: {
            options.colour_by_period = true;
            options.periods = periods;
            // Flows of one route sit side by side in time order.
            std::stable_sort(drawn.begin(), drawn.end(), [&](const model::Flow& a, const model::Flow& b) {
                return model::period_of(a, periods).value_or(periods.size()) <
                       model::period_of(b, periods).value_or(periods.size());
            });
            result = layout::build_scene({data.gazetteer, drawn, data.basemap}, options, projection, measure);
            break;
        }
        case config::YearsMode::multiples: {
            std::vector<layout::PanelFlows> panels;
            for (std::size_t i = 0; i < periods.size(); ++i) panels.push_back({periods[i].label, by_period(i)});
            if (undated > 0) {
                outcome.warnings.push_back(
                    fmt::format("{} flow(s) without a date or outside the periods are in no panel", undated));
            }
            result = layout::build_small_multiples(data.gazetteer, data.basemap, panels, drawn, options, spec.columns,
                                                   projection, measure);
            break;
        }
        case config::YearsMode::sequence: {
            layout::FigureOptions shared =
                layout::shared_scales(data.gazetteer, data.basemap, drawn, options, projection);
            // Every frame the same page, legend and scales, so frames can be laid over one another.
            shared.legend_flows = std::make_shared<const std::vector<model::Flow>>(drawn);
            shared = layout::fit_page({data.gazetteer, drawn, data.basemap}, shared, projection, measure);
            std::vector<layout::Scene> frames;
            frames.reserve(periods.size());
            std::vector<render::ScenePath> files;
            for (std::size_t i = 0; i < periods.size(); ++i) {
                layout::FigureOptions frame = shared;
                frame.title = fmt::format("{}: {}", spec.title, periods[i].label);
                const auto flows = by_period(i);
                auto built = layout::build_scene({data.gazetteer, flows, data.basemap}, frame, projection, measure);
                for (const auto& warning : built.warnings)
                    outcome.warnings.push_back(periods[i].label + ": " + warning);
                frames.push_back(std::move(built.scene));
            }
            for (std::size_t i = 0; i < frames.size(); ++i) {
                for (const auto& pattern : outputs)
                    files.push_back({&frames[i], sequence_path(pattern, i, periods[i].label)});
            }
            write_outputs(files, spec.dpi, outcome, progress);
            if (!spec.report.empty()) {
                outcome.warnings.emplace_back("a layout report is written for single maps and overlays only");
            }
            return outcome;
        }
    }
    append(outcome.warnings, result.warnings);
    std::vector<render::ScenePath> files;
    files.reserve(outputs.size());
    for (const auto& path : outputs) files.push_back({&result.scene, path});
    std::vector<render::TextPath> texts;
    if (!spec.report.empty()) texts.push_back({spec.report, layout::layout_report_json(result.scene, 0)});
    write_outputs(files, spec.dpi, outcome, progress, texts);
    return outcome;
}

}  // namespace steppeflow::cli
