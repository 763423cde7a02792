#pragma once
// Checks on a file's raw text before a parser sees it, so that the mistakes people make in
// spreadsheets and editors are reported with the line and column at fault: an empty file, text
// that is not UTF-8, and CSV records with more or fewer fields than the header.

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"

namespace steppeflow::io {

// The file's bytes; IoError naming it when it cannot be opened.
[[nodiscard]] std::string read_text_file(const std::filesystem::path& path);

// DataError "the file is empty" when the file has no bytes (or only a byte-order mark).
void require_content(const std::filesystem::path& path, const std::string& expected);

// The byte offset of the first byte that is not part of valid UTF-8, if any.
[[nodiscard]] std::optional<std::size_t> first_invalid_utf8(std::string_view text);

// 1-based line and column (in characters) of a byte offset in a text.
struct TextPosition {
    int line = 1;
    int column = 1;
};
[[nodiscard]] TextPosition position_of(std::string_view text, std::size_t offset);

// A CSV file's text: UTF-8 throughout (a leading byte-order mark is allowed), comma-separated, and
// every record with as many fields as the header. DataError naming the line (and column) otherwise.
// Returns the line each record (after the header) starts on: empty lines are skipped, as GDAL does.
std::vector<int> check_csv_text(const std::filesystem::path& path);

// Why GDAL could not open a GeoJSON file: DataError with the line and column where a JSON parser
// stops, or naming GDAL's reason when the JSON itself is fine.
[[noreturn]] void explain_unreadable_json(const std::filesystem::path& path, const std::string& gdal_reason);

}  // namespace steppeflow::io
