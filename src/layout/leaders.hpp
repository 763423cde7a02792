#pragma once
// Leader lines (issue 17, "Labels belong to their symbol"): a place's name set nearer another symbol
// than its own is joined to its own by a thin line, and a symbol moved off its true position (so as
// not to cover another) by more than its radius is joined to that position, marked by a small dot.

#include "layout/scene.hpp"

namespace steppeflow::layout {

// How much farther out than the near positions a place's name may stand, with its leader, when the
// near ones are taken; and the gap beyond which any name is joined to its symbol by one.
inline constexpr double kLeaderRingMm = 5.0;
inline constexpr double kLeaderBeyondMm = 3.5;

// The leader from a label's box to the rim of its symbol: from the box's nearest point (a little
// outside it) to the rim point facing it. Empty when the box touches the symbol.
[[nodiscard]] PagePath leader_to_symbol(const Box& box, const PlaceSymbol& symbol);

// Gives every place label of `scene` that is nearer another symbol than its own, or farther than
// kLeaderBeyondMm from it, a leader.
void add_label_leaders(Scene& scene);

// True when a symbol's drawn position leaves its true one outside it: it needs its leader.
[[nodiscard]] bool needs_position_leader(const PlaceSymbol& symbol);

}  // namespace steppeflow::layout
