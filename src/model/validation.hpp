#pragma once
// Checks across records that no single row can make: references resolve, ids are unique, dates are
// ordered, every record names its source, its figures appear in its quote, stated totals agree with
// their stated parts, and records of the same movement from different works are compared.

#include <string>
#include <vector>

#include "model/flow.hpp"
#include "model/gazetteer.hpp"

namespace steppeflow::model {

// A note reports what the sources themselves say differently (two works, two figures): nothing to fix.
enum class Severity { error, warning, note };

struct Finding {
    Severity severity = Severity::error;
    SourceLocation where;
    std::string message;
    std::string suggestion;
    [[nodiscard]] std::string to_string() const;
};

std::vector<Finding> validate_places(const Gazetteer& gazetteer);
std::vector<Finding> validate_flows(const Gazetteer& gazetteer, const std::vector<Flow>& flows);

}  // namespace steppeflow::model
