// -o flows.geojson and -o flows.gpkg: the drawn flows as lines and the places as points in lon/lat,
// with every attribute, read back through GDAL (as QGIS would) and compared with the layout report
// and the flow table.

#include <cmath>
#include <map>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "geo/projection.hpp"
#include "io/flow_reader.hpp"
#include "io/gazetteer_reader.hpp"
#include "io/gdal_handles.hpp"
#include "io/gdal_source.hpp"
#include "model/gazetteer.hpp"
#include "test_support.hpp"

using namespace steppeflow;
using ::testing::HasSubstr;

namespace {

struct ReadFeature {
    std::map<std::string, std::string> fields;  // as text; absent when null
    std::vector<model::LonLat> points;
};

struct ReadLayer {
    std::string geometry;  // OGR's name of the layer's geometry type
    std::vector<ReadFeature> features;
};

// Every layer of a vector file, through GDAL.
std::vector<ReadLayer> read_back(const std::filesystem::path& path) {
    const io::GdalApi& api = io::gdal();
    const char* const drivers[] = {"GPKG", "GeoJSON", nullptr};
    const io::DatasetHandle dataset(
        api.GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers, nullptr, nullptr));
    if (!dataset) throw std::runtime_error("GDAL cannot open " + path.string());
    std::vector<ReadLayer> layers;
    for (int l = 0; l < api.GDALDatasetGetLayerCount(dataset.get()); ++l) {
        OGRLayerH layer = api.GDALDatasetGetLayer(dataset.get(), l);
        OGRFeatureDefnH definition = api.OGR_L_GetLayerDefn(layer);
        ReadLayer out;
        api.OGR_L_ResetReading(layer);
        while (OGRFeatureH raw = api.OGR_L_GetNextFeature(layer)) {
            const io::FeatureHandle feature(raw);
            ReadFeature f;
            for (int i = 0; i < api.OGR_FD_GetFieldCount(definition); ++i) {
                if (api.OGR_F_IsFieldSetAndNotNull(feature.get(), i) == 0) continue;
                f.fields[api.OGR_Fld_GetNameRef(api.OGR_FD_GetFieldDefn(definition, i))] =
                    api.OGR_F_GetFieldAsString(feature.get(), i);
            }
            if (OGRGeometryH geometry = api.OGR_F_GetGeometryRef(feature.get())) {
                for (int i = 0; i < api.OGR_G_GetPointCount(geometry); ++i)
                    f.points.push_back({api.OGR_G_GetX(geometry, i), api.OGR_G_GetY(geometry, i)});
                out.geometry = api.OGR_G_GetGeometryName(geometry);
            }
            out.features.push_back(std::move(f));
        }
        layers.push_back(std::move(out));
    }
    return layers;
}

// Great-circle distance in km (a sphere is close enough for "within tens of km").
double km_between(model::LonLat a, model::LonLat b) {
    constexpr double kRadian = 3.14159265358979323846 / 180;
    const double dlat = (b.lat - a.lat) * kRadian;
    const double dlon = (b.lon - a.lon) * kRadian;
    const double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
                     std::cos(a.lat * kRadian) * std::cos(b.lat * kRadian) * std::sin(dlon / 2) * std::sin(dlon / 2);
    return 2 * 6371 * std::asin(std::sqrt(h));
}

const ReadFeature& by_id(const std::vector<ReadFeature>& features, const std::string& id, const std::string& part) {
    return test::find_one(
        features, [&](const ReadFeature& f) { return f.fields.at("id") == id && f.fields.at("part") == part; },
        id + " " + part);
}

}  // namespace

TEST(GisExport, TheDrawnFlowsAndPlacesReadBackInLonLatWithTheirRecords) {
    const auto dir = test::scratch_dir("gis_export");
    const auto result = test::run_cli({"render", (test::source_dir() / "figures" / "overview.toml").string(), "-o",
                                       (dir / "map.gpkg").string(), "-o", (dir / "map.geojson").string(), "--report",
                                       (dir / "map.json").string()});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const auto report = nlohmann::json::parse(test::read_file(dir / "map.json"));
    const model::Gazetteer gazetteer(io::read_places(test::source_dir() / "geodata" / "gazetteer.csv"));
    std::map<std::string, model::Flow> table;
    for (auto& flow : io::read_flows(test::source_dir() / "geodata" / "flows.csv")) table[flow.id] = flow;

    const auto layers = read_back(dir / "map.gpkg");
    ASSERT_EQ(layers.size(), 2U);
    const auto& flows = layers[0].features;
    const auto& places = layers[1].features;
    EXPECT_EQ(layers[0].geometry, "LINESTRING");
    EXPECT_EQ(layers[1].geometry, "POINT");
    // One line per drawn flow shape, one point per place symbol, as the report lists them.
    EXPECT_EQ(flows.size(), report["flows"].size());
    EXPECT_EQ(places.size(), report["places"].size());

    // Every attribute of the record, as the table states it.
    const auto& f014 = by_id(flows, "F014", "whole");
    const model::Flow& record = table.at("F014");
    EXPECT_EQ(f014.fields.at("count"), std::to_string(*record.count));
    EXPECT_EQ(f014.fields.at("origin"), record.origin);
    EXPECT_EQ(f014.fields.at("via"), "koljai_outpost");
    EXPECT_EQ(f014.fields.at("destination"), "china");
    EXPECT_EQ(f014.fields.at("date_end"), "1930-11-24");
    EXPECT_EQ(f014.fields.count("date_start"), 0U) << "an unstated date is null, not an empty text";
    EXPECT_EQ(f014.fields.at("status"), "attempted");
    EXPECT_EQ(f014.fields.at("end_mark"), "chevron");
    EXPECT_EQ(f014.fields.at("unit"), "families");
    EXPECT_EQ(f014.fields.at("source"), record.source);
    EXPECT_EQ(f014.fields.at("quote"), record.quote);
    EXPECT_EQ(f014.fields.at("width_mm"), "4");
    // A short flow drawn as a disc says the disc's size beside its thin line's.
    const auto& f021 = by_id(flows, "F021", "from_disc");
    EXPECT_EQ(f021.fields.at("disc_mm"), "4");
    EXPECT_EQ(f021.fields.at("quote"), table.at("F021").quote);

    // The line is the curve as drawn: its ends, projected back onto the page, are the drawn ends; it
    // leaves from beside its origin; it is densified (a vertex at least every half millimetre).
    const auto& g = report["georeference"];
    const geo::Projection projection(g["projection"].get<std::string>());
    const double scale = g["mm_per_metre"];
    const auto to_page = [&](model::LonLat p) {
        const auto xy = projection.forward(p);
        return std::pair{g["frame_mm"]["x"].get<double>() + (xy->x - g["extent_m"]["xmin"].get<double>()) * scale,
                         g["frame_mm"]["y"].get<double>() + (g["extent_m"]["ymax"].get<double>() - xy->y) * scale};
    };
    for (std::size_t i = 0; i < flows.size(); ++i) {
        const auto& shape = report["flows"][i];
        const auto& line = flows[i];
        const std::string id = shape["id"];
        ASSERT_EQ(line.fields.at("id"), id) << "in drawing order";
        ASSERT_GE(line.points.size(), 2U) << id;
        const auto& centre = shape["centre_line"];
        for (const auto& [vertex, drawn] :
             {std::pair{line.points.front(), centre.front()}, std::pair{line.points.back(), centre.back()}}) {
            const auto [x, y] = to_page(vertex);
            EXPECT_NEAR(x, drawn[0].get<double>(), 0.01) << id;
            EXPECT_NEAR(y, drawn[1].get<double>(), 0.01) << id;
        }
        const model::Flow& flow = table.at(id);
        const model::Place* origin = gazetteer.find(flow.origin);
        if (line.fields.at("part") == "whole" && origin != nullptr &&
            (origin->kind == model::PlaceKind::district || origin->kind == model::PlaceKind::village))
            EXPECT_LT(km_between(line.points.front(), origin->position), 40) << id << " starts at its origin";
        double page_length = 0;
        for (std::size_t k = 1; k < centre.size(); ++k)
            page_length += std::hypot(centre[k][0].get<double>() - centre[k - 1][0].get<double>(),
                                      centre[k][1].get<double>() - centre[k - 1][1].get<double>());
        EXPECT_GE(static_cast<double>(line.points.size()), page_length / 0.5) << id;
    }
    // Places stand where the gazetteer puts them, not where a symbol was moved to make room.
    for (const auto& place : places) {
        const model::Place* entry = gazetteer.find(place.fields.at("id"));
        ASSERT_NE(entry, nullptr);
        ASSERT_EQ(place.points.size(), 1U);
        EXPECT_NEAR(place.points[0].lon, entry->position.lon, 1e-9);
        EXPECT_NEAR(place.points[0].lat, entry->position.lat, 1e-9);
        EXPECT_EQ(place.fields.at("coord_source"), entry->coord_source);
    }

    // GeoJSON: one layer of both, told apart by `layer`; the same features, lon/lat per RFC 7946.
    const auto geojson = read_back(dir / "map.geojson");
    ASSERT_EQ(geojson.size(), 1U);
    std::size_t lines = 0;
    std::size_t points = 0;
    for (const auto& feature : geojson[0].features) {
        (feature.fields.at("layer") == "flow" ? lines : points) += 1;
        for (const auto& p : feature.points) {
            EXPECT_GT(p.lon, 60) << "longitude first";
            EXPECT_LT(p.lat, 60);
        }
    }
    EXPECT_EQ(lines, flows.size());
    EXPECT_EQ(points, places.size());
    const auto json = nlohmann::json::parse(test::read_file(dir / "map.geojson"));
    EXPECT_EQ(json["type"], "FeatureCollection");
}

TEST(GisExport, PanelsOfSmallMultiplesAreNamedOnTheirFeatures) {
    const auto dir = test::scratch_dir("gis_export_panels");
    const auto spec = test::spec_writing_into(test::source_dir() / "figures" / "years_multiples.toml", dir);
    const auto result = test::run_cli({"render", spec.string(), "-o", (dir / "panels.gpkg").string()});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const auto layers = read_back(dir / "panels.gpkg");
    ASSERT_EQ(layers.size(), 2U);
    std::map<std::string, int> per_panel;
    for (const auto& flow : layers[0].features) per_panel[flow.fields.count("panel") ? flow.fields.at("panel") : ""]++;
    EXPECT_EQ(per_panel.count(""), 0U) << "every flow is in a panel";
    EXPECT_GE(per_panel.size(), 3U);
    EXPECT_GT(per_panel["1930"], 5);
}

TEST(GisExport, AnOutputThatCannotBeWrittenIsAClearError) {
    const auto dir = test::scratch_dir("gis_export_error");
    const auto result = test::run_cli({"render", "-o", (dir / "missing" / "x" / "map.gpkg").string()});
    // The directory is made, as for any output; the file appears whole or not at all.
    EXPECT_EQ(result.exit_code, 0) << result.err;
    EXPECT_TRUE(std::filesystem::exists(dir / "missing" / "x" / "map.gpkg"));
    const auto help = test::run_cli({"render", "--help"});
    EXPECT_THAT(help.out, HasSubstr(".geojson"));
    EXPECT_THAT(help.out, HasSubstr(".gpkg"));
}
