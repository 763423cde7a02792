#include "cli/data_commands.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include "figure/whole_file.hpp"
#include "io/flow_reader.hpp"
#include "io/gazetteer_reader.hpp"
#include "io/gdal_source.hpp"
#include "io/linked_places.hpp"
#include "io/table.hpp"
#include "io/text_checks.hpp"
#include "model/gazetteer.hpp"
#include "model/name_match.hpp"
#include "model/stats.hpp"
#include "model/validation.hpp"

namespace steppeflow::cli {

void add_data_commands(CLI::App& app, DataSettings& settings) {
    CLI::App* validate = app.add_subcommand(
        "validate", "Check the gazetteer and flow files: references, values, dates, units, sources, stated sums");
    validate->add_option("files", settings.files,
                         "Gazetteer and flow files, in any order (default: geodata/gazetteer.csv geodata/flows.csv)");
    validate->add_option("--gazetteer", settings.gazetteer, "Places, when no gazetteer is among the files")
        ->capture_default_str();

    CLI::App* stats =
        app.add_subcommand("stats", "Totals by year, origin, outpost, destination, unit or status, with their sources");
    stats->add_option("--gazetteer", settings.gazetteer, "Places")->capture_default_str();
    stats->add_option("--flows", settings.flows, "Flow records")->capture_default_str();
    stats
        ->add_option("--by", settings.by, "Group by: year, origin, via (outpost), destination, unit, status, certainty")
        ->capture_default_str();
    stats->add_option("--format", settings.format, "table, csv or markdown")->capture_default_str();
    stats
        ->add_option("--scope", settings.scope,
                     "event (single movements; default), aggregate (stated totals) or all; aggregates restate events, "
                     "so adding both double-counts")
        ->capture_default_str();
    stats->add_option("--part-of", settings.part_of,
                      "Only the stated parts of this total (e.g. F036: Table 2), compared with it");

    CLI::App* places = app.add_subcommand(
        "places",
        "Write the gazetteer as Linked Places (-o FILE.jsonld, LPF 1.2 for the World Historical Gazetteer "
        "and Pelagios) or LP-TSV (-o FILE.tsv); a .jsonld is read back as a gazetteer");
    places->add_option("--gazetteer", settings.gazetteer, "Places")->capture_default_str();
    places->add_option("-o,--output", settings.output, "FILE.jsonld (or .json) or FILE.tsv")->required();
    places->add_option("--id-base", settings.id_base, "Prepended to each id to make its @id")->capture_default_str();

    CLI::App* place =
        app.add_subcommand("place", "Find a place by any name or spelling (Джаркент, Jarkent, Zharkent…)");
    place->add_option("name", settings.name, "Name, variant or id")->required();
    place->add_option("--gazetteer", settings.gazetteer, "Places")->capture_default_str();
}

namespace {

// A flow table names where its movements start; a gazetteer (the schema's, or a plain id, name, lat,
// lon list) does not; one with none of a flow table's columns is taken for a gazetteer.
bool looks_like_gazetteer(const io::Table& table) {
    for (const char* column : {"origin", "destination", "dest", "count"})
        if (table.column_index(column)) return false;
    return true;
}

// A Linked Places file (read by the gazetteer reader itself, not as a table).
bool is_linked_places_file(const std::filesystem::path& file) {
    const std::string name = file.string();
    std::error_code error;
    if (!(name.ends_with(".jsonld") || name.ends_with(".json")) || !std::filesystem::is_regular_file(file, error))
        return false;
    return name.ends_with(".jsonld") || io::is_linked_places(name, io::read_text_file(file));
}

}  // namespace

int run_validate(const DataSettings& settings, std::ostream& out, std::ostream& err) {
    std::vector<std::filesystem::path> files = settings.files;
    if (files.empty()) files = {settings.gazetteer, settings.flows};
    std::vector<model::Place> places;
    std::vector<model::Flow> flows;
    bool have_gazetteer = false;
    std::vector<std::string> reading;  // warnings from reading (columns that are not read)
    for (const auto& file : files) {
        // The gazetteer reader's own formats, as render reads them (Linked Places, LP-TSV).
        if (is_linked_places_file(file)) {
            auto more = io::read_places(file, &reading);
            places.insert(places.end(), more.begin(), more.end());
            have_gazetteer = true;
            continue;
        }
        const io::Table table = io::read_table(file, io::gdal_source());
        if (io::is_lp_tsv(table)) {
            auto more = io::places_from_lp_tsv(table);
            places.insert(places.end(), more.begin(), more.end());
            have_gazetteer = true;
        } else if (looks_like_gazetteer(table)) {
            auto more = io::places_from_table(table, &reading);
            places.insert(places.end(), more.begin(), more.end());
            have_gazetteer = true;
        } else {
            auto more = io::flows_from_table(table, &reading);
            flows.insert(flows.end(), more.begin(), more.end());
        }
    }
    if (!have_gazetteer && !flows.empty()) {
        // References need a gazetteer to resolve against; render would look in the same one.
        reading.push_back(
            fmt::format("no gazetteer among the files: places are looked up in {}; name yours "
                        "among the files or with --gazetteer",
                        settings.gazetteer.string()));
        auto more = io::read_places(settings.gazetteer);
        places.insert(places.end(), more.begin(), more.end());
    }
    const model::Gazetteer gazetteer(std::move(places));
    auto findings = model::validate_places(gazetteer);
    const auto flow_findings = model::validate_flows(gazetteer, flows);
    findings.insert(findings.end(), flow_findings.begin(), flow_findings.end());

    int errors = 0;
    int warnings = static_cast<int>(reading.size());
    int notes = 0;
    for (const auto& warning : reading) fmt::print(out, "warning: {}\n", warning);
    for (const auto& finding : findings) {
        (finding.severity == model::Severity::error     ? errors
         : finding.severity == model::Severity::warning ? warnings
                                                        : notes) += 1;
        fmt::print(finding.severity == model::Severity::error ? err : out, "{}\n", finding.to_string());
    }
    fmt::print(
        out,
        "{} places, {} flows: {} errors, {} warnings, {} notes (sources that disagree, figures that may overlap)\n",
        gazetteer.places().size(), flows.size(), errors, warnings, notes);
    return errors > 0 ? static_cast<int>(ExitCode::data_error) : 0;
}

namespace {

std::string csv_cell(const std::string& text) {
    if (text.find_first_of(",\"\n") == std::string::npos) return text;
    std::string quoted = "\"";
    for (const char c : text) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    return quoted + "\"";
}

std::string total_text(const model::StatsRow& row) {
    if (row.records == row.without_count + static_cast<int>(row.within_totals.size())) return "?";
    if (!row.alternatives.empty()) return "not summed";
    std::string text = row.has_ranges ? fmt::format("{}–{}", row.total, row.total_high) : fmt::format("{}", row.total);
    if (row.has_estimates) text += " ≈";
    if (row.without_count > 0) text += fmt::format(" (+{} of unknown size)", row.without_count);
    return text;
}

std::string parts_text(const model::StatsRow& row) {
    return row.within_totals.empty() ? "" : fmt::format("{} counted in their total", fmt::join(row.within_totals, " "));
}

void print_rows(const std::vector<model::StatsRow>& rows, const std::string& key_name, const std::string& format,
                std::ostream& out) {
    if (format == "csv") {
        fmt::print(out,
                   "{},unit,status,total,total_high,approximate,records,unknown_size_records,people_stated,"
                   "kolkhoz_households,livestock_head,flows,parts_in_their_total,sources\n",
                   key_name);
        for (const auto& row : rows) {
            // Totals from different works are not summed: the cells are empty, not 0.
            const bool summed = row.alternatives.empty();
            fmt::print(out, "{},{},{},{},{},{},{},{},{},{},{},{},{},{}\n", csv_cell(row.key), row.unit, row.status,
                       summed ? fmt::format("{}", row.total) : "", summed ? fmt::format("{}", row.total_high) : "",
                       row.has_estimates ? "yes" : "no", row.records, row.without_count, row.people_stated,
                       row.kolkhoz_households, row.livestock_head,
                       csv_cell(fmt::format("{}", fmt::join(row.flow_ids, " "))),
                       csv_cell(fmt::format("{}", fmt::join(row.within_totals, " "))),
                       csv_cell(fmt::format("{}", fmt::join(row.sources, " | "))));
        }
        return;
    }
    if (format == "markdown") {
        fmt::print(
            out,
            "| {} | unit | status | total | people stated | kolkhoz households | livestock head | records | flows "
            "| sources |\n",
            key_name);
        fmt::print(out, "|---|---|---|---:|---:|---:|---:|---:|---|---|\n");
        for (const auto& row : rows) {
            const std::string parts = parts_text(row);
            fmt::print(out, "| {} | {} | {} | {} | {} | {} | {} | {} | {}{} | {} |\n", row.key, row.unit, row.status,
                       total_text(row), row.people_stated, row.kolkhoz_households, row.livestock_head, row.records,
                       fmt::join(row.flow_ids, " "), parts.empty() ? "" : " (" + parts + ")",
                       fmt::join(row.sources, "; "));
        }
        return;
    }
    std::size_t key_width = key_name.size();
    for (const auto& row : rows) key_width = std::max(key_width, row.key.size());
    fmt::print(out, "{:<{}}  {:<14}  {:<12}  {:>28}  {:>7}  {:>7}  {:>9}  {}\n", key_name, key_width, "unit", "status",
               "total", "people", "kolkhoz", "livestock", "flows");
    for (const auto& row : rows) {
        const auto sum = [&](std::int64_t value) {
            return row.alternatives.empty() ? fmt::format("{}", value) : std::string("-");
        };
        fmt::print(out, "{:<{}}  {:<14}  {:<12}  {:>28}  {:>7}  {:>7}  {:>9}  {}\n", row.key, key_width,
                   row.unit.empty() ? "-" : row.unit, row.status, total_text(row), sum(row.people_stated),
                   sum(row.kolkhoz_households), sum(row.livestock_head), fmt::join(row.flow_ids, " "));
        if (!row.within_totals.empty()) fmt::print(out, "{:<{}}    not added: {}\n", "", key_width, parts_text(row));
        if (!row.alternatives.empty()) {
            fmt::print(out, "{:<{}}    not summed: {} are totals stated by different works\n", "", key_width,
                       fmt::join(row.alternatives, " "));
        }
        for (const auto& source : row.sources) fmt::print(out, "{:<{}}    source: {}\n", "", key_width, source);
    }
    fmt::print(out,
               "≈: includes estimates or lower bounds. Totals never add different units or outcomes, nor a stated part "
               "to its own total, nor totals from different works.\n");
}

}  // namespace

int run_stats(const DataSettings& settings, std::ostream& out, std::ostream& /*err*/) {
    const auto key = model::stats_key_from(settings.by);
    if (!key)
        throw UsageError(fmt::format("--by: '{}' is not one of year, origin, via, destination, unit, status, certainty",
                                     settings.by));
    if (settings.format != "table" && settings.format != "csv" && settings.format != "markdown") {
        throw UsageError(fmt::format("--format: '{}' is not one of table, csv, markdown", settings.format));
    }
    model::StatsFilter filter;
    if (settings.scope == "all") {
        filter.scope.reset();
    } else if (const auto scope = model::enum_from<model::Scope>(settings.scope)) {
        filter.scope = *scope;
    } else {
        throw UsageError(fmt::format("--scope: '{}' is not one of event, aggregate, all", settings.scope));
    }
    filter.part_of = settings.part_of;
    const auto flows = io::read_flows(settings.flows);
    const auto rows = model::totals_by(flows, *key, filter);
    const auto total =
        std::find_if(flows.begin(), flows.end(), [&](const model::Flow& f) { return f.id == filter.part_of; });
    if (!filter.part_of.empty()) {
        if (total == flows.end()) throw UsageError(fmt::format("--part-of: no flow has id '{}'", filter.part_of));
        if (rows.empty()) {
            throw UsageError(
                fmt::format("--part-of: {} has no stated parts (no record names it in part_of); there is nothing to "
                            "compare it with",
                            filter.part_of));
        }
    }
    print_rows(rows, settings.by, settings.format, out);

    if (!filter.part_of.empty()) {
        std::int64_t sum = 0;
        std::int64_t people = 0;
        std::int64_t kolkhoz = 0;
        for (const auto& row : rows) {
            sum += row.total;
            people += row.people_stated;
            kolkhoz += row.kolkhoz_households;
        }
        const auto compare = [&](const char* what, std::optional<std::int64_t> stated, std::int64_t parts) {
            if (!stated) return;
            fmt::print(out, "{} {}: stated total {}, sum of parts {}{}\n", total->id, what, *stated, parts,
                       *stated == parts ? "" : fmt::format(" — differs by {:+} (as in the source)", parts - *stated));
        };
        compare("count", total->count, sum);
        compare("people_stated", total->people_stated, people);
        compare("kolkhoz_households", total->kolkhoz_households, kolkhoz);
    }
    return 0;
}

int run_places(const DataSettings& settings, std::ostream& out) {
    const auto places = io::read_places(settings.gazetteer);
    const std::string name = settings.output.string();
    std::string bytes;
    if (name.ends_with(".tsv")) {
        bytes = io::linked_places_tsv(places);
    } else if (name.ends_with(".jsonld") || name.ends_with(".json")) {
        bytes = io::linked_places_json(places, settings.id_base);
    } else {
        throw UsageError(fmt::format("{}: write Linked Places as .jsonld (or .json) or LP-TSV as .tsv", name));
    }
    figure::write_whole_file(settings.output, bytes);
    fmt::print(out, "wrote {} ({} places)\n", name, places.size());
    return 0;
}

int run_place(const DataSettings& settings, std::ostream& out, std::ostream& err) {
    const model::Gazetteer gazetteer(io::read_places(settings.gazetteer));
    const auto found = gazetteer.lookup(settings.name);
    if (found.empty()) {
        std::vector<std::string> names;
        for (const auto& place : gazetteer.places()) {
            names.push_back(place.name_en);
            names.push_back(place.id);
            names.insert(names.end(), place.variants.begin(), place.variants.end());
        }
        const auto near = model::nearest_names(settings.name, names, 3);
        fmt::print(err, "steppeflow: no place is called '{}'{}\n", settings.name,
                   near.empty() ? "" : fmt::format("; nearest: {}", fmt::join(near, ", ")));
        return static_cast<int>(ExitCode::data_error);
    }
    for (const auto* place : found) {
        fmt::print(out, "{} ({}): {} / {} / {}\n", place->id, model::to_string(place->kind), place->name_en,
                   place->name_ru, place->name_kk);
        fmt::print(out, "  at {:.4f}°E {:.4f}°N ±{} km — {}\n", place->position.lon, place->position.lat,
                   place->precision_km ? fmt::format("{:g}", *place->precision_km) : "?", place->placed_at);
        fmt::print(out, "  coordinates: {}\n", place->coord_source);
        if (!place->variants.empty()) fmt::print(out, "  also: {}\n", fmt::join(place->variants, "; "));
        if (!place->note.empty()) fmt::print(out, "  note: {}\n", place->note);
    }
    return 0;
}

}  // namespace steppeflow::cli
