// libFuzzer target: any bytes as a gazetteer CSV, then as a gazetteer (duplicate ids, lookups).

#include "common/error.hpp"
#include "fuzz_input.hpp"
#include "io/gazetteer_reader.hpp"
#include "model/gazetteer.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto path = steppeflow::fuzz::write_input(data, size, ".csv");
    try {
        std::vector<std::string> warnings;
        const steppeflow::model::Gazetteer gazetteer(steppeflow::io::read_places(path, &warnings));
        for (const auto& place : gazetteer.places()) {
            (void)gazetteer.lookup(place.name_en);
            (void)gazetteer.suggest(place.id + "x");
        }
    } catch (const steppeflow::Error&) {
    }
    return 0;
}
