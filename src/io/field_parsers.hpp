#pragma once
// Turning one text cell into a typed value, or a DataError that says where and what was expected.

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include "io/table.hpp"

namespace steppeflow::io {

// The cell's text with surrounding spaces trimmed; throws when the column is missing from the file.
std::string required_text(const RecordView& row, std::string_view column);
// Appends a warning for every column not in `known` (a typo'd optional column would be lost silently).
void warn_unknown_columns(const Table& table, const std::vector<std::string_view>& known,
                          std::vector<std::string>* warnings);

std::string optional_text(const RecordView& row, std::string_view column);

// A decimal number within [min, max].
double parse_number(const RecordView& row, std::string_view column, double min, double max);
std::optional<double> parse_optional_number(const RecordView& row, std::string_view column, double min, double max);

// A whole, non-negative count such as "423"; empty cells give nullopt.
std::optional<std::int64_t> parse_optional_count(const RecordView& row, std::string_view column);

// One of `names`; the error lists them and points at the nearest.
std::string parse_choice(const RecordView& row, std::string_view column, const std::vector<std::string_view>& names);

// Throws DataError naming the file and every one of `columns` missing from the header (one message,
// not one a try); "name|name_en" asks for either. `minimum` (when given) says the least the file needs.
void require_columns(const Table& table, const std::vector<std::string_view>& columns, std::string_view minimum = {});
// The first of `names` the table has as a column ("name_en", else "name"); the first name when none.
std::string_view column_of(const Table& table, std::initializer_list<std::string_view> names);

std::string trim(std::string_view text);
std::vector<std::string> split_list(std::string_view text, char separator);

}  // namespace steppeflow::io
