#pragma once
// The layout report (`render --report FILE.json`): what was drawn where, in page millimetres from
// the top-left corner, with the quality counts; for tests and for anyone checking or reusing a layout.

#include <string>

#include "layout/scene.hpp"

namespace steppeflow::layout {

// Pretty-printed JSON; the same scene always gives the same text.
std::string layout_report_json(const Scene& scene, double min_clearance_mm);

}  // namespace steppeflow::layout
