#pragma once
// The fixed wording of a map (legend, scale bar, default subtitle and credits) in the figure's
// language, from its locale file, so a Russian or Kazakh figure has no English left on it but the
// sources' titles.

#include <optional>
#include <string>

#include "config/locale.hpp"
#include "model/flow.hpp"
#include "model/place.hpp"

namespace steppeflow::layout {

// The phrases are the locale's (config/locale.hpp): one enum for the code and the locale files.
using config::Phrase;

// The unit's word after a number in a sentence ("700 people", "700 человек", "700 адам").
[[nodiscard]] Phrase counted_unit_phrase(std::optional<model::Unit> unit);

// The phrase in the locale's language; "{}" marks where a value goes (fmt syntax).
[[nodiscard]] inline const std::string& phrase(Phrase which, const config::Locale& locale) {
    return locale.phrase(which);
}

// A graticule label: 50°N in English; Russian and Kazakh maps give the degrees alone (the locale says).
[[nodiscard]] std::string degrees_label(double degrees, bool meridian, const config::Locale& locale);
// Whole degrees with the hemisphere in the language's words: "52°N", "52° с. ш.", "6° з. д.".
[[nodiscard]] std::string hemisphere_degrees(double degrees, bool meridian, const config::Locale& locale);

}  // namespace steppeflow::layout
