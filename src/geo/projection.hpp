#pragma once
// WGS84 longitude/latitude to map coordinates (metres) through PROJ. Each Projection owns its
// own PROJ context, so projections on different threads never share state.

#include <memory>
#include <optional>
#include <string>

#include "geo/default_projection.hpp"
#include "model/place.hpp"

namespace steppeflow::geo {

struct XY {
    double x = 0;
    double y = 0;
};

class Projection {
public:
    // `definition`: a PROJ string ("+proj=..."), "EPSG:n", WKT or any CRS PROJ understands.
    // Throws UsageError naming the definition when PROJ rejects it.
    explicit Projection(const std::string& definition = kDefaultProjection);
    ~Projection();
    Projection(Projection&&) noexcept;
    Projection& operator=(Projection&&) noexcept;
    Projection(const Projection&) = delete;
    Projection& operator=(const Projection&) = delete;

    // nullopt where the projection is undefined for the point.
    [[nodiscard]] std::optional<XY> forward(model::LonLat lonlat) const;
    [[nodiscard]] std::optional<model::LonLat> inverse(XY xy) const;
    [[nodiscard]] const std::string& definition() const { return definition_; }

    // Geodesic distance on the WGS84 ellipsoid, in metres.
    [[nodiscard]] double geodesic_distance(model::LonLat a, model::LonLat b) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
    std::string definition_;
};

}  // namespace steppeflow::geo
