// libFuzzer target: any bytes as a basemap layer list (TOML).

#include "common/error.hpp"
#include "config/layer_list.hpp"
#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto path = steppeflow::fuzz::write_input(data, size, ".toml");
    try {
        (void)steppeflow::config::read_layer_list(path);
    } catch (const steppeflow::Error&) {
    }
    return 0;
}
