#include "test_support.hpp"
#include <sys/wait.h>

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

}  // namespace steppeflow::test
