#include "common/shared_library.hpp"

#include <dlfcn.h>

#include <fmt/format.h>

#include "common/error.hpp"

namespace steppeflow {

void* load_shared_library(const char* soname, std::string_view purpose, std::string_view package) {
    // Symbols are bound as they are first called, as they would be for a linked library; kept local
    // so that nothing loaded later resolves against them by accident.
    void* library = dlopen(soname, RTLD_LAZY | RTLD_LOCAL);
    if (library == nullptr) {
        const char* reason = dlerror();
        throw IoError(
            fmt::format("{}, which steppeflow uses for {}, cannot be loaded ({}); install the Debian package "
                        "{} (bash scripts/setup.sh installs everything)",
                        soname, purpose, reason != nullptr ? reason : "not found", package));
    }
    return library;
}

void* library_symbol(void* library, const char* soname, const char* name) {
    void* symbol = dlsym(library, name);
    if (symbol == nullptr) {
        throw IoError(
            fmt::format("{} has no function {}: steppeflow was built against another version of it; "
                        "rebuild steppeflow",
                        soname, name));
    }
    return symbol;
}

}  // namespace steppeflow
