#include "render/scene_painter.hpp"

#include <algorithm>
#include <cmath>

#include "render/text.hpp"

namespace steppeflow::render {

namespace {

void set_colour(cairo_t* cr, const Rgb& c, double alpha = 1) { cairo_set_source_rgba(cr, c.r, c.g, c.b, alpha); }

void trace(cairo_t* cr, const layout::PagePath& path, bool close) {
    if (path.empty()) return;
    cairo_move_to(cr, path.front().x, path.front().y);
    for (std::size_t i = 1; i < path.size(); ++i) cairo_line_to(cr, path[i].x, path[i].y);
    if (close) cairo_close_path(cr);
}

void fill_polygons(cairo_t* cr, const layout::BasemapLayer& layer, const Rgb& colour) {
    cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
    for (const auto& polygon : layer.polygons) {
        for (const auto& ring : polygon) trace(cr, ring, true);
    }
    set_colour(cr, colour);
    cairo_fill(cr);
}

void stroke_lines(cairo_t* cr, const layout::BasemapLayer& layer, const Rgb& colour, double width_mm,
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

void paint_basemap(cairo_t* cr, const layout::Scene& scene, const Palette& palette) {
    const auto& f = scene.map_frame;
    cairo_save(cr);
    cairo_rectangle(cr, f.x, f.y, f.width, f.height);
    cairo_clip(cr);
    set_colour(cr, palette.water);
    cairo_paint(cr);
    fill_polygons(cr, scene.land, palette.land);
    fill_polygons(cr, scene.lakes, palette.water);
    stroke_lines(cr, scene.rivers, palette.river, palette.river_width_mm, true);
    const double dashes[] = {1.2, 0.5, 0.3, 0.5};
    cairo_set_dash(cr, dashes, 4, 0);
    stroke_lines(cr, scene.borders, palette.border, palette.border_width_mm, false);
    cairo_set_dash(cr, nullptr, 0, 0);
    cairo_restore(cr);
}

void paint_flow(cairo_t* cr, const layout::FlowShape& flow, const Palette& palette) {
    const auto& line = flow.centre_line;
    if (line.size() < 2) return;
    const Rgb colour = flow_colour(palette, flow.unit);
    const double alpha = flow.certainty == model::Certainty::documented ? 0.9 : 0.6;
    const bool stopped = flow.status == model::Status::detained || flow.status == model::Status::attempted;

    // The shaft ends where the arrowhead begins, so the two never double-paint.
    const layout::Point tip = line.back();
    const layout::Point before = line[line.size() - 2];
    const double seg = std::hypot(tip.x - before.x, tip.y - before.y);
    const double ux = seg > 0 ? (tip.x - before.x) / seg : 0;
    const double uy = seg > 0 ? (tip.y - before.y) / seg : 0;
    const double head = stopped ? 0 : std::min(flow.arrow_length_mm, seg * 0.8);
    const layout::Point base{tip.x - ux * head, tip.y - uy * head};

    cairo_save(cr);
    cairo_new_path(cr);
    cairo_move_to(cr, line.front().x, line.front().y);
    for (std::size_t i = 1; i + 1 < line.size(); ++i) cairo_line_to(cr, line[i].x, line[i].y);
    cairo_line_to(cr, base.x, base.y);
    cairo_set_line_width(cr, flow.width_mm);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
    if (flow.certainty == model::Certainty::unknown_size) {
        const double dashes[] = {1.0, 0.6};
        cairo_set_dash(cr, dashes, 2, 0);
    }
    set_colour(cr, colour, alpha);
    cairo_stroke(cr);
    cairo_set_dash(cr, nullptr, 0, 0);

    if (stopped) {
        // A bar across the end: the movement was stopped (detained) or its outcome is not known.
        const double half = std::max(flow.arrow_width_mm, flow.width_mm * 1.6) / 2;
        cairo_move_to(cr, tip.x - uy * half, tip.y + ux * half);
        cairo_line_to(cr, tip.x + uy * half, tip.y - ux * half);
        cairo_set_line_width(cr, std::max(0.35, flow.width_mm * 0.5));
        cairo_stroke(cr);
    } else {
        const double half = flow.arrow_width_mm / 2;
        cairo_move_to(cr, tip.x, tip.y);
        cairo_line_to(cr, base.x - uy * half, base.y + ux * half);
        cairo_line_to(cr, base.x + uy * half, base.y - ux * half);
        cairo_close_path(cr);
        cairo_fill(cr);
    }
    cairo_restore(cr);
}

void paint_symbol(cairo_t* cr, const layout::PlaceSymbol& symbol, const Palette& palette) {
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
            cairo_arc(cr, x, y, r, 0, 2 * M_PI);
            break;
    }
    const bool filled = symbol.kind == model::PlaceKind::destination || symbol.kind == model::PlaceKind::country ||
                        symbol.kind == model::PlaceKind::okrug || symbol.kind == model::PlaceKind::region;
    set_colour(cr, filled ? palette.symbol_line : palette.symbol_fill);
    cairo_fill_preserve(cr);
    set_colour(cr, palette.symbol_line);
    cairo_set_line_width(cr, 0.25);
    cairo_stroke(cr);
}

void paint_legend(cairo_t* cr, const layout::Legend& legend, const Palette& palette) {
    if (legend.box.width <= 0) return;
    const auto& b = legend.box;
    cairo_rectangle(cr, b.x, b.y, b.width, b.height);
    set_colour(cr, palette.paper, 0.9);
    cairo_fill_preserve(cr);
    set_colour(cr, palette.frame);
    cairo_set_line_width(cr, 0.15);
    cairo_stroke(cr);
    for (const auto& row : legend.rows) {
        if (row.sample == layout::LegendRow::Sample::flow) paint_flow(cr, row.flow, palette);
        if (row.sample == layout::LegendRow::Sample::symbol) paint_symbol(cr, row.symbol, palette);
        set_colour(cr, palette.text);
        draw_text(cr, row.text, row.text_origin.x, row.text_origin.y, row.font_size_pt, row.heading, 0);
    }
}

}  // namespace

Rgb flow_colour(const Palette& palette, std::optional<model::Unit> unit) {
    if (!unit) return palette.unknown_unit;
    switch (*unit) {
        case model::Unit::people: return palette.people;
        case model::Unit::households: return palette.households;
        case model::Unit::families: return palette.families;
        case model::Unit::livestock_head: return palette.livestock;
    }
    return palette.households;
}

void paint_scene(cairo_t* cr, const layout::Scene& scene, const Palette& palette) {
    set_colour(cr, palette.paper);
    cairo_paint(cr);
    paint_basemap(cr, scene, palette);

    const auto& f = scene.map_frame;
    cairo_save(cr);
    cairo_rectangle(cr, f.x, f.y, f.width, f.height);
    cairo_clip(cr);
    for (const auto& flow : scene.flows) paint_flow(cr, flow, palette);
    for (const auto& symbol : scene.places) paint_symbol(cr, symbol, palette);
    set_colour(cr, palette.text);
    for (const auto& label : scene.labels) {
        draw_text(cr, label.text, label.box.x, label.box.y, label.font_size_pt, false, 0.35);
    }
    paint_legend(cr, scene.legend, palette);
    cairo_restore(cr);

    cairo_rectangle(cr, f.x, f.y, f.width, f.height);
    set_colour(cr, palette.frame);
    cairo_set_line_width(cr, palette.frame_width_mm);
    cairo_stroke(cr);

    set_colour(cr, palette.text);
    for (const auto& text : scene.texts) {
        draw_text(cr, text.text, text.origin.x, text.origin.y, text.font_size_pt, text.bold, 0, text.wrap_width_mm);
    }
}

}  // namespace steppeflow::render
