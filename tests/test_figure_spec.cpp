// Figure specs and styles: the shipped files parse, and every malformed file is refused with the
// file, line, column and key at fault.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "config/figure_spec.hpp"
#include "config/style_reader.hpp"
#include "figure/figure_runner.hpp"
#include "render/text.hpp"
#include "render/writer.hpp"
#include "test_support.hpp"

using namespace steppeflow;
using ::testing::HasSubstr;

namespace {

// The message a spec with this content is refused with (empty when it is accepted).
std::string spec_error(const std::string& content) {
    const auto path = test::scratch_dir("spec_error") / "spec.toml";
    test::write_file(path, content);
    try {
        (void)config::read_figure_spec(path);
    } catch (const Error& e) {
        const std::string text = e.what();
        // Tests compare the message after the scratch path, which changes from machine to machine.
        return text.substr(text.find("spec.toml"));
    }
    return {};
}

std::string style_error(const std::string& content) {
    const auto path = test::scratch_dir("style_error") / "style.toml";
    test::write_file(path, content);
    try {
        (void)config::read_style(path);
    } catch (const Error& e) {
        const std::string text = e.what();
        return text.substr(text.find("style.toml"));
    }
    return {};
}

const std::string kOutput = "\n[output]\nfiles = [\"out.png\"]\n";

}  // namespace

TEST(FigureSpec, EveryShippedSpecParsesAndNamesItsOutputs) {
    int count = 0;
    for (const auto& entry : std::filesystem::directory_iterator(test::source_dir() / "figures")) {
        if (entry.path().extension() != ".toml") continue;
        const auto spec = config::read_figure_spec(entry.path());
        EXPECT_FALSE(spec.outputs.empty()) << entry.path();
        EXPECT_NO_THROW((void)figure::make_request(spec)) << entry.path();
        ++count;
    }
    EXPECT_GE(count, 4);  // overview by year, August 1930, small multiples, Tarbagatai
}

TEST(FigureSpec, ReadsEveryTable) {
    const auto path = test::scratch_dir("spec_good") / "good.toml";
    test::write_file(path, R"([figure]
title = "T"
subtitle = "S"
size = "single"
dpi = 600
language = "ru"
extent = [78, 42, 88, 51]
width_scale = "classes"
width_classes = [50, 200, 500]
style = "grayscale"

[map]
legend = "below"
graticule = false
inset = true

[data]
flows = "tests/data/mini_flows.csv"

[filter]
years = [1930, 1931]
from = "1930-08"
to = "1931-06-01"
scope = ["event", "aggregate"]
status = ["crossed", "attempted"]
unit = "people"
origin = ["Zaisan", "urdzhar_district"]

[years]
show = "multiples"
periods = ["1930", "1931-1932"]
columns = 2

[output]
files = ["a.png", "b.pdf"]
report = "r.json"
)");
    const auto spec = config::read_figure_spec(path);
    EXPECT_EQ(spec.title, "T");
    EXPECT_EQ(spec.subtitle, "S");
    EXPECT_EQ(spec.size, "single");
    EXPECT_EQ(spec.dpi, 600);
    EXPECT_EQ(spec.lang, "ru");
    EXPECT_EQ(spec.extent, "78,42,88,51");
    EXPECT_EQ(spec.width_classes, "50,200,500");
    EXPECT_EQ(spec.legend, "below");
    EXPECT_FALSE(spec.graticule);
    EXPECT_TRUE(spec.inset);
    // Paths are relative to the spec's folder.
    EXPECT_EQ(spec.flows, std::vector<std::filesystem::path>{path.parent_path() / "tests/data/mini_flows.csv"});
    EXPECT_EQ(spec.years, (std::vector<int>{1930, 1931}));
    EXPECT_EQ(spec.from, "1930-08");
    EXPECT_EQ(spec.scope, (std::vector<std::string>{"event", "aggregate"}));
    EXPECT_EQ(spec.unit, (std::vector<std::string>{"people"}));  // a single string is a list of one
    EXPECT_EQ(spec.origin, (std::vector<std::string>{"Zaisan", "urdzhar_district"}));
    EXPECT_EQ(spec.years_mode, config::YearsMode::multiples);
    EXPECT_EQ(spec.periods, (std::vector<std::string>{"1930", "1931-1932"}));
    EXPECT_EQ(spec.columns, 2);
    EXPECT_EQ(spec.outputs.size(), 2U);
    EXPECT_EQ(spec.report, path.parent_path() / "r.json");
    EXPECT_EQ(spec.outputs.front(), path.parent_path() / "a.png");
    const auto options = figure::make_request(spec).options;
    EXPECT_EQ(options.page_width_mm, 84);
    EXPECT_EQ(options.page_height_mm, 0);  // single column: the height follows the map
    EXPECT_EQ(options.style.name, "grayscale");
}

TEST(FigureSpec, MalformedSpecsAreRefusedWithFileLineColumnAndKey) {
    // Each case: the spec's text and the exact message it must produce.
    const std::vector<std::pair<std::string, std::string>> cases{
        {"[figure]\ntitel = \"x\"\n" + kOutput,
         "spec.toml:2:1 (key 'figure.titel'): unknown key; did you mean 'figure.title'?"},
        {"[figure]\ndpi = \"300\"\n" + kOutput, "spec.toml:2:7 (key 'figure.dpi'): expected a number, found a string"},
        {"[figur]\ntitle = \"x\"\n" + kOutput, "spec.toml:1:2 (key 'figur'): unknown key; did you mean 'figure'?"},
        {"[figure]\ntitle = \"x\n" + kOutput,
         "spec.toml:2:11: not valid TOML: Error while parsing string: unescaped control characters other than TAB "
         "(U+0009) are explicitly prohibited"},
        {"[figure]\nsize = \"A4\"\n" + kOutput,
         "spec.toml:2:8 (key 'figure.size'): 'A4' is not a page size; write \"single\" (84 mm column), \"double\" "
         "(174 mm), a width in mm (height to fit) or \"WIDTHxHEIGHT\""},
        {"[figure]\nlanguage = \"de\"\n" + kOutput,
         "spec.toml:2:12 (key 'figure.language'): no language 'de': there are en, ru, kk (built in or in locale/); to "
         "add one, copy locale/en.toml to locale/de.toml and translate it"},
        {"[figure]\nextent = [78, 42, 88]\n" + kOutput,
         "spec.toml:2:10 (key 'figure.extent'): expected \"auto\" or [lon_min, lat_min, lon_max, lat_max]"},
        {"[figure]\nextent = [88, 42, 78, 51]\n" + kOutput,
         "spec.toml:2:10 (key 'figure.extent'): not a box with lon_min < lon_max and lat_min < lat_max in degrees"},
        {"[filter]\nyears = [1930, \"1931\"]\n" + kOutput,
         "spec.toml:2:16 (key 'filter.years'): expected an array of numbers, found a string in it"},
        {"[filter]\nfrom = \"1930-02-30\"\n" + kOutput,
         "spec.toml:2:8 (key 'filter.from'): '1930-02-30' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD"},
        {"[filter]\nfrom = \"1931\"\nto = \"1930-08\"\n" + kOutput,
         "spec.toml:3:6 (key 'filter.to'): '1930-08' is before from = '1931'"},
        {"[filter]\nstatus = [\"fled\"]\n" + kOutput,
         "spec.toml:2:10 (key 'filter.status'): 'fled' is not one of crossed, attempted, detained, planned, died, "
         "returned, not_returned"},
        {"[years]\nshow = \"animated\"\n" + kOutput,
         "spec.toml:2:8 (key 'years.show'): 'animated' is not one of single, overlay, multiples, sequence"},
        {"[years]\nperiods = [\"1931-1930\"]\n" + kOutput,
         "spec.toml:2:11 (key 'years.periods'): '1931-1930' is not a year or a span of years; write \"1930\" or "
         "\"1931-1932\""},
        {"[years]\ncolumns = 0\n" + kOutput, "spec.toml:2:11 (key 'years.columns'): 0 is outside 1 to 12"},
        {"", "spec.toml: the file is empty; expected TOML: [tables] of key = value lines"},
    };
    for (const auto& [content, expected] : cases) EXPECT_EQ(spec_error(content), expected) << content;
}

TEST(FigureSpec, AnOutputNoWriterWritesIsRefusedAtItsKey) {
    // The writers' registry decides (render/writer.hpp), for the spec and the command line alike.
    const auto path = test::scratch_dir("spec_output") / "spec.toml";
    test::write_file(path, "[output]\nfiles = [\"out.jpg\"]\n");
    const auto spec = config::read_figure_spec(path);
    try {
        (void)figure::make_request(spec);
        FAIL() << "out.jpg was accepted";
    } catch (const DataError& e) {
        const std::string text = e.what();
        // The file is named where it would be written: beside the spec, as its paths are.
        EXPECT_EQ(text.substr(text.find("spec.toml")),
                  "spec.toml:2:9 (key 'output.files'): '" + (path.parent_path() / "out.jpg").string() +
                      "' does not end in .svg, .png, .pdf, .tif, .html, .geojson, .gpkg or .json");
    }
    config::FigureSpec command_line;
    command_line.outputs = {"out.tiff"};
    EXPECT_THAT(
        [&] { (void)figure::make_request(command_line); },
        ::testing::ThrowsMessage<UsageError>(HasSubstr(
            "out.tiff: unknown output format '.tiff'; use .svg, .png, .pdf, .tif, .html, .geojson, .gpkg or .json")));
    // Every writer's extension is accepted; the report is one of them.
    for (const auto* writer : render::writers()) {
        command_line.outputs = {std::string("out") + std::string(writer->extension())};
        EXPECT_NO_THROW((void)figure::make_request(command_line)) << writer->extension();
    }
}

TEST(FigureSpec, DateRangesCompareTheLastDayOfToWithTheFirstOfFrom) {
    // The rest of August, and August to the end of 1930, are ranges, not a 'to' before its 'from'.
    EXPECT_EQ(spec_error("[filter]\nfrom = \"1930-08-15\"\nto = \"1930-08\"\n" + kOutput), "");
    EXPECT_EQ(spec_error("[filter]\nfrom = \"1930-08\"\nto = \"1930\"\n" + kOutput), "");
    EXPECT_EQ(spec_error("[filter]\nfrom = \"1930-08-15\"\nto = \"1930-08-14\"\n" + kOutput),
              "spec.toml:3:6 (key 'filter.to'): '1930-08-14' is before from = '1930-08-15'");
}

TEST(FigureSpec, TheCommandLineChecksDateRangesAsTheSpecDoes) {
    config::FigureSpec spec;
    spec.from = "1930-08-15";
    spec.to = "1930-08";
    spec.from_command_line = {"--from", "--to"};
    EXPECT_NO_THROW((void)figure::make_request(spec));
    spec.to = "1930-07";
    try {
        (void)figure::make_request(spec);
        FAIL() << "a range that ends before it starts was accepted";
    } catch (const UsageError& e) {
        EXPECT_THAT(e.what(), HasSubstr("--to: '1930-07' is before from '1930-08-15'"));
    }
}

TEST(FigureSpec, AnUnreadableSpecIsAnIoError) {
    try {
        (void)config::read_figure_spec(test::scratch_dir("spec_missing") / "none.toml");
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ExitCode::io_error);
        EXPECT_THAT(e.what(), HasSubstr("none.toml: cannot open the file for reading"));
    }
}

TEST(Style, TheBuiltInStyleIsTheShippedColourPreset) {
    const auto shipped = config::read_style(test::source_dir() / "styles" / "colour.toml");
    const config::Style built_in;
    // Every field (the structs compare whole), each part on its own so a failure says which; only
    // where the file names its font differs, since the built-in style is in no file.
    config::Style comparable = shipped;
    comparable.text.font_named_at = built_in.text.font_named_at;
    EXPECT_TRUE(comparable.text == built_in.text);
    EXPECT_TRUE(comparable.lines == built_in.lines);
    EXPECT_TRUE(comparable.symbols == built_in.symbols);
    EXPECT_TRUE(comparable.colours == built_in.colours);
    EXPECT_TRUE(comparable.rules == built_in.rules);
    EXPECT_TRUE(comparable == built_in);
    // The comparison sees one field off.
    comparable.lines.hairline_mm += 0.01;
    EXPECT_FALSE(comparable == built_in);
}

TEST(Style, PresetsAreFoundByNameAndDiffer) {
    const auto grayscale = config::read_style(config::resolve_style("grayscale"));
    const auto colourblind = config::read_style(config::resolve_style("colourblind"));
    const auto colour = config::read_style(config::resolve_style("colour"));
    // Grayscale carries no hue anywhere a reader must tell things apart.
    const auto gray = [](const config::Rgb& c) { return c.r == c.g && c.g == c.b; };
    for (const auto& c : grayscale.colours.periods) EXPECT_TRUE(gray(c));
    for (const auto& c : {grayscale.colours.people, grayscale.colours.households, grayscale.colours.families,
                          grayscale.colours.land, grayscale.colours.water, grayscale.colours.border})
        EXPECT_TRUE(gray(c));
    // Years in grayscale run from light to dark.
    for (std::size_t i = 1; i < grayscale.colours.periods.size(); ++i)
        EXPECT_LT(grayscale.colours.periods[i].r, grayscale.colours.periods[i - 1].r);
    // No preset gives a year a unit's colour (colourblind's years were its units' colours once).
    for (const auto* style : {&colour, &colourblind}) {
        for (const auto& c : style->colours.periods) {
            for (const auto& unit : {style->colours.people, style->colours.households, style->colours.families})
                EXPECT_NE(c, unit);
        }
    }
    EXPECT_THAT([] { (void)config::resolve_style("sepia"); },
                ::testing::ThrowsMessage<UsageError>(HasSubstr("presets in styles: colour, colourblind, grayscale")));
}

TEST(Style, MalformedStylesAreRefusedWithLineAndKey) {
    EXPECT_EQ(style_error("[text]\nlabel_pt = 5\n"),
              "style.toml:2:12 (key 'text.label_pt'): 5 pt is outside 6 to 30 pt; journals ask for no text smaller "
              "than 6 pt at print size");
    EXPECT_EQ(style_error("[colours]\nland = \"beige\"\n"),
              "style.toml:2:8 (key 'colours.land'): 'beige' is not a colour; write it as \"#rrggbb\"");
    EXPECT_EQ(style_error("[colours]\nperiods = [\"#ff0000\", \"#12345\"]\n"),
              "style.toml:2:11 (key 'colours.periods'): '#12345' is not a colour; write it as \"#rrggbb\"");
    EXPECT_EQ(style_error("[lines]\nflow_min_mm = 5\nflow_max_mm = 4\n"),
              "style.toml:2:15 (key 'lines.flow_min_mm'): the thinnest flow (5 mm) is wider than the widest (4 mm)");
    EXPECT_EQ(style_error("[lines]\nflow_width = 3\n"),
              "style.toml:2:1 (key 'lines.flow_width'): unknown key; known keys here: border_mm, flow_casing_mm, "
              "flow_max_mm, flow_min_mm, frame_mm, graticule_mm, hairline_mm, inset_extent_mm, river_mm, "
              "symbol_outline_mm");
    EXPECT_EQ(style_error("[text]\nfont = 12\n"),
              "style.toml:2:8 (key 'text.font'): expected a string, found an integer");
}

// The check finds the font fontconfig would use; a family name it lists of its own ("Sans", an
// alias) is accepted as before, and case does not matter for a real family.
TEST(Style, InstalledFamiliesAndAliasesAreAccepted) {
    EXPECT_NO_THROW(render::require_font("Noto Sans", ""));
    EXPECT_NO_THROW(render::require_font("noto sans", ""));
    EXPECT_NO_THROW(render::require_font("Sans", ""));
    EXPECT_THROW(render::require_font("No Such Font Family", ""), IoError);
}

TEST(Style, AMissingFontIsAnIoErrorNamingIt) {
    config::FigureSpec spec;
    const auto dir = test::scratch_dir("style_font");
    const auto style = dir / "style.toml";
    test::write_file(style, "[text]\nfont = \"No Such Font Family\"\n");
    spec.style = style.string();
    spec.gazetteer = test::data_dir() / "mini_gazetteer.csv";
    spec.flows = {test::data_dir() / "mini_flows.csv"};
    spec.outputs = {dir / "x.png"};
    const auto data = figure::load_figure_data(spec);
    EXPECT_THAT([&] { (void)figure::render_figure(spec, *data); },
                ::testing::ThrowsMessage<IoError>(
                    HasSubstr("style.toml:2:8 (key 'text.font'): font 'No Such Font Family' is not installed; install "
                              "it or name another font in the style (text.font)")));
    EXPECT_FALSE(std::filesystem::exists(spec.outputs.front()));
}

TEST(FigureSpec, NestingAndSizeAreBoundedBeforeTheParserSeesThem) {
    // 100,000 parts overflowed toml++'s stack (SIGSEGV); now refused at the part that is too many.
    std::string deep = "figure";
    for (int i = 0; i < 100000; ++i) deep += ".a";
    EXPECT_EQ(spec_error(deep + " = 1\n"),
              "spec.toml:1:69: a key of more than 32 parts (a dotted key or [table.name]); no figure spec, style or "
              "layer list nests that deep");
    // 32 parts are still fine to parse (and then an unknown key, as any other).
    std::string ok = "figure";
    for (int i = 1; i < 32; ++i) ok += ".a";
    EXPECT_THAT(spec_error(ok + " = 1\n"), HasSubstr("unknown key"));
    // Dots inside strings and comments are not key parts.
    EXPECT_EQ(
        spec_error("[figure]\ntitle = \"" + std::string(200, '.') + "\" # " + std::string(200, '.') + "\n" + kOutput),
        "");
    // Larger than any spec: refused before it is parsed.
    EXPECT_EQ(spec_error("# " + std::string(2U << 20, 'x') + "\n"),
              "spec.toml: the file is 2097155 bytes; a figure spec, style or layer list is at most 1048576; is it the "
              "right file?");
}

TEST(FigureSpec, TextsHaveALimitOnTheCommandLineAndInASpec) {
    config::FigureSpec spec;
    spec.title = std::string(10'000'000, 'x');  // 10 MB took 12 s and 790 MB to lay out
    spec.from_command_line = {"--title"};
    EXPECT_THAT([&] { (void)figure::make_request(spec); },
                ::testing::ThrowsMessage<UsageError>(
                    HasSubstr("--title: 10000000 characters; a figure's title is at most 2000 (a paragraph)")));
    spec.title = "Сорок символов: " + std::string(20, 'x');
    spec.credits = std::string(1999, 'x') + "ё";  // 2,000 characters (2,001 bytes): allowed
    EXPECT_NO_THROW((void)figure::make_request(spec));
}

TEST(FigureSpec, ATextThatIsNotUtf8IsRefusedNamingTheByte) {
    config::FigureSpec spec;
    spec.title = "bad \xff title";
    spec.from_command_line = {"--title"};
    EXPECT_THAT([&] { (void)figure::make_request(spec); },
                ::testing::ThrowsMessage<UsageError>(
                    HasSubstr("--title: not UTF-8 text: byte 5 (0xff) does not fit; save it as UTF-8")));
}

TEST(FigureSpec, APathWrittenLikeTheDefaultIsStillTheSpecsOwn) {
    // A project of its own whose data sits in geodata/ beside its spec: not the shipped tables.
    const auto dir = test::scratch_dir("spec_own_geodata");
    test::write_file(dir / "spec.toml",
                     "[data]\ngazetteer = \"geodata/gazetteer.csv\"\nflows = \"geodata/flows.csv\"\n");
    const auto spec = config::read_figure_spec(dir / "spec.toml");
    EXPECT_EQ(spec.gazetteer, dir / "geodata" / "gazetteer.csv");
    EXPECT_EQ(spec.flows, std::vector<std::filesystem::path>{dir / "geodata" / "flows.csv"});
}
