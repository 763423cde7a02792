#include "figure/basemap_loader.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "config/layer_list.hpp"
#include "io/basemap_reader.hpp"
#include "io/relief_raster.hpp"
#include "layout/basemap_layout.hpp"

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
    std::vector<std::string> missing;
    auto by_name = config::layers_by_file_name(directory, &missing);
    warnings.push_back(
        fmt::format("{}: no {}; its files are taken by their names (land, lakes, rivers, borders, "
                    "countries) and the credits name no source for them",
                    directory.string(), config::kLayerListName));
    for (const auto& path : missing)
        warnings.push_back(fmt::format("{}: not found; the map is drawn without it", path));
    return by_name;
}

}  // namespace

namespace {

// The box of every vertex of the basemap's features: where a list that states no coverage holds.
std::optional<model::LonLatBounds> features_box(const model::Basemap& basemap) {
    std::optional<model::LonLatBounds> box;
    const auto grow = [&](const model::LonLatPath& path) {
        if (const auto part = model::LonLatBounds::of_points(path)) {
            if (!box) box = part;
            box->lon_min = std::min(box->lon_min, part->lon_min);
            box->lat_min = std::min(box->lat_min, part->lat_min);
            box->lon_max = std::max(box->lon_max, part->lon_max);
            box->lat_max = std::max(box->lat_max, part->lat_max);
        }
    };
    for (const auto& layer : basemap.layers) {
        for (const auto& feature : layer.features) {
            for (const auto& polygon : feature.polygons) {
                if (!polygon.rings.empty()) grow(polygon.rings.front());
            }
            for (const auto& line : feature.lines) grow(line);
        }
    }
    return box;
}

// Points are towns, whose names a label layer sets beside them; in any other layer a point means the
// wrong file was put in its place.
void refuse_points_outside_label_layers(const model::MapLayer& layer, const std::vector<model::Feature>& features,
                                        const std::filesystem::path& path) {
    if (layer.role == model::LayerRole::label) return;
    for (const auto& feature : features) {
        if (feature.points.empty()) continue;
        SourceLocation where;
        where.file = path.string();
        where.feature = feature.number;
        throw DataError(
            where,
            fmt::format("a point geometry in the basemap layer '{}' ({})", layer.name, model::to_string(layer.role)),
            "land, water, river, border and area layers hold lines or polygons; points (towns) belong "
            "in a label layer");
    }
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
        layer.rank = entry.rank;
        layer.rule_where = entry.rule_where;
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
            if (layer.role == model::LayerRole::relief) {
                io::check_relief_raster(path);  // shaded when the map's frame is known (layout)
                layer.raster = path.string();
                continue;
            }
            auto features = io::read_features(path, source, &warnings);
            refuse_points_outside_label_layers(layer, features, path);
            layer.features.insert(layer.features.end(), std::make_move_iterator(features.begin()),
                                  std::make_move_iterator(features.end()));
        }
        basemap.layers.push_back(std::move(layer));
    }
    basemap.coverage = list.coverage ? list.coverage : features_box(basemap);
    return basemap;
}

void check_layer_rules(const model::Basemap& basemap, const config::Style& style) {
    // The layout's own lookup, asked once for every layer before anything is laid out.
    for (const auto& layer : basemap.layers) (void)layout::rule_for(layer, style);
}

std::optional<model::PartialDate> borders_date(const std::vector<int>& years) {
    if (years.empty()) return std::nullopt;
    return model::PartialDate{*std::max_element(years.begin(), years.end()), 12, 31};
}

model::Basemap layers_for_years(const model::Basemap& basemap, const std::vector<int>& years) {
    const auto day = borders_date(years);
    model::Basemap shown;
    shown.coverage = basemap.coverage;
    for (const auto& layer : basemap.layers) {
        const bool shows = !layer.first_year || std::any_of(years.begin(), years.end(),
                                                            [&](int year) { return layer.valid_in(year, year); });
        if (!shows) continue;
        if (!layer.has_dated_features()) {
            shown.layers.push_back(layer);
            continue;
        }
        model::MapLayer on_day = layer;
        std::erase_if(on_day.features, [&](const model::Feature& feature) { return !feature.holds_on(day); });
        shown.layers.push_back(std::move(on_day));
    }
    return shown;
}

}  // namespace steppeflow::figure
