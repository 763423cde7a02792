#pragma once
// Writing layers of points or lines with attributes, in WGS84 longitude/latitude, to a vector file
// through GDAL/OGR (GeoJSON, GeoPackage): what a GIS opens as it is. The file is made in GDAL's
// memory file system and handed back as bytes, so that the caller writes it as it writes any output
// (atomically, beside its other files).

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "model/place.hpp"

namespace steppeflow::io {

// A field's value: empty (null), text, a whole number or a real number.
using FieldValue = std::variant<std::monostate, std::string, std::int64_t, double>;

struct VectorField {
    enum class Type { text, integer, real };
    std::string name;
    Type type = Type::text;
};

struct VectorFeature {
    std::vector<FieldValue> values;     // one per field of its layer, in order
    std::vector<model::LonLat> points;  // a point (one), or a line's vertices (two or more)
};

struct VectorLayer {
    enum class Geometry { point, line, any };  // any: points and lines in one layer (GeoJSON)
    std::string name;
    Geometry geometry = Geometry::any;
    std::vector<VectorField> fields;
    std::vector<VectorFeature> features;
};

// The bytes of a file of these layers in GDAL's `driver` ("GeoJSON": one layer, RFC 7946; "GPKG":
// any number). IoError naming `path` (the file they are for) when GDAL cannot write them.
[[nodiscard]] std::string vector_file_bytes(const std::vector<VectorLayer>& layers, const std::string& driver,
                                            const std::string& path);

}  // namespace steppeflow::io
