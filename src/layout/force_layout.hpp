#pragma once
// Force-directed layout of curved flows, after Jenny et al. 2017 ("Force-directed layout of
// origin-destination flow maps", IJGIS 31(8)) and their Flox: each leg of a flow is a quadratic
// Bézier whose control point is pushed by nearby flows and nodes, pulled back by a spring, kept
// symmetric by an anti-torsion force and spread around shared nodes by an angular force; then
// flows that still pass over a foreign node or arrowhead are moved along a spiral until they clear.
// Repulsion is summed through a grid pyramid, so an iteration costs O(n log n), not O(n²).

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "layout/geometry.hpp"
#include "layout/scene.hpp"

namespace steppeflow::layout {

struct CurveRequest {
    std::vector<Point> stops;  // the curve passes through every stop, smoothly
    double width_mm = 0.35;
    std::vector<std::size_t> own_nodes;  // indices of the nodes this flow starts, ends or bends at
    double start_trim_mm = 0;            // drawn from this far after stops.front()
    double end_trim_mm = 0;              // to this far before stops.back()
    double arrow_length_mm = 0;          // 0: no arrowhead (a bar or nothing)
    double arrow_width_mm = 0;
};

struct NodeObstacle {
    Point centre;
    double radius_mm = 1;
};

struct ForceLayoutOptions {
    int iterations = 50;
    double clearance_mm = 0.8;       // between a flow's edge and a foreign node or arrowhead
    double bend = 0.1;               // resting curvature: control point offset as a share of leg length
    double range_box = 0.5;          // control point at most this share of the leg length off the baseline
    double flow_repulsion_mm = 1.5;  // push of a flow that touches, per iteration
    double repulsion_reach_mm = 4;   // distance at which that push has halved
    double node_weight = 0.5;
    double anti_torsion = 0.8;
    double angular = 1.0;
    double stiffness_short = 0.5;  // spring constant of the shortest leg
    double stiffness_long = 0.05;  // and of the longest
    double parallel_gap_mm = 0.4;  // between flows that share both ends
    bool avoid_obstacles = true;
    std::function<void(const std::string& stage, double fraction)> progress;  // may be empty
};

struct CurvedFlow {
    std::vector<QuadraticCurve> legs;  // one per pair of consecutive stops
};

std::vector<CurvedFlow> layout_curves(const std::vector<CurveRequest>& requests, const std::vector<NodeObstacle>& nodes,
                                      const Box& frame, const ForceLayoutOptions& options);

// Offsets across the direction of travel (to the right) that set flows of these widths side by
// side with `gap_mm` between them, widest in the middle, the others alternately to either side.
// One offset per width, in the order given.
std::vector<double> side_by_side(const std::vector<double>& widths_mm, double gap_mm);

// The drawn centre line of a curved flow: the legs sampled about every `step_mm`, moved `lateral_mm`
// to the right (a flow running beside others in a bundle), and trimmed at the circles of the trims
// around the first and last stops.
PagePath centre_line(const CurvedFlow& flow, const CurveRequest& request, double step_mm = 0.5, double lateral_mm = 0);

}  // namespace steppeflow::layout
