#pragma once
// What GDAL read from a data file, kept between runs. A historian redraws one figure dozens of times
// from files that have not changed; reading them through GDAL (and loading GDAL at all) was half of
// such a run. An entry is found by the file's content, not its name or date: a changed byte is a
// different entry, and a copy of a file elsewhere is the same one. Entries hold exactly what the
// readers would have had from GDAL (columns, values as text, record lines, geometry), so every
// later check and message is the same whether a file came from the cache or not. Files that fail
// to read are never cached: their errors always come from the source.
//
// The cache is only an aid: an entry that cannot be read back (damaged, from another version) is
// read from the source again and rewritten; a cache directory that cannot be written to is skipped.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "io/table.hpp"
#include "model/geometry.hpp"

namespace steppeflow::io {

class ReadCache {
public:
    // No cache: every file is read from its source.
    ReadCache() = default;
    // Entries kept in `directory` (made when first written).
    explicit ReadCache(std::filesystem::path directory) : directory_(std::move(directory)) {}

    [[nodiscard]] bool enabled() const { return !directory_.empty(); }

    // Whether what GDAL reads from `file` depends on its bytes alone, so that the cache may keep it: a
    // regular CSV or GeoJSON file, and a CSV without the side files GDAL would also read (.csvt
    // column types, .prj). Other formats (GeoPackage with its journal, shapefiles, directories) are
    // always read from the source.
    [[nodiscard]] bool covers(const std::filesystem::path& file) const;

    // `kind` says how the content was read (e.g. "table.csv": a table from a file named *.csv); the
    // same bytes read another way are another entry.
    [[nodiscard]] std::filesystem::path entry_path(std::string_view kind, std::string_view content) const;

    // The table read from `content` before, with its locations naming `file`; nullopt when there is
    // no (usable) entry.
    [[nodiscard]] std::optional<Table> find_table(std::string_view kind, std::string_view content,
                                                  const std::string& file) const;
    void store_table(std::string_view kind, std::string_view content, const Table& table) const;

    [[nodiscard]] std::optional<std::vector<model::Feature>> find_features(std::string_view kind,
                                                                           std::string_view content) const;
    void store_features(std::string_view kind, std::string_view content,
                        const std::vector<model::Feature>& features) const;

private:
    std::filesystem::path directory_;
};

// How a file is read, for entry_path: `reading` ("table", "features") and the file's extension in
// lower case ("table.csv"), since GDAL picks its driver and options by the extension.
std::string read_kind(std::string_view reading, const std::filesystem::path& file);

// The cache directory a user would expect: $STEPPEFLOW_CACHE if set ("off" for none), else
// $XDG_CACHE_HOME/steppeflow, else ~/.cache/steppeflow; no cache when none of these is known.
ReadCache default_read_cache();

}  // namespace steppeflow::io
