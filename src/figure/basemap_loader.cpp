#include "figure/basemap_loader.hpp"

#include <fmt/format.h>

#include "config/layer_list.hpp"
#include "io/basemap_reader.hpp"

namespace steppeflow::figure {

namespace {

config::LayerList layer_list_for(const std::filesystem::path& directory, const std::filesystem::path& layer_list,
                                 std::vector<std::string>& warnings) {
    if (!layer_list.empty()) return config::read_layer_list(layer_list);
    if (!std::filesystem::is_directory(directory)) {
        throw IoError(fmt::format("{}: basemap directory not found", directory.string()));
    }
    const auto beside = directory / config::kLayerListName;
    if (std::filesystem::exists(beside)) return config::read_layer_list(beside);
    auto by_name = config::layers_by_file_name(directory);
    warnings.push_back(fmt::format("{}: no {}; its files are taken by their names (land, lakes, rivers, borders, "
                                   "countries) and the credits name no source for them",
                                   directory.string(), config::kLayerListName));
    return by_name;
}

}  // namespace

model::Basemap load_basemap(const std::filesystem::path& directory, const std::filesystem::path& layer_list,
                            std::vector<std::string>& warnings, const io::DataSource& source) {
    const config::LayerList list = layer_list_for(directory, layer_list, warnings);
    model::Basemap basemap;
    basemap.layers.reserve(list.layers.size());
    for (const auto& entry : list.layers) {
        model::MapLayer layer;
        layer.name = entry.name;
        layer.role = entry.role;
        layer.rule = entry.rule;
        layer.attribution = entry.attribution;
        layer.note = entry.note;
        layer.first_year = entry.first_year;
        layer.last_year = entry.last_year;
        layer.source = list.source;
        for (const auto& file : entry.files) {
            const auto path = file.is_absolute() ? file : list.directory / file;
            if (!std::filesystem::exists(path)) {
                throw DataError(entry.where, fmt::format("layer '{}': {} not found", entry.name, path.string()),
                                "give the file's path relative to the layer list");
            }
            auto features = io::read_features(path, source, &warnings);
            layer.features.insert(layer.features.end(), std::make_move_iterator(features.begin()),
                                  std::make_move_iterator(features.end()));
        }
        basemap.layers.push_back(std::move(layer));
    }
    return basemap;
}

model::Basemap layers_for_years(const model::Basemap& basemap, int first, int last) {
    model::Basemap shown;
    for (const auto& layer : basemap.layers) {
        if (layer.valid_in(first, last)) shown.layers.push_back(layer);
    }
    return shown;
}

}  // namespace steppeflow::figure
