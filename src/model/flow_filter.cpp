#include "model/flow_filter.hpp"

#include <algorithm>
#include <charconv>
#include <map>
#include <set>
#include <tuple>

namespace steppeflow::model {

namespace {

template <typename T>
bool allowed(const std::vector<T>& list, const T& value) {
    return list.empty() || std::find(list.begin(), list.end(), value) != list.end();
}

std::optional<int> parse_year(std::string_view text) {
    int year = 0;
    if (text.size() != 4 || text.find_first_not_of("0123456789") != std::string_view::npos) return std::nullopt;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), year);
    if (error != std::errc{} || end != text.data() + text.size() || text.size() != 4) return std::nullopt;
    return year;
}

}  // namespace

std::optional<int> flow_year(const Flow& flow) {
    if (flow.date_start) return flow.date_start->year;
    if (flow.date_end) return flow.date_end->year;
    return std::nullopt;
}

bool FlowFilter::matches(const Flow& flow) const {
    if (!years.empty()) {
        const auto year = flow_year(flow);
        if (!year || std::find(years.begin(), years.end(), *year) == years.end()) return false;
    }
    if (from || to) {
        const auto& start = flow.date_start ? flow.date_start : flow.date_end;
        const auto& end = flow.date_end ? flow.date_end : flow.date_start;
        if (!start || !end) return false;
        if (to && ends_before(*to, *start)) return false;
        if (from && ends_before(*end, *from)) return false;
    }
    if (!ids.empty() && !allowed(ids, flow.id)) return false;
    if (!allowed(scopes, flow.scope)) return false;
    if (!statuses.empty() && !allowed(statuses, flow.status)) return false;
    if (!certainties.empty() && !allowed(certainties, flow.certainty)) return false;
    if (!units.empty() && (!flow.unit || !allowed(units, *flow.unit))) return false;
    if (!origins.empty() && !allowed(origins, flow.origin) && (flow.via.empty() || !allowed(origins, flow.via)))
        return false;
    if (!destinations.empty() && !allowed(destinations, flow.destination)) return false;
    return true;
}

std::vector<Flow> apply(const FlowFilter& filter, const std::vector<Flow>& flows, const Gazetteer& gazetteer) {
    std::vector<Flow> kept;
    std::copy_if(flows.begin(), flows.end(), std::back_inserter(kept),
                 [&](const Flow& flow) { return filter.matches(flow); });
    std::set<std::string> kept_ids;
    for (const auto& flow : kept) kept_ids.insert(flow.id);
    // For each total with parts among the kept flows: the distinct start points of its parts.
    std::map<std::string, std::set<std::pair<double, double>>> part_starts;
    for (const auto& flow : kept) {
        if (flow.part_of.empty() || !kept_ids.contains(flow.part_of)) continue;
        const Place* start = gazetteer.find(flow.via.empty() ? flow.origin : flow.via);
        const auto point = start != nullptr ? std::pair{start->position.lon, start->position.lat} : std::pair{0.0, 0.0};
        part_starts[flow.part_of].insert(point);
    }
    std::erase_if(kept, [&](const Flow& flow) {
        if (const auto parts = part_starts.find(flow.id); parts != part_starts.end()) return parts->second.size() >= 2;
        if (const auto whole = part_starts.find(flow.part_of); whole != part_starts.end())
            return whole->second.size() < 2;
        return false;
    });
    return kept;
}

std::optional<Period> parse_period(std::string_view text) {
    // A hyphen or an en dash between two years.
    for (const std::string_view dash : {std::string_view("\u2013"), std::string_view("-")}) {
        const auto at = text.find(dash);
        if (at == std::string_view::npos) continue;
        const auto first = parse_year(text.substr(0, at));
        const auto last = parse_year(text.substr(at + dash.size()));
        if (!first || !last || *last < *first) return std::nullopt;
        return Period{std::to_string(*first) + "\u2013" + std::to_string(*last), *first, *last};
    }
    const auto year = parse_year(text);
    if (!year) return std::nullopt;
    return Period{std::to_string(*year), *year, *year};
}

std::vector<Period> periods_of(const std::vector<Flow>& flows) {
    std::set<int> years;
    for (const auto& flow : flows) {
        if (const auto year = flow_year(flow)) years.insert(*year);
    }
    std::vector<Period> periods;
    periods.reserve(years.size());
    for (const int year : years) periods.push_back({std::to_string(year), year, year});
    return periods;
}

std::optional<std::size_t> period_of(const Flow& flow, const std::vector<Period>& periods) {
    const auto year = flow_year(flow);
    if (!year) return std::nullopt;
    for (std::size_t i = 0; i < periods.size(); ++i) {
        if (*year >= periods[i].first_year && *year <= periods[i].last_year) return i;
    }
    return std::nullopt;
}

}  // namespace steppeflow::model
