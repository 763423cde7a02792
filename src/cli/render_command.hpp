#pragma once

#include <filesystem>
#include <functional>
#include <ostream>
#include <vector>

#include <CLI/CLI.hpp>

#include "config/figure_spec.hpp"

namespace steppeflow::cli {

struct RenderCommand {
    config::FigureSpec figure;  // from the command line: the figure itself, or overrides of each spec
    std::vector<std::filesystem::path> specs;
    unsigned jobs = 0;       // threads for the run (figures, PNG bands); 0: one per core
    bool progress = false;   // redraw a progress line (stderr is a terminal)
    std::string years_mode;  // --show
    bool no_cache = false;   // --no-cache: read every file from its source
    bool quiet = false;      // --quiet: errors only
    // For each option given on the command line: copies its value onto a spec read from a file.
    std::vector<std::function<void(config::FigureSpec&)>> overrides;
};

// Registers `render`; `command` must outlive the parse (the overrides refer to it).
void add_render_command(CLI::App& app, RenderCommand& command);

// Renders the command-line figure, or every spec (in parallel, with progress and a summary).
// Returns the exit code; a single figure's error is thrown, a batch reports each failure and goes on.
int run_render(RenderCommand& command, std::ostream& out, std::ostream& err);

}  // namespace steppeflow::cli
