#pragma once
// The figures a quote states, so that a record's count can be checked against the words it cites:
// "4,216", "1, 000", "32 000", "83 thousand", "1million 30 thousand", "1.1 million", "тыс.", "ten".

#include <cstdint>
#include <set>
#include <string_view>

namespace steppeflow::model {

// Every value the text could be read as stating. Digit groups are read both joined ("4,216" is 4216)
// and apart ("1930, 500" is 1930 and 500), so that a check never misses a figure the quote has.
[[nodiscard]] std::set<std::int64_t> numbers_in(std::string_view text);

}  // namespace steppeflow::model
