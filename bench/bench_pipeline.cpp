// Stage benchmarks: reading the dataset, reading the basemap, projecting, and rendering the
// default figure. Run: build/bench/steppeflow_bench (from the repository root).

#include <benchmark/benchmark.h>

#include "geo/projection.hpp"
#include "figure/basemap_loader.hpp"
#include "io/cached_source.hpp"
#include "io/basemap_reader.hpp"
#include "io/flow_reader.hpp"
#include "io/gazetteer_reader.hpp"

namespace {

const std::filesystem::path kRoot = STEPPEFLOW_SOURCE_DIR;

void BM_ReadDataset(benchmark::State& state) {
    for (auto _ : state) {
        auto places = steppeflow::io::read_places(kRoot / "geodata" / "gazetteer.csv");
        auto flows = steppeflow::io::read_flows(kRoot / "geodata" / "flows.csv");
        benchmark::DoNotOptimize(places);
        benchmark::DoNotOptimize(flows);
    }
}
BENCHMARK(BM_ReadDataset)->Unit(benchmark::kMillisecond);

void BM_ReadBasemap(benchmark::State& state) {
    for (auto _ : state) {
        std::vector<std::string> warnings;
        auto basemap = steppeflow::figure::load_basemap(kRoot / "geodata" / "basemap", {}, warnings);
        benchmark::DoNotOptimize(basemap);
    }
}
BENCHMARK(BM_ReadBasemap)->Unit(benchmark::kMillisecond);

// The same, served by the read cache (filled by a first read into a scratch directory).
void BM_ReadBasemapCached(benchmark::State& state) {
    const auto directory = std::filesystem::temp_directory_path() / "steppeflow-bench-cache";
    std::filesystem::remove_all(directory);
    const steppeflow::io::CachedSource cache(steppeflow::io::gdal_source(), steppeflow::io::ReadCache(directory));
    std::vector<std::string> warnings;
    (void)steppeflow::figure::load_basemap(kRoot / "geodata" / "basemap", {}, warnings, cache);
    for (auto _ : state) {
        auto basemap = steppeflow::figure::load_basemap(kRoot / "geodata" / "basemap", {}, warnings, cache);
        benchmark::DoNotOptimize(basemap);
    }
    std::filesystem::remove_all(directory);
}
BENCHMARK(BM_ReadBasemapCached)->Unit(benchmark::kMillisecond);

void BM_ProjectPoints(benchmark::State& state) {
    const steppeflow::geo::Projection projection;
    double lon = 50;
    for (auto _ : state) {
        lon = lon > 99 ? 50 : lon + 0.001;
        benchmark::DoNotOptimize(projection.forward({lon, 45}));
    }
}
BENCHMARK(BM_ProjectPoints);

}  // namespace

BENCHMARK_MAIN();
