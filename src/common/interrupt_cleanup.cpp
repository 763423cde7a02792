#include "common/interrupt_cleanup.hpp"

#include <array>
#include <atomic>
#include <cerrno>
#include <charconv>
#include <csignal>
#include <cstring>

#include <unistd.h>

namespace steppeflow {

namespace {

constexpr std::size_t kSlots = 256;
constexpr std::size_t kPathBytes = 4096;

struct Slot {
    std::atomic<bool> taken{false};
    std::atomic<bool> ready{false};  // the path is complete and may be unlinked
    std::array<char, kPathBytes> path{};
};

// Process-wide by necessity (see the header): the handler has no other way to find the files.
std::array<Slot, kSlots>& slots() {
    static std::array<Slot, kSlots> table;
    return table;
}

extern "C" void on_stop_signal(int signal_number) {
    for (auto& slot : slots()) {
        if (slot.ready.load(std::memory_order_acquire)) ::unlink(slot.path.data());
    }
    std::signal(signal_number, SIG_DFL);
    std::raise(signal_number);
}

}  // namespace

void remove_temporaries_on_signals() {
    (void)slots();  // made before any handler can run
    struct sigaction action {};
    action.sa_handler = on_stop_signal;
    sigemptyset(&action.sa_mask);
    for (const int signal_number : {SIGINT, SIGTERM, SIGHUP}) sigaction(signal_number, &action, nullptr);
}

int remember_temporary(const std::string& path) {
    if (path.size() + 1 > kPathBytes) return -1;
    auto& table = slots();
    for (std::size_t i = 0; i < table.size(); ++i) {
        bool expected = false;
        if (!table[i].taken.compare_exchange_strong(expected, true)) continue;
        std::memcpy(table[i].path.data(), path.c_str(), path.size() + 1);
        table[i].ready.store(true, std::memory_order_release);
        return static_cast<int>(i);
    }
    return -1;
}

void forget_temporary(int slot) {
    if (slot < 0 || static_cast<std::size_t>(slot) >= kSlots) return;
    auto& entry = slots()[static_cast<std::size_t>(slot)];
    entry.ready.store(false, std::memory_order_release);
    entry.taken.store(false, std::memory_order_release);
}

bool stale_temporary(const std::string& filename, const std::string& target_filename) {
    const std::string prefix = "." + target_filename + ".tmp-";
    if (!filename.starts_with(prefix)) return false;
    const char* digits = filename.c_str() + prefix.size();
    const char* end = filename.c_str() + filename.size();
    long pid = 0;
    const auto [stop, error] = std::from_chars(digits, end, pid);
    if (error != std::errc{} || stop == digits || *stop != '-' || pid <= 0 || pid == ::getpid()) return false;
    // No such process: whoever wrote it is gone. (A live one, or one of another user's, is left alone.)
    return ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH;
}

}  // namespace steppeflow
