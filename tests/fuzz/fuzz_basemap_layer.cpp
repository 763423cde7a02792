// libFuzzer target: any bytes as a basemap layer (GeoJSON).

#include "common/error.hpp"
#include "fuzz_input.hpp"
#include "io/basemap_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto path = steppeflow::fuzz::write_input(data, size, ".geojson");
    try {
        (void)steppeflow::io::read_features(path);
    } catch (const steppeflow::Error&) {
    }
    return 0;
}
