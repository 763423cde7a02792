// Shaded relief from an elevation model the user supplies (a relief layer in the layer list): warped
// to the map's projection and frame and shaded there by GDAL, drawn over the land. Tested on a
// synthetic hill written as an ASCII grid (no CRS: taken as lon/lat).

#include <cmath>
#include <string>

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "common/error.hpp"
#include "config/figure_spec.hpp"
#include "figure/figure_runner.hpp"
#include "render_probe.hpp"
#include "test_support.hpp"

using namespace steppeflow;
using ::testing::HasSubstr;

namespace {

// A 3,000 m hill at 79°E 46°N on level ground, 0.05° cells over 76–82°E, 44–48°N.
void write_hill(const std::filesystem::path& path) {
    constexpr int kColumns = 120;
    constexpr int kRows = 80;
    std::string grid = fmt::format(
        "ncols {}\nnrows {}\nxllcorner 76\nyllcorner 44\ncellsize 0.05\nNODATA_value -9999\n", kColumns, kRows);
    for (int row = 0; row < kRows; ++row) {
        const double lat = 48 - (row + 0.5) * 0.05;
        for (int column = 0; column < kColumns; ++column) {
            const double lon = 76 + (column + 0.5) * 0.05;
            const double d2 = (lon - 79) * (lon - 79) + (lat - 46) * (lat - 46);
            grid += fmt::format("{:.0f} ", 3000 * std::exp(-d2 / 0.02));
        }
        grid += "\n";
    }
    test::write_file(path, grid);
}

std::filesystem::path relief_list(const std::filesystem::path& dir, const std::string& dem) {
    const auto land = test::source_dir() / "geodata" / "basemap" / "land.geojson";
    const auto list = dir / "layers.toml";
    test::write_file(list, fmt::format("[[layer]]\nname = \"land\"\nrole = \"land\"\nfiles = [\"{}\"]\n\n"
                                       "[[layer]]\nname = \"relief\"\nrole = \"relief\"\nfiles = [\"{}\"]\n",
                                       land.string(), dem));
    return list;
}

unsigned brightness(unsigned rgb) { return ((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff); }

}  // namespace

TEST(Relief, AHillIsShadedOnTheSlopeAwayFromTheLightAndLevelGroundIsLeftAlone) {
    const auto dir = test::scratch_dir("relief_hill");
    write_hill(dir / "hill.asc");
    const auto rendered = test::render_with(dir, relief_list(dir, "hill.asc"), "", {}, "76,44,82,48");
    const unsigned land = 0xf6f4edU;
    // Light from the north-west: the south-east slope is in shadow, the north-west one lit.
    const unsigned shadow = test::colour_at(rendered, {79.08, 45.92}, 100);
    const unsigned lit = test::colour_at(rendered, {78.92, 46.08}, 100);
    EXPECT_LT(brightness(shadow) + 60, brightness(land)) << std::hex << shadow;
    EXPECT_GT(brightness(lit), brightness(land)) << std::hex << lit;
    // Far from the hill the land keeps its colour.
    EXPECT_EQ(test::colour_at(rendered, {76.6, 47.5}, 100), land);
    const auto* relief = test::layer_in(rendered.report, "relief");
    ASSERT_NE(relief, nullptr);
    EXPECT_EQ((*relief)["rule"], "relief");
}

TEST(Relief, ARasterThatIsNotOneIsRefusedNamingTheFile) {
    const auto dir = test::scratch_dir("relief_bad");
    test::write_file(dir / "dem.tif", "not a raster\n");
    EXPECT_THAT([&] { (void)test::render_with(dir, relief_list(dir, "dem.tif"), ""); },
                ::testing::ThrowsMessage<IoError>(HasSubstr("dem.tif: cannot be read as a raster")));
    // A relief layer takes one file.
    test::write_file(dir / "two.toml", "[[layer]]\nname = \"r\"\nrole = \"relief\"\nfiles = [\"a.tif\", \"b.tif\"]\n");
    EXPECT_THAT([&] { (void)test::render_with(dir, dir / "two.toml", ""); },
                ::testing::ThrowsMessage<DataError>(HasSubstr("a relief layer takes one elevation model")));
}
