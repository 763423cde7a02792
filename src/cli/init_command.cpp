#include "cli/init_command.hpp"

#include <fstream>
#include <system_error>

#include <fmt/format.h>
#include <fmt/ostream.h>

#include "common/data_paths.hpp"
#include "common/error.hpp"

namespace steppeflow::cli {

namespace {

// A project that renders as it is: three places, three movements, a spec and a style. Every row says
// it is an example to replace; none is a record of anything.
constexpr const char* kPlaces = R"(id,name,lat,lon,kind,coord_source,precision_km,note
geneva,Geneva,46.20,6.15,town,approximate (example),5,example row: replace with your place
lyon,Lyon,45.76,4.84,town,approximate (example),5,example row: replace with your place
turin,Turin,45.07,7.69,town,approximate (example),5,example row: replace with your place
)";

constexpr const char* kFlows = R"(id,origin,destination,count,unit,date_start,date_end,status,certainty,source,quote
E1,geneva,lyon,1200,people,1900,1900,crossed,estimate,example row: replace with the work and page that state it,
E2,geneva,turin,450,people,1901,1901,crossed,documented,example row: replace with the work and page that state it,
E3,lyon,turin,300,people,1901,1901,attempted,documented,example row: replace with the work and page that state it,
)";

constexpr const char* kSpec =
    R"(# A figure of your own data. Edit places.csv and flows.csv (the columns are described in
# geodata/SCHEMA.md of steppeflow's documentation; id, name, lat, lon and origin, destination, count
# are the least), then run:  steppeflow render figure.toml
# Paths here are relative to this file.
[figure]
title = "Example movements, 1900–1901"   # replace; leave out for a title made from the data
size = "double"                          # single (84 mm), double (174 mm) or WIDTHxHEIGHT in mm
style = "style.toml"

[data]
gazetteer = "places.csv"
flows = "flows.csv"

[output]
files = ["output/figure.png", "output/figure.pdf", "output/figure.svg", "output/figure.gpkg"]
report = "output/figure_layout.json"
)";

void write_new(const std::filesystem::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
    out.close();
    if (!out) throw IoError(fmt::format("{}: could not be written", path.string()));
}

std::string read_all(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw IoError(fmt::format("{}: cannot be read (steppeflow's styles are missing: reinstall it)", path.string()));
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

void add_init_command(CLI::App& app, InitSettings& settings) {
    CLI::App* init = app.add_subcommand(
        "init", "Write a project that renders (places.csv, flows.csv, figure.toml, style.toml) into a new folder");
    init->add_option("dir", settings.dir, "The folder to make; it must not hold any of those files")->required();
}

int run_init(const InitSettings& settings, std::ostream& out) {
    const std::filesystem::path& dir = settings.dir;
    const std::vector<std::pair<std::string, std::string>> files{
        {"places.csv", kPlaces},
        {"flows.csv", kFlows},
        {"figure.toml", kSpec},
        {"style.toml", read_all(own_data("styles/colour.toml"))}};
    // Nothing is overwritten: a file of that name already there stops the command before it writes.
    for (const auto& [name, text] : files) {
        std::error_code error;
        if (std::filesystem::exists(dir / name, error)) {
            throw UsageError(
                fmt::format("{}: already exists; init writes only into a new folder or one without "
                            "places.csv, flows.csv, figure.toml and style.toml",
                            (dir / name).string()));
        }
    }
    std::error_code error;
    std::filesystem::create_directories(dir, error);
    if (error) throw IoError(fmt::format("{}: cannot make the folder: {}", dir.string(), error.message()));
    for (const auto& [name, text] : files) write_new(dir / name, text);
    fmt::print(out,
               "wrote {0}/places.csv, flows.csv, figure.toml and style.toml\n"
               "next: edit the two tables, then run: steppeflow render {0}/figure.toml\n",
               dir.string());
    return 0;
}

}  // namespace steppeflow::cli
