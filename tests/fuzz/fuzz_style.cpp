// libFuzzer target: any bytes as a style (TOML).

#include "common/error.hpp"
#include "config/style_reader.hpp"
#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto path = steppeflow::fuzz::write_input(data, size, ".toml");
    try {
        (void)steppeflow::config::read_style(path);
    } catch (const steppeflow::Error&) {
    }
    return 0;
}
