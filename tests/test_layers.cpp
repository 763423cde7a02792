// Basemap layers are data: a layer list beside the basemap (geodata/basemap/layers.toml) says which
// files are drawn, in what order, by which style rule, with whose credit and for which years.
// Adding a layer is an edit of that list; these tests add some and look at the map.

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>

#include <cairo.h>
#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "config/layer_list.hpp"
#include "config/style_reader.hpp"
#include "figure/basemap_loader.hpp"
#include "figure/figure_runner.hpp"
#include "geo/projection.hpp"
#include "io/basemap_reader.hpp"
#include "render_probe.hpp"
#include "test_support.hpp"

using namespace steppeflow;
using test::colour_at;
using test::layer_in;
using test::render_with;
using ::testing::HasSubstr;
using ::testing::Not;

namespace {

const std::filesystem::path kShipped = test::source_dir() / "geodata" / "basemap";

// A square of lon/lat as a GeoJSON polygon (closed unless told otherwise).
std::string square_geojson(double lon, double lat, double size, bool closed = true) {
    const std::string ring = fmt::format("[{0},{1}],[{2},{1}],[{2},{3}],[{0},{3}]{4}", lon, lat, lon + size, lat + size,
                                         closed ? fmt::format(",[{},{}]", lon, lat) : std::string{});
    return fmt::format(R"({{"type":"FeatureCollection","features":[{{"type":"Feature","properties":{{"name":"test"}},)"
                       R"("geometry":{{"type":"Polygon","coordinates":[[{}]]}}}}]}})",
                       ring);
}

// The shipped layer list with its files named by absolute path, and `extra` appended.
std::filesystem::path layer_list_with(const std::filesystem::path& dir, const std::string& extra) {
    std::string list = test::read_file(kShipped / "layers.toml");
    for (auto at = list.find("files = [\""); at != std::string::npos; at = list.find("files = [\"", at + 1)) {
        for (auto quote = list.find('"', at); quote < list.find(']', at); quote = list.find('"', quote + 1)) {
            list.insert(quote + 1, kShipped.string() + "/");
            quote = list.find('"', quote + 1);
        }
    }
    const auto path = dir / "layers.toml";
    test::write_file(path, list + "\n" + extra);
    return path;
}

}  // namespace

TEST(Layers, TheShippedListDrawsThePeriodLayersInOrderAndCreditsThem) {
    const auto list = config::read_layer_list(kShipped / config::kLayerListName);
    std::vector<std::string> names;
    for (const auto& layer : list.layers) names.push_back(layer.name);
    EXPECT_THAT(names,
                ::testing::ElementsAre("land", "units_1930", "lakes_1930", "graticule", "rivers",
                                       "borders_1930_autonomous", "borders_1930_republic", "borders_1930_international",
                                       "unit_names_1930", "town_names_1930", "water_names", "relief_names"));
    EXPECT_EQ(list.layers[7].note.in(model::Language::english()), "borders c. 1930 (reconstructed; approximate)");
    EXPECT_EQ(list.layers[7].note.in(model::Language::of("ru")), "границы ок. 1930 г. (реконструкция; приблизительно)");
    EXPECT_EQ(list.layers[0].attribution.in(model::Language::of("kk")), "Natural Earth (қоғамдық игілік)");
    // Today's borders stay a list a figure can choose.
    const auto modern = config::read_layer_list(kShipped / "layers_modern.toml");
    names.clear();
    for (const auto& layer : modern.layers) names.push_back(layer.name);
    EXPECT_THAT(names, ::testing::ElementsAre("land", "countries", "lakes", "graticule", "rivers", "borders"));
    EXPECT_EQ(modern.layers[5].note.in(model::Language::of("ru")), "современные границы");
}

TEST(Layers, OneMoreLayerInTheListIsDrawnByItsRuleAndCredited) {
    const auto dir = test::scratch_dir("one_more_layer");
    test::write_file(dir / "marsh.geojson", square_geojson(80.0, 47.5, 1.0));
    const auto layers = layer_list_with(dir, R"([[layer]]
name = "marsh"
role = "land"
rule = "marsh"
files = [")" + (dir / "marsh.geojson").string() + R"T("]
attribution = "Test Marsh Survey (CC0)"
)T");
    const auto rendered = render_with(dir, layers, "[rules.marsh]\nfill = \"#00ff00\"\n");
    const auto* marsh = layer_in(rendered.report, "marsh");
    ASSERT_NE(marsh, nullptr) << rendered.report["layers"].dump();
    EXPECT_EQ((*marsh)["polygons"], 1);
    EXPECT_EQ(rendered.report["layers"].back()["name"], "marsh");    // drawn last: on top
    EXPECT_EQ(colour_at(rendered, {80.85, 47.65}, 100), 0x00ff00U);  // clear of Ayaguz (80.43E 47.96N)
    EXPECT_THAT(
        rendered.credits_text,
        HasSubstr("Natural Earth (public domain), DCW-GMT (LGPL-3+), Test Marsh Survey (CC0); borders c. 1930"));
}

TEST(Layers, ALayerNamingARuleTheStyleLacksIsRefusedNamingBoth) {
    const auto dir = test::scratch_dir("missing_rule");
    test::write_file(dir / "marsh.geojson", square_geojson(80.0, 47.5, 1.0));
    const auto layers = layer_list_with(
        dir, "[[layer]]\nname = \"marsh\"\nrole = \"land\"\nrule = \"marsh\"\nfiles = [\"marsh.geojson\"]\n");
    // Refused at the list's line and key, before anything is laid out.
    const std::string list = test::read_file(layers);
    const auto rule_line = std::count(list.begin(), list.end() - 1, '\n');  // the last line but one
    std::size_t layers_in_list = 0;
    for (auto at = list.find("[[layer]]"); at != std::string::npos; at = list.find("[[layer]]", at + 1))
        ++layers_in_list;
    const std::string expected = fmt::format(
        ":{}:8 (key 'layer[{}].rule'): layer 'marsh' is drawn by the rule "
        "'marsh', which the style 'colour' does not declare; add [rules.marsh]",
        rule_line, layers_in_list);
    EXPECT_THAT([&] { (void)render_with(dir, layers, ""); },
                ::testing::ThrowsMessage<DataError>(::testing::AllOf(HasSubstr("layers.toml:"), HasSubstr(expected))));
}

TEST(Layers, ALayerOfOtherYearsIsLeftOutWithItsCredit) {
    const auto dir = test::scratch_dir("dated_layer");
    test::write_file(dir / "old.geojson", square_geojson(77.0, 48.5, 1.0));
    test::write_file(dir / "now.geojson", square_geojson(80.0, 47.5, 1.0));
    const auto layers = layer_list_with(dir, R"([[layer]]
name = "old_borders"
role = "land"
rule = "marsh"
files = ["old.geojson"]
attribution = "Survey of 1820"
years = [1800, 1850]

[[layer]]
name = "borders_of_1930"
role = "land"
rule = "marsh"
files = ["now.geojson"]
attribution = "Survey of 1930"
years = [1928, 1933]
)");
    const auto rendered = render_with(dir, layers, "[rules.marsh]\nfill = \"#00ff00\"\n");
    EXPECT_EQ(layer_in(rendered.report, "old_borders"), nullptr);
    EXPECT_NE(layer_in(rendered.report, "borders_of_1930"), nullptr);
    EXPECT_NE(colour_at(rendered, {77.5, 49.0}, 100), 0x00ff00U);
    EXPECT_EQ(colour_at(rendered, {80.85, 47.65}, 100), 0x00ff00U);  // clear of Ayaguz (80.43E 47.96N)
    EXPECT_THAT(rendered.credits_text, Not(HasSubstr("Survey of 1820")));
    EXPECT_THAT(rendered.credits_text, HasSubstr("Survey of 1930"));
}

TEST(Layers, MalformedListsAreRefusedWithFileLineAndKey) {
    const auto dir = test::scratch_dir("bad_lists");
    const auto error_of = [&](const std::string& content) -> std::string {
        test::write_file(dir / "layers.toml", content);
        try {
            (void)config::read_layer_list(dir / "layers.toml");
        } catch (const Error& e) {
            const std::string text = e.what();
            return text.substr(text.find("layers.toml"));
        }
        return {};
    };
    EXPECT_EQ(error_of("[[layer]]\nname = \"a\"\nrole = \"sea\"\nfiles = [\"a.geojson\"]\n"),
              "layers.toml:3:8 (key 'layer[1].role'): 'sea' is not one of land, water, river, border, area, "
              "label, graticule, relief");
    EXPECT_EQ(error_of("[[layer]]\nname = \"a\"\nrole = \"land\"\nfiles = [\"a.geojson\"]\n[[layer]]\nname = "
                       "\"a\"\nrole = \"water\"\nfiles = [\"b.geojson\"]\n"),
              "layers.toml:6:8 (key 'layer[2].name'): a layer named 'a' is already in the list; give each layer "
              "its own name");
    EXPECT_THAT(error_of("[[layer]]\nname = \"a\"\nrole = \"land\"\n"),
                HasSubstr("(key 'layer[1].files'): the layer names no file"));
    EXPECT_THAT(error_of("[[layer]]\nname = \"a\"\nrole = \"land\"\nfiles = [\"a.geojson\"]\nyears = [1933, 1928]\n"),
                HasSubstr("layers.toml:5:9 (key 'layer[1].years'): expected [first, last]"));
    EXPECT_THAT(error_of("[[layer]]\nname = \"a\"\nrole = \"land\"\nfiles = [\"a.geojson\"]\ncolour = \"red\"\n"),
                HasSubstr("layers.toml:5:1 (key 'layer[1].colour'): unknown key"));
    EXPECT_THAT(error_of("description = \"none\"\n"), HasSubstr("the list has no layer"));
}

TEST(Layers, AFileTheListNamesThatIsNotThereIsADataErrorAtItsLine) {
    const auto dir = test::scratch_dir("missing_layer_file");
    test::write_file(dir / "layers.toml", "[[layer]]\nname = \"land\"\nrole = \"land\"\nfiles = [\"none.geojson\"]\n");
    std::vector<std::string> warnings;
    EXPECT_THAT(
        [&] { (void)figure::load_basemap(dir, {}, warnings); },
        ::testing::ThrowsMessage<DataError>(HasSubstr("layers.toml:4:9 (key 'layer[1].files'): layer 'land': ")));
}

TEST(Layers, ADirectoryWithoutAListIsReadByFileNameAndSaysSo) {
    const auto dir = test::scratch_dir("no_list");
    std::filesystem::copy_file(kShipped / "land.geojson", dir / "land.geojson");
    std::filesystem::copy_file(kShipped / "borders.geojson", dir / "borders.geojson");
    std::vector<std::string> warnings;
    const auto basemap = figure::load_basemap(dir, {}, warnings);
    std::vector<std::string> names;
    for (const auto& layer : basemap.layers) names.push_back(layer.name);
    EXPECT_THAT(names, ::testing::ElementsAre("land", "graticule", "borders"));
    ASSERT_EQ(warnings.size(), 5U);  // the list's absence, and each expected file that is not there
    EXPECT_THAT(warnings.front(), HasSubstr("no layers.toml; its files are taken by their names"));
    EXPECT_THAT(warnings, ::testing::Contains(HasSubstr("rivers.geojson: not found; the map is drawn without it")));
    EXPECT_TRUE(basemap.layers.front().attribution.empty());  // whose data it is is not known
}

TEST(Layers, WhatGdalWarnsAboutWhileReadingALayerIsReported) {
    const auto dir = test::scratch_dir("gdal_warning");
    test::write_file(dir / "open.geojson", square_geojson(80.0, 47.5, 1.0, false));
    std::vector<std::string> warnings;
    const auto features = io::read_features(dir / "open.geojson", io::gdal_source(), &warnings);
    EXPECT_EQ(features.size(), 1U);
    ASSERT_FALSE(warnings.empty());
    EXPECT_THAT(warnings.front(), HasSubstr("open.geojson: GDAL: Non closed ring detected"));
}

TEST(Layers, StyleRulesAreReadAndCheckedAndStylesCompareWhole) {
    const auto dir = test::scratch_dir("style_rules");
    test::write_file(dir / "style.toml",
                     "[rules.marsh]\nfill = \"#00ff00\"\nline = \"#003300\"\nwidth_mm = 0.3\ndash = [1, 0.5]\n");
    const auto style = config::read_style(dir / "style.toml");
    const auto rule = config::layer_rule(style, "marsh");
    ASSERT_TRUE(rule);
    EXPECT_EQ(rule->fill, config::hex_colour(0x00ff00));
    EXPECT_EQ(rule->dash, (std::vector<double>{1, 0.5}));
    // The built-in rules follow the style's colours and weights.
    EXPECT_EQ(config::layer_rule(style, "river")->line, style.colours.river);
    EXPECT_FALSE(config::layer_rule(style, "no_such_rule"));
    EXPECT_NE(style, config::Style{});  // the rule is part of the style
    test::write_file(dir / "bad.toml", "[rules.marsh]\ndash = [1]\nline = \"#000000\"\n");
    EXPECT_THAT([&] { (void)config::read_style(dir / "bad.toml"); },
                ::testing::ThrowsMessage<DataError>(HasSubstr("(key 'rules.marsh.dash'): a dash pattern lists")));
}

TEST(Projection, APlaceTheProjectionCannotReachIsReportedNotDroppedSilently) {
    const auto dir = test::scratch_dir("unprojectable");
    // A place on the far side of the globe from an orthographic map of Central Asia.
    test::write_file(dir / "gazetteer.csv", test::read_file(test::data_dir() / "mini_gazetteer.csv") +
                                                "far_place,district,Far,,,,-100.0,40.0,test fixture,10,test,,,,test\n");
    test::write_file(dir / "flows.csv", test::read_file(test::data_dir() / "mini_flows.csv") +
                                            "T900,1930-08,1930-08,far_place,,chuguchak,10,people,crossed,documented,,"
                                            "event,,test,,fixture\n");
    const auto result =
        test::run_cli({"render", "--gazetteer", (dir / "gazetteer.csv").string(), "--flows",
                       (dir / "flows.csv").string(), "--projection", "+proj=ortho +lat_0=45 +lon_0=80 +datum=WGS84",
                       "--extent", "75,42,90,52", "--dpi", "30", "-o", (dir / "x.png").string()});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_THAT(result.err, HasSubstr("place 'far_place' (100.0000°W, 40.0000°N) cannot be projected in +proj=ortho"));
    EXPECT_THAT(result.err, HasSubstr("its flows are not drawn"));
}

TEST(Layers, ALabelLayerSetsItsNamesInItalicsWhereTheyFit) {
    const auto dir = test::scratch_dir("label_layer");
    test::write_file(dir / "names.geojson",
                     R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"Test River"},)"
                     R"("geometry":{"type":"LineString","coordinates":[[77,48.5],[78,48.7],[79,48.9]]}}]})");
    const auto layers = layer_list_with(
        dir, "[[layer]]\nname = \"names\"\nrole = \"label\"\nfiles = [\"" + (dir / "names.geojson").string() + "\"]\n");
    const auto rendered = render_with(dir, layers, "");
    const nlohmann::json* label = nullptr;
    for (const auto& l : rendered.report["labels"]) {
        if (l["text"] == "Test River") label = &l;
    }
    ASSERT_NE(label, nullptr) << "the river's name is not on the map";
    EXPECT_EQ((*label)["kind"], "feature");
    EXPECT_EQ(rendered.report["quality"]["overlapping_labels"], 0);
    // A label layer draws names, not its lines.
    EXPECT_EQ((*layer_in(rendered.report, "names"))["lines"], 0);
    EXPECT_THAT(rendered.credits_text, HasSubstr("Test River"));
}

TEST(Layers, ABorderOfLowerRankIsDrawnByTheInternalBorderRule) {
    const auto dir = test::scratch_dir("border_rank");
    test::write_file(dir / "internal.geojson",
                     R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{},)"
                     R"("geometry":{"type":"LineString","coordinates":[[77,47],[79,49]]}}]})");
    const auto layers =
        layer_list_with(dir, "[[layer]]\nname = \"republics\"\nrole = \"border\"\nrank = 1\nfiles = [\"" +
                                 (dir / "internal.geojson").string() + "\"]\n");
    const auto rendered = render_with(dir, layers, "");
    EXPECT_EQ((*layer_in(rendered.report, "republics"))["rule"], "border_internal");
    EXPECT_EQ((*layer_in(rendered.report, "borders_1930_international"))["rule"], "border");
    EXPECT_EQ((*layer_in(rendered.report, "borders_1930_republic"))["rule"], "border_internal");
    EXPECT_EQ((*layer_in(rendered.report, "borders_1930_autonomous"))["rule"], "border_autonomous");
    const config::Style style;
    const auto internal = config::layer_rule(style, "border_internal");
    ASSERT_TRUE(internal);
    EXPECT_LT(internal->width_mm, config::layer_rule(style, "border")->width_mm);
}

TEST(Layers, AStyleMayNameTheLayerListAndASpecOverridesIt) {
    const auto dir = test::scratch_dir("style_layers");
    test::write_file(dir / "marsh.geojson", square_geojson(80.0, 47.5, 1.0));
    (void)layer_list_with(
        dir, "[[layer]]\nname = \"marsh\"\nrole = \"land\"\nfiles = [\"" + (dir / "marsh.geojson").string() + "\"]\n");
    // The style names the list relative to itself.
    const auto rendered = render_with(dir, {}, "layers = \"layers.toml\"\n");
    EXPECT_NE(layer_in(rendered.report, "marsh"), nullptr);
    // A spec's own list comes first.
    const auto shipped = render_with(dir, kShipped / "layers.toml", "layers = \"layers.toml\"\n");
    EXPECT_EQ(layer_in(shipped.report, "marsh"), nullptr);
}

TEST(Layers, EachPanelOfSmallMultiplesShowsTheLayersOfItsOwnYears) {
    const auto dir = test::scratch_dir("panel_layers");
    test::write_file(dir / "later.geojson", square_geojson(80.0, 47.5, 1.0));
    const auto layers = layer_list_with(dir, "[[layer]]\nname = \"borders_1931\"\nrole = \"land\"\nfiles = [\"" +
                                                 (dir / "later.geojson").string() + "\"]\nyears = [1931, 1931]\n");
    config::FigureSpec spec;
    spec.layers = layers;
    spec.years_mode = config::YearsMode::multiples;
    spec.periods = {"1930", "1931"};
    spec.dpi = 60;
    spec.outputs = {dir / "panels.png"};
    spec.report = dir / "panels.json";
    const auto data = figure::load_figure_data(spec);
    (void)figure::render_figure(spec, *data);
    const auto report = nlohmann::json::parse(test::read_file(dir / "panels.json"));
    ASSERT_EQ(report["panels"].size(), 2U);
    EXPECT_EQ(report["panels"][0]["title"], "1930");
    EXPECT_EQ(layer_in(report["panels"][0], "borders_1931"), nullptr);
    EXPECT_NE(layer_in(report["panels"][1], "borders_1931"), nullptr);
}
