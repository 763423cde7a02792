#pragma once
// Matching of place names across scripts and spellings: Джаркент, Jarkent, Dzharkent and
// Zharkent compare equal after folding; the nearest names are suggested when nothing matches.

#include <string>
#include <string_view>
#include <vector>

namespace steppeflow::model {

// Lowercase Latin folding of a name: Cyrillic (Russian and Kazakh letters) transliterated,
// diacritics, punctuation and spaces dropped, and common transliteration pairs merged
// (dzh/zh/j, kh/h, y/i, ...).
[[nodiscard]] std::string fold_name(std::string_view text);

// Levenshtein distance on bytes.
[[nodiscard]] std::size_t edit_distance(std::string_view a, std::string_view b);

// Up to `limit` candidates closest to `query` after folding, best first.
[[nodiscard]] std::vector<std::string> nearest_names(std::string_view query, const std::vector<std::string>& candidates,
                                                     std::size_t limit = 3);

}  // namespace steppeflow::model
