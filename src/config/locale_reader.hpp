#pragma once
// Locale files: the wording of a map in one language (config/locale.hpp). English, Russian and Kazakh
// are built in, compiled from the files in locale/; a file in the locale directory replaces the
// built-in of its code or adds a language, and a path ending in .toml names a file directly.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "common/data_paths.hpp"
#include "config/locale.hpp"

namespace steppeflow::config {

// Reads a locale from its TOML text; DataError with file, line and column for anything amiss: an
// unknown or missing phrase (all missing ones named at once), a "{}" too many or too few against the
// English, a brace that is not "{}".
[[nodiscard]] Locale parse_locale(std::string_view text, const std::string& file);
[[nodiscard]] Locale read_locale(const std::filesystem::path& path);

// The built-in locales' codes ("en", "ru", "kk"), and one of them (English for an unknown code).
[[nodiscard]] std::vector<std::string> builtin_locale_codes();
[[nodiscard]] const Locale& builtin_locale(std::string_view code);

// The locale a figure asks for by `name`: a path ending in .toml is read; a code is
// `locale_dir`/<code>.toml when that exists, else the built-in of that code. UsageError naming
// `where` (the spec key or option) and the languages there are, for a code with neither.
[[nodiscard]] Locale find_locale(const std::string& name, const std::string& where,
                                 const std::filesystem::path& locale_dir = own_data("locale"));

// Whether find_locale would find `name`, and what to say when it would not (the languages there are).
[[nodiscard]] bool has_locale(const std::string& name, const std::filesystem::path& locale_dir = own_data("locale"));
[[nodiscard]] std::string missing_locale(const std::string& name, const std::filesystem::path& locale_dir = own_data("locale"));

}  // namespace steppeflow::config
