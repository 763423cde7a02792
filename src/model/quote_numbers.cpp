#include "model/quote_numbers.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace steppeflow::model {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Lower-cases ASCII only; Cyrillic words are matched in the case they are listed in and in lower case.
std::string lower_ascii(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

constexpr std::array<std::pair<std::string_view, double>, 13> kMultipliers{{
    {"thousand", 1e3},
    {"million", 1e6},
    {"тыс", 1e3},
    {"тысяч", 1e3},
    {"тысячи", 1e3},
    {"тысяча", 1e3},
    {"млн", 1e6},
    {"миллион", 1e6},
    {"миллиона", 1e6},
    {"миллионов", 1e6},
    {"мың", 1e3},
    {"миллионға", 1e6},
    {"тысячами", 1e3},
}};

constexpr std::array<std::pair<std::string_view, int>, 40> kWords{{
    {"one", 1},       {"two", 2},       {"three", 3},    {"four", 4},      {"five", 5},       {"six", 6},
    {"seven", 7},     {"eight", 8},     {"nine", 9},     {"ten", 10},      {"eleven", 11},    {"twelve", 12},
    {"thirteen", 13}, {"fourteen", 14}, {"fifteen", 15}, {"sixteen", 16},  {"seventeen", 17}, {"eighteen", 18},
    {"nineteen", 19}, {"twenty", 20},   {"thirty", 30},  {"forty", 40},    {"fifty", 50},     {"sixty", 60},
    {"seventy", 70},  {"eighty", 80},   {"ninety", 90},  {"hundred", 100}, {"один", 1},       {"одна", 1},
    {"два", 2},       {"две", 2},       {"три", 3},      {"четыре", 4},    {"пять", 5},       {"шесть", 6},
    {"семь", 7},      {"восемь", 8},    {"девять", 9},   {"десять", 10},
}};

// A word starting at `at`: letters (ASCII or any multi-byte UTF-8) and apostrophes.
std::string_view word_at(std::string_view text, std::size_t at) {
    std::size_t end = at;
    while (end < text.size() && (std::isalpha(static_cast<unsigned char>(text[end])) != 0 ||
                                 static_cast<unsigned char>(text[end]) >= 0x80 || text[end] == '\'')) {
        ++end;
    }
    return text.substr(at, end - at);
}

std::size_t skip_spaces(std::string_view text, std::size_t at) {
    while (at < text.size()) {
        if (text[at] == ' ') {
            ++at;
        } else if (text.substr(at, 2) == "\xC2\xA0") {  // no-break space
            at += 2;
        } else {
            break;
        }
    }
    return at;
}

std::optional<double> multiplier_at(std::string_view lower, std::size_t at, std::size_t* after) {
    const std::string_view word = word_at(lower, at);
    for (const auto& [name, factor] : kMultipliers) {
        if (word == name ||
            (word.size() == name.size() + 1 && word.substr(0, name.size()) == name && word.back() == 's')) {
            *after = at + word.size();
            if (*after < lower.size() && lower[*after] == '.') ++*after;
            return factor;
        }
    }
    return std::nullopt;
}

struct Reading {
    double value = 0;
    std::size_t end = 0;
};

// Digits from `at`: the plain run, and the run joined with following groups of three digits
// (separated by ',', '.', a space, a no-break space, "'", or ", "), when the first group has 1–3 digits.
std::vector<Reading> digit_readings(std::string_view text, std::size_t at) {
    std::size_t end = at;
    while (end < text.size() && is_digit(text[end])) ++end;
    std::vector<Reading> readings{{std::stod(std::string(text.substr(at, end - at))), end}};
    // A decimal fraction before a multiplier ("1.1 million", "1,1 млн").
    if (end + 1 < text.size() && (text[end] == '.' || text[end] == ',') && is_digit(text[end + 1])) {
        std::size_t fraction_end = end + 1;
        while (fraction_end < text.size() && is_digit(text[fraction_end])) ++fraction_end;
        std::string number(text.substr(at, fraction_end - at));
        for (char& c : number) c = c == ',' ? '.' : c;
        readings.push_back({std::stod(number), fraction_end});
    }
    if (end - at <= 3) {
        std::string joined(text.substr(at, end - at));
        std::size_t cursor = end;
        for (;;) {
            std::size_t next = cursor;
            for (const std::string_view separator : {", ", ",", ".", " ", "\xC2\xA0", "\xE2\x80\xAF", "'"}) {
                if (text.substr(cursor, separator.size()) == separator) {
                    next = cursor + separator.size();
                    break;
                }
            }
            if (next == cursor || next + 3 > text.size()) break;
            const std::string_view group = text.substr(next, 3);
            if (!is_digit(group[0]) || !is_digit(group[1]) || !is_digit(group[2])) break;
            if (next + 3 < text.size() && is_digit(text[next + 3])) break;
            joined += group;
            cursor = next + 3;
            readings.push_back({std::stod(joined), cursor});
        }
    }
    return readings;
}

}  // namespace

std::set<std::int64_t> numbers_in(std::string_view text) {
    std::set<std::int64_t> found;
    const std::string lower = lower_ascii(text);
    std::vector<Reading> scaled;  // values with a multiplier, in text order, to add "1 million 30 thousand"
    for (std::size_t at = 0; at < text.size();) {
        const bool word_start = at == 0 || std::isalnum(static_cast<unsigned char>(text[at - 1])) == 0;
        if (is_digit(text[at]) && (at == 0 || !is_digit(text[at - 1]))) {
            const auto readings = digit_readings(text, at);
            for (const auto& reading : readings) {
                if (reading.value == std::floor(reading.value)) found.insert(std::llround(reading.value));
                std::size_t after = 0;
                if (const auto factor = multiplier_at(lower, skip_spaces(lower, reading.end), &after)) {
                    const double value = reading.value * *factor;
                    found.insert(std::llround(value));
                    scaled.push_back({value, after});
                }
            }
            at = readings.front().end;  // the groups that follow are read on their own too
            continue;
        }
        if (word_start &&
            (std::isalpha(static_cast<unsigned char>(text[at])) != 0 || static_cast<unsigned char>(text[at]) >= 0x80)) {
            const std::string_view word = word_at(lower, at);
            const std::size_t next = skip_spaces(lower, at + word.size());
            std::size_t after = 0;
            for (const auto& [name, value] : kWords) {
                if (word != name) continue;
                found.insert(value);
                // "one million", "ten thousand", "два миллиона"
                if (const auto factor = multiplier_at(lower, next, &after)) {
                    found.insert(std::llround(value * *factor));
                    scaled.push_back({value * *factor, after});
                }
            }
            // "half a million"
            if (word == "half") {
                std::size_t scale_at = next;
                if (word_at(lower, next) == "a") scale_at = skip_spaces(lower, next + 1);
                if (const auto factor = multiplier_at(lower, scale_at, &after)) found.insert(std::llround(*factor / 2));
            }
            at += std::max<std::size_t>(1, word.size());
            continue;
        }
        ++at;
    }
    // "1 million 30 thousand": a larger scaled value followed closely by a smaller one adds up.
    for (std::size_t i = 0; i + 1 < scaled.size(); ++i) {
        if (scaled[i + 1].value < scaled[i].value && scaled[i + 1].end - scaled[i].end < 24) {
            found.insert(std::llround(scaled[i].value + scaled[i + 1].value));
        }
    }
    return found;
}

}  // namespace steppeflow::model
