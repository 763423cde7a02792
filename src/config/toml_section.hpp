#pragma once
// Reading TOML files (figure specs, styles) strictly: every key must be known and of the right
// type, and every error names the file, line, column and the key's full path.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "common/error.hpp"

namespace steppeflow::config {

// What a TOML file of ours may hold at most: bytes, and parts of one key (a.b.c or [a.b.c]).
inline constexpr std::size_t kMaxTomlBytes = 1U << 20;
inline constexpr int kMaxKeyParts = 32;

// Parses a TOML file; DataError with line and column for a syntax error, IoError when unreadable.
// The bounds are checked before parsing (check_toml_bounds).
toml::table parse_toml_file(const std::filesystem::path& path);
// The same for a text already in memory (a built-in file), named `file` in messages.
toml::table parse_toml_text(std::string_view text, const std::string& file);

// DataError naming the file (and line, column) when the text is larger than kMaxTomlBytes or a key
// has more than kMaxKeyParts parts: such nesting would exhaust the parser's stack.
void check_toml_bounds(std::string_view text, const std::string& file);

// One table of a TOML document. Each accessor marks its key as known; finish() rejects the rest.
class TomlSection {
public:
    TomlSection(const toml::table& table, std::string file, std::string path = {});

    [[nodiscard]] std::optional<std::string> string(const std::string& key);
    [[nodiscard]] std::optional<double> number(const std::string& key);  // integer or float
    [[nodiscard]] std::optional<std::int64_t> integer(const std::string& key);
    [[nodiscard]] std::optional<bool> boolean(const std::string& key);
    [[nodiscard]] std::optional<std::vector<std::string>> strings(const std::string& key);
    [[nodiscard]] std::optional<std::vector<double>> numbers(const std::string& key);
    [[nodiscard]] std::optional<TomlSection> section(const std::string& key);
    // An array of tables ([[key]] … [[key]]), each a section named key[1], key[2], …
    [[nodiscard]] std::optional<std::vector<TomlSection>> sections(const std::string& key);
    // The raw node, for values of more than one shape; marks the key as known.
    [[nodiscard]] const toml::node* node(const std::string& key);

    // Throws DataError for the first key that no accessor asked for, suggesting the nearest known one.
    void finish() const;

    [[nodiscard]] SourceLocation where(const std::string& key) const;
    [[noreturn]] void fail(const std::string& key, const std::string& what, const std::string& suggestion = {}) const;

    [[nodiscard]] const std::string& file() const { return file_; }
    // The table itself, to walk keys whose names are the user's (style rules, layer names).
    [[nodiscard]] const toml::table& table() const { return *table_; }
    [[nodiscard]] bool has(const std::string& key) const { return table_->contains(key); }

private:
    [[nodiscard]] std::string full_key(const std::string& key) const;
    [[noreturn]] void wrong_type(const std::string& key, const char* expected) const;

    const toml::table* table_;
    std::string file_;
    std::string path_;
    std::vector<std::string> known_;
};

}  // namespace steppeflow::config
