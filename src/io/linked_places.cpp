#include "io/linked_places.hpp"

#include <charconv>
#include <cmath>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "common/error.hpp"
#include "io/field_parsers.hpp"
#include "io/table.hpp"

namespace steppeflow::io {

namespace {

using nlohmann::ordered_json;

constexpr const char* kContext =
    "https://raw.githubusercontent.com/LinkedPasts/linked-places/master/linkedplaces-context-v1.1.jsonld";

// LPF's three words for how sure a geometry is, from the radius the gazetteer states.
std::string certainty_of(const model::Place& place) {
    if (!place.precision_km) return {};
    if (*place.precision_km <= 5) return "certain";
    if (*place.precision_km <= 50) return "less-certain";
    return "uncertain";
}

// A period as the gazetteer writes it, "1928-1930;1939-1963", "1932-" (from then on) or "1916", as
// LPF time spans: each part's first and last year ("" when open). Parts that are no years are left out.
std::vector<std::pair<std::string, std::string>> spans_of(const std::string& period) {
    const auto year = [](std::string_view text) {
        int value = 0;
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
        return error == std::errc{} && end == text.data() + text.size() && text.size() == 4 ? std::string(text)
                                                                                            : std::string{};
    };
    std::vector<std::pair<std::string, std::string>> spans;
    std::string_view rest = period;
    while (!rest.empty()) {
        const auto semicolon = rest.find(';');
        const std::string_view part = rest.substr(0, semicolon);
        rest = semicolon == std::string_view::npos ? std::string_view{} : rest.substr(semicolon + 1);
        const auto dash = part.find('-');
        const std::string first = year(part.substr(0, dash));
        if (first.empty()) continue;
        spans.emplace_back(first, dash == std::string_view::npos ? first : year(part.substr(dash + 1)));
    }
    return spans;
}

// The first year of the first span and the last of the last, for LP-TSV's one start and end.
std::pair<std::string, std::string> years_of(const std::string& period) {
    const auto spans = spans_of(period);
    if (spans.empty()) return {};
    return {spans.front().first, spans.back().second};
}

std::vector<std::string> matches_of(const model::Place& place) {
    std::vector<std::string> matches;
    if (!place.geonames_id.empty()) matches.push_back("gn:" + place.geonames_id);
    if (!place.wikidata_id.empty())
        matches.push_back("wd:" + (place.wikidata_id.starts_with('Q') ? "" : std::string("Q")) + place.wikidata_id);
    return matches;
}

// LP-TSV has one description column: what the point stands for, then the note.
std::string description_of(const model::Place& place) {
    std::string text = place.placed_at;
    if (!place.note.empty()) text += (text.empty() ? "" : ". ") + place.note;
    return text;
}

}  // namespace

std::string linked_places_json(const std::vector<model::Place>& places, const std::string& id_base) {
    ordered_json features = ordered_json::array();
    for (const auto& place : places) {
        ordered_json feature;
        feature["@id"] = id_base + place.id;
        feature["type"] = "Feature";
        feature["properties"] = {{"title", place.name_en}};
        if (const auto spans = spans_of(place.period); !spans.empty()) {
            ordered_json timespans = ordered_json::array();
            for (const auto& [start, end] : spans) {
                ordered_json span{{"start", {{"in", start}}}};
                if (!end.empty()) span["end"] = {{"in", end}};
                timespans.push_back(std::move(span));
            }
            feature["when"] = {{"timespans", std::move(timespans)}};
        }
        // The period as written, beside its spans (steppeflow's own member), so that it reads back whole.
        if (!place.period.empty()) feature["period"] = place.period;
        ordered_json names = ordered_json::array();
        const auto add_name = [&](const std::string& toponym, const std::string& lang, bool cited) {
            if (toponym.empty()) return;
            ordered_json name{{"toponym", toponym}};
            if (!lang.empty()) name["lang"] = lang;
            if (cited && !place.source.empty()) name["citations"] = ordered_json::array({{{"label", place.source}}});
            names.push_back(std::move(name));
        };
        add_name(place.name_en, "en", true);
        add_name(place.name_ru, "ru", false);
        add_name(place.name_kk, "kk", false);
        for (const auto& [code, name] : place.other_names) add_name(name, code, false);
        for (const auto& variant : place.variants) add_name(variant, "", false);
        feature["names"] = std::move(names);
        feature["types"] = ordered_json::array({{{"label", std::string(model::to_string(place.kind))}}});
        ordered_json geometry{{"type", "Point"}, {"coordinates", {place.position.lon, place.position.lat}}};
        if (const auto certainty = certainty_of(place); !certainty.empty()) geometry["certainty"] = certainty;
        // steppeflow's own members (JSON-LD readers pass over them): the stated radius and what the point
        // stands for, so that the file reads back as it was written.
        if (place.precision_km) geometry["precision_km"] = *place.precision_km;
        if (!place.placed_at.empty()) geometry["placed_at"] = place.placed_at;
        if (!place.coord_source.empty()) geometry["citations"] = ordered_json::array({{{"label", place.coord_source}}});
        feature["geometry"] = std::move(geometry);
        ordered_json links = ordered_json::array();
        for (const auto& match : matches_of(place)) links.push_back({{"type", "closeMatch"}, {"identifier", match}});
        if (!links.empty()) feature["links"] = std::move(links);
        if (!place.parent.empty()) {
            feature["relations"] = ordered_json::array(
                {{{"relationType", "gvp:broaderPartitive"}, {"relationTo", id_base + place.parent}}});
        }
        if (!place.note.empty()) feature["descriptions"] = ordered_json::array({{{"value", place.note}}});
        features.push_back(std::move(feature));
    }
    const ordered_json collection{{"type", "FeatureCollection"}, {"@context", kContext}, {"features", features}};
    // A name that is no UTF-8 (read from a file GDAL took as Latin-1, say) is written with U+FFFD, not
    // a failure.
    return collection.dump(1, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

std::string linked_places_tsv(const std::vector<model::Place>& places) {
    // A cell holds no tab or line break; lists are joined with ';' as LP-TSV asks.
    const auto cell = [](std::string text) {
        for (char& c : text)
            if (c == '\t' || c == '\n' || c == '\r') c = ' ';
        return text;
    };
    std::string out =
        "id\ttitle\ttitle_source\tstart\tend\tvariants\ttypes\tmatches\tlon\tlat\tgeo_source\tdescription\n";
    for (const auto& place : places) {
        std::vector<std::string> variants;
        if (!place.name_ru.empty()) variants.push_back(place.name_ru + "@ru");
        if (!place.name_kk.empty()) variants.push_back(place.name_kk + "@kk");
        for (const auto& [code, name] : place.other_names) variants.push_back(name + "@" + code);
        for (const auto& variant : place.variants) variants.push_back(variant);
        const auto [start, end] = years_of(place.period);
        out += fmt::format("{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n", cell(place.id), cell(place.name_en),
                           cell(place.source), start, end, cell(fmt::format("{}", fmt::join(variants, ";"))),
                           model::to_string(place.kind), fmt::join(matches_of(place), ";"), place.position.lon,
                           place.position.lat, cell(place.coord_source), cell(description_of(place)));
    }
    return out;
}

bool is_lp_tsv(const Table& table) {
    return table.column_index("title").has_value() && table.column_index("title_source").has_value() &&
           !table.column_index("name_en").has_value();
}

std::vector<model::Place> places_from_lp_tsv(const Table& table) {
    require_columns(table, {"id", "title", "lon", "lat"},
                    "an LP-TSV gazetteer needs id, title and lon/lat here (steppeflow draws points)");
    std::vector<model::Place> places;
    for (const auto& record : table.records) {
        const RecordView row(table, record);
        model::Place place;
        place.where = record.where;
        place.id = required_text(row, "id");
        place.name_en = required_text(row, "title");
        place.source = optional_text(row, "title_source");
        for (const auto& variant : split_list(optional_text(row, "variants"), ';')) {
            const auto at = variant.rfind('@');
            const std::string lang = at == std::string::npos ? std::string{} : variant.substr(at + 1);
            const std::string name = at == std::string::npos ? variant : variant.substr(0, at);
            if (lang == "ru" && place.name_ru.empty())
                place.name_ru = name;
            else if (lang == "kk" && place.name_kk.empty())
                place.name_kk = name;
            else if (!lang.empty() && lang != "en" && model::is_language_code(lang))
                place.other_names.emplace_back(lang, name);
            else
                place.variants.push_back(at == std::string::npos || !model::is_language_code(lang) ? variant : name);
        }
        const auto types = split_list(optional_text(row, "types"), ';');
        place.kind = types.empty() ? model::PlaceKind::place
                                   : model::place_kind_from(types.front()).value_or(model::PlaceKind::place);
        for (const auto& match : split_list(optional_text(row, "matches"), ';')) {
            if (match.starts_with("gn:")) place.geonames_id = match.substr(3);
            if (match.starts_with("wd:")) place.wikidata_id = match.substr(3);
        }
        const std::string start = optional_text(row, "start");
        const std::string end = optional_text(row, "end");
        place.period = start.empty() ? std::string{} : end.empty() || end == start ? start : start + "-" + end;
        place.position = {parse_number(row, "lon", -180, 180), parse_number(row, "lat", -90, 90)};
        place.coord_source = optional_text(row, "geo_source");
        place.note = optional_text(row, "description");
        places.push_back(std::move(place));
    }
    return places;
}

bool is_linked_places(const std::string& path, std::string_view text) {
    if (path.ends_with(".jsonld")) return true;
    return (path.ends_with(".json") || path.ends_with(".geojson")) &&
           text.substr(0, 4096).find("linkedplaces-context") != std::string_view::npos;
}

namespace {

// A member of a JSON object as the type LPF gives it, or an empty one when the value is absent, null or
// of another type: a file from elsewhere is read, never trusted to have the shape asked for.
ordered_json object_at(const ordered_json& parent, const char* key) {
    if (!parent.is_object()) return ordered_json::object();
    const auto found = parent.find(key);
    return found != parent.end() && found->is_object() ? *found : ordered_json::object();
}

ordered_json array_at(const ordered_json& parent, const char* key) {
    if (!parent.is_object()) return ordered_json::array();
    const auto found = parent.find(key);
    return found != parent.end() && found->is_array() ? *found : ordered_json::array();
}

std::string text_at(const ordered_json& parent, const char* key) {
    if (!parent.is_object()) return {};
    const auto found = parent.find(key);
    return found != parent.end() && found->is_string() ? found->get<std::string>() : std::string{};
}

// The record's own id from an IRI: its last part ("https://…/places/kulja", "whg:123").
std::string last_part(std::string iri) {
    while (!iri.empty() && (iri.back() == '/' || iri.back() == '#')) iri.pop_back();
    if (const auto cut = iri.find_last_of("/:#"); cut != std::string::npos) iri = iri.substr(cut + 1);
    return iri;
}

}  // namespace

std::vector<model::Place> places_from_linked_places(const std::string& text, const std::string& file) {
    SourceLocation at;
    at.file = file;
    const ordered_json document = ordered_json::parse(text, nullptr, false);
    if (document.is_discarded() || !document.is_object() || !document.contains("features") ||
        !document["features"].is_array()) {
        throw DataError(at, "not a Linked Places FeatureCollection",
                        "expected {\"type\": \"FeatureCollection\", \"features\": [...]} (LPF 1.2)");
    }
    std::vector<model::Place> places;
    int number = 0;
    for (const auto& feature : document["features"]) {
        ++number;
        SourceLocation where = at;
        where.feature = number;
        model::Place place;
        place.where = where;
        place.id = last_part(text_at(feature, "@id"));
        if (place.id.empty())
            throw DataError(where.with_field("@id"), "the feature has no @id", "give each place an @id");
        const std::string& id = place.id;
        place.name_en = text_at(object_at(feature, "properties"), "title");
        for (const auto& name : array_at(feature, "names")) {
            const std::string toponym = text_at(name, "toponym");
            const std::string lang = text_at(name, "lang");
            if (toponym.empty()) continue;
            if (lang == "en" && place.name_en.empty())
                place.name_en = toponym;
            else if (lang == "ru" && place.name_ru.empty())
                place.name_ru = toponym;
            else if (lang == "kk" && place.name_kk.empty())
                place.name_kk = toponym;
            else if (!lang.empty() && lang != "en" && model::is_language_code(lang))
                place.other_names.emplace_back(lang, toponym);
            else if (toponym != place.name_en)
                place.variants.push_back(toponym);
            if (place.source.empty()) {
                for (const auto& citation : array_at(name, "citations")) {
                    place.source = text_at(citation, "label");
                    if (!place.source.empty()) break;
                }
            }
        }
        if (place.name_en.empty())
            throw DataError(where.with_field("properties.title"), fmt::format("place '{}' has no title", id));
        const auto types = array_at(feature, "types");
        const std::string type = types.empty() ? std::string{} : text_at(types.front(), "label");
        place.kind = model::place_kind_from(type).value_or(model::PlaceKind::place);
        // A Point, or the first Point of a GeometryCollection (as the World Historical Gazetteer writes).
        ordered_json point = object_at(feature, "geometry");
        if (text_at(point, "type") == "GeometryCollection") {
            ordered_json first = ordered_json::object();
            for (const auto& member : array_at(point, "geometries")) {
                if (text_at(member, "type") == "Point") {
                    first = member;
                    break;
                }
            }
            point = std::move(first);
        }
        const ordered_json coordinates = array_at(point, "coordinates");
        if (text_at(point, "type") != "Point" || coordinates.size() < 2 || !coordinates[0].is_number() ||
            !coordinates[1].is_number()) {
            throw DataError(where.with_field("geometry"), fmt::format("place '{}' has no point geometry", id),
                            "a gazetteer needs each place's longitude and latitude");
        }
        place.position = {coordinates[0].get<double>(), coordinates[1].get<double>()};
        if (!std::isfinite(place.position.lon) || !std::isfinite(place.position.lat) ||
            std::abs(place.position.lon) > 180 || std::abs(place.position.lat) > 90) {
            throw DataError(where.with_field("geometry"),
                            fmt::format("point ({}, {}) is outside WGS84 longitude/latitude", place.position.lon,
                                        place.position.lat),
                            "LPF coordinates are longitude, latitude in degrees");
        }
        if (const auto radius = point.find("precision_km"); radius != point.end() && radius->is_number()) {
            const double km = radius->get<double>();
            if (!std::isfinite(km) || km < 0 || km > 5000) {
                throw DataError(where.with_field("geometry.precision_km"), fmt::format("{} is out of range", km),
                                "expected a radius from 0 to 5000 km");
            }
            place.precision_km = km;
        }
        place.placed_at = text_at(point, "placed_at");
        for (const auto& citation : array_at(point, "citations")) {
            place.coord_source = text_at(citation, "label");
            if (!place.coord_source.empty()) break;
        }
        for (const auto& link : array_at(feature, "links")) {
            const std::string identifier = text_at(link, "identifier");
            if (identifier.starts_with("gn:")) place.geonames_id = identifier.substr(3);
            if (identifier.starts_with("wd:")) place.wikidata_id = identifier.substr(3);
        }
        place.period = text_at(feature, "period");
        if (place.period.empty()) {
            std::vector<std::string> parts;
            for (const auto& span : array_at(object_at(feature, "when"), "timespans")) {
                const std::string start = text_at(object_at(span, "start"), "in");
                const std::string end = text_at(object_at(span, "end"), "in");
                if (!start.empty()) parts.push_back(end == start ? start : start + "-" + end);
            }
            place.period = fmt::format("{}", fmt::join(parts, ";"));
        }
        for (const auto& relation : array_at(feature, "relations")) {
            const std::string parent = last_part(text_at(relation, "relationTo"));
            if (!parent.empty()) place.parent = parent;
        }
        for (const auto& description : array_at(feature, "descriptions")) {
            place.note = text_at(description, "value");
            break;
        }
        places.push_back(std::move(place));
    }
    return places;
}

}  // namespace steppeflow::io
