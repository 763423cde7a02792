#include <cstdio>
#include <memory>
#include <sstream>

#include <gtest/gtest.h>

#include "common/error.hpp"
#include "geo/projection.hpp"

using namespace steppeflow;

namespace {

// Asks PROJ's own command-line tool for the projected coordinates of lon/lat points.
std::vector<geo::XY> cs2cs(const std::string& target, const std::vector<model::LonLat>& points) {
    std::ostringstream input;
    input.precision(10);
    for (const auto& p : points) input << p.lon << ' ' << p.lat << '\n';
    const std::string command = "printf '" + input.str() + "' | cs2cs -f %.4f +proj=longlat +datum=WGS84 +to " + target;
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
    std::vector<geo::XY> result;
    if (!pipe) return result;
    char line[256];
    while (fgets(line, sizeof line, pipe.get()) != nullptr) {
        geo::XY xy;
        if (std::sscanf(line, "%lf %lf", &xy.x, &xy.y) == 2) result.push_back(xy);
    }
    return result;
}

}  // namespace

TEST(Projection, MatchesCs2csForKnownPoints) {
    const std::vector<model::LonLat> points{
        {80.2275, 50.4111}, {81.3167, 43.9092}, {75.0, 47.0}, {46.0, 34.0}, {99.0, 57.0}};
    const geo::Projection projection;
    const auto expected = cs2cs(geo::kDefaultProjection, points);
    ASSERT_EQ(expected.size(), points.size()) << "cs2cs (Debian package proj-bin) must be installed: scripts/setup.sh";
    for (std::size_t i = 0; i < points.size(); ++i) {
        const auto xy = projection.forward(points[i]);
        ASSERT_TRUE(xy);
        // cs2cs prints to 0.1 mm; allow 1 mm.
        EXPECT_NEAR(xy->x, expected[i].x, 1e-3) << i;
        EXPECT_NEAR(xy->y, expected[i].y, 1e-3) << i;
    }
    // The projection's origin is its central meridian and latitude of origin.
    EXPECT_NEAR(projection.forward({75, 47})->x, 0, 1e-6);
}

TEST(Projection, AcceptsEpsgCodesAndRoundTrips) {
    const geo::Projection utm("EPSG:32644");  // UTM zone 44N
    const auto xy = utm.forward({81.0, 45.0});
    ASSERT_TRUE(xy);
    EXPECT_NEAR(xy->x, 500000, 1e-3);  // central meridian of zone 44
    const auto back = utm.inverse(*xy);
    ASSERT_TRUE(back);
    EXPECT_NEAR(back->lon, 81.0, 1e-9);
    EXPECT_NEAR(back->lat, 45.0, 1e-9);
}

TEST(Projection, RejectsUnknownDefinitionsWithTheirText) {
    try {
        geo::Projection bad("+proj=nonsense");
        FAIL() << "expected a UsageError";
    } catch (const UsageError& e) {
        EXPECT_NE(std::string(e.what()).find("+proj=nonsense"), std::string::npos);
    }
}

TEST(Projection, GeodesicDistanceSemeyToAlmaty) {
    const geo::Projection projection;
    // Reference: `geod +ellps=WGS84 -I +units=m` gives 833983.915 m for these two points.
    const double metres = projection.geodesic_distance({80.2275, 50.4111}, {76.9286, 43.2567});
    EXPECT_NEAR(metres, 833'983.915, 0.01);
}
