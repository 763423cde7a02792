#pragma once
// Warnings of a batch, each said once: the same warning from several figures (or panels) of a
// batch is one line naming them, instead of one line per figure.

#include <string>
#include <vector>

namespace steppeflow::cli {

class WarningDigest {
public:
    // A warning of `figure` (a spec file). A leading period label ("1930: …", "1931–1932: …"), as
    // small multiples and sequences give their panels' warnings, joins the figure's name instead.
    void add(const std::string& figure, const std::string& warning);

    // One line per distinct warning, in the order first seen, each followed by the figures that gave
    // it when they are not all of the batch's: "text (in a.toml, b.toml 1930)".
    [[nodiscard]] std::vector<std::string> lines(std::size_t figures_in_batch) const;

private:
    struct Source {
        std::string figure;
        std::string period;  // empty: the whole figure
        friend bool operator==(const Source&, const Source&) = default;
    };
    struct Entry {
        std::string text;
        std::vector<Source> where;
    };
    std::vector<Entry> entries_;
};

}  // namespace steppeflow::cli
