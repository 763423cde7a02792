#include "io/text_checks.hpp"

#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace steppeflow::io {

namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

SourceLocation located(const std::filesystem::path& path, int line, int column = 0) {
    SourceLocation where;
    where.file = path.string();
    where.line = line;
    where.column = column;
    return where;
}

}  // namespace

std::string read_text_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw IoError(fmt::format("{}: cannot open the file for reading", path.string()));
    // A regular file is read in one piece into a string of its size: growing a buffer as it fills
    // copies it several times over, and each copy is fresh memory to fault in.
    std::error_code error;
    if (std::filesystem::is_regular_file(path, error)) {
        const auto size = std::filesystem::file_size(path, error);
        if (!error && size > 0) {
            std::string text(static_cast<std::size_t>(size), '\0');
            if (in.read(text.data(), static_cast<std::streamsize>(size)) &&
                in.peek() == std::ifstream::traits_type::eof())
                return text;
            in.clear();
            in.seekg(0);  // it changed while being read: take it as it is now
        }
    }
    std::stringstream buffer;  // a pipe, or a file that is not the size it said
    buffer << in.rdbuf();
    return buffer.str();
}

void require_content(const std::filesystem::path& path, const std::string& expected) {
    std::error_code error;
    const auto size = std::filesystem::file_size(path, error);
    if (error) return;  // the reader reports a missing or unreadable file itself
    if (size == 0 || (size == kByteOrderMark.size() && read_text_file(path) == kByteOrderMark)) {
        throw DataError(located(path, 0), "the file is empty", "expected " + expected);
    }
}

std::optional<std::size_t> first_invalid_utf8(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        const auto byte = static_cast<unsigned char>(text[i]);
        std::size_t length = 0;
        unsigned minimum = 0;
        unsigned code = 0;
        if (byte < 0x80) {
            ++i;
            continue;
        }
        if ((byte & 0xE0) == 0xC0) {
            length = 2;
            minimum = 0x80;
            code = byte & 0x1F;
        } else if ((byte & 0xF0) == 0xE0) {
            length = 3;
            minimum = 0x800;
            code = byte & 0x0F;
        } else if ((byte & 0xF8) == 0xF0) {
            length = 4;
            minimum = 0x10000;
            code = byte & 0x07;
        } else {
            return i;
        }
        if (i + length > text.size()) return i;
        for (std::size_t k = 1; k < length; ++k) {
            const auto next = static_cast<unsigned char>(text[i + k]);
            if ((next & 0xC0) != 0x80) return i;
            code = (code << 6) | (next & 0x3F);
        }
        // Overlong forms, surrogates and values beyond Unicode are not UTF-8 either.
        if (code < minimum || (code >= 0xD800 && code <= 0xDFFF) || code > 0x10FFFF) return i;
        i += length;
    }
    return std::nullopt;
}

TextPosition position_of(std::string_view text, std::size_t offset) {
    TextPosition position;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++position.line;
            position.column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++position.column;  // count characters, not the continuation bytes of one
        }
    }
    return position;
}

std::vector<int> check_csv_text(const std::filesystem::path& path) {
    const std::string bytes = read_text_file(path);
    std::string_view text(bytes);
    const std::size_t start = text.starts_with(kByteOrderMark) ? kByteOrderMark.size() : 0;
    if (const auto bad = first_invalid_utf8(text.substr(start))) {
        const std::size_t offset = start + *bad;
        const auto at = position_of(text.substr(start), *bad);
        throw DataError(located(path, at.line, at.column),
                        fmt::format("the text is not UTF-8 (byte 0x{:02X})", static_cast<unsigned char>(text[offset])),
                        "save the file as UTF-8 (in a spreadsheet: CSV UTF-8)");
    }

    // Fields per record, counted as a CSV parser would: commas inside double quotes do not count,
    // and a quoted value may hold a line break (the readers refuse that separately).
    std::vector<int> record_lines;
    std::size_t header_fields = 0;
    std::size_t fields = 1;
    bool only_spaces = true;
    std::size_t record_begin = start;
    bool in_quotes = false;
    bool record_has_text = false;
    int line = 1;
    int record_line = 1;
    for (std::size_t i = start; i <= text.size(); ++i) {
        const char c = i < text.size() ? text[i] : '\n';
        if (in_quotes) {
            if (c == '"') in_quotes = false;
            if (c == '\n') ++line;
            continue;
        }
        if (c == '"') {
            in_quotes = true;
            record_has_text = true;
            only_spaces = false;
        } else if (c == ',') {
            ++fields;
            record_has_text = true;
            only_spaces = false;
        } else if (c == '\n') {
            if (record_has_text) {
                if (header_fields == 0) {
                    header_fields = fields;
                    // A header of one field that holds semicolons or tabs: another separator.
                    const std::string_view header = text.substr(record_begin, i - record_begin);
                    if (fields == 1 && header.find_first_of(";\t") != std::string_view::npos) {
                        throw DataError(located(path, 1),
                                        fmt::format("the columns are separated by '{}', not by commas",
                                                    header.find(';') != std::string_view::npos ? ";" : "\\t"),
                                        "save the file as comma-separated CSV (in a spreadsheet: CSV UTF-8, "
                                        "comma-delimited)");
                    }
                } else if (only_spaces) {
                    throw DataError(located(path, record_line), "a line of nothing but spaces between the records",
                                    "delete the line");
                } else if (fields != header_fields) {
                    throw DataError(located(path, record_line),
                                    fmt::format("the record has {} fields, the header has {}", fields, header_fields),
                                    fields > header_fields ? "a value holding a comma must be put in double quotes"
                                                           : "a comma is missing, or the record is cut short");
                } else {
                    record_lines.push_back(record_line);
                }
            }
            fields = 1;
            record_has_text = false;
            only_spaces = true;
            ++line;
            record_line = line;
            record_begin = i + 1;
        } else if (c != '\r') {
            record_has_text = true;
            if (c != ' ') only_spaces = false;
        }
    }
    if (in_quotes) {
        throw DataError(located(path, record_line), "a double quote is opened and never closed",
                        "close the quoted value, or double a quote that is part of the text (\"\")");
    }
    return record_lines;
}

// Why GDAL could not open a GeoJSON file, with the line and column a JSON parser stops at.
void explain_unreadable_json(const std::filesystem::path& path, const std::string& gdal_reason) {
    const std::string text = read_text_file(path);
    SourceLocation where;
    where.file = path.string();
    try {
        const auto parsed = nlohmann::json::parse(text);
        if (parsed.is_object() && parsed.contains("features")) where.field = "features";
    } catch (const nlohmann::json::exception& error) {
        const auto* parse = dynamic_cast<const nlohmann::json::parse_error*>(&error);
        const std::size_t byte = parse != nullptr && parse->byte > 0 ? parse->byte - 1 : 0;
        const auto at = position_of(text, byte);
        where.line = at.line;
        where.column = at.column;
        std::string what = error.what();
        // nlohmann's text begins with its own error code and position; keep the explanation.
        if (const auto colon = what.find(": ", what.find("at line")); colon != std::string::npos)
            what = what.substr(colon + 2);
        throw DataError(where, "not valid JSON: " + what,
                        "is the file complete? a GeoJSON FeatureCollection is expected");
    }
    throw DataError(where, fmt::format("not a GeoJSON file GDAL can read ({})", gdal_reason),
                    "a GeoJSON FeatureCollection is expected");
}

}  // namespace steppeflow::io
