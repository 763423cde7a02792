// Comparing years: filters choose the flows, overlays colour them by period as the legend says,
// small multiples share one extent and one width scale, sequences write numbered frames, and a
// figure rendered again is the same file, byte for byte.

#include <cairo.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "figure/basemap_loader.hpp"
#include "figure/figure_runner.hpp"
#include "io/basemap_reader.hpp"
#include "io/flow_reader.hpp"
#include "io/gazetteer_reader.hpp"
#include "layout/geometry.hpp"
#include "layout/multiples_layout.hpp"
#include "layout/scene_builder.hpp"
#include "model/flow_filter.hpp"
#include "render/page_image.hpp"
#include "render/scene_painter.hpp"
#include "render/text.hpp"
#include "test_support.hpp"

using namespace steppeflow;
using ::testing::HasSubstr;

namespace {

model::Flow flow(std::string id, std::string start, std::string end, std::string origin, std::string destination,
                 std::optional<std::int64_t> count, std::string part_of = {}) {
    model::Flow f;
    f.id = std::move(id);
    f.date_start = model::PartialDate::parse(start);
    f.date_end = model::PartialDate::parse(end);
    f.origin = std::move(origin);
    f.destination = std::move(destination);
    f.count = count;
    if (count) f.unit = model::Unit::people;
    f.part_of = std::move(part_of);
    return f;
}

std::vector<std::string> ids(const std::vector<model::Flow>& flows) {
    std::vector<std::string> out;
    for (const auto& f : flows) out.push_back(f.id);
    return out;
}

struct Mini {
    model::Gazetteer gazetteer{io::read_places(test::data_dir() / "mini_gazetteer.csv")};
    model::Basemap basemap;
    geo::Projection projection;
    layout::TextMeasure measure = render::pango_text_measure();
    Mini() {
        std::vector<std::string> warnings;
        basemap = figure::load_basemap(test::source_dir() / "geodata" / "basemap", {}, warnings);
    }
};

const layout::FlowShape& shape(const layout::Scene& scene, const std::string& id) {
    const auto found = std::find_if(scene.flows.begin(), scene.flows.end(),
                                    [&](const layout::FlowShape& s) { return s.flow_id == id; });
    if (found == scene.flows.end()) throw std::runtime_error("flow not drawn: " + id);
    return *found;
}

// The colour painted at a page point (mm) of a scene drawn at 10 px/mm.
config::Rgb pixel_at(cairo_surface_t* surface, layout::Point p) {
    cairo_surface_flush(surface);
    const int stride = cairo_image_surface_get_stride(surface);
    const unsigned char* data = cairo_image_surface_get_data(surface);
    const int x = static_cast<int>(p.x * 10);
    const int y = static_cast<int>(p.y * 10);
    const auto* px = reinterpret_cast<const std::uint32_t*>(data + y * stride) + x;
    return {((*px >> 16) & 0xff) / 255.0, ((*px >> 8) & 0xff) / 255.0, (*px & 0xff) / 255.0};
}

double colour_distance(const config::Rgb& a, const config::Rgb& b) {
    return std::max({std::abs(a.r - b.r), std::abs(a.g - b.g), std::abs(a.b - b.b)});
}

// The point halfway along a path (its shaft, for the short straight legend samples too).
layout::Point middle(const layout::PagePath& path) {
    return layout::point_back_from_end(path, layout::path_length(path) / 2);
}

}  // namespace

TEST(Filter, YearsDatesStatusAndPlaces) {
    const std::vector<model::Flow> flows{
        flow("A", "1930-08-06", "1930-08-06", "zaisan_district", "chuguchak", 10),
        flow("B", "", "1931-03-20", "urdzhar_district", "kulja", 20),  // dated only by its report
        flow("C", "1930-01", "1930-08", "urdzhar_district", "chuguchak", 30),
        flow("D", "", "", "zaisan_district", "kulja", 40),  // undated
    };
    model::Gazetteer gazetteer;
    model::FlowFilter filter;
    EXPECT_EQ(ids(model::apply(filter, flows, gazetteer)), (std::vector<std::string>{"A", "B", "C", "D"}));
    filter.years = {1931};
    EXPECT_EQ(ids(model::apply(filter, flows, gazetteer)), (std::vector<std::string>{"B"}));
    filter = {};
    // A date range keeps the flows whose own dates overlap it, each date read to its precision.
    filter.from = model::PartialDate::parse("1930-08");
    filter.to = model::PartialDate::parse("1930-08");
    EXPECT_EQ(ids(model::apply(filter, flows, gazetteer)), (std::vector<std::string>{"A", "C"}));
    filter.from = model::PartialDate::parse("1930-08-07");
    filter.to = std::nullopt;
    EXPECT_EQ(ids(model::apply(filter, flows, gazetteer)), (std::vector<std::string>{"C", "B"}).size() == 2
                                                               ? (std::vector<std::string>{"B", "C"})
                                                               : std::vector<std::string>{});
    filter = {};
    filter.origins = {"zaisan_district"};
    filter.destinations = {"kulja"};
    EXPECT_EQ(ids(model::apply(filter, flows, gazetteer)), (std::vector<std::string>{"D"}));
    filter = {};
    filter.statuses = {model::Status::detained};
    EXPECT_TRUE(model::apply(filter, flows, gazetteer).empty());
}

TEST(Filter, ATotalGivesWayToItsBreakdownOnlyWhenThePartsCanBeToldApart) {
    Mini mini;
    model::FlowFilter filter;
    // Parts from two different places replace their total.
    const std::vector<model::Flow> located{
        flow("T", "1930", "1930", "semipalatinsk_okrug", "kulja", 100),
        flow("P1", "1930", "1930", "zaisan_district", "kulja", 60, "T"),
        flow("P2", "1930", "1930", "urdzhar_district", "kulja", 40, "T"),
    };
    EXPECT_EQ(ids(model::apply(filter, located, mini.gazetteer)), (std::vector<std::string>{"P1", "P2"}));
    // Parts all at one point (auls known only by their district) leave the total standing.
    const std::vector<model::Flow> unlocated{
        flow("T", "1930", "1930", "semipalatinsk_okrug", "kulja", 100),
        flow("P1", "1930", "1930", "zaisan_district", "kulja", 60, "T"),
        flow("P2", "1930", "1930", "zaisan_district", "kulja", 40, "T"),
    };
    EXPECT_EQ(ids(model::apply(filter, unlocated, mini.gazetteer)), (std::vector<std::string>{"T"}));
}

TEST(Filter, PeriodsParseAndHoldTheirFlows) {
    EXPECT_EQ(model::parse_period("1930"), (model::Period{"1930", 1930, 1930}));
    EXPECT_EQ(model::parse_period("1931-1932"), (model::Period{"1931\u20131932", 1931, 1932}));
    EXPECT_EQ(model::parse_period("1931\u20131932"), (model::Period{"1931\u20131932", 1931, 1932}));
    EXPECT_FALSE(model::parse_period("1932-1931"));
    EXPECT_FALSE(model::parse_period("30"));
    const std::vector<model::Period> periods{*model::parse_period("1930"), *model::parse_period("1931-1932")};
    EXPECT_EQ(model::period_of(flow("x", "", "1932-03", "a", "b", 1), periods), 1U);
    EXPECT_EQ(model::period_of(flow("x", "1930-01", "1931-01", "a", "b", 1), periods), 0U);  // the year it began
    EXPECT_FALSE(model::period_of(flow("x", "", "", "a", "b", 1), periods));
    EXPECT_EQ(model::periods_of({flow("x", "1931", "1931", "a", "b", 1), flow("y", "1930", "", "a", "b", 1)}),
              (std::vector<model::Period>{{"1930", 1930, 1930}, {"1931", 1931, 1931}}));
}

TEST(Overlay, EachPeriodHasItsLegendColourAndFlowsAreDrawnInIt) {
    Mini mini;
    // Two years on two routes far apart, and one undated flow.
    const std::vector<model::Flow> flows{
        flow("Y30", "1930-08", "1930-08", "semipalatinsk_okrug", "kulja", 300),
        flow("Y31", "1931-05", "1931-06", "zaisan_district", "chuguchak", 300),
        flow("ND", "", "", "urdzhar_district", "chuguchak", 300),
    };
    layout::FigureOptions options;
    options.colour_by_period = true;
    options.periods = model::periods_of(flows);
    options.graticule = false;
    const auto result =
        layout::build_scene({mini.gazetteer, flows, mini.basemap}, options, mini.projection, mini.measure);
    const auto& scene = result.scene;
    EXPECT_EQ(scene.periods, (std::vector<std::string>{"1930", "1931"}));
    EXPECT_EQ(shape(scene, "Y30").period, 0);
    EXPECT_EQ(shape(scene, "Y31").period, 1);
    EXPECT_EQ(shape(scene, "ND").period, config::kUndated);

    // The legend lists each period (and "date not stated") with a sample in that period's colour.
    std::map<std::string, int> legend_periods;
    for (const auto& row : scene.legend.rows) {
        if (row.sample == layout::LegendRow::Sample::flow && row.flow.period != config::kNoPeriod)
            legend_periods[row.text] = row.flow.period;
    }
    EXPECT_EQ(legend_periods, (std::map<std::string, int>{{"1930", 0}, {"1931", 1}, {"date not stated", -2}}));

    // Painted: the pixel on each flow's middle has the colour of its legend sample's middle.
    cairo_surface_t* surface = cairo_image_surface_create(
        CAIRO_FORMAT_RGB24, static_cast<int>(scene.page_width_mm * 10), static_cast<int>(scene.page_height_mm * 10));
    cairo_t* cr = cairo_create(surface);
    cairo_scale(cr, 10, 10);
    render::paint_scene(cr, scene);
    for (const auto& row : scene.legend.rows) {
        if (row.sample != layout::LegendRow::Sample::flow || row.flow.period == config::kNoPeriod) continue;
        const config::Rgb legend_colour = pixel_at(surface, middle(row.flow.centre_line));
        EXPECT_LT(colour_distance(legend_colour, config::flow_colour(options.style, std::nullopt, row.flow.period)),
                  0.02)
            << row.text;
        for (const auto& drawn : scene.flows) {
            if (drawn.period != row.flow.period) continue;
            EXPECT_LT(colour_distance(pixel_at(surface, middle(drawn.centre_line)), legend_colour), 0.02)
                << drawn.flow_id << " against legend row " << row.text;
        }
    }
    cairo_destroy(cr);
    cairo_surface_destroy(surface);
    // Different periods look different.
    EXPECT_GT(colour_distance(config::flow_colour(options.style, std::nullopt, 0),
                              config::flow_colour(options.style, std::nullopt, 1)),
              0.2);
}

TEST(SmallMultiples, TheSameCountIsDrawnEquallyWideInEveryPanelOnOneExtent) {
    Mini mini;
    const std::vector<model::Flow> y1930{flow("A", "1930", "1930", "urdzhar_district", "chuguchak", 100),
                                         flow("B", "1930", "1930", "semipalatinsk_okrug", "kulja", 500)};
    const std::vector<model::Flow> y1931{flow("C", "1931", "1931", "zaisan_district", "chuguchak", 100)};
    std::vector<model::Flow> all = y1930;
    all.insert(all.end(), y1931.begin(), y1931.end());
    layout::FigureOptions options;
    options.title = "Panels";
    const auto result = layout::build_small_multiples(mini.gazetteer, mini.basemap, {{"1930", y1930}, {"1931", y1931}},
                                                      all, options, 0, mini.projection, mini.measure);
    const auto& panels = result.scene.panels;
    ASSERT_EQ(panels.size(), 2U);
    EXPECT_EQ(panels[0].title, "1930");
    EXPECT_EQ(panels[1].title, "1931");
    // 100 people: the same width in both panels, though it is the largest count of the second.
    const double a = shape(panels[0].scene, "A").width_mm;
    const double c = shape(panels[1].scene, "C").width_mm;
    EXPECT_DOUBLE_EQ(a, c);
    EXPECT_LT(c, options.style.lines.flow_max_mm * 0.5);
    EXPECT_DOUBLE_EQ(shape(panels[0].scene, "B").width_mm, options.style.lines.flow_max_mm);
    // One extent: equal frames, and a place common to both panels sits at the same spot in each.
    EXPECT_EQ(panels[0].scene.map_frame.width, panels[1].scene.map_frame.width);
    EXPECT_EQ(panels[0].scene.map_frame.height, panels[1].scene.map_frame.height);
    const auto chuguchak = [](const layout::Scene& s) {
        return test::find_one(
                   s.places, [](const auto& p) { return p.place_id == "chuguchak"; }, "chuguchak")
            .centre;
    };
    EXPECT_NEAR(chuguchak(panels[0].scene).x, chuguchak(panels[1].scene).x, 0.31);  // within a displacement
    EXPECT_NEAR(chuguchak(panels[0].scene).y, chuguchak(panels[1].scene).y, 0.31);
    // One legend for the page, none in the panels; the legend's 500 sample is as wide as flow B.
    EXPECT_GT(result.scene.legend.rows.size(), 0U);
    for (const auto& panel : panels) EXPECT_TRUE(panel.scene.legend.rows.empty());
    const auto sample_500 = std::find_if(result.scene.legend.rows.begin(), result.scene.legend.rows.end(),
                                         [](const layout::LegendRow& r) { return r.text == "500"; });
    ASSERT_NE(sample_500, result.scene.legend.rows.end());
    EXPECT_DOUBLE_EQ(sample_500->flow.width_mm, shape(panels[0].scene, "B").width_mm);
    // Panels do not overlap one another or the legend.
    const layout::Box first{panels[0].offset.x, panels[0].offset.y, panels[0].scene.page_width_mm,
                            panels[0].scene.page_height_mm};
    const layout::Box second{panels[1].offset.x, panels[1].offset.y, panels[1].scene.page_width_mm,
                             panels[1].scene.page_height_mm};
    EXPECT_FALSE(first.overlaps(second));
    EXPECT_FALSE(first.overlaps(result.scene.legend.box));
    EXPECT_FALSE(second.overlaps(result.scene.legend.box));
}

TEST(Figures, TextIsNeverBelowSixPointsInAnyPresetOrJournalSize) {
    Mini mini;
    const auto flows = io::read_flows(test::data_dir() / "mini_flows.csv");
    for (const std::string style : {"colour", "colourblind", "grayscale"}) {
        for (const std::string size : {"single", "double"}) {
            config::FigureSpec spec;
            spec.style = style;
            spec.size = size;
            const auto request = figure::make_request(spec);
            const auto options =
                figure::figure_options(request, figure::select_flows(request, mini.gazetteer, flows), mini.basemap);
            EXPECT_FALSE(options.credits.empty());  // the 6-pt credits line is laid out too
            const auto scene =
                layout::build_scene({mini.gazetteer, flows, mini.basemap}, options, mini.projection, mini.measure)
                    .scene;
            for (const auto& label : scene.labels) EXPECT_GE(label.font_size_pt, 6.0) << label.text;
            for (const auto& row : scene.legend.rows) EXPECT_GE(row.font_size_pt, 6.0) << row.text;
            for (const auto& text : scene.texts) EXPECT_GE(text.font_size_pt, 6.0) << text.text;
            ASSERT_TRUE(scene.scale_bar);
            EXPECT_GE(scene.scale_bar->font_size_pt, 6.0);
            EXPECT_EQ(scene.page_width_mm, size == "single" ? 84 : 174) << style;
        }
    }
}

namespace {

// A spec over the mini data, written to `dir`.
std::filesystem::path write_spec(const std::filesystem::path& dir, const std::string& name, const std::string& body) {
    const auto path = dir / (name + ".toml");
    test::write_file(path, "[data]\ngazetteer = \"" + (test::data_dir() / "mini_gazetteer.csv").string() +
                               "\"\nflows = \"" + (test::data_dir() / "mini_flows.csv").string() + "\"\n" + body);
    return path;
}

}  // namespace

TEST(Figures, RenderingASpecAgainGivesIdenticalSvgAndPdfBytes) {
    const auto dir = test::scratch_dir("figures_identical");
    const auto spec = write_spec(dir, "overlay",
                                 "[years]\nshow = \"overlay\"\n[output]\nfiles = [\"" + (dir / "a.svg").string() +
                                     "\", \"" + (dir / "a.pdf").string() + "\"]\n");
    ASSERT_EQ(test::run_cli({"render", spec.string()}).exit_code, 0);
    const std::string svg = test::read_file(dir / "a.svg");
    const std::string pdf = test::read_file(dir / "a.pdf");
    // Again in the same process (Cairo's counters have moved on), and in a batch on two threads.
    const auto other = write_spec(dir, "other", "[output]\nfiles = [\"" + (dir / "b.svg").string() + "\"]\n");
    ASSERT_EQ(test::run_cli({"render", other.string()}).exit_code, 0);
    ASSERT_EQ(test::run_cli({"render", spec.string()}).exit_code, 0);
    EXPECT_TRUE(test::read_file(dir / "a.svg") == svg);
    EXPECT_TRUE(test::read_file(dir / "a.pdf") == pdf);
    ASSERT_EQ(test::run_cli({"render", other.string(), spec.string(), "--jobs", "2"}).exit_code, 0);
    EXPECT_TRUE(test::read_file(dir / "a.svg") == svg);
    EXPECT_TRUE(test::read_file(dir / "a.pdf") == pdf);
}

TEST(Figures, CommandLineOptionsOverrideTheSpec) {
    const auto dir = test::scratch_dir("figures_override");
    const auto spec = write_spec(dir, "spec",
                                 "[figure]\ntitle = \"From the spec\"\ndpi = 300\n[output]\nfiles = [\"" +
                                     (dir / "spec.png").string() + "\"]\n");
    const auto result =
        test::run_cli({"render", spec.string(), "--dpi", "100", "--size", "150x120", "-o", (dir / "cli.png").string()});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_FALSE(std::filesystem::exists(dir / "spec.png"));
    cairo_surface_t* png = cairo_image_surface_create_from_png((dir / "cli.png").c_str());
    EXPECT_EQ(cairo_image_surface_get_width(png), static_cast<int>(std::lround(150 / 25.4 * 100)));
    cairo_surface_destroy(png);
}

TEST(Figures, SequencesWriteOneNumberedFramePerPeriodOfOneSize) {
    const auto dir = test::scratch_dir("figures_sequence");
    const auto spec = write_spec(dir, "seq",
                                 "[figure]\nsize = \"double\"\n[years]\nshow = \"sequence\"\n[output]\nfiles = [\"" +
                                     (dir / "frame_{n}_{period}.png").string() + "\"]\nreport = \"" +
                                     (dir / "frame_{n}_{period}.json").string() + "\"\n");
    const auto result = test::run_cli({"render", spec.string()});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    ASSERT_TRUE(std::filesystem::exists(dir / "frame_01_1930.png"));
    ASSERT_TRUE(std::filesystem::exists(dir / "frame_02_1931.png"));
    // Each frame has its layout report, named as the frame is.
    EXPECT_TRUE(std::filesystem::exists(dir / "frame_01_1930.json"));
    EXPECT_TRUE(std::filesystem::exists(dir / "frame_02_1931.json"));
    EXPECT_EQ(result.err.find("report"), std::string::npos) << result.err;
    cairo_surface_t* a = cairo_image_surface_create_from_png((dir / "frame_01_1930.png").c_str());
    cairo_surface_t* b = cairo_image_surface_create_from_png((dir / "frame_02_1931.png").c_str());
    EXPECT_EQ(cairo_image_surface_get_height(a), cairo_image_surface_get_height(b));
    EXPECT_EQ(cairo_image_surface_get_width(a), cairo_image_surface_get_width(b));
    cairo_surface_destroy(a);
    cairo_surface_destroy(b);
    EXPECT_EQ(figure::sequence_path("out/f.png", 2, "1931\u20131932"), "out/f_03_1931-1932.png");
}

TEST(Figures, ABatchRendersEveryGoodSpecAndReportsTheBadOne) {
    const auto dir = test::scratch_dir("figures_batch");
    const auto good = write_spec(dir, "good", "[output]\nfiles = [\"" + (dir / "good.svg").string() + "\"]\n");
    const auto multiples =
        write_spec(dir, "multiples",
                   "[years]\nshow = \"multiples\"\n[output]\nfiles = [\"" + (dir / "multi.png").string() + "\"]\n");
    const auto bad = write_spec(
        dir, "bad", "[filter]\nyears = [1950]\n[output]\nfiles = [\"" + (dir / "bad.png").string() + "\"]\n");
    const auto result = test::run_cli({"render", good.string(), bad.string(), multiples.string(), "-j", "2"});
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_TRUE(std::filesystem::exists(dir / "good.svg"));
    EXPECT_TRUE(std::filesystem::exists(dir / "multi.png"));
    EXPECT_FALSE(std::filesystem::exists(dir / "bad.png"));
    EXPECT_THAT(result.err, HasSubstr("bad.toml: no flow matches the filter; nothing to draw"));
    EXPECT_THAT(result.out, HasSubstr("2 of 3 figures rendered (2 files)"));
    EXPECT_THAT(result.out, HasSubstr("1 failed"));
}

TEST(Figures, AnUnknownPlaceInASpecFilterPointsAtItsKey) {
    const auto dir = test::scratch_dir("figures_place");
    const auto spec = write_spec(
        dir, "place", "[filter]\norigin = [\"Zaisn\"]\n[output]\nfiles = [\"" + (dir / "x.png").string() + "\"]\n");
    const auto result = test::run_cli({"render", spec.string()});
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_THAT(result.err, HasSubstr("place.toml:5:10 (key 'filter.origin'): unknown place 'Zaisn'; did you mean"));
    EXPECT_THAT(result.err, HasSubstr("zaisan_district"));
}

TEST(Figures, ARussianOrKazakhMapHasNoEnglishInItsLegendOrFurniture) {
    Mini mini;
    const auto flows = io::read_flows(test::data_dir() / "mini_flows.csv");
    const auto latin = [](const std::string& text) {
        return std::any_of(text.begin(), text.end(),
                           [](char c) { return std::isalpha(static_cast<unsigned char>(c)); });
    };
    for (const std::string lang : {"ru", "kk"}) {
        config::FigureSpec spec;
        spec.lang = lang;
        spec.north_arrow = true;
        const auto request = figure::make_request(spec);
        const auto options =
            figure::figure_options(request, figure::select_flows(request, mini.gazetteer, flows), mini.basemap);
        EXPECT_FALSE(latin(options.subtitle)) << options.subtitle;
        const auto scene =
            layout::build_scene({mini.gazetteer, flows, mini.basemap}, options, mini.projection, mini.measure).scene;
        for (const auto& row : scene.legend.rows) EXPECT_FALSE(latin(row.text)) << lang << ": " << row.text;
        ASSERT_TRUE(scene.scale_bar);
        EXPECT_FALSE(latin(scene.scale_bar->caption)) << scene.scale_bar->caption;
        ASSERT_TRUE(scene.north_arrow);
        EXPECT_EQ(scene.north_arrow->letter, "С");
        for (const auto& label : scene.labels) EXPECT_FALSE(latin(label.text)) << lang << ": " << label.text;
    }
}

TEST(Figures, ASpecWithoutOutputsTakesThemFromTheCommandLineOrIsRefused) {
    const auto dir = test::scratch_dir("figures_no_output");
    const auto spec = write_spec(dir, "bare", "[figure]\ntitle = \"Bare\"\n");
    const auto refused = test::run_cli({"render", spec.string()});
    EXPECT_EQ(refused.exit_code, 1);
    EXPECT_THAT(refused.err, HasSubstr("bare.toml (key 'output.files'): the spec names no output file; add [output] "
                                       "files = [\"output/name.png\"], or give -o"));
    const auto given = test::run_cli({"render", spec.string(), "-o", (dir / "bare.svg").string()});
    EXPECT_EQ(given.exit_code, 0) << given.err;
    EXPECT_TRUE(std::filesystem::exists(dir / "bare.svg"));
}

TEST(Figures, TwoFiguresOfABatchMayNotWriteOneFile) {
    const auto dir = test::scratch_dir("figures_same_output");
    const auto a = write_spec(dir, "a", "[output]\nfiles = [\"" + (dir / "same.svg").string() + "\"]\n");
    const auto b = write_spec(dir, "b", "[output]\nfiles = [\"" + (dir / "same.svg").string() + "\"]\n");
    const auto result = test::run_cli({"render", a.string(), b.string()});
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_THAT(result.err, HasSubstr("b.toml: writes " + (dir / "same.svg").string() + ", which " + a.string() +
                                      " writes too; give each figure its own files"));
}

TEST(Figures, ACommandLineValueIsBlamedOnItsOptionNotOnTheSpec) {
    const auto dir = test::scratch_dir("figures_blame");
    const auto spec = write_spec(dir, "blame", "[output]\nfiles = [\"" + (dir / "x.png").string() + "\"]\n");
    const auto extent = test::run_cli({"render", spec.string(), "--extent", "1,2"});
    EXPECT_THAT(extent.err, HasSubstr("--extent: expected lon_min,lat_min,lon_max,lat_max, found '1,2'"));
    const auto nan = test::run_cli({"render", spec.string(), "--size", "nanx100"});
    EXPECT_EQ(nan.exit_code, 2);
    EXPECT_THAT(nan.err, HasSubstr("--size: 'nan' is not a number"));
    const auto dpi = test::run_cli({"render", spec.string(), "--dpi", "5000"});
    EXPECT_THAT(dpi.err, HasSubstr("--dpi: 5000 is outside 30 to 2400 dpi"));
}

// PNG pages are painted in bands on several threads; the cut must not show: any number of bands
// gives the very same pixels as painting the page whole.
TEST(PagePainting, BandsGiveTheSamePixelsAsOnePass) {
    const Mini mini;
    const std::vector<model::Flow> flows{flow("A", "1930", "1930", "zaisan_district", "chuguchak", 500),
                                         flow("B", "1931", "1931", "urdzhar_district", "kulja", 200)};
    const layout::FigureOptions options;
    const auto scene =
        layout::build_scene({mini.gazetteer, flows, mini.basemap}, options, mini.projection, mini.measure).scene;
    const double px_per_mm = 8;
    const int width = static_cast<int>(scene.page_width_mm * px_per_mm);
    const int height = static_cast<int>(scene.page_height_mm * px_per_mm);
    steppeflow::ThreadPool three(3);
    const auto pixels = [&](int bands, steppeflow::ThreadPool& pool) {
        const render::PageImage image(width, height);
        render::paint_page(image, scene, px_per_mm, bands, "test.png", pool);
        cairo_surface_flush(image.surface());
        const auto* data = cairo_image_surface_get_data(image.surface());
        return std::string(reinterpret_cast<const char*>(data),
                           static_cast<std::size_t>(cairo_image_surface_get_stride(image.surface())) * height);
    };
    const std::string whole = pixels(1, steppeflow::serial_pool());
    EXPECT_NE(whole.find_first_not_of(whole[0]), std::string::npos) << "nothing was painted";
    // Painted one after another, or on three threads at once: the same pixels.
    for (const int bands : {2, 3, 7}) {
        EXPECT_TRUE(pixels(bands, steppeflow::serial_pool()) == whole) << bands << " bands differ";
        EXPECT_TRUE(pixels(bands, three) == whole) << bands << " bands on three threads differ";
    }
}
