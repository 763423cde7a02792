#pragma once
// Totals of flow counts grouped by one attribute. Counts in different units or of different outcomes
// (crossed, detained, died, returned…) are never added: each group is also split by unit and status.
// A stated part is not added to a group that holds its total: the total already counts it.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/flow.hpp"

namespace steppeflow::model {

enum class StatsKey { year, origin, via, destination, unit, status, certainty };
std::optional<StatsKey> stats_key_from(std::string_view text);

struct StatsRow {
    std::string key;   // the group's value, e.g. "1930" or "zharkent_district"
    std::string unit;  // "" for records of unknown size and unit
    std::string status;
    std::int64_t total = 0;
    std::int64_t total_high = 0;  // with ranges: the sum of their high ends (and of the other counts)
    bool has_ranges = false;
    std::int64_t livestock_head = 0;      // head of livestock taken along, over the records that state it
    std::int64_t people_stated = 0;       // sum over the records that state it
    std::int64_t kolkhoz_households = 0;  // likewise
    int records = 0;
    int without_count = 0;                   // records of unknown size in the group
    std::vector<std::string> within_totals;  // parts left out of the sum because their total is in the group
    // Totals stated by different works for the group (1 million; 665,000 to 1.1 million): alternative
    // statements, perhaps of one movement, so the row gives no sum (total stays 0).
    std::vector<std::string> alternatives;
    bool has_estimates = false;  // some count is an estimate or a lower bound
    std::vector<std::string> flow_ids;
    std::vector<std::string> sources;  // distinct, in record order
};

struct StatsFilter {
    std::optional<Scope> scope = Scope::event;  // nullopt: all records
    std::string part_of;                        // only the parts of this total
};

std::vector<StatsRow> totals_by(const std::vector<Flow>& flows, StatsKey key, const StatsFilter& filter);

}  // namespace steppeflow::model
