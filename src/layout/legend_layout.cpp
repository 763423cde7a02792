#include "layout/legend_layout.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include <fmt/format.h>

namespace steppeflow::layout {

namespace {

// Round sample counts (1, 2, 5 × 10^n) spanning the scale, largest first.
std::vector<double> sample_counts(double max_count) {
    std::vector<double> samples;
    const double magnitude = std::pow(10, std::floor(std::log10(max_count)));
    for (double m = magnitude; m >= 1 && samples.size() < 3; m /= 10) {
        for (const double step : {5.0, 2.0, 1.0}) {
            const double value = step * m;
            if (value <= max_count && samples.size() < 3 &&
                (samples.empty() || value <= samples.back() / 2.5)) {
                samples.push_back(value);
            }
        }
    }
    return samples;
}

std::string unit_text(std::optional<model::Unit> unit) {
    if (!unit) return "size and unit unknown";
    switch (*unit) {
        case model::Unit::people: return "people";
        case model::Unit::households: return "households (farms)";
        case model::Unit::families: return "families";
        case model::Unit::livestock_head: return "head of livestock";
    }
    return {};
}

std::string symbol_text(model::PlaceKind kind) {
    switch (kind) {
        case model::PlaceKind::okrug:
        case model::PlaceKind::region: return "okrug / region centre";
        case model::PlaceKind::district: return "district centre";
        case model::PlaceKind::village:
        case model::PlaceKind::tract: return "village or tract";
        case model::PlaceKind::outpost:
        case model::PlaceKind::border_section: return "border outpost";
        case model::PlaceKind::town: return "town";
        case model::PlaceKind::destination:
        case model::PlaceKind::country: return "destination (region or country)";
    }
    return {};
}

}  // namespace

Legend layout_legend(const Scene& scene, const WidthScale& scale, const FigureOptions& options, const TextMeasure& measure) {
    Legend legend;
    if (scene.flows.empty()) return legend;
    const double size = options.label_size_pt;
    const double line_height = measure("Hg", size, false, 0).height_mm + 0.6;
    const double sample_length = 9;
    const double pad = 1.5;
    double y = 0;  // relative to the box's top; shifted at the end
    double text_width = 0;

    std::vector<double> row_tops;
    const auto add_text_row = [&](LegendRow row, double height) {
        row_tops.push_back(y);
        row.font_size_pt = size;
        row.text_origin = {pad + sample_length + 1.5, y + (height - line_height + 0.6) / 2};
        if (row.sample == LegendRow::Sample::none) row.text_origin.x = pad;
        text_width = std::max(text_width, row.text_origin.x - pad + measure(row.text, size, row.heading, 0).width_mm);
        legend.rows.push_back(std::move(row));
        y += height;
    };
    const auto add_heading = [&](std::string text) {
        LegendRow row;
        row.text = std::move(text);
        row.heading = true;
        add_text_row(std::move(row), line_height);
    };
    const auto flow_sample = [&](double width, std::optional<model::Unit> unit, model::Status status,
                                 model::Certainty certainty, double row_height) {
        LegendRow row;
        row.sample = LegendRow::Sample::flow;
        row.flow.width_mm = width;
        row.flow.arrow_length_mm = std::max(1.6, 2.0 * width);
        row.flow.arrow_width_mm = std::max(1.4, 1.8 * width);
        row.flow.unit = unit;
        row.flow.status = status;
        row.flow.certainty = certainty;
        const double cy = y + row_height / 2;
        row.flow.centre_line = {{pad, cy}, {pad + sample_length, cy}};
        return row;
    };

    y = pad;
    add_heading("Width: number stated");
    for (const double count : sample_counts(scale.max_count())) {
        const double width = scale.width_for(count);
        LegendRow row = flow_sample(width, std::nullopt, model::Status::crossed, model::Certainty::documented,
                                    std::max(line_height, width + 0.8));
        row.text = fmt::format("{:L}", static_cast<long long>(count));
        add_text_row(std::move(row), std::max(line_height, width + 0.8));
    }

    std::set<int> units;
    std::set<int> statuses;
    bool uncertain = false;
    bool unknown = false;
    for (const auto& flow : scene.flows) {
        if (flow.unit) units.insert(static_cast<int>(*flow.unit));
        statuses.insert(static_cast<int>(flow.status));
        uncertain = uncertain || flow.certainty == model::Certainty::estimate || flow.certainty == model::Certainty::lower_bound;
        unknown = unknown || flow.certainty == model::Certainty::unknown_size;
    }
    add_heading("Colour: unit of the count");
    for (const int unit : units) {
        LegendRow row = flow_sample(1.0, static_cast<model::Unit>(unit), model::Status::crossed, model::Certainty::documented, line_height);
        row.text = unit_text(static_cast<model::Unit>(unit));
        add_text_row(std::move(row), line_height);
    }
    add_heading("Outcome and certainty");
    if (statuses.count(static_cast<int>(model::Status::crossed))) {
        LegendRow row = flow_sample(1.0, std::nullopt, model::Status::crossed, model::Certainty::documented, line_height);
        row.text = "crossed (arrow)";
        add_text_row(std::move(row), line_height);
    }
    if (statuses.count(static_cast<int>(model::Status::detained)) || statuses.count(static_cast<int>(model::Status::attempted)) ||
        statuses.count(static_cast<int>(model::Status::planned))) {
        LegendRow row = flow_sample(1.0, std::nullopt, model::Status::detained, model::Certainty::documented, line_height);
        row.text = "detained, attempted or planned (bar)";
        add_text_row(std::move(row), line_height);
    }
    if (uncertain) {
        LegendRow row = flow_sample(1.0, std::nullopt, model::Status::crossed, model::Certainty::estimate, line_height);
        row.text = "estimate or lower bound (pale)";
        add_text_row(std::move(row), line_height);
    }
    if (unknown) {
        LegendRow row = flow_sample(options.min_flow_width_mm, std::nullopt, model::Status::crossed,
                                    model::Certainty::unknown_size, line_height);
        row.text = "size not stated (dashed)";
        add_text_row(std::move(row), line_height);
    }

    std::set<std::string> seen;
    bool symbol_heading = false;
    for (const auto& place : scene.places) {
        const std::string text = symbol_text(place.kind);
        if (!seen.insert(text).second) continue;
        if (!symbol_heading) {
            add_heading("Places");
            symbol_heading = true;
        }
        LegendRow row;
        row.sample = LegendRow::Sample::symbol;
        row.symbol = place;
        row.symbol.centre = {pad + sample_length / 2, y + line_height / 2};
        row.text = text;
        add_text_row(std::move(row), line_height);
    }
    y += pad;

    double width = pad + text_width + pad;
    const Box& f = scene.map_frame;
    // Too tall for the frame (a small page): move the sections from the middle heading on into a second column.
    if (y > 0.85 * f.height) {
        std::size_t split = 0;
        for (std::size_t i = 1; i < legend.rows.size(); ++i) {
            if (legend.rows[i].heading && (split == 0 || std::abs(row_tops[i] - y / 2) < std::abs(row_tops[split] - y / 2))) {
                split = i;
            }
        }
        if (split > 0) {
            const double shift_x = width;
            const double shift_y = row_tops[split] - pad;
            for (std::size_t i = split; i < legend.rows.size(); ++i) {
                auto& row = legend.rows[i];
                row.text_origin = {row.text_origin.x + shift_x, row.text_origin.y - shift_y};
                for (auto& p : row.flow.centre_line) p = {p.x + shift_x, p.y - shift_y};
                row.symbol.centre = {row.symbol.centre.x + shift_x, row.symbol.centre.y - shift_y};
            }
            y = std::max(row_tops[split], y - shift_y);
            width *= 2;
        }
    }
    // The frame corner where the legend hides the fewest flow vertices and place symbols.
    const double inset = 1.5;
    const std::vector<Box> corners{{f.x + inset, f.y + f.height - y - inset, width, y},
                                   {f.x + f.width - width - inset, f.y + f.height - y - inset, width, y},
                                   {f.x + inset, f.y + inset, width, y},
                                   {f.x + f.width - width - inset, f.y + inset, width, y}};
    const auto covered = [&](const Box& box) {
        int count = 0;
        const auto inside = [&](Point p) {
            return p.x >= box.x && p.x <= box.x + box.width && p.y >= box.y && p.y <= box.y + box.height;
        };
        for (const auto& place : scene.places) count += inside(place.centre) ? 10 : 0;
        for (const auto& flow : scene.flows) {
            // Sample along each segment so a long straight flow crossing the box counts too.
            for (std::size_t i = 1; i < flow.centre_line.size(); ++i) {
                const Point a = flow.centre_line[i - 1];
                const Point b = flow.centre_line[i];
                for (int k = 0; k <= 20; ++k) {
                    const double t = k / 20.0;
                    count += inside({a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t}) ? 1 : 0;
                }
            }
        }
        return count;
    };
    legend.box = *std::min_element(corners.begin(), corners.end(),
                                   [&](const Box& a, const Box& b) { return covered(a) < covered(b); });
    const double dx = legend.box.x;
    const double dy = legend.box.y;
    for (auto& row : legend.rows) {
        row.text_origin.x += dx;
        row.text_origin.y += dy;
        for (auto& p : row.flow.centre_line) p = {p.x + dx, p.y + dy};
        row.symbol.centre = {row.symbol.centre.x + dx, row.symbol.centre.y + dy};
    }
    return legend;
}

}  // namespace steppeflow::layout
