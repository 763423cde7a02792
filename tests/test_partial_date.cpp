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
