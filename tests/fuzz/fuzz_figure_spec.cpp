// libFuzzer target: any bytes as a figure spec (TOML), turned into layout options as a render would.

#include "common/error.hpp"
#include "config/figure_spec.hpp"
#include "figure/figure_runner.hpp"
#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto path = steppeflow::fuzz::write_input(data, size, ".toml");
    try {
        const auto spec = steppeflow::config::read_figure_spec(path);
        (void)steppeflow::figure::make_request(spec).options;
    } catch (const steppeflow::Error&) {
    }
    return 0;
}
