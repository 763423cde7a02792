#include "render/output.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <cairo.h>
#include <fmt/format.h>

#include "common/error.hpp"
#include "render/atomic_file.hpp"
#include "render/page_image.hpp"
#include "render/png_writer.hpp"
#include "render/scene_painter.hpp"

namespace steppeflow::render {

namespace {

constexpr double kPointsPerMm = 72.0 / 25.4;

// Cairo names an SVG's surfaces from a process-wide counter, so the same figure drawn later in a run
// (or on another thread) would differ in those names alone. This filter, between Cairo and the file,
// numbers them in order of appearance, so re-rendered SVGs are byte-identical. It streams: a name
// cut between two writes is held back until its end arrives.
class SurfaceRenumbering {
public:
    explicit SurfaceRenumbering(std::FILE* stream) : stream_(stream) {}

    bool write(std::string_view data) {
        pending_.append(data);
        return emit(false);
    }
    bool finish() { return emit(true); }

private:
    static constexpr std::string_view kName = "surface";

    // Writes out all that can be decided now; a name (or its digits) reaching the end of what has
    // arrived waits for the next write unless this is the last.
    bool emit(bool last) {
        std::string out;
        std::size_t at = 0;
        while (true) {
            const std::size_t found = pending_.find(kName, at);
            if (found == std::string::npos) {
                const std::size_t keep = last ? 0 : std::min(pending_.size() - at, kName.size() - 1);
                out.append(pending_, at, pending_.size() - at - keep);
                at = pending_.size() - keep;
                break;
            }
            std::size_t stop = found + kName.size();
            while (stop < pending_.size() && std::isdigit(static_cast<unsigned char>(pending_[stop])) != 0) ++stop;
            if (stop == pending_.size() && !last) {
                out.append(pending_, at, found - at);
                at = found;
                break;
            }
            out.append(pending_, at, found - at);
            const char before = found > 0 ? pending_[found - 1] : (out.empty() ? last_written_ : out.back());
            const bool is_id = stop > found + kName.size() && (before == '"' || before == '#');
            if (is_id) {
                const std::string number = pending_.substr(found + kName.size(), stop - found - kName.size());
                const auto [entry, inserted] = renamed_.emplace(number, std::to_string(renamed_.size() + 1));
                out.append(kName).append(entry->second);
            } else {
                out.append(pending_, found, stop - found);
            }
            at = stop;
        }
        pending_.erase(0, at);
        if (!out.empty()) last_written_ = out.back();
        return std::fwrite(out.data(), 1, out.size(), stream_) == out.size();
    }

    std::FILE* stream_;
    std::string pending_;
    char last_written_ = 0;
    std::map<std::string, std::string> renamed_;
};

cairo_status_t write_renumbered(void* closure, const unsigned char* data, unsigned int length) {
    return static_cast<SurfaceRenumbering*>(closure)->write(
               std::string_view(reinterpret_cast<const char*>(data), length))
               ? CAIRO_STATUS_SUCCESS
               : CAIRO_STATUS_WRITE_ERROR;
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
            SurfaceRenumbering renumbering(file.stream());
            const Surface surface(cairo_svg_surface_create_for_stream(write_renumbered, &renumbering,
                                                                      scene.page_width_mm, scene.page_height_mm));
            cairo_svg_surface_set_document_unit(surface.get(), CAIRO_SVG_UNIT_MM);
            paint_on(surface.get(), scene, 1.0, path);
            cairo_surface_finish(surface.get());
            check(cairo_surface_status(surface.get()), path);
            if (!renumbering.finish()) throw IoError(fmt::format("{}: could not be written", path.string()));
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
            const PageImage image = [&] {
                try {
                    return PageImage(width, height);
                } catch (const IoError& e) {
                    throw IoError(fmt::format("{}: {}", path.string(), e.what()));
                }
            }();
            // A fixed number of bands, not one per core, so that the pixels never depend on the machine.
            paint_page(image, scene, px_per_mm, 2, path);
            write_png(image.surface(), file.stream(), options.dpi, path);
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

}  // namespace steppeflow::render
