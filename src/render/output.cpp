#include "render/output.hpp"

#include <memory>

#include <fmt/format.h>

#include "common/error.hpp"
#include "render/atomic_file.hpp"

namespace steppeflow::render {

void write_scenes(const std::vector<ScenePath>& outputs, const WriteOptions& options) {
    // Everything that can be known before drawing is checked before any file is touched.
    std::vector<const Writer*> chosen;
    chosen.reserve(outputs.size());
    for (const auto& output : outputs) {
        if (std::filesystem::is_directory(output.path))
            throw IoError(fmt::format("{}: cannot write: it is a directory", output.path.string()));
        const Writer& writer = output.writer != nullptr ? *output.writer : writer_for(output.path);
        writer.check(*output.scene, output.path, options);
        chosen.push_back(&writer);
    }
    std::vector<std::unique_ptr<AtomicFile>> files;
    files.reserve(outputs.size());
    for (const auto& output : outputs) files.push_back(std::make_unique<AtomicFile>(output.path));
    for (std::size_t i = 0; i < outputs.size(); ++i) {
        chosen[i]->write(*outputs[i].scene, outputs[i].path, files[i]->stream(), options);
        files[i]->finish();
    }
    for (auto& file : files) file->commit();
}

void write_scene(const layout::Scene& scene, const std::filesystem::path& path, const WriteOptions& options) {
    write_scenes({{&scene, path}}, options);
}

}  // namespace steppeflow::render
