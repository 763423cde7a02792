#pragma once
// Basemap geometry in WGS84 longitude/latitude, independent of the file it came from, as a list of
// layers drawn in order (a layer is data: what it holds, what it is, where it came from).

#include <optional>
#include <string>
#include <vector>

#include "model/partial_date.hpp"
#include "model/place.hpp"

namespace steppeflow::model {

using LonLatPath = std::vector<LonLat>;

struct LonLatPolygon {
    std::vector<LonLatPath> rings;  // first ring outer, the rest holes
};

// A text in each language of the map; English where no other is given.
struct LocalText {
    std::string en;
    std::string ru;
    std::string kk;
    [[nodiscard]] const std::string& in(const Language& language) const;
    [[nodiscard]] bool empty() const { return en.empty(); }
    friend bool operator==(const LocalText&, const LocalText&) = default;
};

struct Feature {
    std::vector<LonLatPolygon> polygons;
    std::vector<LonLatPath> lines;
    std::vector<LonLat> points;  // label layers only: a town whose name is set beside its dot
    int number = 0;              // 1-based, in its file, for messages
    LocalText name;              // English (matched against place names), Russian, Kazakh
    LocalText short_name;        // for a small map (a locator): "MPR" for the Mongolian People's Republic
    double rank = 0;             // Natural Earth scalerank: 0 = most important
    // The days the feature holds (a border of a period, a unit's name): from `valid_from` (the first
    // day) until `valid_to` (the first day it no longer holds); open where absent.
    std::optional<PartialDate> valid_from;
    std::optional<PartialDate> valid_to;

    // Whether the feature holds on `day`; with no day (an undated figure), whether it still holds.
    [[nodiscard]] bool holds_on(const std::optional<PartialDate>& day) const;
    [[nodiscard]] bool dated() const { return valid_from.has_value() || valid_to.has_value(); }
};

// What a layer is on the map. Its drawing (fill, line, width, dashes) comes from the style's rule
// of the same name unless the layer names another rule.
//   land, water: filled areas; river: lines by rank; border: lines;
//   area: polygons named by place (countries, provinces) that flows can end in, tinted only then;
//   label: named lines and areas whose names are set on the map (rivers, lakes, ranges), in italics;
//   graticule: no features, only where the graticule is drawn among the layers;
//   relief: a digital elevation model (a raster), drawn as shaded relief.
enum class LayerRole { land, water, river, border, area, label, graticule, relief };
[[nodiscard]] std::string_view to_string(LayerRole role);
[[nodiscard]] std::optional<LayerRole> layer_role_from(std::string_view text);
[[nodiscard]] std::vector<std::string_view> layer_role_names();

struct MapLayer {
    std::string name;
    LayerRole role = LayerRole::land;
    std::string rule;  // the style's drawing rule; empty: the role's name (border_internal for a border of rank 1+)
    int rank = 0;      // borders: 0 international, 1 and more internal units of lower rank
    std::vector<Feature> features;
    LocalText attribution;  // who made the data and its licence, for the credits ("Natural Earth (public domain)")
    LocalText note;         // what the credits say of it beyond that ("modern borders"); may be empty
    // The years the layer shows (borders of a period): a figure of other years leaves it out.
    std::optional<int> first_year;
    std::optional<int> last_year;
    std::string source;         // the layer list (or directory) it was declared in, for messages
    std::string raster;         // relief: the elevation model's file
    SourceLocation rule_where;  // where the list names its rule, when it does

    [[nodiscard]] const std::string& rule_name() const;
    // Whether the layer shows any of the years first..last (always, when it has no years).
    [[nodiscard]] bool valid_in(int first, int last) const;
    // Whether any feature carries dates of its own.
    [[nodiscard]] bool has_dated_features() const;
};

// A box of longitude and latitude in degrees (west to east without crossing 180°).
struct LonLatBounds {
    double lon_min = 0;
    double lat_min = 0;
    double lon_max = 0;
    double lat_max = 0;
    [[nodiscard]] bool contains(const LonLatBounds& other) const;
    // The smallest box holding both (either may be empty: nullopt).
    [[nodiscard]] static std::optional<LonLatBounds> of_points(const std::vector<LonLat>& points);
    friend bool operator==(const LonLatBounds&, const LonLatBounds&) = default;
};

struct Basemap {
    std::vector<MapLayer> layers;  // in drawing order: the first beneath
    // Where its data holds: the list's `coverage`, else the box of its features; a map beyond it is
    // blank there.
    std::optional<LonLatBounds> coverage;

    // The features of every layer with this role, in layer order.
    [[nodiscard]] std::vector<const Feature*> features_of(LayerRole role) const;
};

}  // namespace steppeflow::model
