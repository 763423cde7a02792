#pragma once
// One writer per output kind (SVG, PDF, PNG, the layout report, …), all behind this seam: the render
// path asks the registry for the writer of a file's extension, and so does the check of a figure's
// outputs before any work. A new output kind is one new file (a Writer) and its line in writers.cpp.

#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "common/thread_pool.hpp"
#include "layout/scene.hpp"

namespace steppeflow::render {

struct WriteOptions {
    double dpi = 300;            // raster outputs
    ThreadPool* pool = nullptr;  // where bands are painted and deflated; nullptr: the calling thread
    bool svg_outlines = false;   // SVG: text as glyph outlines (exact look) instead of editable <text>
    bool flatten = false;        // PDF: no transparency (render/text.hpp, draw_opaque)
};

class Writer {
public:
    Writer() = default;
    virtual ~Writer() = default;
    Writer(const Writer&) = delete;
    Writer& operator=(const Writer&) = delete;
    Writer(Writer&&) = delete;
    Writer& operator=(Writer&&) = delete;

    // The file extension it writes, lower case with its dot (".png"), and what it writes, for help.
    [[nodiscard]] virtual std::string_view extension() const = 0;
    [[nodiscard]] virtual std::string_view description() const = 0;
    // Refuses, before any file of the figure is touched, what this writer could not write (a PNG
    // larger than can be drawn). UsageError or IoError naming `path`.
    virtual void check(const layout::Scene& scene, const std::filesystem::path& path,
                       const WriteOptions& options) const;
    // Writes the scene to `out`, a temporary file that is renamed onto `path` when every output of the
    // figure is complete. IoError naming `path` on failure.
    virtual void write(const layout::Scene& scene, const std::filesystem::path& path, std::FILE* out,
                       const WriteOptions& options) const = 0;
};

// Every writer, in the order help lists them; registered once (writers.cpp).
[[nodiscard]] const std::vector<const Writer*>& writers();

// The writer for the file's extension (any case); nullptr when none writes it.
[[nodiscard]] const Writer* find_writer(const std::filesystem::path& path);

// The same, or UsageError naming the path and the extensions that can be written.
[[nodiscard]] const Writer& writer_for(const std::filesystem::path& path);

// The layout report's writer, for a report named by --report whatever its extension.
[[nodiscard]] const Writer& report_writer();

// ".svg, .png, .pdf or .json": the extensions, for messages.
[[nodiscard]] std::string writable_extensions();

}  // namespace steppeflow::render
