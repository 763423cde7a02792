#pragma once
// A file that appears at its path whole or not at all: written to a temporary file beside it
// and renamed into place on commit. An exception or a kill before commit leaves the old file; the
// temporary file is removed by unwinding, by a stopping signal (common/interrupt_cleanup), or by the
// next run that writes the same target when this one was killed outright.

#include <cstdio>
#include <filesystem>

namespace steppeflow::render {

class AtomicFile {
public:
    explicit AtomicFile(std::filesystem::path target);
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    [[nodiscard]] std::FILE* stream() const { return stream_; }
    // Flushes, syncs and closes the temporary file (commit does this too). Throws IoError on failure.
    void finish();
    // Renames the finished file onto the target. Throws IoError on failure.
    void commit();

private:
    std::filesystem::path target_;
    std::filesystem::path temporary_;
    std::FILE* stream_ = nullptr;
    bool finished_ = false;
    bool committed_ = false;
    int signal_slot_ = -1;  // its entry among the files a signal removes (common/interrupt_cleanup)
};

}  // namespace steppeflow::render
