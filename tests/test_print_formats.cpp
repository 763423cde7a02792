// Print formats journals ask for: TIFF at the figure's dpi (the PNG's pixels, its resolution stated,
// read back through GDAL) and PDF with the figure's title and author in its metadata.

#include <cairo.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "io/gdal_handles.hpp"
#include "test_support.hpp"

using namespace steppeflow;
using ::testing::HasSubstr;

TEST(PrintFormats, ATiffHoldsThePngsPixelsAndItsResolution) {
    const auto dir = test::scratch_dir("print_tiff");
    const auto result = test::run_cli(
        {"render", "--dpi", "120", "-o", (dir / "map.tif").string(), "-o", (dir / "map.png").string(), "-q"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const io::GdalApi& api = io::gdal();
    const char* const drivers[] = {"GTiff", nullptr};
    const io::DatasetHandle tiff(
        api.GDALOpenEx((dir / "map.tif").c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY, drivers, nullptr, nullptr));
    ASSERT_TRUE(tiff) << "GDAL opens it as a TIFF";
    ASSERT_EQ(api.GDALGetRasterCount(tiff.get()), 3);
    cairo_surface_t* png = cairo_image_surface_create_from_png((dir / "map.png").c_str());
    const int width = cairo_image_surface_get_width(png);
    const int height = cairo_image_surface_get_height(png);
    std::vector<unsigned char> rgb(static_cast<std::size_t>(width) * height * 3);
    int bands[] = {1, 2, 3};
    ASSERT_EQ(api.GDALDatasetRasterIO(tiff.get(), GF_Read, 0, 0, width, height, rgb.data(), width, height, GDT_Byte, 3,
                                      bands, 3, 3 * width, 1),
              CE_None)
        << "the TIFF is as large as the PNG";
    const unsigned char* data = cairo_image_surface_get_data(png);
    const int stride = cairo_image_surface_get_stride(png);
    long differing = 0;
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            const auto pixel = *reinterpret_cast<const std::uint32_t*>(data + y * stride + x * 4);
            const unsigned char* t = &rgb[(static_cast<std::size_t>(y) * width + x) * 3];
            differing += t[0] != ((pixel >> 16) & 0xff) || t[1] != ((pixel >> 8) & 0xff) || t[2] != (pixel & 0xff);
        }
    }
    cairo_surface_destroy(png);
    EXPECT_EQ(differing, 0) << "the same pixels as the PNG";
    ASSERT_EQ(test::run_shell("gdalinfo " + (dir / "map.tif").string() + " > " + (dir / "info.txt").string()), 0);
    const std::string info = test::read_file(dir / "info.txt");
    EXPECT_THAT(info, HasSubstr("TIFFTAG_XRESOLUTION=120"));
    EXPECT_THAT(info, HasSubstr("TIFFTAG_RESOLUTIONUNIT=2 (pixels/inch)"));
    EXPECT_THAT(info, HasSubstr("COMPRESSION=LZW"));
}

TEST(PrintFormats, APdfCarriesTheFiguresTitleAndAuthor) {
    const auto dir = test::scratch_dir("print_pdf");
    const auto result = test::run_cli({"render", "--dpi", "50", "--title", "Flight to Ili", "--author", "A. Historian",
                                       "-o", (dir / "map.pdf").string(), "-q"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    ASSERT_EQ(test::run_shell("pdfinfo " + (dir / "map.pdf").string() + " > " + (dir / "info.txt").string()), 0);
    const std::string info = test::read_file(dir / "info.txt");
    EXPECT_THAT(info, ::testing::ContainsRegex("Title: +Flight to Ili"));
    EXPECT_THAT(info, ::testing::ContainsRegex("Author: +A. Historian"));
    EXPECT_THAT(info, ::testing::ContainsRegex("Creator: +steppeflow"));
}

TEST(PrintFormats, APixelSizeGivesAPngOfExactlyThosePixelsAndTheSlideStyleReads) {
    const auto dir = test::scratch_dir("print_pixels");
    const auto result = test::run_cli({"render", "--size", "1920x1080px", "--style", "slide", "--dpi", "150", "-o",
                                       (dir / "slide.png").string(), "-o", (dir / "slide.json").string(), "-q"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    cairo_surface_t* png = cairo_image_surface_create_from_png((dir / "slide.png").c_str());
    EXPECT_EQ(cairo_image_surface_get_width(png), 1920);
    EXPECT_EQ(cairo_image_surface_get_height(png), 1080);
    cairo_surface_destroy(png);
    EXPECT_THAT(test::read_file(dir / "slide.json"), HasSubstr("\"size_pt\": 16.0")) << "the slide style's title";
    // At 300 dpi the same pixels are a page too small for the map and its legend: said, with the way out.
    const auto small = test::run_cli({"render", "--size", "400x300px", "-o", (dir / "x.png").string()});
    EXPECT_EQ(small.exit_code, 2);
    EXPECT_THAT(small.err, HasSubstr("400x300px at 300 dpi is a page of 34x25 mm"));
    EXPECT_THAT(small.err, HasSubstr("lower --dpi"));
    const auto half = test::run_cli({"render", "--size", "1920px", "-o", (dir / "x.png").string()});
    EXPECT_EQ(half.exit_code, 2);
    EXPECT_THAT(half.err, HasSubstr("needs a width and a height, e.g. 1920x1080px"));
}

TEST(PrintFormats, ASequenceBecomesAnAnimationThroughFfmpegOrSaysWhyNot) {
    const auto dir = test::scratch_dir("print_animation");
    const auto spec = test::spec_writing_into(test::source_dir() / "figures" / "sequence_by_year.toml", dir);
    const auto result = test::run_cli({"render", spec.string(), "--dpi", "60", "-o", (dir / "seq.gif").string(), "-o",
                                       (dir / "seq.mp4").string(), "-q"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    // One frame a period (1928, 1930, 1931), 1.5 s each.
    ASSERT_EQ(test::run_shell("ffprobe -v error -count_frames -select_streams v:0 -show_entries stream=nb_read_frames "
                              "-of csv=p=0 '" +
                              (dir / "seq.gif").string() + "' > '" + (dir / "gif.txt").string() + "'"),
              0);
    EXPECT_EQ(std::stoi(test::read_file(dir / "gif.txt")), 3);
    ASSERT_EQ(test::run_shell("ffprobe -v error -show_entries format=duration -of csv=p=0 '" +
                              (dir / "seq.mp4").string() + "' > '" + (dir / "mp4.txt").string() + "'"),
              0);
    EXPECT_NEAR(std::stod(test::read_file(dir / "mp4.txt")), 4.5, 0.2);
    for (const auto& entry : std::filesystem::directory_iterator(dir))
        EXPECT_EQ(entry.path().filename().string().find("frames"), std::string::npos)
            << "left behind: " << entry.path();
    // Not a sequence: refused before any work, saying what it needs.
    const auto single = test::run_cli({"render", "-o", (dir / "one.gif").string()});
    EXPECT_EQ(single.exit_code, 2);
    EXPECT_THAT(single.err, HasSubstr("is an animation of a sequence's frames: it needs [years] show = \"sequence\""));
    // No ffmpeg on the PATH: said, with the package and the way round it.
    const std::string path = std::getenv("PATH");
    setenv("PATH", dir.c_str(), 1);
    const auto without = test::run_cli({"render", spec.string(), "-o", (dir / "seq2.gif").string()});
    setenv("PATH", path.c_str(), 1);
    EXPECT_EQ(without.exit_code, 2);
    EXPECT_THAT(without.err, HasSubstr("ffmpeg, which is not installed (Debian package ffmpeg"));
    EXPECT_FALSE(std::filesystem::exists(dir / "seq2.gif"));
}

namespace {

// The opacities a PDF's graphics states set (/ca, /CA) below 1, and its soft masks: its transparency.
int transparencies(const std::string& pdf) {
    int found = 0;
    for (const std::string key : {"/ca ", "/CA "}) {
        for (auto at = pdf.find(key); at != std::string::npos; at = pdf.find(key, at + 1))
            found += std::stod(pdf.substr(at + 4, 8)) < 1 ? 1 : 0;
    }
    for (auto at = pdf.find("/SMask"); at != std::string::npos; at = pdf.find("/SMask", at + 1)) ++found;
    return found;
}

}  // namespace

TEST(PrintFormats, AFlattenedPdfHasNoTransparency) {
    const auto dir = test::scratch_dir("print_flatten");
    const auto overview = (test::source_dir() / "figures" / "overview.toml").string();
    ASSERT_EQ(test::run_cli({"render", overview, "-o", (dir / "map.pdf").string(), "-q"}).exit_code, 0);
    ASSERT_EQ(test::run_cli({"render", overview, "--flatten", "-o", (dir / "flat.pdf").string(), "-q"}).exit_code, 0);
    EXPECT_GT(transparencies(test::read_file(dir / "map.pdf")), 0) << "halos, casings and washes are translucent";
    EXPECT_EQ(transparencies(test::read_file(dir / "flat.pdf")), 0);
    // The same map: only the washes differ, and the text is still text.
    ASSERT_EQ(test::run_shell("pdftocairo -r 60 -png -singlefile '" + (dir / "map.pdf").string() + "' '" +
                              (dir / "map").string() + "' && pdftocairo -r 60 -png -singlefile '" +
                              (dir / "flat.pdf").string() + "' '" + (dir / "flat").string() + "'"),
              0);
    const double share = test::differing_share(dir / "map.png", dir / "flat.png", 32);
    EXPECT_LT(share, 0.03);
    ASSERT_EQ(test::run_shell("pdftotext '" + (dir / "flat.pdf").string() + "' '" + (dir / "flat.txt").string() + "'"),
              0);
    EXPECT_THAT(test::read_file(dir / "flat.txt"), HasSubstr("Semipalatinsk okrug"));
}
