#include "io/flow_reader.hpp"

#include <filesystem>
#include <set>

#include <fmt/format.h>

#include "io/field_parsers.hpp"

namespace steppeflow::io {

namespace {

std::optional<model::PartialDate> parse_date(const RecordView& row, std::string_view column) {
    std::string text = optional_text(row, column);
    if (text.empty()) return std::nullopt;
    // A spreadsheet's date cell comes from GDAL as "1916/09/15" (a date-time cell with " 00:00:00"
    // after it): the day it is, written as the schema writes it.
    if (text.size() >= 10 && text[4] == '/' && text[7] == '/' &&
        (text.size() == 10 || text.substr(10) == " 00:00:00" || text.substr(10) == "T00:00:00")) {
        text = text.substr(0, 10);
        text[4] = '-';
        text[7] = '-';
    }
    const auto date = model::PartialDate::parse(text);
    if (!date) {
        throw DataError(row.where(column), fmt::format("'{}' is not a valid date", text),
                        "expected YYYY, YYYY-MM or YYYY-MM-DD (e.g. 1930-08-06), a real calendar day");
    }
    return *date;
}

template <typename Enum>
Enum parse_enum(const RecordView& row, std::string_view column) {
    return *model::enum_from<Enum>(parse_choice(row, column, model::enum_names<Enum>()));
}

// One place id, or several separated by ';' when the source states one figure for several places.
std::vector<std::string> place_list(const RecordView& row, std::string_view column) {
    auto ids = split_list(optional_text(row, column), ';');
    std::set<std::string_view> seen;
    for (const auto& id : ids) {
        if (!seen.insert(id).second) {
            throw DataError(row.where(column), fmt::format("'{}' is named twice", id),
                            "name each place once, separated by ';'");
        }
    }
    return ids;
}

// What a flow table leaves out takes a stated default (a table of origin, destination and count, as
// flowmap.blue's flows.csv): the columns it has, and the file's name for ids made from row numbers.
struct FlowColumns {
    std::string_view destination;
    bool id, unit, status, certainty;
    std::string id_prefix;
    explicit FlowColumns(const Table& table)
        : destination(column_of(table, {"destination", "dest"})),
          id(table.column_index("id").has_value()),
          unit(table.column_index("unit").has_value()),
          status(table.column_index("status").has_value()),
          certainty(table.column_index("certainty").has_value()),
          id_prefix(table.layer.empty() ? std::filesystem::path(table.file).stem().string() : table.layer) {}
};

// "flows-2": the file's (or sheet's) name and the record's line (CSV), row (a spreadsheet's, under
// its header row) or feature, so that the id leads back to it.
std::string made_id(const FlowColumns& columns, const Record& record) {
    const SourceLocation& where = record.where;
    return fmt::format("{}-{}", columns.id_prefix,
                       where.line > 0      ? where.line
                       : where.spreadsheet ? where.feature + 1
                                           : where.feature);
}

model::Flow flow_from(const FlowColumns& columns, const RecordView& row) {
    model::Flow flow;
    flow.where = row.record().where;
    flow.id = columns.id ? required_text(row, "id") : made_id(columns, row.record());
    flow.date_start = parse_date(row, "date_start");
    flow.date_end = parse_date(row, "date_end");
    if (!flow.date_end) flow.date_end = flow.date_start;
    (void)required_text(row, "origin");  // an empty cell is refused as for any required column
    const auto origins = place_list(row, "origin");
    if (origins.empty()) throw DataError(row.where("origin"), "origin names no place", "give a gazetteer id");
    flow.origin = origins.front();
    flow.more_origins.assign(origins.begin() + 1, origins.end());
    flow.via = optional_text(row, "via");
    if (flow.via.find(';') != std::string::npos) {
        throw DataError(row.where("via"), "via names several crossings", "give the one crossing the source names");
    }
    auto destinations = place_list(row, columns.destination);
    if (!destinations.empty()) {
        flow.destination = destinations.front();
        flow.more_destinations.assign(destinations.begin() + 1, destinations.end());
    }
    flow.count = parse_optional_count(row, "count");
    if (row.has_column("count_high")) flow.count_high = parse_optional_count(row, "count_high");
    if (row.has_column("basis") && !optional_text(row, "basis").empty())
        flow.basis = parse_enum<model::Basis>(row, "basis");
    if (!columns.unit && flow.count) flow.unit = model::Unit::people;
    if (!optional_text(row, "unit").empty()) flow.unit = parse_enum<model::Unit>(row, "unit");
    if (columns.status) flow.status = parse_enum<model::Status>(row, "status");
    flow.certainty = columns.certainty ? parse_enum<model::Certainty>(row, "certainty")
                     : flow.count      ? model::Certainty::documented
                                       : model::Certainty::unknown_size;
    flow.livestock_head = parse_optional_count(row, "livestock_head");
    flow.people_stated = parse_optional_count(row, "people_stated");
    flow.kolkhoz_households = parse_optional_count(row, "kolkhoz_households");
    flow.scope = row.has_column("scope") && !optional_text(row, "scope").empty()
                     ? parse_enum<model::Scope>(row, "scope")
                     : model::Scope::event;
    flow.part_of = optional_text(row, "part_of");
    flow.source = optional_text(row, "source");
    flow.quote = optional_text(row, "quote");
    flow.note = optional_text(row, "note");

    if (!flow.count && flow.certainty != model::Certainty::unknown_size) {
        throw DataError(row.where("count"), "count is empty but certainty is not 'unknown_size'",
                        "give the count, or set certainty to unknown_size");
    }
    if (flow.count && !flow.unit) {
        throw DataError(row.where("unit"), "a count needs a unit",
                        fmt::format("expected one of: {}", fmt::join(model::enum_names<model::Unit>(), ", ")));
    }
    if (flow.count_high && !flow.count) {
        throw DataError(row.where("count_high"), "count_high without a count",
                        "a range is count (its low end) and count_high (its high end)");
    }
    if (flow.count_high && *flow.count_high <= *flow.count) {
        throw DataError(row.where("count_high"),
                        fmt::format("count_high {} is not above count {}", *flow.count_high, *flow.count),
                        "a range's high end must exceed its low end; leave count_high empty for one figure");
    }
    if (flow.count && flow.certainty == model::Certainty::unknown_size) {
        throw DataError(row.where("certainty"), fmt::format("certainty is 'unknown_size' but count is {}", *flow.count),
                        "use documented, estimate or lower_bound for a stated figure");
    }
    return flow;
}

// The defaults a table without some columns was read with, said once: what each flow was taken to be.
void warn_defaults(const Table& table, const FlowColumns& columns, std::vector<std::string>* warnings) {
    if (warnings == nullptr || table.records.empty()) return;
    std::vector<std::string> absent;
    std::vector<std::string> taken;
    if (!columns.id) {
        absent.emplace_back("id");
        taken.push_back(fmt::format("ids made from the rows ({})", made_id(columns, table.records.front())));
    }
    if (!table.column_index("date_start")) {
        absent.emplace_back("date_start");
        taken.emplace_back("no dates");
    }
    if (!columns.unit) {
        absent.emplace_back("unit");
        taken.emplace_back("counts in people");
    }
    if (!columns.status) {
        absent.emplace_back("status");
        taken.emplace_back("each movement arrived (status crossed: an arrowhead)");
    }
    if (!columns.certainty) {
        absent.emplace_back("certainty");
        taken.emplace_back("each count exact (documented), an empty one unknown_size");
    }
    if (!absent.empty()) {
        warnings->push_back(
            fmt::format("{}: no {} column{}: read with {}; add the column{} to say otherwise "
                        "(geodata/SCHEMA.md)",
                        table.file, fmt::join(absent, ", "), absent.size() > 1 ? "s" : "", fmt::join(taken, ", "),
                        absent.size() > 1 ? "s" : ""));
    }
    if (!table.column_index("source")) {
        warnings->push_back(
            fmt::format("{}: no 'source' column: none of its {} flow(s) names a source, so the map "
                        "cannot credit them; a source column citing each (work, page, file) fixes it",
                        table.file, table.records.size()));
    }
}

}  // namespace

std::vector<model::Flow> flows_from_table(const Table& table, std::vector<std::string>* warnings) {
    const FlowColumns columns(table);
    require_columns(table, {"origin", "destination|dest", "count"},
                    "a flow table needs at least origin, destination (or dest) and count (geodata/SCHEMA.md)");
    warn_unknown_columns(table,
                         {"id",
                          "date_start",
                          "date_end",
                          "origin",
                          "via",
                          columns.destination,
                          "count",
                          "count_high",
                          "unit",
                          "status",
                          "certainty",
                          "basis",
                          "livestock_head",
                          "people_stated",
                          "kolkhoz_households",
                          "scope",
                          "part_of",
                          "source",
                          "quote",
                          "note"},
                         warnings);
    warn_defaults(table, columns, warnings);
    if (warnings != nullptr) warnings->insert(warnings->end(), table.gdal_warnings.begin(), table.gdal_warnings.end());
    std::vector<model::Flow> flows;
    flows.reserve(table.records.size());
    for (const auto& record : table.records) flows.push_back(flow_from(columns, RecordView(table, record)));
    return flows;
}

std::vector<model::Flow> read_flows(const std::filesystem::path& path, std::vector<std::string>* warnings,
                                    const DataSource& source) {
    return flows_from_table(read_table(path, source), warnings);
}

std::vector<model::Flow> read_flows(const std::vector<std::filesystem::path>& paths, std::vector<std::string>* warnings,
                                    const DataSource& source) {
    std::vector<model::Flow> flows;
    for (const auto& path : paths) {
        auto more = read_flows(path, warnings, source);
        flows.insert(flows.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
    }
    return flows;
}

}  // namespace steppeflow::io
