// The default basemap is the map of c. 1930 (geodata/basemap/1930/, built by
// scripts/basemap/build_1930.py from Natural Earth and DCW-GMT): borders ranked as they were then,
// units and names of the figure's own date, the lakes of 1930. These tests look at what figures of
// given dates draw.

#include <algorithm>
#include <functional>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "config/layer_list.hpp"
#include "figure/basemap_loader.hpp"
#include "render_probe.hpp"
#include "test_support.hpp"

using namespace steppeflow;
using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::Not;

namespace {

const std::filesystem::path kShipped = test::source_dir() / "geodata" / "basemap";

const model::Basemap& shipped_basemap() {
    static const model::Basemap basemap = [] {
        std::vector<std::string> warnings;
        return figure::load_basemap(kShipped, {}, warnings);
    }();
    return basemap;
}

const model::MapLayer& layer_named(const model::Basemap& basemap, const std::string& name) {
    const auto found = std::find_if(basemap.layers.begin(), basemap.layers.end(),
                                    [&](const model::MapLayer& layer) { return layer.name == name; });
    if (found == basemap.layers.end()) throw std::runtime_error("no layer " + name);
    return *found;
}

std::vector<std::string> names_of(const model::MapLayer& layer, const model::Language& language = model::Language::english()) {
    std::vector<std::string> names;
    for (const auto& feature : layer.features) names.push_back(feature.name.in(language));
    return names;
}

// Whether a lon/lat point lies inside one of the feature's polygons (even-odd over all rings).
bool covers(const model::Feature& feature, model::LonLat p) {
    bool inside = false;
    for (const auto& polygon : feature.polygons) {
        for (const auto& ring : polygon.rings) {
            for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
                const auto& a = ring[i];
                const auto& b = ring[j];
                if ((a.lat > p.lat) != (b.lat > p.lat) &&
                    p.lon < (b.lon - a.lon) * (p.lat - a.lat) / (b.lat - a.lat) + a.lon)
                    inside = !inside;
            }
        }
    }
    return inside;
}

}  // namespace

TEST(PeriodBasemap, AFigureDrawsTheUnitsAndBordersOfItsOwnDate) {
    const auto& all = shipped_basemap();
    // The Tajik ASSR, part of the Uzbek SSR, became a union republic on 16 October 1929.
    const auto of_1928 = figure::layers_for_years(all, {1928});
    const auto of_1931 = figure::layers_for_years(all, {1931});
    EXPECT_THAT(names_of(layer_named(of_1928, "unit_names_1930")), Contains("Tajik ASSR"));
    EXPECT_THAT(names_of(layer_named(of_1928, "unit_names_1930")), Not(Contains("Tajik SSR")));
    EXPECT_THAT(names_of(layer_named(of_1931, "unit_names_1930")), Contains("Tajik SSR"));
    EXPECT_THAT(names_of(layer_named(of_1931, "unit_names_1930")), Not(Contains("Tajik ASSR")));
    // Its line with the Uzbek SSR (two line features in Natural Earth) is an autonomous republic's
    // in 1928, a union republic's in 1931.
    const auto count = [](const model::Basemap& basemap, const char* layer) {
        return layer_named(basemap, layer).features.size();
    };
    EXPECT_EQ(count(of_1928, "borders_1930_autonomous"), count(of_1931, "borders_1930_autonomous") + 2);
    EXPECT_EQ(count(of_1928, "borders_1930_republic") + 2, count(of_1931, "borders_1930_republic"));
    // A figure of 1929 draws the state of 31 December 1929: the union republic.
    EXPECT_THAT(names_of(layer_named(figure::layers_for_years(all, {1928, 1929}), "unit_names_1930")),
                Contains("Tajik SSR"));
    // Persia is Iran from 21 March 1935; the Tuvan People's Republic is there throughout.
    const auto of_1935 = figure::layers_for_years(all, {1935});
    EXPECT_THAT(names_of(layer_named(of_1931, "unit_names_1930")), Contains("Persia"));
    EXPECT_THAT(names_of(layer_named(of_1935, "unit_names_1930")), Contains("Iran"));
    EXPECT_THAT(names_of(layer_named(of_1935, "unit_names_1930")), Not(Contains("Persia")));
    // Every year of the period layers names the Kazakh and Kirghiz ASSRs (no year without its units).
    for (int year = 1926; year <= 1935; ++year) {
        const auto units = names_of(layer_named(figure::layers_for_years(all, {year}), "unit_names_1930"));
        EXPECT_THAT(units, Contains("Kazakh ASSR")) << year;
        EXPECT_THAT(units, Contains("Kirghiz ASSR")) << year;
    }
    // 1936 (the SSRs of 5 December) and 1925 (before the Kirghiz ASSR) are beyond the reconstruction.
    for (const int year : {1925, 1936}) {
        const auto basemap = figure::layers_for_years(all, {year});
        EXPECT_FALSE(std::any_of(basemap.layers.begin(), basemap.layers.end(), [](const model::MapLayer& layer) {
            return layer.name == "unit_names_1930";
        })) << year;
    }
    EXPECT_THAT(names_of(layer_named(of_1931, "unit_names_1930")), Contains("Tuvan People's Republic"));
    // Beyond the years of the reconstruction its borders and units are not drawn at all.
    const auto of_1950 = figure::layers_for_years(all, {1950});
    EXPECT_FALSE(std::any_of(of_1950.layers.begin(), of_1950.layers.end(), [](const model::MapLayer& layer) {
        return layer.role == model::LayerRole::border || layer.name == "units_1930" || layer.name == "unit_names_1930";
    }));
}

TEST(PeriodBasemap, NamesAreOfTheTimeInTheMapsLanguage) {
    const auto of_1930 = figure::layers_for_years(shipped_basemap(), {1930});
    const auto& units = layer_named(of_1930, "unit_names_1930");
    EXPECT_THAT(names_of(units), Contains("Kazakh ASSR"));
    EXPECT_THAT(names_of(units), Contains("Xinjiang"));
    EXPECT_THAT(names_of(units), Contains("Mongolian People's Republic"));
    EXPECT_THAT(names_of(units, model::Language::of("ru")), Contains("Казакская АССР"));
    EXPECT_THAT(names_of(units, model::Language::of("kk")), Contains("Шыңжаң"));
    const auto& water = layer_named(of_1930, "water_names");
    EXPECT_THAT(names_of(water), Contains("Lake Zaysan"));
    EXPECT_THAT(names_of(water, model::Language::of("kk")), Contains("Ертіс"));
    EXPECT_THAT(names_of(layer_named(of_1930, "relief_names")), Contains("Dzungarian Alatau"));
}

TEST(PeriodBasemap, LakeZaysanIsDrawnWithoutTheLaterReservoirs) {
    const auto& lakes = layer_named(shipped_basemap(), "lakes_1930");
    const auto named = [&](const std::string& name) {
        return std::find_if(lakes.features.begin(), lakes.features.end(),
                            [&](const model::Feature& f) { return f.name.en == name; });
    };
    ASSERT_NE(named("Lake Zaysan"), lakes.features.end());
    EXPECT_TRUE(covers(*named("Lake Zaysan"), {83.8, 48.0}));
    // North of 48.3°N lies the Bukhtarma reservoir's arm (dam of 1960), not the lake.
    EXPECT_FALSE(covers(*named("Lake Zaysan"), {83.45, 48.8}));
    for (const char* later : {"Kapchagay Reservoir", "Shardara Bgeni", "Aydar Ko‘l", "Sarygamysh Köli"})
        EXPECT_EQ(named(later), lakes.features.end()) << later;
    // The Aral Sea is the historic one: it covers what is dry land today.
    ASSERT_NE(named("Aral Sea"), lakes.features.end());
    EXPECT_TRUE(covers(*named("Aral Sea"), {60.0, 45.0}));

    // And the default figure shows the lake in the water colour (where its name is not set on it).
    const auto dir = test::scratch_dir("period_zaysan");
    const auto rendered = test::render_with(dir, {}, "", {}, "80,46,86,50");
    int water = 0;
    for (double lon = 83.75; lon < 84.4; lon += 0.05)
        water += test::colour_at(rendered, {lon, 47.98}, 100) == 0xccdeebU;
    EXPECT_GE(water, 4);
    // The modern list's lakes leave it out (it is a reservoir there): the test would see the difference.
    const auto modern_dir = test::scratch_dir("period_zaysan_modern");
    const auto modern = test::render_with(modern_dir, kShipped / "layers_modern.toml", "", {}, "80,46,86,50");
    int modern_water = 0;
    for (double lon = 83.75; lon < 84.4; lon += 0.05)
        modern_water += test::colour_at(modern, {lon, 47.98}, 100) == 0xccdeebU;
    EXPECT_EQ(modern_water, 0);
}

TEST(PeriodBasemap, NoLayerDrawsTheBaikonurLease) {
    // The lease of 1994 (a ring around Baikonur, 63.3°E 45.9°N) is no border of any date.
    for (const char* list : {"layers.toml", "layers_modern.toml"}) {
        std::vector<std::string> warnings;
        const auto basemap = figure::load_basemap(kShipped, kShipped / list, warnings);
        for (const auto& layer : basemap.layers) {
            if (layer.role != model::LayerRole::border) continue;
            for (const auto& feature : layer.features) {
                for (const auto& line : feature.lines) {
                    for (const auto& p : line) {
                        EXPECT_FALSE(p.lon > 62.8 && p.lon < 64.2 && p.lat > 45.4 && p.lat < 46.4)
                            << list << ": " << layer.name << " passes " << p.lon << " " << p.lat;
                    }
                }
            }
        }
    }
}

TEST(PeriodBasemap, TheDefaultFigureSaysItsBordersAreOf1930AndTheModernListStillDraws) {
    const auto dir = test::scratch_dir("period_credits");
    const auto period = test::render_with(dir, {}, "");
    EXPECT_THAT(period.credits_text, HasSubstr("borders c. 1930 (reconstructed; approximate)"));
    EXPECT_THAT(period.credits_text, HasSubstr("DCW-GMT (LGPL-3+)"));
    EXPECT_THAT(period.credits_text, Not(HasSubstr("modern borders")));
    EXPECT_NE(test::layer_in(period.report, "borders_1930_international"), nullptr);
    EXPECT_THAT(period.report["labels"].dump(), HasSubstr("K\u200aA\u200aZ\u200aA\u200aK\u200aH"));

    const auto modern_dir = test::scratch_dir("period_credits_modern");
    const auto modern = test::render_with(modern_dir, kShipped / "layers_modern.toml", "");
    EXPECT_THAT(modern.credits_text, HasSubstr("modern borders"));
    EXPECT_THAT(modern.credits_text, Not(HasSubstr("c. 1930")));
    EXPECT_NE(test::layer_in(modern.report, "borders"), nullptr);
    EXPECT_EQ(test::layer_in(modern.report, "borders_1930_international"), nullptr);
}

TEST(PeriodBasemap, AFeatureDateThatIsNoDateIsRefusedAtItsFeatureAndField) {
    const auto dir = test::scratch_dir("period_bad_date");
    const auto write = [&](const std::string& properties) {
        test::write_file(dir / "units.geojson",
                         R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{)" + properties +
                             R"(},"geometry":{"type":"LineString","coordinates":[[77,47],[79,49]]}}]})");
        test::write_file(dir / "layers.toml",
                         "[[layer]]\nname = \"u\"\nrole = \"border\"\nfiles = [\"units.geojson\"]\n");
        std::vector<std::string> warnings;
        try {
            (void)figure::load_basemap(dir, dir / "layers.toml", warnings);
        } catch (const DataError& e) {
            const std::string text = e.what();
            return text.substr(text.find("units.geojson"));
        }
        return std::string{};
    };
    EXPECT_EQ(write(R"("valid_from":"1930-13-01")"),
              "units.geojson: feature 1 (field 'valid_from'): '1930-13-01' is not a date; write YYYY, YYYY-MM or "
              "YYYY-MM-DD, e.g. 1930-07-20");
    EXPECT_EQ(write(R"("valid_from":"1930-07-20","valid_to":"1930-07-20")"),
              "units.geojson: feature 1 (field 'valid_to'): valid_to 1930-07-20 is not after valid_from 1930-07-20; "
              "valid_to is the first day the feature no longer holds");
    EXPECT_EQ(write(R"("valid_from":"1930-07","valid_to":"1931")"), "");
}

TEST(PeriodBasemap, NoShippedFigureSetsABasemapNameOverAFlowOrANameTwice) {
    const auto dir = test::scratch_dir("period_names_over_flows");
    int reports = 0;
    for (const auto& entry : std::filesystem::directory_iterator(test::source_dir() / "figures")) {
        if (entry.path().extension() != ".toml") continue;
        const auto spec = test::spec_writing_into(entry.path(), dir);
        const auto report = dir / (entry.path().stem().string() + "_check.json");
        const auto result = test::run_cli({"render", spec.string(), "--dpi", "30", "--report", report.string()});
        ASSERT_EQ(result.exit_code, 0) << entry.path() << result.err;
    }
    // Every report (a sequence writes one per frame), its panels included.
    const std::function<void(const nlohmann::json&, const std::string&)> check = [&](const nlohmann::json& node,
                                                                                     const std::string& file) {
        if (node.is_object()) {
            if (node.contains("basemap_names_over_flows")) EXPECT_EQ(node["basemap_names_over_flows"], 0) << file;
            // A unit named by the data's area and by the basemap (Persia, Uzbek SSR) is named once.
            if (node.contains("names_given_twice")) EXPECT_EQ(node["names_given_twice"], 0) << file;
            if (node.contains("overlapping_hubs")) EXPECT_EQ(node["overlapping_hubs"], 0) << file;
            // Every end mark drawn (attempt, detention, plan, death…) has its own legend row.
            if (node.contains("overlapping_hubs")) EXPECT_EQ(node["outcomes_not_keyed"], 0) << file;
            if (node.contains("overlapping_hubs")) EXPECT_EQ(node["rough_places_drawn_exact"], 0) << file;
            if (node.contains("overlapping_hubs")) EXPECT_EQ(node["schematic_crossings_drawn_as_known"], 0) << file;
            if (node.contains("overlapping_hubs")) EXPECT_EQ(node["vagueness_not_keyed"], 0) << file;
            // No flow so short for its width that it reads as a fan: such flows are discs, and keyed.
            if (node.contains("overlapping_hubs")) EXPECT_EQ(node["blob_flows"], 0) << file << node["blobs"];
            if (node.contains("overlapping_hubs")) EXPECT_EQ(node["discs_not_keyed"], 0) << file;
            // No name nearer another symbol than its own without a leader to its own.
            if (node.contains("overlapping_hubs"))
                EXPECT_EQ(node["misattached_labels"], 0) << file << node["labels_nearer_another_symbol"];
            // No two flows cross at so small an angle that the eye cannot tell them apart.
            if (node.contains("overlapping_hubs"))
                EXPECT_EQ(node["acute_crossings"], 0) << file << node["flows_crossing_acutely"];
            // Every head, bar and ring shows: none lies under a flow painted after it.
            if (node.contains("overlapping_hubs"))
                EXPECT_EQ(node["hidden_ends"], 0) << file << node["flows_with_hidden_ends"];
            // Print sizes and legibility: 7 pt text, 0.3 pt lines, 4.5:1 labels.
            if (node.contains("overlapping_hubs")) EXPECT_EQ(node["texts_below_7pt"], 0) << file;
            if (node.contains("overlapping_hubs")) EXPECT_EQ(node["lines_below_0_3pt"], 0) << file;
            if (node.contains("overlapping_hubs")) EXPECT_EQ(node["low_contrast_labels"], 0) << file;
            for (const auto& [key, value] : node.items()) check(value, file);
        } else if (node.is_array()) {
            for (const auto& value : node) check(value, file);
        }
    };
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        if (entry.path().string().find("_check") == std::string::npos) continue;
        ++reports;
        const auto report = nlohmann::json::parse(test::read_file(entry.path()));
        check(report, entry.path().filename().string());
        // The page's legend (and the scale bar it holds room for) ends above the credits, the last text.
        const auto& box = report["legend"]["box"];
        if (!report["texts"].empty() && box["height"].get<double>() > 0) {
            EXPECT_LE(box["y"].get<double>() + box["height"].get<double>(),
                      report["texts"].back()["origin"][1].get<double>() + 0.01)
                << entry.path().filename() << ": the legend runs into the credits";
        }
    }
    EXPECT_GE(reports, 8);
}

TEST(PeriodBasemap, TownsAreNamedAsTheyWereThenBesideTheirDot) {
    const auto& all = shipped_basemap();
    const auto towns = [&](int year) {
        return names_of(layer_named(figure::layers_for_years(all, {year}), "town_names_1930"));
    };
    // Pishpek became Frunze on 5 May 1926; Verny had become Alma-Ata in 1921.
    const auto& all_towns = layer_named(all, "town_names_1930").features;
    const auto town = [&](const std::string& name) -> const model::Feature& {
        return test::find_one(
            all_towns, [&](const model::Feature& f) { return f.name.en == name; }, name);
    };
    EXPECT_TRUE(town("Pishpek").holds_on(model::PartialDate{1926, 5, 4}));
    EXPECT_FALSE(town("Pishpek").holds_on(model::PartialDate{1926, 5, 5}));
    EXPECT_TRUE(town("Frunze").holds_on(model::PartialDate{1926, 5, 5}));
    EXPECT_THAT(towns(1926), Contains("Frunze"));
    EXPECT_THAT(towns(1926), Not(Contains("Pishpek")));
    EXPECT_THAT(towns(1930), Contains("Frunze"));
    EXPECT_THAT(towns(1930), Contains("Alma-Ata"));
    EXPECT_THAT(towns(1930), Not(Contains("Verny")));
    EXPECT_THAT(towns(1930), Contains("Kulja"));
    EXPECT_THAT(towns(1930), Contains("Chuguchak"));
    // The default figure sets Kulja (and Alma-Ata, where the flows leave it room beside its dot)
    // beside a dot; a town's name is never set so far off that it could be taken for another's.
    const auto dir = test::scratch_dir("period_towns");
    const auto rendered = test::render_with(dir, {}, "");
    int towns_named = 0;
    for (const auto& name : rendered.report["quality"]["basemap_names_left_out"]) {
        if (name == "Alma-Ata") ++towns_named;  // left out, not set apart from its dot
    }
    for (const auto& label : rendered.report["labels"]) {
        if (label["text"] != "Alma-Ata" && label["text"] != "Kulja") continue;
        ++towns_named;
        // Beside its dot, which is drawn with it.
        ASSERT_TRUE(label.contains("dot")) << label.dump();
        const double x = label["dot"][0], y = label["dot"][1];
        const double left = label["box"]["x"], top = label["box"]["y"];
        const double right = left + label["box"]["width"].get<double>();
        const double bottom = top + label["box"]["height"].get<double>();
        EXPECT_LT(std::max({left - x, x - right, top - y, y - bottom, 0.0}), 2.5) << label.dump();
    }
    EXPECT_EQ(towns_named, 2) << rendered.report["labels"].dump();
    EXPECT_TRUE(std::any_of(rendered.report["labels"].begin(), rendered.report["labels"].end(),
                            [](const auto& label) { return label["text"] == "Kulja"; }));
    // A point in a land layer is still the wrong file, named with its layer.
    const auto bad = test::scratch_dir("period_point_in_land");
    test::write_file(bad / "land.geojson", test::read_file(kShipped / "1930" / "towns.geojson"));
    test::write_file(bad / "layers.toml", "[[layer]]\nname = \"land\"\nrole = \"land\"\nfiles = [\"land.geojson\"]\n");
    std::vector<std::string> warnings;
    EXPECT_THAT([&] { (void)figure::load_basemap(bad, bad / "layers.toml", warnings); },
                ::testing::ThrowsMessage<DataError>(
                    HasSubstr("land.geojson: feature 1: a point geometry in the basemap layer 'land' (land)")));
}

TEST(PeriodBasemap, TheOverviewsLocatorNamesTheStatesAroundInShortFormsWhereNeeded) {
    const auto dir = test::scratch_dir("period_locator");
    const auto spec = test::spec_writing_into(test::source_dir() / "figures" / "overview.toml", dir);
    const auto result = test::run_cli({"render", spec.string(), "--dpi", "30"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const auto report = nlohmann::json::parse(test::read_file(dir / "overview_layout.json"));
    ASSERT_TRUE(report.contains("inset"));
    std::vector<std::string> names;
    for (const auto& name : report["inset"]["names"]) {
        std::string text = name["text"];
        for (auto at = text.find("\u200A"); at != std::string::npos; at = text.find("\u200A")) text.erase(at, 3);
        names.push_back(text);
        // Inside the locator.
        const auto& box = report["inset"]["box"];
        EXPECT_GE(name["box"][0].get<double>(), box[0].get<double>()) << text;
        EXPECT_LE(name["box"][0].get<double>() + name["box"][2].get<double>(),
                  box[0].get<double>() + box[2].get<double>())
            << text;
    }
    // Mongolia, beyond the main map, is named in the locator by its short form.
    EXPECT_THAT(names, Contains("KAZAKH ASSR"));
    EXPECT_THAT(names, Contains("XINJIANG"));
    EXPECT_THAT(names, Contains("MPR"));
    // In Russian the Soviet abbreviation, as written (not spaced out in capitals).
    const auto ru = test::run_cli({"render", (dir / "overview.toml").string(), "--lang", "ru", "--dpi", "30",
                                   "--report", (dir / "ru.json").string()});
    ASSERT_EQ(ru.exit_code, 0) << ru.err;
    const auto ru_report = nlohmann::json::parse(test::read_file(dir / "ru.json"));
    EXPECT_THAT(ru_report["inset"]["names"].dump(), HasSubstr("\"КазАССР\""));
}
