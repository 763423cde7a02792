#pragma once
// The wording of a map in one language (legend, scale bar, default subtitle and credits), read from a
// locale file (locale/<code>.toml, config/locale_reader): a user corrects a phrase or adds a language
// without recompiling. The phrases are named in the file as in this enum.

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

#include "model/place.hpp"

namespace steppeflow::config {

enum class Phrase {
    people,
    households,
    families,
    livestock,
    unit_not_stated,
    okrug_centre,
    district_centre,
    village,
    border_outpost,
    town,
    destination,
    year_colour,
    date_not_stated,
    counted_in_colour,
    outcome_and_certainty,
    crossed_the_border,
    crossed,
    detained,
    estimate_or_lower_bound,
    number_not_stated,
    places,
    frame_destination,  // "to {}" a destination beyond the frame
    scale_caption,      // "km, true at {}°N"
    scale_caption_plain,
    north,
    subtitle_linear,
    subtitle_sqrt,
    subtitle_classes,
    subtitle_overlay,    // appended to a subtitle
    subtitle_multiples,  // appended to a subtitle
    no_mappable_record,  // ". No record that can be mapped for {}"
    credits,             // the data's source, first sentence of the default credits
    basemap_credit,      // "Basemap: {}. ": the attributions and notes of the basemap's layers
    default_projection,
    projection,            // "Projection: {}."
    household_assumption,  // ". Assumption: households converted to people at {} per household (…{}; {})"
    centred_projection,    // "Albers equal-area, {}/{}, {}, centred on the data."
    centred_azimuthal,     // "Lambert azimuthal equal-area, {}, {}, centred on the data."
    region_point,          // a region drawn at its seat
    died,
    returned,
    hub,             // one figure for several destinations, drawn as a disc
    branch,          // a line carrying no share of its figure
    range,           // a stated range: low line, pale band to the high end
    detail_scales,   // appended to a subtitle: the panels' widths differ
    trunk_branches,  // one figure for several places, drawn as a trunk with branches
    attempted,       // the outcome not stated: an open chevron
    planned,         // a ring
    people_key,      // a width key's heading: the unit its scale counts in
    households_key,
    families_key,
    livestock_key,
    unit_not_stated_key,
    classes_suffix,         // " (classes)", after a width key's heading
    at_minimum_width,       // "≤ {}: minimum width"
    located_roughly,        // a place with the dashed ring of its stated precision
    schematic_crossing,     // a flow's broken last stretch: no crossing point stated
    possible_double_count,  // ". Possibly counted twice: {count} {unit} ({place}) may include {parts}…"
    and_word,               // " and ", between counts
    people_counted,         // the unit after a number: "700 people", "700 человек"
    households_counted,
    families_counted,
    livestock_counted,
    short_flow,                  // a flow too short for its width: a disc of its width, a thin line with its end
    place,                       // a place of no stated kind (a gazetteer without a kind column)
    study_title,                 // the default title of the shipped study's own data
    recorded_movements,          // "Recorded movements, {}": the default title of other data, its years
    recorded_movements_undated,  // the same without dates
    subtitle_archival,           // "Movements recorded in the archival sources; ", before the width phrase
    subtitle_sources,            // the same for data that is not the shipped study's
    data_works,                  // "Data: {}. ": the works the drawn flows cite
    more_works,                  // "; and {} more"
};

inline constexpr std::size_t kPhraseCount = static_cast<std::size_t>(Phrase::more_works) + 1;

// The key of each phrase in a locale file, in the enum's order.
inline constexpr std::array<std::string_view, kPhraseCount> kPhraseKeys{
    "people",
    "households",
    "families",
    "livestock",
    "unit_not_stated",
    "okrug_centre",
    "district_centre",
    "village",
    "border_outpost",
    "town",
    "destination",
    "year_colour",
    "date_not_stated",
    "counted_in_colour",
    "outcome_and_certainty",
    "crossed_the_border",
    "crossed",
    "detained",
    "estimate_or_lower_bound",
    "number_not_stated",
    "places",
    "frame_destination",
    "scale_caption",
    "scale_caption_plain",
    "north",
    "subtitle_linear",
    "subtitle_sqrt",
    "subtitle_classes",
    "subtitle_overlay",
    "subtitle_multiples",
    "no_mappable_record",
    "credits",
    "basemap_credit",
    "default_projection",
    "projection",
    "household_assumption",
    "centred_projection",
    "centred_azimuthal",
    "region_point",
    "died",
    "returned",
    "hub",
    "branch",
    "range",
    "detail_scales",
    "trunk_branches",
    "attempted",
    "planned",
    "people_key",
    "households_key",
    "families_key",
    "livestock_key",
    "unit_not_stated_key",
    "classes_suffix",
    "at_minimum_width",
    "located_roughly",
    "schematic_crossing",
    "possible_double_count",
    "and_word",
    "people_counted",
    "households_counted",
    "families_counted",
    "livestock_counted",
    "short_flow",
    "place",
    "study_title",
    "recorded_movements",
    "recorded_movements_undated",
    "subtitle_archival",
    "subtitle_sources",
    "data_works",
    "more_works",
};

struct Locale {
    model::Language language;  // the code, and whose names stand in where a place has none in it
    std::string name;          // the language's own name for itself ("русский")
    std::string file;          // where it was read: "locale/ru.toml", or "(built in) locale/ru.toml"
    std::array<std::string, kPhraseCount> phrases;
    // Whole degrees with the hemisphere, "{}" for the number: "{}°N", "{}° с. ш.".
    std::string north, south, east, west;
    bool graticule_hemisphere = true;  // graticule labels "50°N"; false: "50°"

    [[nodiscard]] const std::string& phrase(Phrase which) const { return phrases[static_cast<std::size_t>(which)]; }
};

}  // namespace steppeflow::config
