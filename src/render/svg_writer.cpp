#include <algorithm>
#include <cctype>
#include <map>
#include <string>
#include <string_view>

#include <cairo-svg.h>
#include <fmt/format.h>

#include "common/error.hpp"
#include "render/cairo_stream.hpp"
#include "render/scene_painter.hpp"
#include "render/svg_editable.hpp"
#include "render/writer_kinds.hpp"

namespace steppeflow::render {

namespace {

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

}  // namespace

void SvgWriter::write(const layout::Scene& scene, const std::filesystem::path& path, std::FILE* out,
                      const WriteOptions& options) const {
    if (!options.svg_outlines) {
        const std::string document = editable_svg(scene, path);
        if (std::fwrite(document.data(), 1, document.size(), out) != document.size())
            throw IoError(fmt::format("{}: could not be written", path.string()));
        return;
    }
    // Cairo writes the size in the document unit as given, so an SVG in mm is drawn in mm.
    SurfaceRenumbering renumbering(out);
    const Surface surface(
        cairo_svg_surface_create_for_stream(write_renumbered, &renumbering, scene.page_width_mm, scene.page_height_mm));
    cairo_svg_surface_set_document_unit(surface.get(), CAIRO_SVG_UNIT_MM);
    paint_on(surface.get(), scene, 1.0, path);
    cairo_surface_finish(surface.get());
    check_status(cairo_surface_status(surface.get()), path);
    if (!renumbering.finish()) throw IoError(fmt::format("{}: could not be written", path.string()));
}

}  // namespace steppeflow::render
