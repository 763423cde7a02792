#pragma once
// The basemap a figure is drawn on: the layer list (config/layer_list.hpp) and the files it names,
// read into layers that carry their role, rule, attribution and years.

#include <filesystem>
#include <string>
#include <vector>

#include "config/style.hpp"
#include "io/data_source.hpp"
#include "io/gdal_source.hpp"
#include "model/geometry.hpp"

namespace steppeflow::figure {

// `layer_list`: the list to use; empty: `directory`/layers.toml, or (without one) the directory's
// files taken by their names, said in a warning. IoError when the directory does not exist; DataError
// at the list's line for a file it names that is not there or cannot be read as lines and areas.
model::Basemap load_basemap(const std::filesystem::path& directory, const std::filesystem::path& layer_list,
                            std::vector<std::string>& warnings, const io::DataSource& source = io::gdal_source());

// DataError at the layer list's 'rule' key for a layer whose rule the style does not declare: before
// anything is laid out, once for the figure.
void check_layer_rules(const model::Basemap& basemap, const config::Style& style);

// The layers a figure of these years shows: those without years, and those whose years include one
// of them; the others are left out. Of a layer whose features carry dates (a border that changed,
// a unit renamed), the features that hold on the figure's date: the last day of its last year (of
// no year: those that still hold).
model::Basemap layers_for_years(const model::Basemap& basemap, const std::vector<int>& years);

// The day whose borders a figure of these years draws: 31 December of the last of them.
[[nodiscard]] std::optional<model::PartialDate> borders_date(const std::vector<int>& years);

}  // namespace steppeflow::figure
