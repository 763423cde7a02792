#include "layout/scene.hpp"

#include <algorithm>

namespace steppeflow::layout {

const SceneLayer* Scene::layer(std::string_view name) const {
    const auto found = std::find_if(layers.begin(), layers.end(), [&](const SceneLayer& l) { return l.name == name; });
    return found == layers.end() ? nullptr : &*found;
}

}  // namespace steppeflow::layout
