// The SVG a cartographer finishes in Inkscape or Illustrator: read back as XML, it has the named layer
// groups, a group per flow with a <title> citing its record, and its names and legend as <text>, not
// glyph outlines; rasterised by librsvg it draws the PNG's map. --svg-text outlines keeps the exact look.

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "io/flow_reader.hpp"
#include "test_support.hpp"

using namespace steppeflow;
using ::testing::Contains;
using ::testing::HasSubstr;

namespace {

struct Svg {
    std::vector<std::string> layers;                 // ids of inkscape layer groups, in order
    std::map<std::string, std::string> flow_titles;  // flow group id → its <title>
    std::vector<std::string> texts;                  // each <tspan>'s text
    std::set<std::string> fonts;                     // <text> style font-family values
    int glyph_uses = 0;                              // <use> of Cairo glyph outlines
};

std::string text_of(xmlNodePtr node) {
    xmlChar* content = xmlNodeGetContent(node);
    std::string text = content != nullptr ? reinterpret_cast<const char*>(content) : "";
    xmlFree(content);
    return text;
}

std::string attribute(xmlNodePtr node, const char* name) {
    xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
    std::string text = value != nullptr ? reinterpret_cast<const char*>(value) : "";
    xmlFree(value);
    return text;
}

void walk(xmlNodePtr node, Svg& svg) {
    for (; node != nullptr; node = node->next) {
        if (node->type != XML_ELEMENT_NODE) continue;
        const std::string name = reinterpret_cast<const char*>(node->name);
        const std::string id = attribute(node, "id");
        if (name == "g" && !attribute(node, "groupmode").empty()) svg.layers.push_back(id);
        if (name == "g" && id.starts_with("flow-")) {
            for (xmlNodePtr child = node->children; child != nullptr; child = child->next)
                if (child->type == XML_ELEMENT_NODE && xmlStrEqual(child->name, BAD_CAST "title"))
                    svg.flow_titles[id] = text_of(child);
        }
        if (name == "tspan") svg.texts.push_back(text_of(node));
        if (name == "text") {
            const std::string style = attribute(node, "style");
            const auto start = style.find("font-family:");
            if (start != std::string::npos)
                svg.fonts.insert(style.substr(start + 12, style.find(';', start) - start - 12));
        }
        if (name == "use" && attribute(node, "href").starts_with("#glyph")) ++svg.glyph_uses;
        walk(node->children, svg);
    }
}

Svg read_svg(const std::filesystem::path& path) {
    xmlDocPtr document = xmlReadFile(path.c_str(), nullptr, XML_PARSE_NONET | XML_PARSE_NOERROR);
    if (document == nullptr) throw std::runtime_error("not XML: " + path.string());
    Svg svg;
    walk(xmlDocGetRootElement(document), svg);
    xmlFreeDoc(document);
    return svg;
}

}  // namespace

TEST(EditableSvg, LayersFlowGroupsWithTheirSourcesAndRealText) {
    const auto dir = test::scratch_dir("editable_svg");
    const auto result = test::run_cli({"render", (test::source_dir() / "figures" / "overview.toml").string(), "-o",
                                       (dir / "map.svg").string(), "--report", (dir / "map.json").string(), "-q"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const Svg svg = read_svg(dir / "map.svg");
    for (const char* layer : {"paper", "basemap", "borders", "flows", "symbols", "labels", "legend", "furniture"})
        EXPECT_THAT(svg.layers, Contains(layer)) << layer;
    // Each drawn flow is a group named by its id, titled with its record: figure, source and quote.
    std::map<std::string, model::Flow> table;
    for (auto& flow : io::read_flows(test::source_dir() / "geodata" / "flows.csv")) table[flow.id] = flow;
    const auto report = nlohmann::json::parse(test::read_file(dir / "map.json"));
    std::set<std::string> drawn;
    for (const auto& flow : report["flows"]) drawn.insert(flow["id"]);
    for (const auto& id : drawn) {
        const auto title = svg.flow_titles.find("flow-" + id);
        ASSERT_NE(title, svg.flow_titles.end()) << id;
        EXPECT_THAT(title->second, HasSubstr(table.at(id).source)) << id;
        EXPECT_THAT(title->second, HasSubstr(table.at(id).quote)) << id;
    }
    // Every label, legend text and the title are text a user can edit, in the style's font.
    for (const auto& label : report["labels"]) EXPECT_THAT(svg.texts, Contains(label["text"].get<std::string>()));
    EXPECT_THAT(svg.texts, Contains("Flight of Kazakh households across the border, 1928–1933"));
    EXPECT_THAT(svg.texts, Contains("crossed the border"));
    EXPECT_EQ(svg.fonts, (std::set<std::string>{"'Noto Sans',sans-serif"}));
    EXPECT_EQ(svg.glyph_uses, 0) << "no text drawn as outlines";

    // The exact look, as before: glyph outlines, no <text>.
    const auto outlines = test::run_cli({"render", (test::source_dir() / "figures" / "overview.toml").string(),
                                         "--svg-text", "outlines", "-o", (dir / "outlines.svg").string(), "-q"});
    ASSERT_EQ(outlines.exit_code, 0) << outlines.err;
    const Svg exact = read_svg(dir / "outlines.svg");
    EXPECT_TRUE(exact.texts.empty());
    EXPECT_GT(exact.glyph_uses, 100);
}

TEST(EditableSvg, PanelsAreLayersOfTheirOwn) {
    const auto dir = test::scratch_dir("editable_svg_panels");
    const auto spec = test::spec_writing_into(test::source_dir() / "figures" / "years_multiples.toml", dir);
    const auto result = test::run_cli({"render", spec.string(), "-o", (dir / "panels.svg").string(), "-q"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const Svg svg = read_svg(dir / "panels.svg");
    int panels = 0;
    std::set<std::string> ids;
    for (const auto& id : svg.layers) {
        EXPECT_TRUE(ids.insert(id).second) << "layer ids are unique: " << id;
        if (id.starts_with("panel") && id.ends_with("-map")) ++panels;
    }
    EXPECT_GE(panels, 3);
    EXPECT_THAT(svg.layers, Contains(::testing::MatchesRegex("panel[0-9]+-1930-flows")));
    EXPECT_THAT(svg.texts, Contains("1930"));
}

TEST(EditableSvg, RasterisedItDrawsThePngsMapForEveryShippedKindOfFigure) {
    const auto dir = test::scratch_dir("editable_svg_pixels");
    // A figure with an inset and a detail panel, and one of small multiples.
    for (const char* name : {"overview", "region_1928_1933", "years_multiples"}) {
        const auto spec = test::spec_writing_into(test::source_dir() / "figures" / (std::string(name) + ".toml"), dir);
        const auto result =
            test::run_cli({"render", spec.string(), "--dpi", "100", "-o", (dir / (std::string(name) + ".svg")).string(),
                           "-o", (dir / (std::string(name) + ".png")).string(), "-q"});
        ASSERT_EQ(result.exit_code, 0) << result.err;
        const auto svg_png = dir / (std::string(name) + "_svg.png");
        ASSERT_EQ(test::run_shell("rsvg-convert --dpi-x 100 --dpi-y 100 -b white '" +
                                  (dir / (std::string(name) + ".svg")).string() + "' -o '" + svg_png.string() + "'"),
                  0);
        // librsvg sets the <text> in the same font as Pango did: measured 0.010 %, 0.013 % and 0.006 %
        // of pixels differ (glyph antialiasing); the map's labels left out differ by 0.9 %.
        const double share = test::differing_share(svg_png, dir / (std::string(name) + ".png"), 32);
        EXPECT_LT(share, 0.001) << name;
        RecordProperty(name, std::to_string(share));
    }
}
