#include "figure/flow_selection.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "layout/legend_layout.hpp"
#include "layout/map_text.hpp"
#include "model/name_match.hpp"
#include "model/possible_overlaps.hpp"

namespace steppeflow::figure {

namespace {

std::string resolve_place(const std::string& name, const model::Gazetteer& gazetteer, const SourceLocation& where,
                          const std::string& option) {
    if (gazetteer.find(name) != nullptr) return name;
    const auto found = gazetteer.lookup(name);
    if (found.size() == 1) return found.front()->id;
    std::vector<std::string> ids;
    ids.reserve(found.size());
    for (const auto* place : found) ids.push_back(place->id);
    const std::string what = found.empty()
                                 ? fmt::format("unknown place '{}'", name)
                                 : fmt::format("'{}' names {} places: {}", name, found.size(), fmt::join(ids, ", "));
    // Suggest by every name and spelling, not only by id: "Zaisn" is nearest to "Zaisan".
    std::vector<std::string> names;
    for (const auto& place : gazetteer.places()) {
        names.push_back(place.id);
        names.push_back(place.name_en);
        names.insert(names.end(), place.variants.begin(), place.variants.end());
    }
    std::vector<std::string> near;
    for (const auto& candidate : model::nearest_names(name, names, 3)) {
        for (const auto* place : gazetteer.lookup(candidate)) {
            if (std::find(near.begin(), near.end(), place->id) == near.end()) near.push_back(place->id);
        }
    }
    const std::string suggestion =
        found.empty() ? (near.empty() ? std::string{} : fmt::format("did you mean {}?", fmt::join(near, ", ")))
                      : "give the place id";
    if (!where.file.empty()) throw DataError(where, what, suggestion);
    throw UsageError(fmt::format("{}: {}{}", option, what, suggestion.empty() ? "" : "; " + suggestion));
}

model::FlowFilter with_places(const FigureRequest& request, const model::Gazetteer& gazetteer) {
    const config::FigureSpec& spec = request.spec;
    model::FlowFilter filter = request.filter;
    const auto where = [&](const SourceLocation& in_spec, const char* option) {
        return spec.from_command_line.contains(option) ? SourceLocation{} : in_spec;
    };
    for (const auto& name : spec.origin)
        filter.origins.push_back(resolve_place(name, gazetteer, where(spec.origin_where, "--origin"), "--origin"));
    for (const auto& name : spec.destination) {
        filter.destinations.push_back(
            resolve_place(name, gazetteer, where(spec.destination_where, "--destination"), "--destination"));
    }
    return filter;
}

// Every id asked for names a record: a mistyped id would silently leave a flow out.
void check_ids(const FigureRequest& request, const std::vector<model::Flow>& flows) {
    if (request.filter.ids.empty()) return;
    std::vector<std::string> known;
    known.reserve(flows.size());
    for (const auto& flow : flows) known.push_back(flow.id);
    for (const auto& id : request.filter.ids) {
        if (std::find(known.begin(), known.end(), id) != known.end()) continue;
        const auto near = model::nearest_names(id, known, 1);
        const std::string what = fmt::format("no flow has id '{}'", id);
        const std::string suggestion = near.empty() ? "" : fmt::format("did you mean {}?", near.front());
        const config::FigureSpec& spec = request.spec;
        if (!spec.from_command_line.contains("--ids") && !spec.ids_where.file.empty())
            throw DataError(spec.ids_where, what, suggestion);
        throw UsageError(fmt::format("--ids: {}{}", what, suggestion.empty() ? "" : "; " + suggestion));
    }
}

// Livestock is not a movement of people, and a flow without a destination has nowhere to go.
bool is_movement(const model::Flow& flow) {
    return flow.unit != model::Unit::livestock_head && !flow.destination.empty();
}

// "700 people (Semipalatinsk district) may include 250 and 400 (Kokpekty district)": counts as the
// sources give them, never added or subtracted.
std::vector<std::string> overlap_notes(const std::vector<model::Flow>& drawn, const model::Gazetteer& gazetteer,
                                       const config::Locale& language) {
    std::map<std::string, const model::Flow*> by_id;
    for (const auto& flow : drawn) by_id[flow.id] = &flow;
    const auto name_of = [&](const std::string& id) {
        const auto* place = gazetteer.find(id);
        return place != nullptr ? model::display_name(*place, language.language) : id;
    };
    std::vector<std::string> notes;
    for (const auto& overlap : model::possible_overlaps(drawn, gazetteer)) {
        const model::Flow& wide = *by_id.at(overlap.including);
        // The parts grouped by their origin, in the order given.
        std::vector<std::pair<std::string, std::vector<std::string>>> by_origin;
        for (const auto& id : overlap.included) {
            const model::Flow& part = *by_id.at(id);
            auto found = std::find_if(by_origin.begin(), by_origin.end(),
                                      [&](const auto& group) { return group.first == part.origin; });
            if (found == by_origin.end()) found = by_origin.insert(by_origin.end(), {part.origin, {}});
            found->second.push_back(layout::count_text(static_cast<double>(*part.count)));
        }
        std::vector<std::string> parts;
        const std::string joiner = layout::phrase(layout::Phrase::and_word, language);
        for (const auto& [origin, counts] : by_origin)
            parts.push_back(fmt::format("{} ({})", fmt::join(counts, joiner), name_of(origin)));
        notes.push_back(fmt::format(fmt::runtime(layout::phrase(layout::Phrase::possible_double_count, language)),
                                    layout::count_text(static_cast<double>(*wide.count)),
                                    layout::phrase(layout::counted_unit_phrase(wide.unit), language),
                                    name_of(wide.origin), fmt::join(parts, "; ")));
    }
    return notes;
}

}  // namespace

FlowSelection select_flows(const FigureRequest& request, const model::Gazetteer& gazetteer,
                           const std::vector<model::Flow>& flows) {
    FlowSelection selection;
    std::vector<model::Flow> converted;
    const std::vector<model::Flow>* chosen = &flows;
    if (request.households_as_people) {
        selection.ratio = model::derive_household_ratio(flows);
        if (!selection.ratio) {
            SourceLocation where;
            where.file = request.spec.flows.front().string();
            throw DataError(where, "no record states both households and people", "add people_stated");
        }
        converted = model::households_as_people(flows, *selection.ratio);
        chosen = &converted;
    }
    check_ids(request, flows);
    const model::FlowFilter filter = with_places(request, gazetteer);
    std::vector<model::Flow> movements;
    std::copy_if(chosen->begin(), chosen->end(), std::back_inserter(movements), is_movement);
    std::vector<model::Flow> drawn = model::apply(filter, movements, gazetteer);
    if (drawn.empty()) {
        // Only now is it worth knowing whether the filter or drawability emptied the list.
        const auto matching = static_cast<std::size_t>(std::count_if(
            chosen->begin(), chosen->end(), [&](const model::Flow& flow) { return filter.matches(flow); }));
        if (matching == 0)
            throw UsageError(fmt::format("{}: no flow matches the filter; nothing to draw", request.name));
        throw UsageError(fmt::format(
            "{}: {} flow(s) match the filter, but none can be drawn (livestock, or no destination); nothing to draw",
            request.name, matching));
    }
    const bool compares_years = request.years_mode != config::YearsMode::single;
    selection.periods = request.periods.empty() ? model::periods_of(drawn) : request.periods;
    const auto& periods = selection.periods;
    // Periods given by name leave out dated flows of other years (undated ones stay, as such).
    if (!request.periods.empty() && compares_years) {
        const auto before = drawn.size();
        std::erase_if(
            drawn, [&](const model::Flow& flow) { return model::flow_year(flow) && !model::period_of(flow, periods); });
        if (drawn.size() < before) {
            selection.warnings.push_back(fmt::format("{} flow(s) dated outside the periods {} are left out",
                                                     before - drawn.size(), fmt::join(request.spec.periods, ", ")));
        }
    }
    if (periods.empty() && request.years_mode == config::YearsMode::sequence) {
        throw UsageError(
            fmt::format("{}: no drawn flow has a date, so there is no year to make a frame of", request.name));
    }
    // Years asked for that no drawable record has are said so on the map, not silently dropped. A
    // record of 1931–1932 is coloured by 1931 but is a record of 1932 too.
    if (compares_years && request.periods.empty()) {
        for (const int year : request.filter.years) {
            const bool present = std::any_of(drawn.begin(), drawn.end(), [&](const model::Flow& flow) {
                const auto first = model::flow_year(flow);
                const int last = flow.date_end ? flow.date_end->year : first.value_or(0);
                return first && *first <= year && year <= last;
            });
            if (!present) selection.missing_years.push_back(std::to_string(year));
        }
    }
    for (const auto& flow : drawn) selection.undated += model::period_of(flow, periods) ? 0 : 1;
    if (request.years_mode == config::YearsMode::overlay) {
        // Flows of one route sit side by side in time order.
        std::stable_sort(drawn.begin(), drawn.end(), [&](const model::Flow& a, const model::Flow& b) {
            return model::period_of(a, periods).value_or(periods.size()) <
                   model::period_of(b, periods).value_or(periods.size());
        });
    }
    selection.overlap_notes = overlap_notes(drawn, gazetteer, request.options.locale);
    selection.flows = std::move(drawn);
    return selection;
}

std::vector<model::Flow> flows_in_period(const FlowSelection& selection, std::size_t period) {
    std::vector<model::Flow> in_period;
    for (const auto& flow : selection.flows) {
        if (model::period_of(flow, selection.periods) == period) in_period.push_back(flow);
    }
    return in_period;
}

}  // namespace steppeflow::figure
