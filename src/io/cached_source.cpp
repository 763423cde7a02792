#include "io/cached_source.hpp"

#include "io/text_checks.hpp"

namespace steppeflow::io {

Table CachedSource::table(const std::filesystem::path& path) const {
    if (!cache_.covers(path)) return source_.table(path);
    // A file is cached only once it read without a word, so a hit needs none of the source's checks.
    const std::string content = read_text_file(path);
    const std::string kind = read_kind("table", path);
    if (auto cached = cache_.find_table(kind, content, path.string())) return std::move(*cached);
    Table table = source_.table(path);
    if (table.gdal_warnings.empty()) cache_.store_table(kind, content, table);
    return table;
}

std::vector<model::Feature> CachedSource::features(const std::filesystem::path& path,
                                                   std::vector<std::string>& warnings) const {
    if (!cache_.covers(path)) return source_.features(path, warnings);
    const std::string content = read_text_file(path);
    const std::string kind = read_kind("features", path);
    if (auto cached = cache_.find_features(kind, content)) return std::move(*cached);
    std::vector<std::string> said;
    auto features = source_.features(path, said);
    if (said.empty()) cache_.store_features(kind, content, features);
    warnings.insert(warnings.end(), said.begin(), said.end());
    return features;
}

}  // namespace steppeflow::io
