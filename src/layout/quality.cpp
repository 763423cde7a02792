#include "layout/quality.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <numbers>
#include <set>

#include "layout/draw_order.hpp"
#include "layout/geometry.hpp"
#include "layout/label_layout.hpp"
#include "layout/legend_layout.hpp"
#include "layout/scene_parts.hpp"
#include "layout/spatial_grid.hpp"

namespace steppeflow::layout {

namespace {

// The maps a page's legend explains: its own, and every panel that has no legend of its own.
template <class Visit>
void for_each_map_it_keys(const Scene& scene, Visit&& visit) {
    visit(scene);
    for (const auto& panel : scene.panels) {
        if (panel.scene.legend.rows.empty()) visit(panel.scene);
    }
}

int outcomes_not_keyed(const Scene& scene) {
    if (scene.legend.rows.empty()) return 0;
    std::set<EndMark> keyed;
    for (const auto& row : scene.legend.rows) {
        if (row.keys_outcome) keyed.insert(end_mark_for(row.flow.status));
    }
    int missing = 0;
    for_each_map_it_keys(scene, [&](const Scene& map) {
        for (const auto& flow : map.flows) {
            if (flow.part != FlowPart::branch && !keyed.contains(end_mark_for(flow.status))) ++missing;
        }
    });
    return missing;
}

// Broken ends and precision rings that no legend row explains (a row whose sample has them).
int vagueness_not_keyed(const Scene& scene) {
    if (scene.legend.rows.empty()) return 0;
    bool broken_keyed = false;
    bool ring_keyed = false;
    for (const auto& row : scene.legend.rows) {
        broken_keyed = broken_keyed || (row.sample == LegendRow::Sample::flow && row.flow.schematic_end_mm > 0);
        ring_keyed = ring_keyed || (row.sample == LegendRow::Sample::symbol && row.symbol.uncertainty_mm > 0);
    }
    int missing = 0;
    for_each_map_it_keys(scene, [&](const Scene& map) {
        for (const auto& flow : map.flows) missing += !broken_keyed && flow.schematic_end_mm > 0 ? 1 : 0;
        for (const auto& place : map.places) missing += !ring_keyed && place.uncertainty_mm > 0 ? 1 : 0;
    });
    return missing;
}

int discs_not_keyed(const Scene& scene) {
    if (scene.legend.rows.empty()) return 0;
    if (keys_short_flows(scene.legend)) return 0;
    int missing = 0;
    for_each_map_it_keys(scene, [&](const Scene& map) {
        for (const auto& flow : map.flows) missing += flow.part == FlowPart::from_disc ? 1 : 0;
    });
    return missing;
}

constexpr double kLeastTextPt = 7.0;
constexpr double kLeastLineMm = 0.3 * 25.4 / 72;  // 0.3 pt

int texts_below(const Scene& scene) {
    int small = 0;
    const auto check = [&](double pt) { small += pt < kLeastTextPt - 1e-9 ? 1 : 0; };
    for (const auto& label : scene.labels) check(label.font_size_pt);
    for (const auto& block : scene.texts) check(block.font_size_pt);
    for (const auto& row : scene.legend.rows) check(row.font_size_pt);
    if (scene.scale_bar) check(scene.scale_bar->font_size_pt);
    if (scene.north_arrow) check(scene.north_arrow->font_size_pt);
    if (scene.inset) {
        for (const auto& name : scene.inset->names) check(name.font_size_pt);
    }
    return small;
}

// The lines the style draws the basemap, graticule and furniture with (a line of width 0 is none).
int lines_below(const Scene& scene) {
    int thin = 0;
    const auto check = [&](double mm) { thin += mm > 0 && mm < kLeastLineMm - 1e-9 ? 1 : 0; };
    const config::LineStyle& lines = scene.style.lines;
    for (const double mm : {lines.border_mm, lines.river_mm, lines.frame_mm, lines.graticule_mm,
                            lines.symbol_outline_mm, lines.hairline_mm, lines.inset_extent_mm, lines.flow_min_mm})
        check(mm);
    for (const auto& layer : scene.layers) {
        if (!layer.rule.line.has_value()) continue;
        check(layer.rule.width_mm);
    }
    return thin;
}

double luminance(const config::Rgb& c) {
    const auto linear = [](double v) { return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * linear(c.r) + 0.7152 * linear(c.g) + 0.0722 * linear(c.b);
}

double contrast(const config::Rgb& a, const config::Rgb& b) {
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

// As the painter colours them: degrees, area names, basemap names by their layer's rule, the rest in
// the text colour; each on a halo.
int low_contrast(const Scene& scene) {
    const config::ColourStyle& c = scene.style.colours;
    int low = 0;
    for (const auto& label : scene.labels) {
        config::Rgb colour = c.text;
        if (label.kind == Label::Kind::graticule) colour = c.graticule_label;
        if (label.kind == Label::Kind::area) colour = c.area_label;
        if (label.kind == Label::Kind::feature) {
            if (const auto* layer = scene.layer(label.layer); layer != nullptr && layer->rule.fill)
                colour = *layer->rule.fill;
        }
        low += contrast(colour, c.halo) < 4.5 ? 1 : 0;
    }
    return low;
}

std::vector<std::string> blobs(const Scene& scene) {
    std::vector<std::string> found;
    for (const auto& flow : scene.flows) {
        if (flow.centre_line.size() < 2 || flow.part == FlowPart::trunk) continue;
        if (path_length(flow.centre_line) < flow.width_mm + flow.arrow_length_mm) found.push_back(flow.flow_id);
    }
    return found;
}

// The flows are in drawing order: a later one covers an earlier one's end when the end lies within
// its line (half its width and its white casing).
std::vector<std::string> hidden(const Scene& scene, const Box& bounds) {
    std::vector<std::string> found;
    const double casing = scene.style.lines.flow_casing_mm;
    SpatialGrid lines(bounds, 5);
    for (std::size_t j = 0; j < scene.flows.size(); ++j) {
        const auto& over = scene.flows[j];
        if (over.centre_line.size() >= 2) lines.insert(j, bounds_of(over.centre_line, over.width_mm / 2 + casing));
    }
    for (std::size_t i = 0; i < scene.flows.size(); ++i) {
        const auto& flow = scene.flows[i];
        if (flow.centre_line.size() < 2 || flow.target == TargetKind::junction) continue;
        const Point end = flow.centre_line.back();
        bool covered = false;
        lines.query({end.x, end.y, 0, 0}, [&](std::size_t j) {
            covered = covered || (j > i && end_hidden_under(flow, scene.flows[j], casing));
        });
        if (covered) found.push_back(flow.flow_id);
    }
    return found;
}

// Pairs of flows whose lines cross at less than kAcuteDegrees (flows from or to a shared place, near
// it, and the parts of one figure, meet at small angles by design): the eye cannot tell which line
// goes where.
constexpr double kAcuteDegrees = 20;
constexpr double kNearEndMm = 4;

std::vector<std::string> acute_crossings(const Scene& scene, const Box& bounds) {
    std::vector<std::string> found;
    SpatialGrid grid(bounds, 5);
    struct Segment {
        std::size_t flow;
        Point a;
        Point b;
    };
    std::vector<Segment> segments;
    for (std::size_t f = 0; f < scene.flows.size(); ++f) {
        const auto& line = scene.flows[f].centre_line;
        for (std::size_t i = 1; i < line.size(); ++i) {
            if (distance(line[i - 1], line[i]) < 1e-9) continue;
            grid.insert(segments.size(), bounds_of({line[i - 1], line[i]}, 0));
            segments.push_back({f, line[i - 1], line[i]});
        }
    }
    const double least = std::cos(kAcuteDegrees * std::numbers::pi / 180);
    std::set<std::pair<std::size_t, std::size_t>> pairs;
    for (const auto& s : segments) {
        grid.query(bounds_of({s.a, s.b}, 0), [&](std::size_t k) {
            const auto& t = segments[k];
            if (t.flow <= s.flow) return;
            const auto& first = scene.flows[s.flow];
            const auto& second = scene.flows[t.flow];
            if (first.flow_id == second.flow_id || pairs.contains({s.flow, t.flow})) return;
            const auto shares = [&](const std::string& id) {
                return std::find(second.own_places.begin(), second.own_places.end(), id) != second.own_places.end();
            };
            if (!segments_cross(s.a, s.b, t.a, t.b)) return;
            // Flows from or to one place meet there at small angles by design (near their ends).
            const double denominator = cross(s.b - s.a, t.b - t.a);
            const Point at =
                std::abs(denominator) < 1e-12 ? s.a : s.a + (s.b - s.a) * (cross(t.a - s.a, t.b - t.a) / denominator);
            const auto near_an_end = [&](const FlowShape& flow) {
                return distance(at, flow.centre_line.front()) < kNearEndMm ||
                       distance(at, flow.centre_line.back()) < kNearEndMm;
            };
            if (std::any_of(first.own_places.begin(), first.own_places.end(), shares) &&
                (near_an_end(first) || near_an_end(second)))
                return;
            const double along = std::abs(dot(unit(s.b - s.a), unit(t.b - t.a)));
            if (along > least) pairs.insert({s.flow, t.flow});
        });
    }
    for (const auto& [a, b] : pairs) found.push_back(scene.flows[a].flow_id + "/" + scene.flows[b].flow_id);
    return found;
}

// Flows whose line turns through more than kHookDegrees in all (a "J", or a curl round a symbol):
// a flow map's curves bend gently; one that doubles back reads as a hook, not a movement.
constexpr double kHookDegrees = 100;

std::vector<std::string> hooks(const Scene& scene) {
    std::vector<std::string> found;
    for (const auto& flow : scene.flows) {
        const auto& line = flow.centre_line;
        double turned = 0;
        Point previous{};
        bool has_previous = false;
        for (std::size_t i = 1; i < line.size(); ++i) {
            if (distance(line[i - 1], line[i]) < 1e-6) continue;
            const Point direction = unit(line[i] - line[i - 1]);
            if (has_previous) turned += std::abs(std::atan2(cross(previous, direction), dot(previous, direction)));
            previous = direction;
            has_previous = true;
        }
        if (turned * 180 / std::numbers::pi > kHookDegrees) found.push_back(flow.flow_id);
    }
    return found;
}

// `symbols`: the scene's places filed by their boxes.
std::vector<std::string> misattached(const Scene& scene, const SpatialGrid& symbols) {
    std::vector<std::string> found;
    std::map<std::string, std::size_t, std::less<>> place_of;
    double widest = 0;
    for (std::size_t i = 0; i < scene.places.size(); ++i) {
        place_of.emplace(scene.places[i].place_id, i);
        widest = std::max(widest, scene.places[i].radius_mm);
    }
    for (const auto& label : scene.labels) {
        // A leader line joins a label to its own symbol wherever it stands.
        if (label.kind != Label::Kind::place || label.place_id.empty() || !label.leader.empty()) continue;
        const auto own_at = place_of.find(label.place_id);
        if (own_at == place_of.end()) continue;  // a label of something else (livestock beside a flow)
        const bool nearer =
            nearer_another_symbol(label.box, scene.places[own_at->second], scene.places, symbols, widest);
        if (nearer) found.push_back(label.text);
    }
    return found;
}

}  // namespace

LayoutQuality measure_quality(const Scene& scene, double min_clearance_mm) {
    LayoutQuality quality;
    const Box bounds{0, 0, scene.page_width_mm, scene.page_height_mm};
    SpatialGrid symbols(bounds, 5);
    for (std::size_t i = 0; i < scene.places.size(); ++i) {
        const auto& p = scene.places[i];
        symbols.insert(i, {p.centre.x - p.radius_mm, p.centre.y - p.radius_mm, 2 * p.radius_mm, 2 * p.radius_mm});
    }
    for (const auto& flow : scene.flows) {
        const double half = flow.width_mm / 2;
        std::vector<std::size_t> seen;
        symbols.query(bounds_of(flow.centre_line, half + min_clearance_mm), [&](std::size_t i) {
            if (std::find(seen.begin(), seen.end(), i) != seen.end()) return;
            seen.push_back(i);
            const auto& place = scene.places[i];
            if (std::find(flow.own_places.begin(), flow.own_places.end(), place.place_id) != flow.own_places.end())
                return;
            const double clearance = distance_to_path(place.centre, flow.centre_line) - half - place.radius_mm;
            if (clearance < min_clearance_mm) quality.intrusions.push_back({flow.flow_id, place.place_id, clearance});
        });
    }
    SpatialGrid labels(bounds, 8);
    for (std::size_t i = 0; i < scene.labels.size(); ++i) labels.insert(i, scene.labels[i].box);
    for (std::size_t i = 0; i < scene.labels.size(); ++i) {
        std::vector<std::size_t> seen;
        labels.query(scene.labels[i].box, [&](std::size_t j) {
            if (j <= i || std::find(seen.begin(), seen.end(), j) != seen.end()) return;
            seen.push_back(j);
            if (scene.labels[i].box.overlaps(scene.labels[j].box)) {
                quality.label_overlaps.push_back({scene.labels[i].text, scene.labels[j].text});
            }
        });
    }
    const FlowOccupancy occupancy(scene.flows, scene.map_frame);
    for (const auto& label : scene.labels) {
        if (label.kind != Label::Kind::graticule && occupancy.flows_touching(label.box) > 0) {
            ++quality.labels_over_flows;
            if (label.kind == Label::Kind::feature) ++quality.basemap_names_over_flows;
        }
    }
    quality.labels_not_placed = static_cast<int>(scene.unplaced_labels.size());
    std::vector<std::string> names;
    for (const auto& label : scene.labels) {
        if (label.kind != Label::Kind::area && label.kind != Label::Kind::feature) continue;
        // Units, states and ranges are set in spaced capitals; a long river may rightly be named twice.
        if (label.text.find("\u200A") == std::string::npos) continue;
        if (std::find(names.begin(), names.end(), label.text) != names.end()) {
            ++quality.names_given_twice;
        } else {
            names.push_back(label.text);
        }
    }
    for (std::size_t i = 0; i < scene.hubs.size(); ++i) {
        for (std::size_t j = i + 1; j < scene.hubs.size(); ++j) {
            const auto& a = scene.hubs[i];
            const auto& b = scene.hubs[j];
            const double apart = distance(a.centre, b.centre);
            if (apart < std::max(a.radius_mm, a.high_radius_mm) + std::max(b.radius_mm, b.high_radius_mm))
                ++quality.overlapping_hubs;
        }
    }
    quality.outcomes_not_keyed = outcomes_not_keyed(scene);
    quality.vagueness_not_keyed = vagueness_not_keyed(scene);
    quality.discs_not_keyed = discs_not_keyed(scene);
    quality.texts_below_7pt = texts_below(scene);
    quality.lines_below_0_3pt = lines_below(scene);
    quality.low_contrast_labels = low_contrast(scene);
    quality.blob_flows = blobs(scene);
    quality.hidden_ends = hidden(scene, bounds);
    quality.misattached_labels = misattached(scene, symbols);
    quality.acute_crossings = acute_crossings(scene, bounds);
    quality.hooked_flows = hooks(scene);
    for (const auto& flow : scene.flows) {
        const bool at_a_border = flow.target == TargetKind::area || flow.target == TargetKind::border;
        if (at_a_border && !flow.crossing_stated && flow.schematic_end_mm <= 0)
            ++quality.schematic_crossings_drawn_as_known;
    }
    for (const auto& place : scene.places) {
        if (located_roughly(place.kind, place.precision_km) && place.uncertainty_mm <= 0)
            ++quality.rough_places_drawn_exact;
    }
    return quality;
}

std::optional<double> tip_gap(const FlowShape& flow, const std::vector<PlaceSymbol>& places) {
    if (flow.target != TargetKind::symbol || flow.centre_line.empty()) return std::nullopt;
    for (const auto& place : places) {
        if (place.place_id == flow.target_id) return distance(flow.centre_line.back(), place.centre) - place.radius_mm;
    }
    return std::nullopt;
}

}  // namespace steppeflow::layout
