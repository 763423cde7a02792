// The broken-input corpus (tests/corpus/expected.toml): every case produces its documented first
// line of error output and exit code, and a failed render leaves no file at the output path.

#include <sstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <toml++/toml.h>

#include "test_support.hpp"

using namespace steppeflow;

namespace {

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
    return text;
}

std::string first_line_of_interest(const std::string& err) {
    std::istringstream lines(err);
    std::string line;
    while (std::getline(lines, line)) {
        // Side-by-side symbols of the mini data are reported on every render; they are not the case.
        if (line.find("apart on the map") == std::string::npos) return line;
    }
    return {};
}

bool has_value(const std::vector<std::string>& args, const std::string& option) {
    return std::find(args.begin(), args.end(), option) != args.end();
}

}  // namespace

TEST(Corpus, EveryBrokenInputGetsItsDocumentedMessageAndExitCode) {
    const auto corpus = test::source_dir() / "tests" / "corpus";
    const toml::table cases = toml::parse_file((corpus / "expected.toml").string());
    int checked = 0;
    for (const auto& [name, node] : cases) {
        const auto& entry = *node.as_table();
        const std::string case_name(name.str());
        const auto out = test::scratch_dir("corpus_" + case_name);
        std::vector<std::string> args;
        for (const auto& arg : *entry["args"].as_array())
            args.push_back(replace_all(*arg.value<std::string>(), "{out}", out.string()));
        const bool spec = !args.empty() && args.front().ends_with(".toml");
        if (!spec) {
            if (!has_value(args, "--gazetteer"))
                args.insert(args.begin(), {"--gazetteer", "tests/data/mini_gazetteer.csv"});
            if (!has_value(args, "--flows")) args.insert(args.begin(), {"--flows", "tests/data/mini_flows.csv"});
            if (!has_value(args, "-o")) args.insert(args.end(), {"-o", (out / "out.png").string()});
        }
        args.insert(args.begin(), "render");
        const auto result = test::run_cli(args);
        const std::string expected = replace_all(*entry["stderr"].value<std::string>(), "{out}", out.string());
        EXPECT_EQ(result.exit_code, *entry["exit"].value<int>()) << case_name << "\n" << result.err;
        EXPECT_EQ(first_line_of_interest(result.err), expected) << case_name;
        // A failure writes nothing: no figure and no temporary file in the output directory.
        if (result.exit_code != 0) {
            EXPECT_TRUE(std::filesystem::is_empty(out)) << case_name;
        }
        ++checked;
    }
    EXPECT_GE(checked, 40);
}
