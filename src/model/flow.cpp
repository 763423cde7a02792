#include "model/flow.hpp"

#include <array>
#include <utility>

namespace steppeflow::model {

namespace {

template <typename Enum, std::size_t N>
using NameTable = std::array<std::pair<Enum, std::string_view>, N>;

constexpr NameTable<Unit, 4> kUnits{{{Unit::people, "people"},
                                     {Unit::households, "households"},
                                     {Unit::families, "families"},
                                     {Unit::livestock_head, "livestock_head"}}};
constexpr NameTable<Status, 7> kStatuses{{{Status::crossed, "crossed"},
                                          {Status::attempted, "attempted"},
                                          {Status::detained, "detained"},
                                          {Status::planned, "planned"},
                                          {Status::died, "died"},
                                          {Status::returned, "returned"},
                                          {Status::not_returned, "not_returned"}}};
constexpr NameTable<Certainty, 4> kCertainties{{{Certainty::documented, "documented"},
                                                {Certainty::estimate, "estimate"},
                                                {Certainty::lower_bound, "lower_bound"},
                                                {Certainty::unknown_size, "unknown_size"}}};
constexpr NameTable<Scope, 2> kScopes{{{Scope::event, "event"}, {Scope::aggregate, "aggregate"}}};
constexpr NameTable<Basis, 3> kBases{
    {{Basis::not_stated, "not_stated"}, {Basis::archival, "archival"}, {Basis::later_estimate, "later_estimate"}}};

template <typename Enum>
constexpr const auto& table_of() {
    if constexpr (std::is_same_v<Enum, Unit>)
        return kUnits;
    else if constexpr (std::is_same_v<Enum, Status>)
        return kStatuses;
    else if constexpr (std::is_same_v<Enum, Certainty>)
        return kCertainties;
    else if constexpr (std::is_same_v<Enum, Scope>)
        return kScopes;
    else
        return kBases;
}

template <typename Enum>
std::string_view name_of(Enum value) {
    for (const auto& [candidate, name] : table_of<Enum>()) {
        if (candidate == value) return name;
    }
    return "?";
}

}  // namespace

std::string_view to_string(Unit value) { return name_of(value); }
std::string_view to_string(Status value) { return name_of(value); }
std::string_view to_string(Certainty value) { return name_of(value); }
std::string_view to_string(Scope value) { return name_of(value); }
std::string_view to_string(Basis value) { return name_of(value); }

std::vector<std::string> all_origins(const Flow& flow) {
    std::vector<std::string> ids{flow.origin};
    ids.insert(ids.end(), flow.more_origins.begin(), flow.more_origins.end());
    return ids;
}

std::vector<std::string> all_destinations(const Flow& flow) {
    std::vector<std::string> ids;
    if (!flow.destination.empty()) ids.push_back(flow.destination);
    ids.insert(ids.end(), flow.more_destinations.begin(), flow.more_destinations.end());
    return ids;
}

bool arrived(Status status) {
    return status == Status::crossed || status == Status::returned || status == Status::not_returned;
}

bool has_branches(const Flow& flow) { return !flow.more_origins.empty() || !flow.more_destinations.empty(); }

template <typename Enum>
std::optional<Enum> enum_from(std::string_view text) {
    for (const auto& [value, name] : table_of<Enum>()) {
        if (name == text) return value;
    }
    return std::nullopt;
}

template <typename Enum>
std::vector<std::string_view> enum_names() {
    std::vector<std::string_view> names;
    for (const auto& entry : table_of<Enum>()) names.push_back(entry.second);
    return names;
}

template std::optional<Unit> enum_from<Unit>(std::string_view);
template std::optional<Status> enum_from<Status>(std::string_view);
template std::optional<Certainty> enum_from<Certainty>(std::string_view);
template std::optional<Scope> enum_from<Scope>(std::string_view);
template std::optional<Basis> enum_from<Basis>(std::string_view);
template std::vector<std::string_view> enum_names<Unit>();
template std::vector<std::string_view> enum_names<Status>();
template std::vector<std::string_view> enum_names<Certainty>();
template std::vector<std::string_view> enum_names<Scope>();
template std::vector<std::string_view> enum_names<Basis>();

}  // namespace steppeflow::model
