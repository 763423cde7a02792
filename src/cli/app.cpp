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
#include "cli/init_command.hpp"
#include "cli/render_command.hpp"
#include "common/error.hpp"
#include "model/name_match.hpp"

namespace steppeflow::cli {

namespace {
constexpr const char* kFooter = R"(Exit codes: 0 success (warnings may be printed), 1 data error (a file's
content is wrong: the message names file, line and field), 2 usage error (a wrong option), 3 I/O error
(a file cannot be read or written), 4 internal error (a bug in steppeflow: please report it).

The defaults (the shipped data, styles/, locale/) are read from the working directory when it is a
checkout of steppeflow, else from where it was installed. Paths in a figure spec are relative to it.
Example: steppeflow init my_map && steppeflow render my_map/figure.toml)";

// The long options of the command named first on the command line (or of the program), with "--".
std::vector<std::string> long_options(const CLI::App& app, int argc, const char* const* argv) {
    const CLI::App* command = &app;
    if (argc > 1) {
        for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
            if (sub->get_name() == argv[1]) command = sub;
        }
    }
    std::vector<std::string> names;
    for (const CLI::App* level : {command, &app}) {
        for (const CLI::Option* option : level->get_options()) {
            for (const auto& name : option->get_lnames()) names.push_back("--" + name);
        }
    }
    return names;
}

// "; did you mean '--title'?" for each --option on the command line that none of the command's is.
std::string option_suggestions(const CLI::App& app, int argc, const char* const* argv) {
    const auto known = long_options(app, argc, argv);
    std::vector<std::string> hints;
    for (int i = 1; i < argc; ++i) {
        std::string given = argv[i];
        if (!given.starts_with("--")) continue;
        given = given.substr(0, given.find('='));
        if (std::find(known.begin(), known.end(), given) != known.end()) continue;
        const auto near = model::nearest_names(given, known, 1);
        // Only a near miss: '--title' for '--titel', not some option for '--frobnicate'.
        if (!near.empty() && model::edit_distance(given, near.front()) <= std::max<std::size_t>(2, given.size() / 4))
            hints.push_back(fmt::format("'{}' for '{}'", near.front(), given));
    }
    return hints.empty() ? std::string{} : fmt::format("; did you mean {}?", fmt::join(hints, ", "));
}
}  // namespace

int run(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
    CLI::App app{
        "steppeflow — flow maps of population movements from sourced records (shipped with the flight of "
        "Kazakh families, 1928–1933)",
        "steppeflow"};
    app.footer(kFooter);
    app.set_version_flag("--version", std::string("steppeflow ") + STEPPEFLOW_VERSION);
    app.require_subcommand(1);
    RenderCommand render_command;
    add_render_command(app, render_command);
    DataSettings data_settings;
    add_data_commands(app, data_settings);
    InitSettings init_settings;
    add_init_command(app, init_settings);

    // "rendr": CLI11 would say only that a subcommand is required.
    if (argc > 1 && argv[1][0] != '-') {
        const std::vector<std::string> commands{"render", "validate", "stats", "place", "places", "init"};
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
    } catch (const CLI::CallForVersion& e) {
        fmt::print(out, "{}\n", e.what());
        return 0;
    } catch (const CLI::ParseError& e) {
        // Subcommand help arrives as CallForHelp from the subcommand too; other parse errors are usage errors.
        std::string message = e.what();
        if (message == "A subcommand is required")
            message = "a command is required: render, validate, stats, place, places or init";
        fmt::print(
            err, "steppeflow: {}{}\nRun 'steppeflow --help' for the commands and options.\n", message,
            dynamic_cast<const CLI::ExtrasError*>(&e) != nullptr ? option_suggestions(app, argc, argv) : std::string{});
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
        if (app.got_subcommand("places")) return run_places(data_settings, out);
        if (app.got_subcommand("init")) return run_init(init_settings, out);
        return 0;
    } catch (...) {
        const Failure failure = current_failure();
        fmt::print(err, "steppeflow: error: {}\n", failure.message);
        return static_cast<int>(failure.code);
    }
}

}  // namespace steppeflow::cli
