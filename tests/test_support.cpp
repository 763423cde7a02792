#include "test_support.hpp"

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

}  // namespace steppeflow::test
