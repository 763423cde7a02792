#pragma once
// The fixed wording of a map (legend, scale bar, default subtitle and credits) in the figure's
// language, so a Russian or Kazakh figure has no English left on it but the sources' titles.

#include <optional>
#include <string>

#include "model/flow.hpp"
#include "model/place.hpp"

namespace steppeflow::layout {

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
    short_flow,  // a flow too short for its width: a disc of its width, a thin line with its end
};

// The unit's word after a number in a sentence ("700 people", "700 человек", "700 адам").
[[nodiscard]] Phrase counted_unit_phrase(std::optional<model::Unit> unit);

// The phrase in the language; "{}" marks where a value goes (fmt syntax).
[[nodiscard]] const char* phrase(Phrase which, model::Language language);

// A graticule label: 50°N in English; Russian and Kazakh maps give the degrees alone.
[[nodiscard]] std::string degrees_label(double degrees, bool meridian, model::Language language);
// Whole degrees with the hemisphere in the language's words: "52°N", "52° с. ш.", "6° з. д.".
[[nodiscard]] std::string hemisphere_degrees(double degrees, bool meridian, model::Language language);

}  // namespace steppeflow::layout
