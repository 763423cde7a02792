#include "render/text.hpp"

#include <memory>
#include <mutex>
#include <unordered_map>

#include <fmt/format.h>
#include <pango/pangocairo.h>

#include "common/error.hpp"
#include "render/cairo_handles.hpp"

namespace steppeflow::render {

namespace {

constexpr double kMmPerPoint = 25.4 / 72.0;

struct GObjectUnref {
    void operator()(void* object) const { g_object_unref(object); }
};
struct FontDescriptionFree {
    void operator()(PangoFontDescription* description) const { pango_font_description_free(description); }
};

std::unique_ptr<PangoLayout, GObjectUnref> make_layout(cairo_t* cr, const std::string& family, const std::string& text,
                                                       double size_pt, bool bold, double wrap_width_mm,
                                                       bool italic = false) {
    // Unhinted metrics keep text the same width at every output resolution.
    cairo_font_options_t* font_options = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(font_options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(font_options, CAIRO_HINT_STYLE_NONE);
    std::unique_ptr<PangoLayout, GObjectUnref> layout(pango_cairo_create_layout(cr));
    PangoContext* context = pango_layout_get_context(layout.get());
    pango_cairo_context_set_font_options(context, font_options);
    // Glyph positions rounded to whole device units scatter letter spacing at small sizes.
    pango_context_set_round_glyph_positions(context, FALSE);
    cairo_font_options_destroy(font_options);
    std::unique_ptr<PangoFontDescription, FontDescriptionFree> description(pango_font_description_new());
    pango_font_description_set_family(description.get(), family.c_str());
    pango_font_description_set_weight(description.get(), bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    if (italic) pango_font_description_set_style(description.get(), PANGO_STYLE_ITALIC);
    pango_font_description_set_absolute_size(description.get(), size_pt * kMmPerPoint * PANGO_SCALE);
    pango_layout_set_font_description(layout.get(), description.get());
    pango_layout_set_text(layout.get(), text.c_str(), static_cast<int>(text.size()));
    if (wrap_width_mm > 0) {
        pango_layout_set_width(layout.get(), static_cast<int>(wrap_width_mm * PANGO_SCALE));
        pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD);
    }
    pango_cairo_update_layout(cr, layout.get());
    return layout;
}

// Names the sink kept on a context (cairo_set_user_data): its address is the key, nothing is stored in it.
const cairo_user_data_key_t kTextSink{};
// Marks a context on which everything is drawn opaque (draw_opaque): its address is the key.
const cairo_user_data_key_t kOpaque{};

PlacedText placed(cairo_t* cr, PangoLayout* layout, const Font& font, const std::string& text, double x, double y,
                  double size_pt, bool bold, bool italic, double halo_mm) {
    PlacedText out;
    cairo_get_matrix(cr, &out.matrix);
    out.family = font.family;
    out.size_pt = size_pt;
    out.bold = bold;
    out.italic = italic;
    out.halo_mm = halo_mm;
    out.halo = font.halo;
    cairo_pattern_get_rgba(cairo_get_source(cr), &out.red, &out.green, &out.blue, &out.alpha);
    PangoLayoutIter* line = pango_layout_get_iter(layout);
    do {
        const PangoLayoutLine* run = pango_layout_iter_get_line_readonly(line);
        PangoRectangle logical;
        pango_layout_iter_get_line_extents(line, nullptr, &logical);
        std::string part =
            text.substr(static_cast<std::size_t>(run->start_index), static_cast<std::size_t>(run->length));
        while (!part.empty() && (part.back() == ' ' || part.back() == '\n')) part.pop_back();
        out.lines.push_back({std::move(part), x + static_cast<double>(logical.x) / PANGO_SCALE,
                             y + static_cast<double>(pango_layout_iter_get_baseline(line)) / PANGO_SCALE});
    } while (pango_layout_iter_next_line(line) != 0);
    pango_layout_iter_free(line);
    return out;
}

}  // namespace

void keep_texts(cairo_t* cr, std::vector<PlacedText>* sink) { cairo_set_user_data(cr, &kTextSink, sink, nullptr); }

void draw_opaque(cairo_t* cr, bool opaque) {
    // Any non-null pointer marks it; the key's own address serves, and nothing is freed.
    cairo_set_user_data(cr, &kOpaque, opaque ? const_cast<cairo_user_data_key_t*>(&kOpaque) : nullptr, nullptr);
}

bool drawn_opaque(cairo_t* cr) { return cairo_get_user_data(cr, &kOpaque) != nullptr; }

layout::TextMeasure pango_text_measure(const std::string& family) {
    // A page's legend and texts are laid out several times while its height is fitted, so the same
    // texts are measured again and again: each is shaped once per measure and remembered (the cache
    // is shared by the measure's copies, and locked, as a figure's parts may be laid out on threads).
    struct Cache {
        std::mutex lock;
        std::unordered_map<std::string, layout::TextSize> sizes;
    };
    auto cache = std::make_shared<Cache>();
    return [family, cache](const std::string& text, double size_pt, bool bold, double wrap_width_mm) {
        std::string key = fmt::format("{:a}|{:a}|{}|", size_pt, wrap_width_mm, bold ? 1 : 0);
        key += text;
        {
            const std::lock_guard<std::mutex> guard(cache->lock);
            if (const auto found = cache->sizes.find(key); found != cache->sizes.end()) return found->second;
        }
        const Surface surface(cairo_image_surface_create(CAIRO_FORMAT_A8, 1, 1));
        const Context cr(cairo_create(surface.get()));
        const auto layout = make_layout(cr.get(), family, text, size_pt, bold, wrap_width_mm);
        PangoRectangle logical;
        pango_layout_get_extents(layout.get(), nullptr, &logical);
        const layout::TextSize size{static_cast<double>(logical.width) / PANGO_SCALE,
                                    static_cast<double>(logical.height) / PANGO_SCALE};
        const std::lock_guard<std::mutex> guard(cache->lock);
        cache->sizes.emplace(std::move(key), size);
        return size;
    };
}

void draw_text(cairo_t* cr, const Font& font, const std::string& text, double x, double y, double size_pt, bool bold,
               double halo_mm, double wrap_width_mm, bool italic) {
    auto layout = make_layout(cr, font.family, text, size_pt, bold, wrap_width_mm, italic);
    if (auto* sink = static_cast<std::vector<PlacedText>*>(cairo_get_user_data(cr, &kTextSink))) {
        sink->push_back(placed(cr, layout.get(), font, text, x, y, size_pt, bold, italic, halo_mm));
        return;
    }
    cairo_save(cr);
    cairo_move_to(cr, x, y);
    if (halo_mm > 0) {
        pango_cairo_layout_path(cr, layout.get());
        cairo_set_source_rgba(cr, font.halo.r, font.halo.g, font.halo.b, drawn_opaque(cr) ? 1.0 : 0.85);
        cairo_set_line_width(cr, 2 * halo_mm);
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
        cairo_stroke(cr);
        cairo_move_to(cr, x, y);
    }
    cairo_restore(cr);
    cairo_move_to(cr, x, y);
    pango_cairo_show_layout(cr, layout.get());
}

void require_font(const std::string& family, const std::string& named_at) {
    // fontconfig always finds some font; the family is installed when the font it finds is of that
    // family. (Listing every family took longer than drawing the map's text; it is only the fallback,
    // for names such as "Sans" that fontconfig lists as families of their own.) It also opens the
    // font this thread will measure and draw text with.
    PangoFontMap* map = pango_cairo_font_map_get_default();
    std::unique_ptr<PangoContext, GObjectUnref> context(pango_font_map_create_context(map));
    std::unique_ptr<PangoFontDescription, FontDescriptionFree> wanted(pango_font_description_new());
    pango_font_description_set_family(wanted.get(), family.c_str());
    pango_font_description_set_absolute_size(wanted.get(), 10 * PANGO_SCALE);
    std::unique_ptr<PangoFont, GObjectUnref> font(pango_font_map_load_font(map, context.get(), wanted.get()));
    bool found = false;
    if (font) {
        std::unique_ptr<PangoFontDescription, FontDescriptionFree> got(pango_font_describe(font.get()));
        const char* name = pango_font_description_get_family(got.get());
        found = name != nullptr && g_ascii_strcasecmp(name, family.c_str()) == 0;
    }
    if (!found) {
        PangoFontFamily** families = nullptr;
        int count = 0;
        pango_font_map_list_families(map, &families, &count);
        for (int i = 0; i < count && !found; ++i) found = family == pango_font_family_get_name(families[i]);
        g_free(static_cast<void*>(families));
    }
    if (!found) {
        throw IoError(
            fmt::format("{}font '{}' is not installed{}; install it or name another font in the style (text.font)",
                        named_at.empty() ? std::string{} : named_at + ": ", family,
                        family == "Noto Sans" ? " (Debian package fonts-noto-core)" : ""));
    }
}

}  // namespace steppeflow::render
