#include "layout/scene_builder.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <string_view>

#include <fmt/format.h>

#include "layout/basemap_layout.hpp"
#include "layout/feature_labels.hpp"
#include "layout/flow_layout.hpp"
#include "layout/furniture_layout.hpp"
#include "layout/geometry.hpp"
#include "layout/label_layout.hpp"
#include "layout/leaders.hpp"
#include "layout/legend_layout.hpp"
#include "layout/map_text.hpp"
#include "layout/scene_parts.hpp"
#include "layout/spatial_grid.hpp"
#include "model/name_match.hpp"

namespace steppeflow::layout {

namespace {

constexpr double kScaleBarRoom = 40;  // mm kept in the legend strip for the scale bar

// The vertex of a feature's polygons nearest to `from`, in projected metres.
std::optional<geo::XY> nearest_vertex(const model::Feature& feature, const geo::Projection& projection, geo::XY from) {
    std::optional<geo::XY> best;
    double best_distance = 0;
    for (const auto& polygon : feature.polygons) {
        for (const auto& ring : polygon.rings) {
            for (const auto& vertex : ring) {
                const auto xy = projection.forward(vertex);
                if (!xy) continue;
                const double d = std::hypot(xy->x - from.x, xy->y - from.y);
                if (!best || d < best_distance) {
                    best = xy;
                    best_distance = d;
                }
            }
        }
    }
    return best;
}

// Symbols that would cover one another (places at one spot, or too close for the scale) are pushed
// apart just enough to be told apart; the displacement is kept for the report.
std::vector<std::string> displace_symbols(std::vector<PlaceSymbol>& symbols) {
    std::vector<std::string> warnings;
    if (symbols.empty()) return warnings;
    double largest = 0;
    for (const auto& symbol : symbols) largest = std::max(largest, symbol.radius_mm);
    const double reach = 2 * largest + 0.3;  // no two symbols farther apart than this can touch
    for (int round = 0; round < 20; ++round) {
        bool moved = false;
        // Only neighbours can touch: a grid of this round's positions finds them, in index order as
        // the pairwise loop it replaces (thousands of places made that quadratic).
        std::vector<Point> centres;
        centres.reserve(symbols.size());
        for (const auto& symbol : symbols) centres.push_back(symbol.centre);
        SpatialGrid grid(bounds_of(centres), reach);
        for (std::size_t i = 0; i < symbols.size(); ++i) grid.insert(i, {centres[i].x, centres[i].y, 0, 0});
        std::vector<std::size_t> near;
        for (std::size_t i = 0; i < symbols.size(); ++i) {
            near.clear();
            grid.query({centres[i].x - reach, centres[i].y - reach, 2 * reach, 2 * reach}, [&](std::size_t j) {
                if (j > i) near.push_back(j);
            });
            std::sort(near.begin(), near.end());
            for (const std::size_t j : near) {
                auto& a = symbols[i];
                auto& b = symbols[j];
                const double need = a.radius_mm + b.radius_mm + 0.3;
                const double d = distance(a.centre, b.centre);
                if (d >= need - 1e-9) continue;
                const Point direction = d > 1e-9 ? unit(b.centre - a.centre) : Point{1, 0};
                const double shift = (need - d) / 2;
                if (!a.true_centre) a.true_centre = a.centre;
                if (!b.true_centre) b.true_centre = b.centre;
                a.centre = a.centre - direction * shift;
                b.centre = b.centre + direction * shift;
                a.displaced_mm += shift;
                b.displaced_mm += shift;
                moved = true;
                if (round == 0) {
                    // Worded without the distance, which depends on the scale, so that a batch can say
                    // it once for all its figures; the report gives each symbol's displacement.
                    const char* what = d < 0.05 ? "lie at one point on the map; their symbols are"
                                                : "are too close on the map for their symbols; these are";
                    warnings.push_back(
                        fmt::format("places '{}' and '{}' {} drawn side by side", a.place_id, b.place_id, what));
                }
            }
        }
        if (!moved) break;
    }
    return warnings;
}

}  // namespace

namespace {

using AreaFeatures = std::map<std::string, const model::Feature*>;

ProjectedBox fit_extent_with(const SceneInputs& inputs, const FigureOptions& options, const geo::Projection& projection,
                             const AreaFeatures& area_features) {
    if (options.projected_extent) return *options.projected_extent;
    if (options.extent) return project_box(projection, *options.extent);
    const auto area_ids = area_ids_of(area_features);
    // Every place a drawn flow touches, and where flows into an area cross its border (nearest point).
    std::vector<geo::XY> points;
    for (const auto& id : places_used(inputs.flows, inputs.gazetteer, area_ids)) {
        const auto* place = inputs.gazetteer.find(id);
        if (place == nullptr) continue;
        if (const auto xy = projection.forward(place->position)) points.push_back(*xy);
    }
    for (const auto& flow : inputs.flows) {
        const auto origins = model::all_origins(flow);
        const auto destinations = model::all_destinations(flow);
        for (const auto& origin : origins) {
            const auto* from = inputs.gazetteer.find(flow.via.empty() ? origin : flow.via);
            if (from == nullptr) continue;
            const auto start = projection.forward(from->position);
            if (!start) continue;
            const auto origin_area = area_features.find(origin);
            for (const auto& destination : destinations) {
                const auto* to = inputs.gazetteer.find(destination);
                const auto end = to != nullptr ? projection.forward(to->position) : std::nullopt;
                // A flow from an area starts at its border nearest the destination.
                if (origin_area != area_features.end() && flow.via.empty() && end) {
                    if (const auto leaving = nearest_vertex(*origin_area->second, projection, *end))
                        points.push_back(*leaving);
                }
                const auto area = area_features.find(destination);
                if (area == area_features.end()) continue;
                if (const auto crossing = nearest_vertex(*area->second, projection, *start))
                    points.push_back(*crossing);
            }
        }
    }
    if (points.empty()) {
        throw UsageError("no drawn flow has a place with coordinates: there is nothing to fit the map's extent to");
    }
    // A single place still needs its surroundings, so a reader sees where it lies: at least 300 km.
    return fit_points(points, options.extent_margin, 300'000.0);
}

// What a figure's page and map are built from: the destination areas, the places drawn, the width
// scale and the extent.
struct FigureBasis {
    AreaFeatures area_features;
    std::set<std::string> area_ids;
    std::vector<std::string> used;
    WidthScales scale;
    ProjectedBox extent;
};

FigureBasis basis_of(const SceneInputs& inputs, const FigureOptions& options, const geo::Projection& projection) {
    auto area_features = flow_areas(inputs.flows, inputs.gazetteer, inputs.basemap);
    auto area_ids = area_ids_of(area_features);
    auto used = places_used(inputs.flows, inputs.gazetteer, area_ids);
    const WidthScales scale(options.shared_max_counts.value_or(largest_counts(inputs.flows)),
                            options.style.lines.flow_max_mm, options.style.lines.flow_min_mm, options.width_mode,
                            options.width_classes);
    const ProjectedBox extent = fit_extent_with(inputs, options, projection, area_features);
    return {std::move(area_features), std::move(area_ids), std::move(used), scale, extent};
}

}  // namespace

ProjectedBox fit_extent(const SceneInputs& inputs, const FigureOptions& options, const geo::Projection& projection) {
    return fit_extent_with(inputs, options, projection, flow_areas(inputs.flows, inputs.gazetteer, inputs.basemap));
}

// Title, subtitle and credits, the legend beside or under the map, and the map frame between them.
// The legends a page may take (under the map and beside it), which do not depend on the page's
// height: laid out once for all the heights fit_page_height tries.
struct LegendChoices {
    std::optional<Legend> below;
    std::optional<Legend> right;
    bool page_grows = false;  // the room `right` was sized for: every language's, or its own
};

void plan_page(Scene& scene, const SceneInputs& inputs, const FigureOptions& options, const TextMeasure& measure,
               const std::vector<std::string>& used, bool has_areas, const WidthScales& scale,
               const ProjectedBox& extent, LegendChoices& choices) {
    scene.texts.clear();
    scene.legend = {};
    const double m = options.margin_mm;
    const auto [top, bottom] = layout_page_texts(scene, options, measure);
    const double text_width = options.page_width_mm - 2 * m;
    // A sequence explains every frame with one legend: that of all its flows.
    const std::vector<model::Flow>& legend_flows = options.legend_flows ? *options.legend_flows : inputs.flows;
    const double scale_bar_room = options.scale_bar ? kScaleBarRoom : 0;
    // The legend beside or under the map, whichever leaves the map the larger scale.
    if (!legend_flows.empty() && options.legend) {
        const double column = std::clamp(text_width * 0.34, 38.0, 56.0);
        // A legend beside the map takes the room of its longest wording in any language the map speaks
        // (its rows wrap at the column, so the widths differ by a hair and the heights by a row or
        // two), so that a figure and its translation draw the same map, flow for flow. A legend under
        // the map keeps its own: a longer wording there would shrink every English map for the others.
        // Only where the page may grow to hold it: a page of given height, or a panel of one, keeps
        // its map as large as its own wording allows.
        const bool page_grows = (options.page_height_mm <= 0 || options.fitting_page_height) && !options.panel;
        if (!choices.below || choices.page_grows != page_grows) {
            std::vector<std::string> legend_places = used;
            if (options.legend_flows) {
                std::set<std::string> area_ids;
                for (const auto& [id, feature] : flow_areas(legend_flows, inputs.gazetteer, inputs.basemap))
                    area_ids.insert(id);
                legend_places = places_used(legend_flows, inputs.gazetteer, area_ids);
                has_areas = has_areas || !area_ids.empty();
            }
            std::vector<PlaceSymbol> used_symbols_for_legend;
            for (const auto& id : legend_places) {
                if (const auto* place = inputs.gazetteer.find(id)) {
                    used_symbols_for_legend.push_back(
                        {place->id, place->kind, {}, config::symbol_radius(options.style, place->kind)});
                }
            }
            auto content = legend_content(legend_flows, used_symbols_for_legend, has_areas, options);
            note_vagueness(content, legend_flows, legend_places, inputs.gazetteer,
                           flow_areas(legend_flows, inputs.gazetteer, inputs.basemap));
            choices.below = layout_legend(content, scale, options, measure, text_width, scale_bar_room);
            choices.right = layout_legend(content, scale, options, measure, column, scale_bar_room);
            choices.page_grows = page_grows;
            for (const auto& code : config::builtin_locale_codes()) {
                if (code == options.locale.language.code || !page_grows) continue;
                FigureOptions other = options;
                other.locale = config::builtin_locale(code);
                const Legend wording = layout_legend(content, scale, other, measure, column, scale_bar_room);
                choices.right->box.width = std::max(choices.right->box.width, wording.box.width);
                choices.right->box.height = std::max(choices.right->box.height, wording.box.height);
            }
        }
        Legend below = *choices.below;
        Legend right = *choices.right;
        const Box below_frame{m, top, text_width, bottom - top - below.box.height - 1.0};
        const Box right_frame{m, top, text_width - right.box.width - 3.0, bottom - top};
        const auto map_scale = [&](const Box& frame) {
            if (frame.width < 10 || frame.height < 10) return 0.0;
            return std::min(frame.width / extent.width(), frame.height / extent.height());
        };
        const bool right_fits = right.box.height <= bottom - top;
        const bool right_leaves_room = right_frame.width >= 0.6 * text_width;
        bool use_right = options.legend_place == FigureOptions::LegendPlace::right ||
                         (options.legend_place == FigureOptions::LegendPlace::automatic && right_fits &&
                          right_leaves_room && map_scale(right_frame) > map_scale(below_frame) * 1.02);
        if (use_right) {
            scene.legend = std::move(right);
            scene.map_frame = right_frame;
            shift_legend(scene.legend, m + right_frame.width + 3.0, top);
        } else {
            scene.legend = std::move(below);
            scene.map_frame = below_frame;
            shift_legend(scene.legend, m, bottom - scene.legend.box.height);
        }
    } else {
        scene.map_frame = {m, top, text_width, bottom - top};
    }
}

// The page height at which the map frame has the extent's aspect ratio, for the legend beside and
// under the map; the one drawing the map larger wins (on a tie, the shorter page).
FigureOptions fit_page_height(const SceneInputs& inputs, const FigureOptions& requested, const TextMeasure& measure,
                              const std::vector<std::string>& used, bool has_areas, const WidthScales& scale,
                              const ProjectedBox& extent, LegendChoices& choices) {
    const double width = requested.page_width_mm;
    // Narrow pages (a single column) may run taller than wide; wide ones stay landscape-ish.
    const double min_height = width < 120 ? width * 0.8 : width * 0.5;
    // A single column may run the height of a journal page (240 mm) so that its map keeps its shape.
    const double max_height = std::min(width < 120 ? 240.0 : width * 1.0, 240.0);
    std::optional<FigureOptions> best;
    double best_scale = 0;
    std::vector<FigureOptions::LegendPlace> places{FigureOptions::LegendPlace::below,
                                                   FigureOptions::LegendPlace::right};
    if (requested.legend_place != FigureOptions::LegendPlace::automatic) places = {requested.legend_place};
    for (const auto place : places) {
        FigureOptions candidate = requested;
        candidate.legend_place = place;
        candidate.page_height_mm = width;
        Scene scratch;
        plan_page(scratch, inputs, candidate, measure, used, has_areas, scale, extent, choices);
        const Box& frame = scratch.map_frame;
        // A legend beside the map may not squeeze it into a strip (a single column's legend goes under).
        if (place == FigureOptions::LegendPlace::right && places.size() > 1 &&
            frame.width < 0.6 * (width - 2 * requested.margin_mm))
            continue;
        double height = width + frame.width * extent.height() / extent.width() - frame.height;
        if (place == FigureOptions::LegendPlace::right) {
            height = std::max(height, width - frame.height + scratch.legend.box.height);
        }
        candidate.page_height_mm = std::clamp(height, min_height, max_height);
        plan_page(scratch, inputs, candidate, measure, used, has_areas, scale, extent, choices);
        const Box& fitted = scratch.map_frame;
        // A legend beside the map that runs below it (the page could not grow enough) would cover
        // the credits: then the legend goes under the map.
        const Box& legend = scratch.legend.box;
        if (place == FigureOptions::LegendPlace::right && places.size() > 1 &&
            legend.y + legend.height > fitted.y + fitted.height + 0.5)
            continue;
        const double map_scale = fitted.width < 10 || fitted.height < 10
                                     ? 0.0
                                     : std::min(fitted.width / extent.width(), fitted.height / extent.height());
        if (!best || map_scale > best_scale * 1.02 ||
            (map_scale > best_scale / 1.02 && candidate.page_height_mm < best->page_height_mm)) {
            best = candidate;
            best_scale = std::max(best_scale, map_scale);
        }
    }
    return *best;
}

FigureOptions fit_page(const SceneInputs& inputs, const FigureOptions& requested, const geo::Projection& projection,
                       const TextMeasure& measure) {
    if (requested.page_height_mm > 0) return requested;
    const FigureBasis basis = basis_of(inputs, requested, projection);
    LegendChoices choices;
    FigureOptions fitting = requested;
    fitting.fitting_page_height = true;
    return fit_page_height(inputs, fitting, measure, basis.used, !basis.area_ids.empty(), basis.scale, basis.extent,
                           choices);
}

namespace {

SceneResult build_scene_on(const SceneInputs& inputs, const FigureOptions& requested, const geo::Projection& projection,
                           const TextMeasure& measure, const FigureBasis& basis);

}  // namespace

SceneResult build_scene(const SceneInputs& inputs, const FigureOptions& requested, const geo::Projection& projection,
                        const TextMeasure& measure) {
    return build_scene_on(inputs, requested, projection, measure, basis_of(inputs, requested, projection));
}

namespace {

// The basis (areas, places, scales, extent) does not change when the page is planned again.
SceneResult build_scene_on(const SceneInputs& inputs, const FigureOptions& requested, const geo::Projection& projection,
                           const TextMeasure& measure, const FigureBasis& basis) {
    SceneResult result;
    Scene& scene = result.scene;
    scene.style = requested.style;
    if (requested.colour_by_period) {
        for (const auto& period : requested.periods) scene.periods.push_back(period.label);
    }
    scene.page_width_mm = requested.page_width_mm;
    scene.page_height_mm = requested.page_height_mm;

    const auto& [area_features, area_ids, used, scale, extent] = basis;

    // A page of automatic height fits the map's shape: the frame takes the extent's aspect ratio.
    FigureOptions options = requested;
    LegendChoices choices;
    if (requested.page_height_mm <= 0) {
        FigureOptions fitting = requested;
        fitting.fitting_page_height = true;
        options = fit_page_height(inputs, fitting, measure, used, !area_ids.empty(), scale, extent, choices);
    }
    scene.page_height_mm = options.page_height_mm;
    plan_page(scene, inputs, options, measure, used, !area_ids.empty(), scale, extent, choices);
    if (scene.map_frame.height < 10 || scene.map_frame.width < 10) {
        throw UsageError(fmt::format("the page ({}x{} mm) leaves no room for the map after title, legend and credits",
                                     options.page_width_mm, options.page_height_mm));
    }
    const config::TextStyle& text = options.style.text;
    const double scale_bar_room = options.scale_bar ? kScaleBarRoom : 0;
    const MapTransform transform(extent, scene.map_frame);
    scene.georeference = Georeference{projection.definition(), transform};
    const auto report = [&](const char* stage) {
        if (options.progress) options.progress(stage, 0);
    };
    report("projecting the basemap");

    using model::LayerRole;
    scene.layers = project_layers(inputs.basemap,
                                  {LayerRole::land, LayerRole::relief, LayerRole::water, LayerRole::river,
                                   LayerRole::border, LayerRole::area, LayerRole::label, LayerRole::graticule},
                                  options.style, projection, transform, 0.1, &options.relief_shader);
    if (options.graticule) scene.graticule = layout_graticule(projection, transform);

    // The areas flows end in are drawn (tinted) in the area layer they come from.
    const auto scene_layer_of = [&](const model::Feature* feature) -> SceneLayer* {
        for (std::size_t i = 0; i < inputs.basemap.layers.size(); ++i) {
            const auto& features = inputs.basemap.layers[i].features;
            if (features.empty() || feature < features.data() || feature >= features.data() + features.size()) continue;
            for (auto& layer : scene.layers) {
                if (layer.name == inputs.basemap.layers[i].name) return &layer;
            }
        }
        return nullptr;
    };
    AreaIndex areas;
    const FeatureProjector project(projection, transform);
    for (const auto& [id, feature] : area_features) {
        const BasemapLayer layer = project(*feature);
        // The area is named as the basemap names it for the figure's date (Uzbek SSR, Persia), not by the
        // gazetteer's id name.
        const std::string& period_name = feature->name.in(options.locale.language);
        DestinationArea area{id,
                             period_name.empty()
                                 ? model::display_name(*inputs.gazetteer.find(id), options.locale.language)
                                 : period_name,
                             {},
                             feature->short_name.in(options.locale.language)};
        SceneLayer* drawn_in = scene_layer_of(feature);
        for (const auto& polygon : layer.polygons) {
            area.rings.insert(area.rings.end(), polygon.begin(), polygon.end());
            if (drawn_in != nullptr) drawn_in->geometry.polygons.push_back(polygon);
        }
        areas.emplace(id, std::move(area));
    }

    // Every referenced place gets a symbol position (flows need them); only the used ones are drawn.
    std::set<std::string> referenced(used.begin(), used.end());
    for (const auto& flow : inputs.flows) {
        for (const auto& id : model::all_origins(flow)) referenced.insert(id);
        for (const auto& id : model::all_destinations(flow)) referenced.insert(id);
    }
    std::vector<PlaceSymbol> all_symbols;
    for (const auto& id : referenced) {
        const auto* place = inputs.gazetteer.find(id);
        if (place == nullptr) {
            result.warnings.push_back(fmt::format("place '{}' is not in the gazetteer; its flows are not drawn", id));
            continue;
        }
        const auto xy = projection.forward(place->position);
        if (!xy) {
            const auto [lon, lat] = place->position;
            result.warnings.push_back(fmt::format(
                "place '{}' ({:.4f}°{}, {:.4f}°{}) cannot be projected in {}; its flows are not drawn", place->id,
                std::abs(lon), lon < 0 ? 'W' : 'E', std::abs(lat), lat < 0 ? 'S' : 'N', projection.definition()));
            continue;
        }
        PlaceSymbol symbol{place->id, place->kind, transform.to_page(*xy),
                           config::symbol_radius(options.style, place->kind)};
        symbol.precision_km = place->precision_km.value_or(0);
        if (located_roughly(*place))
            symbol.uncertainty_mm = uncertainty_radius(*place, *xy, symbol.radius_mm, transform);
        all_symbols.push_back(symbol);
    }
    std::vector<PlaceSymbol> drawn;
    for (const auto& symbol : all_symbols) {
        // Only inside the band flows keep to: a place at the frame's very edge is reached as beyond it
        // ("to …"), and a symbol there would name it twice.
        if (std::binary_search(used.begin(), used.end(), symbol.place_id) &&
            contains(shrink(scene.map_frame, options.frame_inset_mm), symbol.centre)) {
            drawn.push_back(symbol);
        }
    }
    const auto displaced = displace_symbols(drawn);
    result.warnings.insert(result.warnings.end(), displaced.begin(), displaced.end());
    SymbolIndex symbols;
    for (const auto& symbol : all_symbols) symbols.emplace(symbol.place_id, symbol);
    for (const auto& symbol : drawn) symbols[symbol.place_id] = symbol;
    scene.places = drawn;

    // Flows too short for their width are drawn as discs, which the legend keys: known from the routes
    // before the layout, the page is planned again with that row (not added to a legend laid out
    // without it, which would fit in one language and not in another).
    if (!requested.key_short_flows && !scene.legend.rows.empty() &&
        draws_short_flows(inputs.flows, symbols, areas, scene.places, scene.map_frame, scale, options)) {
        FigureOptions again = requested;
        again.key_short_flows = true;
        return build_scene_on(inputs, again, projection, measure, basis);
    }
    report("laying out flows");
    auto flows = layout_flows(inputs.flows, symbols, areas, scene.places, scene.map_frame, scale, options);
    scene.flows = std::move(flows.shapes);
    scene.hubs = std::move(flows.hubs);
    match_hub_row(scene.legend,
                  std::any_of(scene.hubs.begin(), scene.hubs.end(), [](const FlowHub& hub) { return !hub.short_flow; }),
                  options.locale);
    // A flow the routes did not foretell as a disc (its curve came out too short): planned again.
    const bool short_discs =
        std::any_of(scene.hubs.begin(), scene.hubs.end(), [](const FlowHub& hub) { return hub.short_flow; });
    if (short_discs && !scene.legend.rows.empty() && !keys_short_flows(scene.legend) && !requested.key_short_flows) {
        FigureOptions again = requested;
        again.key_short_flows = true;
        return build_scene_on(inputs, again, projection, measure, basis);
    }
    result.warnings.insert(result.warnings.end(), flows.warnings.begin(), flows.warnings.end());
    if (!inputs.flows.empty() && scene.flows.empty()) {
        throw UsageError(fmt::format(
            "none of the {} flows can be drawn inside the map's extent; nothing to draw ({})", inputs.flows.size(),
            options.extent ? "widen --extent, or leave it out to fit the data" : "see the warnings above"));
    }

    if (options.scale_bar && scene.legend.box.width > 0) {
        const Point origin{scene.legend.reserved_origin.x + 1.0, scene.legend.reserved_origin.y + 4.0};
        scene.scale_bar = layout_scale_bar(projection, transform, origin, scale_bar_room - 8, text.scale_bar_pt,
                                           measure, options.locale);
    }
    if (options.north_arrow)
        scene.north_arrow = layout_north_arrow(projection, transform, scene.map_frame, measure, options.locale);
    std::vector<Box> reserved;
    if (scene.north_arrow) reserved.push_back({scene.north_arrow->base.x - 3, scene.north_arrow->tip.y - 4, 6, 12});
    if (options.inset) {
        // Well inside the basemap's coverage (44–104°E, 28–60°N), so the inset's corners show land, not its edge.
        const LonLatBox wide = options.inset_extent.value_or(LonLatBox{56, 34, 94, 54});
        // Wide enough for its names at 7 pt (XINJIANG, KAZAKH ASSR), but never more than a third of
        // a short map's height.
        const double w = std::min({46.0, scene.map_frame.width * 0.3, scene.map_frame.height * 0.33 / 0.62});
        const Box box{scene.map_frame.x + scene.map_frame.width - w - 1.5,
                      scene.map_frame.y + scene.map_frame.height - w * 0.62 - 1.5, w, w * 0.62};
        scene.inset =
            layout_inset(projection, transform, inputs.basemap, measure, options.locale, options.style, wide, box);
        reserved.push_back(scene.inset->box);
    }
    std::vector<Label> graticule_text;
    if (!scene.graticule.empty()) {
        graticule_text = graticule_labels(scene.graticule, scene.map_frame, measure, text.graticule_pt, options.locale);
        // A degree label under the inset would be hidden by it.
        if (scene.inset) {
            std::erase_if(graticule_text, [&](const Label& label) { return label.box.overlaps(scene.inset->box); });
        }
        for (const auto& label : graticule_text) reserved.push_back(label.box);
    }

    std::vector<LabelRequest> requests;
    for (const auto& symbol : scene.places) {
        const auto* place = inputs.gazetteer.find(symbol.place_id);
        requests.push_back({symbol.place_id,
                            model::display_name(*place, options.locale.language),
                            symbol.centre,
                            symbol.radius_mm,
                            Label::Kind::place,
                            text.label_pt,
                            {},
                            {},
                            std::nullopt});
    }
    // The records behind hubs and livestock labels, found once each rather than by a search per mark.
    std::map<std::string_view, const model::Flow*> flow_of;
    if (!scene.hubs.empty() || options.livestock) {
        for (const auto& flow : inputs.flows) flow_of.emplace(flow.id, &flow);
    }
    const auto record = [&](const std::string& id) -> const model::Flow* {
        const auto found = flow_of.find(id);
        return found != flow_of.end() ? found->second : nullptr;
    };
    // A hub says its figure beside it ("≈ 1 030 000 people"): a disc's width is hard to read off a key.
    // A short flow's disc is read off the width key as its arrow would be, and arrows carry no figure.
    for (const auto& hub : scene.hubs) {
        if (hub.short_flow) continue;
        const model::Flow* flow = record(hub.flow_id);
        if (flow == nullptr || !flow->count) continue;
        std::string figure = count_text(static_cast<double>(*flow->count));
        if (flow->count_high) figure += "\u2013" + count_text(static_cast<double>(*flow->count_high));
        const char* qualifier = flow->certainty == model::Certainty::estimate      ? "\u2248\u2009"
                                : flow->certainty == model::Certainty::lower_bound ? "> "
                                                                                   : "";
        requests.push_back({hub.flow_id,
                            fmt::format("{}{} {}", qualifier, figure, phrase(unit_phrase(flow->unit), options.locale)),
                            hub.centre,
                            std::max(hub.radius_mm, hub.high_radius_mm),
                            Label::Kind::place,
                            text.label_pt,
                            {},
                            {},
                            std::nullopt});
    }
    // Livestock driven along, beside the middle of its flow (not a flow of its own: head are not people).
    if (options.livestock) {
        for (const auto& shape : scene.flows) {
            if (shape.part == FlowPart::branch || shape.centre_line.size() < 2) continue;
            const model::Flow* flow = record(shape.flow_id);
            if (flow == nullptr || !flow->livestock_head) continue;
            const Point middle = point_back_from_end(shape.centre_line, path_length(shape.centre_line) / 2);
            requests.push_back({shape.flow_id,
                                fmt::format("{} {}", count_text(static_cast<double>(*flow->livestock_head)),
                                            phrase(Phrase::livestock, options.locale)),
                                middle,
                                shape.width_mm / 2,
                                Label::Kind::place,
                                text.label_pt,
                                {},
                                {},
                                std::nullopt});
        }
    }
    // Larger places claim their preferred positions first.
    std::stable_sort(requests.begin(), requests.end(),
                     [](const LabelRequest& a, const LabelRequest& b) { return a.clearance_mm > b.clearance_mm; });
    for (const auto& [id, area] : areas) {
        auto centres = area_label_centres(area, scene.map_frame, scene.flows,
                                          measure(spaced_caps(area.name), text.area_label_pt, false, 0));
        if (centres.empty()) continue;
        requests.insert(requests.begin(), {id,
                                           spaced_caps(area.name),
                                           centres.front(),
                                           0,
                                           Label::Kind::area,
                                           text.area_label_pt,
                                           std::move(centres),
                                           {},
                                           std::nullopt});
    }
    for (const auto& flow : scene.flows) {
        if (flow.target != TargetKind::frame) continue;
        const auto* place = inputs.gazetteer.find(flow.target_id);
        if (place == nullptr) continue;
        // An area beyond the frame by the name the map gives it (Persia, not Iran).
        const auto area = areas.find(flow.target_id);
        const std::string name =
            area != areas.end() ? area->second.name : model::display_name(*place, options.locale.language);
        requests.push_back({flow.target_id,
                            fmt::format(fmt::runtime(phrase(Phrase::frame_destination, options.locale)), name),
                            flow.centre_line.back(),
                            1.0,
                            Label::Kind::frame,
                            text.label_pt,
                            {},
                            {},
                            std::nullopt});
    }
    // The basemap's names (rivers, lakes, ranges) come last: the data's places and areas go first.
    for (auto& request : feature_label_requests(inputs.basemap, projection, transform, scene.map_frame, options.style,
                                                options.locale.language))
        requests.push_back(std::move(request));
    report("placing labels");
    auto labels = place_labels(requests, scene.places, scene.map_frame, measure, reserved, scene.flows);
    // A unit the data names as an area and the basemap names too is named once: by the area's label,
    // or, where that found no room, by the basemap's.
    const auto letters = [](const std::string& text) {  // capitals without spaces or hair spaces
        std::string out = spaced_caps(text);
        for (const std::string_view gap : {std::string_view("\u200A"), std::string_view(" ")}) {
            for (auto at = out.find(gap); at != std::string::npos; at = out.find(gap)) out.erase(at, gap.size());
        }
        return out;
    };
    std::set<std::string> areas_named;
    for (const auto& label : labels.placed) {
        if (label.kind == Label::Kind::area) areas_named.insert(letters(label.text));
    }
    std::set<std::string> units_named;
    std::erase_if(labels.placed, [&](const Label& label) {
        if (label.kind != Label::Kind::feature) return false;
        const std::string key = letters(label.text);
        units_named.insert(key);
        return areas_named.contains(key);
    });
    std::erase_if(labels.unplaced, [&](const std::string& text) {
        const std::string key = letters(text);
        return units_named.contains(key) && !areas_named.contains(key);
    });
    // An area whose name found no room is named by its short form where that fits ("MPR").
    std::vector<LabelRequest> short_forms;
    for (const auto& [id, area] : areas) {
        const std::string long_form = spaced_caps(area.name);
        if (area.short_name.empty() ||
            std::find(labels.unplaced.begin(), labels.unplaced.end(), long_form) == labels.unplaced.end())
            continue;
        auto centres = area_label_centres(area, scene.map_frame, scene.flows,
                                          measure(spaced_caps(area.name), text.area_label_pt, false, 0));
        if (centres.empty()) continue;
        short_forms.push_back({id,
                               spaced_caps(area.short_name),
                               centres.front(),
                               0,
                               Label::Kind::area,
                               text.area_label_pt,
                               std::move(centres),
                               {},
                               std::nullopt});
    }
    if (!short_forms.empty()) {
        std::vector<Box> taken = reserved;
        for (const auto& label : labels.placed) taken.push_back(label.box);
        auto second = place_labels(short_forms, scene.places, scene.map_frame, measure, taken, scene.flows);
        for (auto& label : second.placed) {
            std::erase(labels.unplaced, spaced_caps(areas.at(label.place_id).name));
            labels.placed.push_back(std::move(label));
        }
    }
    scene.labels = std::move(labels.placed);
    scene.labels.insert(scene.labels.end(), graticule_text.begin(), graticule_text.end());
    add_label_leaders(scene);
    scene.unplaced_labels = labels.unplaced;
    scene.names_left_out = labels.names_left_out;
    for (const auto& text : labels.unplaced) {
        result.warnings.push_back(fmt::format("label '{}' could not be placed without overlap; left out", text));
    }
    auto records = std::make_shared<SceneRecords>();
    records->flows = inputs.flows;
    for (const auto& symbol : scene.places) {
        if (const auto* place = inputs.gazetteer.find(symbol.place_id)) records->places.push_back(*place);
    }
    scene.records = std::move(records);
    return result;
}

}  // namespace

}  // namespace steppeflow::layout
