// What a mark says (issue 17, "Meaning"): each outcome its own end mark with its own legend row, and
// each unit its own width scale with its own key. Checked on the layout report and on the pixels.
#include <cairo.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <numbers>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "config/style.hpp"
#include "layout/draw_order.hpp"
#include "layout/flow_layout.hpp"
#include "layout/geometry.hpp"
#include "layout/label_layout.hpp"
#include "layout/leaders.hpp"
#include "layout/legend_layout.hpp"
#include "layout/quality.hpp"
#include "layout/scene.hpp"
#include "layout/scene_parts.hpp"
#include "render/scene_painter.hpp"
#include "test_support.hpp"

namespace steppeflow {
namespace {

using json = nlohmann::json;

constexpr double kPixelsPerMm = 40;

// One straight flow of 1 mm from (5, 5) to (25, 5), ending as a movement of this outcome ends,
// painted alone at 40 pixels per millimetre; the pixels (0xrrggbb) around its end.
struct PaintedEnd {
    std::vector<unsigned> pixels;
    int width = 0;
    [[nodiscard]] unsigned at(double x_mm, double y_mm) const {
        return pixels[static_cast<std::size_t>(std::lround(y_mm * kPixelsPerMm)) * static_cast<std::size_t>(width) +
                      static_cast<std::size_t>(std::lround(x_mm * kPixelsPerMm))];
    }
};

PaintedEnd paint_scene(const layout::Scene& scene);

// For a look at the pixels while writing a test.
void dump_png(const PaintedEnd& image, const std::string& path) {
    const int h = static_cast<int>(image.pixels.size()) / image.width;
    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, image.width, h);
    cairo_surface_flush(surface);
    auto* data = cairo_image_surface_get_data(surface);
    const int stride = cairo_image_surface_get_stride(surface);
    for (int y = 0; y < h; ++y) {
        auto* row = reinterpret_cast<std::uint32_t*>(data + static_cast<std::ptrdiff_t>(y) * stride);
        for (int x = 0; x < image.width; ++x) row[x] = image.pixels[static_cast<std::size_t>(y * image.width + x)];
    }
    cairo_surface_mark_dirty(surface);
    cairo_surface_write_to_png(surface, path.c_str());
    cairo_surface_destroy(surface);
}

PaintedEnd paint_end(model::Status status) {
    layout::Scene scene;
    scene.page_width_mm = 30;
    scene.page_height_mm = 10;
    scene.map_frame = {0, 0, 30, 10};
    layout::FlowShape flow;
    flow.flow_id = "X";
    flow.centre_line = {{5, 5}, {25, 5}};
    flow.width_mm = 1.0;
    flow.unit = model::Unit::people;
    flow.status = status;
    // As the layout sizes them: a head or a chevron has the arrowhead's size, other marks none.
    const bool headed = model::arrived(status) || status == model::Status::attempted;
    flow.arrow_length_mm = headed ? layout::arrow_length_for(1.0) : 0;
    flow.arrow_width_mm = headed ? layout::arrow_width_for(1.0) : 0;
    scene.flows.push_back(flow);
    PaintedEnd out = paint_scene(scene);
    if (std::getenv("STEPPEFLOW_DUMP_ENDS") != nullptr)
        dump_png(out, "/tmp/end_" + std::string(model::to_string(status)) + ".png");
    return out;
}

PaintedEnd paint_scene(const layout::Scene& scene) {
    const int w = static_cast<int>(scene.page_width_mm * kPixelsPerMm);
    const int h = static_cast<int>(scene.page_height_mm * kPixelsPerMm);
    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
    cairo_t* paper = cairo_create(surface);  // the painter leaves the page's ground to the writer
    cairo_set_source_rgb(paper, 1, 1, 1);
    cairo_paint(paper);
    cairo_destroy(paper);
    render::paint_on(surface, scene, kPixelsPerMm, "end.png");
    cairo_surface_flush(surface);
    PaintedEnd out;
    out.width = w;
    const int stride = cairo_image_surface_get_stride(surface);
    const unsigned char* data = cairo_image_surface_get_data(surface);
    for (int y = 0; y < h; ++y) {
        const auto* row = reinterpret_cast<const std::uint32_t*>(data + static_cast<std::ptrdiff_t>(y) * stride);
        for (int x = 0; x < w; ++x) out.pixels.push_back(row[x] & 0xffffffU);
    }
    cairo_surface_destroy(surface);
    return out;
}

bool is_ink(unsigned pixel) {
    // The people colour (#d55e00) or near it, not the ground (water, with no basemap) or the casing.
    return ((pixel >> 16) & 0xffU) > 0xa0U && ((pixel >> 8) & 0xffU) < 0xa0U && (pixel & 0xffU) < 0x70U;
}
bool is_paper(unsigned pixel) { return !is_ink(pixel); }

// The pixels within 3 mm of the tip that differ between two ends.
int differing_pixels(const PaintedEnd& a, const PaintedEnd& b) {
    int differ = 0;
    for (double x = 22; x <= 27; x += 0.05) {
        for (double y = 2; y <= 8; y += 0.05) differ += is_ink(a.at(x, y)) != is_ink(b.at(x, y)) ? 1 : 0;
    }
    return differ;
}

// The default figure (no spec) rendered at 50 dpi: its layout report.
json default_figure_report(const std::string& name) {
    const auto dir = test::scratch_dir(name);
    const auto result = test::run_cli(
        {"render", "--dpi", "50", "-o", (dir / "map.png").string(), "--report", (dir / "map.json").string()});
    if (result.exit_code != 0) throw std::runtime_error("render failed: " + result.err);
    return json::parse(test::read_file(dir / "map.json"));
}

}  // namespace

TEST(Outcome, EachOutcomeEndsInAMarkOfItsOwn) {
    const std::array statuses{model::Status::crossed, model::Status::attempted, model::Status::detained,
                              model::Status::planned, model::Status::died};
    std::set<layout::EndMark> marks;
    for (const auto status : statuses) marks.insert(layout::end_mark_for(status));
    EXPECT_EQ(marks.size(), statuses.size()) << "two outcomes share a mark";
    EXPECT_EQ(layout::end_mark_for(model::Status::returned), layout::EndMark::arrowhead) << "a return arrives";

    // And they look different: every pair differs over at least 0.3 mm² around the end (a sample
    // every 0.05 mm: 120 samples).
    std::vector<PaintedEnd> painted;
    for (const auto status : statuses) painted.push_back(paint_end(status));
    for (std::size_t i = 0; i < painted.size(); ++i) {
        for (std::size_t j = i + 1; j < painted.size(); ++j) {
            EXPECT_GT(differing_pixels(painted[i], painted[j]), 120)
                << model::to_string(statuses[i]) << " and " << model::to_string(statuses[j]) << " look alike";
        }
    }
}

TEST(Outcome, AnAttemptIsAnOpenChevronNeitherAHeadNorABar) {
    const PaintedEnd crossed = paint_end(model::Status::crossed);
    const PaintedEnd attempted = paint_end(model::Status::attempted);
    const PaintedEnd detained = paint_end(model::Status::detained);
    // 1.5 mm before the tip, on the axis: inside a filled head; paper inside the chevron's arms.
    EXPECT_TRUE(is_ink(crossed.at(23.5, 5))) << std::hex << crossed.at(23.5, 5);
    EXPECT_TRUE(is_paper(attempted.at(23.5, 5))) << std::hex << attempted.at(23.5, 5);
    // The arms reach out beside the shaft, as a head would; a bar stands across the very end only.
    EXPECT_TRUE(is_ink(attempted.at(23.3, 5.6))) << std::hex << attempted.at(23.3, 5.6);
    EXPECT_TRUE(is_paper(detained.at(23.3, 5.6)));
    EXPECT_TRUE(is_ink(detained.at(25, 5.6)));
    EXPECT_TRUE(is_paper(attempted.at(25, 5.6)));
    // Its apex is where a head's tip would be, not beyond it.
    EXPECT_TRUE(is_paper(attempted.at(25.15, 5)));
    EXPECT_TRUE(is_ink(attempted.at(24.8, 5)));
}

TEST(Outcome, APlanIsARingWithPaperInside) {
    const PaintedEnd planned = paint_end(model::Status::planned);
    // The ring (radius 1.1 mm) ends at the tip: paper at its centre, ink on its rim, no line beyond.
    EXPECT_TRUE(is_paper(planned.at(23.9, 5))) << std::hex << planned.at(23.9, 5);
    EXPECT_TRUE(is_ink(planned.at(23.9, 3.9)));
    EXPECT_TRUE(is_ink(planned.at(22.8, 5)));
    EXPECT_TRUE(is_paper(planned.at(25.3, 5)));
}

// The shipped default figure has attempts, detentions and plans: each keyed by a row of its own,
// none left to a shared "stopped" row; the report counts flows whose mark no row explains.
TEST(Outcome, TheDefaultFigureKeysEveryOutcomeItDraws) {
    const json report = default_figure_report("outcome_keys");
    std::set<std::string> drawn;
    for (const auto& flow : report["flows"]) drawn.insert(flow["end_mark"].get<std::string>());
    EXPECT_THAT(drawn, ::testing::IsSupersetOf({"arrowhead", "chevron", "bar", "ring"}));
    std::map<std::string, std::string> keyed;  // mark → legend text
    for (const auto& entry : report["legend"]["entries"]) {
        if (entry.contains("end_mark") && entry["end_mark"] != "arrowhead")
            keyed[entry["end_mark"].get<std::string>()] = entry["text"].get<std::string>();
    }
    EXPECT_EQ(keyed["chevron"], "attempted, outcome not stated");
    EXPECT_EQ(keyed["bar"], "detained");
    EXPECT_EQ(keyed["ring"], "planned");
    EXPECT_EQ(report["quality"]["outcomes_not_keyed"], 0);
}

TEST(Outcome, AMapWhoseLegendMergesOutcomesIsCounted) {
    layout::Scene scene;
    layout::FlowShape attempted;
    attempted.flow_id = "A";
    attempted.status = model::Status::attempted;
    attempted.centre_line = {{1, 1}, {9, 1}};
    scene.flows.push_back(attempted);
    layout::LegendRow row;
    row.sample = layout::LegendRow::Sample::flow;
    row.flow.status = model::Status::detained;
    row.keys_outcome = true;
    row.text = "stopped: detained, attempted, planned";
    scene.legend.rows.push_back(row);
    EXPECT_EQ(layout::measure_quality(scene).outcomes_not_keyed, 1);
    row.flow.status = model::Status::attempted;
    scene.legend.rows.push_back(row);
    EXPECT_EQ(layout::measure_quality(scene).outcomes_not_keyed, 0);
}

// Units (issue 17): 500 households are not 500 people. Each unit has a scale of its own, its largest
// count drawn at the widest line, and a key of its own.
TEST(Units, EachUnitHasItsOwnScaleAndItsOwnKey) {
    const layout::WidthScales scales({{model::Unit::people, 1000}, {model::Unit::households, 100}}, 4.0, 0.35);
    EXPECT_DOUBLE_EQ(scales.width_for(model::Unit::people, 1000), 4.0);
    EXPECT_DOUBLE_EQ(scales.width_for(model::Unit::households, 100), 4.0);
    EXPECT_DOUBLE_EQ(scales.width_for(model::Unit::people, 500), 2.0);
    EXPECT_DOUBLE_EQ(scales.width_for(model::Unit::households, 50), 2.0);

    const json report = default_figure_report("unit_keys");
    std::vector<std::string> headings;
    for (const auto& entry : report["legend"]["entries"]) {
        if (entry.value("heading", false)) headings.push_back(entry["text"]);
    }
    // The default figure counts in people, households and families: three keys, no shared one.
    EXPECT_THAT(headings, ::testing::IsSupersetOf({"People", "Households (farms)", "Families"}));
    EXPECT_THAT(headings, ::testing::Not(::testing::Contains("Number stated")));
    EXPECT_THAT(headings, ::testing::Not(::testing::Contains("Unit"))) << "the keys show the colours";
    // Each unit's largest flow is drawn at the widest line: F015 700 people, F023 500 households,
    // F014 600 families (the default figure's largest of each).
    std::map<std::string, double> widths;
    for (const auto& flow : report["flows"]) widths[flow["id"]] = flow["width_mm"];
    EXPECT_DOUBLE_EQ(widths["F015"], widths["F023"]);
    EXPECT_DOUBLE_EQ(widths["F015"], widths["F014"]);
    EXPECT_GT(widths["F015"], 3.0);
}

// Below a count every flow is drawn at the least width; the key says where, instead of samples that
// would all look alike.
TEST(Units, TheKeySaysWhichCountsShareTheMinimumWidth) {
    const layout::WidthScale scale(697, 4.0, 0.35);
    EXPECT_NEAR(scale.largest_at_minimum(), 61.0, 0.1);
    EXPECT_DOUBLE_EQ(scale.width_for(60), 0.35);
    EXPECT_GT(scale.width_for(61.5), 0.35);
    const layout::WidthScale root(1000, 4.0, 0.35, layout::WidthMode::sqrt);
    EXPECT_DOUBLE_EQ(root.width_for(root.largest_at_minimum()), 0.35);
    EXPECT_GT(root.width_for(root.largest_at_minimum() * 1.01), 0.35);

    const json report = default_figure_report("minimum_key");
    int minimum_rows = 0;
    for (const auto& entry : report["legend"]["entries"]) {
        const std::string text = entry["text"];
        if (text.find(": minimum width") == std::string::npos) continue;
        ++minimum_rows;
        EXPECT_THAT(text, ::testing::StartsWith("\u2264 "));
        EXPECT_DOUBLE_EQ(entry["flow_width_mm"].get<double>(), 0.35) << text;
    }
    // People (F012: one person), households (F035: 50) and families (F004: 10) each have flows at it.
    EXPECT_EQ(minimum_rows, 3);
}

namespace {

// sRGB → CIELAB (D65), and the sRGB a deuteranope sees (Machado, Oliveira and Fernandes 2009,
// severity 1), to measure how far apart two colours look.
struct Lab {
    double l, a, b;
};
double linear(double c) { return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); }
double gamma(double c) {
    c = std::clamp(c, 0.0, 1.0);
    return c <= 0.0031308 ? 12.92 * c : 1.055 * std::pow(c, 1 / 2.4) - 0.055;
}
Lab lab_of(const config::Rgb& c) {
    const double r = linear(c.r), g = linear(c.g), b = linear(c.b);
    const double x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
    const double y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    const double z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
    const auto f = [](double t) { return t > 0.008856 ? std::cbrt(t) : 7.787 * t + 16.0 / 116; };
    return {116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))};
}
config::Rgb as_deuteranope(const config::Rgb& c) {
    const double r = linear(c.r), g = linear(c.g), b = linear(c.b);
    return {gamma(0.367322 * r + 0.860646 * g - 0.227968 * b), gamma(0.280085 * r + 0.672501 * g + 0.047413 * b),
            gamma(-0.011820 * r + 0.042940 * g + 0.968881 * b)};
}
double apart(const config::Rgb& p, const config::Rgb& q) {
    const Lab a = lab_of(p), b = lab_of(q);
    return std::hypot(a.l - b.l, a.a - b.a, a.b - b.b);
}

}  // namespace

// Colours (issue 17): the old year palette had pairs a deuteranope could hardly tell apart, and its
// blue was the households' blue. Measured for the default palette: 27 apart at least under deuteranopia, 37
// in normal vision, 22 from the nearest unit colour.
TEST(Colours, TheDefaultYearsAreApartUnderDeuteranopiaAndFromTheUnitColours) {
    const config::ColourStyle colours;
    ASSERT_EQ(colours.periods.size(), 6U);
    for (std::size_t i = 0; i < colours.periods.size(); ++i) {
        for (std::size_t j = i + 1; j < colours.periods.size(); ++j) {
            EXPECT_GT(apart(colours.periods[i], colours.periods[j]), 30) << i << " " << j;
            EXPECT_GT(apart(as_deuteranope(colours.periods[i]), as_deuteranope(colours.periods[j])), 25)
                << i << " " << j;
        }
        for (const auto& unit : {colours.people, colours.households, colours.families, colours.unknown_unit})
            EXPECT_GT(apart(colours.periods[i], unit), 20) << i;
    }
    // The old palette fails this measure: its blue and purple (1929 and 1931 when a figure showed
    // 1928-1933) are 10 apart to a deuteranope; its red and green, 21.
    EXPECT_LT(apart(as_deuteranope(config::hex_colour(0x377eb8)), as_deuteranope(config::hex_colour(0x984ea3))), 12);
}

// A year has one colour in every figure, whichever years the figure shows: 1930 and 1931 in the
// Tarbagatai figure (two years) are as in the overview by year (three).
TEST(Colours, AYearKeepsItsColourInEveryFigure) {
    const auto dir = test::scratch_dir("year_colours");
    std::map<std::string, std::map<std::string, std::string>> colour_of;  // figure → year → colour
    for (const std::string name : {"overview_by_year", "tarbagatai_1930_1931"}) {
        const auto spec = test::spec_writing_into(test::source_dir() / "figures" / (name + ".toml"), dir);
        const auto report = dir / (name + ".json");
        const auto result = test::run_cli({"render", spec.string(), "--dpi", "30", "--report", report.string()});
        ASSERT_EQ(result.exit_code, 0) << result.err;
        const json parsed = json::parse(test::read_file(report));
        for (const auto& entry : parsed["legend"]["entries"]) {
            if (entry.contains("period")) colour_of[name][entry["period"]] = entry["colour"];
        }
        // Every flow of a year is drawn in its legend row's colour.
        for (const auto& flow : parsed["flows"]) {
            if (flow.contains("period")) EXPECT_EQ(flow["colour"], colour_of[name][flow["period"]]) << flow["id"];
        }
    }
    EXPECT_THAT(colour_of["overview_by_year"], ::testing::Contains(::testing::Key("1928")));
    for (const std::string year : {"1930", "1931"}) {
        ASSERT_TRUE(colour_of["tarbagatai_1930_1931"].contains(year)) << year;
        EXPECT_EQ(colour_of["tarbagatai_1930_1931"][year], colour_of["overview_by_year"][year]) << year;
    }
    EXPECT_NE(colour_of["overview_by_year"]["1930"], colour_of["overview_by_year"]["1931"]);
    // And from the style: 1930 is the palette's third colour (first_period_year 1928).
    EXPECT_EQ(colour_of["overview_by_year"]["1930"], "#332288");
    EXPECT_EQ(config::colour_of_year(config::ColourStyle{}, 1930), config::hex_colour(0x332288));
    EXPECT_EQ(config::colour_of_year(config::ColourStyle{}, 1936), config::hex_colour(0x332288)) << "it cycles";
    EXPECT_EQ(config::colour_of_year(config::ColourStyle{}, 1916), config::hex_colour(0x882255)) << "before it too";
}

// Vague places (issue 17): a place the sources locate only to ±30 km or worse (Akchauli "at"
// Semipalatinsk, ±400 km; Tabyn and Kuste, ±60 km) is drawn with a dashed ring of its precision, and
// the legend says what the ring means; a district centre located to ±20 km is drawn as a plain dot.
TEST(VaguePlaces, APlaceLocatedOnlyRoughlyIsDrawnWithTheRingOfItsPrecision) {
    const auto dir = test::scratch_dir("rough_places");
    const auto spec = test::spec_writing_into(test::source_dir() / "figures" / "overview.toml", dir);
    const auto report_path = dir / "overview.json";
    const auto result = test::run_cli({"render", spec.string(), "--dpi", "30", "--report", report_path.string()});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const json report = json::parse(test::read_file(report_path));
    std::map<std::string, json> places;
    for (const auto& place : report["places"]) places[place["id"]] = place;
    ASSERT_TRUE(places.contains("akchauli_aul_council"));
    ASSERT_TRUE(places.contains("tabyn"));
    ASSERT_TRUE(places.contains("ayaguz_district"));
    EXPECT_EQ(places["akchauli_aul_council"]["precision_km"], 400);
    EXPECT_DOUBLE_EQ(places["akchauli_aul_council"]["uncertainty_mm"].get<double>(), 12.0) << "at most 12 mm";
    // Tabyn, ±60 km, at the map's scale (the scale bar's, true at the centre; equal-area, so within 10 %).
    const double mm_per_km =
        report["scale_bar"]["length_mm"].get<double>() / report["scale_bar"]["kilometres"].get<double>();
    const double tabyn = places["tabyn"]["uncertainty_mm"];
    EXPECT_NEAR(tabyn, 60 * mm_per_km, 6 * mm_per_km);
    EXPECT_GT(tabyn, places["tustukbayev"]["uncertainty_mm"].get<double>()) << "60 km is a wider ring than 50 km";
    EXPECT_EQ(places["ayaguz_district"]["uncertainty_mm"], 0) << "±20 km: a plain dot";
    EXPECT_EQ(places["semipalatinsk_okrug"]["uncertainty_mm"], 0) << "an okrug's precision is its size";
    EXPECT_EQ(report["quality"]["rough_places_drawn_exact"], 0);
    bool keyed = false;
    for (const auto& entry : report["legend"]["entries"])
        keyed = keyed || entry["text"] == "located to \u00b130 km or worse (ring)";
    EXPECT_TRUE(keyed);
}

TEST(VaguePlaces, ARoughPlaceWithoutItsRingIsCounted) {
    layout::Scene scene;
    layout::PlaceSymbol tabyn{"tabyn", model::PlaceKind::village, {10, 10}, 0.7};
    tabyn.precision_km = 60;
    scene.places.push_back(tabyn);
    EXPECT_EQ(layout::measure_quality(scene).rough_places_drawn_exact, 1);
    scene.places.back().uncertainty_mm = 3;
    EXPECT_EQ(layout::measure_quality(scene).rough_places_drawn_exact, 0);
}

// Schematic crossings (issue 17): F015 (700 people, Semipalatinsk okrug towards China) names no
// crossing point, so where it meets the border is the layout's choice: its last stretch is drawn
// broken and keyed. F024 crossed at a named outpost (Uryl) and is drawn whole.
TEST(VaguePlaces, ACrossingPointTheSourcesDoNotNameIsDrawnBrokenAndKeyed) {
    const auto dir = test::scratch_dir("schematic_crossings");
    const auto spec = test::spec_writing_into(test::source_dir() / "figures" / "overview.toml", dir);
    const auto report_path = dir / "overview.json";
    const auto result = test::run_cli({"render", spec.string(), "--dpi", "30", "--report", report_path.string()});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const json report = json::parse(test::read_file(report_path));
    std::map<std::string, json> flows;
    for (const auto& flow : report["flows"]) flows[flow["id"]] = flow;
    EXPECT_DOUBLE_EQ(flows["F015"]["schematic_end_mm"].get<double>(), 6.0);
    EXPECT_EQ(flows["F024"]["schematic_end_mm"], 0) << "crossed at the Uryl outpost";
    EXPECT_GT(flows["F012"]["schematic_end_mm"].get<double>(), 0) << "from Sarbel, no crossing point named";
    EXPECT_EQ(report["quality"]["schematic_crossings_drawn_as_known"], 0);
    bool keyed = false;
    for (const auto& entry : report["legend"]["entries"])
        keyed = keyed || entry["text"] == "crossing point not stated (broken end)";
    EXPECT_TRUE(keyed);

    layout::Scene scene;
    layout::FlowShape into_china;
    into_china.target = layout::TargetKind::area;
    into_china.centre_line = {{0, 0}, {20, 0}};
    scene.flows.push_back(into_china);
    EXPECT_EQ(layout::measure_quality(scene).schematic_crossings_drawn_as_known, 1);
    scene.flows.back().crossing_stated = true;
    EXPECT_EQ(layout::measure_quality(scene).schematic_crossings_drawn_as_known, 0);
}

// Records that may count the same people twice (issue 17): F015 (700 people from the Semipalatinsk
// okrug) and F016/F017 (250 and 400 from its Kokpekty district), all on 6 August 1930, towards China;
// the source does not say whether the 700 include them. validate notes it; a map drawing them says it
// in its subtitle, with the figures as stated (never added or subtracted).
TEST(VaguePlaces, FiguresThatMayCountTheSamePeopleTwiceAreNotedOnTheMap) {
    const auto dir = test::scratch_dir("possible_overlaps");
    const auto spec = test::spec_writing_into(test::source_dir() / "figures" / "overview.toml", dir);
    const auto result = test::run_cli({"render", spec.string(), "--dpi", "30", "-o", (dir / "map.pdf").string()});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const auto text = test::run_cli({"validate"});
    EXPECT_THAT(text.out + text.err,
                ::testing::HasSubstr("note: F015 (700, from semipalatinsk_okrug) may include F016, F017"));
    ASSERT_EQ(test::run_shell("pdftotext -layout " + (dir / "map.pdf").string() + " " + (dir / "map.txt").string()), 0);
    std::string pdf = test::read_file(dir / "map.txt");
    std::string flat;  // the subtitle wraps: its words on one line
    for (const char c : pdf) {
        if (c == '\n' || c == ' ') {
            if (!flat.empty() && flat.back() != ' ') flat += ' ';
        } else {
            flat += c;
        }
    }
    EXPECT_THAT(flat, ::testing::HasSubstr("Possibly counted twice: 700 people (Semipalatinsk okrug) may include 250 "
                                           "and 400 (Kokpekty district), of the same dates; the sources do not say"));
    EXPECT_THAT(flat, ::testing::Not(::testing::HasSubstr("1 350"))) << "never added";
    EXPECT_THAT(flat, ::testing::Not(::testing::HasSubstr("1350")));
}

// Drawing defects the eye sees (issue 17), counted in the layout report's quality section.
TEST(DrawingQuality, AShortWideFlowIsCountedAsABlob) {
    layout::Scene scene;
    layout::FlowShape blob;  // F021 in the overview: 2.9 mm wide, 2.8 mm long
    blob.flow_id = "F021";
    blob.width_mm = 2.9;
    blob.arrow_length_mm = 5.2;
    blob.centre_line = {{10, 10}, {12.8, 10}};
    scene.flows.push_back(blob);
    layout::FlowShape arrow = blob;  // the same width over 20 mm: an arrow
    arrow.flow_id = "long";
    arrow.centre_line = {{10, 20}, {30, 20}};
    scene.flows.push_back(arrow);
    EXPECT_THAT(layout::measure_quality(scene).blob_flows, ::testing::ElementsAre("F021"));
}

// The default figure draws Zharkent's 500 households (F021, 2.8 mm from the border at 4 mm wide) as a
// disc and keys it; a disc on a map whose legend has no disc row is counted.
TEST(DrawingQuality, AShortFlowIsADiscAndTheLegendKeysIt) {
    const json report = default_figure_report("short_flow_disc");
    bool disc = false;
    for (const auto& hub : report.value("hubs", json::array()))
        disc = disc || (hub["id"] == "F021" && hub.value("short_flow", false));
    EXPECT_TRUE(disc);
    for (const auto& flow : report["flows"]) {
        if (flow["id"] == "F021") EXPECT_EQ(flow["part"], "from_disc");
    }
    std::string keyed;
    for (const auto& entry : report["legend"]["entries"]) {
        if (entry.contains("disc") && entry["disc"]["line"] == "from_disc") keyed = entry["text"].get<std::string>();
    }
    EXPECT_EQ(keyed, "short movement: disc of its width");
    EXPECT_EQ(report["quality"]["blob_flows"], 0);
    EXPECT_EQ(report["quality"]["discs_not_keyed"], 0);

    layout::Scene scene;
    layout::FlowShape line;
    line.flow_id = "F021";
    line.part = layout::FlowPart::from_disc;
    line.centre_line = {{1, 1}, {9, 1}};
    scene.flows.push_back(line);
    layout::LegendRow row;
    row.sample = layout::LegendRow::Sample::hub;  // a hub's row: one figure, several places
    row.flow.part = layout::FlowPart::branch;
    scene.legend.rows.push_back(row);
    EXPECT_EQ(layout::measure_quality(scene).discs_not_keyed, 1);
    scene.legend.rows.back().flow.part = layout::FlowPart::from_disc;
    EXPECT_EQ(layout::measure_quality(scene).discs_not_keyed, 0);
}

TEST(DrawingQuality, AnEndUnderALaterFlowIsCountedAsHidden) {
    layout::Scene scene;
    layout::FlowShape wide;  // drawn first (wider beneath narrower), its end under the narrow one
    wide.flow_id = "F036";
    wide.width_mm = 3;
    wide.centre_line = {{0, 10}, {20, 10}};
    layout::FlowShape narrow;
    narrow.flow_id = "F031";
    narrow.width_mm = 1.0;
    narrow.centre_line = {{20, 0}, {20, 30}};
    scene.flows = {wide, narrow};
    EXPECT_THAT(layout::measure_quality(scene).hidden_ends, ::testing::ElementsAre("F036"));
    scene.flows[1].centre_line = {{25, 0}, {25, 30}};  // moved 5 mm off: the end shows
    EXPECT_TRUE(layout::measure_quality(scene).hidden_ends.empty());

    // A head tapers to its tip: an end beside the tip shows, one beside the head's base does not.
    layout::FlowShape headed;
    headed.flow_id = "F014";
    headed.width_mm = 4;
    headed.arrow_length_mm = 7;
    headed.arrow_width_mm = 6.5;
    headed.centre_line = {{0, 0}, {20, 0}};
    layout::FlowShape near_tip;
    near_tip.flow_id = "F009";
    near_tip.centre_line = {{19.5, 10}, {19.5, 1.5}};
    EXPECT_FALSE(layout::end_hidden_under(near_tip, headed, 0.2));
    near_tip.centre_line = {{14, 10}, {14, 2.3}};
    EXPECT_TRUE(layout::end_hidden_under(near_tip, headed, 0.2));
}

// Every end visible: a wide flow whose head lies under a narrower one is painted above it; flows
// that cover nothing keep wider beneath narrower.
TEST(DrawingQuality, AFlowOverAnotherFlowsEndIsPaintedBeneathIt) {
    layout::FlowShape wide;
    wide.flow_id = "F036";
    wide.width_mm = 3;
    wide.centre_line = {{0, 10}, {20, 10}};
    layout::FlowShape narrow;  // crosses the wide one's tip
    narrow.flow_id = "F031";
    narrow.width_mm = 1.0;
    narrow.centre_line = {{20, 0}, {20, 30}};
    layout::FlowShape apart;  // crosses nothing's end
    apart.flow_id = "F040";
    apart.width_mm = 2.0;
    apart.centre_line = {{40, 0}, {40, 30}};
    std::vector<layout::FlowShape> shapes{narrow, apart, wide};
    layout::order_for_visible_ends(shapes, 0.2);
    std::vector<std::string> order;
    for (const auto& shape : shapes) order.push_back(shape.flow_id);
    EXPECT_THAT(order, ::testing::ElementsAre("F040", "F031", "F036"));
    layout::Scene scene;
    scene.page_width_mm = 60;
    scene.page_height_mm = 40;
    scene.flows = shapes;
    EXPECT_TRUE(layout::measure_quality(scene).hidden_ends.empty());

    // Two flows ending on each other: no order shows both ends, the width order stands.
    layout::FlowShape back = narrow;
    back.flow_id = "F032";
    back.centre_line = {{20, 30}, {20, 10}};
    back.width_mm = 1.0;
    std::vector<layout::FlowShape> both{back, wide};
    layout::order_for_visible_ends(both, 0.2);
    EXPECT_EQ(both.front().flow_id, "F036");
}

TEST(DrawingQuality, ALabelNearerAnotherSymbolIsCountedAndThePlacementAvoidsIt) {
    layout::Scene scene;
    scene.places = {{"a", model::PlaceKind::district, {10, 10}, 1.0}, {"b", model::PlaceKind::district, {16, 10}, 1.0}};
    layout::Label label;
    label.kind = layout::Label::Kind::place;
    label.text = "A";
    label.place_id = "a";
    label.box = {13.5, 9, 2, 2};  // between them, nearer b's edge than a's
    scene.labels.push_back(label);
    EXPECT_THAT(layout::measure_quality(scene).misattached_labels, ::testing::ElementsAre("A"));
    scene.labels.back().box = {5, 9, 3.5, 2};  // left of a
    EXPECT_TRUE(layout::measure_quality(scene).misattached_labels.empty());

    // Placed by the label layout: with the near ring around a taken (a reserved box), the preferred
    // far position (right) would sit nearer b than a; the name goes to the far left instead.
    const auto measure = [](const std::string& text, double, bool, double) {
        return layout::TextSize{1.2 * static_cast<double>(text.size()), 2.0};
    };
    const std::vector<layout::PlaceSymbol> symbols{{"a", model::PlaceKind::district, {10, 10}, 1.0},
                                                   {"b", model::PlaceKind::district, {19, 10}, 1.0}};
    layout::LabelRequest request;
    request.text = "AAA";
    request.place_id = "a";
    request.anchor = {10, 10};
    request.clearance_mm = 1.0;
    request.kind = layout::Label::Kind::place;
    const auto placed = layout::place_labels({request}, symbols, {0, 0, 40, 20}, measure, {{6.5, 6, 7, 8}}, {});
    ASSERT_EQ(placed.placed.size(), 1U);
    EXPECT_LT(placed.placed[0].box.x + placed.placed[0].box.width, 10.0) << "set left of its symbol";
}

// Labels belong to their symbol (issue 17): a name set nearer another symbol gets a leader to its own,
// and no longer counts as misattached; a symbol moved off its place by more than its size gets one
// from a dot at its true position.
TEST(DrawingQuality, ANameNearerAnotherSymbolHasALeaderToItsOwn) {
    layout::Scene scene;
    scene.page_width_mm = 40;
    scene.page_height_mm = 20;
    scene.places = {{"a", model::PlaceKind::district, {10, 10}, 1.0}, {"b", model::PlaceKind::district, {16, 10}, 1.0}};
    layout::Label label;
    label.kind = layout::Label::Kind::place;
    label.text = "A";
    label.place_id = "a";
    label.box = {13.5, 9, 2, 2};  // between them, nearer b's edge than a's
    scene.labels.push_back(label);
    ASSERT_THAT(layout::measure_quality(scene).misattached_labels, ::testing::ElementsAre("A"));
    layout::add_label_leaders(scene);
    const auto& leader = scene.labels.front().leader;
    ASSERT_EQ(leader.size(), 2U);
    EXPECT_NEAR(layout::distance(leader.back(), {10, 10}), 1.0, 1e-9) << "ends at its own symbol's rim";
    EXPECT_LT(leader.front().x, 13.5) << "starts outside the text";
    EXPECT_GT(leader.front().x, 13.0);
    EXPECT_TRUE(layout::measure_quality(scene).misattached_labels.empty());

    // A label beside its own symbol gets none.
    scene.labels.front().leader.clear();
    scene.labels.front().box = {5, 9, 3.5, 2};
    layout::add_label_leaders(scene);
    EXPECT_TRUE(scene.labels.front().leader.empty());

    layout::PlaceSymbol moved{"c", model::PlaceKind::village, {20, 10}, 0.7};
    moved.true_centre = layout::Point{21.0, 10};  // moved 1 mm: its true point lies outside its 0.7 mm
    EXPECT_TRUE(layout::needs_position_leader(moved));
    moved.true_centre = layout::Point{20.5, 10};  // under the symbol still
    EXPECT_FALSE(layout::needs_position_leader(moved));
}

// The leader is drawn: dark ink halfway along it, none where the same scene without it has none.
TEST(DrawingQuality, ALeaderIsPaintedFromTheNameToItsSymbol) {
    layout::Scene scene;
    scene.page_width_mm = 30;
    scene.page_height_mm = 20;
    scene.map_frame = {0, 0, 30, 20};
    scene.places = {{"a", model::PlaceKind::district, {5, 10}, 1.0}};
    layout::Label label;
    label.kind = layout::Label::Kind::place;
    label.text = "A";
    label.place_id = "a";
    label.box = {20, 9, 2, 2};
    label.leader = layout::leader_to_symbol(label.box, scene.places.front());
    scene.labels.push_back(label);
    const auto dark = [](unsigned pixel) { return ((pixel >> 16) & 0xffU) < 0x60U && (pixel & 0xffU) < 0x60U; };
    EXPECT_TRUE(dark(paint_scene(scene).at(12.5, 10.0))) << "ink halfway along the leader";
    scene.labels.front().leader.clear();
    EXPECT_FALSE(dark(paint_scene(scene).at(12.5, 10.0)));
}

// A name with every near position taken stands on the far ring with a leader, not left out; a far
// position whose leader would cross another symbol is not taken.
TEST(DrawingQuality, ANameWithNoRoomNearItsSymbolStandsFartherWithALeader) {
    const auto measure = [](const std::string& text, double, bool, double) {
        return layout::TextSize{1.2 * static_cast<double>(text.size()), 2.0};
    };
    const std::vector<layout::PlaceSymbol> symbols{{"a", model::PlaceKind::district, {30, 30}, 1.0}};
    layout::LabelRequest request;
    request.text = "AAA";
    request.place_id = "a";
    request.anchor = {30, 30};
    request.clearance_mm = 1.0;
    request.kind = layout::Label::Kind::place;
    const std::vector<layout::Box> taken{{22, 22, 16, 16}};  // every near position, 6 mm round the symbol
    auto placed = layout::place_labels({request}, symbols, {0, 0, 60, 60}, measure, taken, {});
    ASSERT_EQ(placed.placed.size(), 1U);
    EXPECT_TRUE(placed.unplaced.empty());
    layout::Scene scene;
    scene.page_width_mm = 60;
    scene.page_height_mm = 60;
    scene.places = symbols;
    scene.labels = placed.placed;
    layout::add_label_leaders(scene);
    EXPECT_FALSE(scene.labels.front().leader.empty()) << "joined to its symbol";

    // With a symbol on every far leader's way, it is left out rather than seem to name that symbol.
    std::vector<layout::PlaceSymbol> ringed = symbols;
    for (int k = 0; k < 16; ++k) {
        const double angle = k * std::numbers::pi / 8;
        ringed.push_back({"o" + std::to_string(k),
                          model::PlaceKind::village,
                          {30 + 3.2 * std::cos(angle), 30 + 3.2 * std::sin(angle)},
                          0.9});
    }
    placed = layout::place_labels({request}, ringed, {0, 0, 60, 60}, measure, taken, {});
    EXPECT_TRUE(placed.placed.empty());
}

// The default figure: Sarbel's name, set below the Zharkent cluster, is joined to Sarbel by a leader.
TEST(DrawingQuality, TheDefaultFigureJoinsEveryMisplacedNameToItsSymbol) {
    const json report = default_figure_report("leaders");
    EXPECT_EQ(report["quality"]["misattached_labels"], 0) << report["quality"]["labels_nearer_another_symbol"];
    int leaders = 0;
    for (const auto& label : report["labels"]) leaders += label.contains("leader") ? 1 : 0;
    EXPECT_GE(leaders, 1);
}

// The English and Russian figures draw the same map (issue 17): the legend beside the map is as wide
// as its widest wording, its long rows wrapping within its column, so the map frame and every flow
// are the same, to a hundredth of a millimetre.
TEST(Language, TheEnglishAndRussianOverviewsLayOutTheSameFlows) {
    const auto dir = test::scratch_dir("same_layout");
    json reports[2];
    int k = 0;
    for (const char* name : {"overview", "overview_ru"}) {
        const auto spec = test::spec_writing_into(test::source_dir() / "figures" / (std::string(name) + ".toml"), dir);
        const auto report = dir / (std::string(name) + "_same.json");
        const auto result = test::run_cli({"render", spec.string(), "--dpi", "30", "--report", report.string()});
        ASSERT_EQ(result.exit_code, 0) << result.err;
        reports[k++] = json::parse(test::read_file(report));
    }
    const json& en = reports[0];
    const json& ru = reports[1];
    EXPECT_EQ(en["map_frame"]["width"], ru["map_frame"]["width"]);
    EXPECT_EQ(en["map_frame"]["height"], ru["map_frame"]["height"]);
    ASSERT_EQ(en["flows"].size(), ru["flows"].size());
    for (std::size_t i = 0; i < en["flows"].size(); ++i) {
        const auto& a = en["flows"][i];
        const auto& b = ru["flows"][i];
        EXPECT_EQ(a["id"], b["id"]);
        ASSERT_EQ(a["centre_line"].size(), b["centre_line"].size()) << a["id"];
        const double dy = en["map_frame"]["y"].get<double>() - ru["map_frame"]["y"].get<double>();
        for (std::size_t p = 0; p < a["centre_line"].size(); ++p) {
            EXPECT_NEAR(a["centre_line"][p][0].get<double>(), b["centre_line"][p][0].get<double>(), 0.01) << a["id"];
            EXPECT_NEAR(a["centre_line"][p][1].get<double>() - dy, b["centre_line"][p][1].get<double>(), 0.01)
                << a["id"];
        }
    }
    // The scale bar's note in Russian says what is true at that parallel: the scale.
    EXPECT_EQ(ru["scale_bar"]["caption"].get<std::string>().rfind("км, масштаб верен на ", 0), 0U)
        << ru["scale_bar"]["caption"];
    // The Russian legend's long rows wrap inside its box.
    int wrapped = 0;
    for (const auto& entry : ru["legend"]["entries"]) {
        if (!entry.contains("wrap_width_mm")) continue;
        ++wrapped;
        EXPECT_LE(entry["wrap_width_mm"].get<double>(), ru["legend"]["box"]["width"].get<double>()) << entry["text"];
    }
    EXPECT_GE(wrapped, 1);
    EXPECT_LE(ru["legend"]["box"]["x"].get<double>() + ru["legend"]["box"]["width"].get<double>(),
              ru["page"]["width"].get<double>());
}

// No acute crossings or hooks (issue 17): two flows crossing at 10 degrees are counted, at 60 not, nor
// two that leave one place; a flow that turns through more than 100 degrees is a hook.
TEST(DrawingQuality, AcuteCrossingsAndHooksAreCounted) {
    layout::Scene scene;
    scene.page_width_mm = 60;
    scene.page_height_mm = 60;
    layout::FlowShape a;
    a.flow_id = "F015";
    a.own_places = {"okrug", "china"};
    a.centre_line = {{0, 30}, {60, 30}};
    layout::FlowShape b = a;
    b.flow_id = "F016";
    b.own_places = {"kokpekty", "china"};
    const double slope = std::tan(10 * std::numbers::pi / 180);
    b.centre_line = {{0, 30 - 30 * slope}, {60, 30 + 30 * slope}};
    scene.flows = {a, b};
    EXPECT_THAT(layout::measure_quality(scene).acute_crossings, ::testing::ElementsAre("F015/F016"));
    scene.flows[1].centre_line = {{4, 30}, {60, 30 + 56 * slope}};  // from the same place: they meet there
    scene.flows[1].own_places = {"okrug", "china"};
    scene.flows[0].centre_line = {{3, 30}, {60, 30}};
    EXPECT_TRUE(layout::measure_quality(scene).acute_crossings.empty());
    scene.flows[1].own_places = {"kokpekty", "china"};
    const double steep = std::tan(60 * std::numbers::pi / 180);
    scene.flows[1].centre_line = {{30 - 10 / steep, 20}, {30 + 10 / steep, 40}};
    EXPECT_TRUE(layout::measure_quality(scene).acute_crossings.empty());

    layout::FlowShape hook;
    hook.flow_id = "F012";
    for (int i = 0; i <= 20; ++i) {  // three quarters of a circle
        const double t = 1.5 * std::numbers::pi * i / 20;
        hook.centre_line.push_back({30 + 5 * std::cos(t), 10 + 5 * std::sin(t)});
    }
    scene.flows = {hook};
    EXPECT_THAT(layout::measure_quality(scene).hooked_flows, ::testing::ElementsAre("F012"));
    scene.flows[0].centre_line.resize(8);  // under a quarter: a gentle bend
    EXPECT_TRUE(layout::measure_quality(scene).hooked_flows.empty());
}

// An area's name stands wholly inside the area where it fits ("CHINA" across the border in the 1930
// panel named both sides): an L-shaped area whose corner is nearest the arrowheads, too narrow there.
TEST(DrawingQuality, AnAreasNameStandsWhollyInsideItWhereItFits) {
    layout::DestinationArea area;
    area.place_id = "china";
    area.rings = {{{10, 10}, {60, 10}, {60, 14}, {14, 14}, {14, 60}, {10, 60}}};  // arms 4 mm wide
    area.rings.front().push_back({10, 10});
    layout::DestinationArea wide = area;
    wide.rings = {{{10, 10}, {60, 10}, {60, 24}, {24, 24}, {24, 60}, {10, 60}, {10, 10}}};  // arms 14 mm
    layout::FlowShape flow;
    flow.flow_id = "F";
    flow.target_id = "china";
    flow.centre_line = {{0, 0}, {12, 12}};  // ends at the corner
    const layout::TextSize name{12, 4.5};
    const auto centres = layout::area_label_centres(wide, {0, 0, 80, 80}, {flow}, name);
    ASSERT_FALSE(centres.empty());
    const layout::Point first = centres.front();
    for (const layout::Point corner :
         {layout::Point{first.x - 6, first.y - 2.25}, layout::Point{first.x + 6, first.y - 2.25},
          layout::Point{first.x - 6, first.y + 2.25}, layout::Point{first.x + 6, first.y + 2.25}}) {
        EXPECT_TRUE(layout::inside_rings(corner, wide.rings)) << corner.x << "," << corner.y;
    }
    // Where no box fits (arms 4 mm wide for a name 4.5 mm tall), the area is still named.
    EXPECT_FALSE(layout::area_label_centres(area, {0, 0, 80, 80}, {flow}, name).empty());
}

}  // namespace steppeflow
