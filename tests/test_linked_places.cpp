// The gazetteer out to Linked Places (LPF 1.2 JSON-LD and LP-TSV, as the World Historical Gazetteer
// and Pelagios read them) and back in: a place keeps its names and languages, position, certainty,
// sources and links, and a figure drawn from the LPF file is the figure drawn from the CSV.

#include <set>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "io/gazetteer_reader.hpp"
#include "test_support.hpp"

using namespace steppeflow;
using ::testing::HasSubstr;

namespace {

const auto kShipped = test::source_dir() / "geodata" / "gazetteer.csv";

std::set<std::string> variants_besides_title(const model::Place& place) {
    std::set<std::string> out(place.variants.begin(), place.variants.end());
    out.erase(place.name_en);
    return out;
}

// What both Linked Places forms carry of a place: id, kind, names in three languages, position, the
// coordinates' source and the title's.
void expect_same_core(const model::Place& a, const model::Place& b) {
    EXPECT_EQ(a.id, b.id);
    EXPECT_EQ(a.kind, b.kind) << a.id;
    EXPECT_EQ(a.name_en, b.name_en) << a.id;
    EXPECT_EQ(a.name_ru, b.name_ru) << a.id;
    EXPECT_EQ(a.name_kk, b.name_kk) << a.id;
    EXPECT_EQ(a.position, b.position) << a.id;
    EXPECT_EQ(a.coord_source, b.coord_source) << a.id;
    EXPECT_EQ(a.source, b.source) << a.id;
}

}  // namespace

TEST(LinkedPlaces, TheShippedGazetteerGoesOutAsLpfAndComesBackTheSame) {
    const auto dir = test::scratch_dir("lpf_round_trip");
    const auto written =
        test::run_cli({"places", "--gazetteer", kShipped.string(), "-o", (dir / "places.jsonld").string()});
    ASSERT_EQ(written.exit_code, 0) << written.err;
    const auto document = nlohmann::json::parse(test::read_file(dir / "places.jsonld"));
    EXPECT_EQ(document["type"], "FeatureCollection");
    EXPECT_THAT(document["@context"].get<std::string>(), HasSubstr("linkedplaces-context"));
    const auto original = io::read_places(kShipped);
    ASSERT_EQ(document["features"].size(), original.size());
    const auto& kulja = test::find_one(
        document["features"], [](const nlohmann::json& f) { return f["@id"].get<std::string>().ends_with("/kulja"); },
        "kulja");
    EXPECT_EQ(kulja["type"], "Feature");
    EXPECT_EQ(kulja["geometry"]["type"], "Point");
    std::set<std::string> languages;
    for (const auto& name : kulja["names"])
        if (name.contains("lang")) languages.insert(name["lang"].get<std::string>());
    EXPECT_EQ(languages, (std::set<std::string>{"en", "ru", "kk"}));
    // A place located to ±400 km is 'uncertain' in LPF's words; the radius itself rides along.
    const auto& akchauli = test::find_one(
        document["features"],
        [](const nlohmann::json& f) { return f["@id"].get<std::string>().ends_with("/akchauli_aul_council"); },
        "akchauli");
    EXPECT_EQ(akchauli["geometry"]["certainty"], "uncertain");

    // Read back as a gazetteer: every place as it was (names, languages, position, radius, sources).
    const auto back = io::read_places(dir / "places.jsonld");
    ASSERT_EQ(back.size(), original.size());
    for (std::size_t i = 0; i < back.size(); ++i) {
        const auto& a = original[i];
        const auto& b = back[i];
        expect_same_core(a, b);
        EXPECT_EQ(variants_besides_title(a), variants_besides_title(b)) << a.id;
        EXPECT_EQ(a.precision_km, b.precision_km) << a.id;
        EXPECT_EQ(a.placed_at, b.placed_at) << a.id;
        EXPECT_EQ(a.period, b.period) << a.id;
        EXPECT_EQ(a.parent, b.parent) << a.id;
        EXPECT_EQ(a.note, b.note) << a.id;
    }
    // And a figure drawn from it is the figure drawn from the CSV.
    const auto from_lpf = test::run_cli({"render", "--gazetteer", (dir / "places.jsonld").string(), "--dpi", "50", "-o",
                                         (dir / "lpf.json").string(), "-q"});
    const auto from_csv = test::run_cli({"render", "--dpi", "50", "-o", (dir / "csv.json").string(), "-q"});
    ASSERT_EQ(from_lpf.exit_code, 0) << from_lpf.err;
    ASSERT_EQ(from_csv.exit_code, 0) << from_csv.err;
    const auto a = nlohmann::json::parse(test::read_file(dir / "lpf.json"));
    const auto b = nlohmann::json::parse(test::read_file(dir / "csv.json"));
    EXPECT_EQ(a["places"], b["places"]);
    EXPECT_EQ(a["labels"], b["labels"]);
    EXPECT_EQ(a["flows"], b["flows"]);
}

TEST(LinkedPlaces, LinksToGeoNamesAndWikidataAndTheTsvForm) {
    const auto dir = test::scratch_dir("lpf_links");
    test::write_file(dir / "places.csv",
                     "id,name,lat,lon,kind,source,geonames_id,wikidata_id,period\n"
                     "karakol,Przhevalsk,42.49,78.39,town,Smith 2020 p. 4,1528121,Q1016224,1889-1939\n"
                     "kashgar,Kashgar,39.47,75.99,town,Smith 2020 p. 9,,,\n");
    ASSERT_EQ(test::run_cli({"places", "--gazetteer", (dir / "places.csv").string(), "-o", (dir / "p.jsonld").string(),
                             "--id-base", "https://example.org/p/"})
                  .exit_code,
              0);
    const auto document = nlohmann::json::parse(test::read_file(dir / "p.jsonld"));
    const auto& karakol = document["features"][0];
    EXPECT_EQ(karakol["@id"], "https://example.org/p/karakol");
    EXPECT_EQ(karakol["links"][0]["identifier"], "gn:1528121");
    EXPECT_EQ(karakol["links"][1]["identifier"], "wd:Q1016224");
    EXPECT_EQ(karakol["when"]["timespans"][0]["start"]["in"], "1889");
    EXPECT_EQ(karakol["names"][0]["citations"][0]["label"], "Smith 2020 p. 4");
    const auto back = io::read_places(dir / "p.jsonld");
    ASSERT_EQ(back.size(), 2U);
    EXPECT_EQ(back[0].geonames_id, "1528121");
    EXPECT_EQ(back[0].wikidata_id, "Q1016224");
    EXPECT_EQ(back[1].geonames_id, "");

    ASSERT_EQ(test::run_cli({"places", "--gazetteer", (dir / "places.csv").string(), "-o", (dir / "p.tsv").string()})
                  .exit_code,
              0);
    const std::string tsv = test::read_file(dir / "p.tsv");
    EXPECT_TRUE(
        tsv.starts_with("id\ttitle\ttitle_source\tstart\tend\tvariants\ttypes\tmatches\tlon\tlat\tgeo_source\t"
                        "description\n"));
    EXPECT_THAT(tsv, HasSubstr("karakol\tPrzhevalsk\tSmith 2020 p. 4\t1889\t1939\t\ttown\tgn:1528121;wd:Q1016224\t"
                               "78.39\t42.49\t"));
}

TEST(LinkedPlaces, AFeatureWithoutAPointIsNamed) {
    const auto dir = test::scratch_dir("lpf_bad");
    test::write_file(dir / "bad.jsonld", R"({"type": "FeatureCollection", "features": [
 {"@id": "https://x.org/a", "type": "Feature", "properties": {"title": "A"},
  "geometry": {"type": "Point", "coordinates": [10, 20]}},
 {"@id": "https://x.org/b", "type": "Feature", "properties": {"title": "B"}}]})");
    try {
        (void)io::read_places(dir / "bad.jsonld");
        FAIL() << "a place without a point was read";
    } catch (const DataError& e) {
        EXPECT_THAT(e.what(), HasSubstr("bad.jsonld: feature 2 (field 'geometry'): place 'b' has no point geometry"));
    }
    const auto wrong = test::run_cli({"places", "-o", (dir / "p.kml").string()});
    EXPECT_EQ(wrong.exit_code, 2);
    EXPECT_THAT(wrong.err, HasSubstr("write Linked Places as .jsonld (or .json) or LP-TSV as .tsv"));
}

TEST(LinkedPlaces, AnLpTsvTableReadsBackAsAGazetteer) {
    const auto dir = test::scratch_dir("lp_tsv_back");
    ASSERT_EQ(
        test::run_cli({"places", "--gazetteer", kShipped.string(), "-o", (dir / "places.tsv").string()}).exit_code, 0);
    const auto original = io::read_places(kShipped);
    const auto back = io::read_places(dir / "places.tsv");
    ASSERT_EQ(back.size(), original.size());
    for (std::size_t i = 0; i < back.size(); ++i) {
        expect_same_core(original[i], back[i]);
    }
    // LP-TSV has no column for a stated radius: a table read from it says nothing of precision.
    EXPECT_FALSE(back.front().precision_km.has_value());
}

TEST(LinkedPlaces, AFileOfAnotherShapeIsReadOrRefusedNeverACrash) {
    const auto dir = test::scratch_dir("lpf_shapes");
    // The World Historical Gazetteer's GeometryCollection, and members of the wrong type: read.
    test::write_file(dir / "whg.jsonld", R"({"type": "FeatureCollection", "features": [
 {"@id": "https://whgazetteer.org/places/123/", "type": "Feature", "properties": {"title": "Kulja"},
  "when": null, "names": "none", "types": {"label": "town"}, "links": 7,
  "geometry": {"type": "GeometryCollection", "geometries": [
    {"type": "LineString", "coordinates": [[1, 2], [3, 4]]},
    {"type": "Point", "coordinates": [81.33, 43.91], "citations": [{"label": "WHG"}]}]}}]})");
    const auto places = io::read_places(dir / "whg.jsonld");
    ASSERT_EQ(places.size(), 1U);
    EXPECT_EQ(places[0].id, "123");
    EXPECT_EQ(places[0].position, (model::LonLat{81.33, 43.91}));
    EXPECT_EQ(places[0].coord_source, "WHG");
    // No location, coordinates of the wrong type or out of range: refused with the feature named.
    for (const auto& [geometry, message] : std::vector<std::pair<std::string, std::string>>{
             {"null", "has no point geometry"},
             {R"({"type": "Point", "coordinates": {"a": 1, "b": 2}})", "has no point geometry"},
             {R"({"type": "Point", "coordinates": [200, 43]})", "point (200, 43) is outside WGS84"},
             {R"({"type": "Point", "coordinates": [80, 43], "precision_km": -3})", "-3 is out of range"}}) {
        test::write_file(dir / "bad.jsonld", R"({"type": "FeatureCollection", "features": [{"@id": "x:a", )"
                                             R"("properties": {"title": "A"}, "geometry": )" +
                                                 geometry + "}]}");
        try {
            (void)io::read_places(dir / "bad.jsonld");
            ADD_FAILURE() << geometry << " was read";
        } catch (const DataError& e) {
            EXPECT_THAT(e.what(), HasSubstr("bad.jsonld: feature 1")) << geometry;
            EXPECT_THAT(e.what(), HasSubstr(message)) << geometry;
        }
    }
}

TEST(LinkedPlaces, ValidateReadsTheGazetteerFormatsRenderReads) {
    const auto dir = test::scratch_dir("lpf_validate");
    ASSERT_EQ(test::run_cli({"places", "-o", (dir / "p.jsonld").string()}).exit_code, 0);
    ASSERT_EQ(test::run_cli({"places", "-o", (dir / "p.tsv").string()}).exit_code, 0);
    const auto flows = (test::source_dir() / "geodata" / "flows.csv").string();
    for (const char* name : {"p.jsonld", "p.tsv"}) {
        const auto result = test::run_cli({"validate", (dir / name).string(), flows});
        EXPECT_EQ(result.exit_code, 0) << name << ": " << result.err;
        EXPECT_THAT(result.out, HasSubstr("71 places")) << name;
        EXPECT_THAT(result.out, ::testing::Not(HasSubstr("no gazetteer among the files"))) << name;
    }
}
