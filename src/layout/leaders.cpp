#include "layout/leaders.hpp"

#include <algorithm>
#include <map>

#include "layout/geometry.hpp"
#include "layout/label_layout.hpp"
#include "layout/spatial_grid.hpp"

namespace steppeflow::layout {

namespace {

constexpr double kOffBoxMm = 0.3;  // the leader stops short of the text, clear of its halo

Point nearest_on_box(const Box& box, Point p) {
    return {std::clamp(p.x, box.x, box.x + box.width), std::clamp(p.y, box.y, box.y + box.height)};
}

}  // namespace

PagePath leader_to_symbol(const Box& box, const PlaceSymbol& symbol) {
    const Point on_box = nearest_on_box(box, symbol.centre);
    const double apart = distance(on_box, symbol.centre);
    if (apart <= symbol.radius_mm + kOffBoxMm + 0.2) return {};
    const Point toward_box = unit(on_box - symbol.centre);
    return {on_box - toward_box * kOffBoxMm, symbol.centre + toward_box * symbol.radius_mm};
}

void add_label_leaders(Scene& scene) {
    if (scene.places.empty()) return;
    std::map<std::string, std::size_t, std::less<>> place_of;
    double widest = 0;
    Box bounds{0, 0, std::max(scene.page_width_mm, 1.0), std::max(scene.page_height_mm, 1.0)};
    SpatialGrid grid(bounds, 5);
    for (std::size_t i = 0; i < scene.places.size(); ++i) {
        const auto& p = scene.places[i];
        place_of.emplace(p.place_id, i);
        widest = std::max(widest, p.radius_mm);
        grid.insert(i, {p.centre.x - p.radius_mm, p.centre.y - p.radius_mm, 2 * p.radius_mm, 2 * p.radius_mm});
    }
    for (auto& label : scene.labels) {
        if (label.kind != Label::Kind::place || label.place_id.empty()) continue;
        const auto own = place_of.find(label.place_id);
        if (own == place_of.end()) continue;
        const PlaceSymbol& symbol = scene.places[own->second];
        const bool far = distance_to_box(symbol.centre, label.box) - symbol.radius_mm > kLeaderBeyondMm;
        if (far || nearer_another_symbol(label.box, symbol, scene.places, grid, widest))
            label.leader = leader_to_symbol(label.box, symbol);
    }
}

bool needs_position_leader(const PlaceSymbol& symbol) {
    return symbol.true_centre && distance(*symbol.true_centre, symbol.centre) > symbol.radius_mm + 0.2;
}

}  // namespace steppeflow::layout
