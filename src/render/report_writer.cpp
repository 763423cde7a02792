#include <fmt/format.h>

#include "common/error.hpp"
#include "layout/layout_report.hpp"
#include "render/writer_kinds.hpp"

namespace steppeflow::render {

void ReportWriter::write(const layout::Scene& scene, const std::filesystem::path& path, std::FILE* out,
                         const WriteOptions& /*options*/) const {
    const std::string text = layout::layout_report_json(scene, 0);
    if (std::fwrite(text.data(), 1, text.size(), out) != text.size())
        throw IoError(fmt::format("{}: could not be written", path.string()));
}

}  // namespace steppeflow::render
