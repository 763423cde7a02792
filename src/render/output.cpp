#include "render/output.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <memory>
#include <string>

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <cairo.h>
#include <fmt/format.h>

#include "common/error.hpp"
#include "render/atomic_file.hpp"
#include "render/png_writer.hpp"
#include "render/scene_painter.hpp"

namespace steppeflow::render {

namespace {

constexpr double kPointsPerMm = 72.0 / 25.4;

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

// Cairo names an SVG's surfaces from a process-wide counter, so the same figure drawn later in a run
// (or on another thread) would differ in those names alone. Numbering them in order of appearance
// makes re-rendered SVGs byte-identical.
std::string renumber_svg_surfaces(const std::string& svg) {
    static constexpr std::string_view kName = "surface";
    std::map<std::string, std::string> renamed;
    std::string out;
    out.reserve(svg.size());
    std::size_t at = 0;
    while (true) {
        const std::size_t found = svg.find(kName, at);
        if (found == std::string::npos) break;
        std::size_t end = found + kName.size();
        while (end < svg.size() && std::isdigit(static_cast<unsigned char>(svg[end])) != 0) ++end;
        const bool is_id = end > found + kName.size() && found > 0 && (svg[found - 1] == '"' || svg[found - 1] == '#');
        out.append(svg, at, found - at);
        if (is_id) {
            const std::string number = svg.substr(found + kName.size(), end - found - kName.size());
            auto [entry, inserted] = renamed.emplace(number, std::to_string(renamed.size() + 1));
            out.append(kName).append(entry->second);
        } else {
            out.append(svg, found, end - found);
        }
        at = end;
    }
    out.append(svg, at, std::string::npos);
    return out;
}

cairo_status_t write_to_file(void* closure, const unsigned char* data, unsigned int length) {
    auto* stream = static_cast<std::FILE*>(closure);
    return std::fwrite(data, 1, length, stream) == length ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

void check(cairo_status_t status, const std::filesystem::path& path) {
    if (status != CAIRO_STATUS_SUCCESS) {
        throw IoError(fmt::format("{}: drawing failed: {}", path.string(), cairo_status_to_string(status)));
    }
}

struct SurfaceDestroy {
    void operator()(cairo_surface_t* surface) const { cairo_surface_destroy(surface); }
};
using Surface = std::unique_ptr<cairo_surface_t, SurfaceDestroy>;

// Cairo's image surfaces hold at most this many pixels on a side.
constexpr double kMaxPixels = 32767;

void paint_on(cairo_surface_t* surface, const layout::Scene& scene, double units_per_mm,
              const std::filesystem::path& path) {
    cairo_t* cr = cairo_create(surface);
    cairo_scale(cr, units_per_mm, units_per_mm);
    paint_scene(cr, scene);
    const cairo_status_t status = cairo_status(cr);
    cairo_destroy(cr);
    check(status, path);
}

}  // namespace

OutputFormat format_for(const std::filesystem::path& path) {
    auto ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    if (ext == ".svg") return OutputFormat::svg;
    if (ext == ".png") return OutputFormat::png;
    if (ext == ".pdf") return OutputFormat::pdf;
    throw UsageError(fmt::format("{}: unknown output format '{}'; use .svg, .png or .pdf", path.string(), ext));
}

namespace {

void draw_into(const layout::Scene& scene, const std::filesystem::path& path, const OutputOptions& options,
               AtomicFile& file) {
    const OutputFormat format = format_for(path);
    const double width_pt = scene.page_width_mm * kPointsPerMm;
    const double height_pt = scene.page_height_mm * kPointsPerMm;
    switch (format) {
        case OutputFormat::svg: {
            // Cairo writes the size in the document unit as given, so an SVG in mm is drawn in mm.
            std::string svg;
            cairo_surface_t* surface =
                cairo_svg_surface_create_for_stream(append_to_string, &svg, scene.page_width_mm, scene.page_height_mm);
            cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_MM);
            paint_on(surface, scene, 1.0, path);
            cairo_surface_finish(surface);
            const auto status = cairo_surface_status(surface);
            cairo_surface_destroy(surface);
            check(status, path);
            svg = renumber_svg_surfaces(svg);
            if (std::fwrite(svg.data(), 1, svg.size(), file.stream()) != svg.size())
                throw IoError(fmt::format("{}: could not be written", path.string()));
            break;
        }
        case OutputFormat::pdf: {
            const Surface surface(
                cairo_pdf_surface_create_for_stream(write_to_file, file.stream(), width_pt, height_pt));
            // A fixed creation date keeps re-rendered PDFs byte-identical.
            cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATE_DATE, "2025-01-01T00:00:00Z");
            cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "steppeflow");
            paint_on(surface.get(), scene, kPointsPerMm, path);
            cairo_surface_finish(surface.get());
            check(cairo_surface_status(surface.get()), path);
            break;
        }
        case OutputFormat::png: {
            if (options.dpi < 10 || options.dpi > 2400)
                throw UsageError(fmt::format("dpi {} is out of range 10–2400", options.dpi));
            const double px_per_mm = options.dpi / 25.4;
            const int width = static_cast<int>(std::lround(scene.page_width_mm * px_per_mm));
            const int height = static_cast<int>(std::lround(scene.page_height_mm * px_per_mm));
            // The page is opaque (paper first), so no alpha channel is kept.
            const Surface surface(cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height));
            check(cairo_surface_status(surface.get()), path);
            paint_on(surface.get(), scene, px_per_mm, path);
            write_png(surface.get(), file.stream(), options.dpi, path);
            break;
        }
    }
}

}  // namespace

void write_scene(const layout::Scene& scene, const std::filesystem::path& path, const OutputOptions& options) {
    write_scenes({{&scene, path}}, options);
}

void write_scenes(const std::vector<ScenePath>& outputs, const OutputOptions& options,
                  const std::vector<TextPath>& texts) {
    // Everything that can be known before drawing is checked before any file is touched.
    const auto writable = [](const std::filesystem::path& path) {
        if (std::filesystem::is_directory(path))
            throw IoError(fmt::format("{}: cannot write: it is a directory", path.string()));
    };
    for (const auto& output : outputs) {
        writable(output.path);
        if (format_for(output.path) != OutputFormat::png) continue;
        if (options.dpi < 10 || options.dpi > 2400)
            throw UsageError(fmt::format("dpi {} is out of range 10–2400", options.dpi));
        const double px_per_mm = options.dpi / 25.4;
        const double width = output.scene->page_width_mm * px_per_mm;
        const double height = output.scene->page_height_mm * px_per_mm;
        if (width > kMaxPixels || height > kMaxPixels) {
            throw UsageError(
                fmt::format("{}: {:.0f} × {:.0f} pixels at {} dpi is more than a PNG can be drawn at "
                            "here ({:.0f} a side); lower the dpi or the page size, or write SVG or PDF",
                            output.path.string(), width, height, options.dpi, kMaxPixels));
        }
    }
    for (const auto& text : texts) writable(text.path);
    std::vector<std::unique_ptr<AtomicFile>> files;
    files.reserve(outputs.size() + texts.size());
    for (const auto& output : outputs) files.push_back(std::make_unique<AtomicFile>(output.path));
    for (const auto& text : texts) files.push_back(std::make_unique<AtomicFile>(text.path));
    for (std::size_t i = 0; i < outputs.size(); ++i) {
        draw_into(*outputs[i].scene, outputs[i].path, options, *files[i]);
        files[i]->finish();
    }
    for (std::size_t k = 0; k < texts.size(); ++k) {
        auto& file = *files[outputs.size() + k];
        if (std::fwrite(texts[k].text.data(), 1, texts[k].text.size(), file.stream()) != texts[k].text.size())
            throw IoError(fmt::format("{}: could not be written", texts[k].path.string()));
        file.finish();
    }
    for (auto& file : files) file->commit();
}

void write_text_file(const std::filesystem::path& path, const std::string& text) {
    AtomicFile file(path);
    if (std::fwrite(text.data(), 1, text.size(), file.stream()) != text.size()) {
        throw IoError(fmt::format("{}: could not be written", path.string()));
    }
    file.commit();
}

}  // namespace steppeflow::render
