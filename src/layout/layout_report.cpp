#include "layout/layout_report.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "layout/leaders.hpp"
#include "layout/quality.hpp"

namespace steppeflow::layout {

namespace {

using nlohmann::ordered_json;

// A thousandth of a millimetre is finer than any output shows, and keeps the text stable.
double mm(double value) { return std::round(value * 1000) / 1000; }

ordered_json box_json(const Box& box) {
    return {{"x", mm(box.x)}, {"y", mm(box.y)}, {"width", mm(box.width)}, {"height", mm(box.height)}};
}

ordered_json path_json(const PagePath& path) {
    ordered_json points = ordered_json::array();
    for (const auto& p : path) points.push_back({mm(p.x), mm(p.y)});
    return points;
}

const char* target_name(TargetKind kind) {
    switch (kind) {
        case TargetKind::symbol:
            return "symbol";
        case TargetKind::area:
            return "area";
        case TargetKind::border:
            return "border";
        case TargetKind::frame:
            return "frame";
        case TargetKind::junction:
            return "junction";
    }
    return "symbol";
}

const char* label_kind(Label::Kind kind) {
    switch (kind) {
        case Label::Kind::place:
            return "place";
        case Label::Kind::area:
            return "area";
        case Label::Kind::frame:
            return "frame";
        case Label::Kind::graticule:
            return "graticule";
        case Label::Kind::feature:
            return "feature";
    }
    return "place";
}

// "#rrggbb", as a style file writes it.
std::string hex_text(const config::Rgb& colour) {
    const auto byte = [](double v) { return static_cast<int>(std::lround(std::clamp(v, 0.0, 1.0) * 255)); };
    return fmt::format("#{:02x}{:02x}{:02x}", byte(colour.r), byte(colour.g), byte(colour.b));
}

std::string period_name(const Scene& scene, int period) {
    if (period == config::kUndated) return "undated";
    if (period >= 0 && static_cast<std::size_t>(period) < scene.periods.size())
        return scene.periods[static_cast<std::size_t>(period)];
    return {};
}

ordered_json scene_json(const Scene& scene, double min_clearance_mm) {
    ordered_json report;
    report["units"] = "mm from the top-left corner of the page, y downwards";
    report["page"] = {{"width", mm(scene.page_width_mm)}, {"height", mm(scene.page_height_mm)}};
    report["map_frame"] = box_json(scene.map_frame);
    if (scene.georeference) {
        // page (x, y) mm = frame origin + ((e - xmin), (ymax - n)) × mm_per_metre, for projected (e, n).
        const MapTransform& t = scene.georeference->transform;
        const ProjectedBox& e = t.extent();
        report["georeference"] = {
            {"projection", scene.georeference->projection},
            {"extent_m", {{"xmin", e.xmin}, {"ymin", e.ymin}, {"xmax", e.xmax}, {"ymax", e.ymax}}},
            {"frame_mm", box_json(t.frame())},
            {"mm_per_metre", t.frame().width / e.width()}};
    }
    ordered_json layers = ordered_json::array();
    for (const auto& layer : scene.layers) {
        layers.push_back({{"name", layer.name},
                          {"role", std::string(model::to_string(layer.role))},
                          {"rule", layer.rule_name},
                          {"polygons", layer.geometry.polygons.size()},
                          {"lines", layer.geometry.lines.size()}});
    }
    report["layers"] = std::move(layers);

    ordered_json flows = ordered_json::array();
    for (const auto& flow : scene.flows) {
        ordered_json f;
        f["id"] = flow.flow_id;
        f["unit"] = flow.unit ? std::string(model::to_string(*flow.unit)) : std::string();
        f["status"] = std::string(model::to_string(flow.status));
        f["end_mark"] = std::string(to_string(end_mark_for(flow.status)));
        f["schematic_end_mm"] = mm(flow.schematic_end_mm);
        f["certainty"] = std::string(model::to_string(flow.certainty));
        if (flow.period != config::kNoPeriod) f["period"] = period_name(scene, flow.period);
        f["colour"] = hex_text(config::flow_colour(scene.style, flow.unit, flow.period));
        f["width_mm"] = mm(flow.width_mm);
        // Only what a figure for several places, an area origin or a range adds: older reports keep their bytes.
        if (flow.part != FlowPart::whole) f["part"] = std::string(to_string(flow.part));
        if (!flow.origin_area.empty()) f["origin_area"] = flow.origin_area;
        if (flow.high_width_mm > 0) f["high_width_mm"] = mm(flow.high_width_mm);
        f["target"] = {{"kind", target_name(flow.target)}, {"place", flow.target_id}};
        f["arrowhead"] = {{"length_mm", mm(flow.arrow_length_mm)}, {"width_mm", mm(flow.arrow_width_mm)}};
        if (const auto gap = tip_gap(flow, scene.places)) f["tip_gap_mm"] = mm(*gap);
        f["centre_line"] = path_json(flow.centre_line);
        flows.push_back(std::move(f));
    }
    report["flows"] = std::move(flows);
    if (!scene.hubs.empty()) {
        ordered_json hubs = ordered_json::array();
        for (const auto& hub : scene.hubs) {
            ordered_json h{{"id", hub.flow_id},
                           {"unit", hub.unit ? std::string(model::to_string(*hub.unit)) : std::string()},
                           {"certainty", std::string(model::to_string(hub.certainty))},
                           {"x", mm(hub.centre.x)},
                           {"y", mm(hub.centre.y)},
                           {"radius_mm", mm(hub.radius_mm)}};
            if (hub.high_radius_mm > 0) h["high_radius_mm"] = mm(hub.high_radius_mm);
            if (!hub.origin_area.empty()) h["origin_area"] = hub.origin_area;
            if (hub.short_flow) h["short_flow"] = true;
            hubs.push_back(std::move(h));
        }
        report["hubs"] = std::move(hubs);
    }

    ordered_json places = ordered_json::array();
    for (const auto& place : scene.places) {
        places.push_back({{"id", place.place_id},
                          {"kind", std::string(model::to_string(place.kind))},
                          {"x", mm(place.centre.x)},
                          {"y", mm(place.centre.y)},
                          {"radius_mm", mm(place.radius_mm)},
                          {"displaced_mm", mm(place.displaced_mm)},
                          {"precision_km", place.precision_km},
                          {"uncertainty_mm", mm(place.uncertainty_mm)}});
        // Moved off its true position by more than its size: drawn with a leader from a dot there.
        if (needs_position_leader(place))
            places.back()["leader_from"] = {mm(place.true_centre->x), mm(place.true_centre->y)};
    }
    report["places"] = std::move(places);

    ordered_json labels = ordered_json::array();
    for (const auto& label : scene.labels) {
        labels.push_back({{"text", label.text},
                          {"place", label.place_id},
                          {"kind", label_kind(label.kind)},
                          {"size_pt", label.font_size_pt},
                          {"box", box_json(label.box)}});
        if (label.dot) labels.back()["dot"] = {mm(label.dot->x), mm(label.dot->y)};
        if (!label.leader.empty()) labels.back()["leader"] = path_json(label.leader);
    }
    report["labels"] = std::move(labels);

    ordered_json entries = ordered_json::array();
    for (const auto& row : scene.legend.rows) {
        ordered_json entry{{"text", row.text}};
        if (row.sample == LegendRow::Sample::flow) {
            entry["flow_width_mm"] = mm(row.flow.width_mm);
            entry["end_mark"] = std::string(to_string(end_mark_for(row.flow.status)));
        }
        if (row.sample == LegendRow::Sample::flow && row.flow.period != config::kNoPeriod)
            entry["period"] = period_name(scene, row.flow.period);
        if (row.sample == LegendRow::Sample::flow)
            entry["colour"] = hex_text(config::flow_colour(scene.style, row.flow.unit, row.flow.period));
        if (row.sample == LegendRow::Sample::symbol) entry["symbol"] = std::string(model::to_string(row.symbol.kind));
        // A disc and its thin line: a figure for several places (branch) or a short flow (from_disc).
        if (row.sample == LegendRow::Sample::hub)
            entry["disc"] = {{"radius_mm", mm(row.hub.radius_mm)}, {"line", std::string(to_string(row.flow.part))}};
        if (row.heading) entry["heading"] = true;
        if (row.wrap_width_mm > 0) entry["wrap_width_mm"] = mm(row.wrap_width_mm);
        entries.push_back(std::move(entry));
    }
    report["legend"] = {{"box", box_json(scene.legend.box)}, {"entries", std::move(entries)}};
    ordered_json texts = ordered_json::array();
    for (const auto& block : scene.texts) {
        texts.push_back({{"text", block.text},
                         {"size_pt", block.font_size_pt},
                         {"origin", {mm(block.origin.x), mm(block.origin.y)}}});
    }
    report["texts"] = std::move(texts);
    if (scene.scale_bar) {
        const ScaleBar& bar = *scene.scale_bar;
        ordered_json labels = ordered_json::array();
        for (std::size_t i = 0; i < bar.tick_labels.size() && i < bar.tick_label_origins.size(); ++i) {
            if (bar.tick_labels[i].empty()) continue;
            labels.push_back({{"text", bar.tick_labels[i]},
                              {"x", mm(bar.tick_label_origins[i].x)},
                              {"y", mm(bar.tick_label_origins[i].y)}});
        }
        report["scale_bar"] = {{"kilometres", bar.kilometres},
                               {"length_mm", mm(bar.length_mm)},
                               {"origin", {mm(bar.origin.x), mm(bar.origin.y)}},
                               {"caption", bar.caption},
                               {"caption_origin", {mm(bar.caption_origin.x), mm(bar.caption_origin.y)}},
                               {"labels", std::move(labels)}};
    }
    if (scene.north_arrow) {
        const NorthArrow& arrow = *scene.north_arrow;
        report["north_arrow"] = {{"base", {mm(arrow.base.x), mm(arrow.base.y)}},
                                 {"tip", {mm(arrow.tip.x), mm(arrow.tip.y)}},
                                 {"letter", arrow.letter},
                                 {"letter_origin", {mm(arrow.letter_origin.x), mm(arrow.letter_origin.y)}}};
    }
    if (scene.inset) {
        const Inset& inset = *scene.inset;
        ordered_json names = ordered_json::array();
        for (const auto& name : inset.names) {
            names.push_back({{"text", name.text},
                             {"box", {mm(name.box.x), mm(name.box.y), mm(name.box.width), mm(name.box.height)}}});
        }
        report["inset"] = {{"box", {mm(inset.box.x), mm(inset.box.y), mm(inset.box.width), mm(inset.box.height)}},
                           {"names", std::move(names)}};
    }

    if (scene.detail_key) {
        report["detail_key"] = {{"letter", scene.detail_key->letter},
                                {"outline", path_json(scene.detail_key->outline)}};
    }
    const LayoutQuality quality = measure_quality(scene, min_clearance_mm);
    ordered_json intrusions = ordered_json::array();
    for (const auto& i : quality.intrusions) {
        intrusions.push_back({{"flow", i.flow_id}, {"place", i.place_id}, {"clearance_mm", mm(i.clearance_mm)}});
    }
    ordered_json overlaps = ordered_json::array();
    for (const auto& o : quality.label_overlaps) overlaps.push_back({o.first, o.second});
    report["quality"] = {{"flow_symbol_intrusions", quality.intrusions.size()},
                         {"overlapping_labels", quality.label_overlaps.size()},
                         {"labels_not_placed", quality.labels_not_placed},
                         {"labels_over_flows", quality.labels_over_flows},
                         {"basemap_names_over_flows", quality.basemap_names_over_flows},
                         {"names_given_twice", quality.names_given_twice},
                         {"overlapping_hubs", quality.overlapping_hubs},
                         {"outcomes_not_keyed", quality.outcomes_not_keyed},
                         {"rough_places_drawn_exact", quality.rough_places_drawn_exact},
                         {"schematic_crossings_drawn_as_known", quality.schematic_crossings_drawn_as_known},
                         {"vagueness_not_keyed", quality.vagueness_not_keyed},
                         {"discs_not_keyed", quality.discs_not_keyed},
                         {"texts_below_7pt", quality.texts_below_7pt},
                         {"lines_below_0_3pt", quality.lines_below_0_3pt},
                         {"low_contrast_labels", quality.low_contrast_labels},
                         {"blob_flows", quality.blob_flows.size()},
                         {"hidden_ends", quality.hidden_ends.size()},
                         {"misattached_labels", quality.misattached_labels.size()},
                         {"acute_crossings", quality.acute_crossings.size()},
                         {"hooked_flows", quality.hooked_flows.size()},
                         {"blobs", quality.blob_flows},
                         {"flows_with_hidden_ends", quality.hidden_ends},
                         {"labels_nearer_another_symbol", quality.misattached_labels},
                         {"flows_crossing_acutely", quality.acute_crossings},
                         {"hooks", quality.hooked_flows},
                         {"intrusions", std::move(intrusions)},
                         {"label_overlaps", std::move(overlaps)},
                         {"unplaced_labels", scene.unplaced_labels},
                         {"basemap_names_left_out", scene.names_left_out}};
    if (!scene.panels.empty()) {
        ordered_json panels = ordered_json::array();
        for (const auto& panel : scene.panels) {
            ordered_json p{{"title", panel.title}, {"offset", {mm(panel.offset.x), mm(panel.offset.y)}}};
            p.update(scene_json(panel.scene, min_clearance_mm));
            panels.push_back(std::move(p));
        }
        // The page's counts hold every panel's: a reader of the top level must not see 0 over defects.
        for (auto& [key, value] : report["quality"].items()) {
            if (!value.is_number_integer()) continue;
            long long sum = value.get<long long>();
            for (const auto& panel : panels) sum += panel["quality"][key].get<long long>();
            value = sum;
        }
        report["panels"] = std::move(panels);
    }
    return report;
}

}  // namespace

std::string layout_report_json(const Scene& scene, double min_clearance_mm) {
    return scene_json(scene, min_clearance_mm).dump(1) + "\n";
}

}  // namespace steppeflow::layout
