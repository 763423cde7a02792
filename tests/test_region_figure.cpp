// The flight at two scales (#16): the shipped region figure's overview of totals and its detail of
// the border districts, figures for several places (hubs, branches), several flow tables, records
// chosen by id, and the year figure's panels.

#include <cmath>
#include <set>

#include <cairo.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "config/figure_spec.hpp"
#include "figure/figure_request.hpp"
#include "figure/flow_selection.hpp"
#include "io/flow_reader.hpp"
#include "io/gazetteer_reader.hpp"
#include "test_support.hpp"

using namespace steppeflow;
using nlohmann::json;
using ::testing::HasSubstr;

namespace {

struct Xy {
    double x = 0;
    double y = 0;
};

double distance(Xy a, Xy b) { return std::hypot(a.x - b.x, a.y - b.y); }
Xy first_point(const json& flow) { return {flow["centre_line"][0][0], flow["centre_line"][0][1]}; }

bool inside(const json& box, Xy p) {
    return p.x >= box["x"].get<double>() && p.x <= box["x"].get<double>() + box["width"].get<double>() &&
           p.y >= box["y"].get<double>() && p.y <= box["y"].get<double>() + box["height"].get<double>();
}

// The region figure rendered once (its report), as the shipped spec describes it.
const json& region_report() {
    static const json report = [] {
        const auto dir = test::scratch_dir("region_figure");
        const auto spec = test::spec_writing_into(test::source_dir() / "figures" / "region_1928_1933.toml", dir);
        const auto path = dir / "region.json";
        const auto result = test::run_cli({"render", spec.string(), "--dpi", "30", "--report", path.string()});
        if (result.exit_code != 0) throw std::runtime_error(result.err);
        return json::parse(test::read_file(path));
    }();
    return report;
}

double legend_width_for(const json& panel, const std::string& text) {
    for (const auto& entry : panel["legend"]["entries"]) {
        if (entry["text"] == text && entry.contains("flow_width_mm")) return entry["flow_width_mm"];
    }
    return -1;
}

}  // namespace

TEST(RegionFigure, TheOverviewDrawsTheMillionAsAHubAsWideAsItsFlowWithABranchToEachPlace) {
    const json& report = region_report();
    ASSERT_EQ(report["panels"].size(), 2U);
    const json& overview = report["panels"][0];
    ASSERT_TRUE(overview.contains("hubs"));
    const json& hub = test::find_one(
        overview["hubs"], [](const json& h) { return h["id"] == "F010"; }, "F010 hub");
    EXPECT_EQ(hub["origin_area"], "kazakhstan");
    EXPECT_EQ(hub["certainty"], "estimate");
    // On the panel's own scale: 1,030,000 people are 1.03 times the key's 1,000,000.
    const double key = legend_width_for(overview, "1\u2009000\u2009000");
    ASSERT_GT(key, 0);
    EXPECT_NEAR(2 * hub["radius_mm"].get<double>(), 1.03 * key, 0.02);
    // Seven destinations named, no share: seven thin branches, each leaving the hub's rim.
    const Xy centre{hub["x"], hub["y"]};
    int branches = 0;
    double thinnest = 1e9;
    double widest = 0;
    for (const auto& flow : overview["flows"]) {
        if (flow["id"] != "F010") continue;
        EXPECT_EQ(flow["part"], "branch");
        ++branches;
        thinnest = std::min(thinnest, flow["width_mm"].get<double>());
        widest = std::max(widest, flow["width_mm"].get<double>());
        EXPECT_NEAR(distance(first_point(flow), centre), hub["radius_mm"].get<double>(), 0.05);
    }
    EXPECT_EQ(branches, 7);
    EXPECT_EQ(thinnest, widest);  // no branch carries a share
    EXPECT_LT(widest, 0.5);
    // And the legend says what the disc is.
    EXPECT_THAT(overview["legend"].dump(), HasSubstr("one figure, several places (disc)"));
}

TEST(RegionFigure, RecordsWithNoFigureForSeveralPlacesReachEachFromItsOwnBorderPoint) {
    // W015: no size, seven destinations in Russia and Central Asia: no trunk, no junction.
    const json& overview = region_report()["panels"][0];
    std::vector<Xy> starts;
    for (const auto& flow : overview["flows"]) {
        if (flow["id"] != "W015") continue;
        EXPECT_NE(flow["target"]["kind"], "junction");
        EXPECT_EQ(flow["certainty"], "unknown_size");
        starts.push_back(first_point(flow));
    }
    ASSERT_GE(starts.size(), 5U);
    int distinct = 0;
    for (std::size_t i = 0; i < starts.size(); ++i) {
        bool alone = true;
        for (std::size_t j = 0; j < i; ++j) alone = alone && distance(starts[i], starts[j]) > 1.0;
        distinct += alone ? 1 : 0;
    }
    EXPECT_GE(distinct, 3);
}

TEST(RegionFigure, TheDetailShowsTheEventsInsideItsExtentOnItsOwnScaleAndIsKeyedOnTheOverview) {
    const json& report = region_report();
    const json& overview = report["panels"][0];
    const json& detail = report["panels"][1];
    EXPECT_THAT(overview["title"].get<std::string>(), ::testing::StartsWith("a  "));
    EXPECT_THAT(detail["title"].get<std::string>(), ::testing::StartsWith("b  "));
    // The overview shows where the detail lies.
    ASSERT_TRUE(overview.contains("detail_key"));
    EXPECT_EQ(overview["detail_key"]["letter"], "b");
    int inside_frame = 0;
    for (const auto& p : overview["detail_key"]["outline"]) inside_frame += inside(overview["map_frame"], {p[0], p[1]});
    EXPECT_GT(inside_frame, 40);
    // The detail: documented events of the article only, each starting inside its frame.
    ASSERT_GE(detail["flows"].size(), 8U);
    for (const auto& flow : detail["flows"]) {
        EXPECT_EQ(flow["id"].get<std::string>().front(), 'F') << flow["id"];
        EXPECT_TRUE(inside(detail["map_frame"], first_point(flow))) << flow["id"];
    }
    // Each panel has its own width key: the detail's largest count is hundreds, the overview's a million.
    EXPECT_GT(legend_width_for(detail, "500"), 0);
    EXPECT_LT(legend_width_for(overview, "500"), 0);
    // The panels do not overlap, and the detail's legend stays on the page.
    const double overview_bottom = overview["offset"][1].get<double>() + overview["page"]["height"].get<double>();
    EXPECT_LE(overview_bottom, detail["offset"][1].get<double>());
    const double detail_bottom = detail["offset"][1].get<double>() + detail["legend"]["box"]["y"].get<double>() +
                                 detail["legend"]["box"]["height"].get<double>();
    EXPECT_LE(detail_bottom, report["page"]["height"].get<double>());
}

TEST(RegionFigure, ADetailPanelIsRefusedWithoutItsExtentOrWithYearPanels) {
    const auto dir = test::scratch_dir("region_detail_errors");
    const auto run = [&](const std::string& text) {
        test::write_file(dir / "spec.toml", text + "[output]\nfiles = [\"" + (dir / "x.png").string() + "\"]\n");
        return test::run_cli({"render", (dir / "spec.toml").string()});
    };
    const auto no_extent = run("[detail]\ntitle = \"b\"\n");
    EXPECT_NE(no_extent.exit_code, 0);
    EXPECT_THAT(no_extent.err, HasSubstr("(key 'detail.extent'): a detail panel needs the extent it shows"));
    const auto short_box = run("[detail]\nextent = [80, 45, 87]\n");
    EXPECT_THAT(short_box.err, HasSubstr("(key 'detail.extent'): expected [lon_min, lat_min, lon_max, lat_max]"));
    const auto years = run("[years]\nshow = \"multiples\"\n[detail]\nextent = [80, 45, 87, 50]\n");
    EXPECT_THAT(years.err, HasSubstr("a detail panel is drawn with one map of all years"));
    EXPECT_FALSE(std::filesystem::exists(dir / "x.png"));
}

TEST(RegionFigure, SeveralFlowTablesAreReadTogetherAndAnIdUsedTwiceIsRefused) {
    config::FigureSpec spec;
    spec.flows = {test::source_dir() / "geodata" / "flows.csv", test::source_dir() / "geodata" / "exodus.csv"};
    const auto flows = io::read_flows(spec.flows);
    std::set<std::string> ids;
    for (const auto& flow : flows) ids.insert(flow.id);
    EXPECT_TRUE(ids.contains("F010"));
    EXPECT_TRUE(ids.contains("W011"));
    EXPECT_EQ(ids.size(), flows.size());

    const auto dir = test::scratch_dir("region_two_tables");
    const std::string table = (test::source_dir() / "geodata" / "flows.csv").string();
    const auto twice = test::run_cli({"render", "--flows", table, "--flows", table, "-o", (dir / "x.png").string()});
    EXPECT_NE(twice.exit_code, 0);
    EXPECT_THAT(twice.err, HasSubstr("duplicate flow id 'F001'"));
    EXPECT_FALSE(std::filesystem::exists(dir / "x.png"));
}

TEST(RegionFigure, RecordsChosenByIdAreTheOnlyOnesDrawnAndAnUnknownIdIsRefused) {
    const model::Gazetteer gazetteer(io::read_places(test::source_dir() / "geodata" / "gazetteer.csv"));
    const auto flows = io::read_flows(std::vector<std::filesystem::path>{
        test::source_dir() / "geodata" / "flows.csv", test::source_dir() / "geodata" / "exodus.csv"});
    config::FigureSpec spec;
    spec.scope = {"aggregate", "event"};
    spec.ids = {"F006", "W011"};
    const auto selection = figure::select_flows(figure::make_request(spec), gazetteer, flows);
    ASSERT_EQ(selection.flows.size(), 2U);
    EXPECT_EQ(selection.flows[0].id, "F006");
    EXPECT_EQ(selection.flows[1].id, "W011");

    const auto dir = test::scratch_dir("region_unknown_id");
    const auto result = test::run_cli({"render", "--ids", "F006,F999", "-o", (dir / "x.png").string()});
    EXPECT_EQ(result.exit_code, 2) << result.err;
    EXPECT_THAT(result.err, HasSubstr("--ids: no flow has id 'F999'; did you mean F009?"));
}

TEST(RegionFigure, AYearCoveredByARecordOfSeveralYearsIsNotSaidToHaveNoRecord) {
    // F008 is dated 1931–1932: the by-year overview has a record of 1932.
    const model::Gazetteer gazetteer(io::read_places(test::source_dir() / "geodata" / "gazetteer.csv"));
    const auto flows = io::read_flows(test::source_dir() / "geodata" / "flows.csv");
    config::FigureSpec spec;
    spec.scope = {"event", "aggregate"};
    spec.years = {1928, 1929, 1930, 1931, 1932, 1933};
    spec.years_mode = config::YearsMode::overlay;
    const auto selection = figure::select_flows(figure::make_request(spec), gazetteer, flows);
    EXPECT_THAT(selection.missing_years, ::testing::Not(::testing::Contains("1932")));
    EXPECT_THAT(selection.missing_years, ::testing::Contains("1933"));
}

TEST(RegionFigure, TheYearFigureHasAPanelForEachYearFrom1929To1933) {
    const auto dir = test::scratch_dir("region_by_year");
    const auto spec = test::spec_writing_into(test::source_dir() / "figures" / "region_by_year.toml", dir);
    const auto path = dir / "years.json";
    const auto result = test::run_cli({"render", spec.string(), "--dpi", "30", "--report", path.string()});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const auto report = json::parse(test::read_file(path));
    std::vector<std::string> titles;
    for (const auto& panel : report["panels"]) {
        titles.push_back(panel["title"]);
        EXPECT_FALSE(panel["flows"].empty()) << panel["title"];
    }
    EXPECT_EQ(titles, (std::vector<std::string>{"1929", "1930", "1931", "1932", "1933"}));
}

TEST(RegionFigure, PeopleKilledOnTheWayEndBeforeTheBorderNotAtThePlaceTheyDidNotReach) {
    // F009: "more than 1,000 people were killed along the border" on the way to Ili (a point beyond the
    // Kazakh ASSR's border): the flow ends, with its cross, inside the republic.
    const auto dir = test::scratch_dir("region_died");
    const auto spec = test::spec_writing_into(test::source_dir() / "figures" / "overview_by_year.toml", dir);
    const auto path = dir / "report.json";
    const auto result = test::run_cli({"render", spec.string(), "--dpi", "30", "--report", path.string()});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const auto report = json::parse(test::read_file(path));
    const json& died = test::find_one(
        report["flows"], [](const json& f) { return f["id"] == "F009"; }, "F009");
    EXPECT_EQ(died["status"], "died");
    EXPECT_EQ(died["target"]["kind"], "border");
    EXPECT_EQ(died["arrowhead"]["length_mm"], 0);
    const json& ili = test::find_one(
        report["places"], [](const json& p) { return p["id"] == "ili_district"; }, "Ili");
    const auto& end = died["centre_line"].back();
    EXPECT_GT(std::hypot(end[0].get<double>() - ili["x"].get<double>(), end[1].get<double>() - ili["y"].get<double>()),
              2.0);
}

TEST(RegionFigure, TheOverviewSaysTheMillionsFigureAndNamesEveryAreaByItsNameOf1930) {
    const json& overview = region_report()["panels"][0];
    std::vector<std::string> texts;
    for (const auto& label : overview["labels"]) texts.push_back(label["text"]);
    // The hub's figure beside it, with its qualifier and unit.
    EXPECT_THAT(texts, ::testing::Contains("\u2248\u20091\u2009030\u2009000 people"));
    // Persia, not Iran, also where a flow leaves the frame towards it; Mongolia by its short form where
    // its full name has no room.
    EXPECT_THAT(texts, ::testing::Contains("to Persia"));
    EXPECT_THAT(texts, ::testing::Not(::testing::Contains("to Iran")));
    EXPECT_THAT(texts, ::testing::Contains("M\u200aP\u200aR"));
    EXPECT_EQ(overview["quality"]["labels_not_placed"], 0);
}

TEST(RegionFigure, AStatedRangeIsDrawnToItsHighEndOnTheSameScaleAsItsLowEnd) {
    // "100 to 200 people": the line as wide as 100, a pale band as wide as 200; the scale holds 200.
    const auto dir = test::scratch_dir("region_range");
    test::write_file(dir / "flows.csv",
                     "id,date_start,date_end,origin,via,destination,count,count_high,unit,status,certainty,scope,"
                     "source,quote\n"
                     "R1,1930,1930,urdzhar_district,,chuguchak,100,200,people,crossed,estimate,event,test,"
                     "\"100 to 200 people\"\n"
                     "R2,1930,1930,zaisan_district,,chuguchak,150,,people,crossed,documented,event,test,"
                     "\"150 people\"\n");
    const auto png = dir / "map.png";
    const auto path = dir / "map.json";
    const auto result = test::run_cli({"render", "--gazetteer", (test::data_dir() / "mini_gazetteer.csv").string(),
                                       "--flows", (dir / "flows.csv").string(), "--dpi", "200", "-o", png.string(),
                                       "--report", path.string(), "--title", "Range"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const auto report = json::parse(test::read_file(path));
    const json& range = test::find_one(
        report["flows"], [](const json& f) { return f["id"] == "R1"; }, "R1");
    const json& single = test::find_one(
        report["flows"], [](const json& f) { return f["id"] == "R2"; }, "R2");
    const double low = range["width_mm"];
    const double high = range["high_width_mm"];
    EXPECT_NEAR(high, 2 * low, 0.01);
    EXPECT_NEAR(single["width_mm"].get<double>(), 1.5 * low, 0.01);
    // The band is drawn: halfway between the line's edge and the band's, beside the middle of the flow,
    // the page is neither paper nor land.
    const auto& line = range["centre_line"];
    const std::size_t mid = line.size() / 2;
    const Xy a{line[mid - 1][0], line[mid - 1][1]};
    const Xy b{line[mid][0], line[mid][1]};
    const double length = distance(a, b);
    const Xy normal{-(b.y - a.y) / length, (b.x - a.x) / length};
    const double off = (low / 2 + high / 2) / 2;
    const Xy probe{b.x + normal.x * off, b.y + normal.y * off};
    cairo_surface_t* image = cairo_image_surface_create_from_png(png.c_str());
    cairo_surface_flush(image);
    const auto* row = cairo_image_surface_get_data(image) +
                      static_cast<int>(probe.y / 25.4 * 200) * cairo_image_surface_get_stride(image);
    const unsigned pixel =
        reinterpret_cast<const std::uint32_t*>(row)[static_cast<int>(probe.x / 25.4 * 200)] & 0xffffffU;
    cairo_surface_destroy(image);
    const unsigned red = pixel >> 16;
    const unsigned green = (pixel >> 8) & 0xffU;
    const unsigned blue = pixel & 0xffU;
    // A pale tint of the people colour (orange): red well above blue.
    EXPECT_GT(static_cast<int>(red) - static_cast<int>(blue), 40) << std::hex << pixel;
    EXPECT_GT(green, 100U) << std::hex << pixel;
}

TEST(RegionFigure, LivestockDrivenAlongIsSaidBesideItsFlowOnlyWhenAskedFor) {
    const auto dir = test::scratch_dir("region_livestock");
    const auto render = [&](bool livestock) {
        std::vector<std::string> args{"render",
                                      "--gazetteer",
                                      (test::data_dir() / "mini_gazetteer.csv").string(),
                                      "--flows",
                                      (test::data_dir() / "mini_flows.csv").string(),
                                      "--dpi",
                                      "30",
                                      "-o",
                                      (dir / "map.png").string(),
                                      "--report",
                                      (dir / "map.json").string()};
        if (livestock) args.emplace_back("--livestock");
        const auto result = test::run_cli(args);
        EXPECT_EQ(result.exit_code, 0) << result.err;
        return json::parse(test::read_file(dir / "map.json"));
    };
    const auto with = render(true);
    // T002: 66 households with 388 head, from Urdzhar.
    const json& label = test::find_one(
        with["labels"], [](const json& l) { return l["text"] == "388 head of livestock"; }, "livestock label");
    EXPECT_EQ(label["place"], "T002");
    EXPECT_EQ(with["quality"]["labels_not_placed"], 0);
    EXPECT_THAT(render(false)["labels"].dump(), ::testing::Not(HasSubstr("head of livestock")));
}

TEST(RegionFigure, AFlowFromAnAreaEndsInsideTheAreasItNames) {
    // F008: from the Kazakh ASSR to Western China and Afghanistan, both drawn as areas of 1930.
    const json& overview = region_report()["panels"][0];
    std::set<std::string> reached;
    for (const auto& flow : overview["flows"]) {
        if (flow["id"] != "F008") continue;
        if (flow["part"] == "trunk") EXPECT_EQ(flow["origin_area"], "kazakhstan");
        if (flow["part"] == "branch") {
            EXPECT_EQ(flow["target"]["kind"], "area");
            reached.insert(flow["target"]["place"].get<std::string>());
        }
    }
    EXPECT_EQ(reached, (std::set<std::string>{"xinjiang", "afghanistan"}));
}
