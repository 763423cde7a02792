#pragma once
// The commands that read and check the dataset: validate, stats, place.

#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "common/data_paths.hpp"

namespace steppeflow::cli {

struct DataSettings {
    std::vector<std::filesystem::path> files;  // validate: any mix of gazetteer and flow files
    std::filesystem::path gazetteer = own_data("geodata/gazetteer.csv");  // common/data_paths.hpp
    std::filesystem::path flows = own_data("geodata/flows.csv");
    std::string by = "year";
    std::string format = "table";
    std::string scope = "event";
    std::string part_of;
    std::string name;                                                // place lookup
    std::filesystem::path output;                                    // places: the file written
    std::string id_base = "https://example.org/steppeflow/places/";  // places: @id = base + id
};

void add_data_commands(CLI::App& app, DataSettings& settings);

// Each returns the exit code; findings and tables go to `out`, problems to `err`.
int run_validate(const DataSettings& settings, std::ostream& out, std::ostream& err);
int run_stats(const DataSettings& settings, std::ostream& out, std::ostream& err);
int run_places(const DataSettings& settings, std::ostream& out);
int run_place(const DataSettings& settings, std::ostream& out, std::ostream& err);

}  // namespace steppeflow::cli
