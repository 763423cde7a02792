#pragma once
// The read cache (read_cache.hpp) in front of another source: a file whose content was read before
// is taken from the cache, and one read from the source is kept when the source had nothing to say
// about it (a read cut short must not be remembered as the file). Files the cache does not cover
// (side files, directories, other formats) always come from the source.

#include "io/data_source.hpp"
#include "io/read_cache.hpp"

namespace steppeflow::io {

class CachedSource final : public DataSource {
public:
    // `source` must outlive this (it is kept by reference): a temporary is refused.
    CachedSource(const DataSource& source, ReadCache cache) : source_(source), cache_(std::move(cache)) {}
    CachedSource(const DataSource&& source, ReadCache cache) = delete;

    [[nodiscard]] Table table(const std::filesystem::path& path) const override;
    [[nodiscard]] std::vector<model::Feature> features(const std::filesystem::path& path,
                                                       std::vector<std::string>& warnings) const override;

private:
    const DataSource& source_;
    ReadCache cache_;
};

}  // namespace steppeflow::io
