#pragma once
// Which flows a figure draws, decided once for the command line, the tests and the benchmarks:
// households converted when asked, the filter (places resolved against the gazetteer), what cannot
// be drawn (livestock, no destination, a whole country as origin with no crossing) left out with a
// warning, and the periods compared.

#include <optional>
#include <string>
#include <vector>

#include "figure/figure_request.hpp"
#include "model/flow.hpp"
#include "model/gazetteer.hpp"
#include "model/household_ratio.hpp"

namespace steppeflow::figure {

struct FlowSelection {
    std::vector<model::Flow> flows;      // to draw; for an overlay in time order within a route
    std::vector<model::Period> periods;  // compared (each year with flows when none was given)
    std::vector<std::string> missing_years;      // asked for, but no drawable record has them
    std::optional<model::HouseholdRatio> ratio;  // when households were converted to people
    std::size_t undated = 0;                     // drawn flows in no period
    // Drawn figures that may count the same people twice (model/possible_overlaps), worded for the
    // subtitle in the figure's language.
    std::vector<std::string> overlap_notes;
    std::vector<std::string> warnings;
};

// UsageError when nothing is left to draw (saying whether the filter or drawability emptied it), for
// an unknown place in the filter, or a sequence with no dated flow; DataError when households are to
// be converted and no record states both numbers.
[[nodiscard]] FlowSelection select_flows(const FigureRequest& request, const model::Gazetteer& gazetteer,
                                         const std::vector<model::Flow>& flows);

// The flows of one period (index into selection.periods).
[[nodiscard]] std::vector<model::Flow> flows_in_period(const FlowSelection& selection, std::size_t period);

}  // namespace steppeflow::figure
