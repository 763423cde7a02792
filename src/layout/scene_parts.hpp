#pragma once
// Pieces of a figure shared by single maps and small multiples.

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "layout/figure_options.hpp"
#include "layout/flow_routes.hpp"
#include "layout/legend_layout.hpp"
#include "layout/scene.hpp"
#include "layout/text_measure.hpp"
#include "model/flow.hpp"
#include "model/gazetteer.hpp"
#include "model/geometry.hpp"

namespace steppeflow::layout {

// Areas that flows start from or end in and that have a polygon in one of the basemap's area layers,
// by place id.
std::map<std::string, const model::Feature*> flow_areas(const std::vector<model::Flow>& flows,
                                                        const model::Gazetteer& gazetteer,
                                                        const model::Basemap& basemap);

// The ids of those areas.
std::set<std::string> area_ids_of(const std::map<std::string, const model::Feature*>& areas);

// A point place the gazetteer locates to no better than 30 km (a village "at" an okrug town, auls
// placed at their district's seat): drawn with a ring of its precision, not as an exact dot.
// Okrugs, regions, countries and destinations are areas drawn at a seat: their precision is their size.
constexpr double kRoughLocationKm = 30;
[[nodiscard]] bool located_roughly(model::PlaceKind kind, double precision_km);
[[nodiscard]] inline bool located_roughly(const model::Place& place) {
    return located_roughly(place.kind, place.precision_km.value_or(0));
}
// The ring's radius on the page for such a place at `at` (projected metres), for a symbol of `radius_mm`.
[[nodiscard]] double uncertainty_radius(const model::Place& place, geo::XY at, double radius_mm,
                                        const MapTransform& transform);

// What a legend must say about the data's vagueness, besides what legend_content finds in the
// flows: places drawn with the ring of their precision, flows whose crossing point is not stated.
void note_vagueness(LegendContent& content, const std::vector<model::Flow>& flows,
                    const std::vector<std::string>& places, const model::Gazetteer& gazetteer,
                    const std::map<std::string, const model::Feature*>& areas);

// The largest count of each unit among the flows (an unstated unit is a unit of its own): the count
// drawn at the widest width of that unit's scale.
std::map<std::optional<model::Unit>, double> largest_counts(const std::vector<model::Flow>& flows);

// The places drawn as symbols: origins, outposts and destinations that are not areas, sorted. A whole
// country as origin is never a symbol: a flow starts from its area, or from its named crossing.
std::vector<std::string> places_used(const std::vector<model::Flow>& flows, const model::Gazetteer& gazetteer,
                                     const std::set<std::string>& area_ids);

// The vertical band left for map and legend once title and subtitle (top) and credits (bottom) are set.
struct PageBand {
    double top = 0;
    double bottom = 0;
};
PageBand layout_page_texts(Scene& scene, const FigureOptions& options, const TextMeasure& measure);

// Where an area's name may stand: grid points inside it, those whose box of `name`'s size lies wholly
// inside first, then nearest 12 mm from where its flows end (at most 400).
std::vector<Point> area_label_centres(const DestinationArea& area, const Box& frame,
                                      const std::vector<FlowShape>& flows, TextSize name);

}  // namespace steppeflow::layout
