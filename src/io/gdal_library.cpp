#include "io/gdal_library.hpp"

#include <dlfcn.h>

#include <atomic>
#include <mutex>

#include "common/shared_library.hpp"
#include "io/gdal_handles.hpp"

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
    handle = load_shared_library(STEPPEFLOW_GDAL_LIBRARY, "reading data files", "libgdal32");
    GdalApi api;
    try {
#define STEPPEFLOW_GDAL_RESOLVE(name) resolve(api.name, handle, STEPPEFLOW_GDAL_LIBRARY, #name);
        STEPPEFLOW_GDAL_FUNCTIONS(STEPPEFLOW_GDAL_RESOLVE)
#undef STEPPEFLOW_GDAL_RESOLVE
    } catch (...) {
        dlclose(handle);  // the next attempt opens it afresh
        handle = nullptr;
        throw;
    }
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
    const GdalErrorCollector quiet;  // this thread's GDAL messages are nobody's business
    // OGRSpatialReference::GetWGS84SRS(), a C++ function: looked up by its mangled name, and skipped
    // if this GDAL has none (it only saves time).
    using Wgs84 = void* (*)();
    if (auto wgs84 = reinterpret_cast<Wgs84>(dlsym(loaded().handle, "_ZN19OGRSpatialReference11GetWGS84SRSEv")))
        (void)wgs84();
}

}  // namespace steppeflow::io
