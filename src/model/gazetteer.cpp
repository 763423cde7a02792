#include "model/gazetteer.hpp"

#include <fmt/format.h>

#include "model/name_match.hpp"

namespace steppeflow::model {

namespace {
std::vector<std::string> names_of(const Place& place) {
    std::vector<std::string> names{place.id, place.name_en};
    if (!place.name_ru.empty()) names.push_back(place.name_ru);
    if (!place.name_kk.empty()) names.push_back(place.name_kk);
    for (const auto& other : place.other_names) names.push_back(other.second);
    names.insert(names.end(), place.variants.begin(), place.variants.end());
    return names;
}
}  // namespace

Gazetteer::Gazetteer(std::vector<Place> places) : places_(std::move(places)) {
    for (std::size_t i = 0; i < places_.size(); ++i) {
        const auto [it, inserted] = by_id_.emplace(places_[i].id, i);
        if (!inserted) {
            SourceLocation where = places_[i].where;
            where.field = "id";
            throw DataError(where, fmt::format("duplicate place id '{}'", places_[i].id),
                            fmt::format("first defined at {}", places_[it->second].where.to_string()));
        }
    }
}

const Place* Gazetteer::find(std::string_view id) const {
    const auto found = by_id_.find(id);
    return found == by_id_.end() ? nullptr : &places_[found->second];
}

std::vector<const Place*> Gazetteer::lookup(std::string_view name) const {
    const std::string wanted = fold_name(name);
    std::vector<const Place*> result;
    if (wanted.empty()) return result;
    for (const auto& place : places_) {
        for (const auto& candidate : names_of(place)) {
            if (fold_name(candidate) == wanted) {
                result.push_back(&place);
                break;
            }
        }
    }
    return result;
}

std::vector<std::string> Gazetteer::suggest(std::string_view unknown, std::size_t limit) const {
    std::vector<std::string> ids;
    ids.reserve(places_.size());
    for (const auto& place : places_) ids.push_back(place.id);
    return nearest_names(unknown, ids, limit);
}

}  // namespace steppeflow::model
