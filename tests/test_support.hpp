#pragma once
// Helpers shared by the tests: paths to the repository's data, scratch files, CLI runs.

#include <algorithm>
#include <filesystem>
#include <iterator>
#include <stdexcept>
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

// A copy of a shipped figure spec in `dir` whose outputs ("../output/…") are written into `dir`
// instead and whose data ("../geodata/…") is the shipped data; its path.
std::filesystem::path spec_writing_into(const std::filesystem::path& spec, const std::filesystem::path& dir);

// The share of pixels of `a` (over the area both images cover) whose 3x3 neighbourhood's mean colour
// differs by more than `threshold` (0-255) in some channel from that of every pixel of `b` within one
// pixel of it: two rasterisers of the same drawing agree, a missing line does not. 1 when either PNG
// cannot be read.
double differing_share(const std::filesystem::path& a, const std::filesystem::path& b, int threshold);

// A shell command's exit code (-1 when it did not exit normally).
int run_shell(const std::string& command);

// The element of `range` the predicate picks; throws (failing the test that asked, with `what`) when
// there is none, instead of dereferencing the end.
template <typename Range, typename Predicate>
const auto& find_one(const Range& range, Predicate predicate, const std::string& what) {
    const auto found = std::find_if(std::begin(range), std::end(range), predicate);
    if (found == std::end(range)) throw std::runtime_error("not found: " + what);
    return *found;
}

}  // namespace steppeflow::test
