#include "render/writer.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "common/error.hpp"
#include "render/writer_kinds.hpp"

namespace steppeflow::render {

void Writer::check(const layout::Scene& /*scene*/, const std::filesystem::path& /*path*/,
                   const WriteOptions& /*options*/) const {}

const Writer& report_writer() {
    static const ReportWriter report;
    return report;
}

const std::vector<const Writer*>& writers() {
    // Constant once made: the kinds of output this build writes.
    static const SvgWriter svg;
    static const PngWriter png;
    static const PdfWriter pdf;
    static const TiffWriter tiff;
    static const HtmlWriter html;
    static const GeoJsonWriter geojson;
    static const GeoPackageWriter gpkg;
    static const std::vector<const Writer*> all{&svg, &png, &pdf, &tiff, &html, &geojson, &gpkg, &report_writer()};
    return all;
}

const Writer* find_writer(const std::filesystem::path& path) {
    std::string extension = path.extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    for (const Writer* writer : writers()) {
        if (writer->extension() == extension) return writer;
    }
    return nullptr;
}

const Writer& writer_for(const std::filesystem::path& path) {
    if (const Writer* writer = find_writer(path)) return *writer;
    throw UsageError(fmt::format("{}: unknown output format '{}'; use {}", path.string(), path.extension().string(),
                                 writable_extensions()));
}

std::string writable_extensions() {
    std::vector<std::string_view> extensions;
    for (const Writer* writer : writers()) extensions.push_back(writer->extension());
    if (extensions.size() == 1) return std::string(extensions.front());
    return fmt::format("{} or {}", fmt::join(extensions.begin(), extensions.end() - 1, ", "), extensions.back());
}

}  // namespace steppeflow::render
