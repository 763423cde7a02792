#include "model/household_ratio.hpp"

#include <cmath>

#include <fmt/format.h>

namespace steppeflow::model {

std::string HouseholdRatio::describe() const {
    return fmt::format("households converted to people at {:.2f} per household (the ratio stated for {}; {})",
                       people_per_household, fmt::join(basis, "+"), source);
}

std::optional<HouseholdRatio> derive_household_ratio(const std::vector<Flow>& flows) {
    std::int64_t households = 0;
    std::int64_t people = 0;
    HouseholdRatio ratio;
    for (const auto& flow : flows) {
        if (flow.unit != Unit::households || !flow.count || !flow.people_stated || *flow.count == 0) continue;
        if (flow.certainty != Certainty::documented) continue;  // "about 650 farms with about 3,000 people" is rounded
        households += *flow.count;
        people += *flow.people_stated;
        ratio.basis.push_back(flow.id);
        if (ratio.source.find(flow.source) == std::string::npos) {
            ratio.source += (ratio.source.empty() ? "" : "; ") + flow.source;
        }
    }
    if (households == 0) return std::nullopt;
    ratio.people_per_household = static_cast<double>(people) / static_cast<double>(households);
    return ratio;
}

std::vector<Flow> households_as_people(const std::vector<Flow>& flows, const HouseholdRatio& ratio) {
    std::vector<Flow> converted = flows;
    for (auto& flow : converted) {
        if (flow.unit != Unit::households) continue;
        flow.unit = Unit::people;
        if (flow.count) {
            flow.note = fmt::format("{} households × {:.2f} (assumed ratio). {}", *flow.count,
                                    ratio.people_per_household, flow.note);
            flow.count =
                static_cast<std::int64_t>(std::llround(static_cast<double>(*flow.count) * ratio.people_per_household));
            if (flow.certainty == Certainty::documented) flow.certainty = Certainty::estimate;
        }
    }
    return converted;
}

}  // namespace steppeflow::model
