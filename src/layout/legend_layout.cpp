#include "layout/legend_layout.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "layout/map_text.hpp"

namespace steppeflow::layout {

Phrase unit_phrase(std::optional<model::Unit> unit) {
    if (!unit) return Phrase::unit_not_stated;
    switch (*unit) {
        case model::Unit::people:
            return Phrase::people;
        case model::Unit::households:
            return Phrase::households;
        case model::Unit::families:
            return Phrase::families;
        case model::Unit::livestock_head:
            return Phrase::livestock;
    }
    return Phrase::unit_not_stated;
}

std::string count_text(double count) {
    // Thin-space thousands separators, as journals set them.
    std::string digits = fmt::format("{}", static_cast<long long>(std::llround(count)));
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += "\u2009";
        out += digits[i];
    }
    return out;
}

namespace {

Phrase key_phrase(std::optional<model::Unit> unit) {
    if (!unit) return Phrase::unit_not_stated_key;
    switch (*unit) {
        case model::Unit::people:
            return Phrase::people_key;
        case model::Unit::households:
            return Phrase::households_key;
        case model::Unit::families:
            return Phrase::families_key;
        case model::Unit::livestock_head:
            return Phrase::livestock_key;
    }
    return Phrase::unit_not_stated_key;
}

Phrase symbol_phrase(model::PlaceKind kind) {
    switch (kind) {
        case model::PlaceKind::okrug:
            return Phrase::okrug_centre;
        case model::PlaceKind::region:
            return Phrase::region_point;
        case model::PlaceKind::district:
            return Phrase::district_centre;
        case model::PlaceKind::village:
        case model::PlaceKind::tract:
            return Phrase::village;
        case model::PlaceKind::outpost:
        case model::PlaceKind::border_section:
            return Phrase::border_outpost;
        case model::PlaceKind::town:
            return Phrase::town;
        case model::PlaceKind::place:
            return Phrase::place;
        case model::PlaceKind::destination:
        case model::PlaceKind::country:
            return Phrase::destination;
    }
    return Phrase::destination;
}

int symbol_order(model::PlaceKind kind) {
    switch (kind) {
        case model::PlaceKind::okrug:
        case model::PlaceKind::region:
            return 0;
        case model::PlaceKind::district:
            return 1;
        case model::PlaceKind::town:
        case model::PlaceKind::place:
            return 2;
        case model::PlaceKind::village:
        case model::PlaceKind::tract:
            return 3;
        case model::PlaceKind::outpost:
        case model::PlaceKind::border_section:
            return 4;
        default:
            return 5;
    }
}

// One section of the strip, laid out from its own top-left corner.
struct Section {
    std::vector<LegendRow> rows;
    double width = 0;
    double height = 0;
};

constexpr double kLegendPadMm = 1.2;  // between the legend's box and its rows
constexpr double kOverflowMm = 1.0;   // how far a row may run past its room on one line

class SectionBuilder {
public:
    // `widest_mm`: the room a row has (its sample and text); a longer text wraps onto more lines
    // under its first, which stays beside the sample. 0: never wrap.
    SectionBuilder(const FigureOptions& options, const TextMeasure& measure, double widest_mm = 0)
        : measure_(measure),
          size_(options.style.text.legend_pt),
          line_height_(measure("Hg", size_, false, 0).height_mm + 0.5),
          widest_(widest_mm) {}

    void heading(const std::string& text) {
        LegendRow row;
        row.text = text;
        row.heading = true;
        add(std::move(row), line_height_ + 0.3, false);
    }

    void flow(const std::string& text, double width, std::optional<model::Unit> unit, model::Status status,
              model::Certainty certainty, int period = config::kNoPeriod) {
        const double height = std::max(line_height_, width + 0.9);
        LegendRow row;
        row.sample = LegendRow::Sample::flow;
        row.flow.width_mm = width;
        const EndMark mark = end_mark_for(status);
        const bool headed = mark == EndMark::arrowhead || mark == EndMark::chevron;
        row.flow.arrow_length_mm = headed ? arrow_length_for(width) : 0;
        row.flow.arrow_width_mm = headed ? arrow_width_for(width) : 0;
        row.flow.unit = unit;
        row.flow.status = status;
        row.flow.certainty = certainty;
        row.flow.period = period;
        const double cy = y_ + height / 2;
        // A death's cross reaches past the line's end: the line stops short of the text by as much.
        const double end = status == model::Status::died ? kSampleLength - std::max(0.6, 1.3 * width) : kSampleLength;
        row.flow.centre_line = {{0, cy}, {end, cy}};
        row.text = text;
        add(std::move(row), height, true);
    }

    // A disc with a thin branch leaving it: a figure for several places (or a flow too short for its
    // width: `part` from_disc).
    void hub(const std::string& text, double radius, double branch_width, model::Certainty certainty,
             FlowPart part = FlowPart::branch) {
        const double height = std::max(line_height_, 2 * radius + 0.9);
        LegendRow row;
        row.sample = LegendRow::Sample::hub;
        const double cy = y_ + height / 2;
        row.hub.centre = {radius, cy};
        row.hub.radius_mm = radius;
        row.hub.certainty = certainty;
        row.flow.width_mm = branch_width;
        row.flow.arrow_length_mm = arrow_length_for(branch_width);
        row.flow.arrow_width_mm = arrow_width_for(branch_width);
        row.flow.certainty = certainty;
        row.flow.part = part;
        row.flow.centre_line = {{2 * radius, cy}, {kSampleLength, cy}};
        row.text = text;
        add(std::move(row), height, true);
    }

    void symbol(const std::string& text, PlaceSymbol symbol) {
        LegendRow row;
        row.sample = LegendRow::Sample::symbol;
        row.symbol = std::move(symbol);
        row.symbol.centre = {kSampleLength / 2, y_ + line_height_ / 2};
        row.text = text;
        add(std::move(row), line_height_, true);
    }

    FlowShape& last_flow() { return section_.rows.back().flow; }
    void keys_outcome() { section_.rows.back().keys_outcome = true; }
    void width_key(const UnitKey& unit, double count) {
        section_.rows.back().key_unit = unit;
        section_.rows.back().key_count = count;
    }

    Section finish() {
        section_.height = y_;
        Section out = std::move(section_);
        section_ = {};
        y_ = 0;
        return out;
    }

private:
    static constexpr double kSampleLength = 8;
    static constexpr double kTextGap = 1.5;

    void add(LegendRow row, double height, bool has_sample) {
        row.font_size_pt = size_;
        const double text_x = has_sample ? kSampleLength + kTextGap : 0;
        const TextSize line = measure_(row.text, size_, row.heading, 0);
        const double room = widest_ - text_x;
        TextSize text = line;
        // Not for a text that would overflow by a hair: a second line for it costs more than the width.
        if (widest_ > 0 && line.width_mm > room + kOverflowMm && room > 10) {
            text = measure_(row.text, size_, row.heading, room);
            row.wrap_width_mm = room;
        }
        // The first line where a one-line text would stand; the others below it.
        const double one_line = measure_("Hg", size_, row.heading, 0).height_mm;
        row.text_origin = {text_x, y_ + (height - one_line) / 2};
        const double taken = std::max(height, (height - one_line) / 2 + text.height_mm + 0.25);
        section_.width = std::max(section_.width, text_x + text.width_mm);
        section_.rows.push_back(std::move(row));
        y_ += taken;
    }

    const TextMeasure& measure_;
    double size_;
    double line_height_;
    double widest_;
    double y_ = 0;
    Section section_;
};

void add_short_flow_row(SectionBuilder& builder, const FigureOptions& options) {
    builder.hub(phrase(Phrase::short_flow, options.locale), 1.4, options.style.lines.flow_min_mm,
                model::Certainty::documented, FlowPart::from_disc);
}

void shift_row(LegendRow& row, double dx, double dy) {
    row.text_origin = {row.text_origin.x + dx, row.text_origin.y + dy};
    for (auto& p : row.flow.centre_line) p = {p.x + dx, p.y + dy};
    row.symbol.centre = {row.symbol.centre.x + dx, row.symbol.centre.y + dy};
    row.hub.centre = {row.hub.centre.x + dx, row.hub.centre.y + dy};
}

}  // namespace

LegendContent legend_content(const std::vector<model::Flow>& flows, const std::vector<PlaceSymbol>& places,
                             bool area_destination, const FigureOptions& options) {
    LegendContent content;
    if (options.colour_by_period) {
        for (const auto& period : options.periods) content.periods.push_back(period.label);
        content.by_period = true;
    }
    for (const auto& flow : flows) {
        if (content.by_period && !model::period_of(flow, options.periods)) content.undated = true;
        if (flow.unit)
            content.units.insert(*flow.unit);
        else
            content.unknown_unit = true;
        if (flow.count) {
            content.counted_units.insert(flow.unit);
            const double count = static_cast<double>(*flow.count);
            auto [at, fresh] = content.smallest_count.emplace(flow.unit, count);
            if (!fresh) at->second = std::min(at->second, count);
        }
        switch (flow.status) {
            case model::Status::died:
                content.died = true;
                break;
            case model::Status::returned:
            case model::Status::not_returned:
                content.returned = true;
                break;
            case model::Status::detained:
                content.detained = true;
                break;
            case model::Status::attempted:
                content.attempted = true;
                break;
            case model::Status::planned:
                content.planned = true;
                break;
            case model::Status::crossed:
                content.crossed = true;
                break;
        }
        content.several_places = content.several_places || (model::has_branches(flow) && flow.count);
        content.range = content.range || flow.count_high.has_value();
        content.uncertain = content.uncertain || flow.certainty == model::Certainty::estimate ||
                            flow.certainty == model::Certainty::lower_bound;
        content.unknown_size = content.unknown_size || flow.certainty == model::Certainty::unknown_size;
    }
    content.area_destination = area_destination;
    content.short_flows = options.key_short_flows;
    std::set<int> seen;
    for (const auto& place : places) {
        if (seen.insert(static_cast<int>(symbol_phrase(place.kind))).second) content.symbols.push_back(place);
    }
    std::stable_sort(content.symbols.begin(), content.symbols.end(), [](const PlaceSymbol& a, const PlaceSymbol& b) {
        return symbol_order(a.kind) < symbol_order(b.kind);
    });
    return content;
}

std::vector<double> legend_counts(const WidthScale& scale) {
    if (scale.mode() == WidthMode::classes) {
        std::vector<double> bounds(scale.class_bounds().rbegin(), scale.class_bounds().rend());
        return bounds;
    }
    // Round counts (1, 2, 5 × 10^n), each well apart from the next, from the largest down.
    std::vector<double> samples;
    const double max_count = scale.max_count();
    const double magnitude = std::pow(10, std::floor(std::log10(max_count)));
    for (double m = magnitude; m >= 1 && samples.size() < 3; m /= 10) {
        for (const double step : {5.0, 2.0, 1.0}) {
            const double value = step * m;
            if (value <= max_count && samples.size() < 3 && (samples.empty() || value <= samples.back() / 2.5)) {
                samples.push_back(value);
            }
        }
    }
    return samples;
}

Legend layout_legend(const LegendContent& content, const WidthScales& scales, const FigureOptions& options,
                     const TextMeasure& measure, double available_width_mm, double reserved_width_mm) {
    Legend legend;
    // A row as wide as the legend's room at most (less its padding): a longer text wraps.
    SectionBuilder builder(options, measure, available_width_mm - 2 * kLegendPadMm);
    std::vector<Section> sections;
    const auto say = [&](Phrase which) { return std::string(phrase(which, options.locale)); };

    // One width key per unit, each with its own scale: widths compare only within a unit. Coloured by
    // unit, a key's samples take its colour (so no separate colour key is needed); coloured by period,
    // they are neutral, and the unit is in the key's heading and in each flow's label.
    const bool classes = scales.mode_of_all() == WidthMode::classes;
    for (const auto& [unit, scale] : scales.all()) {
        if (!content.counted_units.contains(unit)) continue;
        builder.heading(say(key_phrase(unit)) + (classes ? say(Phrase::classes_suffix) : std::string()));
        const UnitKey sample_unit = content.by_period ? UnitKey{} : unit;
        const double at_minimum = scale.largest_at_minimum();
        // Every count up to `at_minimum` is drawn at the least width: one row says so, instead of
        // samples that would all look alike (a single person as wide as fifty).
        const auto smallest = content.smallest_count.find(unit);
        const bool some_at_minimum = smallest != content.smallest_count.end() && smallest->second <= at_minimum;
        const auto counts = legend_counts(scale);
        int shown = 0;
        for (std::size_t i = 0; i < counts.size(); ++i) {
            // One round sample and the minimum's row: keys for several units stay compact.
            if (some_at_minimum && (counts[i] <= at_minimum || shown == 1)) continue;
            ++shown;
            std::string text = count_text(counts[i]);
            if (scale.mode() == WidthMode::classes) {
                const double lower = i + 1 < counts.size() ? counts[i + 1] + 1 : 1;
                text = fmt::format("{}\u2013{}", count_text(lower), count_text(counts[i]));
            }
            builder.flow(text, scale.width_for(counts[i]), sample_unit, model::Status::crossed,
                         model::Certainty::documented);
            builder.width_key(unit, counts[i]);
        }
        if (some_at_minimum) {
            // Rounded down to two significant figures: "≤ 90 000" is as true as "≤ 90 125" and reads.
            const double magnitude = std::pow(10, std::max(0.0, std::floor(std::log10(std::max(at_minimum, 1.0))) - 1));
            const double rounded = std::floor(at_minimum / magnitude) * magnitude;
            // Unless that would leave out a drawn count at the minimum: then the exact bound.
            const double said = rounded >= smallest->second ? rounded : std::floor(at_minimum);
            builder.flow(fmt::format(fmt::runtime(say(Phrase::at_minimum_width)), count_text(said)),
                         options.style.lines.flow_min_mm, sample_unit, model::Status::crossed,
                         model::Certainty::documented);
            builder.width_key(unit, said);
        }
        sections.push_back(builder.finish());
    }

    if (content.by_period) {
        builder.heading(say(Phrase::year_colour));
        for (std::size_t i = 0; i < content.periods.size(); ++i) {
            builder.flow(content.periods[i], 1.0, std::nullopt, model::Status::crossed, model::Certainty::documented,
                         static_cast<int>(i));
        }
        if (content.undated) {
            builder.flow(say(Phrase::date_not_stated), 1.0, std::nullopt, model::Status::crossed,
                         model::Certainty::documented, config::kUndated);
        }
        sections.push_back(builder.finish());
    } else {
        // Units whose flows have no count have no width key to show their colour: they are listed here.
        bool any = false;
        for (const auto unit : content.units) {
            if (content.counted_units.contains(UnitKey{unit})) continue;
            if (!any) builder.heading(say(Phrase::counted_in_colour));
            any = true;
            builder.flow(say(unit_phrase(unit)), 1.0, unit, model::Status::crossed, model::Certainty::documented);
        }
        if (any) sections.push_back(builder.finish());
    }

    builder.heading(say(Phrase::outcome_and_certainty));
    if (content.crossed) {
        builder.flow(say(content.area_destination ? Phrase::crossed_the_border : Phrase::crossed), 1.0, std::nullopt,
                     model::Status::crossed, model::Certainty::documented);
        builder.keys_outcome();
    }
    if (content.returned) {
        builder.flow(say(Phrase::returned), 1.0, std::nullopt, model::Status::returned, model::Certainty::documented);
        builder.keys_outcome();
    }
    if (content.detained) {
        builder.flow(say(Phrase::detained), 1.0, std::nullopt, model::Status::detained, model::Certainty::documented);
        builder.keys_outcome();
    }
    if (content.attempted) {
        builder.flow(say(Phrase::attempted), 1.0, std::nullopt, model::Status::attempted, model::Certainty::documented);
        builder.keys_outcome();
    }
    if (content.planned) {
        builder.flow(say(Phrase::planned), 1.0, std::nullopt, model::Status::planned, model::Certainty::documented);
        builder.keys_outcome();
    }
    if (content.died) {
        builder.flow(say(Phrase::died), 1.0, std::nullopt, model::Status::died, model::Certainty::documented);
        builder.keys_outcome();
    }
    if (content.schematic_crossing) {
        builder.flow(say(Phrase::schematic_crossing), 1.0, std::nullopt, model::Status::crossed,
                     model::Certainty::documented);
        builder.last_flow().schematic_end_mm = 4.5;
    }
    if (content.uncertain) {
        builder.flow(say(Phrase::estimate_or_lower_bound), 1.0, std::nullopt, model::Status::crossed,
                     model::Certainty::estimate);
    }
    if (content.unknown_size) {
        builder.flow(say(Phrase::number_not_stated), options.style.lines.flow_min_mm, std::nullopt,
                     model::Status::crossed, model::Certainty::unknown_size);
    }
    if (content.range) {
        builder.flow(say(Phrase::range), 1.0, std::nullopt, model::Status::crossed, model::Certainty::estimate);
        builder.last_flow().high_width_mm = 2.0;
    }
    if (content.several_places) {
        builder.hub(say(Phrase::hub), 1.4, options.style.lines.flow_min_mm, model::Certainty::documented);
    }
    if (content.short_flows) add_short_flow_row(builder, options);
    sections.push_back(builder.finish());

    if (!content.symbols.empty()) {
        builder.heading(say(Phrase::places));
        for (const auto& symbol : content.symbols) builder.symbol(say(symbol_phrase(symbol.kind)), symbol);
        if (content.roughly_located) {
            PlaceSymbol rough{"", model::PlaceKind::village, {}, options.style.symbols.village};
            rough.uncertainty_mm = rough.radius_mm + 1.4;
            builder.symbol(say(Phrase::located_roughly), rough);
        }
        sections.push_back(builder.finish());
    }

    // The scale bar travels with the legend as a last section of its own, holding only room.
    if (reserved_width_mm > 0) sections.push_back({{}, reserved_width_mm, 8});

    // Sections side by side in columns; a section that finds no room at the end of the first line
    // goes under the column that ends highest and is wide enough (as masonry is laid), so that a
    // short column does not leave a hole beneath it; failing that, on a new line under all of them.
    const double gap = 5;
    const double pad = kLegendPadMm;
    const double usable = available_width_mm - 2 * pad;
    struct Column {
        double x;
        double bottom;
    };
    std::vector<Column> columns;
    double widest = 0;
    double deepest = 0;
    double line_top = 0;  // of the line of columns being filled
    double next_x = 0;
    bool first_line = true;
    const auto place = [&](Section& section, double x, double y) {
        if (section.rows.empty()) legend.reserved_origin = {pad + x, pad + y};
        for (auto& row : section.rows) {
            shift_row(row, pad + x, pad + y);
            legend.rows.push_back(std::move(row));
        }
        widest = std::max(widest, x + section.width);
        deepest = std::max(deepest, y + section.height);
    };
    for (auto& section : sections) {
        if (first_line && (next_x == 0 || next_x + section.width <= usable)) {
            columns.push_back({next_x, line_top + section.height});
            place(section, next_x, line_top);
            next_x += section.width + gap;
            continue;
        }
        first_line = false;
        // Under one column, or spanning several side by side, wherever it comes to rest highest.
        std::optional<std::pair<std::size_t, std::size_t>> best;  // first and last column spanned
        double best_y = 0;
        for (std::size_t c = 0; c < columns.size(); ++c) {
            double top = 0;
            for (std::size_t k = c; k < columns.size(); ++k) {
                top = std::max(top, columns[k].bottom);
                const double room = (k + 1 < columns.size() ? columns[k + 1].x - gap : usable) - columns[c].x;
                if (section.width > room) continue;
                if (!best || top < best_y - 1e-9) {
                    best = std::pair{c, k};
                    best_y = top;
                }
                break;
            }
        }
        if (!best) {
            // A new line under everything, laid as the first one was.
            line_top = deepest + 2.5;
            columns.clear();
            columns.push_back({0, line_top + section.height});
            place(section, 0, line_top);
            next_x = section.width + gap;
            first_line = true;
            continue;
        }
        const double y = best_y + 2.5;
        place(section, columns[best->first].x, y);
        for (std::size_t k = best->first; k <= best->second; ++k) columns[k].bottom = y + section.height;
    }
    legend.box = {0, 0, std::max(widest + 2 * pad, available_width_mm), deepest + 2 * pad};
    return legend;
}

void match_hub_row(Legend& legend, bool hubs_drawn, const config::Locale& locale) {
    if (hubs_drawn) return;
    for (auto& row : legend.rows) {
        // The disc of a short flow keys what is drawn whatever became of the hubs.
        if (row.sample != LegendRow::Sample::hub || row.flow.part == FlowPart::from_disc) continue;
        row.sample = LegendRow::Sample::flow;
        if (!row.flow.centre_line.empty()) row.flow.centre_line.front().x -= 2 * row.hub.radius_mm;
        row.text = phrase(Phrase::trunk_branches, locale);
    }
}

bool keys_short_flows(const Legend& legend) {
    return std::any_of(legend.rows.begin(), legend.rows.end(), [](const LegendRow& row) {
        return row.sample == LegendRow::Sample::hub && row.flow.part == FlowPart::from_disc;
    });
}

void shift_legend(Legend& legend, double dx, double dy) {
    legend.box.x += dx;
    legend.box.y += dy;
    legend.reserved_origin = {legend.reserved_origin.x + dx, legend.reserved_origin.y + dy};
    for (auto& row : legend.rows) shift_row(row, dx, dy);
}

}  // namespace steppeflow::layout
