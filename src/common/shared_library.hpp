#pragma once
// Libraries loaded when first needed rather than when steppeflow starts (see io/gdal_library.hpp):
// with its own dependencies GDAL alone was most of the shared libraries the process loaded before
// main(), a quarter of a short render.

#include <string_view>

namespace steppeflow {

// Opens the library named by its soname; IoError saying what it is for and which Debian package
// provides it when it cannot be loaded.
void* load_shared_library(const char* soname, std::string_view purpose, std::string_view package);

// The address of `name` in a loaded library; IoError when the library has no such symbol (it is not
// the version steppeflow was built against).
void* library_symbol(void* library, const char* soname, const char* name);

// Resolves `function` (a function pointer) to the symbol `name`.
template <typename Function>
void resolve(Function& function, void* library, const char* soname, const char* name) {
    function = reinterpret_cast<Function>(library_symbol(library, soname, name));
}

}  // namespace steppeflow
