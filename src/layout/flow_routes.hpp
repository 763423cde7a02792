#pragma once
// Where each flow starts, bends and ends on the page, before any curving: the fixed points that
// force layout connects.

#include <map>
#include <string>
#include <vector>

#include "layout/figure_options.hpp"
#include "layout/scene.hpp"
#include "model/flow.hpp"

namespace steppeflow::layout {

// An origin or destination drawn as an area (a country, a republic): flows start or end inside its
// border, not at one point.
struct DestinationArea {
    std::string place_id;
    std::string name;
    std::vector<PagePath> rings;  // page coordinates; outer rings and holes, even-odd
    std::string short_name;       // where the name has no room ("MPR"); may be empty
};

using SymbolIndex = std::map<std::string, PlaceSymbol, std::less<>>;
using AreaIndex = std::map<std::string, DestinationArea, std::less<>>;

struct FlowRoute {
    std::size_t flow_index = 0;  // into the flows given to plan_routes
    std::vector<Point> stops;    // origin, optional outpost, end; the curve passes through all of them
    double start_trim_mm = 0;    // the flow starts this far from stops.front() (the origin symbol's edge)
    double end_trim_mm = 0;      // and ends this far before stops.back() (symbol radius + gap)
    TargetKind target = TargetKind::symbol;
    std::string target_id;                // the place the flow ends at or in
    std::vector<std::string> own_places;  // places this flow may touch: origin, outpost, destination
    FlowPart part = FlowPart::whole;
    std::string origin_area;  // the origin's area id when the flow starts inside an area
    bool from_hub = false;    // a branch leaving its flow's hub: it starts at the hub's rim
};

// One figure for several destinations in different directions (no trunk could point at them all):
// a disc as wide as the flow at its origin, the figure's cross-section, with a branch to each.
struct HubRoute {
    std::size_t flow_index = 0;
    Point centre;
    Point toward;  // the middle of its destinations: where it moves aside to when it meets another hub
    std::string origin_area;
};

struct RoutePlan {
    std::vector<FlowRoute> routes;
    std::vector<HubRoute> hubs;
    std::vector<std::string> warnings;  // flows that cannot be drawn, and why
};

// Stopped movements (detained, attempted, planned, died) end before the border or at the outpost;
// crossings into an area destination end `area_inset_mm` inside its border; destinations beyond
// the frame are reached at the frame's edge. A flow from an area starts inside it, near the border
// it leaves by. A figure for several places gives one trunk route (or, when its destinations lie in
// different directions, a hub) and one branch route per place; several places with no figure are
// each reached on their own, as if separate flows.
RoutePlan plan_routes(const std::vector<model::Flow>& flows, const SymbolIndex& symbols, const AreaIndex& areas,
                      const std::vector<PlaceSymbol>& drawn_symbols, const Box& frame, const FigureOptions& options);

bool is_stopped(model::Status status);

}  // namespace steppeflow::layout
