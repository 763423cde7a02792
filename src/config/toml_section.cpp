#include "config/toml_section.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

#include <fmt/format.h>

#include "io/text_checks.hpp"
#include "model/name_match.hpp"

namespace steppeflow::config {

namespace {

const char* type_name(const toml::node& node) {
    switch (node.type()) {
        case toml::node_type::string:
            return "a string";
        case toml::node_type::integer:
            return "an integer";
        case toml::node_type::floating_point:
            return "a number";
        case toml::node_type::boolean:
            return "true or false";
        case toml::node_type::array:
            return "an array";
        case toml::node_type::table:
            return "a table";
        default:
            return "a date or time";
    }
}

SourceLocation location_of(const std::string& file, const toml::source_region& region, const std::string& key) {
    SourceLocation where;
    where.file = file;
    where.line = static_cast<int>(region.begin.line);
    where.column = static_cast<int>(region.begin.column);
    where.field = key;
    where.field_kind = "key";
    return where;
}

}  // namespace

void check_toml_bounds(std::string_view text, const std::string& file) {
    SourceLocation where;
    where.file = file;
    if (text.size() > kMaxTomlBytes) {
        throw DataError(where,
                        fmt::format("the file is {} bytes; a figure spec, style or layer list is at most {}",
                                    text.size(), kMaxTomlBytes),
                        "is it the right file?");
    }
    // toml++ bounds nested arrays and inline tables itself, but builds a table per part of a dotted
    // key or [table.name] by recursion: 100,000 parts overflow the stack. Count the parts outside
    // strings and comments.
    constexpr std::string_view kBasicQuotes = R"(""")";
    constexpr std::string_view kLiteralQuotes = R"(''')";
    enum class In { code, basic, literal, multiline_basic, multiline_literal, comment } in = In::code;
    int line = 1;
    int column = 0;
    int parts = 1;            // of the key being read
    bool after_part = false;  // the last significant character ended a key part (a name or a quoted one)
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        ++column;
        if (c == '\n') {
            ++line;
            column = 0;
            if (in == In::comment || in == In::basic || in == In::literal) in = In::code;
            parts = 1;
            after_part = false;
            continue;
        }
        const auto starts = [&](std::string_view token) { return text.substr(i, token.size()) == token; };
        switch (in) {
            case In::comment:
                continue;
            case In::basic:
                if (c == '\\') {
                    ++i;
                    ++column;
                } else if (c == '"') {
                    in = In::code;
                    after_part = true;
                }
                continue;
            case In::literal:
                if (c == '\'') {
                    in = In::code;
                    after_part = true;
                }
                continue;
            case In::multiline_basic:
                if (c == '\\') {
                    ++i;
                    ++column;
                } else if (starts(kBasicQuotes)) {
                    in = In::code;
                    i += 2;
                    column += 2;
                }
                continue;
            case In::multiline_literal:
                if (starts(kLiteralQuotes)) {
                    in = In::code;
                    i += 2;
                    column += 2;
                }
                continue;
            case In::code:
                break;
        }
        if (c == '#') {
            in = In::comment;
        } else if (starts(kBasicQuotes)) {
            in = In::multiline_basic;
            i += 2;
            column += 2;
        } else if (starts(kLiteralQuotes)) {
            in = In::multiline_literal;
            i += 2;
            column += 2;
        } else if (c == '"') {
            in = In::basic;
        } else if (c == '\'') {
            in = In::literal;
        } else if (c == '.' && after_part) {
            if (++parts > kMaxKeyParts) {
                where.line = line;
                where.column = column;
                throw DataError(where,
                                fmt::format("a key of more than {} parts (a dotted key or [table.name])", kMaxKeyParts),
                                "no figure spec, style or layer list nests that deep");
            }
            after_part = false;
        } else if (std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '-') {
            after_part = true;
        } else if (c != ' ' && c != '\t') {
            parts = 1;  // '=', brackets, commas end a key
            after_part = false;
        }
    }
}

toml::table parse_toml_file(const std::filesystem::path& path) {
    const std::string text = io::read_text_file(path);
    io::require_content(path, "TOML: [tables] of key = value lines");
    return parse_toml_text(text, path.string());
}

toml::table parse_toml_text(std::string_view text, const std::string& file) {
    check_toml_bounds(text, file);
    try {
        return toml::parse(text, file);
    } catch (const toml::parse_error& error) {
        SourceLocation where;
        where.file = file;
        where.line = static_cast<int>(error.source().begin.line);
        where.column = static_cast<int>(error.source().begin.column);
        throw DataError(where, fmt::format("not valid TOML: {}", error.description()));
    }
}

TomlSection::TomlSection(const toml::table& table, std::string file, std::string path)
    : table_(&table), file_(std::move(file)), path_(std::move(path)) {}

std::string TomlSection::full_key(const std::string& key) const { return path_.empty() ? key : path_ + "." + key; }

SourceLocation TomlSection::where(const std::string& key) const {
    const toml::node* node = table_->get(key);
    return location_of(file_, node != nullptr ? node->source() : table_->source(), full_key(key));
}

void TomlSection::fail(const std::string& key, const std::string& what, const std::string& suggestion) const {
    throw DataError(where(key), what, suggestion);
}

void TomlSection::wrong_type(const std::string& key, const char* expected) const {
    fail(key, fmt::format("expected {}, found {}", expected, type_name(*table_->get(key))));
}

const toml::node* TomlSection::node(const std::string& key) {
    known_.push_back(key);
    return table_->get(key);
}

std::optional<std::string> TomlSection::string(const std::string& key) {
    const toml::node* n = node(key);
    if (n == nullptr) return std::nullopt;
    if (!n->is_string()) wrong_type(key, "a string");
    return n->value<std::string>();
}

std::optional<double> TomlSection::number(const std::string& key) {
    const toml::node* n = node(key);
    if (n == nullptr) return std::nullopt;
    if (!n->is_number()) wrong_type(key, "a number");
    const auto value = n->value<double>();  // empty for an integer too large to be a double exactly
    if (!value || !std::isfinite(*value)) fail(key, "expected a finite number of a sensible size");
    return *value;
}

std::optional<std::int64_t> TomlSection::integer(const std::string& key) {
    const toml::node* n = node(key);
    if (n == nullptr) return std::nullopt;
    if (!n->is_integer()) wrong_type(key, "an integer");
    return n->value<std::int64_t>();
}

std::optional<bool> TomlSection::boolean(const std::string& key) {
    const toml::node* n = node(key);
    if (n == nullptr) return std::nullopt;
    if (!n->is_boolean()) wrong_type(key, "true or false");
    return n->value<bool>();
}

std::optional<std::vector<std::string>> TomlSection::strings(const std::string& key) {
    const toml::node* n = node(key);
    if (n == nullptr) return std::nullopt;
    if (n->is_string()) return std::vector<std::string>{*n->value<std::string>()};
    if (!n->is_array()) wrong_type(key, "an array of strings");
    std::vector<std::string> values;
    for (const auto& element : *n->as_array()) {
        if (!element.is_string()) {
            throw DataError(location_of(file_, element.source(), full_key(key)),
                            fmt::format("expected an array of strings, found {} in it", type_name(element)));
        }
        values.push_back(*element.value<std::string>());
    }
    return values;
}

std::optional<std::vector<double>> TomlSection::numbers(const std::string& key) {
    const toml::node* n = node(key);
    if (n == nullptr) return std::nullopt;
    if (!n->is_array()) wrong_type(key, "an array of numbers");
    std::vector<double> values;
    for (const auto& element : *n->as_array()) {
        if (!element.is_number()) {
            throw DataError(location_of(file_, element.source(), full_key(key)),
                            fmt::format("expected an array of numbers, found {} in it", type_name(element)));
        }
        const auto value = element.value<double>();
        if (!value || !std::isfinite(*value)) {
            throw DataError(location_of(file_, element.source(), full_key(key)),
                            "expected finite numbers of a sensible size");
        }
        values.push_back(*value);
    }
    return values;
}

std::optional<TomlSection> TomlSection::section(const std::string& key) {
    const toml::node* n = node(key);
    if (n == nullptr) return std::nullopt;
    if (!n->is_table()) wrong_type(key, "a table");
    return TomlSection(*n->as_table(), file_, full_key(key));
}

std::optional<std::vector<TomlSection>> TomlSection::sections(const std::string& key) {
    const toml::node* n = node(key);
    if (n == nullptr) return std::nullopt;
    if (!n->is_array_of_tables()) wrong_type(key, "an array of tables ([[key]] ... [[key]])");
    std::vector<TomlSection> found;
    std::size_t index = 0;
    for (const auto& element : *n->as_array()) {
        found.emplace_back(*element.as_table(), file_, fmt::format("{}[{}]", full_key(key), ++index));
    }
    return found;
}

void TomlSection::finish() const {
    for (const auto& [key, value] : *table_) {
        const std::string name(key.str());
        if (std::find(known_.begin(), known_.end(), name) != known_.end()) continue;
        std::string suggestion;
        std::string best;
        std::size_t best_distance = 3;  // only close misspellings are worth suggesting
        for (const auto& candidate : known_) {
            const std::size_t d = model::edit_distance(name, candidate);
            if (d < best_distance) {
                best_distance = d;
                best = candidate;
            }
        }
        if (!best.empty()) {
            suggestion = fmt::format("did you mean '{}'?", full_key(best));
        } else {
            std::vector<std::string> sorted = known_;
            std::sort(sorted.begin(), sorted.end());
            sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
            suggestion = fmt::format("known keys here: {}", fmt::join(sorted, ", "));
        }
        throw DataError(location_of(file_, key.source(), full_key(name)), "unknown key", suggestion);
    }
}

}  // namespace steppeflow::config
