// Writes a synthetic gazetteer and flow file of any size for whole-process runs on large inputs
// (bench/large_input.sh): places scattered over the Kazakh steppe and its eastern border, flows
// from them to a handful of Xinjiang destinations, counts and dates drawn from a fixed seed so that
// every run reads the same files. Synthetic data: never mix it with geodata/.
//   make_large_input FLOWS PLACES OUT_DIR

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fprintf(stderr, "usage: make_large_input FLOWS PLACES OUT_DIR\n");
        return 2;
    }
    const long flows = std::stol(argv[1]);
    const long places = std::stol(argv[2]);
    const std::filesystem::path out = argv[3];
    std::filesystem::create_directories(out);
    std::mt19937_64 random(1930);
    std::uniform_real_distribution<double> lon(66.0, 84.0);
    std::uniform_real_distribution<double> lat(42.5, 53.0);
    std::uniform_int_distribution<long> count(1, 2000);
    std::uniform_int_distribution<int> year(1928, 1933);
    std::uniform_int_distribution<int> month(1, 12);

    std::ofstream gazetteer(out / "gazetteer.csv");
    gazetteer << "id,kind,name_en,name_ru,name_kk,variants,lon,lat,coord_source,precision_km,placed_at,period,parent,"
                 "note,source\n";
    const char* destinations[][3] = {{"kulja", "81.3167", "43.9092"},
                                     {"chuguchak", "82.985", "46.7464"},
                                     {"shara_sume", "88.14", "47.85"},
                                     {"urumqi", "87.6", "43.8"}};
    for (const auto& d : destinations) {
        gazetteer << d[0] << ",town," << d[0] << ",,,," << d[1] << "," << d[2] << ",synthetic,5,town,,,,synthetic\n";
    }
    for (long p = 0; p < places; ++p) {
        gazetteer << "p" << p << ",village,Place " << p << ",,,," << lon(random) << "," << lat(random)
                  << ",synthetic,1,village,,,,synthetic\n";
    }

    std::ofstream file(out / "flows.csv");
    file << "id,date_start,date_end,origin,via,destination,count,unit,status,certainty,scope,source\n";
    std::uniform_int_distribution<long> origin(0, places - 1);
    std::uniform_int_distribution<int> destination(0, 3);
    for (long f = 0; f < flows; ++f) {
        const int y = year(random);
        const int m = month(random);
        file << "S" << f << "," << y << "-" << (m < 10 ? "0" : "") << m << "," << y << "-" << (m < 10 ? "0" : "") << m
             << ",p" << origin(random) << ",," << destinations[destination(random)][0] << "," << count(random)
             << ",people,crossed,documented,event,synthetic\n";
    }
    return 0;
}
