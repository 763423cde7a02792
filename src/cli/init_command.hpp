#pragma once
// `steppeflow init DIR`: a template project (data, a spec, a style) that renders as it is, for a
// user's own data.

#include <filesystem>
#include <ostream>

#include <CLI/CLI.hpp>

namespace steppeflow::cli {

struct InitSettings {
    std::filesystem::path dir;
};

void add_init_command(CLI::App& app, InitSettings& settings);

// Writes the project; UsageError when one of its files is there already (nothing is overwritten).
int run_init(const InitSettings& settings, std::ostream& out);

}  // namespace steppeflow::cli
