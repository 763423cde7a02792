#pragma once
// Basemap geometry in WGS84 longitude/latitude, independent of the file it came from.

#include <string>
#include <vector>

#include "model/place.hpp"

namespace steppeflow::model {

using LonLatPath = std::vector<LonLat>;

struct LonLatPolygon {
    std::vector<LonLatPath> rings;  // first ring outer, the rest holes
};

struct Feature {
    std::vector<LonLatPolygon> polygons;
    std::vector<LonLatPath> lines;
    std::string name;
    double rank = 0;  // Natural Earth scalerank: 0 = most important
};

struct Basemap {
    std::vector<Feature> land;
    std::vector<Feature> lakes;
    std::vector<Feature> rivers;
    std::vector<Feature> borders;
    std::vector<Feature> countries;  // polygons named by country: destination areas
    std::vector<std::string> attributions;
};

}  // namespace steppeflow::model
