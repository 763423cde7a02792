#include "io/table.hpp"

#include <algorithm>

#include "io/data_source.hpp"

namespace steppeflow::io {

std::optional<std::size_t> Table::column_index(std::string_view name) const {
    const auto found = std::find(columns.begin(), columns.end(), name);
    if (found == columns.end()) return std::nullopt;
    return static_cast<std::size_t>(found - columns.begin());
}

Table read_table(const std::filesystem::path& path, const DataSource& source) { return source.table(path); }

std::string RecordView::text(std::string_view column) const {
    const auto index = table_.column_index(column);
    if (!index || *index >= record_.values.size()) return {};
    return record_.values[*index];
}

bool RecordView::has_column(std::string_view column) const { return table_.column_index(column).has_value(); }

SourceLocation RecordView::where(std::string_view column) const {
    return record_.where.with_field(std::string(column));
}

}  // namespace steppeflow::io
