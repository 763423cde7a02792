#include "render/scene_painter.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>

#include <fmt/format.h>

#include "common/error.hpp"
#include "layout/geometry.hpp"
#include "layout/leaders.hpp"
#include "render/cairo_handles.hpp"
#include "render/text.hpp"

namespace steppeflow::render {

namespace {

using layout::Point;

void set_colour(cairo_t* cr, const config::Rgb& c, double alpha = 1) {
    cairo_set_source_rgba(cr, c.r, c.g, c.b, drawn_opaque(cr) ? 1.0 : alpha);
}

config::Rgb tint(const config::Rgb& c, double share) {
    return {1 - (1 - c.r) * share, 1 - (1 - c.g) * share, 1 - (1 - c.b) * share};
}

void trace(cairo_t* cr, const layout::PagePath& path, bool close) {
    if (path.empty()) return;
    cairo_move_to(cr, path.front().x, path.front().y);
    for (std::size_t i = 1; i < path.size(); ++i) cairo_line_to(cr, path[i].x, path[i].y);
    if (close) cairo_close_path(cr);
}

void fill_polygons(cairo_t* cr, const layout::BasemapLayer& layer, const config::Rgb& colour) {
    cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
    for (const auto& polygon : layer.polygons) {
        for (const auto& ring : polygon) trace(cr, ring, true);
    }
    set_colour(cr, colour);
    cairo_fill(cr);
}

void stroke_lines(cairo_t* cr, const layout::BasemapLayer& layer, const config::Rgb& colour, double width_mm,
                  bool width_by_rank) {
    set_colour(cr, colour);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    for (std::size_t i = 0; i < layer.lines.size(); ++i) {
        trace(cr, layer.lines[i], false);
        // Natural Earth scalerank: 0–1 great rivers, 6+ small ones.
        const double rank = width_by_rank ? std::clamp(layer.line_ranks[i], 0.0, 10.0) : 0;
        cairo_set_line_width(cr, width_by_rank ? width_mm * (1.8 - rank * 0.12) : width_mm);
        cairo_stroke(cr);
    }
}

void stroke_outlines(cairo_t* cr, const layout::BasemapLayer& layer, const config::Rgb& colour, double width_mm) {
    for (const auto& polygon : layer.polygons) {
        for (const auto& ring : polygon) trace(cr, ring, true);
    }
    set_colour(cr, colour);
    cairo_set_line_width(cr, width_mm);
    cairo_stroke(cr);
}

// One layer by its rule: areas filled, then lines (and area outlines) stroked, dashed if it says so.
// Shaded relief: slopes turned from the light darkened in the rule's colour, slopes facing it
// lightened, level ground (and no data) left as the land beneath.
void paint_relief(cairo_t* cr, const layout::ReliefImage& relief, const config::Rgb& shadow) {
    constexpr double kShadowAlpha = 0.7;
    constexpr double kLightAlpha = 0.35;
    Surface image(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, relief.width, relief.height));
    cairo_surface_flush(image.get());
    unsigned char* data = cairo_image_surface_get_data(image.get());
    const int stride = cairo_image_surface_get_stride(image.get());
    const double flat = relief.flat;
    for (int y = 0; y < relief.height; ++y) {
        auto* row = reinterpret_cast<std::uint32_t*>(data + static_cast<std::ptrdiff_t>(y) * stride);
        for (int x = 0; x < relief.width; ++x) {
            const double shade = relief.shade[static_cast<std::size_t>(y) * relief.width + x];
            double alpha = 0;
            config::Rgb colour{1, 1, 1};
            if (shade > 0 && shade < flat) {
                alpha = kShadowAlpha * (flat - shade) / flat;
                colour = shadow;
            } else if (shade > flat) {
                alpha = kLightAlpha * (shade - flat) / (255 - flat);
            }
            // Premultiplied ARGB.
            const auto channel = [&](double c) { return static_cast<std::uint32_t>(std::lround(c * alpha * 255)); };
            row[x] = (static_cast<std::uint32_t>(std::lround(alpha * 255)) << 24) | (channel(colour.r) << 16) |
                     (channel(colour.g) << 8) | channel(colour.b);
        }
    }
    cairo_surface_mark_dirty(image.get());
    cairo_save(cr);
    cairo_translate(cr, relief.box.x, relief.box.y);
    cairo_scale(cr, relief.box.width / relief.width, relief.box.height / relief.height);
    cairo_set_source_surface(cr, image.get(), 0, 0);
    cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
    cairo_paint(cr);
    cairo_restore(cr);
}

void paint_layer(cairo_t* cr, const layout::SceneLayer& layer) {
    const config::LayerRule& rule = layer.rule;
    if (layer.relief) {
        if (!drawn_opaque(cr)) paint_relief(cr, *layer.relief, rule.fill.value_or(config::Rgb{0, 0, 0}));
        return;
    }
    if (rule.fill) fill_polygons(cr, layer.geometry, *rule.fill);
    if (!rule.line) return;
    if (!rule.dash.empty()) cairo_set_dash(cr, rule.dash.data(), static_cast<int>(rule.dash.size()), 0);
    if (!layer.geometry.polygons.empty()) stroke_outlines(cr, layer.geometry, *rule.line, rule.width_mm);
    stroke_lines(cr, layer.geometry, *rule.line, rule.width_mm, rule.width_by_rank);
    if (!rule.dash.empty()) cairo_set_dash(cr, nullptr, 0, 0);
}

void paint_graticule(cairo_t* cr, const layout::Scene& scene, const config::Style& style) {
    set_colour(cr, style.colours.graticule);
    cairo_set_line_width(cr, style.lines.graticule_mm);
    for (const auto& line : scene.graticule) {
        trace(cr, line.path, false);
        cairo_stroke(cr);
    }
}

// The layers in order over the water colour; the graticule where the layer list puts it (on top
// when the list does not say).
void paint_basemap(cairo_t* cr, const layout::Scene& scene, const config::Style& style) {
    const auto& f = scene.map_frame;
    cairo_save(cr);
    cairo_rectangle(cr, f.x, f.y, f.width, f.height);
    cairo_clip(cr);
    set_colour(cr, style.colours.water);
    cairo_paint(cr);
    bool graticule_drawn = false;
    for (const auto& layer : scene.layers) {
        if (layer.role == model::LayerRole::graticule) {
            paint_graticule(cr, scene, style);
            graticule_drawn = true;
            continue;
        }
        paint_layer(cr, layer);
    }
    if (!graticule_drawn) paint_graticule(cr, scene, style);
    cairo_restore(cr);
}

void arrowhead_path(cairo_t* cr, Point tip, Point base, double half_width) {
    const Point across = layout::right_normal(layout::unit(tip - base)) * half_width;
    cairo_move_to(cr, tip.x, tip.y);
    cairo_line_to(cr, base.x + across.x, base.y + across.y);
    cairo_line_to(cr, base.x - across.x, base.y - across.y);
    cairo_close_path(cr);
}

// The last `length` millimetres of a path, from where they begin to its end.
layout::PagePath last_stretch(const layout::PagePath& path, double length) {
    layout::PagePath reversed(path.rbegin(), path.rend());
    layout::PagePath tail = layout::cut_at_length(reversed, length);
    return {tail.rbegin(), tail.rend()};
}

// A planned movement's ring: wider than its line, so that it reads as a ring, not as a dot.
double ring_radius(double width_mm) { return std::max(0.8, width_mm * 1.1); }

void paint_flow(cairo_t* cr, const layout::FlowShape& flow, const config::Style& style) {
    const auto& line = flow.centre_line;
    if (line.size() < 2) return;
    const config::Rgb colour = config::flow_colour(style, flow.unit, flow.period);
    const bool uncertain =
        flow.certainty == model::Certainty::estimate || flow.certainty == model::Certainty::lower_bound;
    const bool unknown = flow.certainty == model::Certainty::unknown_size;
    // Returns are arrivals too; deaths, detentions, attempts and plans end in a mark, not a head.
    const bool stopped = !model::arrived(flow.status);

    // The shaft ends where the arrowhead begins; the head points along the chord from there to the tip.
    const double total = layout::path_length(line);
    const double head = stopped ? 0 : std::min(flow.arrow_length_mm, total);
    const layout::EndMark mark = layout::end_mark_for(flow.status);
    // A chevron stands open in front of the shaft, which stops where its arms end, as it stops at a
    // head's base: paper shows inside the arms. A ring's paper inside covers the shaft's end.
    double cut = head;
    if (mark == layout::EndMark::chevron) {
        cut = flow.arrow_length_mm;
    } else if (mark == layout::EndMark::ring) {
        cut = ring_radius(flow.width_mm);
    }
    cut = std::min(cut, total * 0.9);
    // A hundredth of a millimetre is far below any printer's dot: the simplified shaft draws the same.
    const layout::PagePath shaft = layout::simplify(cut > 0 ? layout::cut_at_length(line, total - cut) : line, 0.01);
    const Point tip = line.back();
    const Point base = head > 0 ? shaft.back() : tip;
    const Point direction = layout::unit(tip - layout::point_back_from_end(line, std::max(head, 0.5)));

    // An attempt's open chevron: its mitred apex sits where a head's tip would, not beyond it.
    const bool chevron = mark == layout::EndMark::chevron && flow.arrow_length_mm > 0;
    const double chevron_stroke = std::max(0.3, std::min(flow.width_mm * 0.35, 1.2));
    const auto chevron_path = [&] {
        const double half_angle = std::atan2(flow.arrow_width_mm / 2, flow.arrow_length_mm);
        const Point apex = tip - direction * (chevron_stroke / 2 / std::sin(half_angle));
        const Point back = apex - direction * flow.arrow_length_mm;
        const Point across = layout::right_normal(direction) * (flow.arrow_width_mm / 2);
        cairo_new_path(cr);
        cairo_move_to(cr, back.x + across.x, back.y + across.y);
        cairo_line_to(cr, apex.x, apex.y);
        cairo_line_to(cr, back.x - across.x, back.y - across.y);
    };

    cairo_save(cr);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
    if (unknown) {
        const std::array<double, 2> dashes{1.0, 0.6};
        cairo_set_dash(cr, dashes.data(), static_cast<int>(dashes.size()), 0);
    }
    // A stated range: a pale band as wide as its high end, beneath the line of its low end.
    const bool range = flow.high_width_mm > flow.width_mm + 0.05;
    const double outer_width = range ? flow.high_width_mm : flow.width_mm;
    // A white casing keeps flows that cross or run side by side apart.
    if (!unknown) {
        trace(cr, shaft, false);
        set_colour(cr, style.colours.paper, 0.85);
        cairo_set_line_width(cr, outer_width + 2 * style.lines.flow_casing_mm);
        cairo_stroke(cr);
        if (range) {
            trace(cr, shaft, false);
            set_colour(cr, tint(colour, 0.45));
            cairo_set_line_width(cr, flow.high_width_mm);
            cairo_stroke(cr);
        }
        if (head > 0) {
            arrowhead_path(cr, tip, base, flow.arrow_width_mm / 2);
            cairo_set_line_width(cr, 2 * style.lines.flow_casing_mm);
            cairo_stroke(cr);
        } else if (chevron) {
            // Cased beneath the shaft, so that the casing parts the arms from other flows, not from it.
            chevron_path();
            cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER);
            cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
            cairo_set_line_width(cr, chevron_stroke + 2 * style.lines.flow_casing_mm);
            cairo_stroke(cr);
            cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
            cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
        }
    }
    // A schematic crossing: the shaft's last stretch broken into short dashes across its width.
    const double shaft_length = layout::path_length(shaft);
    const double schematic = unknown ? 0 : std::min(flow.schematic_end_mm, shaft_length * 0.9);
    const layout::PagePath solid = schematic > 0 ? layout::cut_at_length(shaft, shaft_length - schematic) : shaft;
    const layout::PagePath broken = schematic > 0 ? last_stretch(shaft, schematic) : layout::PagePath{};
    const std::array<double, 2> breaks{std::max(0.5, flow.width_mm * 0.35), std::max(0.35, flow.width_mm * 0.22)};
    // Estimates and lower bounds: a pale core inside a line of the flow's colour.
    const double edge = std::min(0.22, flow.width_mm * 0.25);
    for (const auto* part : {&solid, &broken}) {
        if (part->size() < 2) continue;
        if (part == &broken) cairo_set_dash(cr, breaks.data(), static_cast<int>(breaks.size()), 0);
        trace(cr, *part, false);
        set_colour(cr, colour);
        cairo_set_line_width(cr, flow.width_mm);
        cairo_stroke(cr);
        if (uncertain && flow.width_mm > 2.5 * edge) {
            trace(cr, *part, false);
            set_colour(cr, tint(colour, 0.3));
            cairo_set_line_width(cr, flow.width_mm - 2 * edge);
            cairo_stroke(cr);
        }
    }
    cairo_set_dash(cr, nullptr, 0, 0);

    if (mark == layout::EndMark::cross) {
        // Deaths: a cross at the end, never the bar of a movement that was stopped.
        // Its arms reach well beyond the line's edges, so that it never reads as a bar.
        const double half = std::max(1.2, flow.width_mm * 2.6) / 2;
        const Point a = (layout::right_normal(direction) + direction) * (half * 0.7071);
        const Point b = (layout::right_normal(direction) - direction) * (half * 0.7071);
        cairo_move_to(cr, tip.x - a.x, tip.y - a.y);
        cairo_line_to(cr, tip.x + a.x, tip.y + a.y);
        cairo_move_to(cr, tip.x - b.x, tip.y - b.y);
        cairo_line_to(cr, tip.x + b.x, tip.y + b.y);
        set_colour(cr, colour);
        cairo_set_line_width(cr, std::max(0.35, std::min(flow.width_mm * 0.4, 0.8)));
        cairo_stroke(cr);
    } else if (mark == layout::EndMark::bar) {
        // A bar across the end: the movement was stopped (detained).
        const double half = std::max(1.4, flow.width_mm * 1.6) / 2;
        const Point across = layout::right_normal(direction) * half;
        cairo_move_to(cr, tip.x - across.x, tip.y - across.y);
        cairo_line_to(cr, tip.x + across.x, tip.y + across.y);
        set_colour(cr, colour);
        cairo_set_line_width(cr, std::max(0.4, std::min(flow.width_mm * 0.5, 1.0)));
        cairo_stroke(cr);
    } else if (chevron) {
        // An open chevron: the direction was taken, what became of it the source does not say. Not a
        // filled head (that would claim arrival) and not a bar (that would claim it was stopped).
        chevron_path();
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER);
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
        set_colour(cr, colour);
        cairo_set_line_width(cr, chevron_stroke);
        cairo_stroke(cr);
    } else if (mark == layout::EndMark::ring) {
        // A ring at the end: a movement planned (intended, prepared), not made.
        const double radius = ring_radius(flow.width_mm);
        const double stroke = std::max(0.3, std::min(flow.width_mm * 0.4, 0.8));
        const Point centre = tip - direction * radius;
        cairo_new_path(cr);
        cairo_arc(cr, centre.x, centre.y, radius, 0, 2 * std::numbers::pi);
        set_colour(cr, style.colours.paper);
        cairo_fill_preserve(cr);
        set_colour(cr, colour);
        cairo_set_line_width(cr, stroke);
        cairo_stroke(cr);
    } else if (head > 0) {
        arrowhead_path(cr, tip, base, flow.arrow_width_mm / 2);
        if (uncertain) {
            // Pale inside, outlined in the flow's colour, like the shaft.
            set_colour(cr, tint(colour, 0.3));
            cairo_fill_preserve(cr);
            set_colour(cr, colour);
            cairo_set_line_width(cr, edge * 1.6);
            cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER);
            cairo_stroke(cr);
        } else {
            set_colour(cr, colour);
            cairo_fill(cr);
        }
    }
    cairo_restore(cr);
}

// A figure for several destinations: a disc of the flow's width, filled as its flow is (pale inside an
// outline for estimates), a pale ring to the high end of a range.
void paint_hub(cairo_t* cr, const layout::FlowHub& hub, const config::Style& style) {
    const config::Rgb colour = config::flow_colour(style, hub.unit, hub.period);
    const bool uncertain =
        hub.certainty == model::Certainty::estimate || hub.certainty == model::Certainty::lower_bound;
    const double outer = std::max(hub.radius_mm, hub.high_radius_mm);
    cairo_save(cr);
    cairo_new_path(cr);
    cairo_arc(cr, hub.centre.x, hub.centre.y, outer + style.lines.flow_casing_mm, 0, 2 * std::numbers::pi);
    set_colour(cr, style.colours.paper, 0.85);
    cairo_fill(cr);
    if (hub.high_radius_mm > hub.radius_mm) {
        cairo_arc(cr, hub.centre.x, hub.centre.y, hub.high_radius_mm, 0, 2 * std::numbers::pi);
        set_colour(cr, tint(colour, 0.45));
        cairo_fill(cr);
    }
    cairo_arc(cr, hub.centre.x, hub.centre.y, hub.radius_mm, 0, 2 * std::numbers::pi);
    if (uncertain) {
        set_colour(cr, tint(colour, 0.3));
        cairo_fill_preserve(cr);
        set_colour(cr, colour);
        cairo_set_line_width(cr, 0.35);
        cairo_stroke(cr);
    } else {
        set_colour(cr, colour);
        cairo_fill(cr);
    }
    cairo_restore(cr);
}

// Where a trunk divides into branches (or branches join it): a round node of the trunk's width over
// the ends, so that the branches' casings leave no notch in it.
void paint_junction(cairo_t* cr, const layout::FlowShape& flow, const config::Style& style) {
    if (flow.part != layout::FlowPart::trunk || flow.centre_line.size() < 2) return;
    const Point at = flow.target == layout::TargetKind::junction ? flow.centre_line.back() : flow.centre_line.front();
    const bool uncertain =
        flow.certainty == model::Certainty::estimate || flow.certainty == model::Certainty::lower_bound;
    const config::Rgb colour = config::flow_colour(style, flow.unit, flow.period);
    const double edge = std::min(0.22, flow.width_mm * 0.25);
    const bool pale = uncertain && flow.width_mm > 2.5 * edge;
    cairo_save(cr);
    cairo_new_path(cr);
    cairo_arc(cr, at.x, at.y, flow.width_mm / 2, 0, 2 * std::numbers::pi);
    set_colour(cr, pale ? tint(colour, 0.3) : colour);
    cairo_fill(cr);
    if (pale) {
        // The trunk's coloured edges run on round its end, as a cap, where the branches leave.
        const bool at_end = flow.target == layout::TargetKind::junction;
        const Point along = at_end ? at - layout::point_back_from_end(flow.centre_line, 0.5)
                                   : flow.centre_line[1] - flow.centre_line.front();
        const double ahead = std::atan2(along.y, along.x) + (at_end ? 0 : std::numbers::pi);
        cairo_arc(cr, at.x, at.y, flow.width_mm / 2 - edge / 2, ahead - std::numbers::pi / 2,
                  ahead + std::numbers::pi / 2);
        set_colour(cr, colour);
        cairo_set_line_width(cr, edge);
        cairo_stroke(cr);
    }
    cairo_restore(cr);
}

// A place located only roughly: a dashed ring of its stated precision, over a faint disc, beneath
// the flows, so that the symbol does not read as an exact position.
void paint_uncertainty(cairo_t* cr, const layout::PlaceSymbol& symbol, const config::Style& style) {
    if (symbol.uncertainty_mm <= 0) return;
    cairo_save(cr);
    cairo_new_path(cr);
    cairo_arc(cr, symbol.centre.x, symbol.centre.y, symbol.uncertainty_mm, 0, 2 * std::numbers::pi);
    if (!drawn_opaque(cr)) {  // the faint disc is a wash over the map: no opaque colour can be it
        set_colour(cr, style.colours.symbol_line, 0.07);
        cairo_fill_preserve(cr);
    }
    const std::array<double, 2> dashes{0.6, 0.45};
    cairo_set_dash(cr, dashes.data(), static_cast<int>(dashes.size()), 0);
    set_colour(cr, style.colours.symbol_line, 0.8);
    cairo_set_line_width(cr, std::max(0.15, style.lines.symbol_outline_mm * 0.8));
    cairo_stroke(cr);
    cairo_restore(cr);
}

void paint_symbol(cairo_t* cr, const layout::PlaceSymbol& symbol, const config::Style& style) {
    cairo_new_path(cr);  // text leaves a current point; a symbol must not connect to it
    const double r = symbol.radius_mm;
    const auto [x, y] = symbol.centre;
    switch (symbol.kind) {
        case model::PlaceKind::outpost:
        case model::PlaceKind::border_section:
            cairo_move_to(cr, x, y - r);
            cairo_line_to(cr, x + r * 0.87, y + r * 0.5);
            cairo_line_to(cr, x - r * 0.87, y + r * 0.5);
            cairo_close_path(cr);
            break;
        case model::PlaceKind::destination:
        case model::PlaceKind::country:
            cairo_rectangle(cr, x - r * 0.8, y - r * 0.8, r * 1.6, r * 1.6);
            break;
        default:
            cairo_arc(cr, x, y, r, 0, 2 * std::numbers::pi);
            break;
    }
    const bool filled = symbol.kind == model::PlaceKind::destination || symbol.kind == model::PlaceKind::country ||
                        symbol.kind == model::PlaceKind::okrug || symbol.kind == model::PlaceKind::region;
    set_colour(cr, filled ? style.colours.symbol_line : style.colours.symbol_fill);
    cairo_fill_preserve(cr);
    set_colour(cr, style.colours.symbol_line);
    cairo_set_line_width(cr, style.lines.symbol_outline_mm);
    cairo_stroke(cr);
}

void paint_legend(cairo_t* cr, const layout::Legend& legend, const config::Style& style) {
    const Font font{style.text.font, style.colours.halo};
    if (legend.box.width <= 0) return;
    const auto& b = legend.box;
    if (legend.framed) {
        cairo_rectangle(cr, b.x, b.y, b.width, b.height);
        set_colour(cr, style.colours.paper, 0.9);
        cairo_fill_preserve(cr);
        set_colour(cr, style.colours.frame);
        cairo_set_line_width(cr, style.lines.hairline_mm);
        cairo_stroke(cr);
    }
    for (const auto& row : legend.rows) {
        if (row.sample == layout::LegendRow::Sample::flow) paint_flow(cr, row.flow, style);
        if (row.sample == layout::LegendRow::Sample::hub) {
            paint_flow(cr, row.flow, style);
            paint_hub(cr, row.hub, style);
        }
        if (row.sample == layout::LegendRow::Sample::symbol) {
            paint_uncertainty(cr, row.symbol, style);
            paint_symbol(cr, row.symbol, style);
        }
        set_colour(cr, style.colours.text);
        draw_text(cr, font, row.text, row.text_origin.x, row.text_origin.y, row.font_size_pt, row.heading, 0,
                  row.wrap_width_mm);
    }
}

void paint_scale_bar(cairo_t* cr, const layout::ScaleBar& bar, const config::Style& style) {
    if (bar.length_mm <= 0) return;
    const Font font{style.text.font, style.colours.halo};
    const double height = 1.0;
    const Point o = bar.origin;
    for (std::size_t i = 1; i < bar.ticks_mm.size(); ++i) {
        cairo_rectangle(cr, o.x + bar.ticks_mm[i - 1], o.y, bar.ticks_mm[i] - bar.ticks_mm[i - 1], height);
        set_colour(cr, i % 2 == 1 ? style.colours.text : style.colours.paper);
        cairo_fill_preserve(cr);
        set_colour(cr, style.colours.text);
        cairo_set_line_width(cr, style.lines.hairline_mm);
        cairo_stroke(cr);
    }
    set_colour(cr, style.colours.text);
    for (std::size_t i = 0; i < bar.ticks_mm.size() && i < bar.tick_label_origins.size(); ++i) {
        if (bar.tick_labels[i].empty()) continue;
        const Point at = bar.tick_label_origins[i];
        draw_text(cr, font, bar.tick_labels[i], at.x, at.y, bar.font_size_pt, false, 0);
    }
    draw_text(cr, font, bar.caption, bar.caption_origin.x, bar.caption_origin.y, bar.font_size_pt, false, 0);
}

void paint_north_arrow(cairo_t* cr, const layout::NorthArrow& arrow, const config::Style& style) {
    const Font font{style.text.font, style.colours.halo};
    const Point d = layout::unit(arrow.tip - arrow.base);
    const Point n = layout::right_normal(d) * 1.2;
    cairo_move_to(cr, arrow.tip.x, arrow.tip.y);
    cairo_line_to(cr, arrow.base.x + n.x, arrow.base.y + n.y);
    cairo_line_to(cr, arrow.base.x + d.x * 2, arrow.base.y + d.y * 2);
    cairo_line_to(cr, arrow.base.x - n.x, arrow.base.y - n.y);
    cairo_close_path(cr);
    set_colour(cr, style.colours.text);
    cairo_fill(cr);
    draw_text(cr, font, arrow.letter, arrow.letter_origin.x, arrow.letter_origin.y, arrow.font_size_pt, true,
              style.text.halo_mm);
}

void paint_inset(cairo_t* cr, const layout::Inset& inset, const config::Style& style) {
    const auto& b = inset.box;
    cairo_save(cr);
    cairo_rectangle(cr, b.x, b.y, b.width, b.height);
    set_colour(cr, style.colours.water);
    cairo_fill_preserve(cr);
    cairo_clip(cr);
    for (const auto& layer : inset.layers) paint_layer(cr, layer);
    const Font font{style.text.font, style.colours.halo};
    set_colour(cr, style.colours.unit_label);
    for (const auto& name : inset.names)
        draw_text(cr, font, name.text, name.box.x, name.box.y, name.font_size_pt, false, style.text.halo_mm * 0.6);
    trace(cr, inset.extent, false);
    set_colour(cr, style.colours.inset_extent);
    cairo_set_line_width(cr, style.lines.inset_extent_mm);
    cairo_stroke(cr);
    cairo_restore(cr);
    cairo_rectangle(cr, b.x, b.y, b.width, b.height);
    set_colour(cr, style.colours.frame);
    cairo_set_line_width(cr, style.lines.frame_mm * 0.8);
    cairo_stroke(cr);
}

// The detail panel's extent, in the frame's colour so that it reads as part of the map's furniture.
void paint_detail_key(cairo_t* cr, const layout::DetailKey& key, const config::Style& style) {
    trace(cr, key.outline, true);
    set_colour(cr, style.colours.frame);
    cairo_set_line_width(cr, style.lines.frame_mm);
    cairo_stroke(cr);
    set_colour(cr, style.colours.text);
    draw_text(cr, Font{style.text.font, style.colours.halo}, key.letter, key.letter_at.x, key.letter_at.y,
              key.font_size_pt, true, style.text.halo_mm);
}

// A leader: a thin line in the text's colour over a casing of the halo's, so it reads across flows.
void paint_leader(cairo_t* cr, const layout::PagePath& leader, const config::Style& style) {
    if (leader.size() < 2) return;
    constexpr double kLeaderMm = 0.18;  // 0.5 pt
    trace(cr, leader, false);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    set_colour(cr, style.colours.halo);
    cairo_set_line_width(cr, kLeaderMm + 2 * 0.15);
    cairo_stroke_preserve(cr);
    set_colour(cr, style.colours.text);
    cairo_set_line_width(cr, kLeaderMm);
    cairo_stroke(cr);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
}

// A symbol moved off its true position by more than its size: a small dot there and a leader to it.
void paint_position_leader(cairo_t* cr, const layout::PlaceSymbol& symbol, const config::Style& style) {
    if (!layout::needs_position_leader(symbol)) return;
    const layout::Point from = *symbol.true_centre;
    const layout::Point toward = layout::unit(symbol.centre - from);
    paint_leader(cr, {from, symbol.centre - toward * symbol.radius_mm}, style);
    constexpr double kTrueDotMm = 0.3;
    cairo_new_path(cr);
    cairo_arc(cr, from.x, from.y, kTrueDotMm + 0.15, 0, 2 * std::numbers::pi);
    set_colour(cr, style.colours.halo);
    cairo_fill(cr);
    cairo_arc(cr, from.x, from.y, kTrueDotMm, 0, 2 * std::numbers::pi);
    set_colour(cr, style.colours.text);
    cairo_fill(cr);
}

void paint_label(cairo_t* cr, const layout::Label& label, const layout::Scene& scene) {
    const config::Style& style = scene.style;
    const Font font{style.text.font, style.colours.halo};
    switch (label.kind) {
        case layout::Label::Kind::feature: {
            // The label layer's rule gives the colour (water names blue, relief brown, as a style says).
            const layout::SceneLayer* layer = scene.layer(label.layer);
            set_colour(cr, layer != nullptr && layer->rule.fill ? *layer->rule.fill : style.colours.area_label);
            const bool italic = layer == nullptr || config::is_italic(layer->rule.lettering);
            if (label.dot) {
                cairo_arc(cr, label.dot->x, label.dot->y, layout::kTownDotMm, 0, 2 * std::numbers::pi);
                cairo_fill(cr);
            }
            draw_text(cr, font, label.text, label.box.x, label.box.y, label.font_size_pt, false, style.text.halo_mm, 0,
                      italic);
            break;
        }
        case layout::Label::Kind::area:
            set_colour(cr, style.colours.area_label);
            draw_text(cr, font, label.text, label.box.x, label.box.y, label.font_size_pt, false,
                      style.text.halo_mm * 1.15);
            break;
        case layout::Label::Kind::graticule:
            set_colour(cr, style.colours.graticule_label);
            draw_text(cr, font, label.text, label.box.x, label.box.y, label.font_size_pt, false,
                      style.text.halo_mm * 0.7);
            break;
        default:
            set_colour(cr, style.colours.text);
            draw_text(cr, font, label.text, label.box.x, label.box.y, label.font_size_pt, false, style.text.halo_mm);
            break;
    }
}

}  // namespace

void paint_map_part(cairo_t* cr, const layout::Scene& scene, MapPart part, std::size_t index) {
    const config::Style& style = scene.style;
    const auto& f = scene.map_frame;
    if (f.width <= 0) return;
    if (part == MapPart::frame) {
        cairo_rectangle(cr, f.x, f.y, f.width, f.height);
        set_colour(cr, style.colours.frame);
        cairo_set_line_width(cr, style.lines.frame_mm);
        cairo_stroke(cr);
        return;
    }
    cairo_save(cr);
    cairo_rectangle(cr, f.x, f.y, f.width, f.height);
    cairo_clip(cr);
    switch (part) {
        case MapPart::water:
            set_colour(cr, style.colours.water);
            cairo_paint(cr);
            break;
        case MapPart::layer:
            if (index < scene.layers.size()) paint_layer(cr, scene.layers[index]);
            break;
        case MapPart::graticule:
            paint_graticule(cr, scene, style);
            break;
        case MapPart::uncertainty:
            for (const auto& symbol : scene.places) paint_uncertainty(cr, symbol, style);
            break;
        case MapPart::flow:
            if (index < scene.flows.size()) paint_flow(cr, scene.flows[index], style);
            break;
        case MapPart::junctions:
            for (const auto& flow : scene.flows) paint_junction(cr, flow, style);
            break;
        case MapPart::hubs:
            for (const auto& hub : scene.hubs) paint_hub(cr, hub, style);
            break;
        case MapPart::symbols:
            for (const auto& symbol : scene.places) paint_position_leader(cr, symbol, style);
            for (const auto& symbol : scene.places) paint_symbol(cr, symbol, style);
            break;
        case MapPart::labels:
            for (const auto& label : scene.labels) paint_leader(cr, label.leader, style);
            for (const auto& label : scene.labels) paint_label(cr, label, scene);
            break;
        case MapPart::north_arrow:
            if (scene.north_arrow) paint_north_arrow(cr, *scene.north_arrow, style);
            break;
        case MapPart::detail_key:
            if (scene.detail_key) paint_detail_key(cr, *scene.detail_key, style);
            break;
        case MapPart::inset:
            if (scene.inset) paint_inset(cr, *scene.inset, style);
            break;
        case MapPart::framed_legend:
            if (scene.legend.framed) paint_legend(cr, scene.legend, style);
            break;
        case MapPart::frame:
            break;
    }
    cairo_restore(cr);
}

void paint_page_part(cairo_t* cr, const layout::Scene& scene, PagePart part) {
    const config::Style& style = scene.style;
    switch (part) {
        case PagePart::paper:
            set_colour(cr, style.colours.paper);
            cairo_paint(cr);
            break;
        case PagePart::legend:
            if (!scene.legend.framed) paint_legend(cr, scene.legend, style);
            break;
        case PagePart::scale_bar:
            if (scene.scale_bar) paint_scale_bar(cr, *scene.scale_bar, style);
            break;
        case PagePart::texts: {
            const Font font{style.text.font, style.colours.halo};
            set_colour(cr, style.colours.text);
            for (const auto& text : scene.texts) {
                draw_text(cr, font, text.text, text.origin.x, text.origin.y, text.font_size_pt, text.bold, 0,
                          text.wrap_width_mm);
            }
            break;
        }
    }
}

namespace {

// One map (or a panel) on the current page, part by part in paint order (MapPart, PagePart: the
// editable SVG paints the same parts into groups of their own); the page's paper is already painted.
void paint_map(cairo_t* cr, const layout::Scene& scene) {
    if (scene.map_frame.width > 0) {
        paint_basemap(cr, scene, scene.style);
        for (const MapPart part :
             {MapPart::uncertainty, MapPart::flow, MapPart::junctions, MapPart::hubs, MapPart::symbols, MapPart::labels,
              MapPart::north_arrow, MapPart::detail_key, MapPart::inset, MapPart::framed_legend, MapPart::frame}) {
            if (part != MapPart::flow) {
                paint_map_part(cr, scene, part);
                continue;
            }
            for (std::size_t i = 0; i < scene.flows.size(); ++i) paint_map_part(cr, scene, MapPart::flow, i);
        }
    }
    for (const auto& panel : scene.panels) {
        cairo_save(cr);
        cairo_translate(cr, panel.offset.x, panel.offset.y);
        paint_map(cr, panel.scene);
        cairo_restore(cr);
    }
    for (const PagePart part : {PagePart::legend, PagePart::scale_bar, PagePart::texts})
        paint_page_part(cr, scene, part);
}

}  // namespace

void paint_scene(cairo_t* cr, const layout::Scene& scene) {
    set_colour(cr, scene.style.colours.paper);
    cairo_paint(cr);
    paint_map(cr, scene);
}

void paint_on(cairo_surface_t* surface, const layout::Scene& scene, double units_per_mm,
              const std::filesystem::path& path, bool opaque) {
    const Context cr(cairo_create(surface));
    draw_opaque(cr.get(), opaque);
    cairo_scale(cr.get(), units_per_mm, units_per_mm);
    paint_scene(cr.get(), scene);
    const cairo_status_t status = cairo_status(cr.get());
    if (status != CAIRO_STATUS_SUCCESS) {
        throw IoError(fmt::format("{}: drawing failed: {}", path.string(), cairo_status_to_string(status)));
    }
}

}  // namespace steppeflow::render
