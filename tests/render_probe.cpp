#include "render_probe.hpp"

#include <cairo.h>

#include <cstdint>
#include <cstdio>
#include <memory>

#include "config/figure_spec.hpp"
#include "figure/figure_runner.hpp"
#include "geo/projection.hpp"
#include "test_support.hpp"

namespace steppeflow::test {

Rendered render_with(const std::filesystem::path& dir, const std::filesystem::path& layers, const std::string& style,
                     const std::vector<int>& years, const std::string& extent) {
    config::FigureSpec spec;
    spec.years = years;
    spec.extent = extent;
    spec.layers = layers;
    if (!style.empty()) {
        write_file(dir / "style.toml", style);
        spec.style = (dir / "style.toml").string();
    }
    spec.dpi = 100;
    spec.outputs = {dir / "map.png", dir / "map.pdf"};
    spec.report = dir / "map.json";
    const auto data = figure::load_figure_data(spec);
    (void)figure::render_figure(spec, *data);
    Rendered rendered;
    rendered.report = nlohmann::json::parse(read_file(dir / "map.json"));
    rendered.png = dir / "map.png";
    // -raw keeps a hyphen at a line's end ("DCW-" / "GMT"), which plain pdftotext drops.
    const std::string command = "pdftotext -raw " + (dir / "map.pdf").string() + " -";
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
    char buffer[4096];
    std::string text;
    while (const auto n = fread(buffer, 1, sizeof buffer, pipe.get())) text.append(buffer, n);
    // pdftotext breaks the credits line where the page wraps it: joined again, a word broken at its
    // own hyphen without a space.
    for (const char c : text) {
        if (c != '\n') {
            rendered.credits_text += c;
        } else if (rendered.credits_text.empty() || rendered.credits_text.back() != '-') {
            rendered.credits_text += ' ';
        }
    }
    return rendered;
}

const nlohmann::json* layer_in(const nlohmann::json& report, const std::string& name) {
    for (const auto& layer : report["layers"]) {
        if (layer["name"] == name) return &layer;
    }
    return nullptr;
}

// The PNG's colour (0xrrggbb) where a lon/lat point lies, found through the report's georeference.
unsigned colour_at(const Rendered& rendered, model::LonLat where, double dpi) {
    const auto& g = rendered.report["georeference"];
    const geo::Projection projection(g["projection"].get<std::string>());
    const auto xy = projection.forward(where);
    const double scale = g["mm_per_metre"];
    const double x_mm = g["frame_mm"]["x"].get<double>() + (xy->x - g["extent_m"]["xmin"].get<double>()) * scale;
    const double y_mm = g["frame_mm"]["y"].get<double>() + (g["extent_m"]["ymax"].get<double>() - xy->y) * scale;
    cairo_surface_t* image = cairo_image_surface_create_from_png(rendered.png.c_str());
    cairo_surface_flush(image);
    const int x = static_cast<int>(x_mm / 25.4 * dpi);
    const int y = static_cast<int>(y_mm / 25.4 * dpi);
    const auto* row = cairo_image_surface_get_data(image) + y * cairo_image_surface_get_stride(image);
    const unsigned pixel = reinterpret_cast<const std::uint32_t*>(row)[x] & 0xffffffU;
    cairo_surface_destroy(image);
    return pixel;
}

}  // namespace steppeflow::test
