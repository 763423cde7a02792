#include "io/gdal_library.hpp"

#include <dlfcn.h>

#include <atomic>
#include <mutex>

#include <fmt/format.h>

#include "common/error.hpp"

namespace steppeflow::io {

namespace {

// What the loader knows is process-wide, as a loaded library is.
struct Loaded {
    std::once_flag once;
    std::atomic<bool> requested{false};
    void* handle = nullptr;
    GdalApi api;
};

Loaded& loaded() {
    static Loaded instance;
    return instance;
}

GdalApi load(void*& handle) {
    handle = dlopen(STEPPEFLOW_GDAL_LIBRARY, RTLD_LAZY | RTLD_LOCAL);
    if (handle == nullptr) {
        const char* reason = dlerror();
        throw IoError(
            fmt::format("GDAL, which reads every data file, cannot be loaded ({}); install it with "
                        "bash scripts/setup.sh (Debian package libgdal32)",
                        reason != nullptr ? reason : STEPPEFLOW_GDAL_LIBRARY));
    }
    GdalApi api;
    const auto resolve = [handle](auto& function, const char* name) {
        function = reinterpret_cast<std::remove_reference_t<decltype(function)>>(dlsym(handle, name));
        if (function == nullptr) {
            throw IoError(
                fmt::format("{} has no function {}: steppeflow was built against another GDAL; "
                            "rebuild it",
                            STEPPEFLOW_GDAL_LIBRARY, name));
        }
    };
#define STEPPEFLOW_GDAL_RESOLVE(name) resolve(api.name, #name);
    STEPPEFLOW_GDAL_FUNCTIONS(STEPPEFLOW_GDAL_RESOLVE)
#undef STEPPEFLOW_GDAL_RESOLVE
    api.GDALAllRegister();
    return api;
}

}  // namespace

const GdalApi& gdal() {
    Loaded& state = loaded();
    if (!state.requested.load(std::memory_order_relaxed)) state.requested = true;
    std::call_once(state.once, [&state] { state.api = load(state.handle); });
    return state.api;
}

bool gdal_requested() { return loaded().requested; }

void prepare_geojson_reading() {
    (void)gdal();
    // OGRSpatialReference::GetWGS84SRS(), a C++ function: looked up by its mangled name, and skipped
    // if this GDAL has none (it only saves time).
    using Wgs84 = void* (*)();
    if (auto wgs84 = reinterpret_cast<Wgs84>(dlsym(loaded().handle, "_ZN19OGRSpatialReference11GetWGS84SRSEv")))
        (void)wgs84();
}

}  // namespace steppeflow::io
