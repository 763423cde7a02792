// Locale files: every map wording comes from locale/<code>.toml, so a user corrects a phrase or adds a
// language without recompiling; the built-in locales are those files, and a bad file is refused
// with its line and what to do.

#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "common/error.hpp"
#include "config/locale_reader.hpp"
#include "layout/map_text.hpp"
#include "test_support.hpp"

namespace steppeflow {
namespace {

using ::testing::AllOf;
using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::Not;

std::string english_file() { return test::read_file(test::source_dir() / "locale" / "en.toml"); }

// `text` with the first `from` replaced by `to` (the test fails if `from` is not there).
std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    if (at != std::string::npos) text.replace(at, from.size(), to);
    return text;
}

// A Kyrgyz locale as a user would start one: the English file copied, its code changed, Russian
// names standing in where a place has no Kyrgyz one, and a phrase translated.
std::string kyrgyz_file() {
    std::string text = replaced(english_file(), "code = \"en\"", "code = \"ky\"");
    text = replaced(text, "name = \"English\"", "name = \"кыргызча\"");
    text = replaced(text, "name_fallback = []", "name_fallback = [\"ru\"]");
    return replaced(text, "people_key = \"People\"", "people_key = \"Адамдар\"");
}

std::string locale_error(const std::string& text) {
    try {
        (void)config::parse_locale(text, "ky.toml");
    } catch (const DataError& error) {
        return error.what();
    }
    return "(accepted)";
}

std::vector<std::string> texts_of(const nlohmann::json& items) {
    std::vector<std::string> texts;
    for (const auto& item : items) texts.push_back(item["text"].get<std::string>());
    return texts;
}

TEST(Locale, TheBuiltInLocalesAreTheFilesInLocale) {
    for (const auto& code : config::builtin_locale_codes()) {
        const auto file = test::source_dir() / "locale" / (code + ".toml");
        const config::Locale from_file = config::read_locale(file);
        const config::Locale& built_in = config::builtin_locale(code);
        EXPECT_EQ(from_file.phrases, built_in.phrases) << code;
        EXPECT_EQ(from_file.language, built_in.language) << code;
        EXPECT_EQ(from_file.north, built_in.north) << code;
    }
    EXPECT_EQ(config::builtin_locale_codes(), (std::vector<std::string>{"en", "ru", "kk"}));
    const auto& ru = config::builtin_locale("ru");
    EXPECT_EQ(layout::phrase(layout::Phrase::scale_caption, ru), "км, масштаб верен на {}° с. ш.");
    EXPECT_EQ(layout::hemisphere_degrees(-6.2, true, ru), "6° з. д.");
    EXPECT_EQ(layout::degrees_label(50, false, ru), "50°");
    EXPECT_EQ(layout::degrees_label(50, false, config::builtin_locale("en")), "50°N");
}

TEST(Locale, AFileInTheLocaleDirectoryReplacesTheBuiltInOrAddsALanguage) {
    const auto dir = test::scratch_dir("locale_dir");
    test::write_file(dir / "ru.toml", replaced(test::read_file(test::source_dir() / "locale" / "ru.toml"),
                                               "detained = \"задержаны\"", "detained = \"задержаны на границе\""));
    test::write_file(dir / "ky.toml", kyrgyz_file());
    const auto ru = config::find_locale("ru", "--lang", dir);
    EXPECT_EQ(ru.phrase(config::Phrase::detained), "задержаны на границе");
    EXPECT_EQ(ru.file, (dir / "ru.toml").string());
    const auto ky = config::find_locale("ky", "--lang", dir);
    EXPECT_EQ(ky.language.code, "ky");
    EXPECT_EQ(ky.language.fallback, std::vector<std::string>{"ru"});
    EXPECT_EQ(ky.phrase(config::Phrase::people_key), "Адамдар");
    // Without the file, Kyrgyz is unknown, and the message says how to add it.
    try {
        (void)config::find_locale("ky", "--lang", test::scratch_dir("no_locales"));
        ADD_FAILURE() << "ky found without its file";
    } catch (const UsageError& error) {
        EXPECT_THAT(std::string(error.what()), AllOf(HasSubstr("--lang: no language 'ky': there are en, ru, kk"),
                                                     HasSubstr("copy locale/en.toml to")));
    }
    // A file named for one code that says another is refused.
    test::write_file(dir / "uz.toml", kyrgyz_file());
    EXPECT_THROW((void)config::find_locale("uz", "--lang", dir), DataError);
}

TEST(Locale, ABadLocaleFileIsRefusedWithItsLineAndWhatToDo) {
    // Every missing phrase named at once.
    std::string two_missing = replaced(kyrgyz_file(), "town = \"town\"\n", "");
    two_missing = replaced(two_missing, "north = \"N\"\n", "");
    EXPECT_THAT(locale_error(two_missing), HasSubstr("2 phrases are missing: town, north"));
    // A value the map would put in, lost or doubled in translation.
    const std::string no_value =
        replaced(kyrgyz_file(), "scale_caption = \"km, true at {}°N\"", "scale_caption = \"km\"");
    const std::string message = locale_error(no_value);
    EXPECT_THAT(message, AllOf(HasSubstr("ky.toml:"), HasSubstr("phrases.scale_caption"),
                               HasSubstr("holds 0 \"{}\" where the English holds 1")));
    const std::string line = message.substr(message.find(':') + 1);
    EXPECT_GT(std::stoi(line), 20) << message;  // the phrase's own line
    EXPECT_THAT(
        locale_error(replaced(kyrgyz_file(), "frame_destination = \"to {}\"", "frame_destination = \"to {0}\"")),
        HasSubstr("has a brace that is not \"{}\""));
    EXPECT_THAT(locale_error(replaced(kyrgyz_file(), "north = \"{}°N\"", "north = \"°N\"")),
                HasSubstr("must hold one \"{}\" for the degrees"));
    EXPECT_THAT(locale_error(replaced(kyrgyz_file(), "people_key =", "peple_key = \"x\"\npeople_key =")),
                AllOf(HasSubstr("unknown key"), HasSubstr("did you mean 'phrases.people_key'?")));
    EXPECT_THAT(locale_error(replaced(kyrgyz_file(), "code = \"ky\"", "code = \"Kyrgyz\"")),
                HasSubstr("'Kyrgyz' is not a language code"));
    EXPECT_THAT(locale_error(replaced(kyrgyz_file(), "[degrees]", "[degree]")), HasSubstr("no [degrees] table"));
    EXPECT_EQ(locale_error(kyrgyz_file()), "(accepted)");
}

TEST(Locale, AMapInAnAddedLanguageTakesItsWordingAndItsNames) {
    const auto dir = test::scratch_dir("kyrgyz_map");
    test::write_file(dir / "ky.toml", kyrgyz_file());
    // One place with a Kyrgyz name; the others take their Russian names (name_fallback).
    std::string gazetteer = test::read_file(test::source_dir() / "geodata" / "gazetteer.csv");
    std::string with_ky;
    std::size_t start = 0;
    for (std::size_t row = 0; start < gazetteer.size(); ++row) {
        const std::size_t end = gazetteer.find('\n', start);
        const std::string line = gazetteer.substr(start, end - start);
        with_ky += line +
                   (row == 0                                   ? ",name_ky"
                    : line.starts_with("semipalatinsk_okrug,") ? ",Семей округу"
                                                               : ",") +
                   "\n";
        start = end == std::string::npos ? gazetteer.size() : end + 1;
    }
    test::write_file(dir / "gazetteer.csv", with_ky);
    const auto result =
        test::run_cli({"render", "--lang", (dir / "ky.toml").string(), "--gazetteer", (dir / "gazetteer.csv").string(),
                       "--dpi", "30", "-o", (dir / "map.png").string(), "--report", (dir / "map.json").string()});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const auto report = nlohmann::json::parse(test::read_file(dir / "map.json"));
    const auto labels = texts_of(report["labels"]);
    EXPECT_THAT(labels, Contains("Семей округу"));
    EXPECT_THAT(labels, Contains("Кокпектинский район"));  // no Kyrgyz name: the Russian one
    EXPECT_THAT(texts_of(report["legend"]["entries"]), AllOf(Contains("Адамдар"), Not(Contains("People"))));
    // The column is read, not ignored; no title given, the locale's own default title is drawn (this
    // file copied it from the English), with no word of a title in another language.
    EXPECT_THAT(result.err, Not(HasSubstr("name_ky")));
    EXPECT_EQ(report["texts"][0]["text"], "Flight of Kazakh households across the border, 1928–1933");
    EXPECT_THAT(result.err, Not(HasSubstr("the title is in")));
}

TEST(Locale, TheTitleFollowsTheLanguageAskedFor) {
    const auto dir = test::scratch_dir("title_language");
    test::write_file(dir / "spec.toml", R"([figure]
title = "Flight across the border"
title_ru = "Бегство через границу"
subtitle_kk = "Шекарадан көшу"

[output]
files = ["out.png"]
)");
    const auto render = [&](const std::vector<std::string>& extra) {
        std::vector<std::string> args{"render", (dir / "spec.toml").string(), "--dpi",    "30",
                                      "-o",     (dir / "out.png").string(),   "--report", (dir / "out.json").string()};
        args.insert(args.end(), extra.begin(), extra.end());
        const auto result = test::run_cli(args);
        EXPECT_EQ(result.exit_code, 0) << result.err;
        return std::make_pair(texts_of(nlohmann::json::parse(test::read_file(dir / "out.json"))["texts"]), result.err);
    };
    const auto [english, english_err] = render({});
    EXPECT_EQ(english.front(), "Flight across the border");
    EXPECT_THAT(english_err, Not(HasSubstr("the title is in")));
    const auto [russian, russian_err] = render({"--lang", "ru"});
    EXPECT_EQ(russian.front(), "Бегство через границу");
    EXPECT_THAT(russian_err, Not(HasSubstr("the title is in")));
    // No Kazakh title: the spec's, with a warning naming the key to add; the Kazakh subtitle is taken.
    const auto [kazakh, kazakh_err] = render({"--lang", "kk"});
    EXPECT_EQ(kazakh.front(), "Flight across the border");
    EXPECT_THAT(kazakh.at(1), HasSubstr("Шекарадан көшу"));
    EXPECT_THAT(kazakh_err, HasSubstr("the title is in 'en', the map in 'kk': give title_kk in [figure], or --title"));
    // The command line's title wins, in any language.
    const auto [given, given_err] = render({"--lang", "ru", "--title", "Другое"});
    EXPECT_EQ(given.front(), "Другое");
}

}  // namespace
}  // namespace steppeflow
