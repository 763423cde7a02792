#include "io/basemap_reader.hpp"

namespace steppeflow::io {

std::vector<model::Feature> read_features(const std::filesystem::path& path, const DataSource& source,
                                          std::vector<std::string>* warnings) {
    std::vector<std::string> said;
    auto features = source.features(path, said);
    if (warnings != nullptr) warnings->insert(warnings->end(), said.begin(), said.end());
    return features;
}

}  // namespace steppeflow::io
