#include "figure/basemap_choice.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include <fmt/format.h>

#include "layout/map_text.hpp"

namespace steppeflow::figure {

namespace {

struct Parallels {
    long long first;
    long long second;
    long long centre_lat;
    long long centre_lon;
};

Parallels parallels_of(const model::LonLatBounds& box) {
    const double span = box.lat_max - box.lat_min;
    return {std::llround(box.lat_min + span / 6), std::llround(box.lat_max - span / 6),
            std::llround((box.lat_min + box.lat_max) / 2), std::llround((box.lon_min + box.lon_max) / 2)};
}

std::string box_text(const model::LonLatBounds& box) {
    return fmt::format("lon {:.1f} to {:.1f}, lat {:.1f} to {:.1f}", box.lon_min, box.lon_max, box.lat_min,
                       box.lat_max);
}

// Where the flows start, pass and end, each place once (those the gazetteer has).
std::vector<model::LonLat> flow_places(const model::Gazetteer& gazetteer, const std::vector<model::Flow>& flows) {
    std::set<std::string> seen;
    std::vector<model::LonLat> points;
    for (const auto& flow : flows) {
        for (const std::string* id : {&flow.origin, &flow.destination, &flow.via}) {
            if (id->empty() || !seen.insert(*id).second) continue;
            if (const auto* place = gazetteer.find(*id)) points.push_back(place->position);
        }
    }
    return points;
}

}  // namespace

std::optional<model::LonLatBounds> places_bounds(const model::Gazetteer& gazetteer,
                                                 const std::vector<model::Flow>& flows) {
    return model::LonLatBounds::of_points(flow_places(gazetteer, flows));
}

double share_of_places_within(const model::Gazetteer& gazetteer, const std::vector<model::Flow>& flows,
                              const model::LonLatBounds& box) {
    const auto points = flow_places(gazetteer, flows);
    if (points.empty()) return 1.0;
    const auto inside = std::count_if(points.begin(), points.end(), [&](const model::LonLat& p) {
        return box.contains({p.lon, p.lat, p.lon, p.lat});
    });
    return static_cast<double>(inside) / static_cast<double>(points.size());
}

model::LonLatBounds grown(const model::LonLatBounds& box, double margin) {
    const double pad = margin * std::max(box.lon_max - box.lon_min, box.lat_max - box.lat_min);
    return {std::max(box.lon_min - pad, -180.0), std::max(box.lat_min - pad, -90.0), std::min(box.lon_max + pad, 180.0),
            std::min(box.lat_max + pad, 90.0)};
}

std::string centred_projection(const model::LonLatBounds& box) {
    const Parallels p = parallels_of(box);
    if (std::abs(p.first + p.second) <= 1) {
        return fmt::format("+proj=laea +lat_0={} +lon_0={} +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs", p.centre_lat,
                           p.centre_lon);
    }
    return fmt::format("+proj=aea +lat_1={} +lat_2={} +lat_0={} +lon_0={} +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs",
                       p.first, p.second, p.centre_lat, p.centre_lon);
}

std::string centred_projection_credit(const model::LonLatBounds& box, const config::Locale& locale) {
    const Parallels p = parallels_of(box);
    if (std::abs(p.first + p.second) <= 1) {
        return fmt::format(fmt::runtime(layout::phrase(layout::Phrase::centred_azimuthal, locale)),
                           layout::hemisphere_degrees(static_cast<double>(p.centre_lat), false, locale),
                           layout::hemisphere_degrees(static_cast<double>(p.centre_lon), true, locale));
    }
    return fmt::format(fmt::runtime(layout::phrase(layout::Phrase::centred_projection, locale)),
                       layout::hemisphere_degrees(static_cast<double>(p.first), false, locale),
                       layout::hemisphere_degrees(static_cast<double>(p.second), false, locale),
                       layout::hemisphere_degrees(static_cast<double>(p.centre_lon), true, locale));
}

std::optional<std::string> coverage_warning(const std::optional<model::LonLatBounds>& extent,
                                            const std::optional<model::LonLatBounds>& coverage) {
    if (!extent || !coverage || coverage->contains(*extent)) return std::nullopt;
    return fmt::format(
        "the map ({}) runs past its basemap's coverage ({}): beyond it the map shows no land, water or borders; "
        "choose a basemap that covers it (--basemap, --layers; scripts/make_basemap.sh clips one) or a smaller "
        "--extent",
        box_text(*extent), box_text(*coverage));
}

}  // namespace steppeflow::figure
