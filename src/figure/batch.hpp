#pragma once
// Running figures as the command line asks: one figure with its set-up overlapped with reading its
// data, or a batch of specs, each data set read once, two figures writing one file refused, drawn
// on the run's pool. What is printed, and how, is the command line's business.

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "common/error.hpp"
#include "common/thread_pool.hpp"
#include "config/figure_spec.hpp"
#include "figure/figure_runner.hpp"
#include "io/data_source.hpp"

namespace steppeflow::figure {

// One figure: the projection (PROJ's database) is made on another core while the data is read,
// and the rest of the set-up after. Errors keep their order: the data's, then the figure's.
FigureOutcome render_single(const config::FigureSpec& spec, const io::DataSource& source, ThreadPool& pool,
                            const layout::ProgressReport& progress = {});

struct BatchFigure {
    std::string name;  // the spec file
    FigureOutcome outcome;
    std::string error;  // empty when it was drawn
    ExitCode code = ExitCode::ok;
    double seconds = 0;
};

// Every spec, with `adjust` applied to it (the command line's overrides), in the order given. A spec
// that fails is reported in its entry and the others go on. `finished` hears of each figure as it
// ends, with the number finished so far (calls are serialised; any thread).
std::vector<BatchFigure> render_batch(const std::vector<std::filesystem::path>& specs,
                                      const std::function<void(config::FigureSpec&)>& adjust,
                                      const io::DataSource& source, ThreadPool& pool,
                                      const std::function<void(const BatchFigure&, std::size_t)>& finished = {});

}  // namespace steppeflow::figure
