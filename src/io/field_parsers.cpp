#include "io/field_parsers.hpp"
#include <algorithm>

#include <charconv>
#include <cmath>

#include <fmt/format.h>

#include "model/name_match.hpp"

namespace steppeflow::io {

std::string trim(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    const auto last = text.find_last_not_of(" \t\r\n");
    return std::string(text.substr(first, last - first + 1));
}

std::vector<std::string> split_list(std::string_view text, char separator) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto end = text.find(separator, start);
        std::string part =
            trim(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
        if (!part.empty()) parts.push_back(std::move(part));
        if (end == std::string_view::npos) break;
        start = end + 1;
    }
    return parts;
}

void require_columns(const Table& table, const std::vector<std::string_view>& columns, std::string_view minimum) {
    std::vector<std::string_view> missing;
    std::vector<std::string> suggestions;
    const std::vector<std::string> present(table.columns.begin(), table.columns.end());
    for (const auto required : columns) {
        // "name|name_en": any of these names will do; the message names the first.
        const auto alternatives = split_list(required, '|');
        if (std::any_of(alternatives.begin(), alternatives.end(),
                        [&](const std::string& name) { return table.column_index(name).has_value(); }))
            continue;
        missing.push_back(required.substr(0, required.find('|')));
        // Only a near miss is worth suggesting: 'name' for 'nme', not 'kind' for 'id'.
        for (const auto& name : alternatives) {
            const auto near = model::nearest_names(name, present, 1);
            if (near.empty()) continue;
            const auto distance = model::edit_distance(model::fold_name(name), model::fold_name(near.front()));
            if (distance > (name.size() > 5 ? 2U : 1U)) continue;
            suggestions.push_back(fmt::format("'{}' for '{}'", near.front(), name));
            break;
        }
    }
    if (missing.empty()) return;
    SourceLocation where;
    where.file = table.file;
    where.line = table.has_line_numbers ? 1 : 0;
    where.field = std::string(missing.front());
    where.spreadsheet = table.spreadsheet;
    where.sheet = table.layer;
    std::string hint = fmt::format("the header has: {}", fmt::join(table.columns, ", "));
    if (!suggestions.empty()) hint += fmt::format("; did you mean {}?", fmt::join(suggestions, ", "));
    // The first sheet (or layer) was read and may be the wrong one: say which others there are.
    if (!table.other_layers.empty()) {
        hint += fmt::format("; this is {} '{}' of the file, which also has {}: name one as {}:{}",
                            table.spreadsheet ? "sheet" : "layer", table.layer, fmt::join(table.other_layers, ", "),
                            table.file, table.other_layers.front());
    }
    if (!minimum.empty()) hint += fmt::format("; {}", minimum);
    if (missing.size() == 1) throw DataError(where, fmt::format("missing column '{}'", missing.front()), hint);
    throw DataError(where, fmt::format("missing columns '{}'", fmt::join(missing, "', '")), hint);
}

std::string_view column_of(const Table& table, std::initializer_list<std::string_view> names) {
    for (const auto name : names) {
        if (table.column_index(name)) return name;
    }
    return *names.begin();
}

void warn_unknown_columns(const Table& table, const std::vector<std::string_view>& known,
                          std::vector<std::string>* warnings) {
    if (warnings == nullptr) return;
    const std::vector<std::string> names(known.begin(), known.end());
    for (const auto& column : table.columns) {
        if (std::find(known.begin(), known.end(), column) != known.end()) continue;
        const auto near = model::nearest_names(column, names, 1);
        const bool close =
            !near.empty() && model::edit_distance(model::fold_name(column), model::fold_name(near.front())) <= 2;
        warnings->push_back(fmt::format("{}{}: column '{}' is not one steppeflow reads; it is ignored{}", table.file,
                                        table.has_line_numbers ? ":1" : "", column,
                                        close ? fmt::format("; did you mean '{}'?", near.front()) : ""));
    }
}

std::string optional_text(const RecordView& row, std::string_view column) {
    const std::string value = row.text(column);
    if (value.find('\n') != std::string::npos) {
        throw DataError(row.where(column), "a line break inside a value",
                        "keep each record on one line (line numbers in messages depend on it)");
    }
    return trim(value);
}

std::string required_text(const RecordView& row, std::string_view column) {
    std::string value = optional_text(row, column);
    if (value.empty()) throw DataError(row.where(column), fmt::format("'{}' is empty; a value is required", column));
    return value;
}

std::optional<double> parse_optional_number(const RecordView& row, std::string_view column, double min, double max) {
    const std::string text = optional_text(row, column);
    if (text.empty()) return std::nullopt;
    double value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size() || !std::isfinite(value)) {
        throw DataError(row.where(column), fmt::format("expected a number, found '{}'", text),
                        "use a dot as decimal separator, e.g. 80.25");
    }
    if (value < min || value > max) {
        throw DataError(row.where(column), fmt::format("{} is out of range", text),
                        fmt::format("expected a value from {} to {}", min, max));
    }
    return value;
}

double parse_number(const RecordView& row, std::string_view column, double min, double max) {
    const auto value = parse_optional_number(row, column, min, max);
    if (!value) throw DataError(row.where(column), fmt::format("'{}' is empty; a number is required", column));
    return *value;
}

std::optional<std::int64_t> parse_optional_count(const RecordView& row, std::string_view column) {
    const std::string text = optional_text(row, column);
    if (text.empty()) return std::nullopt;
    // Spreadsheets and GeoJSON may hand over a whole number as "423.0"; accept only exact integers.
    std::string digits = text;
    if (const auto dot = digits.find('.');
        dot != std::string::npos && digits.find_first_not_of('0', dot + 1) == std::string::npos) {
        digits.erase(dot);
    }
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (error == std::errc::result_out_of_range) {
        throw DataError(row.where(column), fmt::format("count '{}' is too large", text));
    }
    if (error != std::errc{} || end != digits.data() + digits.size()) {
        throw DataError(row.where(column), fmt::format("expected a whole number, found '{}'", text),
                        "write whole numbers without separators or words, e.g. 83000; an approximate figure "
                        "keeps its number and takes certainty = estimate");
    }
    if (value < 0)
        throw DataError(row.where(column), fmt::format("count {} is negative", value), "counts are 0 or more");
    // No movement of the period approaches this; it is a typing error (extra digits).
    constexpr std::int64_t kLargestPlausible = 100'000'000;
    if (value > kLargestPlausible) {
        throw DataError(row.where(column), fmt::format("count {} is implausibly large", value),
                        fmt::format("expected at most {}", kLargestPlausible));
    }
    return value;
}

std::string parse_choice(const RecordView& row, std::string_view column, const std::vector<std::string_view>& names) {
    std::string text = required_text(row, column);
    for (const auto name : names) {
        if (name == text) return text;
    }
    std::vector<std::string> candidates(names.begin(), names.end());
    const auto near = model::nearest_names(text, candidates, 1);
    std::string hint = fmt::format("expected one of: {}", fmt::join(names, ", "));
    if (!near.empty()) hint = fmt::format("did you mean '{}'? ({})", near.front(), hint);
    throw DataError(row.where(column), fmt::format("unknown {} '{}'", column, text), hint);
}

}  // namespace steppeflow::io
