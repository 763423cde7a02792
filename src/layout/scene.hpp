#pragma once
// Everything that will be drawn, laid out in page coordinates: millimetres from the top-left
// corner of the page, y downwards. Rendering only paints a Scene; tests and reports read it.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config/style.hpp"
#include "layout/map_frame.hpp"
#include "layout/page_geometry.hpp"
#include "layout/relief_image.hpp"
#include "model/flow.hpp"
#include "model/geometry.hpp"
#include "model/place.hpp"

namespace steppeflow::layout {

struct BasemapLayer {
    std::vector<std::vector<PagePath>> polygons;  // each polygon: rings
    std::vector<PagePath> lines;
    std::vector<double> line_ranks;  // one per line
};

// A basemap layer on the page with the rule it is drawn by (the style's, resolved when laid out).
// A graticule layer holds nothing: it marks where among the layers the graticule is drawn; an area
// layer holds only the areas flows end in.
struct SceneLayer {
    std::string name;
    model::LayerRole role = model::LayerRole::land;
    config::LayerRule rule;
    BasemapLayer geometry;
    std::string rule_name;                      // which of the style's rules it is drawn by
    std::shared_ptr<const ReliefImage> relief;  // relief layers
};

struct PlaceSymbol {
    std::string place_id;
    model::PlaceKind kind = model::PlaceKind::district;
    Point centre;
    double radius_mm = 1;
    double displaced_mm = 0;             // moved off its true position so it does not cover another symbol
    std::optional<Point> true_centre{};  // that true position, when it was moved
    // A place the sources locate only roughly (see located_roughly): the dashed ring drawn round it,
    // the stated precision at the map's scale (at least just outside the symbol, at most 12 mm).
    double uncertainty_mm = 0;
    double precision_km = 0;  // as the gazetteer states it; 0 when it does not
};

// What a flow's end is measured against: a place symbol (tip a set gap before it), the inside of a
// destination area, the near side of its border (a stopped movement), the map frame, or the junction
// where one figure stated for several places divides into its branches (or its branches join).
enum class TargetKind { symbol, area, border, frame, junction };

// One figure stated for several origins or destinations is drawn as a trunk of its width and thin
// branches to (or from) each named place: the source gives no share, so none is drawn.
// A flow too short for its width to read as an arrow is drawn as a disc of its width at its origin
// (a FlowHub marked short_flow) and a thin line from the disc with its end mark: from_disc.
enum class FlowPart { whole, trunk, branch, from_disc };

// What became of a movement, told by the mark at its end, one per outcome, each keyed in the legend:
// it arrived (filled head: crossed, returned, did not return), it was tried with the outcome not
// stated (open chevron), it was stopped (bar), it was only planned (ring), its people died (cross).
enum class EndMark { arrowhead, chevron, bar, ring, cross };
[[nodiscard]] EndMark end_mark_for(model::Status status);
[[nodiscard]] std::string_view to_string(EndMark mark);
[[nodiscard]] std::string_view to_string(FlowPart part);

struct FlowShape {
    std::string flow_id;
    PagePath centre_line;  // from the origin symbol's edge to the arrowhead's tip (or the bar)
    TargetKind target = TargetKind::symbol;
    std::string target_id;                // the place the flow ends at or in
    std::vector<std::string> own_places;  // origin, outpost, destination: the symbols it may touch
    double width_mm = 0.3;
    double arrow_length_mm = 0;
    double arrow_width_mm = 0;
    std::optional<model::Unit> unit;  // empty for a movement of unknown size and unit
    model::Status status = model::Status::crossed;
    model::Certainty certainty = model::Certainty::documented;
    int period = config::kNoPeriod;  // index into the scene's periods when the map is coloured by period
    FlowPart part = FlowPart::whole;
    std::string origin_area;   // the area the flow starts from, when its origin is one (tinted on the map)
    double high_width_mm = 0;  // a stated range: the width of its high end, drawn as an outline around the low
    // The last stretch before the end, drawn broken: where the movement crossed (or was stopped at)
    // the border the sources do not say, so the drawn crossing point is schematic.
    double schematic_end_mm = 0;
    bool crossing_stated = false;  // the source names where it crossed (an outpost, a border section)
};

// One figure for several destinations in different directions: a disc as wide as the flow would be
// (its cross-section), from whose rim a thin branch runs to each destination.
struct FlowHub {
    std::string flow_id;
    Point centre;
    double radius_mm = 1;
    std::optional<model::Unit> unit;
    model::Status status = model::Status::crossed;
    model::Certainty certainty = model::Certainty::documented;
    int period = config::kNoPeriod;
    std::string origin_area;    // the area it stands in, when its origin is one
    double high_radius_mm = 0;  // a stated range: the radius of its high end
    bool short_flow = false;    // not several places: one flow too short to draw as an arrow
};

// The radius of a basemap town's dot, in mm.
inline constexpr double kTownDotMm = 0.45;

struct Label {
    // area: a destination region's name; frame: a destination beyond the frame; graticule: degrees;
    // feature: the name of a river, lake or range from a label layer, in italics
    enum class Kind { place, area, frame, graticule, feature } kind = Kind::place;
    std::string text;
    std::string place_id;
    Box box;  // the text's ink box on the page
    double font_size_pt = 7;
    std::string layer;         // feature labels: the label layer, whose rule gives the text's colour
    std::optional<Point> dot;  // a basemap town's dot, drawn with its name
    PagePath leader{};         // a place name set nearer another symbol: the line to its own (leaders.hpp)
};

struct TextBlock {
    std::string text;
    Point origin;  // top-left of the block
    double font_size_pt = 10;
    bool bold = false;
    double wrap_width_mm = 0;  // 0: one line
};

// One row of the legend: a sample drawn exactly as the map draws it, and its text.
struct LegendRow {
    enum class Sample { none, flow, symbol, hub } sample = Sample::none;
    FlowShape flow;      // for Sample::flow (and the branch leaving a Sample::hub): a short straight flow
    PlaceSymbol symbol;  // for Sample::symbol
    FlowHub hub;         // for Sample::hub
    std::string text;
    Point text_origin;
    double font_size_pt = 7;
    bool heading = false;
    bool keys_outcome = false;  // a flow sample that explains an end mark (crossed, detained, planned…)
    // A width key's sample: the unit of its scale and the count it is drawn for.
    std::optional<std::optional<model::Unit>> key_unit;
    double key_count = 0;
    double wrap_width_mm = 0;  // a text too long for the legend's column wraps at this width; 0: one line
};

struct Legend {
    Box box;  // the legend's area on the page; empty when there is no legend
    std::vector<LegendRow> rows;
    Point reserved_origin;  // where the strip leaves room for the scale bar
    bool framed = false;    // drawn on a background box (inside the map)
};

// A scale bar true at the map centre: its length on the page comes from a geodesic distance.
struct ScaleBar {
    Point origin;                  // left end of the bar's baseline
    double length_mm = 0;          // of the whole bar
    std::vector<double> ticks_mm;  // from the left end, first 0
    std::vector<std::string> tick_labels;
    std::vector<Point> tick_label_origins;  // top-left of each label, centred over its tick
    std::string caption;                    // e.g. "km (true at 47°N)"
    Point caption_origin;                   // top-left, right of the bar
    double font_size_pt = 7;
    double kilometres = 0;  // the distance the whole bar stands for
};

struct GraticuleLine {
    PagePath path;
    bool meridian = false;
    double degrees = 0;
};

struct NorthArrow {
    Point base;
    Point tip;  // towards true north at the map centre
    double font_size_pt = 7;
    std::string letter = "N";
    Point letter_origin;  // top-left of the letter, centred over the tip
};

// A small locator map: the wider region and the main map's extent outlined in it.
struct Inset {
    Box box;
    std::vector<SceneLayer> layers;  // the basemap's land, water and borders, in its order
    PagePath extent;
    std::vector<Label> names;  // the states and units around, where they fit
};

// Where a map lies on the earth: its projection (as PROJ reads it) and the transform between
// projected metres and page millimetres, so that any writer can turn what it writes back into
// projected metres (transform.to_projected) and lon/lat (geo::Projection(projection).inverse).
struct Georeference {
    std::string projection;
    MapTransform transform;
};

struct Panel;

// The records a map draws, as read: each flow, and the gazetteer entry of each place symbol. Writers
// that carry data as well as drawing (GIS export) take their attributes from here.
struct SceneRecords {
    std::vector<model::Flow> flows;
    std::vector<model::Place> places;
};

// On an overview, where its detail panel lies: the detail's extent outlined, with the detail's letter.
struct DetailKey {
    PagePath outline;  // closed
    std::string letter;
    Point letter_at;  // top-left of the letter
    double font_size_pt = 8;
};

// A page: one map, or (small multiples) panels of maps sharing the page's title, legend and credits.
struct Scene {
    config::Style style;
    double page_width_mm = 174;
    double page_height_mm = 130;
    Box map_frame;
    std::vector<SceneLayer> layers;  // the basemap, in drawing order (the first beneath)
    std::vector<GraticuleLine> graticule;
    std::vector<FlowShape> flows;  // in drawing order: larger beneath smaller
    std::vector<FlowHub> hubs;     // drawn beneath the flows: their branches leave from the rim
    std::vector<PlaceSymbol> places;
    std::vector<Label> labels;
    std::vector<std::string> unplaced_labels;  // texts that found no free position
    std::vector<std::string> names_left_out;   // basemap names with no room (see LabelResult)
    std::vector<TextBlock> texts;              // title, subtitle, credits
    Legend legend;
    std::optional<ScaleBar> scale_bar;
    std::optional<NorthArrow> north_arrow;
    std::optional<Inset> inset;
    std::optional<DetailKey> detail_key;
    std::vector<std::string> periods;             // legend order of the periods when coloured by period
    std::vector<Panel> panels;                    // small multiples, each drawn at its offset on this page
    std::optional<Georeference> georeference;     // of the map; a page of panels has it in each panel
    std::shared_ptr<const SceneRecords> records;  // of the map; a page of panels has them in each panel
    // What a document format records of the figure (PDF's Title and Author): set by the figure stage.
    std::string document_title;
    std::string document_author;

    // The layer of that name; nullptr when the scene has none.
    [[nodiscard]] const SceneLayer* layer(std::string_view name) const;
};

struct Panel {
    Point offset;  // of the panel's top-left corner on the page
    std::string title;
    Scene scene;  // in the panel's own coordinates (its page is the panel)
};

}  // namespace steppeflow::layout
