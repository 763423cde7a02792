#include "geo/projection.hpp"

#include <cmath>

#include <fmt/format.h>
#include <proj.h>

#include "common/error.hpp"

namespace steppeflow::geo {

struct Projection::Impl {
    PJ_CONTEXT* context = nullptr;
    PJ* transform = nullptr;
    PJ* geodesic = nullptr;

    Impl() = default;
    Impl(const Impl&) = delete;
    Impl& operator=(const Impl&) = delete;
    ~Impl() {
        if (geodesic != nullptr) proj_destroy(geodesic);
        if (transform != nullptr) proj_destroy(transform);
        if (context != nullptr) proj_context_destroy(context);
    }
};

namespace {
// PROJ reads "+proj=..." as a coordinate operation unless told it is a CRS.
std::string as_crs(const std::string& definition) {
    if (definition.rfind("+proj=", 0) == 0 && definition.find("+type=crs") == std::string::npos) {
        return definition + " +type=crs";
    }
    return definition;
}
}  // namespace

Projection::Projection(const std::string& definition) : impl_(std::make_unique<Impl>()), definition_(definition) {
    impl_->context = proj_context_create();
    proj_context_set_enable_network(impl_->context, 0);
    proj_log_level(impl_->context, PJ_LOG_NONE);
    // Data are WGS84 longitude/latitude. For a map CRS given as a PROJ string, the source is given the
    // same way: PROJ finds the same operation (the tests compare with cs2cs) in half the time, as it
    // need not look EPSG:4326 up in its database.
    const char* source = definition.rfind("+proj=", 0) == 0 ? "+proj=longlat +datum=WGS84 +type=crs" : "EPSG:4326";
    PJ* raw = proj_create_crs_to_crs(impl_->context, source, as_crs(definition).c_str(), nullptr);
    if (raw == nullptr) {
        const int error = proj_context_errno(impl_->context);
        // An authority code PROJ does not know gets a plain explanation, not PROJ's "Unknown error".
        if (proj_context_get_database_path(impl_->context) == nullptr) {
            throw UsageError(
                fmt::format("projection '{}': PROJ's database (proj.db) cannot be found; install the "
                            "Debian package proj-data",
                            definition));
        }
        if (const auto colon = definition.find(':');
            colon != std::string::npos && definition.find_first_of("+{ ") == std::string::npos) {
            const std::string authority = definition.substr(0, colon);
            const std::string code = definition.substr(colon + 1);
            throw UsageError(fmt::format(
                "projection '{}': PROJ's database has no {} code {}; give an existing code (e.g. EPSG:32644) or a "
                "PROJ string (+proj=aea +lat_1=40 +lat_2=52 +lon_0=75)",
                definition, authority, code));
        }
        throw UsageError(fmt::format("projection '{}' is not understood by PROJ ({})", definition,
                                     proj_context_errno_string(impl_->context, error)));
    }
    // EPSG:4326 is latitude-first; normalise so that callers always pass lon, lat.
    impl_->transform = proj_normalize_for_visualization(impl_->context, raw);
    proj_destroy(raw);
    if (impl_->transform == nullptr) throw UsageError(fmt::format("projection '{}' cannot be normalised", definition));
    impl_->geodesic = proj_create(impl_->context, "+proj=longlat +datum=WGS84");
}

Projection::~Projection() = default;
Projection::Projection(Projection&&) noexcept = default;
Projection& Projection::operator=(Projection&&) noexcept = default;

std::optional<XY> Projection::forward(model::LonLat lonlat) const {
    const PJ_COORD out = proj_trans(impl_->transform, PJ_FWD, proj_coord(lonlat.lon, lonlat.lat, 0, 0));
    if (!std::isfinite(out.xy.x) || !std::isfinite(out.xy.y)) return std::nullopt;
    return XY{out.xy.x, out.xy.y};
}

std::optional<model::LonLat> Projection::inverse(XY xy) const {
    const PJ_COORD out = proj_trans(impl_->transform, PJ_INV, proj_coord(xy.x, xy.y, 0, 0));
    if (!std::isfinite(out.lp.lam) || !std::isfinite(out.lp.phi)) return std::nullopt;
    return model::LonLat{out.lp.lam, out.lp.phi};
}

double Projection::geodesic_distance(model::LonLat a, model::LonLat b) const {
    const PJ_COORD from = proj_coord(proj_torad(a.lon), proj_torad(a.lat), 0, 0);
    const PJ_COORD to = proj_coord(proj_torad(b.lon), proj_torad(b.lat), 0, 0);
    return proj_lp_dist(impl_->geodesic, from, to);
}

}  // namespace steppeflow::geo
