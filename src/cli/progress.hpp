#pragma once
// Tells a person what a long render is doing: nothing for the first second (short renders stay
// quiet), then the stage and how far it is, redrawn in place on a terminal or a line per step
// elsewhere (a log).

#include <chrono>
#include <ostream>
#include <string>

namespace steppeflow::cli {

class ProgressPrinter {
public:
    ProgressPrinter(std::ostream& err, bool terminal);
    void report(const std::string& stage, double fraction);
    // Clears the terminal line (call before printing results).
    void finish();

private:
    std::ostream& err_;
    bool terminal_;
    std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
    std::string stage_;
    int quarter_ = -1;
    bool shown_ = false;
};

}  // namespace steppeflow::cli
