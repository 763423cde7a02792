#include "model/stats.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

namespace steppeflow::model {

std::optional<StatsKey> stats_key_from(std::string_view text) {
    if (text == "year") return StatsKey::year;
    if (text == "origin") return StatsKey::origin;
    if (text == "via" || text == "outpost") return StatsKey::via;
    if (text == "destination") return StatsKey::destination;
    if (text == "unit") return StatsKey::unit;
    if (text == "status") return StatsKey::status;
    if (text == "certainty") return StatsKey::certainty;
    return std::nullopt;
}

namespace {

std::string year_of(const Flow& flow) {
    const auto& start = flow.date_start ? flow.date_start : flow.date_end;
    const auto& end = flow.date_end ? flow.date_end : flow.date_start;
    if (!start) return "undated";
    if (end && end->year != start->year) return fmt::format("{}–{}", start->year, end->year);
    return fmt::format("{}", start->year);
}

std::string key_of(const Flow& flow, StatsKey key) {
    switch (key) {
        case StatsKey::year:
            return year_of(flow);
        case StatsKey::origin:
            return flow.origin;
        case StatsKey::via:
            return flow.via.empty() ? "(not named)" : flow.via;
        case StatsKey::destination:
            return flow.destination.empty() ? "(not named)" : flow.destination;
        case StatsKey::unit:
            return flow.unit ? std::string(to_string(*flow.unit)) : "(unknown)";
        case StatsKey::status:
            return std::string(to_string(flow.status));
        case StatsKey::certainty:
            return std::string(to_string(flow.certainty));
    }
    return {};
}

}  // namespace

std::vector<StatsRow> totals_by(const std::vector<Flow>& flows, StatsKey key, const StatsFilter& filter) {
    std::map<std::pair<std::string, std::string>, StatsRow> groups;
    for (const auto& flow : flows) {
        if (filter.scope && flow.scope != *filter.scope && filter.part_of.empty()) continue;
        if (!filter.part_of.empty() && flow.part_of != filter.part_of) continue;
        const std::string unit = flow.unit ? std::string(to_string(*flow.unit)) : "";
        StatsRow& row = groups[{key_of(flow, key), unit}];
        row.key = key_of(flow, key);
        row.unit = unit;
        ++row.records;
        if (flow.count) {
            row.total += *flow.count;
        } else {
            ++row.without_count;
        }
        row.people_stated += flow.people_stated.value_or(0);
        row.kolkhoz_households += flow.kolkhoz_households.value_or(0);
        row.has_estimates =
            row.has_estimates || flow.certainty == Certainty::estimate || flow.certainty == Certainty::lower_bound;
        row.flow_ids.push_back(flow.id);
        if (!flow.source.empty() &&
            std::find(row.sources.begin(), row.sources.end(), flow.source) == row.sources.end()) {
            row.sources.push_back(flow.source);
        }
    }
    std::vector<StatsRow> rows;
    rows.reserve(groups.size());
    for (auto& [k, row] : groups) rows.push_back(std::move(row));
    return rows;
}

}  // namespace steppeflow::model
