#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/error.hpp"
#include "model/partial_date.hpp"

namespace steppeflow::model {

enum class Unit { people, households, families, livestock_head };
enum class Status { crossed, attempted, detained, planned };
enum class Certainty { documented, estimate, lower_bound, unknown_size };
enum class Scope { event, aggregate };

struct Flow {
    std::string id;
    std::optional<PartialDate> date_start;  // empty when the source dates only its report (see date_end)
    std::optional<PartialDate> date_end;
    std::string origin;
    std::string via;                    // empty when the source names no crossing point
    std::string destination;            // empty when the source names none (not drawable)
    std::optional<std::int64_t> count;  // empty when the source gives no size
    std::optional<Unit> unit;           // required with a count; may be empty for a movement of unknown size
    Status status = Status::crossed;
    Certainty certainty = Certainty::documented;
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
               a.via == b.via && a.destination == b.destination && a.count == b.count && a.unit == b.unit &&
               a.status == b.status && a.certainty == b.certainty && a.livestock_head == b.livestock_head &&
               a.people_stated == b.people_stated && a.kolkhoz_households == b.kolkhoz_households &&
               a.scope == b.scope && a.part_of == b.part_of && a.source == b.source && a.quote == b.quote &&
               a.note == b.note;
    }
};

[[nodiscard]] std::string_view to_string(Unit value);
[[nodiscard]] std::string_view to_string(Status value);
[[nodiscard]] std::string_view to_string(Certainty value);
[[nodiscard]] std::string_view to_string(Scope value);

template <typename Enum>
std::optional<Enum> enum_from(std::string_view text);
template <typename Enum>
std::vector<std::string_view> enum_names();

}  // namespace steppeflow::model
