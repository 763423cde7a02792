// libFuzzer target: any bytes as a style (TOML).

#include "common/error.hpp"
#include "fuzz_input.hpp"
#include "io/style_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto path = steppeflow::fuzz::write_input(data, size, ".toml");
    try {
        (void)steppeflow::io::read_style(path);
    } catch (const steppeflow::Error&) {
    }
    return 0;
}
