#include "render/atomic_file.hpp"

#include <atomic>
#include <cerrno>
#include <cstring>
#include <random>
#include <string>
#include <system_error>
#include <utility>

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include "common/error.hpp"
#include "common/interrupt_cleanup.hpp"

namespace steppeflow::render {

AtomicFile::AtomicFile(std::filesystem::path target) : target_(std::move(target)) {
    const auto directory = target_.has_parent_path() ? target_.parent_path() : std::filesystem::path(".");
    if (!std::filesystem::is_directory(directory)) {
        throw IoError(
            fmt::format("{}: cannot write: directory '{}' does not exist", target_.string(), directory.string()));
    }
    // What a killed run left beside this target (its process is gone) is removed first.
    std::error_code scan_error;
    for (const auto& entry : std::filesystem::directory_iterator(directory, scan_error)) {
        if (stale_temporary(entry.path().filename().string(), target_.filename().string())) {
            std::error_code ignored;
            std::filesystem::remove(entry.path(), ignored);
        }
    }
    // Named with the process id, so that a later run can tell whether its writer still runs. The
    // name is registered for the signal handler before the file exists: a signal between making the
    // file and registering it (on any thread) would otherwise leave it behind.
    static std::atomic<unsigned> sequence{0};
    int descriptor = -1;
    for (int attempt = 0; attempt < 100 && descriptor < 0; ++attempt) {
        const std::string name = (directory / fmt::format(".{}.tmp-{}-{}{:04x}", target_.filename().string(),
                                                          ::getpid(), sequence++, std::random_device{}() & 0xffffU))
                                     .string();
        signal_slot_ = remember_temporary(name);
        descriptor = ::open(name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (descriptor >= 0) {
            temporary_ = name;
            break;
        }
        const int reason = errno;
        forget_temporary(std::exchange(signal_slot_, -1));
        if (reason != EEXIST)
            throw IoError(fmt::format("{}: cannot write: {}", target_.string(), std::strerror(reason)));
    }
    if (descriptor < 0) throw IoError(fmt::format("{}: cannot write: no free temporary name", target_.string()));
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
    forget_temporary(signal_slot_);
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
    if (!error) forget_temporary(std::exchange(signal_slot_, -1));  // nothing left to remove on a signal
    if (error)
        throw IoError(
            fmt::format("{}: cannot move the finished file into place: {}", target_.string(), error.message()));
    committed_ = true;
}

}  // namespace steppeflow::render
