#include "model/partial_date.hpp"

#include <array>
#include <charconv>

#include <fmt/format.h>

namespace steppeflow::model {

namespace {

std::optional<int> digits(std::string_view text, std::size_t count) {
    if (text.size() != count) return std::nullopt;
    // Digits only: from_chars would take "-930" as a year.
    for (const char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
    }
    int value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
    return value;
}

}  // namespace

int days_in_month(int year, int month) {
    static constexpr std::array<int, 12> kDays{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : kDays[static_cast<std::size_t>(month - 1)];
}

std::optional<PartialDate> PartialDate::parse(std::string_view text) {
    PartialDate date;
    const auto year = digits(text.substr(0, 4), 4);
    if (!year) return std::nullopt;
    date.year = *year;
    if (text.size() == 4) return date;
    if (text.size() < 7 || text[4] != '-') return std::nullopt;
    const auto month = digits(text.substr(5, 2), 2);
    if (!month || *month < 1 || *month > 12) return std::nullopt;
    date.month = *month;
    if (text.size() == 7) return date;
    if (text.size() != 10 || text[7] != '-') return std::nullopt;
    const auto day = digits(text.substr(8, 2), 2);
    if (!day || *day < 1 || *day > days_in_month(date.year, date.month)) return std::nullopt;
    date.day = *day;
    return date;
}

PartialDate latest_day(const PartialDate& date) {
    if (date.day != 0) return date;
    PartialDate last = date;
    last.month = date.month == 0 ? 12 : date.month;
    last.day = days_in_month(last.year, last.month);
    return last;
}

bool ends_before(const PartialDate& end, const PartialDate& start) { return latest_day(end) < start; }

std::string PartialDate::to_string() const {
    if (month == 0) return fmt::format("{:04}", year);
    if (day == 0) return fmt::format("{:04}-{:02}", year, month);
    return fmt::format("{:04}-{:02}-{:02}", year, month, day);
}

}  // namespace steppeflow::model
