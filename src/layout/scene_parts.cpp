#include "layout/scene_parts.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "layout/geometry.hpp"
#include "model/name_match.hpp"

namespace steppeflow::layout {

namespace {

// The polygon a country, a region or a region abroad (Xinjiang) stands for, matched by its names.
const model::Feature* area_feature(const model::Place& place, const std::vector<const model::Feature*>& areas) {
    if (place.kind != model::PlaceKind::country && place.kind != model::PlaceKind::destination &&
        place.kind != model::PlaceKind::region)
        return nullptr;
    for (const model::Feature* area : areas) {
        const model::Feature& feature = *area;
        const std::string name = model::fold_name(feature.name.en);
        if (name.empty()) continue;
        if (model::fold_name(place.name_en) == name) return &feature;
        for (const auto& variant : place.variants) {
            if (model::fold_name(variant) == name) return &feature;
        }
    }
    return nullptr;
}

}  // namespace

std::map<std::string, const model::Feature*> flow_areas(const std::vector<model::Flow>& flows,
                                                        const model::Gazetteer& gazetteer,
                                                        const model::Basemap& basemap) {
    const auto countries = basemap.features_of(model::LayerRole::area);
    std::map<std::string, const model::Feature*> areas;
    for (const auto& flow : flows) {
        auto ends = model::all_origins(flow);
        const auto destinations = model::all_destinations(flow);
        ends.insert(ends.end(), destinations.begin(), destinations.end());
        for (const auto& id : ends) {
            const auto* place = gazetteer.find(id);
            if (place == nullptr) continue;
            if (const auto* feature = area_feature(*place, countries)) areas[place->id] = feature;
        }
    }
    return areas;
}

std::set<std::string> area_ids_of(const std::map<std::string, const model::Feature*>& areas) {
    std::set<std::string> ids;
    for (const auto& [id, feature] : areas) ids.insert(id);
    return ids;
}

bool located_roughly(model::PlaceKind kind, double precision_km) {
    switch (kind) {
        case model::PlaceKind::okrug:
        case model::PlaceKind::region:
        case model::PlaceKind::country:
        case model::PlaceKind::destination:
        case model::PlaceKind::border_section:
            return false;
        default:
            return precision_km >= kRoughLocationKm;
    }
}

double uncertainty_radius(const model::Place& place, geo::XY at, double radius_mm, const MapTransform& transform) {
    const double metres = place.precision_km.value_or(0) * 1000;
    const Point centre = transform.to_page(at);
    const Point edge = transform.to_page({at.x + metres, at.y});
    return std::clamp(std::hypot(edge.x - centre.x, edge.y - centre.y), radius_mm + 0.7, 12.0);
}

void note_vagueness(LegendContent& content, const std::vector<model::Flow>& flows,
                    const std::vector<std::string>& places, const model::Gazetteer& gazetteer,
                    const std::map<std::string, const model::Feature*>& areas) {
    content.roughly_located = std::any_of(places.begin(), places.end(), [&](const std::string& id) {
        const auto* place = gazetteer.find(id);
        return place != nullptr && located_roughly(*place);
    });
    // A flow into an area (or stopped at its border) with no crossing point named ends broken.
    content.schematic_crossing = std::any_of(flows.begin(), flows.end(), [&](const model::Flow& flow) {
        if (!flow.via.empty()) return false;
        const auto destinations = model::all_destinations(flow);
        return std::any_of(destinations.begin(), destinations.end(),
                           [&](const std::string& id) { return areas.contains(id); });
    });
}

std::map<std::optional<model::Unit>, double> largest_counts(const std::vector<model::Flow>& flows) {
    std::map<std::optional<model::Unit>, double> largest;
    for (const auto& flow : flows) {
        // A range is drawn to its high end, which the scale must hold too.
        if (!flow.count) continue;
        double& value = largest[flow.unit];
        value = std::max(value, static_cast<double>(flow.count_high.value_or(*flow.count)));
    }
    return largest;
}

std::vector<std::string> places_used(const std::vector<model::Flow>& flows, const model::Gazetteer& gazetteer,
                                     const std::set<std::string>& area_ids) {
    std::set<std::string> ids;
    for (const auto& flow : flows) {
        // A whole-country origin is drawn from its area or its named crossing (see plan_routes).
        for (const auto& id : model::all_origins(flow)) {
            const auto* origin = gazetteer.find(id);
            const bool country_origin = origin != nullptr && origin->kind == model::PlaceKind::country;
            if (!country_origin && !area_ids.contains(id)) ids.insert(id);
        }
        for (const auto& id : model::all_destinations(flow)) {
            if (!area_ids.contains(id)) ids.insert(id);
        }
        if (!flow.via.empty()) ids.insert(flow.via);
    }
    return {ids.begin(), ids.end()};
}

PageBand layout_page_texts(Scene& scene, const FigureOptions& options, const TextMeasure& measure) {
    const config::TextStyle& text = options.style.text;
    const double m = options.margin_mm;
    const double text_width = options.page_width_mm - 2 * m;
    double top = m;
    if (!options.title.empty()) {
        const double title_pt = options.panel ? text.panel_title_pt : text.title_pt;
        scene.texts.push_back({options.title, {m, top}, title_pt, true, text_width});
        top += measure(options.title, title_pt, true, text_width).height_mm + 0.8;
    }
    if (!options.subtitle.empty() && !options.panel) {
        scene.texts.push_back({options.subtitle, {m, top}, text.subtitle_pt, false, text_width});
        top += measure(options.subtitle, text.subtitle_pt, false, text_width).height_mm;
    }
    top += options.panel ? 0.5 : 1.5;
    double bottom = options.page_height_mm - m;
    if (!options.credits.empty() && !options.panel) {
        const double height = measure(options.credits, text.credits_pt, false, text_width).height_mm;
        bottom -= height;
        scene.texts.push_back({options.credits, {m, bottom}, text.credits_pt, false, text_width});
        bottom -= 1.5;
    }
    return {top, bottom};
}

// Candidate centres for an area's name: points inside the area and the frame, nearest to where its
// flows end first.
std::vector<Point> area_label_centres(const DestinationArea& area, const Box& frame,
                                      const std::vector<FlowShape>& flows, TextSize name) {
    Point focus{};
    int ends = 0;
    for (const auto& flow : flows) {
        if (flow.target_id == area.place_id && !flow.centre_line.empty()) {
            focus = focus + flow.centre_line.back();
            ++ends;
        }
    }
    if (ends == 0) return {};
    focus = focus * (1.0 / ends);
    std::vector<Point> centres;
    const Box inner = shrink(frame, 4);
    constexpr double kStep = 2.5;
    const auto columns = static_cast<int>(inner.width / kStep);
    const auto rows = static_cast<int>(inner.height / kStep);
    // Only the grid points within the area's bounds are tested against its rings (the costly part).
    double min_x = std::numeric_limits<double>::max();
    double min_y = min_x;
    double max_x = std::numeric_limits<double>::lowest();
    double max_y = max_x;
    for (const auto& ring : area.rings) {
        for (const auto& point : ring) {
            min_x = std::min(min_x, point.x);
            min_y = std::min(min_y, point.y);
            max_x = std::max(max_x, point.x);
            max_y = std::max(max_y, point.y);
        }
    }
    if (min_x > max_x) return {};
    const Box reach{min_x, min_y, max_x - min_x, max_y - min_y};
    const int first_column = std::max(0, static_cast<int>(std::floor((reach.x - inner.x) / kStep)));
    const int last_column = std::min(columns, static_cast<int>(std::ceil((reach.x + reach.width - inner.x) / kStep)));
    const int first_row = std::max(0, static_cast<int>(std::floor((reach.y - inner.y) / kStep)));
    const int last_row = std::min(rows, static_cast<int>(std::ceil((reach.y + reach.height - inner.y) / kStep)));
    for (int r = first_row; r <= last_row; ++r) {
        for (int c = first_column; c <= last_column; ++c) {
            const Point p{inner.x + c * kStep, inner.y + r * kStep};
            if (inside_rings(p, area.rings)) centres.push_back(p);
        }
    }
    // A name wholly inside its area first ("CHINA" across the border reads as naming both sides);
    // where none fits, the others, so the area is still named.
    const double w = name.width_mm / 2;
    const double h = name.height_mm / 2;
    const auto wholly_inside = [&](Point p) {
        for (const Point corner : {Point{p.x - w, p.y - h}, Point{p.x + w, p.y - h}, Point{p.x - w, p.y + h},
                                   Point{p.x + w, p.y + h}, Point{p.x, p.y - h}, Point{p.x, p.y + h}}) {
            if (!inside_rings(corner, area.rings)) return false;
        }
        return true;
    };
    // Close to the arrowheads, but not on them: the name reads best a little beyond where they end.
    std::stable_sort(centres.begin(), centres.end(), [&](Point a, Point b) {
        return std::abs(distance(a, focus) - 12) < std::abs(distance(b, focus) - 12);
    });
    if (centres.size() > 400) centres.resize(400);
    // The nearest few whose whole name fits inside go first. Six ring tests each against a border of
    // thousands of points: tested in order, only until eight are found (or 120 tried).
    std::vector<Point> sorted;
    sorted.reserve(centres.size());
    std::vector<bool> taken(centres.size(), false);
    for (std::size_t i = 0; i < centres.size() && i < 120 && sorted.size() < 8; ++i) {
        if (!wholly_inside(centres[i])) continue;
        sorted.push_back(centres[i]);
        taken[i] = true;
    }
    for (std::size_t i = 0; i < centres.size(); ++i) {
        if (!taken[i]) sorted.push_back(centres[i]);
    }
    return sorted;
}

}  // namespace steppeflow::layout
