#include "layout/furniture_layout.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "layout/basemap_layout.hpp"
#include "layout/feature_labels.hpp"
#include "layout/geometry.hpp"
#include "layout/label_layout.hpp"
#include "layout/map_text.hpp"

namespace steppeflow::layout {

namespace {

double nice_below(double value) {
    const double magnitude = std::pow(10, std::floor(std::log10(value)));
    for (const double step : {5.0, 2.0, 1.0}) {
        if (step * magnitude <= value) return step * magnitude;
    }
    return magnitude;
}

std::optional<model::LonLat> lonlat_at(const geo::Projection& projection, const MapTransform& transform, Point page) {
    return projection.inverse(transform.to_projected(page));
}

}  // namespace

double km_per_mm_at_centre(const geo::Projection& projection, const MapTransform& transform) {
    const Box& f = transform.frame();
    const Point centre{f.x + f.width / 2, f.y + f.height / 2};
    const double span = f.width / 4;
    const auto a = lonlat_at(projection, transform, {centre.x - span / 2, centre.y});
    const auto b = lonlat_at(projection, transform, {centre.x + span / 2, centre.y});
    if (!a || !b) return 0;
    return projection.geodesic_distance(*a, *b) / 1000 / span;
}

// The bar's labels: each tick's number centred over it, the caption right of the bar, centred on it.
void place_scale_bar_labels(ScaleBar& bar, const TextMeasure& measure) {
    constexpr double kBarHeight = 1.0;  // as the painter draws the bar
    const Point o = bar.origin;
    bar.tick_label_origins.clear();
    for (std::size_t i = 0; i < bar.ticks_mm.size(); ++i) {
        if (bar.tick_labels[i].empty()) {
            bar.tick_label_origins.push_back({o.x + bar.ticks_mm[i], o.y});
            continue;
        }
        const auto size = measure(bar.tick_labels[i], bar.font_size_pt, false, 0);
        bar.tick_label_origins.push_back({o.x + bar.ticks_mm[i] - size.width_mm / 2, o.y - size.height_mm - 0.3});
    }
    const auto size = measure("0", bar.font_size_pt, false, 0);
    bar.caption_origin = {o.x + bar.length_mm + 2, o.y + kBarHeight / 2 - size.height_mm / 2};
}

ScaleBar layout_scale_bar(const geo::Projection& projection, const MapTransform& transform, Point origin,
                          double max_length_mm, double font_size_pt, const TextMeasure& measure,
                          const config::Locale& locale) {
    ScaleBar bar;
    bar.origin = origin;
    bar.font_size_pt = font_size_pt;
    const double km_per_mm = km_per_mm_at_centre(projection, transform);
    if (km_per_mm <= 0) return bar;
    bar.kilometres = nice_below(max_length_mm * km_per_mm);
    bar.length_mm = bar.kilometres / km_per_mm;
    const double first_digit = bar.kilometres / std::pow(10, std::floor(std::log10(bar.kilometres)));
    const int segments = first_digit == 2 ? 4 : (first_digit == 5 ? 5 : 2);
    for (int i = 0; i <= segments; ++i) {
        bar.ticks_mm.push_back(bar.length_mm * i / segments);
        const double km = bar.kilometres * i / segments;
        // Label the ends and the middle only, so the numbers never crowd.
        const bool labelled = i == 0 || i == segments || (segments % 2 == 0 && i == segments / 2);
        bar.tick_labels.push_back(labelled ? fmt::format("{:g}", km) : "");
    }
    const Box& f = transform.frame();
    const auto centre = lonlat_at(projection, transform, {f.x + f.width / 2, f.y + f.height / 2});
    bar.caption = centre ? fmt::format(fmt::runtime(phrase(Phrase::scale_caption, locale)),
                                       static_cast<long long>(std::llround(centre->lat)))
                         : phrase(Phrase::scale_caption_plain, locale);
    place_scale_bar_labels(bar, measure);
    return bar;
}

std::vector<GraticuleLine> layout_graticule(const geo::Projection& projection, const MapTransform& transform,
                                            int target_lines) {
    // The lon/lat range the frame covers, read off its edges.
    const Box& f = transform.frame();
    double lon0 = 180;
    double lon1 = -180;
    double lat0 = 90;
    double lat1 = -90;
    for (int i = 0; i <= 40; ++i) {
        const double t = i / 40.0;
        for (const Point p : {Point{f.x + t * f.width, f.y}, Point{f.x + t * f.width, f.y + f.height},
                              Point{f.x, f.y + t * f.height}, Point{f.x + f.width, f.y + t * f.height}}) {
            if (const auto ll = lonlat_at(projection, transform, p)) {
                lon0 = std::min(lon0, ll->lon);
                lon1 = std::max(lon1, ll->lon);
                lat0 = std::min(lat0, ll->lat);
                lat1 = std::max(lat1, ll->lat);
            }
        }
    }
    if (lon0 >= lon1 || lat0 >= lat1) return {};
    const auto spacing = [&](double range) {
        for (const double step : {1.0, 2.0, 5.0, 10.0, 15.0, 20.0, 30.0}) {
            if (range / step <= target_lines) return step;
        }
        return 30.0;
    };
    const double lon_step = spacing(lon1 - lon0);
    const double lat_step = spacing(lat1 - lat0);
    std::vector<GraticuleLine> lines;
    const auto add = [&](bool meridian, double value, double from, double to) {
        GraticuleLine line{{}, meridian, value};
        const int steps = 64;
        for (int i = 0; i <= steps; ++i) {
            const double v = from + (to - from) * i / steps;
            const auto xy = projection.forward(meridian ? model::LonLat{value, v} : model::LonLat{v, value});
            if (xy) line.path.push_back(transform.to_page(*xy));
        }
        if (line.path.size() >= 2) lines.push_back(std::move(line));
    };
    // Whole steps counted as integers, so no rounding drift adds or drops a line.
    for (auto k = static_cast<long>(std::ceil(lon0 / lon_step)); static_cast<double>(k) * lon_step <= lon1; ++k) {
        add(true, static_cast<double>(k) * lon_step, lat0, lat1);
    }
    for (auto k = static_cast<long>(std::ceil(lat0 / lat_step)); static_cast<double>(k) * lat_step <= lat1; ++k) {
        add(false, static_cast<double>(k) * lat_step, lon0, lon1);
    }
    return lines;
}

std::vector<Label> graticule_labels(const std::vector<GraticuleLine>& lines, const Box& frame,
                                    const TextMeasure& measure, double size_pt, const config::Locale& locale) {
    std::vector<Label> labels;
    const double bottom = frame.y + frame.height;
    for (const auto& line : lines) {
        // Where the line crosses the bottom edge (meridians) or the left edge (parallels).
        for (std::size_t i = 1; i < line.path.size(); ++i) {
            const Point a = line.path[i - 1];
            const Point b = line.path[i];
            const std::string text = degrees_label(line.degrees, line.meridian, locale);
            const TextSize size = measure(text, size_pt, false, 0);
            if (line.meridian && (a.y - bottom) * (b.y - bottom) <= 0 && a.y != b.y) {
                const double x = a.x + (b.x - a.x) * (bottom - a.y) / (b.y - a.y);
                if (x - size.width_mm / 2 < frame.x + 1 || x + size.width_mm / 2 > frame.x + frame.width - 1) break;
                labels.push_back({Label::Kind::graticule,
                                  text,
                                  "",
                                  {x - size.width_mm / 2, bottom - size.height_mm - 0.5, size.width_mm, size.height_mm},
                                  size_pt,
                                  {},
                                  std::nullopt});
                break;
            }
            if (!line.meridian && (a.x - frame.x) * (b.x - frame.x) <= 0 && a.x != b.x) {
                const double y = a.y + (b.y - a.y) * (frame.x - a.x) / (b.x - a.x);
                if (y - size.height_mm < frame.y + 1 || y + size.height_mm > bottom - 4) break;
                labels.push_back({Label::Kind::graticule,
                                  text,
                                  "",
                                  {frame.x + 0.8, y - size.height_mm - 0.2, size.width_mm, size.height_mm},
                                  size_pt,
                                  {},
                                  std::nullopt});
                break;
            }
        }
    }
    return labels;
}

NorthArrow layout_north_arrow(const geo::Projection& projection, const MapTransform& transform, const Box& frame,
                              const TextMeasure& measure, const config::Locale& locale) {
    const Point base{frame.x + frame.width - 6, frame.y + 11};
    NorthArrow arrow{base, {base.x, base.y - 7}, 7, phrase(Phrase::north, locale), {}};
    const auto here = lonlat_at(projection, transform, base);
    const auto north =
        here ? projection.forward({here->lon, std::min(89.9, here->lat + 0.5)}) : std::optional<geo::XY>{};
    if (north) arrow.tip = base + unit(transform.to_page(*north) - base) * 7;
    const auto size = measure(arrow.letter, arrow.font_size_pt, true, 0);
    arrow.letter_origin = {arrow.tip.x - size.width_mm / 2, arrow.tip.y - size.height_mm - 0.3};
    return arrow;
}

Inset layout_inset(const geo::Projection& projection, const MapTransform& main, const model::Basemap& basemap,
                   const TextMeasure& measure, const config::Locale& locale, const config::Style& style,
                   const LonLatBox& wide, Box box) {
    Inset inset;
    const MapTransform transform(project_box(projection, wide), box);
    inset.box = transform.frame();
    inset.layers = project_layers(basemap, {model::LayerRole::land, model::LayerRole::water, model::LayerRole::border},
                                  style, projection, transform, 0.3);
    // A locator's borders are hairlines, solid: at its scale a dash pattern would read as noise; a
    // unit of lower rank is told apart by a finer line.
    for (std::size_t i = 0; i < inset.layers.size(); ++i) {
        auto& layer = inset.layers[i];
        if (layer.role != model::LayerRole::border) continue;
        const auto source = std::find_if(basemap.layers.begin(), basemap.layers.end(),
                                         [&](const model::MapLayer& m) { return m.name == layer.name; });
        const int rank = source == basemap.layers.end() ? 0 : std::min(source->rank, 2);
        layer.rule.width_mm = style.lines.hairline_mm * (1.0 - 0.25 * rank);
        layer.rule.dash.clear();
        layer.rule.width_by_rank = false;
    }
    const Box& f = main.frame();
    for (const Point p : {Point{f.x, f.y}, Point{f.x + f.width, f.y}, Point{f.x + f.width, f.y + f.height},
                          Point{f.x, f.y + f.height}, Point{f.x, f.y}}) {
        inset.extent.push_back(transform.to_page(main.to_projected(p)));
    }
    // The states and units around, in short forms, at the smallest size the style sets a text; off the
    // red outline of the main map where they can be (it is what a locator is read for), over it where
    // a name has no other room.
    auto requests = feature_label_requests(basemap, projection, transform, inset.box, style, locale.language,
                                           LocatorNames{style.text.graticule_pt});
    for (auto& request : requests) request.kind = Label::Kind::area;
    FlowShape outline;
    outline.centre_line = inset.extent;
    outline.width_mm = 0.8;
    inset.names = place_labels(requests, {}, shrink(inset.box, 0.8), measure, {}, {outline}).placed;
    return inset;
}

}  // namespace steppeflow::layout
