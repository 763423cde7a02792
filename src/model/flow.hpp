#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/error.hpp"
#include "model/partial_date.hpp"

namespace steppeflow::model {

enum class Unit { people, households, families, livestock_head };
// Outcomes are never conflated: a death or a return is no migration, and totals keep them apart.
enum class Status { crossed, attempted, detained, planned, died, returned, not_returned };
enum class Certainty { documented, estimate, lower_bound, unknown_size };
enum class Scope { event, aggregate };
// Where a figure comes from: a document of the time (as the work cites it) or a later reconstruction.
enum class Basis { not_stated, archival, later_estimate };

struct Flow {
    std::string id;
    std::optional<PartialDate> date_start;  // empty when the source dates only its report (see date_end)
    std::optional<PartialDate> date_end;
    std::string origin;
    std::vector<std::string> more_origins;       // a figure stated for several origins at once: the others, in order
    std::string via;                             // empty when the source names no crossing point
    std::string destination;                     // empty when the source names none (not drawable)
    std::vector<std::string> more_destinations;  // a figure stated for several destinations at once: the others
    std::optional<std::int64_t> count;           // empty when the source gives no size; a range's low end
    std::optional<std::int64_t> count_high;      // a stated range's high end ("665,000 to 1.1 million")
    std::optional<Unit> unit;                    // required with a count; may be empty for a movement of unknown size
    Status status = Status::crossed;
    Certainty certainty = Certainty::documented;
    Basis basis = Basis::not_stated;
    std::optional<std::int64_t> livestock_head;
    std::optional<std::int64_t> people_stated;       // people given alongside a household/family count
    std::optional<std::int64_t> kolkhoz_households;  // of the count, collective-farm households
    Scope scope = Scope::event;
    std::string part_of;
    std::string source;
    std::string quote;
    std::string note;
    SourceLocation where;  // not part of equality

    friend bool operator==(const Flow& a, const Flow& b) {
        return a.id == b.id && a.date_start == b.date_start && a.date_end == b.date_end && a.origin == b.origin &&
               a.more_origins == b.more_origins && a.via == b.via && a.destination == b.destination &&
               a.more_destinations == b.more_destinations && a.count == b.count && a.count_high == b.count_high &&
               a.basis == b.basis && a.unit == b.unit && a.status == b.status && a.certainty == b.certainty &&
               a.livestock_head == b.livestock_head && a.people_stated == b.people_stated &&
               a.kolkhoz_households == b.kolkhoz_households && a.scope == b.scope && a.part_of == b.part_of &&
               a.source == b.source && a.quote == b.quote && a.note == b.note;
    }
};

[[nodiscard]] std::string_view to_string(Unit value);
[[nodiscard]] std::string_view to_string(Status value);
[[nodiscard]] std::string_view to_string(Certainty value);
[[nodiscard]] std::string_view to_string(Scope value);
[[nodiscard]] std::string_view to_string(Basis value);

// Every origin / destination the record names, the first one first.
[[nodiscard]] std::vector<std::string> all_origins(const Flow& flow);
[[nodiscard]] std::vector<std::string> all_destinations(const Flow& flow);
// The record names several origins or several destinations for one figure (drawn as branches).
[[nodiscard]] bool has_branches(const Flow& flow);
// The movement got where it went (crossed, returned, stayed away): drawn with an arrowhead. The others
// (detained, attempted, planned, died) stop short and end in a bar.
[[nodiscard]] bool arrived(Status status);

template <typename Enum>
std::optional<Enum> enum_from(std::string_view text);
template <typename Enum>
std::vector<std::string_view> enum_names();

}  // namespace steppeflow::model
