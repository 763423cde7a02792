// The shipped dataset and the validate / stats / place commands.

#include <set>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "io/flow_reader.hpp"
#include "io/gazetteer_reader.hpp"
#include "model/gazetteer.hpp"
#include "model/quote_numbers.hpp"
#include "model/stats.hpp"
#include "model/validation.hpp"
#include "test_support.hpp"

using namespace steppeflow;
using ::testing::HasSubstr;
using ::testing::Not;

namespace {
const std::filesystem::path kGazetteer = test::source_dir() / "geodata" / "gazetteer.csv";
const std::filesystem::path kFlows = test::source_dir() / "geodata" / "flows.csv";

std::vector<model::Flow> shipped_flows() { return io::read_flows(kFlows); }

const model::StatsRow& row_for(const std::vector<model::StatsRow>& rows, const std::string& key) {
    const auto found = std::find_if(rows.begin(), rows.end(), [&](const auto& r) { return r.key == key; });
    if (found == rows.end()) throw std::runtime_error("no stats row " + key);
    return *found;
}
}  // namespace

TEST(Dataset, ShippedDataValidatesWithoutErrors) {
    const auto result = test::run_cli({"validate", kGazetteer.string(), kFlows.string()});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    EXPECT_THAT(result.out, HasSubstr("0 errors"));
}

TEST(Dataset, EveryFlowAndEveryCoordinateNamesItsSource) {
    const model::Gazetteer gazetteer(io::read_places(kGazetteer));
    EXPECT_GE(gazetteer.places().size(), 50u);
    for (const auto& place : gazetteer.places()) {
        EXPECT_FALSE(place.coord_source.empty()) << place.id;
        EXPECT_TRUE(place.precision_km.has_value()) << place.id;
        EXPECT_FALSE(place.name_ru.empty()) << place.id;
        EXPECT_FALSE(place.name_kk.empty()) << place.id;
    }
    const auto flows = shipped_flows();
    EXPECT_GE(flows.size(), 40u);
    for (const auto& flow : flows) {
        EXPECT_THAT(flow.source, HasSubstr("Atantayeva2025")) << flow.id;
        EXPECT_FALSE(flow.quote.empty()) << flow.id;
    }
}

TEST(Dataset, StatsReproduceTable2AndReportItsSums) {
    // Table 2: farms of the Tarbagatai district that rose to migrate, 01.05–01.06.1931.
    model::StatsFilter filter;
    filter.part_of = "F036";
    const auto rows = model::totals_by(shipped_flows(), model::StatsKey::origin, filter);
    EXPECT_EQ(row_for(rows, "tarbagatai_aul_6").total, 194);
    EXPECT_EQ(row_for(rows, "tarbagatai_aul_1").total, 82);
    EXPECT_EQ(row_for(rows, "tarbagatai_aul_3").total, 129);
    EXPECT_EQ(row_for(rows, "tarbagatai_aul_4").total, 37);
    EXPECT_EQ(row_for(rows, "tarbagatai_aul_5").total, 265);
    EXPECT_EQ(row_for(rows, "tarbagatai_aul_6").kolkhoz_households, 155);
    EXPECT_EQ(row_for(rows, "tarbagatai_aul_5").kolkhoz_households, 161);

    const auto result = test::run_cli({"stats", "--flows", kFlows.string(), "--by", "origin", "--part-of", "F036"});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    EXPECT_THAT(result.out, HasSubstr("F036 count: stated total 697, sum of parts 707 — differs by +10"));
    EXPECT_THAT(result.out, HasSubstr("F036 kolkhoz_households: stated total 436, sum of parts 406 — differs by -30"));
}

TEST(Dataset, StatsReproduceTheDetainedFarmsBreakdown) {
    model::StatsFilter filter;
    filter.part_of = "F030";
    const auto rows = model::totals_by(shipped_flows(), model::StatsKey::status, filter);
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].key, "detained");
    EXPECT_EQ(rows[0].total, 511 + 111 + 33);
    EXPECT_EQ(rows[0].people_stated, 2255 + 467 + 176);

    const auto result = test::run_cli({"stats", "--flows", kFlows.string(), "--by", "status", "--part-of", "F030"});
    EXPECT_THAT(result.out, HasSubstr("F030 count: stated total 650, sum of parts 655"));
    EXPECT_THAT(result.out, HasSubstr("F030 people_stated: stated total 3000, sum of parts 2898"));
}

TEST(Dataset, ValidateReportsTheSourcesOwnDiscrepanciesAsWarnings) {
    const auto result = test::run_cli({"validate", kGazetteer.string(), kFlows.string()});
    EXPECT_THAT(result.out, HasSubstr("stated total 697 (count) differs from the sum of its parts"));
    EXPECT_THAT(result.out, HasSubstr("707 (+10)"));
    EXPECT_THAT(result.out, HasSubstr("stated total 650 (count)"));
}

TEST(Dataset, StatsByYearKeepUnitsApartAndCsvNamesSources) {
    const auto rows = model::totals_by(shipped_flows(), model::StatsKey::year, {});
    // August 1930 events: people and households are separate rows of the same year.
    std::set<std::string> units;
    for (const auto& row : rows) {
        if (row.key == "1930") units.insert(row.unit);
    }
    EXPECT_TRUE(units.count("people") && units.count("households"));
    const auto csv = test::run_cli({"stats", "--flows", kFlows.string(), "--by", "year", "--format", "csv"});
    EXPECT_EQ(csv.exit_code, 0);
    EXPECT_THAT(csv.out, HasSubstr("year,unit,status,total,total_high,"));
    EXPECT_THAT(csv.out, HasSubstr("Asharshylyk 2023: 169"));
    const auto markdown =
        test::run_cli({"stats", "--flows", kFlows.string(), "--by", "destination", "--format", "markdown"});
    EXPECT_THAT(markdown.out, HasSubstr("|---|"));
}

TEST(Dataset, PlaceLookupIsScriptAndSpellingInsensitive) {
    for (const char* name : {"Джаркент", "Жаркент", "jarkent", "Dzharkent", "ZHARKENT"}) {
        const auto result = test::run_cli({"place", name, "--gazetteer", kGazetteer.string()});
        EXPECT_EQ(result.exit_code, 0) << name;
        EXPECT_THAT(result.out, HasSubstr("zharkent_district")) << name;
    }
    const auto miss = test::run_cli({"place", "Zharkint", "--gazetteer", kGazetteer.string()});
    EXPECT_EQ(miss.exit_code, 1);
    EXPECT_THAT(miss.err, HasSubstr("nearest: "));
}

namespace {
const std::string kHeader =
    "id,date_start,date_end,origin,via,destination,count,unit,status,certainty,livestock_head,scope,part_of,source,"
    "quote,note\n";

test::CliResult validate_flows(const std::string& rows) {
    const auto dir = test::scratch_dir("validate_flows");
    test::write_file(dir / "flows.csv", kHeader + rows);
    return test::run_cli(
        {"validate", (test::data_dir() / "mini_gazetteer.csv").string(), (dir / "flows.csv").string()});
}
}  // namespace

TEST(Validate, UnknownPlaceGetsASuggestion) {
    const auto r = validate_flows("A1,1930,1930,zaisan_distrikt,,kulja,5,people,crossed,documented,,event,,src,,\n");
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_THAT(r.err, HasSubstr("flows.csv:2:4 (field 'origin'): error: unknown place 'zaisan_distrikt'"));
    EXPECT_THAT(r.err, HasSubstr("did you mean 'zaisan_district'"));
}

TEST(Validate, ReversedDatesAreErrorsAndAMissingSourceAWarning) {
    const auto r = validate_flows(
        "A1,1930,1930,zaisan_district,,kulja,5,people,crossed,documented,,event,,,,\n"
        "A2,1931-05,1930-08,zaisan_district,,kulja,5,people,crossed,documented,,event,,src,,\n");
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_THAT(r.out, HasSubstr("flows.csv:2:14 (field 'source'): warning: source is empty for flow 'A1'"));
    EXPECT_THAT(r.err,
                HasSubstr("flows.csv:3:3 (field 'date_end'): error: date_end 1930-08 is before date_start 1931-05"));
}

TEST(Validate, YearPrecisionEndDateCoversTheWholeYear) {
    const auto r = validate_flows("A1,1930-08,1930,zaisan_district,,kulja,5,people,crossed,documented,,event,,src,,\n");
    EXPECT_EQ(r.exit_code, 0) << r.err;
}

TEST(Validate, ParseErrorsNameFileLineAndColumn) {
    const auto bad_date =
        validate_flows("A1,1930-13,,zaisan_district,,kulja,5,people,crossed,documented,,event,,src,,\n");
    EXPECT_EQ(bad_date.exit_code, 1);
    EXPECT_THAT(bad_date.err, HasSubstr("flows.csv:2:2 (field 'date_start'): '1930-13' is not a valid date"));
    const auto negative =
        validate_flows("A1,1930,,zaisan_district,,kulja,-3,people,crossed,documented,,event,,src,,\n");
    EXPECT_THAT(negative.err, HasSubstr("flows.csv:2:7 (field 'count'): count -3 is negative"));
    const auto unit = validate_flows("A1,1930,,zaisan_district,,kulja,3,yurts,crossed,documented,,event,,src,,\n");
    EXPECT_THAT(unit.err, HasSubstr("flows.csv:2:8 (field 'unit'): unknown unit 'yurts'"));
    EXPECT_THAT(unit.err, HasSubstr("expected one of: people, households, families, livestock_head"));
}

TEST(Validate, NegativeYearsAreRefused) {
    const auto r = validate_flows("A1,-930,,zaisan_district,,kulja,5,people,crossed,documented,,event,,src,,\n");
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_THAT(r.err, HasSubstr("flows.csv:2:2 (field 'date_start'): '-930' is not a valid date"));
}

TEST(Validate, PartsInAnotherUnitThanTheirTotalAreErrors) {
    const auto r = validate_flows(
        "T,1930,,zaisan_district,,kulja,10,households,crossed,documented,,aggregate,,src,,\n"
        "P,1930,,zaisan_district,,kulja,40,people,crossed,documented,,aggregate,T,src,,\n");
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_THAT(r.err, HasSubstr("part in people of a total in households"));
}

TEST(Dataset, QuoteNumbersReadTheWaysTheSourcesPrintFigures) {
    const auto in = [](const char* text, std::int64_t value) { return model::numbers_in(text).contains(value); };
    EXPECT_TRUE(in("more than 1, 000 people were killed", 1000));
    EXPECT_TRUE(in("about 83 thousand farms emigrated abroad", 83000));
    EXPECT_TRUE(in("estimated at 1million 30 thousand", 1030000));
    EXPECT_TRUE(in("On August 24, 500 people tried", 500));
    EXPECT_TRUE(in("as many as ten kolkhoz families", 10));
    EXPECT_TRUE(in("4,216 people migrated", 4216));
    EXPECT_FALSE(in("On August 19, 66 farms", 67));
    EXPECT_TRUE(in("Around one million of Kazakhs", 1000000));
    EXPECT_TRUE(in("At least half a million Kazakhs", 500000));
    EXPECT_FALSE(in("At least half a million Kazakhs", 1000000));
}

TEST(Dataset, StatsNeverAddATotalToItsOwnParts) {
    model::StatsFilter filter;
    filter.scope.reset();
    const auto rows = model::totals_by(shipped_flows(), model::StatsKey::year, filter);
    for (const auto& row : rows) {
        // Undated detained households: F030 (650) states the total of F031–F033; only 650 is counted.
        if (row.key == "undated" && row.unit == "households" && row.status == "detained") {
            EXPECT_EQ(row.total, 650);
            EXPECT_EQ(row.within_totals.size(), 3u);
        }
        // Deaths (F009) are never added to those who crossed.
        if (row.status == "crossed") {
            EXPECT_THAT(row.flow_ids, Not(::testing::Contains("F009")));
        }
    }
}

TEST(Dataset, TheWiderExodusTableValidatesAndReadsItsSourcesFiguresRightly) {
    const auto exodus = test::source_dir() / "geodata" / "exodus.csv";
    const auto result = test::run_cli({"validate", kGazetteer.string(), kFlows.string(), exodus.string()});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    EXPECT_THAT(result.out, HasSubstr("0 errors"));
    // "Around one million", "half a million … including 200,000": every figure is found in its quote,
    // and a single stated part smaller than its total is a subset, not a sum that fails to add up.
    EXPECT_THAT(result.err, Not(HasSubstr("'W002' does not appear")));
    EXPECT_THAT(result.err, Not(HasSubstr("'W005' does not appear")));
    EXPECT_THAT(result.err, Not(HasSubstr("sum of its parts W006")));
    // "through Turkmenistan to Iran": a country passed through is a via, not an error of the data.
    EXPECT_THAT(result.err, Not(HasSubstr("via 'turkmenistan'")));
    // Every record names its source and quote, and a basis.
    for (const auto& flow : io::read_flows(exodus)) {
        EXPECT_FALSE(flow.source.empty()) << flow.id;
        EXPECT_FALSE(flow.quote.empty()) << flow.id;
        EXPECT_EQ(flow.id.front(), 'W') << flow.id;
    }
}

TEST(Dataset, StatsNeverAddTotalsThatDifferentWorksStateForOneGroup) {
    // W002 ("around one million") and W019 ("665,000 to 1.1 million") may state one movement: no sum.
    model::StatsFilter filter;
    filter.scope.reset();
    const auto flows = io::read_flows(test::source_dir() / "geodata" / "exodus.csv");
    const auto rows = model::totals_by(flows, model::StatsKey::destination, filter);
    const auto& leaving = test::find_one(
        rows,
        [](const model::StatsRow& r) { return r.unit == "people" && r.status == "crossed" && r.key == "(not named)"; },
        "people leaving, no destination");
    EXPECT_THAT(leaving.alternatives, ::testing::ElementsAre("W002", "W019"));
    EXPECT_EQ(leaving.total, 0);
    // Returns (W028) and those who did not return are rows of their own, never added to those who left.
    for (const auto& row : rows) {
        if (row.status == "crossed") EXPECT_THAT(row.flow_ids, Not(::testing::Contains("W028")));
        if (row.status == "returned") EXPECT_THAT(row.flow_ids, ::testing::ElementsAre("W028"));
    }
    // One work's own totals still add up (the article's Table 2 and its other records are one work).
    const auto article = model::totals_by(shipped_flows(), model::StatsKey::year, filter);
    for (const auto& row : article) EXPECT_TRUE(row.alternatives.empty()) << row.key;
}
