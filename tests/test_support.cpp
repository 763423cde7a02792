#include "test_support.hpp"

#include <cairo.h>

#include <sys/wait.h>
#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

#include <cstdlib>
#include <fstream>

#include <gtest/gtest.h>
#include <sstream>

#include "cli/app.hpp"

namespace steppeflow::test {

std::filesystem::path source_dir() { return STEPPEFLOW_SOURCE_DIR; }
std::filesystem::path data_dir() { return source_dir() / "tests" / "data"; }

std::filesystem::path scratch_dir(const std::string& name) {
    // CTest runs tests in parallel processes: each test gets its own directory.
    const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
    const std::string owner = test != nullptr ? std::string(test->test_suite_name()) + "." + test->name() : "global";
    const auto dir = std::filesystem::path(STEPPEFLOW_TEST_OUTPUT_DIR) / owner / name;
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

void write_file(const std::filesystem::path& path, const std::string& content) {
    std::ofstream stream(path, std::ios::binary);
    stream << content;
}

std::string read_file(const std::filesystem::path& path) {
    std::ifstream stream(path, std::ios::binary);
    std::ostringstream text;
    text << stream.rdbuf();
    return text.str();
}

CliResult run_cli(const std::vector<std::string>& args) {
    std::vector<const char*> argv{"steppeflow"};
    for (const auto& arg : args) argv.push_back(arg.c_str());
    std::ostringstream out;
    std::ostringstream err;
    const int code = cli::run(static_cast<int>(argv.size()), argv.data(), out, err);
    return {code, out.str(), err.str()};
}

namespace {

// Every test reads and fills a read cache of its own under the build tree, never the user's
// (~/.cache/steppeflow): what one test caches cannot change what another reads, and a run of the
// suite leaves the user's cache as it was. The variable is set as each test starts, so the binary's
// children (tests that run steppeflow itself) inherit it too.
class ReadCacheIsolation : public ::testing::EmptyTestEventListener {
    void OnTestStart(const ::testing::TestInfo& test) override {
        const auto dir = std::filesystem::path(STEPPEFLOW_TEST_OUTPUT_DIR) /
                         (std::string(test.test_suite_name()) + "." + test.name()) / "read-cache";
        setenv("STEPPEFLOW_CACHE", dir.c_str(), 1);
    }
};

const bool kCacheIsolated = [] {
    ::testing::UnitTest::GetInstance()->listeners().Append(new ReadCacheIsolation);
    return true;
}();

}  // namespace

std::filesystem::path spec_writing_into(const std::filesystem::path& spec, const std::filesystem::path& dir) {
    std::string text = read_file(spec);
    // Paths in a spec are relative to its folder: the copy names the shipped data where it is.
    for (auto at = text.find("\"../output/"); at != std::string::npos; at = text.find("\"../output/", at))
        text.replace(at, 11, "\"" + dir.string() + "/");
    const std::string data = "\"" + (spec.parent_path() / "../geodata/").lexically_normal().string();
    for (auto at = text.find("\"../geodata/"); at != std::string::npos; at = text.find("\"../geodata/", at))
        text.replace(at, 12, data);
    const auto copy = dir / spec.filename();
    write_file(copy, text);
    return copy;
}

int run_shell(const std::string& command) {
    const int status = std::system(command.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// The share of pixels of `a` (over the area both images cover) whose 3x3 neighbourhood's mean colour
// differs by more than `threshold` (0-255) in some channel from that of every pixel of `b` within one
// pixel of it: rasterisers that round the page size differently place edges a pixel apart, and one
// snaps a hairline to a whole pixel where another spreads it over two, which the mean evens out; a
// missing line (a river) still differs. 1 when either image cannot be read.
double differing_share(const std::filesystem::path& a_path, const std::filesystem::path& b_path, int threshold) {
    cairo_surface_t* a = cairo_image_surface_create_from_png(a_path.c_str());
    cairo_surface_t* b = cairo_image_surface_create_from_png(b_path.c_str());
    double share = 1;
    if (cairo_surface_status(a) == CAIRO_STATUS_SUCCESS && cairo_surface_status(b) == CAIRO_STATUS_SUCCESS) {
        cairo_surface_flush(a);
        cairo_surface_flush(b);
        const int width = std::min(cairo_image_surface_get_width(a), cairo_image_surface_get_width(b));
        const int height = std::min(cairo_image_surface_get_height(a), cairo_image_surface_get_height(b));
        // Each image's 3x3 means, channel by channel (edges: the pixels that exist).
        const auto means = [&](cairo_surface_t* image) {
            std::vector<std::array<int, 3>> out(static_cast<std::size_t>(width) * static_cast<std::size_t>(height));
            const auto* data = cairo_image_surface_get_data(image);
            const int stride = cairo_image_surface_get_stride(image);
            for (int y = 0; y < height; ++y) {
                for (int x = 0; x < width; ++x) {
                    std::array<int, 3> sum{};
                    int count = 0;
                    for (int dy = -1; dy <= 1; ++dy) {
                        for (int dx = -1; dx <= 1; ++dx) {
                            const int xx = x + dx;
                            const int yy = y + dy;
                            if (xx < 0 || yy < 0 || xx >= width || yy >= height) continue;
                            const auto pixel = reinterpret_cast<const std::uint32_t*>(data + yy * stride)[xx];
                            for (int c = 0; c < 3; ++c)
                                sum[static_cast<std::size_t>(c)] += static_cast<int>((pixel >> (8 * c)) & 0xffU);
                            ++count;
                        }
                    }
                    for (auto& channel : sum) channel /= count;
                    out[static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)] =
                        sum;
                }
            }
            return out;
        };
        const auto mean_a = means(a);
        const auto mean_b = means(b);
        std::size_t differing = 0;
        for (int y = 0; y < height; ++y) {
            for (int x = 0; x < width; ++x) {
                const auto& here =
                    mean_a[static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)];
                bool matched = false;
                for (int dy = -1; dy <= 1 && !matched; ++dy) {
                    for (int dx = -1; dx <= 1 && !matched; ++dx) {
                        const int xx = x + dx;
                        const int yy = y + dy;
                        if (xx < 0 || yy < 0 || xx >= width || yy >= height) continue;
                        const auto& there = mean_b[static_cast<std::size_t>(yy) * static_cast<std::size_t>(width) +
                                                   static_cast<std::size_t>(xx)];
                        matched = std::abs(here[0] - there[0]) <= threshold &&
                                  std::abs(here[1] - there[1]) <= threshold &&
                                  std::abs(here[2] - there[2]) <= threshold;
                    }
                }
                if (!matched) ++differing;
            }
        }
        share = static_cast<double>(differing) / (static_cast<double>(width) * height);
    }
    cairo_surface_destroy(a);
    cairo_surface_destroy(b);
    return share;
}

}  // namespace steppeflow::test
