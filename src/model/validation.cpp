#include "model/validation.hpp"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "model/possible_overlaps.hpp"
#include "model/quote_numbers.hpp"

namespace steppeflow::model {

std::string Finding::to_string() const {
    const char* kind = severity == Severity::error ? "error" : severity == Severity::warning ? "warning" : "note";
    std::string text = fmt::format("{}: {}: {}", where.to_string(), kind, message);
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

struct StatedFigure {
    const char* field;
    std::optional<std::int64_t> value;
};

std::vector<StatedFigure> figures_of(const Flow& flow) {
    return {{"count", flow.count},
            {"count_high", flow.count_high},
            {"people_stated", flow.people_stated},
            {"livestock_head", flow.livestock_head},
            {"kolkhoz_households", flow.kolkhoz_households}};
}

// The figures of a record that its quote does not state (a typo, or a figure from elsewhere).
std::vector<StatedFigure> figures_not_in_quote(const Flow& flow) {
    std::vector<StatedFigure> missing;
    if (flow.quote.empty()) return missing;
    const auto stated = numbers_in(flow.quote);
    for (const auto& figure : figures_of(flow)) {
        if (figure.value && !stated.contains(*figure.value)) missing.push_back(figure);
    }
    return missing;
}

// One warning for every record that leaves a field empty, with their count and the first few ids,
// at the first of them: a table of a hundred unsourced rows says so once, not a hundred times.
void warn_once(std::vector<Finding>& findings, const std::vector<std::pair<std::string, SourceLocation>>& records,
               const std::string& field, const char* noun, const std::string& suggestion) {
    if (records.empty()) return;
    constexpr std::size_t kNamed = 5;
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < std::min(records.size(), kNamed); ++i) ids.push_back(records[i].first);
    const std::string more = records.size() > kNamed ? fmt::format(" and {} more", records.size() - kNamed) : "";
    const std::string subject = records.size() == 1
                                    ? fmt::format("{} '{}'", noun, ids.front())
                                    : fmt::format("{} {}s ({}{})", records.size(), noun, fmt::join(ids, ", "), more);
    findings.push_back({Severity::warning, at(records.front().second, field),
                        fmt::format("{} is empty for {}", field, subject), suggestion});
}

std::string place_set(const Flow& flow) {
    auto origins = all_origins(flow);
    auto destinations = all_destinations(flow);
    std::sort(origins.begin(), origins.end());
    std::sort(destinations.begin(), destinations.end());
    return fmt::format("{} → {}", fmt::join(origins, ";"), fmt::join(destinations, ";"));
}

// Two undated records may describe one movement; an undated one and a dated one are not compared
// (a one-year figure is no disagreement with a total of unstated period).
bool periods_overlap(const Flow& a, const Flow& b) {
    if (!a.date_start || !b.date_start || !a.date_end || !b.date_end) return !a.date_start && !b.date_start;
    return !ends_before(*a.date_end, *b.date_start) && !ends_before(*b.date_end, *a.date_start);
}

// Stated totals of one movement (same places, unit, outcome, overlapping dates) from different works.
// A figure that one work states as a part of its total ("half a million, including 200,000 abroad")
// is no disagreement with another work's 200,000 when places are too vague to tell the two apart.
void compare_works(const std::vector<Flow>& flows, std::vector<Finding>& findings) {
    std::vector<std::string> places;
    places.reserve(flows.size());
    for (const auto& flow : flows) places.push_back(place_set(flow));
    std::map<std::string, std::set<std::int64_t>> part_counts;
    for (const auto& flow : flows) {
        if (!flow.part_of.empty() && flow.count) part_counts[flow.part_of].insert(*flow.count);
    }
    const auto has_part_of = [&](const Flow& total, std::int64_t count) {
        const auto found = part_counts.find(total.id);
        return found != part_counts.end() && found->second.contains(count);
    };
    for (std::size_t i = 0; i < flows.size(); ++i) {
        const Flow& a = flows[i];
        if (!a.count || a.scope != Scope::aggregate || !a.part_of.empty()) continue;
        for (std::size_t j = i + 1; j < flows.size(); ++j) {
            const Flow& b = flows[j];
            if (!b.count || b.scope != Scope::aggregate || !b.part_of.empty() || a.source == b.source) continue;
            if (a.unit != b.unit || a.status != b.status || places[i] != places[j] || !periods_overlap(a, b)) continue;
            if (a.count == b.count && a.count_high == b.count_high) continue;
            if (has_part_of(a, *b.count) || has_part_of(b, *a.count)) continue;
            // A figure inside the other's range agrees with it.
            const auto within = [](const Flow& range, std::int64_t value) {
                return range.count_high && *range.count <= value && value <= *range.count_high;
            };
            if ((!b.count_high && within(a, *b.count)) || (!a.count_high && within(b, *a.count))) continue;
            const auto figure = [](const Flow& f) {
                return f.count_high ? fmt::format("{}–{}", *f.count, *f.count_high) : fmt::format("{}", *f.count);
            };
            findings.push_back({Severity::note, at(b.where, "count"),
                                fmt::format("{} and {} state different figures for {} ({}, {}): {} ({}) and {} ({})",
                                            a.id, b.id, places[i], a.unit ? to_string(*a.unit) : "",
                                            to_string(a.status), figure(a), a.source, figure(b), b.source),
                                "the sources disagree; both records are kept as stated"});
        }
    }
}

}  // namespace

std::vector<Finding> validate_places(const Gazetteer& gazetteer) {
    std::vector<Finding> findings;
    std::vector<std::pair<std::string, SourceLocation>> unsourced;
    std::vector<std::pair<std::string, SourceLocation>> imprecise;
    for (const auto& place : gazetteer.places()) {
        if (place.coord_source.empty()) unsourced.emplace_back(place.id, place.where);
        if (!place.precision_km) imprecise.emplace_back(place.id, place.where);
        if (!place.parent.empty() && gazetteer.find(place.parent) == nullptr) {
            const auto near = gazetteer.suggest(place.parent);
            findings.push_back({Severity::error, at(place.where, "parent"),
                                fmt::format("unknown parent '{}'", place.parent),
                                near.empty() ? "" : fmt::format("did you mean '{}'?", near.front())});
        }
    }
    warn_once(findings, unsourced, "coord_source", "place",
              "say where the coordinates come from: the gazetteer, map or estimate");
    warn_once(findings, imprecise, "precision_km", "place", "state the radius in km within which each place lies");
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
    // The fields of each record that its quote does not state, read once: the sum check asks again.
    std::map<const Flow*, std::set<std::string>> unquoted_fields;
    std::vector<std::pair<std::string, SourceLocation>> unsourced;
    for (const auto& flow : flows) {
        const auto origins = all_origins(flow);
        const auto destinations = all_destinations(flow);
        for (const auto& id : origins) check_reference(gazetteer, flow, id, "origin", findings);
        check_reference(gazetteer, flow, flow.via, "via", findings);
        for (const auto& id : destinations) check_reference(gazetteer, flow, id, "destination", findings);
        // A crossing point, or a country or region passed through ("through Turkmenistan to Iran").
        if (const auto* via = gazetteer.find(flow.via);
            via != nullptr && via->kind != PlaceKind::outpost && via->kind != PlaceKind::border_section &&
            via->kind != PlaceKind::country && via->kind != PlaceKind::region) {
            findings.push_back({Severity::warning,
                                at(flow.where, "via"),
                                fmt::format("via '{}' is a {}, not an outpost, border section, or a country or "
                                            "region passed through",
                                            flow.via, to_string(via->kind)),
                                {}});
        }
        for (const auto& id : destinations) {
            if (std::find(origins.begin(), origins.end(), id) != origins.end()) {
                findings.push_back({Severity::error,
                                    at(flow.where, "destination"),
                                    fmt::format("origin and destination are both '{}'", id),
                                    {}});
            }
        }
        for (const auto& figure : figures_not_in_quote(flow)) {
            unquoted_fields[&flow].insert(figure.field);
            findings.push_back(
                {Severity::warning, at(flow.where, figure.field),
                 fmt::format("{} {} of flow '{}' does not appear in its quote", figure.field, *figure.value, flow.id),
                 "check the figure against the source; quote the words that state it"});
        }
        if (flow.source.empty()) unsourced.emplace_back(flow.id, flow.where);
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
        // One stated part smaller than its total is a subset ("including 200,000 beyond the frontiers"),
        // not a breakdown that should add up.
        if (parts.size() == 1 && sum < *stated) return;
        std::vector<std::string> ids;
        ids.reserve(parts.size());
        for (const auto* part : parts) ids.push_back(part->id);
        // Which side the difference comes from: a figure its own quote does not state is a typo in the
        // data; when every figure is as quoted, the source itself disagrees with itself.
        const auto unquoted = [&](const Flow& f) {
            const auto found = unquoted_fields.find(&f);
            return found != unquoted_fields.end() && found->second.contains(what);
        };
        std::vector<std::string> typos;
        if (unquoted(total)) typos.push_back(total.id);
        for (const auto* part : parts) {
            if (unquoted(*part)) typos.push_back(part->id);
        }
        const std::string side =
            typos.empty()
                ? "every figure is as its quote states it: a discrepancy in the source; both are kept as stated"
                : fmt::format("{} does not match its quote: a typo in the data, not in the source; correct {}",
                              fmt::join(typos, ", "), typos.size() == 1 ? "it" : "them");
        findings.push_back({Severity::warning, at(total.where, what),
                            fmt::format("stated total {} ({}) differs from the sum of its parts {}: {} ({:+})", *stated,
                                        what, fmt::join(ids, "+"), sum, sum - *stated),
                            side});
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
    warn_once(findings, unsourced, "source", "flow",
              "cite the work, page or archival file, e.g. 'Smith2020 p.12'; a map cannot credit an unsourced flow");
    compare_works(flows, findings);
    // A figure for an area and figures for places within it, of the same dates, that the source does
    // not relate: a map drawing both says so; part_of records it where the source does.
    for (const auto& overlap : possible_overlaps(flows, gazetteer)) {
        const Flow& wide = *by_id.at(overlap.including);
        findings.push_back(
            {Severity::note, at(wide.where, "count"),
             fmt::format("{} ({}, from {}) may include {} (same dates and destination, from places "
                         "within {}); the sources do not say",
                         wide.id, *wide.count, wide.origin, fmt::join(overlap.included, ", "), wide.origin),
             fmt::format("if a source says so, set part_of = {} on {}", wide.id, fmt::join(overlap.included, ", "))});
    }
    return findings;
}

}  // namespace steppeflow::model
