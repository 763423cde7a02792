// Flow cartography on laid-out maps: the default figure and the cases that break flow layouts
// elsewhere (a flow shorter than its arrowhead, opposite flows, many flows from one origin, an
// outpost almost on the straight line, coincident places, destinations beyond the frame).

#include <cmath>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "figure/basemap_loader.hpp"
#include "figure/figure_runner.hpp"
#include "figure/flow_selection.hpp"
#include "io/basemap_reader.hpp"
#include "io/flow_reader.hpp"
#include "io/gazetteer_reader.hpp"
#include "layout/flow_layout.hpp"
#include "layout/furniture_layout.hpp"
#include "layout/geometry.hpp"
#include "layout/layout_report.hpp"
#include "layout/legend_layout.hpp"
#include "layout/quality.hpp"
#include "layout/scene_builder.hpp"
#include "render/text.hpp"
#include "test_support.hpp"

using namespace steppeflow;
using layout::Point;

namespace {

// The default figure's inputs, chosen as `render` chooses them.
struct DefaultMap {
    model::Gazetteer gazetteer{io::read_places(test::source_dir() / "geodata" / "gazetteer.csv")};
    std::vector<model::Flow> flows;
    model::Basemap basemap;
    layout::FigureOptions options;
    DefaultMap() {
        const auto request = figure::make_request(config::FigureSpec{});
        const auto selection =
            figure::select_flows(request, gazetteer, io::read_flows(test::source_dir() / "geodata" / "flows.csv"));
        flows = selection.flows;
        std::vector<std::string> warnings;
        basemap = figure::load_basemap(test::source_dir() / "geodata" / "basemap", {}, warnings);
        // The options `render` lays the figure out with: subtitle and credits included.
        options = figure::figure_options(request, selection, basemap);
    }
    layout::SceneResult build() const {
        const geo::Projection projection;
        return layout::build_scene({gazetteer, flows, basemap}, options, projection, render::pango_text_measure());
    }
};

// A hand-made page: symbols where the test puts them, flows between them.
struct Page {
    layout::SymbolIndex symbols;
    std::vector<layout::PlaceSymbol> drawn;
    std::vector<model::Flow> flows;
    layout::Box frame{0, 0, 170, 130};
    layout::FigureOptions options;
    layout::WidthScales scale{{{model::Unit::people, 1000}}, 4.0, 0.35};

    void place(const std::string& id, double x, double y, model::PlaceKind kind = model::PlaceKind::district) {
        layout::PlaceSymbol symbol{id, kind, {x, y}, 1.0, 0};
        symbols[id] = symbol;
        drawn.push_back(symbol);
    }
    void flow(const std::string& id, const std::string& from, const std::string& to, std::int64_t count,
              const std::string& via = "", model::Status status = model::Status::crossed) {
        model::Flow f;
        f.id = id;
        f.origin = from;
        f.destination = to;
        f.via = via;
        f.count = count;
        f.unit = model::Unit::people;
        f.status = status;
        flows.push_back(f);
    }
    layout::FlowLayout lay_out() const {
        return layout::layout_flows(flows, symbols, {}, drawn, frame, scale, options);
    }
};

const layout::FlowShape& shape(const layout::FlowLayout& result, const std::string& id) {
    const auto found =
        std::find_if(result.shapes.begin(), result.shapes.end(), [&](const auto& s) { return s.flow_id == id; });
    if (found == result.shapes.end()) throw std::runtime_error("flow " + id + " was not drawn");
    return *found;
}

layout::Scene scene_of(const Page& page, const layout::FlowLayout& result) {
    layout::Scene scene;
    scene.page_width_mm = 174;
    scene.page_height_mm = 140;
    scene.map_frame = page.frame;
    scene.places = page.drawn;
    scene.flows = result.shapes;
    return scene;
}

bool finite(const layout::PagePath& path) {
    return std::all_of(path.begin(), path.end(), [](Point p) { return std::isfinite(p.x) && std::isfinite(p.y); });
}

}  // namespace

TEST(FlowLayout, DefaultMapHasNoFlowOverAForeignSymbolAndNoOverlappingLabels) {
    const DefaultMap map;
    const auto result = map.build();
    ASSERT_GE(result.scene.flows.size(), 15u);
    const auto quality = layout::measure_quality(result.scene, 0.0);
    for (const auto& i : quality.intrusions)
        ADD_FAILURE() << i.flow_id << " passes over " << i.place_id << " (" << i.clearance_mm << " mm)";
    for (const auto& o : quality.label_overlaps) ADD_FAILURE() << "labels overlap: " << o.first << " / " << o.second;
    EXPECT_EQ(quality.labels_not_placed, 0);
    for (const auto& label : result.scene.labels) {
        const auto& f = result.scene.map_frame;
        EXPECT_TRUE(label.box.x >= f.x && label.box.y >= f.y && label.box.x + label.box.width <= f.x + f.width &&
                    label.box.y + label.box.height <= f.y + f.height)
            << label.text << " leaves the map frame";
    }
}

TEST(FlowLayout, DefaultMapArrowTipsStandTheSetGapBeforeTheirSymbols) {
    const DefaultMap map;
    const auto result = map.build();
    int checked = 0;
    for (const auto& flow : result.scene.flows) {
        if (const auto gap = layout::tip_gap(flow, result.scene.places)) {
            EXPECT_NEAR(*gap, map.options.arrow_gap_mm, 0.01) << flow.flow_id;
            ++checked;
        }
    }
    EXPECT_GT(checked, 0);
}

TEST(FlowLayout, DefaultMapFlowsStayInsideTheFrame) {
    const DefaultMap map;
    const auto result = map.build();
    const auto inner = layout::shrink(result.scene.map_frame, -0.01);
    for (const auto& flow : result.scene.flows) {
        for (const auto& p : flow.centre_line) EXPECT_TRUE(layout::contains(inner, p)) << flow.flow_id;
    }
}

TEST(FlowLayout, CrossingsEndInsideTheAreaAndStoppedMovementsBeforeItsBorder) {
    const DefaultMap map;
    const auto result = map.build();
    std::vector<layout::PagePath> china;
    ASSERT_NE(result.scene.layer("units_1930"), nullptr);
    for (const auto& polygon : result.scene.layer("units_1930")->geometry.polygons)
        china.insert(china.end(), polygon.begin(), polygon.end());
    ASSERT_FALSE(china.empty()) << "China is drawn as a destination area";
    int crossed = 0, stopped = 0;
    for (const auto& flow : result.scene.flows) {
        if (flow.target == layout::TargetKind::area) {
            EXPECT_TRUE(layout::inside_rings(flow.centre_line.back(), china)) << flow.flow_id;
            EXPECT_EQ(flow.status, model::Status::crossed) << flow.flow_id;
            ++crossed;
        }
        if (flow.target == layout::TargetKind::border) {
            EXPECT_NE(flow.status, model::Status::crossed) << flow.flow_id;
            ++stopped;
        }
    }
    EXPECT_GT(crossed, 0);
    EXPECT_GT(stopped, 0);
}

TEST(FlowLayout, LayoutIsDeterministic) {
    const DefaultMap map;
    const auto first = layout::layout_report_json(map.build().scene, 0);
    const auto second = layout::layout_report_json(map.build().scene, 0);
    EXPECT_EQ(first, second);
}

TEST(FlowLayout, AFlowShorterThanItsArrowheadKeepsAShaftAndItsGap) {
    Page page;
    page.place("a", 50, 50);
    page.place("b", 55, 50);  // 5 mm apart: less than the 7 mm arrowhead of the widest flow
    page.flow("F1", "a", "b", 1000);
    const auto result = page.lay_out();
    const auto& f = shape(result, "F1");
    EXPECT_TRUE(finite(f.centre_line));
    const double drawn = layout::path_length(f.centre_line);
    EXPECT_GT(drawn, 0);
    EXPECT_LE(f.arrow_length_mm, 0.6 * drawn + 1e-9);
    EXPECT_NEAR(layout::distance(f.centre_line.back(), {55, 50}) - 1.0, page.options.arrow_gap_mm, 0.01);
}

TEST(FlowLayout, OppositeFlowsBetweenOnePairRunApart) {
    Page page;
    page.place("a", 30, 60);
    page.place("b", 130, 60);
    page.flow("AB", "a", "b", 600);
    page.flow("BA", "b", "a", 600);
    const auto result = page.lay_out();
    const auto& ab = shape(result, "AB");
    const auto& ba = shape(result, "BA");
    // At the middle of the pair the two flows are at least their half-widths apart.
    const Point mid_ab = layout::point_back_from_end(ab.centre_line, layout::path_length(ab.centre_line) / 2);
    EXPECT_GT(layout::distance_to_path(mid_ab, ba.centre_line), (ab.width_mm + ba.width_mm) / 2);
    const auto quality = layout::measure_quality(scene_of(page, result));
    EXPECT_TRUE(quality.intrusions.empty());
}

TEST(FlowLayout, ManyFlowsFromOneOriginFanOutAndAvoidEveryOtherSymbol) {
    Page page;
    page.place("hub", 85, 65);
    for (int i = 0; i < 16; ++i) {
        const double angle = 2 * M_PI * i / 16;
        page.place("d" + std::to_string(i), 85 + 50 * std::cos(angle), 65 + 45 * std::sin(angle));
        page.flow("F" + std::to_string(i), "hub", "d" + std::to_string(i), 50 + 40 * i);
    }
    // Three more to one destination: a bundle, side by side.
    page.flow("S1", "hub", "d0", 300);
    page.flow("S2", "hub", "d0", 200);
    // Symbols in the way of some flows.
    page.place("x1", 110, 65);
    page.place("x2", 85, 90);
    const auto result = page.lay_out();
    ASSERT_EQ(result.shapes.size(), 18u);
    const auto quality = layout::measure_quality(scene_of(page, result));
    for (const auto& i : quality.intrusions) ADD_FAILURE() << i.flow_id << " passes over " << i.place_id;
    for (const auto& f : result.shapes) {
        EXPECT_TRUE(finite(f.centre_line));
        const auto gap = layout::tip_gap(f, page.drawn);
        ASSERT_TRUE(gap.has_value());
        EXPECT_NEAR(*gap, page.options.arrow_gap_mm, 0.01) << f.flow_id;
    }
    // The bundle to d0: at mid-length each pair lies at least its half-widths apart.
    const auto& f0 = shape(result, "F0");
    for (const auto* other : {&shape(result, "S1"), &shape(result, "S2")}) {
        const Point mid = layout::point_back_from_end(other->centre_line, layout::path_length(other->centre_line) / 2);
        EXPECT_GE(layout::distance_to_path(mid, f0.centre_line), (other->width_mm + f0.width_mm) / 2 - 0.05)
            << other->flow_id;
    }
}

TEST(FlowLayout, AnOutpostAlmostOnTheStraightLineIsPassedSmoothly) {
    Page page;
    page.place("a", 20, 60);
    page.place("v", 85, 60.3, model::PlaceKind::outpost);
    page.place("b", 150, 60);
    page.flow("F", "a", "b", 400, "v");
    const auto result = page.lay_out();
    const auto& f = shape(result, "F");
    EXPECT_LT(layout::distance_to_path({85, 60.3}, f.centre_line), 0.05);
    // No kink anywhere: consecutive segments turn by less than 5 degrees.
    for (std::size_t i = 2; i < f.centre_line.size(); ++i) {
        const Point a = layout::unit(f.centre_line[i - 1] - f.centre_line[i - 2]);
        const Point b = layout::unit(f.centre_line[i] - f.centre_line[i - 1]);
        EXPECT_GT(layout::dot(a, b), std::cos(5.0 * M_PI / 180)) << "at point " << i;
    }
}

TEST(FlowLayout, DestinationBeyondTheFrameEndsAtTheFrame) {
    Page page;
    page.place("a", 40, 60);
    page.symbols["far"] = {"far", model::PlaceKind::destination, {400, 60}, 1.6, 0};
    page.flow("F", "a", "far", 300);
    const auto result = page.lay_out();
    const auto& f = shape(result, "F");
    EXPECT_EQ(f.target, layout::TargetKind::frame);
    for (const auto& p : f.centre_line) EXPECT_TRUE(layout::contains(page.frame, p));
    EXPECT_NEAR(f.centre_line.back().x, page.frame.x + page.frame.width - page.options.frame_inset_mm, 0.01);
}

TEST(FlowLayout, CoincidentPlacesAreDrawnSideBySideAndTheirFlowsStillClear) {
    const DefaultMap map;  // Kuste and Kzyl-Kain share one position in the gazetteer
    const auto result = map.build();
    const auto& places = result.scene.places;
    const auto find = [&](const std::string& id) {
        return test::find_one(
            places, [&](const auto& p) { return p.place_id == id; }, "place " + id);
    };
    const auto kuste = find("kuste");
    const auto kzyl = find("kzyl_kain");
    EXPECT_GE(layout::distance(kuste.centre, kzyl.centre), kuste.radius_mm + kzyl.radius_mm);
    EXPECT_GT(kuste.displaced_mm, 0);
    EXPECT_THAT(result.warnings, testing::Contains(testing::HasSubstr("'kuste' and 'kzyl_kain'")));
    EXPECT_TRUE(layout::measure_quality(result.scene).intrusions.empty());
}

TEST(FlowLayout, WidthScalesAreProportionalSquareRootAndClassed) {
    const layout::WidthScale linear(1000, 4, 0.35);
    EXPECT_DOUBLE_EQ(linear.width_for(500), 2.0);
    EXPECT_DOUBLE_EQ(linear.width_for(1), 0.35);
    const layout::WidthScale root(1000, 4, 0.35, layout::WidthMode::sqrt);
    EXPECT_DOUBLE_EQ(root.width_for(250), 2.0);
    const layout::WidthScale classes(1000, 4, 0.4, layout::WidthMode::classes, {100, 500});
    EXPECT_THAT(classes.class_bounds(), testing::ElementsAre(100, 500, 1000));
    EXPECT_DOUBLE_EQ(classes.width_for(100), 0.4 + 3.6 / 3);
    EXPECT_DOUBLE_EQ(classes.width_for(101), 0.4 + 3.6 * 2 / 3);
    EXPECT_DOUBLE_EQ(classes.width_for(1000), 4.0);
}

TEST(FlowLayout, LegendSamplesMatchTheDrawnWidthsInEveryWidthMode) {
    for (const auto mode : {layout::WidthMode::linear, layout::WidthMode::sqrt, layout::WidthMode::classes}) {
        DefaultMap map;
        map.options.width_mode = mode;
        const auto result = map.build();
        // One scale per unit, each unit's largest count drawn at the widest line.
        std::map<layout::UnitKey, double> max_counts;
        for (const auto& f : map.flows) {
            if (f.count) max_counts[f.unit] = std::max(max_counts[f.unit], static_cast<double>(*f.count));
        }
        ASSERT_GE(max_counts.size(), 2U) << "the default map counts in more than one unit";
        const layout::WidthScales scales(max_counts, map.options.style.lines.flow_max_mm,
                                         map.options.style.lines.flow_min_mm, mode);
        // Every drawn flow with a count has the width its unit's scale gives it.
        for (const auto& flow : map.flows) {
            if (!flow.count) continue;
            const auto drawn = std::find_if(result.scene.flows.begin(), result.scene.flows.end(),
                                            [&](const auto& s) { return s.flow_id == flow.id; });
            if (drawn == result.scene.flows.end() || drawn->part == layout::FlowPart::branch) continue;
            const double wanted = scales.width_for(flow.unit, static_cast<double>(*flow.count));
            if (drawn->part == layout::FlowPart::from_disc) {  // too short for an arrow: its disc is that wide
                const auto disc = std::find_if(result.scene.hubs.begin(), result.scene.hubs.end(),
                                               [&](const auto& hub) { return hub.flow_id == flow.id; });
                ASSERT_NE(disc, result.scene.hubs.end()) << flow.id;
                EXPECT_TRUE(disc->short_flow) << flow.id;
                EXPECT_DOUBLE_EQ(2 * disc->radius_mm, wanted) << flow.id;
                continue;
            }
            EXPECT_DOUBLE_EQ(drawn->width_mm, wanted) << flow.id;
        }
        // And each unit has a width key of its own, drawn with that unit's scale.
        std::set<layout::UnitKey> keyed;
        for (const auto& row : result.scene.legend.rows) {
            if (!row.key_unit) continue;
            keyed.insert(*row.key_unit);
            EXPECT_DOUBLE_EQ(row.flow.width_mm, scales.width_for(*row.key_unit, row.key_count)) << row.text;
        }
        for (const auto& [unit, count] : max_counts) EXPECT_TRUE(keyed.contains(unit)) << "no width key for a unit";
    }
}

TEST(Furniture, ScaleBarIsTrueAtTheMapCentre) {
    const geo::Projection projection;
    const layout::MapTransform transform(layout::project_box(projection, {76, 41, 90, 51}), {4, 20, 120, 100});
    const auto bar = layout::layout_scale_bar(projection, transform, {10, 10}, 40, 6, render::pango_text_measure());
    ASSERT_GT(bar.kilometres, 0);
    EXPECT_LE(bar.length_mm, 40);
    EXPECT_EQ(bar.ticks_mm.front(), 0);
    EXPECT_DOUBLE_EQ(bar.ticks_mm.back(), bar.length_mm);
    // Its labels are placed by the layout (the painter only draws them): each number centred over
    // its tick and above the bar, the caption right of the bar.
    const auto measure = render::pango_text_measure();
    ASSERT_EQ(bar.tick_label_origins.size(), bar.ticks_mm.size());
    for (std::size_t i = 0; i < bar.ticks_mm.size(); ++i) {
        if (bar.tick_labels[i].empty()) continue;
        const auto size = measure(bar.tick_labels[i], 6, false, 0);
        EXPECT_NEAR(bar.tick_label_origins[i].x + size.width_mm / 2, 10 + bar.ticks_mm[i], 1e-9);
        EXPECT_LT(bar.tick_label_origins[i].y + size.height_mm, 10.0);
    }
    EXPECT_GT(bar.caption_origin.x, 10 + bar.length_mm);
    // Lay the bar across the frame's centre, take its ends back to lon/lat and measure them on the
    // sphere (R = 6371.0 km): an independent check of the geodesic, good to 0.5 %.
    const auto& f = transform.frame();
    const Point centre{f.x + f.width / 2, f.y + f.height / 2};
    const auto west = projection.inverse(transform.to_projected({centre.x - bar.length_mm / 2, centre.y}));
    const auto east = projection.inverse(transform.to_projected({centre.x + bar.length_mm / 2, centre.y}));
    ASSERT_TRUE(west && east);
    const double rad = M_PI / 180;
    const double h = std::pow(std::sin((east->lat - west->lat) * rad / 2), 2) +
                     std::cos(west->lat * rad) * std::cos(east->lat * rad) *
                         std::pow(std::sin((east->lon - west->lon) * rad / 2), 2);
    const double km = 2 * 6371.0 * std::asin(std::sqrt(h));
    EXPECT_NEAR(km, bar.kilometres, bar.kilometres * 0.005);
    EXPECT_THAT(bar.caption, testing::HasSubstr("true at"));
}

TEST(Furniture, GraticuleMeridiansRunThroughTheirLongitude) {
    const geo::Projection projection;
    const layout::MapTransform transform(layout::project_box(projection, {76, 41, 90, 51}), {4, 20, 120, 100});
    const auto lines = layout::layout_graticule(projection, transform);
    int meridians = 0;
    for (const auto& line : lines) {
        if (!line.meridian) continue;
        ++meridians;
        const auto xy = projection.forward({line.degrees, 46});
        ASSERT_TRUE(xy);
        EXPECT_LT(layout::distance_to_path(transform.to_page(*xy), line.path), 0.05) << line.degrees;
    }
    EXPECT_GE(meridians, 2);
}

// No blobs (issue 17): a flow as wide as it is long reads as a fan. It is drawn as a disc of its width
// at its origin and a thin line carrying its end mark; a flow of the same figure with room stays an arrow.
TEST(FlowLayout, AFlowTooShortForItsWidthIsADiscWithAThinLine) {
    Page page;
    page.place("a", 50, 50);
    page.place("b", 55, 50);  // 5 mm apart: 4 mm wide, a 3 mm head, less than 1 mm of it left
    page.place("c", 50, 90);
    page.place("d", 110, 90);
    page.flow("S", "a", "b", 1000);
    page.flow("L", "c", "d", 1000);
    const auto result = page.lay_out();
    const auto disc = std::find_if(result.hubs.begin(), result.hubs.end(),
                                   [](const layout::FlowHub& hub) { return hub.flow_id == "S"; });
    ASSERT_NE(disc, result.hubs.end());
    EXPECT_TRUE(disc->short_flow);
    EXPECT_DOUBLE_EQ(disc->radius_mm, 2.0) << "the disc is as wide as the flow";
    EXPECT_LT(layout::distance(disc->centre, {50, 50}), 0.01) << "at its origin";
    const auto& line = shape(result, "S");
    EXPECT_EQ(line.part, layout::FlowPart::from_disc);
    EXPECT_DOUBLE_EQ(line.width_mm, 0.35);
    EXPECT_GE(layout::distance(line.centre_line.front(), disc->centre), disc->radius_mm) << "from the rim";
    EXPECT_GT(line.arrow_length_mm, 0) << "the line carries the end mark";
    EXPECT_EQ(shape(result, "L").part, layout::FlowPart::whole);
    EXPECT_DOUBLE_EQ(shape(result, "L").width_mm, 4.0);
    EXPECT_EQ(std::count_if(result.hubs.begin(), result.hubs.end(), [](const auto& hub) { return hub.short_flow; }), 1);
    EXPECT_TRUE(layout::measure_quality(scene_of(page, result)).blob_flows.empty());
}

TEST(Furniture, NorthArrowPointsToTheNorthPole) {
    const geo::Projection projection;
    const layout::Box frame{4, 20, 120, 100};
    const layout::MapTransform transform(layout::project_box(projection, {60, 41, 90, 51}), frame);
    const auto arrow = layout::layout_north_arrow(projection, transform, frame, render::pango_text_measure());
    // West of the central meridian (75°E) north leans to the right on an Albers map; at the arrow's
    // own longitude the meridian and the arrow agree.
    const auto here = projection.inverse(transform.to_projected(arrow.base));
    ASSERT_TRUE(here);
    const auto north = projection.forward({here->lon, here->lat + 1});
    const Point towards = layout::unit(transform.to_page(*north) - arrow.base);
    EXPECT_GT(layout::dot(towards, layout::unit(arrow.tip - arrow.base)), 0.9999);
}

TEST(Furniture, InsetOutlinesTheMapAndHidesNoLabel) {
    DefaultMap map;
    map.options.inset = true;
    map.options.north_arrow = true;
    const auto result = map.build();
    ASSERT_TRUE(result.scene.inset.has_value());
    const auto& inset = *result.scene.inset;
    ASSERT_FALSE(inset.layers.empty());
    EXPECT_EQ(inset.layers.front().name, "land");
    EXPECT_FALSE(inset.layers.front().geometry.polygons.empty());
    ASSERT_EQ(inset.extent.size(), 5u);
    for (const auto& p : inset.extent) EXPECT_TRUE(layout::contains(layout::shrink(inset.box, -0.01), p));
    for (const auto& label : result.scene.labels) EXPECT_FALSE(label.box.overlaps(inset.box)) << label.text;
    EXPECT_TRUE(layout::measure_quality(result.scene).label_overlaps.empty());
}

TEST(LayoutReport, RenderWritesTheReportWithQualityCounts) {
    const auto dir = test::scratch_dir("report");
    const auto result =
        test::run_cli({"render", "-o", (dir / "map.svg").string(), "--report", (dir / "layout.json").string()});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const auto report = nlohmann::json::parse(test::read_file(dir / "layout.json"));
    EXPECT_EQ(report["quality"]["flow_symbol_intrusions"], 0);
    EXPECT_EQ(report["quality"]["overlapping_labels"], 0);
    EXPECT_EQ(report["quality"]["labels_not_placed"], 0);
    ASSERT_GE(report["flows"].size(), 15u);
    for (const auto& flow : report["flows"]) {
        EXPECT_TRUE(flow.contains("id"));
        EXPECT_GE(flow["centre_line"].size(), 2u);
        EXPECT_GT(flow["width_mm"].get<double>(), 0);
    }
    for (const auto& place : report["places"]) EXPECT_GT(place["radius_mm"].get<double>(), 0);
    for (const auto& label : report["labels"]) EXPECT_GT(label["box"]["width"].get<double>(), 0);
    EXPECT_FALSE(report["legend"]["entries"].empty());
    EXPECT_GT(report["scale_bar"]["length_mm"].get<double>(), 0);
}
