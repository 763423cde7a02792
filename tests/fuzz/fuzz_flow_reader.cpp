// libFuzzer target: any bytes as a flows CSV. Readers may refuse them with steppeflow::Error (a
// message for the user); anything else (a crash, another exception, a sanitizer report) is a bug.

#include "common/error.hpp"
#include "fuzz_input.hpp"
#include "io/flow_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto path = steppeflow::fuzz::write_input(data, size, ".csv");
    try {
        std::vector<std::string> warnings;
        (void)steppeflow::io::read_flows(path, &warnings);
    } catch (const steppeflow::Error&) {
    }
    return 0;
}
