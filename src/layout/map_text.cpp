#include "layout/map_text.hpp"

#include <cmath>

#include <fmt/format.h>

namespace steppeflow::layout {

Phrase counted_unit_phrase(std::optional<model::Unit> unit) {
    switch (unit.value_or(model::Unit::people)) {
        case model::Unit::households:
            return Phrase::households_counted;
        case model::Unit::families:
            return Phrase::families_counted;
        case model::Unit::livestock_head:
            return Phrase::livestock_counted;
        case model::Unit::people:
            break;
    }
    return Phrase::people_counted;
}

std::string hemisphere_degrees(double degrees, bool meridian, const config::Locale& locale) {
    const long long whole = std::llround(std::abs(degrees));
    const bool negative = degrees < 0 && whole != 0;
    const std::string& format =
        meridian ? (negative ? locale.west : locale.east) : (negative ? locale.south : locale.north);
    return fmt::format(fmt::runtime(format), whole);
}

std::string degrees_label(double degrees, bool meridian, const config::Locale& locale) {
    if (locale.graticule_hemisphere) return hemisphere_degrees(degrees, meridian, locale);
    return fmt::format("{}°", std::llround(std::abs(degrees)));
}

}  // namespace steppeflow::layout
