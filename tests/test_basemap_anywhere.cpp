// Users bring flights from elsewhere on Earth: data beyond the shipped region is drawn on the world
// layers (geodata/world/) in an equal-area projection centred on it, with no word; a map that runs past
// its basemap's coverage is warned about; scripts/make_basemap.sh clips a basemap for a region.
// The Atlantic fixture (tests/data/atlantic_*.csv) is synthetic: places of Ireland and North America.

#include <cairo.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "config/locale_reader.hpp"
#include "figure/basemap_choice.hpp"
#include "geo/projection.hpp"
#include "layout/lonlat_clip.hpp"
#include "test_support.hpp"

using namespace steppeflow;
using ::testing::HasSubstr;
using ::testing::Not;

namespace {

const std::filesystem::path kData = test::source_dir() / "tests" / "data";

std::vector<std::string> atlantic(const std::filesystem::path& dir, std::vector<std::string> more = {}) {
    std::vector<std::string> args{"render",
                                  "--gazetteer",
                                  (kData / "atlantic_gazetteer.csv").string(),
                                  "--flows",
                                  (kData / "atlantic_flows.csv").string(),
                                  "--title",
                                  "Atlantic",
                                  "--dpi",
                                  "100",
                                  "-o",
                                  (dir / "map.png").string(),
                                  "-o",
                                  (dir / "map.json").string()};
    args.insert(args.end(), more.begin(), more.end());
    return args;
}

struct Shares {
    double land = 0;
    double water = 0;
};

// The share of the map frame's pixels in the style's land and water colours.
Shares colour_shares(const std::filesystem::path& png, const nlohmann::json& report, double dpi) {
    const auto& frame = report["georeference"]["frame_mm"];
    cairo_surface_t* image = cairo_image_surface_create_from_png(png.c_str());
    cairo_surface_flush(image);
    const auto px = [&](double mm) { return static_cast<int>(mm / 25.4 * dpi); };
    const int x0 = px(frame["x"].get<double>()) + 2;
    const int y0 = px(frame["y"].get<double>()) + 2;
    const int x1 = px(frame["x"].get<double>() + frame["width"].get<double>()) - 2;
    const int y1 = px(frame["y"].get<double>() + frame["height"].get<double>()) - 2;
    const auto* data = cairo_image_surface_get_data(image);
    const int stride = cairo_image_surface_get_stride(image);
    long land = 0, water = 0, all = 0;
    for (int y = y0; y < y1; ++y) {
        const auto* row = reinterpret_cast<const std::uint32_t*>(data + static_cast<std::ptrdiff_t>(y) * stride);
        for (int x = x0; x < x1; ++x) {
            const unsigned pixel = row[x] & 0xffffffU;
            land += pixel == 0xf6f4edU;
            water += pixel == 0xccdeebU;
            ++all;
        }
    }
    cairo_surface_destroy(image);
    return {static_cast<double>(land) / static_cast<double>(all),
            static_cast<double>(water) / static_cast<double>(all)};
}

}  // namespace

TEST(BasemapAnywhere, IrelandAndNorthAmericaAreDrawnOnTheWorldLayersCentredOnTheirData) {
    const auto dir = test::scratch_dir("anywhere_atlantic");
    const auto result = test::run_cli(atlantic(dir));
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_THAT(result.err, Not(HasSubstr("warning"))) << "data elsewhere is no mistake";
    const auto report = nlohmann::json::parse(test::read_file(dir / "map.json"));
    // Centred on the data (lon -87.6 to -6.3, lat 40.7 to 53.4), not on 75°E.
    EXPECT_THAT(report["georeference"]["projection"].get<std::string>(),
                HasSubstr("+proj=aea +lat_1=43 +lat_2=51 +lat_0=47 +lon_0=-47 "));
    std::vector<std::string> layers;
    for (const auto& layer : report["layers"]) layers.push_back(layer["name"]);
    EXPECT_THAT(layers, ::testing::ElementsAre("land", "countries", "lakes", "graticule", "rivers", "borders"));
    // Land on it, in the land colour where nothing is drawn over it: measured 25 % (rivers, borders,
    // flows and names cover the rest of the land), ocean 52 % (the Atlantic between). The regional
    // basemap, asked for, draws no land here at all.
    const auto shares = colour_shares(dir / "map.png", report, 100);
    EXPECT_GT(shares.land, 0.2) << shares.water;
    EXPECT_GT(shares.water, 0.35);
    const auto regional_dir = test::scratch_dir("anywhere_atlantic_regional");
    const auto regional = test::run_cli(
        atlantic(regional_dir, {"--layers", (test::source_dir() / "geodata" / "basemap" / "layers.toml").string()}));
    ASSERT_EQ(regional.exit_code, 0) << regional.err;
    const auto regional_report = nlohmann::json::parse(test::read_file(regional_dir / "map.json"));
    EXPECT_LT(colour_shares(regional_dir / "map.png", regional_report, 100).land, 0.01);
    // Boston is on land, the middle of the Atlantic is not.
    const auto& g = report["georeference"];
    const geo::Projection projection(g["projection"].get<std::string>());
    const auto pixel_at = [&](model::LonLat where) {
        const auto xy = projection.forward(where);
        const double scale = g["mm_per_metre"];
        const double x_mm = g["frame_mm"]["x"].get<double>() + (xy->x - g["extent_m"]["xmin"].get<double>()) * scale;
        const double y_mm = g["frame_mm"]["y"].get<double>() + (g["extent_m"]["ymax"].get<double>() - xy->y) * scale;
        cairo_surface_t* image = cairo_image_surface_create_from_png((dir / "map.png").c_str());
        const auto* row = cairo_image_surface_get_data(image) +
                          static_cast<int>(y_mm / 25.4 * 100) * cairo_image_surface_get_stride(image);
        const unsigned pixel = reinterpret_cast<const std::uint32_t*>(row)[static_cast<int>(x_mm / 25.4 * 100)];
        cairo_surface_destroy(image);
        return pixel & 0xffffffU;
    };
    EXPECT_EQ(pixel_at({-78.0, 45.8}), 0xf6f4edU) << "Ontario is land";
    EXPECT_EQ(pixel_at({-35.0, 45.0}), 0xccdeebU) << "the mid-Atlantic is water";
    // The credits say which projection, in words (read from the PDF's text).
    const auto pdf = test::run_cli(atlantic(dir, {"-o", (dir / "map.pdf").string()}));
    ASSERT_EQ(pdf.exit_code, 0) << pdf.err;
    ASSERT_EQ(test::run_shell("pdftotext " + (dir / "map.pdf").string() + " " + (dir / "map.txt").string()), 0);
    std::string text = test::read_file(dir / "map.txt");
    std::replace(text.begin(), text.end(), '\n', ' ');
    EXPECT_THAT(text, HasSubstr("43°N/51°N, 47°W, centred on the data."));
    EXPECT_THAT(text, Not(HasSubstr("75°E")));
}

TEST(BasemapAnywhere, AMapBeyondItsBasemapsCoverageIsWarnedAbout) {
    const auto dir = test::scratch_dir("anywhere_beyond");
    // The regional layer list, chosen, for data in the Atlantic: nothing of the map is covered.
    const auto chosen = test::run_cli(
        atlantic(dir, {"--layers", (test::source_dir() / "geodata" / "basemap" / "layers.toml").string()}));
    ASSERT_EQ(chosen.exit_code, 0) << chosen.err;
    EXPECT_THAT(chosen.err, HasSubstr("runs past its basemap's coverage (lon 45.0 to 104.0, lat 30.0 to 58.0)"));
    EXPECT_THAT(chosen.err, HasSubstr("scripts/make_basemap.sh"));
    // And the shipped data with an extent beyond the region, on the shipped basemap.
    const auto beyond =
        test::run_cli({"render", "--extent", "35,40,85,55", "--dpi", "50", "-o", (dir / "west.png").string()});
    ASSERT_EQ(beyond.exit_code, 0) << beyond.err;
    EXPECT_THAT(beyond.err, HasSubstr("the map (lon 35.0 to 85.0, lat 40.0 to 55.0) runs past"));
    // Inside the region: no word.
    const auto inside = test::run_cli({"render", "--dpi", "50", "-o", (dir / "inside.png").string()});
    ASSERT_EQ(inside.exit_code, 0) << inside.err;
    EXPECT_THAT(inside.err, Not(HasSubstr("coverage")));
}

TEST(BasemapAnywhere, AFewPlacesBeyondTheRegionKeepTheMapOf1930AndAreWarnedAbout) {
    const auto dir = test::scratch_dir("anywhere_few_beyond");
    // Three places in the region, one in Moscow: the map of 1930, and a word that it runs past it.
    test::write_file(dir / "places.csv",
                     "id,kind,name_en,name_ru,name_kk,variants,lon,lat,coord_source,precision_km,placed_at,period,"
                     "parent,note,source\n"
                     "a,town,Semipalatinsk,Семипалатинск,Семей,,80.27,50.43,test fixture,5,town,,,,test\n"
                     "b,town,Zaysan,Зайсан,Зайсан,,84.86,47.47,test fixture,5,town,,,,test\n"
                     "c,town,Urdzhar,Урджар,Үржар,,81.62,47.09,test fixture,5,town,,,,test\n"
                     "m,town,Moscow,Москва,Мәскеу,,37.62,55.75,test fixture,5,town,,,,test\n");
    test::write_file(dir / "flows.csv",
                     "id,date_start,date_end,origin,via,destination,count,unit,status,certainty,livestock_head,scope,"
                     "part_of,source,quote,note\n"
                     "X1,1930,1930,a,,b,100,people,crossed,documented,,event,,test,,synthetic\n"
                     "X2,1930,1930,c,,b,50,people,crossed,documented,,event,,test,,synthetic\n"
                     "X3,1930,1930,a,,m,20,people,crossed,documented,,event,,test,,synthetic\n");
    const auto result = test::run_cli({"render", "--gazetteer", (dir / "places.csv").string(), "--flows",
                                       (dir / "flows.csv").string(), "--dpi", "30", "-o", (dir / "map.json").string()});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_THAT(result.err, HasSubstr("runs past its basemap's coverage"));
    EXPECT_THAT(test::read_file(dir / "map.json"), HasSubstr("borders_1930_international"));
}

TEST(BasemapAnywhere, DataAroundTheEquatorIsCentredInAnAzimuthalProjection) {
    // An Albers cone with parallels at ±13° has no apex: a Lambert azimuthal equal-area instead.
    const model::LonLatBounds box{10, -20, 40, 20};
    EXPECT_THAT(figure::centred_projection(box), HasSubstr("+proj=laea +lat_0=0 +lon_0=25 "));
    EXPECT_NO_THROW(geo::Projection(figure::centred_projection(box)));
    EXPECT_EQ(figure::centred_projection_credit(box, config::builtin_locale("en")),
              "Lambert azimuthal equal-area, 0°N, 25°E, centred on the data.");
    EXPECT_THAT(figure::centred_projection({-100, 20, -60, 50}), HasSubstr("+proj=aea +lat_1=25 +lat_2=45 "));
}

TEST(BasemapAnywhere, GeometryIsCutToTheWindowTheFrameShowsBeforeItIsProjected) {
    const model::LonLatBounds box{-10, 40, 10, 50};
    // A ring half inside: cut along the box's east edge.
    const auto ring = layout::clip_ring({{0, 42}, {20, 42}, {20, 48}, {0, 48}}, box);
    // Cut along the east edge, which is given a vertex every degree (a meridian is curved on most maps).
    ASSERT_EQ(ring.size(), 9U);
    for (const auto& p : ring) EXPECT_LE(p.lon, 10.0);
    // A concave ring (a U open to the east) cut across its arms keeps both arms joined at the base.
    const auto u = layout::clip_ring({{0, 41}, {20, 41}, {20, 43}, {5, 43}, {5, 47}, {20, 47}, {20, 49}, {0, 49}}, box);
    ASSERT_FALSE(u.empty());
    for (const auto& p : u) EXPECT_LE(p.lon, 10.0);
    EXPECT_TRUE(layout::clip_ring({{20, 42}, {30, 42}, {30, 48}}, box).empty());
    // A ring round the box (a polygon wrapping the globe) becomes the box itself.
    const auto around = layout::clip_ring({{-170, -80}, {170, -80}, {170, 80}, {-170, 80}}, box);
    EXPECT_EQ(model::LonLatBounds::of_points(around), box);
    // A line leaving and coming back: two pieces, each ending on the edge.
    const auto pieces = layout::clip_line({{0, 45}, {20, 45}, {20, 46}, {0, 46}}, box);
    ASSERT_EQ(pieces.size(), 2U);
    EXPECT_DOUBLE_EQ(pieces[0].back().lon, 10.0);
    EXPECT_DOUBLE_EQ(pieces[1].front().lon, 10.0);
    // The window a frame shows: a map of Central Asia reaches neither pole nor the antimeridian.
    const geo::Projection albers;
    const layout::ProjectedBox extent{-500000, -500000, 500000, 500000};
    const auto window = layout::visible_window(albers, layout::MapTransform(extent, {0, 0, 100, 100}));
    ASSERT_TRUE(window.has_value());
    EXPECT_GT(window->lon_min, 50.0);
    EXPECT_LT(window->lon_max, 100.0);
    EXPECT_LT(window->lat_max, 90.0);
    // A polar frame reaches the pole: every longitude.
    const geo::Projection polar("+proj=laea +lat_0=90 +lon_0=0 +datum=WGS84 +units=m +no_defs");
    const auto arctic = layout::visible_window(polar, layout::MapTransform(extent, {0, 0, 100, 100}));
    ASSERT_TRUE(arctic.has_value());
    EXPECT_EQ(arctic->lat_max, 90.0);
    EXPECT_EQ(arctic->lon_min, -180.0);
    EXPECT_EQ(arctic->lon_max, 180.0);
}

TEST(BasemapAnywhere, MakeBasemapClipsARegionThatRendersAndRefusesBadArguments) {
    const auto dir = test::scratch_dir("anywhere_make_basemap");
    const auto source = dir / "source";
    std::filesystem::create_directories(source);
    // Land: one square; rivers: one line; both larger than the region asked for.
    test::write_file(
        source / "my_land.geojson",
        R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"scalerank":0},)"
        R"("geometry":{"type":"Polygon","coordinates":[[[-20,30],[20,30],[20,70],[-20,70],[-20,30]]]}}]})");
    test::write_file(
        source / "my_rivers.geojson",
        R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"R","scalerank":3},)"
        R"("geometry":{"type":"LineString","coordinates":[[-20,52],[20,54]]}}]})");
    const std::string script = (test::source_dir() / "scripts" / "make_basemap.sh").string();
    const auto out = dir / "basemap";
    ASSERT_EQ(test::run_shell(script + " -11 50 -5 56 " + source.string() + " " + out.string() + " >/dev/null 2>&1"),
              0);
    const std::string list = test::read_file(out / "layers.toml");
    EXPECT_THAT(list, HasSubstr("coverage = [-11, 50, -5, 56]"));
    EXPECT_THAT(list, HasSubstr("name = \"rivers\""));
    EXPECT_THAT(test::read_file(out / "land.geojson"), Not(HasSubstr("-20")));  // clipped
    const auto rendered = test::run_cli(atlantic(dir, {"--basemap", out.string(), "--extent", "-10,51,-6,55"}));
    ASSERT_EQ(rendered.exit_code, 0) << rendered.err;
    EXPECT_THAT(rendered.err, Not(HasSubstr("coverage")));
    // Wrong arguments: a usage message and exit 2, and nothing written.
    EXPECT_EQ(test::run_shell(script + " 1 2 >/dev/null 2>&1"), 2);
    EXPECT_EQ(test::run_shell(script + " 10 50 5 56 " + source.string() + " " + (dir / "no").string() + " 2>/dev/null"),
              2);
    EXPECT_FALSE(std::filesystem::exists(dir / "no"));
}
