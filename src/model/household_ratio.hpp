#pragma once
// Converting households to people is an assumption, never a fact of the data: the ratio comes only
// from records whose source states both numbers, and whoever uses it must say so on the map.

#include <optional>
#include <string>
#include <vector>

#include "model/flow.hpp"

namespace steppeflow::model {

struct HouseholdRatio {
    double people_per_household = 0;
    std::vector<std::string> basis;  // ids of the records the ratio is computed from
    std::string source;              // their source(s)
    // e.g. "households × 4.42 people (ratio of the detained farms, F031+F032+F033; AP RK …)"
    [[nodiscard]] std::string describe() const;
};

// The ratio over documented records that give a household count and the people in them; the parts of
// a stated total are preferred to the (rounded) total itself. nullopt when the data states none.
std::optional<HouseholdRatio> derive_household_ratio(const std::vector<Flow>& flows);

// The flows with household counts converted to people (certainty becomes at best an estimate,
// and the note says how). Other units are left as they are.
std::vector<Flow> households_as_people(const std::vector<Flow>& flows, const HouseholdRatio& ratio);

}  // namespace steppeflow::model
