#include "cli/app.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>
#include <unistd.h>
#include <CLI/CLI.hpp>

#include <algorithm>
#include <iostream>
#include <string>
#include <vector>

#include "cli/data_commands.hpp"
#include "cli/render_command.hpp"
#include "common/error.hpp"
#include "model/name_match.hpp"

namespace steppeflow::cli {

namespace {
constexpr const char* kFooter = R"(Exit codes: 0 success (warnings may be printed), 1 data error (a file's
content is wrong: the message names file, line and field), 2 usage error (a wrong option), 3 I/O error
(a file cannot be read or written), 4 internal error (a bug in steppeflow: please report it).

Run from the repository root, where the default geodata/ and output/ are.
Example: steppeflow render --lang ru --size 84x100 -o output/overview_ru.pdf)";
}  // namespace

int run(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
    CLI::App app{"steppeflow — maps of the flight of Kazakh families, 1928–1933, from archival records", "steppeflow"};
    app.footer(kFooter);
    app.require_subcommand(1);
    RenderCommand render_command;
    add_render_command(app, render_command);
    DataSettings data_settings;
    add_data_commands(app, data_settings);

    // "rendr": CLI11 would say only that a subcommand is required.
    if (argc > 1 && argv[1][0] != '-') {
        const std::vector<std::string> commands{"render", "validate", "stats", "place"};
        const std::string given = argv[1];
        if (std::find(commands.begin(), commands.end(), given) == commands.end()) {
            const auto near = model::nearest_names(given, commands, 1);
            fmt::print(err,
                       "steppeflow: unknown command '{}'{}\nRun 'steppeflow --help' for the commands and options.\n",
                       given, near.empty() ? std::string{} : fmt::format("; did you mean '{}'?", near.front()));
            return static_cast<int>(ExitCode::usage_error);
        }
    }
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        out << app.help();
        return 0;
    } catch (const CLI::CallForAllHelp& e) {
        out << app.help("", CLI::AppFormatMode::All);
        return 0;
    } catch (const CLI::ParseError& e) {
        // Subcommand help arrives as CallForHelp from the subcommand too; other parse errors are usage errors.
        fmt::print(err, "steppeflow: {}\nRun 'steppeflow --help' for the commands and options.\n", e.what());
        return static_cast<int>(ExitCode::usage_error);
    }

    try {
        if (app.got_subcommand("render")) {
            // Redraw a progress line only when a person is watching the real stderr.
            render_command.progress = !render_command.quiet && &err == &std::cerr && isatty(STDERR_FILENO) != 0;
            return run_render(render_command, out, err);
        }
        if (app.got_subcommand("validate")) return run_validate(data_settings, out, err);
        if (app.got_subcommand("stats")) return run_stats(data_settings, out, err);
        if (app.got_subcommand("place")) return run_place(data_settings, out, err);
        return 0;
    } catch (...) {
        const Failure failure = current_failure();
        fmt::print(err, "steppeflow: error: {}\n", failure.message);
        return static_cast<int>(failure.code);
    }
}

}  // namespace steppeflow::cli
