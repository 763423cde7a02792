#pragma once
// The map's extent in projected metres and its placement in a frame on the page.

#include <optional>
#include <vector>

#include "geo/projection.hpp"
#include "layout/page_geometry.hpp"
#include "model/geometry.hpp"

namespace steppeflow::layout {

struct ProjectedBox {
    double xmin = 0;
    double ymin = 0;
    double xmax = 0;
    double ymax = 0;
    [[nodiscard]] double width() const { return xmax - xmin; }
    [[nodiscard]] double height() const { return ymax - ymin; }
};

// A box of longitude and latitude: the model's, one type for an extent asked for and a basemap's coverage.
using LonLatBox = model::LonLatBounds;

// The smallest box holding all points, grown by `margin` (a fraction of the larger side).
// `minimum_span_m` keeps a box around a single point (or a few close together) from collapsing.
ProjectedBox fit_points(const std::vector<geo::XY>& points, double margin, double minimum_span_m = 0);

// The projected bounding box of a lon/lat box, its edges densified so curved parallels count.
ProjectedBox project_box(const geo::Projection& projection, const LonLatBox& box);

// Maps projected metres into a page frame, keeping the scale equal on both axes: the extent is
// grown along one axis to match the frame's aspect ratio, centred.
class MapTransform {
public:
    MapTransform(ProjectedBox extent, Box frame);
    [[nodiscard]] Point to_page(geo::XY xy) const;
    [[nodiscard]] geo::XY to_projected(Point page) const;
    [[nodiscard]] const ProjectedBox& extent() const { return extent_; }
    [[nodiscard]] const Box& frame() const { return frame_; }

private:
    ProjectedBox extent_;
    Box frame_;
    double scale_ = 1;
};

}  // namespace steppeflow::layout
