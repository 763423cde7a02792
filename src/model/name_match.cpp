#include "model/name_match.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <utility>

namespace steppeflow::model {

namespace {

// Decodes one UTF-8 code point; invalid bytes come back as U+FFFD and advance by one.
char32_t next_code_point(std::string_view text, std::size_t& i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    auto continuation = [&](std::size_t k) -> std::uint32_t {
        if (i + k >= text.size()) return 0xFFFFFFFFU;
        const auto c = static_cast<unsigned char>(text[i + k]);
        return (c & 0xC0U) == 0x80U ? (c & 0x3FU) : 0xFFFFFFFFU;
    };
    if (byte < 0x80) {
        ++i;
        return byte;
    }
    if ((byte & 0xE0U) == 0xC0U) {
        const auto c1 = continuation(1);
        if (c1 != 0xFFFFFFFFU) {
            i += 2;
            return static_cast<char32_t>(((byte & 0x1FU) << 6) | c1);
        }
    } else if ((byte & 0xF0U) == 0xE0U) {
        const auto c1 = continuation(1);
        const auto c2 = continuation(2);
        if (c1 != 0xFFFFFFFFU && c2 != 0xFFFFFFFFU) {
            i += 3;
            return static_cast<char32_t>(((byte & 0x0FU) << 12) | (c1 << 6) | c2);
        }
    }
    ++i;
    return 0xFFFD;
}

// Cyrillic (Russian + Kazakh) and common Latin diacritics to plain Latin.
std::string_view transliterate(char32_t c) {
    switch (c) {
        case U'а':
        case U'ә':
            return "a";
        case U'б':
            return "b";
        case U'в':
            return "v";
        case U'г':
        case U'ғ':
            return "g";
        case U'д':
            return "d";
        case U'е':
        case U'ё':
        case U'э':
            return "e";
        case U'ж':
            return "zh";
        case U'з':
            return "z";
        case U'и':
        case U'й':
        case U'і':
        case U'ы':
            return "i";
        case U'к':
        case U'қ':
            return "k";
        case U'л':
            return "l";
        case U'м':
            return "m";
        case U'н':
        case U'ң':
            return "n";
        case U'о':
        case U'ө':
            return "o";
        case U'п':
            return "p";
        case U'р':
            return "r";
        case U'с':
            return "s";
        case U'т':
            return "t";
        case U'у':
        case U'ұ':
        case U'ү':
            return "u";
        case U'ф':
            return "f";
        case U'х':
        case U'һ':
            return "kh";
        case U'ц':
            return "ts";
        case U'ч':
            return "ch";
        case U'ш':
            return "sh";
        case U'щ':
            return "shch";
        case U'ю':
            return "yu";
        case U'я':
            return "ya";
        case U'ъ':
        case U'ь':
            return "";
        case U'ä':
        case U'á':
        case U'à':
        case U'â':
            return "a";
        case U'ö':
        case U'ó':
        case U'ô':
            return "o";
        case U'ü':
        case U'ú':
        case U'ū':
            return "u";
        case U'é':
        case U'è':
        case U'ê':
            return "e";
        case U'ı':
        case U'í':
        case U'ï':
            return "i";
        case U'ş':
            return "sh";
        case U'ç':
            return "ch";
        case U'ğ':
            return "g";
        case U'ñ':
            return "n";
        default:
            return {};
    }
}

char32_t to_lower(char32_t c) {
    if (c >= U'A' && c <= U'Z') return c + 32;
    if (c >= U'А' && c <= U'Я') return c + 32;
    if (c >= U'Ѐ' && c <= U'Џ') return c + 80;
    // Kazakh letters outside the basic block come in upper/lower pairs (even/odd).
    switch (c) {
        case U'Ә':
            return U'ә';
        case U'Ғ':
            return U'ғ';
        case U'Қ':
            return U'қ';
        case U'Ң':
            return U'ң';
        case U'Ө':
            return U'ө';
        case U'Ұ':
            return U'ұ';
        case U'Ү':
            return U'ү';
        case U'Һ':
            return U'һ';
        case U'І':
            return U'і';
        case U'Ä':
            return U'ä';
        case U'Ö':
            return U'ö';
        case U'Ü':
            return U'ü';
        default:
            return c;
    }
}

void replace_all(std::string& text, std::string_view from, std::string_view to) {
    for (std::size_t pos = 0; (pos = text.find(from, pos)) != std::string::npos; pos += to.size()) {
        text.replace(pos, from.size(), to);
    }
}

}  // namespace

std::string fold_name(std::string_view text) {
    std::string latin;
    for (std::size_t i = 0; i < text.size();) {
        const char32_t c = to_lower(next_code_point(text, i));
        if (c < 0x80) {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) latin.push_back(static_cast<char>(c));
            continue;  // spaces, hyphens, apostrophes, dots are spelling noise
        }
        latin += transliterate(c);
    }
    // Merge transliteration variants so that one spelling of a sound folds like another.
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 9> kMerges{{
        {"dzh", "j"},
        {"zh", "j"},
        {"dj", "j"},
        {"kh", "h"},
        {"ya", "ia"},
        {"yu", "iu"},
        {"y", "i"},
        {"w", "v"},
        {"q", "k"},
    }};
    for (const auto& [from, to] : kMerges) replace_all(latin, from, to);
    // Doubled letters are a frequent spelling variant (Kokpekty/Kokpekti, Zaissan/Zaisan).
    latin.erase(std::unique(latin.begin(), latin.end()), latin.end());
    return latin;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

std::vector<std::string> nearest_names(std::string_view query, const std::vector<std::string>& candidates,
                                       std::size_t limit) {
    const std::string folded_query = fold_name(query);
    std::vector<std::pair<std::size_t, std::string>> scored;
    for (const auto& candidate : candidates) {
        const std::string folded = fold_name(candidate);
        std::size_t distance = edit_distance(folded_query, folded);
        // A query that is a prefix of a name ("kokpek" → "kokpekty_district") is a strong hint.
        if (!folded_query.empty() && folded.rfind(folded_query, 0) == 0) distance = std::min<std::size_t>(distance, 1);
        scored.emplace_back(distance, candidate);
    }
    std::stable_sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<std::string> result;
    // Suggestions farther than half the query's length are noise, not help.
    const std::size_t cutoff = std::max<std::size_t>(2, folded_query.size() / 2);
    for (const auto& [distance, name] : scored) {
        if (result.size() >= limit || distance > cutoff) break;
        if (std::find(result.begin(), result.end(), name) == result.end()) result.push_back(name);
    }
    return result;
}

}  // namespace steppeflow::model
