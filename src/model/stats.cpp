#include "model/stats.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

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
            return fmt::format("{}", fmt::join(all_origins(flow), ";"));
        case StatsKey::via:
            return flow.via.empty() ? "(not named)" : flow.via;
        case StatsKey::destination:
            return flow.destination.empty() ? "(not named)" : fmt::format("{}", fmt::join(all_destinations(flow), ";"));
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
    using GroupKey = std::tuple<std::string, std::string, std::string>;
    const auto group_of = [&](const Flow& flow) {
        return GroupKey{key_of(flow, key), flow.unit ? std::string(to_string(*flow.unit)) : "",
                        std::string(to_string(flow.status))};
    };
    const auto selected = [&](const Flow& flow) {
        if (filter.scope && flow.scope != *filter.scope && filter.part_of.empty()) return false;
        return filter.part_of.empty() || flow.part_of == filter.part_of;
    };
    // Which group each selected total falls in, so that its parts are not added to it again.
    std::map<std::string, GroupKey, std::less<>> group_of_id;
    for (const auto& flow : flows) {
        if (selected(flow)) group_of_id.emplace(flow.id, group_of(flow));
    }
    std::map<std::string, const Flow*, std::less<>> by_id;
    for (const auto& flow : flows) by_id.emplace(flow.id, &flow);
    const auto total_in_group = [&](const Flow& flow, const GroupKey& group) {
        std::set<std::string> seen;  // a cycle of part_of must not loop
        for (const Flow* at = &flow; !at->part_of.empty() && seen.insert(at->part_of).second;) {
            const auto parent = by_id.find(at->part_of);
            if (parent == by_id.end()) return false;
            const auto placed = group_of_id.find(at->part_of);
            if (placed != group_of_id.end() && placed->second == group) return true;
            at = parent->second;
        }
        return false;
    };
    std::map<GroupKey, StatsRow> groups;
    for (const auto& flow : flows) {
        if (!selected(flow)) continue;
        const GroupKey group = group_of(flow);
        StatsRow& row = groups[group];
        row.key = std::get<0>(group);
        row.unit = std::get<1>(group);
        row.status = std::get<2>(group);
        ++row.records;
        row.flow_ids.push_back(flow.id);
        if (total_in_group(flow, group)) {
            row.within_totals.push_back(flow.id);
            continue;
        }
        if (flow.count) {
            row.total += *flow.count;
            row.total_high += flow.count_high.value_or(*flow.count);
            row.has_ranges = row.has_ranges || flow.count_high.has_value();
        } else {
            ++row.without_count;
        }
        row.livestock_head += flow.livestock_head.value_or(0);
        row.people_stated += flow.people_stated.value_or(0);
        row.kolkhoz_households += flow.kolkhoz_households.value_or(0);
        row.has_estimates =
            row.has_estimates || flow.certainty == Certainty::estimate || flow.certainty == Certainty::lower_bound;
        if (!flow.source.empty() &&
            std::find(row.sources.begin(), row.sources.end(), flow.source) == row.sources.end()) {
            row.sources.push_back(flow.source);
        }
    }
    // Totals from different works in one group are never added: each may state the same movement.
    // A work is its citation's first word ("Atantayeva2025 p.67", or the page's address).
    const auto work_of = [](const Flow& flow) { return flow.source.substr(0, flow.source.find_first_of(" (")); };
    for (auto& [k, row] : groups) {
        std::vector<const Flow*> totals;
        for (const auto& id : row.flow_ids) {
            const Flow& flow = *by_id.at(id);
            if (flow.scope != Scope::aggregate || !flow.count) continue;
            if (std::find(row.within_totals.begin(), row.within_totals.end(), id) != row.within_totals.end()) continue;
            totals.push_back(&flow);
        }
        std::set<std::string> works;
        for (const auto* flow : totals) works.insert(work_of(*flow));
        if (works.size() < 2) continue;
        for (const auto* flow : totals) row.alternatives.push_back(flow->id);
        row.total = 0;
        row.total_high = 0;
        row.has_ranges = false;
        row.people_stated = 0;
        row.kolkhoz_households = 0;
        row.livestock_head = 0;
    }
    std::vector<StatsRow> rows;
    rows.reserve(groups.size());
    for (auto& [k, row] : groups) rows.push_back(std::move(row));
    return rows;
}

}  // namespace steppeflow::model
