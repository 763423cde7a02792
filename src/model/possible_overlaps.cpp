#include "model/possible_overlaps.hpp"

#include "model/partial_date.hpp"

namespace steppeflow::model {

namespace {

// Whether `inner` lies within `outer` by the gazetteer's parents (a bounded walk: a cycle in the
// data cannot hang it).
bool within(const Gazetteer& gazetteer, const std::string& inner, const std::string& outer) {
    const Place* place = gazetteer.find(inner);
    for (int step = 0; place != nullptr && step < 16; ++step) {
        if (place->parent.empty()) return false;
        if (place->parent == outer) return true;
        place = gazetteer.find(place->parent);
    }
    return false;
}

bool dates_overlap(const Flow& a, const Flow& b) {
    if (!a.date_start || !b.date_start || !a.date_end || !b.date_end) return false;
    return !ends_before(*a.date_end, *b.date_start) && !ends_before(*b.date_end, *a.date_start);
}

}  // namespace

std::vector<PossibleOverlap> possible_overlaps(const std::vector<Flow>& flows, const Gazetteer& gazetteer) {
    std::vector<PossibleOverlap> found;
    for (const auto& wide : flows) {
        if (!wide.count || !wide.unit || has_branches(wide)) continue;
        PossibleOverlap overlap{wide.id, {}};
        for (const auto& part : flows) {
            if (&part == &wide || !part.count || has_branches(part) || part.part_of == wide.id) continue;
            if (part.unit != wide.unit || part.status != wide.status || part.destination != wide.destination) continue;
            if (*part.count > *wide.count || !dates_overlap(wide, part)) continue;
            if (within(gazetteer, part.origin, wide.origin)) overlap.included.push_back(part.id);
        }
        if (!overlap.included.empty()) found.push_back(std::move(overlap));
    }
    return found;
}

}  // namespace steppeflow::model
