// Layout of the scene: the legend shows the widths the map draws, flows start and stop where they
// should, and the household-to-people ratio is only what the sources state.

#include <cmath>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "io/basemap_reader.hpp"
#include "io/flow_reader.hpp"
#include "io/gazetteer_reader.hpp"
#include "layout/flow_layout.hpp"
#include "layout/geometry.hpp"
#include "layout/scene_builder.hpp"
#include "model/household_ratio.hpp"
#include "render/text.hpp"
#include "test_support.hpp"

using namespace steppeflow;

namespace {

struct MiniScene {
    model::Gazetteer gazetteer{io::read_places(test::data_dir() / "mini_gazetteer.csv")};
    std::vector<model::Flow> flows = io::read_flows(test::data_dir() / "mini_flows.csv");
    model::Basemap basemap;
    layout::FigureOptions options;
    layout::SceneResult build() {
        const geo::Projection projection;
        return layout::build_scene({gazetteer, flows, basemap}, options, projection, render::pango_text_measure());
    }
};

double length(layout::Point a, layout::Point b) { return std::hypot(a.x - b.x, a.y - b.y); }

}  // namespace

TEST(Layout, LegendWidthSamplesEqualTheDrawnWidthsForTheSameCount) {
    MiniScene mini;
    const auto result = mini.build();
    // The mini data counts in people (largest 500) and households (largest 66): a scale each.
    const layout::WidthScales scales({{model::Unit::people, 500}, {model::Unit::households, 66}},
                                     mini.options.style.lines.flow_max_mm, mini.options.style.lines.flow_min_mm);
    // Each unit's largest count is drawn at the maximum width, and its key's samples with its own scale.
    const auto& flows = result.scene.flows;
    for (const std::string id : {"T003", "T002"}) {
        const auto largest = std::find_if(flows.begin(), flows.end(), [&](const auto& f) { return f.flow_id == id; });
        ASSERT_NE(largest, flows.end());
        EXPECT_DOUBLE_EQ(largest->width_mm, mini.options.style.lines.flow_max_mm) << id;
    }
    std::map<layout::UnitKey, int> samples;
    for (const auto& row : result.scene.legend.rows) {
        if (!row.key_unit) continue;
        const double count = row.key_count;
        EXPECT_DOUBLE_EQ(row.flow.width_mm, scales.width_for(*row.key_unit, count)) << row.text;
        ++samples[*row.key_unit];
    }
    EXPECT_GE(samples[model::Unit::people], 2);
    EXPECT_GE(samples[model::Unit::households], 2);
    EXPECT_EQ(samples.size(), 2U);
}

TEST(Layout, ArrowTipsStopTheSetGapBeforeTheDestinationSymbol) {
    MiniScene mini;
    const auto result = mini.build();
    for (const auto& flow : result.scene.flows) {
        const auto& model_flow = test::find_one(
            mini.flows, [&](const auto& f) { return f.id == flow.flow_id; }, "flow " + flow.flow_id);
        const auto& symbol = test::find_one(
            result.scene.places, [&](const auto& s) { return s.place_id == model_flow.destination; },
            "symbol " + model_flow.destination);
        EXPECT_NEAR(length(flow.centre_line.back(), symbol.centre), symbol.radius_mm + mini.options.arrow_gap_mm, 1e-9)
            << flow.flow_id;
    }
}

TEST(Layout, FlowsThroughAnOutpostBendThroughIt) {
    MiniScene mini;
    const auto result = mini.build();
    const auto& through = test::find_one(
        result.scene.flows, [](const auto& f) { return f.flow_id == "T001"; }, "T001");
    const auto& outpost = test::find_one(
        result.scene.places, [](const auto& s) { return s.place_id == "maykapchagay_outpost"; }, "the outpost");
    // The curve passes through the outpost itself, and bends there without a kink.
    const auto& line = through.centre_line;
    std::size_t nearest = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (length(line[i], outpost.centre) < length(line[nearest], outpost.centre)) nearest = i;
    }
    EXPECT_LT(length(line[nearest], outpost.centre), 0.05);
    ASSERT_GT(nearest, 0u);
    ASSERT_LT(nearest + 1, line.size());
    const double turn =
        std::abs(std::atan2(line[nearest + 1].y - line[nearest].y, line[nearest + 1].x - line[nearest].x) -
                 std::atan2(line[nearest].y - line[nearest - 1].y, line[nearest].x - line[nearest - 1].x));
    EXPECT_LT(std::min(turn, 2 * M_PI - turn), 10.0 * M_PI / 180) << "a kink at the outpost";
}

TEST(Layout, LargerFlowsAreDrawnBeneathSmallerOnes) {
    MiniScene mini;
    const auto result = mini.build();
    for (std::size_t i = 1; i < result.scene.flows.size(); ++i) {
        EXPECT_GE(result.scene.flows[i - 1].width_mm, result.scene.flows[i].width_mm);
    }
}

TEST(Layout, PlacedLabelsDoNotOverlapEachOtherOrTheLegend) {
    MiniScene mini;
    const auto result = mini.build();
    const auto& labels = result.scene.labels;
    EXPECT_FALSE(labels.empty());
    for (std::size_t i = 0; i < labels.size(); ++i) {
        EXPECT_FALSE(labels[i].box.overlaps(result.scene.legend.box)) << labels[i].text;
        for (std::size_t j = i + 1; j < labels.size(); ++j) {
            EXPECT_FALSE(labels[i].box.overlaps(labels[j].box)) << labels[i].text << " / " << labels[j].text;
        }
    }
}

TEST(HouseholdRatio, ComesOnlyFromDocumentedRecordsThatStateBoth) {
    const auto flows = io::read_flows(test::source_dir() / "geodata" / "flows.csv");
    const auto ratio = model::derive_household_ratio(flows);
    ASSERT_TRUE(ratio);
    // The detained farms: 511 + 111 + 33 farms with 2,255 + 467 + 176 people (the rounded total F030 is not used).
    EXPECT_NEAR(ratio->people_per_household, 2898.0 / 655.0, 1e-12);
    EXPECT_EQ(ratio->basis, (std::vector<std::string>{"F031", "F032", "F033"}));
    EXPECT_THAT(ratio->describe(), ::testing::HasSubstr("4.42 per household"));

    const auto converted = model::households_as_people(flows, *ratio);
    const auto& f022 = test::find_one(
        converted, [](const auto& f) { return f.id == "F022"; }, "F022");
    EXPECT_EQ(f022.unit, model::Unit::people);
    EXPECT_EQ(f022.count, std::llround(66 * 2898.0 / 655.0));
    EXPECT_EQ(f022.certainty, model::Certainty::estimate);  // a converted count is never documented
}

TEST(HouseholdRatio, AbsentWhenNoRecordStatesPeople) {
    EXPECT_FALSE(model::derive_household_ratio(io::read_flows(test::data_dir() / "mini_flows.csv")));
}

namespace {
// The text layer of a PDF drawn with --households-as-people in a language.
std::string households_map_text(const std::string& language) {
    const auto dir = test::scratch_dir("households_as_people_" + language);
    const auto result = test::run_cli(
        {"render", "--households-as-people", "--lang", language, "--dpi", "30", "-o", (dir / "m.pdf").string()});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    const std::string command = "pdftotext " + (dir / "m.pdf").string() + " -";
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
    if (!pipe) return {};
    std::string text;
    char buffer[4096];
    while (const auto n = fread(buffer, 1, sizeof buffer, pipe.get())) text.append(buffer, n);
    return text;
}
}  // namespace

TEST(HouseholdRatio, RenderSaysSoOnTheMap) {
    const std::string text = households_map_text("en");
    EXPECT_THAT(text, ::testing::HasSubstr("Assumption"));
    EXPECT_THAT(text, ::testing::HasSubstr("4.42"));
}

TEST(HouseholdRatio, TheAssumptionIsStatedInTheMapsLanguage) {
    const std::string ru = households_map_text("ru");
    EXPECT_THAT(ru, ::testing::HasSubstr("Допущение"));
    EXPECT_THAT(ru, ::testing::HasSubstr("4.42"));
    EXPECT_THAT(ru, ::testing::Not(::testing::HasSubstr("Assumption")));
    const std::string kk = households_map_text("kk");
    EXPECT_THAT(kk, ::testing::HasSubstr("Болжам"));
    EXPECT_THAT(kk, ::testing::Not(::testing::HasSubstr("Assumption")));
}

TEST(Geometry, SimplifyKeepsTheEndsAndStaysWithinTheTolerance) {
    layout::PagePath arc;
    for (int i = 0; i <= 400; ++i) {
        const double t = i / 400.0 * 3.14159;
        arc.push_back({50 * std::cos(t), 50 * std::sin(t)});
    }
    const auto simplified = layout::simplify(arc, 0.01);
    EXPECT_LT(simplified.size(), arc.size() / 3);
    EXPECT_GT(simplified.size(), 10U);
    EXPECT_EQ(simplified.front().x, arc.front().x);
    EXPECT_EQ(simplified.back().y, arc.back().y);
    // Every dropped point lies within the tolerance of the simplified line.
    for (const auto& p : arc) {
        double nearest = 1e9;
        for (std::size_t i = 1; i < simplified.size(); ++i)
            nearest = std::min(nearest, layout::squared_distance_to_segment(p, simplified[i - 1], simplified[i]));
        EXPECT_LE(std::sqrt(nearest), 0.01 + 1e-12);
    }
    const layout::PagePath straight{{0, 0}, {1, 0}, {2, 0}, {3, 0}};
    EXPECT_EQ(layout::simplify(straight, 0.01).size(), 2U);
}
