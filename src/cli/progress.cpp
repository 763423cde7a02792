#include "cli/progress.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

namespace steppeflow::cli {

ProgressPrinter::ProgressPrinter(std::ostream& err, bool terminal) : err_(err), terminal_(terminal) {}

void ProgressPrinter::report(const std::string& stage, double fraction) {
    const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    const int quarter = static_cast<int>(fraction * 4);
    const bool new_stage = stage != stage_;
    if (new_stage) quarter_ = -1;
    stage_ = stage;
    if (elapsed < 1.0) return;
    if (terminal_) {
        fmt::print(err_, "\r\033[Ksteppeflow: {}… {:.0f} % ({:.1f} s)", stage, fraction * 100, elapsed);
        err_.flush();
    } else if (new_stage || quarter > quarter_) {
        fmt::print(err_, "steppeflow: {}… {:.0f} % ({:.1f} s)\n", stage, fraction * 100, elapsed);
    }
    quarter_ = std::max(quarter_, quarter);
    shown_ = true;
}

void ProgressPrinter::finish() {
    if (terminal_ && shown_) {
        fmt::print(err_, "\r\033[K");
        err_.flush();
    }
}

}  // namespace steppeflow::cli
