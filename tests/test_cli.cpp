#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

#include "cli/warning_digest.hpp"
#include "common/error.hpp"
#include "test_support.hpp"

using namespace steppeflow;
using ::testing::HasSubstr;

namespace {
std::vector<std::string> mini(const std::filesystem::path& output, std::vector<std::string> extra = {}) {
    std::vector<std::string> args{"render",
                                  "--gazetteer",
                                  (test::data_dir() / "mini_gazetteer.csv").string(),
                                  "--flows",
                                  (test::data_dir() / "mini_flows.csv").string(),
                                  "-o",
                                  output.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
}
}  // namespace

TEST(Cli, HelpExplainsCommandsAndExitCodes) {
    const auto result = test::run_cli({"--help"});
    EXPECT_EQ(result.exit_code, 0);
    EXPECT_THAT(result.out, HasSubstr("render"));
    EXPECT_THAT(result.out, HasSubstr("Exit codes"));
    const auto render_help = test::run_cli({"render", "--help"});
    EXPECT_EQ(render_help.exit_code, 0);
    EXPECT_THAT(render_help.out, HasSubstr("--projection"));
    EXPECT_THAT(render_help.out, HasSubstr("--extent"));
}

TEST(Cli, UsageErrorsExitWithTwo) {
    const auto dir = test::scratch_dir("cli_usage");
    EXPECT_EQ(test::run_cli({"render", "--no-such-option"}).exit_code, 2);
    const auto bad_extent = test::run_cli(mini(dir / "x.png", {"--extent", "90,40,80,50"}));
    EXPECT_EQ(bad_extent.exit_code, 2);
    EXPECT_THAT(bad_extent.err, HasSubstr("--extent"));
    const auto bad_format = test::run_cli(mini(dir / "x.jpg"));
    EXPECT_EQ(bad_format.exit_code, 2);
    EXPECT_THAT(bad_format.err, HasSubstr("use .svg, .png or .pdf"));
    const auto bad_projection = test::run_cli(mini(dir / "x.png", {"--projection", "EPSG:999999"}));
    EXPECT_EQ(bad_projection.exit_code, 2);
    EXPECT_THAT(bad_projection.err, HasSubstr("EPSG:999999"));
}

TEST(Cli, MissingInputIsAnIoError) {
    const auto dir = test::scratch_dir("cli_missing");
    const auto result =
        test::run_cli({"render", "--gazetteer", (dir / "nope.csv").string(), "-o", (dir / "x.png").string()});
    EXPECT_EQ(result.exit_code, 3);
    EXPECT_THAT(result.err, HasSubstr("nope.csv: no such file"));
}

TEST(Cli, UnknownPlaceIsADataErrorWithSuggestionAndNoOutput) {
    const auto dir = test::scratch_dir("cli_unknown_place");
    const auto flows = dir / "flows.csv";
    test::write_file(flows, test::read_file(test::data_dir() / "mini_flows.csv") +
                                "T005,1930,1930,zaisan_distrct,,kulja,5,people,crossed,documented,,event,,test,,\n");
    const auto output = dir / "map.png";
    const auto result = test::run_cli({"render", "--gazetteer", (test::data_dir() / "mini_gazetteer.csv").string(),
                                       "--flows", flows.string(), "-o", output.string()});
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_THAT(result.err, HasSubstr("flows.csv:6"));
    EXPECT_THAT(result.err, HasSubstr("unknown place 'zaisan_distrct'"));
    EXPECT_THAT(result.err, HasSubstr("did you mean 'zaisan_district'"));
    EXPECT_FALSE(std::filesystem::exists(output));
}

TEST(Cli, FailedRenderKeepsThePreviousFigureAndLeavesNoTemporaryFile) {
    const auto dir = test::scratch_dir("cli_atomic");
    const auto output = dir / "map.png";
    ASSERT_EQ(test::run_cli(mini(output)).exit_code, 0);
    const std::string before = test::read_file(output);
    ASSERT_FALSE(before.empty());

    const auto broken = dir / "broken.csv";
    test::write_file(broken, "id,kind,name_en,lon,lat\nx,village,X,80,not-a-number\n");
    const auto result = test::run_cli({"render", "--gazetteer", broken.string(), "--flows",
                                       (test::data_dir() / "mini_flows.csv").string(), "-o", output.string()});
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_THAT(result.err, HasSubstr("broken.csv:2:5 (field 'lat')"));
    EXPECT_EQ(test::read_file(output), before);
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        EXPECT_EQ(entry.path().filename().string().find(".tmp-"), std::string::npos) << entry.path();
    }
}

TEST(Cli, WritesEveryRequestedFormat) {
    const auto dir = test::scratch_dir("cli_formats");
    const auto result =
        test::run_cli(mini(dir / "a.svg", {"-o", (dir / "a.pdf").string(), "-o", (dir / "a.png").string()}));
    ASSERT_EQ(result.exit_code, 0) << result.err;
    for (const char* name : {"a.svg", "a.pdf", "a.png"}) {
        EXPECT_GT(std::filesystem::file_size(dir / name), 1000u) << name;
    }
}

#include <spawn.h>
#include <sys/wait.h>
#include <csignal>

extern char** environ;

TEST(Cli, KillingARenderMidwayLeavesThePreviousFiguresIntact) {
    const auto dir = test::scratch_dir("cli_kill");
    const std::vector<std::string> names{"map.svg", "map.pdf", "map.png"};
    for (const auto& name : names) test::write_file(dir / name, "the previous figure");
    std::vector<std::string> args{STEPPEFLOW_BINARY, "render", "--dpi", "900"};
    for (const auto& name : names) args.insert(args.end(), {"-o", (dir / name).string()});
    std::vector<char*> argv;
    for (auto& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    pid_t pid = 0;
    ASSERT_EQ(posix_spawn(&pid, argv[0], nullptr, nullptr, argv.data(), environ), 0);

    // Kill it while it writes: once its temporary files exist, before they are renamed into place.
    bool writing = false;
    for (int i = 0; i < 60'000 && !writing; ++i) {
        for (const auto& entry : std::filesystem::directory_iterator(dir))
            writing = writing || entry.path().filename().string().find(".tmp-") != std::string::npos;
        if (!writing) usleep(500);
    }
    ASSERT_TRUE(writing) << "the render never started writing";
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    ASSERT_TRUE(WIFSIGNALED(status)) << "the render finished before it could be killed";
    for (const auto& name : names) EXPECT_EQ(test::read_file(dir / name), "the previous figure") << name;
}

TEST(Cli, AnOutputThatIsADirectoryIsRefusedBeforeAnythingIsWritten) {
    const auto dir = test::scratch_dir("cli_output_directory");
    std::filesystem::create_directories(dir / "map.png");
    const auto result = test::run_cli(mini(dir / "map.svg", {"-o", (dir / "map.png").string()}));
    EXPECT_EQ(result.exit_code, 3);
    EXPECT_THAT(result.err, HasSubstr("map.png: cannot write: it is a directory"));
    EXPECT_FALSE(std::filesystem::exists(dir / "map.svg"));  // the other file of the figure is not written either
}

TEST(Cli, ABatchSaysEachWarningOnceNamingTheFiguresThatGaveIt) {
    cli::WarningDigest digest;
    digest.add("a.toml", "places 'x' and 'y' lie at one point on the map; their symbols are drawn side by side");
    digest.add("b.toml", "places 'x' and 'y' lie at one point on the map; their symbols are drawn side by side");
    digest.add("c.toml", "1930: places 'x' and 'y' lie at one point on the map; their symbols are drawn side by side");
    digest.add("c.toml", "1931\u20131932: label 'Z' could not be placed without overlap; left out");
    digest.add("a.toml", "F006 not drawn");
    digest.add("b.toml", "F006 not drawn");
    EXPECT_THAT(digest.lines(3),
                ::testing::ElementsAre("places 'x' and 'y' lie at one point on the map; their symbols are drawn side "
                                       "by side (in a.toml, b.toml, c.toml 1930)",
                                       "label 'Z' could not be placed without overlap; left out (in c.toml "
                                       "1931\u20131932)",
                                       "F006 not drawn (in a.toml, b.toml)"));
    // Said by every figure of the batch: no list.
    EXPECT_THAT(digest.lines(2).back(), "F006 not drawn");
}

TEST(Cli, TheShippedBatchRepeatsNoWarningAndQuietPrintsNone) {
    const auto dir = test::scratch_dir("batch_warnings");
    std::vector<std::string> args{"render", "--dpi", "30"};
    // Every shipped figure, its files written into the scratch directory instead of output/.
    for (const auto& entry : std::filesystem::directory_iterator(test::source_dir() / "figures")) {
        if (entry.path().extension() != ".toml") continue;
        std::string spec = test::read_file(entry.path());
        for (auto at = spec.find("\"output/"); at != std::string::npos; at = spec.find("\"output/", at))
            spec.replace(at, 8, "\"" + dir.string() + "/");
        test::write_file(dir / entry.path().filename(), spec);
        args.push_back((dir / entry.path().filename()).string());
    }
    const auto loud = test::run_cli(args);
    ASSERT_EQ(loud.exit_code, 0) << loud.err;
    std::vector<std::string> lines;
    std::istringstream stream(loud.err);
    for (std::string line; std::getline(stream, line);) {
        if (line.find("warning:") == std::string::npos) continue;
        EXPECT_EQ(std::count(lines.begin(), lines.end(), line), 0) << line;
        lines.push_back(line);
    }
    EXPECT_GE(lines.size(), 3U);   // the data's own: undrawable totals, places at one point
    EXPECT_LE(lines.size(), 12U);  // not one per figure (28 before grouping)
    args.push_back("--quiet");
    const auto quiet = test::run_cli(args);
    EXPECT_EQ(quiet.exit_code, 0);
    EXPECT_EQ(quiet.err, "");
    EXPECT_EQ(quiet.out, "");
}

TEST(Cli, AnExceptionNoneOfOurChecksRaisedIsAnInternalErrorThatSaysItIsABug) {
    const auto failure_of = [](auto thrower) {
        try {
            thrower();
        } catch (...) {
            return current_failure();
        }
        return Failure{ExitCode::ok, {}};
    };
    const auto bug = failure_of([] { throw std::out_of_range("vector::_M_range_check"); });
    EXPECT_EQ(bug.code, ExitCode::internal_error);
    EXPECT_EQ(static_cast<int>(bug.code), 4);
    EXPECT_THAT(bug.message, HasSubstr("internal error: vector::_M_range_check"));
    EXPECT_THAT(bug.message, HasSubstr("a bug in steppeflow"));
    EXPECT_EQ(failure_of([] { throw 42; }).code, ExitCode::internal_error);
    // Ours keep their class and message; the system's file and memory failures are I/O errors.
    const auto usage = failure_of([] { throw UsageError("--dpi: 5 is outside 30 to 2400 dpi"); });
    EXPECT_EQ(usage.code, ExitCode::usage_error);
    EXPECT_EQ(usage.message, "--dpi: 5 is outside 30 to 2400 dpi");
    EXPECT_EQ(failure_of([] { throw std::bad_alloc(); }).code, ExitCode::io_error);
    EXPECT_EQ(failure_of([] {
                  throw std::filesystem::filesystem_error("cannot", std::make_error_code(std::errc::no_space_on_device));
              }).code,
              ExitCode::io_error);
}
