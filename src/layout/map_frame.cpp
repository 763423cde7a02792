#include "layout/map_frame.hpp"

#include <algorithm>
#include <limits>

#include "common/error.hpp"

namespace steppeflow::layout {

ProjectedBox fit_points(const std::vector<geo::XY>& points, double margin, double minimum_span_m) {
    if (points.empty()) throw UsageError("nothing to map: no located places to fit the extent to");
    ProjectedBox box{std::numeric_limits<double>::max(), std::numeric_limits<double>::max(),
                     std::numeric_limits<double>::lowest(), std::numeric_limits<double>::lowest()};
    for (const auto& p : points) {
        box.xmin = std::min(box.xmin, p.x);
        box.ymin = std::min(box.ymin, p.y);
        box.xmax = std::max(box.xmax, p.x);
        box.ymax = std::max(box.ymax, p.y);
    }
    const double pad = std::max(box.width(), box.height()) * margin;
    const double cx = (box.xmin + box.xmax) / 2;
    const double cy = (box.ymin + box.ymax) / 2;
    const double half_w = std::max(box.width() / 2 + pad, minimum_span_m / 2);
    const double half_h = std::max(box.height() / 2 + pad, minimum_span_m / 2);
    return {cx - half_w, cy - half_h, cx + half_w, cy + half_h};
}

ProjectedBox project_box(const geo::Projection& projection, const LonLatBox& box) {
    std::vector<geo::XY> edge;
    constexpr int kSteps = 32;
    for (int i = 0; i <= kSteps; ++i) {
        const double t = static_cast<double>(i) / kSteps;
        const double lon = box.lon_min + t * (box.lon_max - box.lon_min);
        const double lat = box.lat_min + t * (box.lat_max - box.lat_min);
        for (const model::LonLat p : {model::LonLat{lon, box.lat_min}, model::LonLat{lon, box.lat_max},
                                      model::LonLat{box.lon_min, lat}, model::LonLat{box.lon_max, lat}}) {
            if (const auto xy = projection.forward(p)) edge.push_back(*xy);
        }
    }
    return fit_points(edge, 0.0);
}

MapTransform::MapTransform(ProjectedBox extent, Box frame) : extent_(extent), frame_(frame) {
    if (extent.width() <= 0 || extent.height() <= 0 || frame.width <= 0 || frame.height <= 0) {
        throw UsageError("the map extent or frame is empty");
    }
    scale_ = std::min(frame.width / extent.width(), frame.height / extent.height());
    const double cx = (extent.xmin + extent.xmax) / 2;
    const double cy = (extent.ymin + extent.ymax) / 2;
    const double half_w = frame.width / scale_ / 2;
    const double half_h = frame.height / scale_ / 2;
    extent_ = {cx - half_w, cy - half_h, cx + half_w, cy + half_h};
}

Point MapTransform::to_page(geo::XY xy) const {
    return {frame_.x + (xy.x - extent_.xmin) * scale_, frame_.y + (extent_.ymax - xy.y) * scale_};
}

geo::XY MapTransform::to_projected(Point page) const {
    return {extent_.xmin + (page.x - frame_.x) / scale_, extent_.ymax - (page.y - frame_.y) / scale_};
}

}  // namespace steppeflow::layout
