#include "layout/scene_builder.hpp"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "layout/basemap_layout.hpp"
#include "layout/flow_layout.hpp"
#include "layout/label_layout.hpp"
#include "layout/legend_layout.hpp"

namespace steppeflow::layout {

namespace {

double symbol_radius(model::PlaceKind kind) {
    switch (kind) {
        case model::PlaceKind::village:
        case model::PlaceKind::tract:
            return 0.7;
        case model::PlaceKind::outpost:
        case model::PlaceKind::border_section:
            return 1.1;
        case model::PlaceKind::destination:
        case model::PlaceKind::country:
            return 1.6;
        case model::PlaceKind::okrug:
        case model::PlaceKind::region:
            return 1.4;
        default:
            return 1.0;
    }
}

std::vector<std::string> places_used(const std::vector<model::Flow>& flows, const model::Gazetteer& gazetteer) {
    std::set<std::string> ids;
    for (const auto& flow : flows) {
        // A whole-country origin with a named crossing is drawn from the crossing (see layout_flows).
        const auto* origin = gazetteer.find(flow.origin);
        const bool country_origin = origin != nullptr && origin->kind == model::PlaceKind::country && !flow.via.empty();
        if (!country_origin) ids.insert(flow.origin);
        ids.insert(flow.destination);
        if (!flow.via.empty()) ids.insert(flow.via);
    }
    return {ids.begin(), ids.end()};
}

}  // namespace

SceneResult build_scene(const SceneInputs& inputs, const FigureOptions& options, const geo::Projection& projection,
                        const TextMeasure& measure) {
    SceneResult result;
    Scene& scene = result.scene;
    scene.page_width_mm = options.page_width_mm;
    scene.page_height_mm = options.page_height_mm;

    // Page: title block on top, credits line at the bottom, the map frame between them.
    const double m = options.margin_mm;
    const double text_width = options.page_width_mm - 2 * m;
    double top = m;
    if (!options.title.empty()) {
        scene.texts.push_back({options.title, {m, top}, options.title_size_pt, true, text_width});
        top += measure(options.title, options.title_size_pt, true, text_width).height_mm + 0.8;
    }
    if (!options.subtitle.empty()) {
        const double subtitle_pt = options.title_size_pt * 0.72;
        scene.texts.push_back({options.subtitle, {m, top}, subtitle_pt, false, text_width});
        top += measure(options.subtitle, subtitle_pt, false, text_width).height_mm;
    }
    top += 1.5;
    double bottom = options.page_height_mm - m;
    if (!options.credits.empty()) {
        const double credits_pt = 6;
        const double height = measure(options.credits, credits_pt, false, text_width).height_mm;
        bottom -= height;
        scene.texts.push_back({options.credits, {m, bottom}, credits_pt, false, text_width});
        bottom -= 1.2;
    }
    scene.map_frame = {m, top, options.page_width_mm - 2 * m, bottom - top};

    // Extent: as given, or fitted to every place a drawn flow touches.
    const auto used = places_used(inputs.flows, inputs.gazetteer);
    ProjectedBox extent;
    if (options.extent) {
        extent = project_box(projection, *options.extent);
    } else {
        std::vector<geo::XY> points;
        for (const auto& id : used) {
            const auto* place = inputs.gazetteer.find(id);
            if (place == nullptr) continue;
            if (const auto xy = projection.forward(place->position)) points.push_back(*xy);
        }
        extent = fit_points(points, options.extent_margin);
    }
    const MapTransform transform(extent, scene.map_frame);

    scene.land = project_features(inputs.basemap.land, projection, transform);
    scene.lakes = project_features(inputs.basemap.lakes, projection, transform);
    scene.rivers = project_features(inputs.basemap.rivers, projection, transform);
    scene.borders = project_features(inputs.basemap.borders, projection, transform);

    // Every referenced place gets a symbol position (flows need them); only the used ones are drawn.
    std::set<std::string> referenced(used.begin(), used.end());
    for (const auto& flow : inputs.flows) referenced.insert(flow.origin);
    std::map<std::string, PlaceSymbol, std::less<>> symbols;
    for (const auto& id : referenced) {
        const auto* place = inputs.gazetteer.find(id);
        if (place == nullptr) {
            result.warnings.push_back(fmt::format("place '{}' is not in the gazetteer; its flows are not drawn", id));
            continue;
        }
        const auto xy = projection.forward(place->position);
        if (!xy) continue;
        PlaceSymbol symbol{place->id, place->kind, transform.to_page(*xy), symbol_radius(place->kind)};
        symbols.emplace(id, symbol);
        if (std::find(used.begin(), used.end(), id) != used.end()) scene.places.push_back(symbol);
    }

    double max_count = 0;
    for (const auto& flow : inputs.flows) {
        if (flow.count) max_count = std::max(max_count, static_cast<double>(*flow.count));
    }
    const WidthScale scale(max_count, options.max_flow_width_mm, options.min_flow_width_mm);
    scene.flows = layout_flows(inputs.flows, symbols, scale, options);
    scene.legend = layout_legend(scene, scale, options, measure);

    std::vector<LabelRequest> requests;
    for (const auto& symbol : scene.places) {
        const auto* place = inputs.gazetteer.find(symbol.place_id);
        requests.push_back({symbol.place_id, model::display_name(*place, options.language), symbol.centre, symbol.radius_mm});
    }
    // Larger places claim their preferred positions first.
    std::stable_sort(requests.begin(), requests.end(),
                     [](const LabelRequest& a, const LabelRequest& b) { return a.clearance_mm > b.clearance_mm; });
    auto labels = place_labels(requests, scene.places, scene.map_frame, measure, options.label_size_pt, scene.legend.box);
    scene.labels = std::move(labels.placed);
    for (const auto& text : labels.unplaced) {
        result.warnings.push_back(fmt::format("label '{}' could not be placed without overlap; left out", text));
    }
    return result;
}

}  // namespace steppeflow::layout
