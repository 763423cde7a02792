#pragma once
// Reading through GDAL/OGR, the library loaded when first needed (gdal_library.hpp). Text files are
// checked first (encoding, separators, field counts), so their errors name line and column.

#include "io/data_source.hpp"

namespace steppeflow::io {

class GdalSource final : public DataSource {
public:
    [[nodiscard]] Table table(const std::filesystem::path& path) const override;
    [[nodiscard]] std::vector<model::Feature> features(const std::filesystem::path& path,
                                                       std::vector<std::string>& warnings) const override;
};

// A GDAL source for readers given none; it holds no state.
[[nodiscard]] const DataSource& gdal_source();

}  // namespace steppeflow::io
