#include "layout/detail_layout.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "layout/scene_parts.hpp"

namespace steppeflow::layout {

namespace {

constexpr double kPanelGap = 5;           // between the overview and the detail
constexpr double kTallestAutoPage = 240;  // a journal's full page of text height, when the height is free
constexpr int kSamplesPerEdge = 24;

FigureOptions panel_options(const FigureOptions& page, double width, double height, const std::string& title) {
    FigureOptions panel = page;
    panel.page_width_mm = width;
    panel.page_height_mm = height;
    panel.margin_mm = 0;
    panel.panel = true;
    panel.inset = false;  // the overview is itself the locator
    panel.title = title;
    panel.subtitle.clear();
    panel.credits.clear();
    panel.colour_by_period = false;
    panel.legend_flows = nullptr;
    panel.shared_max_counts.reset();  // each panel has its own width key
    panel.projected_extent.reset();
    return panel;
}

}  // namespace

PagePath outline_of(const LonLatBox& box, const geo::Projection& projection, const MapTransform& transform) {
    const model::LonLat corners[] = {
        {box.lon_min, box.lat_max}, {box.lon_max, box.lat_max}, {box.lon_max, box.lat_min}, {box.lon_min, box.lat_min}};
    PagePath outline;
    for (int edge = 0; edge < 4; ++edge) {
        const model::LonLat a = corners[edge];
        const model::LonLat b = corners[(edge + 1) % 4];
        for (int i = 0; i < kSamplesPerEdge; ++i) {
            const double t = static_cast<double>(i) / kSamplesPerEdge;
            const model::LonLat p{a.lon + t * (b.lon - a.lon), a.lat + t * (b.lat - a.lat)};
            if (const auto xy = projection.forward(p)) outline.push_back(transform.to_page(*xy));
        }
    }
    return outline;
}

SceneResult build_with_detail(const SceneInputs& overview, const DetailPanel& detail, const FigureOptions& options,
                              const geo::Projection& projection, const TextMeasure& measure) {
    const double m = options.margin_mm;
    const double width = options.page_width_mm - 2 * m;

    // The page's own texts first: they fix the band the panels share.
    FigureOptions page_options = options;
    const double provisional = options.page_height_mm > 0 ? options.page_height_mm : kTallestAutoPage;
    page_options.page_height_mm = provisional;
    Scene probe;
    const PageBand probe_band = layout_page_texts(probe, page_options, measure);
    const double texts = probe_band.top + (provisional - probe_band.bottom);

    FigureOptions first = panel_options(options, width, 0, "a  " + detail.overview_title);
    FigureOptions second = panel_options(options, width, 0, "b  " + detail.title);
    second.extent = detail.extent;
    second.legend_place = detail.legend;
    const auto build = [&](const FigureOptions& panel, const std::vector<model::Flow>& flows) {
        return build_scene({overview.gazetteer, flows, overview.basemap}, panel, projection, measure);
    };
    SceneResult a = build(first, overview.flows);
    SceneResult b = build(second, detail.flows);

    // Panels of their own shape, or shrunk alike to the page's height (given, or a full page).
    const double room = (options.page_height_mm > 0 ? options.page_height_mm : kTallestAutoPage) - texts - kPanelGap;
    const double wanted = a.scene.page_height_mm + b.scene.page_height_mm;
    if (options.page_height_mm > 0 || wanted > room) {
        const double share = a.scene.page_height_mm / wanted;
        if (room < 60) {
            throw UsageError(fmt::format("the page ({}x{} mm) has no room for an overview and a detail panel",
                                         options.page_width_mm, options.page_height_mm));
        }
        // A legend beside the detail needs its own height whatever the map's share.
        const double legend_room = second.legend_place == FigureOptions::LegendPlace::below
                                       ? 0
                                       : b.scene.legend.box.height + b.scene.map_frame.y + 1;
        second.page_height_mm = std::max(room * (1 - share), legend_room);
        first.page_height_mm = room - second.page_height_mm;
        a = build(first, overview.flows);
        b = build(second, detail.flows);
    }

    SceneResult result;
    Scene& page = result.scene;
    page.style = options.style;
    page.page_width_mm = options.page_width_mm;
    page.page_height_mm = options.page_height_mm > 0
                              ? options.page_height_mm
                              : texts + a.scene.page_height_mm + kPanelGap + b.scene.page_height_mm;
    page_options.page_height_mm = page.page_height_mm;
    const PageBand band = layout_page_texts(page, page_options, measure);

    // The detail's extent on the overview, lettered at its upper left corner outside the outline.
    if (a.scene.georeference) {
        DetailKey key;
        key.outline = outline_of(detail.extent, projection, a.scene.georeference->transform);
        key.letter = "b";
        key.font_size_pt = options.style.text.panel_title_pt;
        if (!key.outline.empty()) {
            const Point corner = key.outline.front();
            const auto size = measure(key.letter, key.font_size_pt, true, 0);
            key.letter_at = {corner.x, corner.y - size.height_mm - 0.6};
            a.scene.detail_key = std::move(key);
        }
    }

    for (const auto& warning : a.warnings) result.warnings.push_back("overview: " + warning);
    for (const auto& warning : b.warnings) result.warnings.push_back("detail: " + warning);
    const double detail_top = band.top + a.scene.page_height_mm + kPanelGap;
    page.panels.push_back({{m, band.top}, first.title, std::move(a.scene)});
    page.panels.push_back({{m, detail_top}, second.title, std::move(b.scene)});
    return result;
}

}  // namespace steppeflow::layout
