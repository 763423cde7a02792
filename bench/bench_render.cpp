// Stage benchmarks of the default figure after reading: projecting and simplifying the basemap into
// the frame, building the whole scene (extent, legend, flows, labels), painting it, and encoding
// each output format. Run: build/bench/steppeflow_bench (from the repository root).

#include <memory>

#include <cairo.h>

#include <benchmark/benchmark.h>

#include "common/thread_pool.hpp"

#include "figure/basemap_loader.hpp"
#include "figure/figure_runner.hpp"
#include "figure/flow_selection.hpp"
#include "io/basemap_reader.hpp"
#include "io/flow_reader.hpp"
#include "io/gazetteer_reader.hpp"
#include "layout/basemap_layout.hpp"
#include "layout/scene_builder.hpp"
#include "render/output.hpp"
#include "render/page_image.hpp"
#include "render/png_writer.hpp"
#include "render/text.hpp"

namespace {

using namespace steppeflow;

const std::filesystem::path kRoot = STEPPEFLOW_SOURCE_DIR;

// The default figure's data and options, read once.
struct DefaultFigure {
    model::Gazetteer gazetteer{io::read_places(kRoot / "geodata" / "gazetteer.csv")};
    std::vector<model::Flow> flows;
    model::Basemap basemap;
    geo::Projection projection;
    layout::FigureOptions options;
    DefaultFigure() {
        std::vector<std::string> warnings;
        basemap = figure::load_basemap(kRoot / "geodata" / "basemap", {}, warnings);
        // Chosen and laid out as `render` does (livestock and undrawable records left out; the subtitle
        // and credits included).
        const auto request = figure::make_request(config::FigureSpec{});
        const auto selection =
            figure::select_flows(request, gazetteer, io::read_flows(kRoot / "geodata" / "flows.csv"));
        flows = selection.flows;
        options = figure::figure_options(request, selection, basemap);
    }
    [[nodiscard]] layout::SceneResult build() const {
        return layout::build_scene({gazetteer, flows, basemap}, options, projection, render::pango_text_measure());
    }
};

const DefaultFigure& figure() {
    static const DefaultFigure instance;
    return instance;
}

void BM_ProjectBasemap(benchmark::State& state) {
    const auto& f = figure();
    const auto scene = f.build().scene;
    const layout::MapTransform transform(layout::fit_extent({f.gazetteer, f.flows, f.basemap}, f.options, f.projection),
                                         scene.map_frame);
    for (auto _ : state) {
        for (const auto& layer : f.basemap.layers) {
            if (layer.role == model::LayerRole::area) continue;  // only the areas flows end in are drawn
            auto projected = layout::project_features(layer.features, f.projection, transform);
            benchmark::DoNotOptimize(projected);
        }
    }
}
BENCHMARK(BM_ProjectBasemap)->Unit(benchmark::kMillisecond);

void BM_BuildScene(benchmark::State& state) {
    const auto& f = figure();
    for (auto _ : state) {
        auto result = f.build();
        benchmark::DoNotOptimize(result);
    }
}
BENCHMARK(BM_BuildScene)->Unit(benchmark::kMillisecond);

constexpr double kPxPerMm = 300 / 25.4;

// The default figure's page as a 300-dpi PNG page image.
std::unique_ptr<render::PageImage> page_for(const layout::Scene& scene) {
    return std::make_unique<render::PageImage>(static_cast<int>(scene.page_width_mm * kPxPerMm),
                                               static_cast<int>(scene.page_height_mm * kPxPerMm));
}

// Painting alone at 300 dpi, on one thread (PNG pages are painted in 2 bands): no encoding.
void BM_PaintScene(benchmark::State& state) {
    const auto scene = figure().build().scene;
    const auto page = page_for(scene);
    for (auto _ : state) render::paint_page(*page, scene, kPxPerMm, 1, "bench.png");
}
BENCHMARK(BM_PaintScene)->Unit(benchmark::kMillisecond);

// PNG encoding alone (the default figure painted once at 300 dpi), into a scratch file, its bands
// deflated on a pool of one thread per core as `render` does.
void BM_EncodePng(benchmark::State& state) {
    const auto scene = figure().build().scene;
    const auto page = page_for(scene);
    render::paint_page(*page, scene, kPxPerMm, 2, "bench.png");
    const auto path = std::filesystem::temp_directory_path() / "steppeflow-bench-encode.png";
    ThreadPool pool;
    for (auto _ : state) {
        std::FILE* stream = std::fopen(path.c_str(), "wb");
        render::write_png(page->surface(), stream, 300, path, pool);
        std::fclose(stream);
    }
    std::filesystem::remove(path);
}
BENCHMARK(BM_EncodePng)->Unit(benchmark::kMillisecond)->UseRealTime();

// Painting and encoding one format, written atomically to a scratch file, on a pool of one thread
// per core as `render` does.
void BM_WriteFormat(benchmark::State& state) {
    const auto scene = figure().build().scene;
    const char* extensions[] = {".svg", ".png", ".pdf"};
    const char* extension = extensions[state.range(0)];
    state.SetLabel(extension + 1);
    const auto path = std::filesystem::temp_directory_path() / (std::string("steppeflow-bench") + extension);
    ThreadPool pool;
    for (auto _ : state) render::write_scene(scene, path, {300, &pool});
    std::filesystem::remove(path);
}
BENCHMARK(BM_WriteFormat)->DenseRange(0, 2)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
