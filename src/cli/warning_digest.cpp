#include "cli/warning_digest.hpp"

#include <algorithm>
#include <regex>

#include <fmt/format.h>

namespace steppeflow::cli {

void WarningDigest::add(const std::string& figure, const std::string& warning) {
    // A panel's warnings carry its name: a period of small multiples, or a detail layout's panel.
    static const std::regex period_prefix("^([0-9]{4}(?:\u2013[0-9]{4})?|overview|detail): (.*)$");
    std::smatch match;
    std::string text = warning;
    Source where{figure, {}};
    if (std::regex_match(warning, match, period_prefix)) {
        where.period = match[1].str();
        text = match[2].str();
    }
    auto entry = std::find_if(entries_.begin(), entries_.end(), [&](const Entry& e) { return e.text == text; });
    if (entry == entries_.end()) entry = entries_.insert(entries_.end(), Entry{text, {}});
    if (std::find(entry->where.begin(), entry->where.end(), where) == entry->where.end()) entry->where.push_back(where);
}

std::vector<std::string> WarningDigest::lines(std::size_t figures_in_batch) const {
    std::vector<std::string> out;
    out.reserve(entries_.size());
    for (const auto& entry : entries_) {
        const bool everywhere = figures_in_batch > 1 && entry.where.size() == figures_in_batch &&
                                std::all_of(entry.where.begin(), entry.where.end(),
                                            [](const Source& source) { return source.period.empty(); });
        if (everywhere) {
            out.push_back(entry.text);
            continue;
        }
        std::vector<std::string> names;
        names.reserve(entry.where.size());
        for (const auto& source : entry.where)
            names.push_back(source.period.empty() ? source.figure : source.figure + " " + source.period);
        out.push_back(fmt::format("{} (in {})", entry.text, fmt::join(names, ", ")));
    }
    return out;
}

}  // namespace steppeflow::cli
