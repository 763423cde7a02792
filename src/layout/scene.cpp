#include "layout/scene.hpp"

#include <algorithm>

namespace steppeflow::layout {

EndMark end_mark_for(model::Status status) {
    switch (status) {
        case model::Status::attempted:
            return EndMark::chevron;
        case model::Status::detained:
            return EndMark::bar;
        case model::Status::planned:
            return EndMark::ring;
        case model::Status::died:
            return EndMark::cross;
        case model::Status::crossed:
        case model::Status::returned:
        case model::Status::not_returned:
            break;
    }
    return EndMark::arrowhead;
}

std::string_view to_string(EndMark mark) {
    switch (mark) {
        case EndMark::chevron:
            return "chevron";
        case EndMark::bar:
            return "bar";
        case EndMark::ring:
            return "ring";
        case EndMark::cross:
            return "cross";
        case EndMark::arrowhead:
            break;
    }
    return "arrowhead";
}

std::string_view to_string(FlowPart part) {
    switch (part) {
        case FlowPart::trunk:
            return "trunk";
        case FlowPart::branch:
            return "branch";
        case FlowPart::from_disc:
            return "from_disc";
        case FlowPart::whole:
            break;
    }
    return "whole";
}

const SceneLayer* Scene::layer(std::string_view name) const {
    const auto found = std::find_if(layers.begin(), layers.end(), [&](const SceneLayer& l) { return l.name == name; });
    return found == layers.end() ? nullptr : &*found;
}

}  // namespace steppeflow::layout
