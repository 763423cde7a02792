#pragma once
// Helpers shared by the tests: paths to the repository's data, scratch files, CLI runs.

#include <filesystem>
#include <string>
#include <vector>

namespace steppeflow::test {

std::filesystem::path source_dir();
std::filesystem::path data_dir();  // tests/data
// A fresh, empty directory for the running test's files under the build tree (unique per test).
std::filesystem::path scratch_dir(const std::string& name);
void write_file(const std::filesystem::path& path, const std::string& content);
std::string read_file(const std::filesystem::path& path);

struct CliResult {
    int exit_code = 0;
    std::string out;
    std::string err;
};
CliResult run_cli(const std::vector<std::string>& args);

}  // namespace steppeflow::test
