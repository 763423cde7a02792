#include "figure/figure_request.hpp"

#include "figure/animation.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include <fmt/format.h>
#include <glib.h>

#include "config/style_reader.hpp"
#include "io/field_parsers.hpp"
#include "layout/map_text.hpp"
#include "render/writer.hpp"

namespace steppeflow::figure {

namespace {

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

// The figure's title, subtitle or credits in the map's language: the command line's, else the spec's
// text in that language (title_ru), else the spec's own, which is in the spec's language: a warning
// says so when that is another.
std::optional<std::string> text_in(const config::FigureSpec& spec, const std::optional<std::string>& own,
                                   const char* key, const std::string& option, const std::string& code,
                                   std::vector<std::string>& warnings) {
    if (spec.from_command_line.contains(option)) return own;
    if (const auto it = spec.localized.find(fmt::format("{}_{}", key, code)); it != spec.localized.end())
        return it->second;
    if (own && code != spec.texts_language) {
        warnings.push_back(fmt::format("{}: the {} is in '{}', the map in '{}': give {}_{} in [figure], or {}",
                                       spec.source.empty() ? option : spec.source, key, spec.texts_language, code, key,
                                       code, option));
    }
    return own;
}

std::string default_subtitle(const config::FigureSpec& spec, const config::Locale& language) {
    using layout::Phrase;
    const Phrase width = spec.width_scale == "sqrt"      ? Phrase::subtitle_sqrt
                         : spec.width_scale == "classes" ? Phrase::subtitle_classes
                                                         : Phrase::subtitle_linear;
    std::string text = layout::phrase(width, language);
    if (spec.years_mode == config::YearsMode::overlay) text += layout::phrase(Phrase::subtitle_overlay, language);
    if (spec.years_mode == config::YearsMode::multiples) text += layout::phrase(Phrase::subtitle_multiples, language);
    if (spec.detail) text += layout::phrase(Phrase::detail_scales, language);
    return text;
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

// The filter's places are names until the gazetteer is at hand (flow_selection resolves them).
model::FlowFilter filter_from(const config::FigureSpec& spec) {
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
    // As the spec reader checks a spec's own range: the last day `to` can mean against the first of `from`.
    if (filter.from && filter.to && model::ends_before(*filter.to, *filter.from)) {
        throw UsageError(fmt::format("{}: '{}' is before from '{}': no day lies between them",
                                     origin_of(spec, "filter.to", "--to"), spec.to, spec.from));
    }
    for (const int year : spec.years) {
        if (year < config::kEarliestYear || year > config::kLatestYear) {
            throw UsageError(fmt::format("{}: {} is not a year", origin_of(spec, "filter.years", "--years"), year));
        }
    }
    if (!spec.scope.empty())
        filter.scopes = enums_from<model::Scope>(spec.scope, origin_of(spec, "filter.scope", "--scope"));
    filter.statuses = enums_from<model::Status>(spec.status, origin_of(spec, "filter.status", "--status"));
    filter.certainties =
        enums_from<model::Certainty>(spec.certainty, origin_of(spec, "filter.certainty", "--certainty"));
    filter.units = enums_from<model::Unit>(spec.unit, origin_of(spec, "filter.unit", "--unit"));
    filter.ids = spec.ids;  // checked against the flows when they are read (figure/flow_selection.cpp)
    return filter;
}

std::vector<model::Period> periods_from(const config::FigureSpec& spec) {
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

// Characters (code points) in UTF-8 text.
std::size_t characters(const std::string& text) {
    return static_cast<std::size_t>(std::count_if(
        text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U; }));
}

// A title is a line or two and credits a paragraph: longer texts are refused before they are laid out
// (a 10 MB title took more than 12 s and 790 MB to wrap).
void check_text_length(const config::FigureSpec& spec, const std::string& text, const char* key, const char* option) {
    // Not UTF-8 (a title typed in another encoding): Pango would draw replacement boxes and warn on
    // stderr, and a PDF would fail to write. The byte is named.
    const char* invalid = nullptr;
    if (g_utf8_validate(text.data(), static_cast<gssize>(text.size()), &invalid) == 0) {
        throw UsageError(fmt::format("{}: not UTF-8 text: byte {} (0x{:02x}) does not fit; save it as UTF-8",
                                     origin_of(spec, std::string("figure.") + key, option), invalid - text.data() + 1,
                                     static_cast<unsigned char>(*invalid)));
    }
    constexpr std::size_t kMostCharacters = 2000;
    const std::size_t length = characters(text);
    if (length <= kMostCharacters) return;
    throw UsageError(fmt::format("{}: {} characters; a figure's {} is at most {} (a paragraph)",
                                 origin_of(spec, std::string("figure.") + key, option), length, key, kMostCharacters));
}

layout::FigureOptions options_from(const config::FigureSpec& spec, std::vector<std::string>& warnings) {
    if (spec.title) check_text_length(spec, *spec.title, "title", "--title");
    if (spec.subtitle) check_text_length(spec, *spec.subtitle, "subtitle", "--subtitle");
    if (spec.credits) check_text_length(spec, *spec.credits, "credits", "--credits");
    for (const auto& [key, text] : spec.localized) check_text_length(spec, text, key.c_str(), "--title");
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
    options.locale = config::find_locale(spec.lang, origin_of(spec, "figure.language", "--lang"));
    const std::string& code = options.locale.language.code;
    // default: made from the data (figure_runner)
    options.title = text_in(spec, spec.title, "title", "--title", code, warnings).value_or("");
    options.subtitle = text_in(spec, spec.subtitle, "subtitle", "--subtitle", code, warnings)
                           .value_or(default_subtitle(spec, options.locale));
    // default: made from the data (figure_runner)
    options.credits = text_in(spec, spec.credits, "credits", "--credits", code, warnings).value_or("");
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
    options.livestock = spec.livestock;
    options.inset = spec.inset;
    // Journal sizes fix the width; the height then follows the map's shape (0: automatic).
    if (spec.size == "single") {
        options.page_width_mm = 84;
        options.page_height_mm = 0;
    } else if (spec.size == "double") {
        options.page_width_mm = 174;
        options.page_height_mm = 0;
    } else if (spec.size.empty()) {
        // A double column, its height fitted to the map: a fixed height would squeeze the map
        // whenever the legend or the subtitle grows.
        options.page_width_mm = 174;
        options.page_height_mm = 0;
    } else if (spec.size.ends_with("px")) {
        // A screen's or a slide's size in pixels ("1920x1080px"): the page whose PNG at the figure's dpi
        // is exactly that many pixels, so the map looks as a printed figure of that width would.
        const std::string where = origin_of(spec, "figure.size", "--size");
        const std::string pixels = spec.size.substr(0, spec.size.size() - 2);
        const auto x = pixels.find('x');
        if (x == std::string::npos)
            throw UsageError(fmt::format("{}: '{}' needs a width and a height, e.g. 1920x1080px", where, spec.size));
        const double width = parse_double(pixels.substr(0, x), where);
        const double height = parse_double(pixels.substr(x + 1), where);
        if (width < 200 || height < 150 || width > 20000 || height > 20000 || width != std::floor(width) ||
            height != std::floor(height)) {
            throw UsageError(fmt::format("{}: {} is not whole pixels from 200x150 to 20000x20000", where, spec.size));
        }
        options.page_width_mm = width * 25.4 / spec.dpi;
        options.page_height_mm = height * 25.4 / spec.dpi;
        if (options.page_width_mm < 40 || options.page_height_mm < 30) {
            throw UsageError(
                fmt::format("{}: {} at {} dpi is a page of {:.0f}x{:.0f} mm, smaller than 40x30 mm; "
                            "lower --dpi (e.g. 150)",
                            where, spec.size, spec.dpi, options.page_width_mm, options.page_height_mm));
        }
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

}  // namespace

std::string origin_of(const config::FigureSpec& spec, const std::string& key, const std::string& option) {
    if (spec.source.empty() || spec.from_command_line.contains(option)) return option;
    return fmt::format("{} (key '{}')", spec.source, key);
}

std::vector<std::pair<std::string, std::string>> output_kinds() {
    std::vector<std::pair<std::string, std::string>> kinds;
    for (const auto* writer : render::writers())
        kinds.emplace_back(std::string(writer->extension()), std::string(writer->description()));
    return kinds;
}

FigureRequest make_request(const config::FigureSpec& spec) {
    FigureRequest request;
    request.spec = spec;
    request.name = spec.source.empty() ? std::string("the command line") : spec.source;
    request.options = options_from(spec, request.warnings);
    request.filter = filter_from(spec);
    request.periods = periods_from(spec);
    request.years_mode = spec.years_mode;
    request.outputs = spec.outputs;
    if (request.outputs.empty())
        request.outputs = {"output/overview.png", "output/overview.svg", "output/overview.pdf"};
    // Animations are a sequence's, made from its frames (figure/animation.hpp), by no writer.
    for (const auto& path : request.outputs) {
        if (!is_animation(path)) continue;
        if (spec.years_mode != config::YearsMode::sequence) {
            throw UsageError(
                fmt::format("{}: {} is an animation of a sequence's frames: it needs [years] show = "
                            "\"sequence\" (or --show sequence)",
                            request.name, path.string()));
        }
        require_ffmpeg(path);
        request.animations.push_back(path);
    }
    std::erase_if(request.outputs, [](const std::filesystem::path& path) { return is_animation(path); });
    // A file no writer writes is refused before any work: in the spec at its key, else on the command line.
    for (const auto& path : request.outputs) {
        if (render::find_writer(path) != nullptr) continue;
        if (!spec.source.empty() && !spec.from_command_line.contains("--output") && !spec.outputs_where.file.empty())
            throw DataError(spec.outputs_where,
                            fmt::format("'{}' does not end in {}", path.string(), render::writable_extensions()));
        (void)render::writer_for(path);
    }
    request.report = spec.report;
    // Two outputs of one figure on one file would leave only the last written.
    std::vector<std::filesystem::path> written = request.outputs;
    written.insert(written.end(), request.animations.begin(), request.animations.end());
    if (!request.report.empty()) written.push_back(request.report);
    for (std::size_t i = 0; i < written.size(); ++i) {
        for (std::size_t j = 0; j < i; ++j) {
            if (std::filesystem::absolute(written[i]).lexically_normal() !=
                std::filesystem::absolute(written[j]).lexically_normal())
                continue;
            throw UsageError(fmt::format(
                "{}: {} is named twice as an output{}; give each output its own file", request.name,
                written[i].string(), i + 1 == written.size() && !request.report.empty() ? " (and as the report)" : ""));
        }
    }
    request.dpi = spec.dpi;
    if (spec.svg_text != "text" && spec.svg_text != "outlines") {
        throw UsageError(fmt::format("{}: '{}' is not one of text, outlines",
                                     origin_of(spec, "output.svg_text", "--svg-text"), spec.svg_text));
    }
    request.svg_outlines = spec.svg_text == "outlines";
    request.flatten = spec.flatten;
    if (spec.columns < 0 || spec.columns > config::kMostColumns) {
        throw UsageError(fmt::format("{}: {} is outside 1 to {} (0: chosen from the page)",
                                     origin_of(spec, "years.columns", "--columns"), spec.columns,
                                     config::kMostColumns));
    }
    request.columns = spec.columns;
    request.households_as_people = spec.households_as_people;
    request.default_title = !spec.title.has_value() &&
                            !spec.localized.contains(fmt::format("title_{}", request.options.locale.language.code));
    request.default_subtitle = !spec.subtitle.has_value() && !spec.localized.contains(fmt::format(
                                                                 "subtitle_{}", request.options.locale.language.code));
    request.default_credits = !spec.credits.has_value() &&
                              !spec.localized.contains(fmt::format("credits_{}", request.options.locale.language.code));
    if (spec.detail) {
        const config::DetailSpec& in = *spec.detail;
        if (spec.years_mode != config::YearsMode::single) {
            throw DataError(in.where, "a detail panel is drawn with one map of all years (years.show = \"single\")",
                            "leave out [years] show, or make the year comparison its own figure");
        }
        DetailRequest detail;
        const auto extent = parse_extent(in.extent, origin_of(spec, "detail.extent", ""));
        if (!extent) throw DataError(in.where, "the detail's extent is empty", "give lon_min,lat_min,lon_max,lat_max");
        detail.extent = *extent;
        config::FigureSpec scoped = spec;
        scoped.scope = in.scope;
        scoped.ids = in.ids;
        scoped.from_command_line.erase("--scope");
        detail.filter = filter_from(scoped);
        detail.title = in.title;
        detail.overview_title = in.overview_title;
        detail.legend = in.legend == "below"  ? layout::FigureOptions::LegendPlace::below
                        : in.legend == "auto" ? layout::FigureOptions::LegendPlace::automatic
                                              : layout::FigureOptions::LegendPlace::right;
        request.detail = std::move(detail);
    }
    return request;
}

}  // namespace steppeflow::figure
