#include "config/locale_reader.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "config/builtin_locales.hpp"
#include "config/toml_section.hpp"
#include "io/text_checks.hpp"

namespace steppeflow::config {

namespace {

// How many "{}" a phrase holds; -1 when it has a brace that is neither "{}" nor "{{" / "}}", which
// fmt would refuse (or read as something else) when the value is put in.
int placeholders(std::string_view text) {
    int count = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c != '{' && c != '}') continue;
        const char next = i + 1 < text.size() ? text[i + 1] : '\0';
        if (c == '{' && next == '}') {
            ++count;
        } else if (next != c) {
            return -1;
        }
        ++i;  // "{}", "{{" and "}}" are two characters
    }
    return count;
}

std::string required_string(TomlSection& section, const std::string& key, const char* what) {
    const auto value = section.string(key);
    if (!value) {
        throw DataError(section.where(key), fmt::format("missing: {}", what),
                        fmt::format("add {} = \"…\" to [locale]", key));
    }
    if (value->empty()) section.fail(key, fmt::format("empty: {}", what));
    return *value;
}

std::string degrees_format(TomlSection& section, const std::string& key, const char* example) {
    const auto value = section.string(key);
    if (!value) {
        throw DataError(section.where(key), "missing: whole degrees with the hemisphere",
                        fmt::format("add {} = \"{}\" to [degrees]", key, example));
    }
    if (placeholders(*value) != 1) {
        section.fail(key, fmt::format("'{}' must hold one \"{{}}\" for the degrees", *value),
                     fmt::format("for example \"{}\"", example));
    }
    return *value;
}

void read_header(TomlSection section, Locale& locale) {
    const std::string code = required_string(section, "code", "the language's code");
    if (!model::is_language_code(code)) {
        section.fail("code", fmt::format("'{}' is not a language code", code),
                     "two or three lower-case letters, as ISO 639 gives them: \"ky\" for Kyrgyz");
    }
    locale.language.code = code;
    locale.name = required_string(section, "name", "the language's own name for itself");
    if (const auto fallback = section.strings("name_fallback")) {
        for (const auto& other : *fallback) {
            if (!model::is_language_code(other) || other == code) {
                section.fail("name_fallback", fmt::format("'{}' is not another language's code", other),
                             "list codes such as \"ru\", whose names stand in where a place has none in this "
                             "language; English comes last in any case");
            }
        }
        locale.language.fallback = *fallback;
    }
    section.finish();
}

void read_degrees(TomlSection section, Locale& locale) {
    locale.north = degrees_format(section, "north", "{}°N");
    locale.south = degrees_format(section, "south", "{}°S");
    locale.east = degrees_format(section, "east", "{}°E");
    locale.west = degrees_format(section, "west", "{}°W");
    if (const auto graticule = section.string("graticule")) {
        if (*graticule != "hemisphere" && *graticule != "degrees") {
            section.fail("graticule", fmt::format("'{}' is not one of hemisphere, degrees", *graticule),
                         "\"hemisphere\" labels the graticule 50°N, \"degrees\" 50°");
        }
        locale.graticule_hemisphere = *graticule == "hemisphere";
    }
    section.finish();
}

// `english` is null while the English itself is read: it is the measure of the others' "{}".
void read_phrases(TomlSection section, Locale& locale, const Locale* english) {
    std::vector<std::string_view> missing;
    for (std::size_t i = 0; i < kPhraseCount; ++i) {
        const std::string key(kPhraseKeys[i]);
        const auto value = section.string(key);
        if (!value) {
            missing.push_back(kPhraseKeys[i]);
            continue;
        }
        const int count = placeholders(*value);
        if (count < 0) {
            section.fail(key, fmt::format("'{}' has a brace that is not \"{{}}\"", *value),
                         "\"{}\" marks where a value goes; write \"{{\" or \"}}\" for a brace itself");
        }
        if (english != nullptr) {
            const int expected = placeholders(english->phrases[i]);
            if (count != expected) {
                section.fail(key,
                             fmt::format("'{}' holds {} \"{{}}\" where the English holds {}", *value, count, expected),
                             fmt::format("the English reads \"{}\"", english->phrases[i]));
            }
        }
        locale.phrases[i] = *value;
    }
    if (!missing.empty()) {
        throw DataError(section.where(std::string(missing.front())),
                        fmt::format("{} phrase{} missing: {}", missing.size(), missing.size() == 1 ? " is" : "s are",
                                    fmt::join(missing, ", ")),
                        "copy them from locale/en.toml (`steppeflow` has it built in) and translate them");
    }
    section.finish();
}

Locale parse_locale_as(std::string_view text, const std::string& file, const Locale* english) {
    const toml::table document = parse_toml_text(text, file);
    TomlSection root(document, file);
    Locale locale;
    locale.file = file;
    const auto required = [&](const char* key, const char* what) {
        auto section = root.section(key);
        if (!section) {
            SourceLocation where;
            where.file = file;
            throw DataError(where, fmt::format("no [{}] table: {}", key, what),
                            "start from locale/en.toml, which has every table and phrase");
        }
        return *section;
    };
    read_header(required("locale", "the language's code and name"), locale);
    read_degrees(required("degrees", "how degrees are written"), locale);
    read_phrases(required("phrases", "the map's wording"), locale, english);
    root.finish();
    return locale;
}

std::vector<Locale> parse_builtins() {
    std::vector<Locale> locales;
    for (const auto& [code, text] : builtin_locale_texts()) {
        const std::string file = fmt::format("(built in) locale/{}.toml", code);
        locales.push_back(parse_locale_as(text, file, locales.empty() ? nullptr : &locales.front()));
    }
    return locales;
}

// Parsed once: the texts are constants of the program, so their locales are too.
const std::vector<Locale>& builtins() {
    static const std::vector<Locale> kLocales = parse_builtins();
    return kLocales;
}

}  // namespace

Locale parse_locale(std::string_view text, const std::string& file) {
    return parse_locale_as(text, file, &builtin_locale("en"));
}

Locale read_locale(const std::filesystem::path& path) {
    const std::string text = io::read_text_file(path);
    io::require_content(path, "a locale: [locale], [degrees] and [phrases] tables");
    return parse_locale(text, path.string());
}

std::vector<std::string> builtin_locale_codes() {
    std::vector<std::string> codes;
    for (const auto& locale : builtins()) codes.push_back(locale.language.code);
    return codes;
}

const Locale& builtin_locale(std::string_view code) {
    for (const auto& locale : builtins()) {
        if (locale.language.code == code) return locale;
    }
    return builtins().front();
}

bool has_locale(const std::string& name, const std::filesystem::path& locale_dir) {
    std::error_code error;
    if (name.size() > 5 && name.ends_with(".toml")) return std::filesystem::is_regular_file(name, error);
    const auto codes = builtin_locale_codes();
    if (std::find(codes.begin(), codes.end(), name) != codes.end()) return true;
    return model::is_language_code(name) && std::filesystem::is_regular_file(locale_dir / (name + ".toml"), error);
}

std::string missing_locale(const std::string& name, const std::filesystem::path& locale_dir) {
    std::error_code error;
    if (name.size() > 5 && name.ends_with(".toml")) return fmt::format("no locale file {}", name);
    std::vector<std::string> known = builtin_locale_codes();
    for (const auto& entry : std::filesystem::directory_iterator(locale_dir, error)) {
        const auto stem = entry.path().stem().string();
        if (entry.path().extension() == ".toml" && model::is_language_code(stem) &&
            std::find(known.begin(), known.end(), stem) == known.end())
            known.push_back(stem);
    }
    std::sort(known.begin() + static_cast<std::ptrdiff_t>(builtin_locale_codes().size()), known.end());
    return fmt::format(
        "no language '{}': there are {} (built in or in {}/); to add one, copy locale/en.toml to {}/{}.toml and "
        "translate it",
        name, fmt::join(known, ", "), locale_dir.string(), locale_dir.string(),
        model::is_language_code(name) ? name : "<code>");
}

Locale find_locale(const std::string& name, const std::string& where, const std::filesystem::path& locale_dir) {
    if (!has_locale(name, locale_dir)) throw UsageError(fmt::format("{}: {}", where, missing_locale(name, locale_dir)));
    if (name.ends_with(".toml")) return read_locale(name);
    const std::filesystem::path file = locale_dir / (name + ".toml");
    std::error_code error;
    if (!std::filesystem::is_regular_file(file, error)) return builtin_locale(name);
    Locale locale = read_locale(file);
    if (locale.language.code != name) {
        SourceLocation at;
        at.file = file.string();
        throw DataError(at, fmt::format("the file says code = \"{}\", not \"{}\"", locale.language.code, name),
                        fmt::format("name the file {}.toml, or set code = \"{}\"", locale.language.code, name));
    }
    return locale;
}

}  // namespace steppeflow::config
