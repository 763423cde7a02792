// -o map.html: one self-contained page, tested in a real headless browser (Debian's chromium): it
// loads with no console error, a scripted hover shows the flow's citation, the year control hides
// other years' movements, and a screenshot is not blank.

#include <cairo.h>

#include <cstdint>
#include <set>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "test_support.hpp"

using namespace steppeflow;
using ::testing::HasSubstr;
using ::testing::Not;

namespace {

const std::string kChromium =
    "timeout 90 chromium --headless --no-sandbox --disable-gpu --no-first-run "
    "--disable-extensions --window-size=1200,1000 ";

}  // namespace

TEST(HtmlPage, LoadsOfflineAndAHoverShowsTheFlowsCitation) {
    const auto dir = test::scratch_dir("html_page");
    const auto spec = test::spec_writing_into(test::source_dir() / "figures" / "overview_by_year.toml", dir);
    const auto result = test::run_cli({"render", spec.string(), "-o", (dir / "map.html").string(), "-q"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const std::string page = test::read_file(dir / "map.html");
    // Self-contained: nothing is fetched (no script, style or image from elsewhere).
    EXPECT_THAT(page, Not(HasSubstr("src=\"http")));
    EXPECT_THAT(page, Not(HasSubstr("href=\"http")));
    EXPECT_THAT(page, Not(HasSubstr("@import")));

    // The page as a user's browser runs it, then a script that does what a user would: point at
    // F015, then choose 1930. What the page shows afterwards is written into the DOM that is dumped.
    std::string probe = page;
    probe.insert(probe.rfind("</body>"), R"(<script>
window.addEventListener('load', function () {
  var f = document.querySelector('g.flow[data-flow="F015"]');
  f.dispatchEvent(new MouseEvent('mouseenter'));
  var hovered = document.getElementById('record').textContent;
  var before = Array.prototype.filter.call(document.querySelectorAll('g.flow'), function (g) { return g.style.display !== 'none'; }).length;
  var year = document.querySelector('input[name="year"][value="1931"]');
  year.checked = true; year.dispatchEvent(new Event('change'));
  var after = Array.prototype.filter.call(document.querySelectorAll('g.flow'), function (g) { return g.style.display !== 'none'; }).length;
  var out = document.createElement('pre'); out.id = 'probe';
  out.textContent = 'HOVER[' + hovered + '] SHOWN[' + before + '/' + after + '] FOCUSABLE[' + f.getAttribute('tabindex') + ']';
  document.body.appendChild(out);
});
</script>
)");
    test::write_file(dir / "probe.html", probe);
    ASSERT_EQ(test::run_shell(kChromium + "--enable-logging=stderr --v=0 --dump-dom 'file://" +
                              (dir / "probe.html").string() + "' > '" + (dir / "dom.html").string() + "' 2> '" +
                              (dir / "console.txt").string() + "'"),
              0)
        << test::read_file(dir / "console.txt");
    const std::string dump = test::read_file(dir / "dom.html");
    const auto probe_at = dump.find("<pre id=\"probe\">");
    ASSERT_NE(probe_at, std::string::npos) << "the probe ran";
    const std::string dom = dump.substr(probe_at);  // what the page showed, not the probe's own source
    const std::string console = test::read_file(dir / "console.txt");
    EXPECT_THAT(console, Not(HasSubstr("Uncaught"))) << console;
    EXPECT_THAT(console, Not(::testing::ContainsRegex("CONSOLE.*(Error|error)"))) << console;
    EXPECT_THAT(dom, HasSubstr("HOVER[F015: 700 people, attempted"));
    EXPECT_THAT(dom, HasSubstr("Atantayeva2025 Results; Asharshylyk 2023: 169"));
    EXPECT_THAT(dom, HasSubstr("numbering 700 people, with 95 rifles"));  // the verbatim quote
    EXPECT_THAT(dom, HasSubstr("FOCUSABLE[0]")) << "reachable by keyboard";
    const auto shown = dom.find("SHOWN[");
    ASSERT_NE(shown, std::string::npos);
    const int before = std::stoi(dom.substr(shown + 6));
    const int after = std::stoi(dom.substr(dom.find('/', shown) + 1));
    EXPECT_GT(before, after) << "1931 alone shows fewer movements than all years";
    EXPECT_GT(after, 0);

    // A screenshot of the page itself is a map, not a blank page: many colours, mostly not white.
    ASSERT_EQ(test::run_shell(kChromium + "--screenshot='" + (dir / "shot.png").string() + "' 'file://" +
                              (dir / "map.html").string() + "' > /dev/null 2>&1"),
              0);
    cairo_surface_t* shot = cairo_image_surface_create_from_png((dir / "shot.png").c_str());
    ASSERT_EQ(cairo_surface_status(shot), CAIRO_STATUS_SUCCESS);
    const int width = cairo_image_surface_get_width(shot);
    const int height = cairo_image_surface_get_height(shot);
    const auto* data = cairo_image_surface_get_data(shot);
    std::set<std::uint32_t> colours;
    long inked = 0;
    for (int y = 0; y < height; y += 2) {
        for (int x = 0; x < width; x += 2) {
            const auto pixel =
                reinterpret_cast<const std::uint32_t*>(data + y * cairo_image_surface_get_stride(shot))[x] & 0xffffffU;
            colours.insert(pixel);
            inked += pixel != 0xffffffU;
        }
    }
    cairo_surface_destroy(shot);
    EXPECT_GT(colours.size(), 200U);
    EXPECT_GT(static_cast<double>(inked) / (width / 2.0 * height / 2.0), 0.2);
}
