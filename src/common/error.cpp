#include "common/error.hpp"

#include <fmt/format.h>

namespace steppeflow {

std::string SourceLocation::to_string() const {
    std::string text = file.empty() ? std::string("<input>") : file;
    if (line > 0) {
        text += fmt::format(":{}", line);
        if (column > 0) text += fmt::format(":{}", column);
    } else if (feature > 0) {
        text += fmt::format(": feature {}", feature);
    }
    if (!field.empty()) text += fmt::format(" (field '{}')", field);
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
