#pragma once
// Records that may count the same people twice: a figure for an area and, on the same dates, figures
// for places within it, where the source does not say whether the larger includes the smaller (F015,
// 700 people from the Semipalatinsk okrug, and F016/F017, 250 and 400 from its Kokpekty district,
// all on 6 August 1930). A map drawing both must say so; it must not add or subtract them.

#include <string>
#include <vector>

#include "model/flow.hpp"
#include "model/gazetteer.hpp"

namespace steppeflow::model {

struct PossibleOverlap {
    std::string including;              // the figure for the wider area
    std::vector<std::string> included;  // the figures for places within it, in the order given
};

// Among `flows`: for each flow with a count, the others with a count in the same unit and outcome,
// of overlapping dates, to the same destination, from a place within its origin (by the gazetteer's
// parents), no larger, and not declared part of it (part_of says so when the source does).
[[nodiscard]] std::vector<PossibleOverlap> possible_overlaps(const std::vector<Flow>& flows,
                                                             const Gazetteer& gazetteer);

}  // namespace steppeflow::model
