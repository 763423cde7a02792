#include "common/error.hpp"

#include <filesystem>
#include <new>

#include <fmt/format.h>

namespace steppeflow {

Failure current_failure() {
    try {
        throw;
    } catch (const Error& e) {
        return {e.code(), e.what()};
    } catch (const std::filesystem::filesystem_error& e) {
        return {ExitCode::io_error, e.what()};
    } catch (const std::bad_alloc&) {
        return {ExitCode::io_error, "not enough memory for this figure"};
    } catch (const std::exception& e) {
        return {ExitCode::internal_error,
                fmt::format("internal error: {}. This is a bug in steppeflow: please report it with the command "
                            "and the files that caused it",
                            e.what())};
    } catch (...) {
        return {ExitCode::internal_error,
                "internal error: an unknown exception. This is a bug in steppeflow: please report it with the "
                "command and the files that caused it"};
    }
}

namespace {
// 1 → A, 26 → Z, 27 → AA: a spreadsheet's name for a column.
std::string column_letters(int column) {
    std::string letters;
    for (; column > 0; column = (column - 1) / 26)
        letters.insert(letters.begin(), static_cast<char>('A' + (column - 1) % 26));
    return letters;
}
}  // namespace

SourceLocation SourceLocation::with_field(std::string name) const {
    SourceLocation located = *this;
    located.column = 0;
    if (header && (line > 0 || spreadsheet)) {
        for (std::size_t i = 0; i < header->size(); ++i) {
            if ((*header)[i] == name) located.column = static_cast<int>(i) + 1;
        }
    }
    located.field = std::move(name);
    return located;
}

std::string SourceLocation::to_string() const {
    std::string text = file.empty() ? std::string("<input>") : file;
    if (line > 0) {
        text += fmt::format(":{}", line);
        if (column > 0) text += fmt::format(":{}", column);
    } else if (spreadsheet) {
        text += fmt::format(": sheet {}", sheet);
        if (feature > 0) text += fmt::format(", row {}", feature + 1);
        if (column > 0) text += fmt::format(", column {}", column_letters(column));
    } else if (feature > 0) {
        text += fmt::format(": feature {}", feature);
    }
    if (!field.empty()) text += fmt::format(" ({} '{}')", field_kind, field);
    return text;
}

namespace {
std::string compose(const SourceLocation& where, const std::string& what, const std::string& suggestion) {
    std::string text = fmt::format("{}: {}", where.to_string(), what);
    if (!suggestion.empty()) text += fmt::format("; {}", suggestion);
    return text;
}
}  // namespace

DataError::DataError(SourceLocation where, std::string what, std::string suggestion)
    : Error(ExitCode::data_error, compose(where, what, suggestion)),
      where_(std::move(where)),
      what_(std::move(what)),
      suggestion_(std::move(suggestion)) {}

}  // namespace steppeflow
