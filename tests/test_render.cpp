// Visual regression: the mini fixture rendered to PNG is compared with a reference image.
// Refresh the references after an intended change with:
//   STEPPEFLOW_UPDATE_REFERENCES=1 ctest --test-dir build -R Render
// and look at the new tests/reference/*.png before committing them.

#include <cstdlib>

#include <cairo.h>
#include <gtest/gtest.h>
#include <libxml/parser.h>
#include <poppler.h>

#include "test_support.hpp"

using namespace steppeflow;

namespace {

struct PixelDiff {
    bool comparable = false;  // both images read, and of one size
    std::size_t differing = 0;
    std::size_t total = 0;
};

// Per-pixel comparison: a pixel differs when any channel differs by more than `threshold` (0–255).
// Writes a diff image (differing pixels red) when `diff_path` is given.
PixelDiff compare_png(const std::filesystem::path& actual, const std::filesystem::path& expected, int threshold,
                      const std::filesystem::path& diff_path) {
    cairo_surface_t* a = cairo_image_surface_create_from_png(actual.c_str());
    cairo_surface_t* b = cairo_image_surface_create_from_png(expected.c_str());
    PixelDiff diff;
    if (cairo_surface_status(a) != CAIRO_STATUS_SUCCESS || cairo_surface_status(b) != CAIRO_STATUS_SUCCESS ||
        cairo_image_surface_get_width(a) != cairo_image_surface_get_width(b) ||
        cairo_image_surface_get_height(a) != cairo_image_surface_get_height(b)) {
        diff.total = 1;
        diff.differing = 1;
    } else {
        cairo_surface_flush(a);
        cairo_surface_flush(b);
        const int width = cairo_image_surface_get_width(a);
        const int height = cairo_image_surface_get_height(a);
        cairo_surface_t* out = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height);
        unsigned char* pa = cairo_image_surface_get_data(a);
        unsigned char* pb = cairo_image_surface_get_data(b);
        unsigned char* po = cairo_image_surface_get_data(out);
        const int sa = cairo_image_surface_get_stride(a);
        const int sb = cairo_image_surface_get_stride(b);
        const int so = cairo_image_surface_get_stride(out);
        for (int y = 0; y < height; ++y) {
            for (int x = 0; x < width; ++x) {
                const unsigned char* ca = pa + y * sa + 4 * x;
                const unsigned char* cb = pb + y * sb + 4 * x;
                unsigned char* co = po + y * so + 4 * x;
                bool differs = false;
                for (int c = 0; c < 4; ++c) differs = differs || std::abs(ca[c] - cb[c]) > threshold;
                diff.differing += differs ? 1 : 0;
                co[0] = differs ? 0 : ca[0] / 3 + 170;
                co[1] = differs ? 0 : ca[1] / 3 + 170;
                co[2] = differs ? 255 : ca[2] / 3 + 170;
                co[3] = 255;
            }
        }
        diff.total = static_cast<std::size_t>(width) * static_cast<std::size_t>(height);
        diff.comparable = true;
        cairo_surface_mark_dirty(out);
        if (!diff_path.empty()) cairo_surface_write_to_png(out, diff_path.c_str());
        cairo_surface_destroy(out);
    }
    cairo_surface_destroy(a);
    cairo_surface_destroy(b);
    return diff;
}

std::vector<std::string> mini_args(const std::filesystem::path& output) {
    return {"render",
            "--gazetteer",
            (test::data_dir() / "mini_gazetteer.csv").string(),
            "--flows",
            (test::data_dir() / "mini_flows.csv").string(),
            "--basemap",
            (test::source_dir() / "geodata" / "basemap").string(),
            "--size",
            "174x140",
            "--dpi",
            "60",
            "--title",
            "Test: Семей → Құлжа",
            "-o",
            output.string()};
}

}  // namespace

TEST(Render, PngMatchesReferenceImage) {
    const auto dir = test::scratch_dir("render_png");
    const auto actual = dir / "mini.png";
    const auto result = test::run_cli(mini_args(actual));
    ASSERT_EQ(result.exit_code, 0) << result.err;

    const auto reference = test::source_dir() / "tests" / "reference" / "mini.png";
    if (std::getenv("STEPPEFLOW_UPDATE_REFERENCES") != nullptr) {
        std::filesystem::create_directories(reference.parent_path());
        std::filesystem::copy_file(actual, reference, std::filesystem::copy_options::overwrite_existing);
        GTEST_SKIP() << "reference refreshed: " << reference;
    }
    ASSERT_TRUE(std::filesystem::exists(reference))
        << "missing reference " << reference << "; create it with STEPPEFLOW_UPDATE_REFERENCES=1";
    // Tolerance: a pixel counts as different when a channel is off by more than 32 of 255
    // (anti-aliasing noise stays below that); at most 0.5 % of the pixels may differ.
    const auto diff = compare_png(actual, reference, 32, dir / "diff.png");
    ASSERT_TRUE(diff.comparable) << "the PNG and the reference differ in size or cannot be read";
    EXPECT_LE(static_cast<double>(diff.differing) / static_cast<double>(diff.total), 0.005)
        << diff.differing << " of " << diff.total << " pixels differ; see " << (dir / "diff.png");
}

TEST(Render, ComparisonDetectsAChangedMap) {
    // The comparison itself must fail for a visibly different map: another title.
    const auto dir = test::scratch_dir("render_changed");
    auto args = mini_args(dir / "changed.png");
    args[12] = "A different title, long enough to change many pixels";
    ASSERT_EQ(test::run_cli(args).exit_code, 0);
    const auto reference = test::source_dir() / "tests" / "reference" / "mini.png";
    ASSERT_TRUE(std::filesystem::exists(reference)) << "no reference to compare with: " << reference;
    const auto diff = compare_png(dir / "changed.png", reference, 32, {});
    // A missing or unreadable image, or one of another size, must not count as "detected".
    ASSERT_TRUE(diff.comparable);
    EXPECT_GT(static_cast<double>(diff.differing) / static_cast<double>(diff.total), 0.005);
}

TEST(Render, SvgIsWellFormedXml) {
    const auto dir = test::scratch_dir("render_svg");
    const auto path = dir / "mini.svg";
    ASSERT_EQ(test::run_cli(mini_args(path)).exit_code, 0);
    xmlDocPtr document = xmlReadFile(path.c_str(), nullptr, XML_PARSE_NONET | XML_PARSE_NOERROR);
    ASSERT_NE(document, nullptr) << "SVG does not parse as XML";
    const xmlNode* root = xmlDocGetRootElement(document);
    EXPECT_STREQ(reinterpret_cast<const char*>(root->name), "svg");
    // 174 mm wide, as asked.
    xmlChar* width = xmlGetProp(root, reinterpret_cast<const xmlChar*>("width"));
    EXPECT_STREQ(reinterpret_cast<const char*>(width), "174mm");
    xmlFree(width);
    xmlFreeDoc(document);
}

TEST(Render, PdfHasOnePageOfTheRequestedSize) {
    const auto dir = test::scratch_dir("render_pdf");
    const auto path = dir / "mini.pdf";
    ASSERT_EQ(test::run_cli(mini_args(path)).exit_code, 0);
    GError* error = nullptr;
    const std::string uri = "file://" + std::filesystem::absolute(path).string();
    PopplerDocument* document = poppler_document_new_from_file(uri.c_str(), nullptr, &error);
    ASSERT_NE(document, nullptr) << (error != nullptr ? error->message : "unknown error");
    EXPECT_EQ(poppler_document_get_n_pages(document), 1);
    PopplerPage* page = poppler_document_get_page(document, 0);
    double width_pt = 0;
    double height_pt = 0;
    poppler_page_get_size(page, &width_pt, &height_pt);
    EXPECT_NEAR(width_pt, 174 * 72 / 25.4, 0.01);
    EXPECT_NEAR(height_pt, 140 * 72 / 25.4, 0.01);
    // The labels are real text: Cyrillic and Kazakh letters survive into the PDF.
    char* text = poppler_page_get_text(page);
    EXPECT_NE(std::string(text).find("Құлжа"), std::string::npos) << text;
    g_free(text);
    g_object_unref(page);
    g_object_unref(document);
}

TEST(Render, PngHasTheRequestedPixelSize) {
    const auto dir = test::scratch_dir("render_size");
    auto args = mini_args(dir / "mini.png");
    ASSERT_EQ(test::run_cli(args).exit_code, 0);
    cairo_surface_t* image = cairo_image_surface_create_from_png((dir / "mini.png").c_str());
    EXPECT_EQ(cairo_image_surface_get_width(image), 411);  // 174 mm at 60 dpi
    EXPECT_EQ(cairo_image_surface_get_height(image), 331);
    cairo_surface_destroy(image);
}
