// The drawn flows as lines and the places as points, in WGS84 longitude/latitude, with every
// attribute of their records: a GIS (QGIS) opens the figure's data as the map draws it. The curves
// are the centre lines as drawn, densified before they are turned back into lon/lat, since a
// straight stretch on the page is a curve on the earth.

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "common/error.hpp"
#include "geo/projection.hpp"
#include "io/vector_export.hpp"
#include "render/writer_kinds.hpp"

namespace steppeflow::render {

namespace {

using io::FieldValue;
using io::VectorField;
using io::VectorLayer;
using Type = VectorField::Type;

// The attributes of each kind of feature, in the order a GIS lists them.
const std::vector<VectorField>& flow_fields() {
    static const std::vector<VectorField> fields{{"id", Type::text},
                                                 {"part", Type::text},
                                                 {"origin", Type::text},
                                                 {"via", Type::text},
                                                 {"destination", Type::text},
                                                 {"date_start", Type::text},
                                                 {"date_end", Type::text},
                                                 {"count", Type::integer},
                                                 {"count_high", Type::integer},
                                                 {"unit", Type::text},
                                                 {"status", Type::text},
                                                 {"certainty", Type::text},
                                                 {"basis", Type::text},
                                                 {"scope", Type::text},
                                                 {"part_of", Type::text},
                                                 {"livestock_head", Type::integer},
                                                 {"people_stated", Type::integer},
                                                 {"source", Type::text},
                                                 {"quote", Type::text},
                                                 {"note", Type::text},
                                                 {"end_mark", Type::text},
                                                 {"width_mm", Type::real},
                                                 {"disc_mm", Type::real},
                                                 {"schematic_crossing", Type::integer},
                                                 {"period", Type::text},
                                                 {"panel", Type::text}};
    return fields;
}

const std::vector<VectorField>& place_fields() {
    static const std::vector<VectorField> fields{
        {"id", Type::text},           {"name", Type::text},         {"kind", Type::text},
        {"precision_km", Type::real}, {"coord_source", Type::text}, {"placed_at", Type::text},
        {"existed", Type::text},      {"parent", Type::text},       {"source", Type::text},
        {"note", Type::text},         {"displaced_mm", Type::real}, {"panel", Type::text}};
    return fields;
}

using Attributes = std::map<std::string, FieldValue>;

struct Feature {
    Attributes attributes;
    std::vector<model::LonLat> points;
};

FieldValue text_or_null(const std::string& text) { return text.empty() ? FieldValue{} : FieldValue{text}; }

FieldValue count_or_null(const std::optional<std::int64_t>& count) { return count ? FieldValue{*count} : FieldValue{}; }

FieldValue date_or_null(const std::optional<model::PartialDate>& date) {
    return date ? FieldValue{date->to_string()} : FieldValue{};
}

std::string joined(const std::vector<std::string>& ids) { return fmt::format("{}", fmt::join(ids, ";")); }

// Page millimetres to lon/lat through the map's georeference, a vertex at least every half
// millimetre; points the projection cannot invert are left out.
std::vector<model::LonLat> to_lonlat(const layout::PagePath& path, const layout::Georeference& georeference,
                                     const geo::Projection& projection) {
    constexpr double kStepMm = 0.5;
    std::vector<model::LonLat> out;
    const auto add = [&](layout::Point p) {
        if (const auto lonlat = projection.inverse(georeference.transform.to_projected(p))) out.push_back(*lonlat);
    };
    for (std::size_t i = 0; i < path.size(); ++i) {
        if (i > 0) {
            const layout::Point a = path[i - 1];
            const layout::Point b = path[i];
            const int steps = static_cast<int>(std::ceil(std::hypot(b.x - a.x, b.y - a.y) / kStepMm));
            for (int k = 1; k < steps; ++k) {
                const double t = static_cast<double>(k) / steps;
                add({a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t});
            }
        }
        add(path[i]);
    }
    return out;
}

// The features of one map (a figure's, or one panel's).
void collect(const layout::Scene& scene, const std::string& panel, std::vector<Feature>& flows,
             std::vector<Feature>& places) {
    if (!scene.georeference || !scene.records) return;
    const geo::Projection projection(scene.georeference->projection);
    std::map<std::string_view, const model::Flow*> records;
    for (const auto& flow : scene.records->flows) records.emplace(flow.id, &flow);
    // A flow drawn as a disc (too short for an arrow, or one figure for several destinations): the
    // disc's diameter, since the line beside it is only as wide as a thin line.
    std::map<std::string_view, double> discs;
    for (const auto& hub : scene.hubs) discs.emplace(hub.flow_id, 2 * hub.radius_mm);
    for (const auto& shape : scene.flows) {
        Feature feature;
        feature.points = to_lonlat(shape.centre_line, *scene.georeference, projection);
        if (feature.points.size() < 2) continue;
        Attributes& a = feature.attributes;
        a["id"] = shape.flow_id;
        a["part"] = std::string(layout::to_string(shape.part));
        a["end_mark"] = std::string(layout::to_string(layout::end_mark_for(shape.status)));
        a["width_mm"] = std::round(shape.width_mm * 1000) / 1000;
        if (const auto disc = discs.find(shape.flow_id); disc != discs.end())
            a["disc_mm"] = std::round(disc->second * 1000) / 1000;
        a["schematic_crossing"] = std::int64_t{shape.schematic_end_mm > 0 ? 1 : 0};
        if (shape.period >= 0 && static_cast<std::size_t>(shape.period) < scene.periods.size())
            a["period"] = scene.periods[static_cast<std::size_t>(shape.period)];
        a["panel"] = text_or_null(panel);
        if (const auto found = records.find(shape.flow_id); found != records.end()) {
            const model::Flow& flow = *found->second;
            a["origin"] = joined(model::all_origins(flow));
            a["via"] = text_or_null(flow.via);
            a["destination"] = text_or_null(joined(model::all_destinations(flow)));
            a["date_start"] = date_or_null(flow.date_start);
            a["date_end"] = date_or_null(flow.date_end);
            a["count"] = count_or_null(flow.count);
            a["count_high"] = count_or_null(flow.count_high);
            a["unit"] = flow.unit ? FieldValue{std::string(model::to_string(*flow.unit))} : FieldValue{};
            a["status"] = std::string(model::to_string(flow.status));
            a["certainty"] = std::string(model::to_string(flow.certainty));
            a["basis"] = std::string(model::to_string(flow.basis));
            a["scope"] = std::string(model::to_string(flow.scope));
            a["part_of"] = text_or_null(flow.part_of);
            a["livestock_head"] = count_or_null(flow.livestock_head);
            a["people_stated"] = count_or_null(flow.people_stated);
            a["source"] = text_or_null(flow.source);
            a["quote"] = text_or_null(flow.quote);
            a["note"] = text_or_null(flow.note);
        }
        flows.push_back(std::move(feature));
    }
    std::map<std::string_view, const model::Place*> gazetteer;
    for (const auto& place : scene.records->places) gazetteer.emplace(place.id, &place);
    std::map<std::string_view, std::string_view> names;  // as the map labels them, in its language
    for (const auto& label : scene.labels) {
        if (label.kind == layout::Label::Kind::place) names.emplace(label.place_id, label.text);
    }
    for (const auto& symbol : scene.places) {
        const auto found = gazetteer.find(symbol.place_id);
        if (found == gazetteer.end()) continue;
        const model::Place& place = *found->second;
        Feature feature;
        feature.points = {place.position};  // where it is, not where the symbol was moved to
        Attributes& a = feature.attributes;
        a["id"] = place.id;
        const auto name = names.find(place.id);
        a["name"] = name != names.end() ? std::string(name->second) : place.name_en;
        a["kind"] = std::string(model::to_string(place.kind));
        a["precision_km"] = place.precision_km ? FieldValue{*place.precision_km} : FieldValue{};
        a["coord_source"] = text_or_null(place.coord_source);
        a["placed_at"] = text_or_null(place.placed_at);
        a["existed"] = text_or_null(place.period);
        a["parent"] = text_or_null(place.parent);
        a["source"] = text_or_null(place.source);
        a["note"] = text_or_null(place.note);
        a["displaced_mm"] = std::round(symbol.displaced_mm * 1000) / 1000;
        a["panel"] = text_or_null(panel);
        places.push_back(std::move(feature));
    }
}

VectorLayer layer_of(std::string name, VectorLayer::Geometry geometry, std::vector<VectorField> fields,
                     const std::vector<std::pair<const std::vector<Feature>*, std::string>>& parts) {
    VectorLayer layer{std::move(name), geometry, std::move(fields), {}};
    for (const auto& [features, kind] : parts) {
        for (const auto& feature : *features) {
            io::VectorFeature out;
            out.points = feature.points;
            for (const auto& field : layer.fields) {
                if (field.name == "layer") {
                    out.values.emplace_back(kind);
                    continue;
                }
                const auto value = feature.attributes.find(field.name);
                out.values.push_back(value == feature.attributes.end() ? FieldValue{} : value->second);
            }
            layer.features.push_back(std::move(out));
        }
    }
    return layer;
}

// Every map of the page: the figure's own, or each panel's (small multiples, a detail), named.
void collect_page(const layout::Scene& scene, std::vector<Feature>& flows, std::vector<Feature>& places) {
    collect(scene, "", flows, places);
    for (const auto& panel : scene.panels) collect(panel.scene, panel.title, flows, places);
}

void write_bytes(const std::string& bytes, const std::filesystem::path& path, std::FILE* out) {
    if (std::fwrite(bytes.data(), 1, bytes.size(), out) != bytes.size())
        throw IoError(fmt::format("{}: could not be written", path.string()));
}

}  // namespace

void GeoJsonWriter::write(const layout::Scene& scene, const std::filesystem::path& path, std::FILE* out,
                          const WriteOptions& /*options*/) const {
    std::vector<Feature> flows;
    std::vector<Feature> places;
    collect_page(scene, flows, places);
    // One layer (GeoJSON has no more): flows and places, told apart by `layer`.
    std::vector<VectorField> fields{{"layer", Type::text}};
    for (const auto& list : {&flow_fields(), &place_fields()}) {
        for (const auto& field : *list) {
            if (std::none_of(fields.begin(), fields.end(), [&](const VectorField& f) { return f.name == field.name; }))
                fields.push_back(field);
        }
    }
    const auto layer =
        layer_of(path.stem().string(), VectorLayer::Geometry::any, fields, {{&flows, "flow"}, {&places, "place"}});
    write_bytes(io::vector_file_bytes({layer}, "GeoJSON", path.string()), path, out);
}

void GeoPackageWriter::write(const layout::Scene& scene, const std::filesystem::path& path, std::FILE* out,
                             const WriteOptions& /*options*/) const {
    std::vector<Feature> flows;
    std::vector<Feature> places;
    collect_page(scene, flows, places);
    const std::vector<VectorLayer> layers{
        layer_of("flows", VectorLayer::Geometry::line, flow_fields(), {{&flows, "flow"}}),
        layer_of("places", VectorLayer::Geometry::point, place_fields(), {{&places, "place"}})};
    write_bytes(io::vector_file_bytes(layers, "GPKG", path.string()), path, out);
}

}  // namespace steppeflow::render
