#include "render/atomic_file.hpp"

#include <cerrno>
#include <cstring>
#include <string>
#include <system_error>

#include <fmt/format.h>
#include <unistd.h>

#include "common/error.hpp"

namespace steppeflow::render {

AtomicFile::AtomicFile(std::filesystem::path target) : target_(std::move(target)) {
    const auto directory = target_.has_parent_path() ? target_.parent_path() : std::filesystem::path(".");
    if (!std::filesystem::is_directory(directory)) {
        throw IoError(
            fmt::format("{}: cannot write: directory '{}' does not exist", target_.string(), directory.string()));
    }
    std::string pattern = (directory / ("." + target_.filename().string() + ".tmp-XXXXXX")).string();
    const int descriptor = ::mkstemp(pattern.data());
    if (descriptor < 0) {
        throw IoError(fmt::format("{}: cannot write: {}", target_.string(), std::strerror(errno)));
    }
    temporary_ = pattern;
    stream_ = ::fdopen(descriptor, "wb");
    if (stream_ == nullptr) {
        ::close(descriptor);
        std::filesystem::remove(temporary_);
        throw IoError(fmt::format("{}: cannot write: {}", target_.string(), std::strerror(errno)));
    }
}

AtomicFile::~AtomicFile() {
    if (stream_ != nullptr) std::fclose(stream_);
    if (!committed_) {
        std::error_code ignored;
        std::filesystem::remove(temporary_, ignored);
    }
}

void AtomicFile::finish() {
    if (finished_) return;
    const bool flushed = std::fflush(stream_) == 0 && ::fsync(::fileno(stream_)) == 0;
    const int closed = std::fclose(stream_);
    stream_ = nullptr;
    if (!flushed || closed != 0) {
        throw IoError(fmt::format("{}: writing failed: {}", target_.string(), std::strerror(errno)));
    }
    // New files get the usual permissions rather than mkstemp's owner-only 0600.
    std::error_code ignored;
    std::filesystem::permissions(temporary_,
                                 std::filesystem::perms::owner_read | std::filesystem::perms::owner_write |
                                     std::filesystem::perms::group_read | std::filesystem::perms::others_read,
                                 ignored);
    finished_ = true;
}

void AtomicFile::commit() {
    finish();
    std::error_code error;
    std::filesystem::rename(temporary_, target_, error);
    if (error)
        throw IoError(
            fmt::format("{}: cannot move the finished file into place: {}", target_.string(), error.message()));
    committed_ = true;
}

}  // namespace steppeflow::render
