#pragma once
// The basemap's layer list: which files make the map beneath the flows, what each is (land, water,
// river, border, area), the style rule it is drawn by, who made it (for the credits) and the years
// it shows. A TOML file beside the data (geodata/basemap/layers.toml) or named by a spec
// ([data] layers) or the command line (--layers); adding a layer is an edit of that file only.
//
//   [[layer]]
//   name = "borders"                  # unique in the list
//   role = "border"                   # land | water | river | border | area | label | graticule | relief
//   rank = 1                          # borders: 0 international (default), 1+ internal units
//   files = ["borders.geojson"]       # relative to the list's directory; any vector format GDAL reads
//   rule = "border_internal"          # the style's [rules.NAME]; default: the role's name
//   attribution = "Natural Earth (public domain)"   # and attribution_ru, attribution_kk
//   note = "modern borders"           # what the credits add (note_ru, note_kk)
//   years = [1928, 1933]              # shown only on figures of these years; default: always
//
// and at the top, optionally, `description` and `coverage = [lon_min, lat_min, lon_max, lat_max]`: the
// box its data holds for (default: the box of its features); a map beyond it is warned about.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "common/error.hpp"
#include "model/geometry.hpp"

namespace steppeflow::config {

struct LayerEntry {
    std::string name;
    model::LayerRole role = model::LayerRole::land;
    std::vector<std::filesystem::path> files;  // as the list names them, relative to its directory
    std::string rule;                          // empty: the role's rule
    int rank = 0;                              // borders: 0 international, 1+ internal
    model::LocalText attribution;
    model::LocalText note;
    std::optional<int> first_year;
    std::optional<int> last_year;
    SourceLocation where;       // the layer's table in the list (its 'files' key)
    SourceLocation rule_where;  // its 'rule' key, when it names one
};

struct LayerList {
    std::string source;               // the list file, or the directory whose files were taken by name
    std::filesystem::path directory;  // what the files are relative to
    std::vector<LayerEntry> layers;   // in drawing order: the first beneath
    // coverage = [lon_min, lat_min, lon_max, lat_max]: where the data holds (default: its features' box)
    std::optional<model::LonLatBounds> coverage;
};

// The file every basemap directory may hold.
inline constexpr const char* kLayerListName = "layers.toml";

// Reads a layer list; DataError naming file, line, column and key for a missing or wrong value, a
// role that does not exist, a name given twice, or years that do not make a span.
[[nodiscard]] LayerList read_layer_list(const std::filesystem::path& path);

// A basemap directory without a layer list: its files taken by their names, as before layer lists
// (land, lakes and lakes_historic, graticule, rivers, borders; countries as areas), with no
// attribution, since whose data they are is not known. A file that is not there is left out, said in
// `missing` (its path).
[[nodiscard]] LayerList layers_by_file_name(const std::filesystem::path& directory,
                                            std::vector<std::string>* missing = nullptr);

}  // namespace steppeflow::config
