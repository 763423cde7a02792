#pragma once
// One error vocabulary for the whole tool: where (file, line, column, field),
// what was found, what was expected, and a suggestion when one exists.

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace steppeflow {

// Exit codes documented in `steppeflow --help`.
// internal_error: an exception none of our checks raised, i.e. a bug in steppeflow.
enum class ExitCode : int { ok = 0, data_error = 1, usage_error = 2, io_error = 3, internal_error = 4 };

struct SourceLocation {
    std::string file;
    int line = 0;     // 1-based text line (CSV), 0 when the format has none
    int feature = 0;  // 1-based feature/record number, 0 when unknown
    int column = 0;   // 1-based column, 0 when unknown
    // A spreadsheet's sheet: its records are rows (row = feature + 1, under the header row) and its
    // columns letters, as the user sees them ("sheet flows, row 3, column H").
    std::string sheet;
    bool spreadsheet = false;
    std::string field;
    std::string field_kind = "field";  // what `field` names: a CSV "field", a TOML "key"
    // The file's column names, when it has a header: lets a record's location name any field's column.
    std::shared_ptr<const std::vector<std::string>> header;

    // The same record, pointing at one field (and its column, when the header is known).
    [[nodiscard]] SourceLocation with_field(std::string name) const;
    // "file:line:column (field 'x')", "file: sheet s, row 3, column H (field 'x')" or
    // "file: feature 3 (field 'x')".
    [[nodiscard]] std::string to_string() const;
};

class Error : public std::runtime_error {
public:
    Error(ExitCode code, std::string message) : std::runtime_error(std::move(message)), code_(code) {}
    [[nodiscard]] ExitCode code() const { return code_; }

private:
    ExitCode code_;
};

class UsageError : public Error {
public:
    explicit UsageError(std::string message) : Error(ExitCode::usage_error, std::move(message)) {}
};

class IoError : public Error {
public:
    explicit IoError(std::string message) : Error(ExitCode::io_error, std::move(message)) {}
};

class DataError : public Error {
public:
    DataError(SourceLocation where, std::string what, std::string suggestion = {});
    [[nodiscard]] const SourceLocation& where() const { return where_; }
    [[nodiscard]] const std::string& what_alone() const { return what_; }
    [[nodiscard]] const std::string& suggestion() const { return suggestion_; }

private:
    SourceLocation where_;
    std::string what_;
    std::string suggestion_;
};

// What to tell the user, and which exit code, for whatever was thrown: our errors as they are; the
// system's file and memory failures as I/O errors; anything else as an internal error that says it
// is a bug. Call from a catch block (it rethrows the current exception to look at it).
struct Failure {
    ExitCode code = ExitCode::internal_error;
    std::string message;
};
[[nodiscard]] Failure current_failure();

}  // namespace steppeflow
