#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/place.hpp"

namespace steppeflow::model {

class Gazetteer {
public:
    Gazetteer() = default;
    // Throws DataError on a duplicate id, naming both records.
    explicit Gazetteer(std::vector<Place> places);

    [[nodiscard]] const std::vector<Place>& places() const { return places_; }
    [[nodiscard]] const Place* find(std::string_view id) const;

    // Every place whose id, name in any language or spelling variant folds to the same text as `name`.
    [[nodiscard]] std::vector<const Place*> lookup(std::string_view name) const;

    // The nearest ids and names to an unknown reference, for "did you mean" messages.
    [[nodiscard]] std::vector<std::string> suggest(std::string_view unknown, std::size_t limit = 3) const;

private:
    std::vector<Place> places_;
    std::map<std::string, std::size_t, std::less<>> by_id_;
};

}  // namespace steppeflow::model
