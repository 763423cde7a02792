#pragma once
// Which flows a figure shows, and the periods (years or spans of years) it compares.

#include <optional>
#include <string>
#include <vector>

#include "model/flow.hpp"
#include "model/gazetteer.hpp"

namespace steppeflow::model {

// The year a flow belongs to: the year it began, or, when the source dates only its report, the
// year of the report. Empty for an undated flow.
[[nodiscard]] std::optional<int> flow_year(const Flow& flow);

struct FlowFilter {
    std::vector<int> years;           // the flow's year is one of these (empty: any)
    std::optional<PartialDate> from;  // the flow's dates overlap [from, to], each to its precision
    std::optional<PartialDate> to;
    std::vector<Scope> scopes{Scope::event};  // single events; aggregates (totals by region or period) on request
    std::vector<Status> statuses;             // empty: any
    std::vector<Certainty> certainties;
    std::vector<Unit> units;
    std::vector<std::string> origins;       // place ids; a flow matches by its origin or its outpost
    std::vector<std::string> destinations;  // place ids
    std::vector<std::string> ids;           // the records chosen by id (empty: any)

    [[nodiscard]] bool matches(const Flow& flow) const;
};

// The flows that match. A total and its breakdown (flows with part_of = its id) are never drawn
// together: the breakdown replaces the total when its parts start from at least two different
// points; parts that all start where the total does (e.g. auls located only by their district) are
// left out and the total kept, since a map cannot tell them apart.
[[nodiscard]] std::vector<Flow> apply(const FlowFilter& filter, const std::vector<Flow>& flows,
                                      const Gazetteer& gazetteer);

// A span of years compared with others: "1930" or "1931–1932".
struct Period {
    std::string label;
    int first_year = 0;
    int last_year = 0;
    friend bool operator==(const Period&, const Period&) = default;
};

// Parses "1930", "1931-1932" or "1931–1932"; nullopt for anything else.
[[nodiscard]] std::optional<Period> parse_period(std::string_view text);

// One period per year that the flows have, in order.
[[nodiscard]] std::vector<Period> periods_of(const std::vector<Flow>& flows);

// Index of the period a flow belongs to; nullopt for an undated flow or one outside every period.
[[nodiscard]] std::optional<std::size_t> period_of(const Flow& flow, const std::vector<Period>& periods);

}  // namespace steppeflow::model
