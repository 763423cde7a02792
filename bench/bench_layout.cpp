// Flow layout cost for 10 to 10,000 synthetic flows between scattered places on a 174 × 140 mm page,
// with node and arrowhead avoidance on; and label placement for as many labels.
// Run: build/bench/steppeflow_bench --benchmark_filter=Layout

#include <random>

#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include "layout/flow_layout.hpp"
#include "layout/label_layout.hpp"
#include "layout/quality.hpp"

namespace {

using namespace steppeflow;

struct Synthetic {
    layout::SymbolIndex symbols;
    std::vector<layout::PlaceSymbol> drawn;
    std::vector<model::Flow> flows;
    layout::Box frame{4, 4, 166, 132};
};

// A fixed seed: every run lays out the same map. Places number about a third of the flows (at least 8),
// so larger maps are denser, as real ones are.
Synthetic synthetic(int flow_count) {
    Synthetic s;
    std::mt19937 random(20261126);
    std::uniform_real_distribution<double> x(8, 166), y(8, 132);
    const int places = std::max(8, flow_count / 3);
    for (int i = 0; i < places; ++i) {
        layout::PlaceSymbol symbol{fmt::format("p{}", i), model::PlaceKind::district, {x(random), y(random)}, 0.8, 0};
        s.symbols.emplace(symbol.place_id, symbol);
        s.drawn.push_back(symbol);
    }
    std::uniform_int_distribution<int> pick(0, places - 1);
    std::uniform_int_distribution<int> size(1, 1000);
    for (int i = 0; i < flow_count; ++i) {
        model::Flow flow;
        flow.id = fmt::format("f{}", i);
        flow.origin = fmt::format("p{}", pick(random));
        do flow.destination = fmt::format("p{}", pick(random));
        while (flow.destination == flow.origin);
        flow.count = size(random);
        flow.unit = model::Unit::people;
        s.flows.push_back(std::move(flow));
    }
    return s;
}

void BM_LayoutFlows(benchmark::State& state) {
    const Synthetic s = synthetic(static_cast<int>(state.range(0)));
    layout::FigureOptions options;
    options.avoid_obstacles = state.range(1) != 0;
    const layout::WidthScales scale({{model::Unit::people, 1000}}, 2.0, 0.2);
    layout::FlowLayout result;
    for (auto _ : state) {
        result = layout::layout_flows(s.flows, s.symbols, {}, s.drawn, s.frame, scale, options);
        benchmark::DoNotOptimize(result);
    }
    state.SetComplexityN(state.range(0));
    // How good the layout is, not only how fast: flows still over a foreign symbol (0.8 mm clearance
    // asked; counted here at 0), as a share of all flows.
    layout::Scene scene;
    scene.page_width_mm = 174;
    scene.page_height_mm = 140;
    scene.map_frame = s.frame;
    scene.places = s.drawn;
    scene.flows = result.shapes;
    const auto quality = layout::measure_quality(scene, 0);
    state.counters["over_symbol"] =
        static_cast<double>(quality.intrusions.size()) / static_cast<double>(s.flows.size());
}
// Second argument: node and arrowhead avoidance on (1) or forces only (0).
BENCHMARK(BM_LayoutFlows)
    ->ArgsProduct({{10, 100, 1000, 10000}, {1, 0}})
    ->ArgNames({"flows", "avoid"})
    ->Unit(benchmark::kMillisecond);

void BM_PlaceLabels(benchmark::State& state) {
    const Synthetic s = synthetic(static_cast<int>(state.range(0)) * 3);
    std::vector<layout::LabelRequest> requests;
    for (const auto& symbol : s.drawn) {
        if (requests.size() == static_cast<std::size_t>(state.range(0))) break;
        requests.push_back(
            {symbol.place_id, "Placename", symbol.centre, symbol.radius_mm, layout::Label::Kind::place, 6.5, {}});
    }
    // A fixed-width measure: this times placement, not Pango.
    const layout::TextMeasure measure = [](const std::string& text, double size_pt, bool, double) {
        return layout::TextSize{static_cast<double>(text.size()) * size_pt * 0.18, size_pt * 0.42};
    };
    for (auto _ : state) {
        auto result = layout::place_labels(requests, s.drawn, s.frame, measure, {}, {});
        benchmark::DoNotOptimize(result);
    }
    state.SetComplexityN(state.range(0));
}
BENCHMARK(BM_PlaceLabels)->Arg(10)->Arg(100)->Arg(1000)->Unit(benchmark::kMillisecond)->Complexity();

}  // namespace
