#include "config/layer_list.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include <fmt/format.h>

#include "config/toml_section.hpp"

namespace steppeflow::config {

namespace {

model::LocalText read_local_text(TomlSection& section, const std::string& key) {
    model::LocalText text;
    text.en = section.string(key).value_or("");
    text.ru = section.string(key + "_ru").value_or("");
    text.kk = section.string(key + "_kk").value_or("");
    if (text.en.empty() && (!text.ru.empty() || !text.kk.empty()))
        section.fail(key, "is missing: the translations need the English text it falls back to");
    return text;
}

LayerEntry read_layer(TomlSection& section) {
    LayerEntry entry;
    const auto name = section.string("name");
    if (!name || name->empty()) section.fail("name", "every layer needs a name", "add name = \"rivers\"");
    entry.name = *name;
    const auto role = section.string("role");
    if (!role) section.fail("role", "every layer needs a role");
    const auto parsed = model::layer_role_from(*role);
    if (!parsed) {
        section.fail("role", fmt::format("'{}' is not one of {}", *role, fmt::join(model::layer_role_names(), ", ")));
    }
    entry.role = *parsed;
    entry.where = section.where("files");
    if (const auto files = section.strings("files")) {
        for (const auto& file : *files) {
            if (file.empty()) section.fail("files", "a file name is empty");
            entry.files.emplace_back(file);
        }
    }
    if (entry.role == model::LayerRole::graticule && !entry.files.empty())
        section.fail("files", "the graticule layer only says where the graticule is drawn; it has no files");
    if (entry.role != model::LayerRole::graticule && entry.files.empty())
        section.fail("files", "the layer names no file", "add files = [\"name.geojson\"]");
    if (entry.role == model::LayerRole::relief && entry.files.size() != 1)
        section.fail("files", "a relief layer takes one elevation model", "files = [\"dem.tif\"]");
    entry.rule = section.string("rule").value_or("");
    if (!entry.rule.empty()) entry.rule_where = section.where("rule");
    if (const auto rank = section.integer("rank")) {
        if (*rank < 0 || *rank > 9) section.fail("rank", fmt::format("{} is outside 0 to 9", *rank));
        if (entry.role != model::LayerRole::border) section.fail("rank", "only a border layer has a rank");
        entry.rank = static_cast<int>(*rank);
    }
    entry.attribution = read_local_text(section, "attribution");
    entry.note = read_local_text(section, "note");
    if (const auto years = section.numbers("years")) {
        // The range first: a cast of 1e10 to int would be undefined.
        const bool whole = std::all_of(years->begin(), years->end(),
                                       [](double y) { return y >= 1 && y <= 9999 && y == std::floor(y); });
        if (years->size() != 2 || !whole || (*years)[0] > (*years)[1]) {
            section.fail("years", "expected [first, last]: two years from 1 to 9999, the first not after the last");
        }
        entry.first_year = static_cast<int>((*years)[0]);
        entry.last_year = static_cast<int>((*years)[1]);
    }
    section.finish();
    return entry;
}

}  // namespace

LayerList read_layer_list(const std::filesystem::path& path) {
    const toml::table document = parse_toml_file(path);
    TomlSection root(document, path.string());
    LayerList list;
    list.source = path.string();
    list.directory = path.parent_path();
    (void)root.string("description");
    if (const auto box = root.numbers("coverage")) {
        const bool valid = box->size() == 4 && (*box)[0] >= -180 && (*box)[2] <= 180 && (*box)[0] < (*box)[2] &&
                           (*box)[1] >= -90 && (*box)[3] <= 90 && (*box)[1] < (*box)[3];
        if (!valid)
            root.fail("coverage", "expected [lon_min, lat_min, lon_max, lat_max] in degrees, west before east",
                      "e.g. coverage = [45, 30, 105, 58]");
        list.coverage = model::LonLatBounds{(*box)[0], (*box)[1], (*box)[2], (*box)[3]};
    }
    auto layers = root.sections("layer");
    if (!layers || layers->empty()) {
        root.fail("layer", "the list has no layer", "add [[layer]] tables with name, role and files");
    }
    std::set<std::string> names;
    for (auto& section : *layers) {
        LayerEntry entry = read_layer(section);
        if (!names.insert(entry.name).second) {
            section.fail("name", fmt::format("a layer named '{}' is already in the list", entry.name),
                         "give each layer its own name");
        }
        list.layers.push_back(std::move(entry));
    }
    root.finish();
    return list;
}

LayerList layers_by_file_name(const std::filesystem::path& directory, std::vector<std::string>* missing) {
    LayerList list;
    list.source = directory.string();
    list.directory = directory;
    const auto add = [&](const char* name, model::LayerRole role, std::vector<std::filesystem::path> files) {
        std::erase_if(files, [&](const auto& file) {
            const bool absent = !std::filesystem::exists(directory / file);
            if (absent && missing != nullptr) missing->push_back((directory / file).string());
            return absent;
        });
        if (files.empty() && role != model::LayerRole::graticule) return;
        LayerEntry entry;
        entry.name = name;
        entry.role = role;
        entry.files = std::move(files);
        entry.where.file = directory.string();
        list.layers.push_back(std::move(entry));
    };
    add("land", model::LayerRole::land, {"land.geojson"});
    add("countries", model::LayerRole::area, {"countries.geojson"});
    add("lakes", model::LayerRole::water, {"lakes.geojson", "lakes_historic.geojson"});
    add("graticule", model::LayerRole::graticule, {});
    add("rivers", model::LayerRole::river, {"rivers.geojson"});
    add("borders", model::LayerRole::border, {"borders.geojson"});
    return list;
}

}  // namespace steppeflow::config
