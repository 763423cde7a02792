#pragma once
// A date known to year, month or day precision, as archival sources give it.

#include <compare>
#include <optional>
#include <string>

namespace steppeflow::model {

// Days in a month of the Gregorian calendar (month 1–12).
[[nodiscard]] int days_in_month(int year, int month);

struct PartialDate {
    int year = 0;
    int month = 0;  // 0 when only the year is known
    int day = 0;    // 0 when only year and month are known

    // Parses "1930", "1930-08" or "1930-08-06"; nullopt for anything else or an impossible date.
    static std::optional<PartialDate> parse(std::string_view text);
    [[nodiscard]] std::string to_string() const;

    // Ordering by the earliest day the value can mean.
    friend auto operator<=>(const PartialDate&, const PartialDate&) = default;
};

// The last day a date can mean: 1930 → 1930-12-31, 1930-02 → 1930-02-28.
[[nodiscard]] PartialDate latest_day(const PartialDate& date);

// Whether a span from `start` to `end` is empty: even the last day `end` can mean comes before the
// first day `start` can mean. "1930-08-15" to "1930-08" is a span (the rest of August); "1931" to
// "1930" is not.
[[nodiscard]] bool ends_before(const PartialDate& end, const PartialDate& start);

}  // namespace steppeflow::model
