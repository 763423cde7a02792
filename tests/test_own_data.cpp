// Users bring their own flights in the least form other tools write: flowmap.blue's pair
// (locations: id, name, lat, lon; flows: origin, dest, count). It reads with stated defaults, says
// once what it assumed, and its figure carries none of the shipped study's wording.
// The places below are a synthetic fixture (rounded coordinates of real towns), not a source.

#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "test_support.hpp"

using namespace steppeflow;
using ::testing::HasSubstr;
using ::testing::Not;

namespace {

const std::string kLocations =
    "id,name,lat,lon\n"
    "dub,Dublin,53.35,-6.26\n"
    "cork,Cork,51.90,-8.47\n"
    "liv,Liverpool,53.41,-2.98\n"
    "bos,Boston,42.36,-71.06\n"
    "nyc,New York,40.71,-74.01\n";

const std::string kFlows =
    "origin,dest,count\n"
    "dub,liv,1200\n"
    "cork,bos,800\n"
    "dub,nyc,2500\n"
    "liv,nyc,400\n";

// Every text the figure draws (title, subtitle, credits, legend, labels), from the PDF.
std::string pdf_text(const std::filesystem::path& pdf) {
    const auto txt = pdf.parent_path() / (pdf.stem().string() + ".txt");
    if (test::run_shell("pdftotext " + pdf.string() + " " + txt.string()) != 0) return {};
    std::string text = test::read_file(txt);
    std::replace(text.begin(), text.end(), '\n', ' ');
    return text;
}

test::CliResult render_pair(const std::filesystem::path& dir, const std::string& locations, const std::string& flows,
                            std::vector<std::string> more = {}) {
    test::write_file(dir / "locations.csv", locations);
    test::write_file(dir / "flows.csv", flows);
    std::vector<std::string> args{
        "render", "--gazetteer", (dir / "locations.csv").string(), "--flows", (dir / "flows.csv").string(), "--dpi",
        "100",    "-o",          (dir / "map.pdf").string(),       "-o",      (dir / "map.json").string()};
    args.insert(args.end(), more.begin(), more.end());
    return test::run_cli(args);
}

}  // namespace

TEST(OwnData, AFlowmapBluePairRendersWithNoneOfTheShippedStudysWording) {
    const auto dir = test::scratch_dir("own_flowmap_pair");
    const auto result = render_pair(dir, kLocations, kFlows);
    ASSERT_EQ(result.exit_code, 0) << result.err;
    // What was assumed is said once per file, not once per row.
    EXPECT_THAT(result.err, HasSubstr("no 'kind' column: its 5 place(s) are drawn as 'place'"));
    EXPECT_THAT(result.err, HasSubstr("no id, date_start, unit, status, certainty columns: read with ids made from "
                                      "the rows (flows-2), no dates, counts in people"));
    EXPECT_THAT(result.err, HasSubstr("no 'source' column: none of its 4 flow(s) names a source"));
    EXPECT_THAT(result.err, Not(HasSubstr("looked up in its gazetteer"))) << "not asked: --gazetteer was given";

    const auto report = nlohmann::json::parse(test::read_file(dir / "map.json"));
    std::vector<std::string> ids;
    for (const auto& flow : report["flows"]) ids.push_back(flow["id"]);
    EXPECT_THAT(ids, ::testing::UnorderedElementsAre("flows-2", "flows-3", "flows-4", "flows-5"));
    EXPECT_EQ(report["texts"][0]["text"], "Recorded movements");
    EXPECT_THAT(report["texts"][1]["text"].get<std::string>(), HasSubstr("Movements recorded in the sources; width"));

    const std::string text = pdf_text(dir / "map.pdf");
    ASSERT_THAT(text, HasSubstr("Recorded movements"));
    for (const char* study : {"Kazakh", "Atantayeva", "archival", "1928", "1933", "Gumilyov", "okrug", "aul"})
        EXPECT_THAT(text, Not(HasSubstr(study))) << study;
    EXPECT_THAT(text, HasSubstr("Dublin"));
    EXPECT_THAT(text, HasSubstr("place")) << "the legend keys the plain dot as a place";
}

TEST(OwnData, TheDefaultTitleStatesTheYearsOfTheData) {
    const auto dir = test::scratch_dir("own_dated");
    const auto result = render_pair(dir,
                                    "id,name,latitude,longitude\n"
                                    "a,Przhevalsk,42.49,78.39\nb,Kashgar,39.47,75.99\nc,Turfan,42.95,89.19\n",
                                    "origin,destination,count,date_start,source\n"
                                    "a,b,300,1916-09,Smith 2020 p. 4\n"
                                    "a,c,120,1917,Smith 2020 p. 5\n");
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const auto report = nlohmann::json::parse(test::read_file(dir / "map.json"));
    EXPECT_EQ(report["texts"][0]["text"], "Recorded movements, 1916–1917");
    const std::string text = pdf_text(dir / "map.pdf");
    EXPECT_THAT(text, HasSubstr("Data: Smith 2020 p. 4; Smith 2020 p. 5."));
    EXPECT_THAT(text, Not(HasSubstr("Atantayeva")));
    // In Russian, the same defaults in Russian.
    const auto ru =
        render_pair(dir, test::read_file(dir / "locations.csv"), test::read_file(dir / "flows.csv"), {"--lang", "ru"});
    ASSERT_EQ(ru.exit_code, 0) << ru.err;
    const auto ru_report = nlohmann::json::parse(test::read_file(dir / "map.json"));
    EXPECT_EQ(ru_report["texts"][0]["text"], "Зафиксированные перемещения, 1916–1917");
    EXPECT_THAT(ru.err, Not(HasSubstr("the title is in"))) << "a made title is in the map's language";
}

TEST(OwnData, TheShippedDataKeepsTheStudysTitleAndAGivenTitleWins) {
    const auto dir = test::scratch_dir("own_shipped_title");
    const auto shipped = test::run_cli({"render", "--dpi", "50", "-o", (dir / "map.json").string()});
    ASSERT_EQ(shipped.exit_code, 0) << shipped.err;
    auto report = nlohmann::json::parse(test::read_file(dir / "map.json"));
    EXPECT_EQ(report["texts"][0]["text"], "Flight of Kazakh households across the border, 1928–1933");
    EXPECT_THAT(report["texts"][1]["text"].get<std::string>(), HasSubstr("recorded in the archival sources"));
    const auto given = render_pair(dir, kLocations, kFlows, {"--title", "Irish emigration"});
    ASSERT_EQ(given.exit_code, 0) << given.err;
    report = nlohmann::json::parse(test::read_file(dir / "map.json"));
    EXPECT_EQ(report["texts"][0]["text"], "Irish emigration");
}

TEST(OwnData, MissingColumnsAreAllNamedInOneMessage) {
    const auto dir = test::scratch_dir("own_missing_columns");
    const auto flows = render_pair(dir, kLocations, "from,to,count\ndub,liv,5\n");
    EXPECT_EQ(flows.exit_code, 1);
    EXPECT_THAT(flows.err, HasSubstr("flows.csv:1 (field 'origin'): missing columns 'origin', 'destination'"));
    EXPECT_THAT(flows.err, HasSubstr("a flow table needs at least origin, destination (or dest) and count"));
    const auto places = render_pair(dir, "code,label,y,x\ndub,Dublin,53.35,-6.26\n", kFlows);
    EXPECT_EQ(places.exit_code, 1);
    EXPECT_THAT(places.err, HasSubstr("missing columns 'id', 'name', 'lat', 'lon'"));
    EXPECT_THAT(places.err, HasSubstr("the header has: code, label, y, x"));
    EXPECT_THAT(places.err, HasSubstr("a gazetteer needs at least id, name, lat and lon"));
    // A near miss is still pointed at, among the others.
    const auto near = render_pair(dir, "id,nme,lat,lon_\ndub,Dublin,53.35,-6.26\n", kFlows);
    EXPECT_THAT(near.err, HasSubstr("missing columns 'name', 'lon'"));
    EXPECT_THAT(near.err, HasSubstr("did you mean 'nme' for 'name', 'lon_' for 'lon'?"));
}

TEST(OwnData, ValidateReadsThePairAndWarnsOnceAboutWhatItLacks) {
    const auto dir = test::scratch_dir("own_validate");
    test::write_file(dir / "locations.csv", kLocations);
    test::write_file(dir / "flows.csv", kFlows);
    const auto result = test::run_cli({"validate", (dir / "locations.csv").string(), (dir / "flows.csv").string()});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    EXPECT_THAT(result.out, HasSubstr("coord_source is empty for 5 places (dub, cork, liv, bos, nyc)"));
    EXPECT_THAT(result.out, HasSubstr("source is empty for 4 flows (flows-2, flows-3, flows-4, flows-5)"));
    EXPECT_THAT(result.out, HasSubstr("5 places, 4 flows: 0 errors"));
    // Flows alone are checked against the shipped gazetteer, and it says so.
    const auto alone = test::run_cli({"validate", (dir / "flows.csv").string()});
    EXPECT_THAT(alone.out, HasSubstr("no gazetteer among the files: places are looked up in geodata/gazetteer.csv"));
}

TEST(OwnData, InitWritesAProjectThatRendersFromItsOwnFolderAndNeverOverwrites) {
    const auto dir = test::scratch_dir("own_init") / "my map";
    const auto made = test::run_cli({"init", dir.string()});
    ASSERT_EQ(made.exit_code, 0) << made.err;
    for (const char* file : {"places.csv", "flows.csv", "figure.toml", "style.toml"})
        EXPECT_TRUE(std::filesystem::exists(dir / file)) << file;
    // Its paths are the spec's own: the figure lands in the project's output/, whatever the working
    // directory; its data validates; no word of the shipped study.
    const auto rendered = test::run_cli({"render", (dir / "figure.toml").string(), "-q"});
    ASSERT_EQ(rendered.exit_code, 0) << rendered.err;
    EXPECT_EQ(rendered.err, "") << "a template renders without a warning";
    for (const char* file : {"figure.png", "figure.pdf", "figure.svg", "figure.gpkg", "figure_layout.json"})
        EXPECT_TRUE(std::filesystem::exists(dir / "output" / file)) << file;
    const auto report = nlohmann::json::parse(test::read_file(dir / "output" / "figure_layout.json"));
    EXPECT_EQ(report["flows"].size(), 3U);
    EXPECT_THAT(pdf_text(dir / "output" / "figure.pdf"), Not(HasSubstr("Atantayeva")));
    const auto checked = test::run_cli({"validate", (dir / "places.csv").string(), (dir / "flows.csv").string()});
    EXPECT_EQ(checked.exit_code, 0) << checked.err;
    // A second init into the same folder touches nothing.
    test::write_file(dir / "flows.csv", "kept\n");
    const auto again = test::run_cli({"init", dir.string()});
    EXPECT_EQ(again.exit_code, 2);
    EXPECT_THAT(again.err, HasSubstr("places.csv: already exists"));
    EXPECT_EQ(test::read_file(dir / "flows.csv"), "kept\n");
}

namespace {

// A workbook of two sheets, places and flows, made from CSV by GDAL as a spreadsheet program would
// save it: the flows' dates as date cells, counts as numbers.
std::filesystem::path workbook(const std::filesystem::path& dir, const std::string& flows) {
    test::write_file(dir / "places.csv",
                     "id,name,lat,lon\ndub,Dublin,53.35,-6.26\ncork,Cork,51.90,-8.47\n"
                     "bos,Boston,42.36,-71.06\n");
    test::write_file(dir / "flows.csv", flows);
    const auto book = dir / "data.xlsx";
    std::filesystem::remove(book);
    const std::string to = " " + book.string() + " ";
    if (test::run_shell("ogr2ogr -f XLSX" + to + (dir / "places.csv").string() + " -nln places") != 0 ||
        test::run_shell("ogr2ogr -f XLSX -update" + to + (dir / "flows.csv").string() +
                        " -nln flows -oo AUTODETECT_TYPE=YES") != 0)
        return {};
    return book;
}

}  // namespace

TEST(OwnData, ASpreadsheetsSheetsAreNamedAndItsDateCellsRead) {
    const auto dir = test::scratch_dir("own_workbook");
    const auto book = workbook(dir,
                               "origin,dest,count,date_start,source\ndub,bos,1200,1916-09-15,S p1\n"
                               "cork,bos,300,1917-03-02,S p2\n");
    ASSERT_FALSE(book.empty()) << "ogr2ogr made the workbook";
    const std::string places = book.string() + ":places";
    const std::string flows = book.string() + ":flows";
    const auto result = test::run_cli(
        {"render", "--gazetteer", places, "--flows", flows, "--dpi", "50", "-o", (dir / "map.json").string()});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const auto report = nlohmann::json::parse(test::read_file(dir / "map.json"));
    // The date cells (GDAL gives 1916/09/15) are the days they are; ids name the sheet and row.
    EXPECT_EQ(report["texts"][0]["text"], "Recorded movements, 1916–1917");
    std::vector<std::string> ids;
    for (const auto& flow : report["flows"]) ids.push_back(flow["id"]);
    EXPECT_THAT(ids, ::testing::UnorderedElementsAre("flows-2", "flows-3"));
    // The first sheet is not the flows: the message says which sheets there are and how to pick one.
    const auto first =
        test::run_cli({"render", "--gazetteer", places, "--flows", book.string(), "-o", (dir / "x.json").string()});
    EXPECT_EQ(first.exit_code, 1);
    EXPECT_THAT(first.err, HasSubstr("data.xlsx: sheet places (field 'origin'): missing columns 'origin', "
                                     "'destination', 'count'"));
    EXPECT_THAT(first.err, HasSubstr("this is sheet 'places' of the file, which also has flows: name one as " +
                                     book.string() + ":flows"));
    const auto misnamed = test::run_cli(
        {"render", "--gazetteer", places, "--flows", book.string() + ":flow", "-o", (dir / "x.json").string()});
    EXPECT_EQ(misnamed.exit_code, 1);
    EXPECT_THAT(misnamed.err, HasSubstr("data.xlsx: no sheet 'flow'; did you mean 'flows'? the file's sheets: "
                                        "places, flows"));
}

TEST(OwnData, ASpreadsheetsErrorsNameTheSheetRowAndColumn) {
    const auto dir = test::scratch_dir("own_workbook_error");
    const auto book = workbook(dir,
                               "origin,dest,count,date_start,source\ndub,bos,1200,1916-09-15,S p1\n"
                               "cork,bos,3OO,1917-03-02,S p2\n");
    ASSERT_FALSE(book.empty());
    const auto result = test::run_cli({"render", "--gazetteer", book.string() + ":places", "--flows",
                                       book.string() + ":flows", "-o", (dir / "x.json").string()});
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_THAT(result.err, HasSubstr("data.xlsx: sheet flows, row 3, column C (field 'count'): expected a whole "
                                      "number, found '3OO'"));
}

TEST(OwnData, AGazetteerInAnotherCoordinateSystemIsReprojected) {
    const auto dir = test::scratch_dir("own_reprojected");
    test::write_file(dir / "places.csv", kLocations);
    test::write_file(dir / "flows.csv", kFlows);
    ASSERT_EQ(
        test::run_shell("ogr2ogr -f GPKG " + (dir / "mercator.gpkg").string() + " " + (dir / "places.csv").string() +
                        " -oo X_POSSIBLE_NAMES=lon -oo Y_POSSIBLE_NAMES=lat -s_srs EPSG:4326 -t_srs EPSG:3857 "
                        "-nln towns -select id,name"),
        0);
    const auto render = [&](const std::filesystem::path& gazetteer, const std::string& report) {
        const auto result =
            test::run_cli({"render", "--gazetteer", gazetteer.string(), "--flows", (dir / "flows.csv").string(),
                           "--dpi", "50", "-o", (dir / report).string(), "-q"});
        EXPECT_EQ(result.exit_code, 0) << result.err;
        return nlohmann::json::parse(test::read_file(dir / report))["places"];
    };
    const auto lonlat = render(dir / "places.csv", "lonlat.json");
    const auto mercator = render(dir / "mercator.gpkg", "mercator.json");
    ASSERT_EQ(lonlat.size(), mercator.size());
    for (std::size_t i = 0; i < lonlat.size(); ++i) {
        EXPECT_EQ(lonlat[i]["id"], mercator[i]["id"]);
        EXPECT_NEAR(lonlat[i]["x"].get<double>(), mercator[i]["x"].get<double>(), 0.01) << lonlat[i]["id"];
        EXPECT_NEAR(lonlat[i]["y"].get<double>(), mercator[i]["y"].get<double>(), 0.01) << lonlat[i]["id"];
    }
}

TEST(OwnData, RenderRefusesWhatValidateRefuses) {
    const auto dir = test::scratch_dir("own_same_rules");
    const std::string places = "id,name,lat,lon,parent\ndub,Dublin,53.35,-6.26,irelnd\nliv,Liverpool,53.41,-2.98,\n";
    test::write_file(dir / "locations.csv", places);
    test::write_file(dir / "flows.csv", "origin,dest,count\ndub,liv,5\n");
    const auto checked = test::run_cli({"validate", (dir / "locations.csv").string(), (dir / "flows.csv").string()});
    EXPECT_EQ(checked.exit_code, 1);
    EXPECT_THAT(checked.err, HasSubstr("unknown parent 'irelnd'"));
    const auto rendered = render_pair(dir, places, "origin,dest,count\ndub,liv,5\n");
    EXPECT_EQ(rendered.exit_code, 1);
    EXPECT_THAT(rendered.err, HasSubstr("locations.csv:2:5 (field 'parent'): unknown parent 'irelnd'"));
}
