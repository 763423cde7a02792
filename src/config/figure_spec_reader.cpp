#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "common/data_paths.hpp"
#include "config/figure_spec.hpp"
#include "config/locale_reader.hpp"
#include "config/toml_section.hpp"
#include "model/flow.hpp"
#include "model/flow_filter.hpp"

namespace steppeflow::config {

namespace {

void one_of(TomlSection& section, const std::string& key, std::string& target,
            const std::vector<std::string_view>& allowed) {
    const auto value = section.string(key);
    if (!value) return;
    if (std::find(allowed.begin(), allowed.end(), *value) == allowed.end()) {
        section.fail(key, fmt::format("'{}' is not one of {}", *value, fmt::join(allowed, ", ")));
    }
    target = *value;
}

template <typename Enum>
void enum_list(TomlSection& section, const std::string& key, std::vector<std::string>& target) {
    const auto values = section.strings(key);
    if (!values) return;
    for (const auto& value : *values) {
        if (!model::enum_from<Enum>(value)) {
            section.fail(key, fmt::format("'{}' is not one of {}", value, fmt::join(model::enum_names<Enum>(), ", ")));
        }
    }
    target = *values;
}

// [lon_min, lat_min, lon_max, lat_max] in degrees, as the text the command line's --extent takes.
std::string lonlat_box(TomlSection& section, const std::string& key, const char* expected) {
    const auto box = section.numbers(key);
    if (!box || box->size() != 4) section.fail(key, expected);
    const auto& b = *box;
    if (b[0] >= b[2] || b[1] >= b[3] || b[0] < -180 || b[2] > 180 || b[1] < -90 || b[3] > 90) {
        section.fail(key, "not a box with lon_min < lon_max and lat_min < lat_max in degrees");
    }
    return fmt::format("{},{},{},{}", b[0], b[1], b[2], b[3]);
}

void read_figure(TomlSection section, FigureSpec& spec) {
    if (const auto title = section.string("title")) spec.title = *title;
    if (const auto subtitle = section.string("subtitle")) spec.subtitle = *subtitle;
    if (const auto author = section.string("author")) spec.author = *author;
    if (const auto credits = section.string("credits")) spec.credits = *credits;
    if (const auto credit = section.string("data_credit")) spec.data_credit = *credit;
    if (const auto style = section.string("style")) spec.style = *style;
    if (const auto size = section.string("size")) {
        const bool named = *size == "single" || *size == "double";
        const auto x = size->find('x');
        const auto is_number = [](std::string_view text) {
            return !text.empty() && text.find_first_not_of("0123456789.") == std::string_view::npos;
        };
        const bool width_only = x == std::string::npos && is_number(*size);
        const bool both = x != std::string::npos && is_number(std::string_view(*size).substr(0, x)) &&
                          is_number(std::string_view(*size).substr(x + 1));
        if (!named && !width_only && !both) {
            section.fail("size", fmt::format("'{}' is not a page size", *size),
                         "write \"single\" (84 mm column), \"double\" (174 mm), a width in mm (height to fit) or "
                         "\"WIDTHxHEIGHT\"");
        }
        spec.size = *size;
    }
    if (const auto width = section.number("flow_max_mm")) {
        if (*width < 0.5 || *width > 20)
            section.fail("flow_max_mm", fmt::format("{} mm is outside 0.5 to 20 mm", *width));
        spec.flow_max_mm = *width;
    }
    if (const auto dpi = section.number("dpi")) {
        if (*dpi < 30 || *dpi > 2400) section.fail("dpi", fmt::format("{} is outside 30 to 2400", *dpi));
        spec.dpi = *dpi;
    }
    // Any code with a locale (built in, or locale/<code>.toml) or a locale file: checked by make_request.
    if (const auto language = section.string("language")) {
        if (!has_locale(*language)) section.fail("language", missing_locale(*language));
        spec.lang = *language;
    }
    spec.texts_language = spec.lang;
    // title_ru, subtitle_kk, credits_ky: the figure's texts in other languages, for --lang.
    for (const auto& [key, value] : section.table()) {
        const std::string name(key.str());
        for (const std::string_view text : {"title_", "subtitle_", "credits_"}) {
            if (!name.starts_with(text)) continue;
            if (!model::is_language_code(name.substr(text.size()))) continue;  // finish() refuses it as unknown
            if (const auto translated = section.string(name)) spec.localized[name] = *translated;
        }
    }
    if (const auto projection = section.string("projection")) spec.projection = *projection;
    if (const toml::node* extent = section.node("extent")) {
        if (extent->is_string() && *extent->value<std::string>() == "auto") {
            spec.extent.clear();
        } else {
            spec.extent = lonlat_box(section, "extent", "expected \"auto\" or [lon_min, lat_min, lon_max, lat_max]");
        }
    }
    one_of(section, "width_scale", spec.width_scale, {"linear", "sqrt", "classes"});
    if (const auto classes = section.numbers("width_classes")) {
        for (const double bound : *classes) {
            if (bound <= 0) section.fail("width_classes", fmt::format("{} is not a positive count", bound));
        }
        spec.width_classes = fmt::format("{}", fmt::join(*classes, ","));
    }
    if (const auto convert = section.boolean("households_as_people")) spec.households_as_people = *convert;
    section.finish();
}

void read_map(TomlSection section, FigureSpec& spec) {
    one_of(section, "legend", spec.legend, {"auto", "right", "below"});
    if (const auto value = section.boolean("graticule")) spec.graticule = *value;
    if (const auto value = section.boolean("scale_bar")) spec.scale_bar = *value;
    if (const auto value = section.boolean("north_arrow")) spec.north_arrow = *value;
    if (const auto value = section.boolean("livestock")) spec.livestock = *value;
    if (const auto value = section.boolean("inset")) spec.inset = *value;
    section.finish();
}

// Paths a spec writes are relative to the spec's own folder (relative_to_file), so that a project (its
// data, spec and style side by side) renders from wherever it is run; defaults not written stay as
// they are (common/data_paths).
void read_data(TomlSection section, FigureSpec& spec, const std::filesystem::path& file) {
    if (const auto path = section.string("gazetteer")) spec.gazetteer = relative_to_file(*path, file);
    // One table as a string, several as an array of strings.
    if (const auto* node = section.node("flows")) {
        if (const auto* one = node->as_string()) {
            spec.flows = {relative_to_file(one->get(), file)};
        } else if (const auto* many = node->as_array(); many != nullptr && !many->empty()) {
            spec.flows.clear();
            for (const auto& item : *many) {
                const auto* path = item.as_string();
                if (path == nullptr) section.fail("flows", "every flow table must be a string (a path)");
                spec.flows.push_back(relative_to_file(path->get(), file));
            }
        } else {
            section.fail("flows", "expected a path or a non-empty array of paths",
                         "flows = \"geodata/flows.csv\" or flows = [\"a.csv\", \"b.csv\"]");
        }
    }
    if (const auto path = section.string("basemap")) spec.basemap = relative_to_file(*path, file);
    if (const auto path = section.string("layers")) spec.layers = relative_to_file(*path, file);
    section.finish();
}

void read_date(TomlSection& section, const std::string& key, std::string& target) {
    const auto text = section.string(key);
    if (!text) return;
    if (!model::PartialDate::parse(*text)) {
        section.fail(key, fmt::format("'{}' is not a date", *text), "write YYYY, YYYY-MM or YYYY-MM-DD");
    }
    target = *text;
}

void read_filter(TomlSection section, FigureSpec& spec) {
    if (const auto years = section.numbers("years")) {
        for (const double year : *years) {
            if (year != std::floor(year) || year < kEarliestYear || year > kLatestYear) {
                section.fail("years", fmt::format("{} is not a year", year));
            }
            spec.years.push_back(static_cast<int>(year));
        }
    }
    read_date(section, "from", spec.from);
    read_date(section, "to", spec.to);
    if (!spec.from.empty() && !spec.to.empty() &&
        model::ends_before(*model::PartialDate::parse(spec.to), *model::PartialDate::parse(spec.from))) {
        section.fail("to", fmt::format("'{}' is before from = '{}'", spec.to, spec.from));
    }
    enum_list<model::Scope>(section, "scope", spec.scope);
    enum_list<model::Status>(section, "status", spec.status);
    enum_list<model::Certainty>(section, "certainty", spec.certainty);
    enum_list<model::Unit>(section, "unit", spec.unit);
    if (const auto origins = section.strings("origin")) {
        spec.origin = *origins;
        spec.origin_where = section.where("origin");
    }
    if (const auto ids = section.strings("ids")) {
        spec.ids = *ids;
        spec.ids_where = section.where("ids");
    }
    if (const auto destinations = section.strings("destination")) {
        spec.destination = *destinations;
        spec.destination_where = section.where("destination");
    }
    section.finish();
}

void read_years(TomlSection section, FigureSpec& spec) {
    if (const auto show = section.string("show")) {
        const auto mode = years_mode_from(*show);
        if (!mode) section.fail("show", fmt::format("'{}' is not one of single, overlay, multiples, sequence", *show));
        spec.years_mode = *mode;
    }
    if (const auto periods = section.strings("periods")) {
        for (const auto& period : *periods) {
            if (!model::parse_period(period)) {
                section.fail("periods", fmt::format("'{}' is not a year or a span of years", period),
                             R"(write "1930" or "1931-1932")");
            }
        }
        spec.periods = *periods;
    }
    if (const auto columns = section.integer("columns")) {
        if (*columns < 1 || *columns > kMostColumns)
            section.fail("columns", fmt::format("{} is outside 1 to {}", *columns, kMostColumns));
        spec.columns = static_cast<int>(*columns);
    }
    section.finish();
}

void read_detail(TomlSection section, FigureSpec& spec) {
    DetailSpec detail;
    detail.where = section.where("extent");
    if (!section.has("extent")) {
        section.fail("extent", "a detail panel needs the extent it shows",
                     "add extent = [lon_min, lat_min, lon_max, lat_max] in degrees");
    }
    detail.extent = lonlat_box(section, "extent", "expected [lon_min, lat_min, lon_max, lat_max]");
    if (const auto title = section.string("title")) detail.title = *title;
    if (const auto title = section.string("overview_title")) detail.overview_title = *title;
    if (section.has("scope")) {
        detail.scope.clear();
        enum_list<model::Scope>(section, "scope", detail.scope);
    }
    if (const auto ids = section.strings("ids")) detail.ids = *ids;
    one_of(section, "legend", detail.legend, {"auto", "right", "below"});
    section.finish();
    spec.detail = std::move(detail);
}

void read_output(TomlSection section, FigureSpec& spec, const std::filesystem::path& file) {
    // Each file's extension is checked against the writers when the figure is requested
    // (figure/figure_request.cpp), at this key.
    if (const auto files = section.strings("files")) {
        spec.outputs_where = section.where("files");
        for (const auto& output : *files) spec.outputs.push_back(relative_to_file(output, file));
    }
    if (const auto report = section.string("report")) spec.report = relative_to_file(*report, file);
    one_of(section, "svg_text", spec.svg_text, {"text", "outlines"});
    if (const auto flatten = section.boolean("flatten")) spec.flatten = *flatten;
    section.finish();
}

}  // namespace

std::optional<YearsMode> years_mode_from(std::string_view text) {
    if (text == "single") return YearsMode::single;
    if (text == "overlay") return YearsMode::overlay;
    if (text == "multiples") return YearsMode::multiples;
    if (text == "sequence") return YearsMode::sequence;
    return std::nullopt;
}

FigureSpec read_figure_spec(const std::filesystem::path& path) {
    const toml::table document = parse_toml_file(path);
    TomlSection root(document, path.string());
    FigureSpec spec;
    spec.source = path.string();
    if (auto section = root.section("figure")) read_figure(*section, spec);
    if (auto section = root.section("map")) read_map(*section, spec);
    if (auto section = root.section("data")) read_data(*section, spec, path);
    if (auto section = root.section("filter")) read_filter(*section, spec);
    if (auto section = root.section("years")) read_years(*section, spec);
    if (auto section = root.section("detail")) read_detail(*section, spec);
    if (auto section = root.section("output")) read_output(*section, spec, path);
    root.finish();
    // A style named by its path ("house.toml", "../styles/x.toml"), not a preset's name ("colour").
    if (spec.style.ends_with(".toml") || spec.style.find('/') != std::string::npos)
        spec.style = relative_to_file(spec.style, path).string();
    return spec;
}

}  // namespace steppeflow::config
