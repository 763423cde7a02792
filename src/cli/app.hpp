#pragma once
// The command line as a library function, so tests run it in-process and see its output.

#include <ostream>

namespace steppeflow::cli {

// Runs `steppeflow ARGS...`; returns the process exit code (see ExitCode).
int run(int argc, const char* const* argv, std::ostream& out, std::ostream& err);

}  // namespace steppeflow::cli
