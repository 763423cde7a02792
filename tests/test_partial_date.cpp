#include <gtest/gtest.h>

#include "model/partial_date.hpp"

using steppeflow::model::PartialDate;

TEST(PartialDate, ParsesEachPrecision) {
    EXPECT_EQ(PartialDate::parse("1930")->to_string(), "1930");
    EXPECT_EQ(PartialDate::parse("1930-08")->to_string(), "1930-08");
    EXPECT_EQ(PartialDate::parse("1930-08-06")->to_string(), "1930-08-06");
}

TEST(PartialDate, RejectsMalformedAndImpossibleDates) {
    for (const char* bad : {"", "30", "1930-8", "1930-13", "1930-02-30", "1931-02-29", "06.08.1930", "1930-08-06x"}) {
        EXPECT_FALSE(PartialDate::parse(bad)) << bad;
    }
    EXPECT_TRUE(PartialDate::parse("1932-02-29"));  // a leap year
}

TEST(PartialDate, OrdersByEarliestDay) {
    EXPECT_LT(*PartialDate::parse("1930-07"), *PartialDate::parse("1930-08-06"));
    EXPECT_LT(*PartialDate::parse("1930"), *PartialDate::parse("1930-01"));
}

TEST(PartialDate, RefusesSignedYears) {
    // from_chars alone reads "-930" as a year: a negative year is no archival date.
    for (const char* bad : {"-930", "+930", "-930-08", " 930", "19 0"}) EXPECT_FALSE(PartialDate::parse(bad)) << bad;
}

TEST(PartialDate, ASpanEndsBeforeItStartsOnlyWhenNoDayLiesBetween) {
    using steppeflow::model::ends_before;
    const auto date = [](const char* text) { return *PartialDate::parse(text); };
    // The rest of August, and the rest of 1930, are spans: the end's last day is after the start.
    EXPECT_FALSE(ends_before(date("1930-08"), date("1930-08-15")));
    EXPECT_FALSE(ends_before(date("1930"), date("1930-08")));
    EXPECT_FALSE(ends_before(date("1930-08-15"), date("1930-08-15")));
    EXPECT_TRUE(ends_before(date("1930-07"), date("1930-08-01")));
    EXPECT_TRUE(ends_before(date("1930"), date("1931")));
    EXPECT_TRUE(ends_before(date("1930-08-14"), date("1930-08-15")));
    EXPECT_EQ(steppeflow::model::latest_day(date("1932-02")).to_string(), "1932-02-29");
}
