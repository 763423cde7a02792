#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "cli/app.hpp"
#include "common/interrupt_cleanup.hpp"

// g++ says it builds with AddressSanitizer by __SANITIZE_ADDRESS__, clang by __has_feature.
#if defined(__SANITIZE_ADDRESS__)
#define STEPPEFLOW_ADDRESS_SANITIZER 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define STEPPEFLOW_ADDRESS_SANITIZER 1
#endif
#endif

int main(int argc, char** argv) {
    // Ctrl-C or kill while a figure is written leaves no temporary file beside it.
    steppeflow::remove_temporaries_on_signals();
    const int code = steppeflow::cli::run(argc, argv, std::cout, std::cerr);
    std::cout.flush();
    std::cerr.flush();
    std::fflush(nullptr);
#if defined(STEPPEFLOW_ADDRESS_SANITIZER)
    return code;  // the leak checker runs at exit
#else
    // Every file is written, committed and closed by now. Running the static destructors of the 140
    // shared libraries GDAL brings and unmapping them took 20 ms of a 0.3 s render, for nothing.
    std::_Exit(code);
#endif
}
