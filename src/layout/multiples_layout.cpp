#include "layout/multiples_layout.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "layout/flow_layout.hpp"
#include "layout/furniture_layout.hpp"
#include "layout/legend_layout.hpp"
#include "layout/scene_parts.hpp"

namespace steppeflow::layout {

namespace {

constexpr double kPanelGap = 4;

struct Grid {
    int columns = 1;
    int rows = 1;
    double panel_width = 0;
    double panel_height = 0;
};

Grid grid_for(int count, int columns, double width, double height) {
    Grid grid;
    grid.columns = std::clamp(columns, 1, std::max(count, 1));
    grid.rows = (count + grid.columns - 1) / grid.columns;
    grid.panel_width = (width - (grid.columns - 1) * kPanelGap) / grid.columns;
    grid.panel_height = (height - (grid.rows - 1) * kPanelGap) / grid.rows;
    return grid;
}

}  // namespace

FigureOptions shared_scales(const model::Gazetteer& gazetteer, const model::Basemap& basemap,
                            const std::vector<model::Flow>& all_flows, const FigureOptions& options,
                            const geo::Projection& projection) {
    FigureOptions shared = options;
    shared.projected_extent = fit_extent({gazetteer, all_flows, basemap}, options, projection);
    if (!shared.shared_max_counts) shared.shared_max_counts = largest_counts(all_flows);
    return shared;
}

SceneResult build_small_multiples(const model::Gazetteer& gazetteer, const model::Basemap& basemap,
                                  const std::vector<PanelFlows>& panels, const std::vector<model::Flow>& all_flows,
                                  const FigureOptions& options, int columns, const geo::Projection& projection,
                                  const TextMeasure& measure) {
    if (panels.empty()) throw UsageError("small multiples need at least one period with flows");
    const FigureOptions shared = shared_scales(gazetteer, basemap, all_flows, options, projection);
    const ProjectedBox extent = *shared.projected_extent;
    const WidthScales scale(*shared.shared_max_counts, options.style.lines.flow_max_mm, options.style.lines.flow_min_mm,
                            options.width_mode, options.width_classes);

    SceneResult result;
    Scene& page = result.scene;
    page.style = options.style;
    page.page_width_mm = options.page_width_mm;
    if (options.colour_by_period) {
        for (const auto& period : options.periods) page.periods.push_back(period.label);
    }
    const double m = options.margin_mm;
    const double width = options.page_width_mm - 2 * m;

    // One legend under the grid, for every panel.
    const auto areas = flow_areas(all_flows, gazetteer, basemap);
    const auto area_ids = area_ids_of(areas);
    std::vector<PlaceSymbol> symbols;
    const auto used = places_used(all_flows, gazetteer, area_ids);
    for (const auto& id : used) {
        if (const auto* place = gazetteer.find(id))
            symbols.push_back({place->id, place->kind, {}, config::symbol_radius(options.style, place->kind)});
    }
    const double scale_bar_room = options.scale_bar ? 40 : 0;
    LegendContent content = legend_content(all_flows, symbols, !area_ids.empty(), options);
    note_vagueness(content, all_flows, used, gazetteer, areas);
    const auto legend_for = [&](double available) {
        return layout_legend(content, scale, options, measure, available, scale_bar_room);
    };
    const Legend strip = legend_for(width);

    const double title_height = measure("1930", options.style.text.panel_title_pt, true, 0).height_mm + 1.3;
    const auto map_scale = [&](const Grid& g) {
        const double w = g.panel_width;
        const double h = g.panel_height - title_height;
        if (w < 20 || h < 15) return 0.0;
        return std::min(w / extent.width(), h / extent.height());
    };
    const int count = static_cast<int>(panels.size());
    // Empty cells at the end of the last row hold the legend when it fits there.
    const auto legend_in_cells = [&](const Grid& g) -> std::optional<Legend> {
        const int empty = g.columns * g.rows - count;
        if (empty <= 0) return std::nullopt;
        Legend legend = legend_for(empty * (g.panel_width + kPanelGap) - kPanelGap);
        if (legend.box.height > g.panel_height - title_height) return std::nullopt;
        return legend;
    };

    FigureOptions page_options = options;
    Scene probe;
    const double provisional = options.page_height_mm > 0 ? options.page_height_mm : options.page_width_mm;
    page_options.page_height_mm = provisional;
    const PageBand band = layout_page_texts(probe, page_options, measure);
    const double texts = band.top + (provisional - band.bottom);
    const double with_strip = texts + strip.box.height + 2.0;

    // The grid drawing the maps largest; with an automatic height, the page takes the height it needs.
    Grid grid;
    bool legend_in_grid = false;
    double best_scale = -1;
    const double max_height = std::min(options.page_width_mm * 1.4, 240.0);
    const int first = columns > 0 ? columns : 1;
    const int last = columns > 0 ? columns : count;
    for (int c = first; c <= last; ++c) {
        const int rows = (count + c - 1) / c;
        const double panel_width = (width - (c - 1) * kPanelGap) / c;
        const double panel_height = title_height + panel_width * extent.height() / extent.width();
        for (const bool in_grid : {true, false}) {
            const double fixed = in_grid ? texts : with_strip;
            const double height = options.page_height_mm > 0
                                      ? options.page_height_mm
                                      : std::min(fixed + rows * panel_height + (rows - 1) * kPanelGap, max_height);
            const Grid candidate = grid_for(count, c, width, height - fixed);
            if (in_grid && !legend_in_cells(candidate)) continue;
            const double scale_here = map_scale(candidate);
            // Prefer the larger maps; at equal scale, the shorter page.
            if (scale_here > best_scale * 1.001 ||
                (scale_here > best_scale / 1.001 && height < page_options.page_height_mm)) {
                best_scale = std::max(best_scale, scale_here);
                grid = candidate;
                legend_in_grid = in_grid;
                page_options.page_height_mm = height;
            }
        }
    }
    if (best_scale <= 0) {
        throw UsageError(fmt::format("the page ({}x{} mm) has no room for {} panels of at least 20x15 mm",
                                     options.page_width_mm, page_options.page_height_mm, count));
    }
    page.page_height_mm = page_options.page_height_mm;
    const auto [top, bottom] = layout_page_texts(page, page_options, measure);
    if (legend_in_grid) {
        page.legend = *legend_in_cells(grid);
        const int filled = count % grid.columns;
        shift_legend(page.legend, m + filled * (grid.panel_width + kPanelGap),
                     top + (grid.rows - 1) * (grid.panel_height + kPanelGap) + title_height);
    } else {
        page.legend = strip;
        shift_legend(page.legend, m, bottom - page.legend.box.height);
    }

    FigureOptions panel_options = shared;
    panel_options.page_width_mm = grid.panel_width;
    panel_options.page_height_mm = grid.panel_height;
    panel_options.margin_mm = 0;
    panel_options.panel = true;
    panel_options.legend = false;
    panel_options.scale_bar = false;
    panel_options.inset = false;
    panel_options.north_arrow = false;
    panel_options.subtitle.clear();
    panel_options.credits.clear();
    for (int i = 0; i < count; ++i) {
        const auto& input = panels[static_cast<std::size_t>(i)];
        panel_options.title = input.title;
        auto built = build_scene({gazetteer, input.flows, input.basemap != nullptr ? *input.basemap : basemap},
                                 panel_options, projection, measure);
        const int column = i % grid.columns;
        const int row = i / grid.columns;
        const Point offset{m + column * (grid.panel_width + kPanelGap), top + row * (grid.panel_height + kPanelGap)};
        for (const auto& warning : built.warnings) result.warnings.push_back(input.title + ": " + warning);
        page.panels.push_back({offset, input.title, std::move(built.scene)});
    }
    const auto any_hub = [&](bool short_flow) {
        return std::any_of(page.panels.begin(), page.panels.end(), [&](const Panel& panel) {
            return std::any_of(panel.scene.hubs.begin(), panel.scene.hubs.end(),
                               [&](const FlowHub& hub) { return hub.short_flow == short_flow; });
        });
    };
    match_hub_row(page.legend, any_hub(false), options.locale);
    // A panel that drew a flow as a disc needs its row in the page's legend: the grid is planned
    // again with it (the legend's height may change the grid).
    if (any_hub(true) && !keys_short_flows(page.legend) && !options.key_short_flows) {
        FigureOptions again = options;
        again.key_short_flows = true;
        return build_small_multiples(gazetteer, basemap, panels, all_flows, again, columns, projection, measure);
    }

    // Every panel has the same frame and extent, so one scale bar is true for all of them.
    if (options.scale_bar) {
        const MapTransform transform(extent, page.panels.front().scene.map_frame);
        const Point origin{page.legend.reserved_origin.x + 1.0, page.legend.reserved_origin.y + 4.0};
        page.scale_bar = layout_scale_bar(projection, transform, origin, scale_bar_room - 8,
                                          options.style.text.scale_bar_pt, measure, options.locale);
    }
    return result;
}

}  // namespace steppeflow::layout
