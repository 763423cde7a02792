#include "model/validation.hpp"

#include <map>
#include <set>

#include <fmt/format.h>

namespace steppeflow::model {

std::string Finding::to_string() const {
    std::string text =
        fmt::format("{}: {}: {}", where.to_string(), severity == Severity::error ? "error" : "warning", message);
    if (!suggestion.empty()) text += fmt::format("; {}", suggestion);
    return text;
}

namespace {

SourceLocation at(const SourceLocation& where, std::string field) { return where.with_field(std::move(field)); }

void check_reference(const Gazetteer& gazetteer, const Flow& flow, const std::string& id, const char* field,
                     std::vector<Finding>& findings) {
    if (id.empty() || gazetteer.find(id) != nullptr) return;
    const auto near = gazetteer.suggest(id);
    findings.push_back(
        {Severity::error, at(flow.where, field), fmt::format("unknown place '{}'", id),
         near.empty() ? "add it to the gazetteer" : fmt::format("did you mean '{}'?", fmt::join(near, "', '"))});
}

}  // namespace

std::vector<Finding> validate_places(const Gazetteer& gazetteer) {
    std::vector<Finding> findings;
    for (const auto& place : gazetteer.places()) {
        if (place.coord_source.empty()) {
            findings.push_back({Severity::error, at(place.where, "coord_source"),
                                fmt::format("place '{}' does not say where its coordinates come from", place.id),
                                "name the gazetteer, map or estimate"});
        }
        if (!place.precision_km) {
            findings.push_back({Severity::warning, at(place.where, "precision_km"),
                                fmt::format("place '{}' gives no precision", place.id), "state a radius in km"});
        }
        if (!place.parent.empty() && gazetteer.find(place.parent) == nullptr) {
            const auto near = gazetteer.suggest(place.parent);
            findings.push_back({Severity::error, at(place.where, "parent"),
                                fmt::format("unknown parent '{}'", place.parent),
                                near.empty() ? "" : fmt::format("did you mean '{}'?", near.front())});
        }
    }
    return findings;
}

std::vector<Finding> validate_flows(const Gazetteer& gazetteer, const std::vector<Flow>& flows) {
    std::vector<Finding> findings;
    std::map<std::string, const Flow*, std::less<>> by_id;
    for (const auto& flow : flows) {
        if (const auto [it, inserted] = by_id.emplace(flow.id, &flow); !inserted) {
            findings.push_back({Severity::error, at(flow.where, "id"), fmt::format("duplicate flow id '{}'", flow.id),
                                fmt::format("first used at {}", it->second->where.to_string())});
        }
    }
    std::map<std::string, std::vector<const Flow*>> parts_of;
    for (const auto& flow : flows) {
        check_reference(gazetteer, flow, flow.origin, "origin", findings);
        check_reference(gazetteer, flow, flow.via, "via", findings);
        check_reference(gazetteer, flow, flow.destination, "destination", findings);
        if (const auto* via = gazetteer.find(flow.via);
            via != nullptr && via->kind != PlaceKind::outpost && via->kind != PlaceKind::border_section) {
            findings.push_back(
                {Severity::warning,
                 at(flow.where, "via"),
                 fmt::format("via '{}' is a {}, not an outpost or border section", flow.via, to_string(via->kind)),
                 {}});
        }
        if (!flow.destination.empty() && flow.origin == flow.destination) {
            findings.push_back({Severity::error,
                                at(flow.where, "destination"),
                                fmt::format("origin and destination are both '{}'", flow.origin),
                                {}});
        }
        if (flow.source.empty()) {
            findings.push_back({Severity::error, at(flow.where, "source"),
                                fmt::format("flow '{}' names no source", flow.id),
                                "cite the work, page or archival file, e.g. 'Atantayeva2025 n.16'"});
        }
        if (flow.date_start && flow.date_end && ends_before(*flow.date_end, *flow.date_start)) {
            findings.push_back({Severity::error,
                                at(flow.where, "date_end"),
                                fmt::format("date_end {} is before date_start {}", flow.date_end->to_string(),
                                            flow.date_start->to_string()),
                                {}});
        }
        if (flow.kolkhoz_households && flow.count && *flow.kolkhoz_households > *flow.count) {
            findings.push_back(
                {Severity::warning,
                 at(flow.where, "kolkhoz_households"),
                 fmt::format("{} kolkhoz households of only {} in all", *flow.kolkhoz_households, *flow.count),
                 {}});
        }
        if (!flow.part_of.empty()) {
            const auto total = by_id.find(flow.part_of);
            if (total == by_id.end()) {
                findings.push_back({Severity::error,
                                    at(flow.where, "part_of"),
                                    fmt::format("part_of '{}' is no flow id", flow.part_of),
                                    {}});
            } else {
                parts_of[flow.part_of].push_back(&flow);
            }
        }
    }

    // A total and its stated parts: compare, report both numbers, never adjust either.
    const auto compare = [&](const Flow& total, const std::vector<const Flow*>& parts, const char* what,
                             auto value_of) {
        const auto stated = value_of(total);
        if (!stated) return;
        std::int64_t sum = 0;
        for (const auto* part : parts) {
            const auto value = value_of(*part);
            if (!value) return;  // an unknown part: nothing to compare
            sum += *value;
        }
        if (sum == *stated) return;
        std::vector<std::string> ids;
        ids.reserve(parts.size());
        for (const auto* part : parts) ids.push_back(part->id);
        findings.push_back({Severity::warning, at(total.where, what),
                            fmt::format("stated total {} ({}) differs from the sum of its parts {}: {} ({:+})", *stated,
                                        what, fmt::join(ids, "+"), sum, sum - *stated),
                            "a discrepancy in the source; both figures are kept as stated"});
    };
    for (const auto& [total_id, parts] : parts_of) {
        const Flow& total = *by_id.at(total_id);
        for (const auto* part : parts) {
            if (part->unit != total.unit) {
                findings.push_back(
                    {Severity::error,
                     at(part->where, "unit"),
                     fmt::format("part in {} of a total in {}", part->unit ? to_string(*part->unit) : "no unit",
                                 total.unit ? to_string(*total.unit) : "no unit"),
                     {}});
            }
        }
        compare(total, parts, "count", [](const Flow& f) { return f.count; });
        compare(total, parts, "people_stated", [](const Flow& f) { return f.people_stated; });
        compare(total, parts, "kolkhoz_households", [](const Flow& f) { return f.kolkhoz_households; });
    }
    return findings;
}

}  // namespace steppeflow::model
