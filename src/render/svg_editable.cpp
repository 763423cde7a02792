// An SVG a cartographer finishes in Inkscape or Illustrator: one group (an Inkscape layer) per part of
// the map, named (basemap, borders, flows, symbols, labels, legend, furniture), each flow a group of its
// own with its id and a <title> citing its record, and every name, legend text, title and credit a
// real <text> in the style's font (with a generic fallback), not glyph outlines. The shapes are Cairo's
// own SVG for each part, so they look as in the PNG and PDF; their ids are made unique per part.

#include "render/svg_editable.hpp"

#include <cairo-svg.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "common/error.hpp"
#include "render/cairo_handles.hpp"
#include "render/scene_painter.hpp"
#include "render/text.hpp"

namespace steppeflow::render {

namespace {

constexpr double kMmPerPoint = 25.4 / 72.0;

std::string escaped(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        // XML 1.0 allows no control character but tab, line feed and carriage return.
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') continue;
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

// An XML id of `text`: its ASCII letters, digits, '-' and '.' as they are, every other byte as '_'
// and its two hex digits, so that different names never give the same id ("Кульджа", "F 1").
std::string id_of(std::string_view text) {
    std::string id;
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        const bool plain = byte < 0x80 && (std::isalnum(byte) != 0 || c == '-' || c == '.');
        id += plain ? std::string(1, c) : fmt::format("_{:02x}", byte);
    }
    return id;
}

std::string hex(double r, double g, double b) {
    const auto byte = [](double v) { return static_cast<int>(std::lround(std::clamp(v, 0.0, 1.0) * 255)); };
    return fmt::format("#{:02x}{:02x}{:02x}", byte(r), byte(g), byte(b));
}

cairo_status_t append_to(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

// Every id of a fragment renamed "<prefix><n>" in order of appearance, and its references (url(#x),
// href="#x") with it: fragments then share a document, and the names never depend on Cairo's
// process-wide counters, so the same figure gives the same bytes wherever it is drawn.
std::string with_own_ids(const std::string& svg, const std::string& prefix) {
    std::map<std::string, std::string, std::less<>> renamed;
    for (std::size_t at = svg.find("id=\""); at != std::string::npos; at = svg.find("id=\"", at + 4)) {
        const std::size_t end = svg.find('"', at + 4);
        if (end == std::string::npos) break;
        renamed.emplace(svg.substr(at + 4, end - at - 4), fmt::format("{}{}", prefix, renamed.size() + 1));
    }
    std::string out;
    out.reserve(svg.size() + 64);
    std::size_t at = 0;
    while (at < svg.size()) {
        std::size_t next = std::string::npos;
        std::string_view marker;
        char close = '"';
        for (const auto& [candidate, ending] :
             {std::pair<std::string_view, char>{"id=\"", '"'}, {"url(#", ')'}, {"href=\"#", '"'}}) {
            const auto found = svg.find(candidate, at);
            if (found < next) {
                next = found;
                marker = candidate;
                close = ending;
            }
        }
        if (next == std::string::npos) {
            out.append(svg, at, std::string::npos);
            break;
        }
        const std::size_t name_start = next + marker.size();
        const std::size_t name_end = svg.find(close, name_start);
        out.append(svg, at, name_start - at);
        if (name_end == std::string::npos) {
            at = name_start;
            continue;
        }
        const std::string_view name(svg.data() + name_start, name_end - name_start);
        const auto found = renamed.find(name);
        out.append(found != renamed.end() ? std::string_view(found->second) : name);
        at = name_end;
    }
    return out;
}

class Document {
public:
    Document(const layout::Scene& page, const std::filesystem::path& path) : page_(page), path_(path) {}

    // What `paint` draws, as Cairo's SVG of it (the shapes) and <text> elements (the texts), into `out`.
    template <typename Paint>
    void part(std::string& out, Paint paint) {
        std::string svg;
        std::vector<PlacedText> texts;
        {
            const Surface surface(
                cairo_svg_surface_create_for_stream(append_to, &svg, page_.page_width_mm, page_.page_height_mm));
            cairo_svg_surface_set_document_unit(surface.get(), CAIRO_SVG_UNIT_MM);
            {
                const Context cr(cairo_create(surface.get()));
                cairo_translate(cr.get(), offset_.x, offset_.y);
                keep_texts(cr.get(), &texts);
                paint(cr.get());
                keep_texts(cr.get(), nullptr);
                if (cairo_status(cr.get()) != CAIRO_STATUS_SUCCESS) {
                    throw IoError(fmt::format("{}: drawing failed: {}", path_.string(),
                                              cairo_status_to_string(cairo_status(cr.get()))));
                }
            }
            cairo_surface_finish(surface.get());
        }
        // The content between Cairo's <svg …> and </svg>, its ids made this part's own.
        const auto open = svg.find("<svg");
        const auto body = open == std::string::npos ? std::string::npos : svg.find('>', open);
        const auto close = svg.rfind("</svg>");
        if (body != std::string::npos && close != std::string::npos && close > body) {
            out += with_own_ids(svg.substr(body + 1, close - body - 1), fmt::format("p{}-", ++parts_));
        }
        for (const auto& text : texts) out += text_element(text);
    }

    void set_offset(layout::Point offset) { offset_ = offset; }

private:
    static std::string text_element(const PlacedText& text) {
        const cairo_matrix_t& m = text.matrix;
        std::string family;
        for (const char c : text.family)
            if (c != '\'' && c != '"' && c != ';' && c != '<' && c != '>' && c != '&') family += c;
        std::string style = fmt::format("font-family:'{}',sans-serif;font-size:{:.3f}px;fill:{}", family,
                                        text.size_pt * kMmPerPoint, hex(text.red, text.green, text.blue));
        if (text.alpha < 1) style += fmt::format(";fill-opacity:{:.2f}", text.alpha);
        if (text.bold) style += ";font-weight:bold";
        if (text.italic) style += ";font-style:italic";
        if (text.halo_mm > 0) {
            style += fmt::format(
                ";stroke:{};stroke-opacity:0.85;stroke-width:{:.3f}px;stroke-linejoin:round;"
                "paint-order:stroke",
                hex(text.halo.r, text.halo.g, text.halo.b), 2 * text.halo_mm);
        }
        std::string out = fmt::format(
            R"svg(<text xml:space="preserve" transform="matrix({:g},{:g},{:g},{:g},{:.3f},{:.3f})" style="{}">)svg",
            m.xx, m.yx, m.xy, m.yy, m.x0, m.y0, style);
        for (const auto& line : text.lines)
            out += fmt::format(R"(<tspan x="{:.3f}" y="{:.3f}">{}</tspan>)", line.x, line.y, escaped(line.text));
        return out + "</text>\n";
    }

    const layout::Scene& page_;
    const std::filesystem::path& path_;
    layout::Point offset_;
    int parts_ = 0;
};

std::string layer_open(const std::string& id, const std::string& label) {
    return fmt::format(R"(<g id="{}" inkscape:groupmode="layer" inkscape:label="{}">)", escaped(id), escaped(label)) +
           "\n";
}

// What a flow's <title> says: its id, figure, outcome, dates, source and quote, as its record states them.
std::string flow_title(const layout::FlowShape& shape, const layout::Scene& scene) {
    std::string text = shape.flow_id;
    if (!scene.records) return text;
    for (const auto& flow : scene.records->flows) {
        if (flow.id != shape.flow_id) continue;
        if (flow.count) {
            text += fmt::format(": {}{} {}", *flow.count, flow.count_high ? fmt::format("–{}", *flow.count_high) : "",
                                flow.unit ? model::to_string(*flow.unit) : "");
        }
        text += fmt::format(", {} ({})", model::to_string(flow.status), model::to_string(flow.certainty));
        if (flow.date_start || flow.date_end) {
            text += fmt::format(", {}", flow.date_start ? flow.date_start->to_string() : "?");
            if (flow.date_end && flow.date_end != flow.date_start) text += "–" + flow.date_end->to_string();
        }
        if (!flow.source.empty()) text += ". Source: " + flow.source;
        if (!flow.quote.empty()) text += ". “" + flow.quote + "”";
        break;
    }
    return text;
}

// The years a flow's record spans, "1930 1931" (empty when it states no date): for an interactive
// page's year control.
std::string years_of(const layout::FlowShape& shape, const layout::Scene& scene) {
    if (!scene.records) return {};
    for (const auto& flow : scene.records->flows) {
        if (flow.id != shape.flow_id) continue;
        const auto& first = flow.date_start ? flow.date_start : flow.date_end;
        const auto& last = flow.date_end ? flow.date_end : flow.date_start;
        if (!first || !last) return {};
        std::string years;
        for (int year = first->year; year <= last->year && year - first->year < 100; ++year)
            years += (years.empty() ? "" : " ") + std::to_string(year);
        return years;
    }
    return {};
}

// One map's groups: runs of basemap layers (borders a group of their own), flows (each a group),
// symbols, labels and the map's furniture, ids prefixed for a panel.
void map_groups(Document& document, const layout::Scene& scene, const std::string& prefix, std::string& out) {
    if (scene.map_frame.width <= 0) return;
    std::string body;
    // Basemap: the water, then each layer (the graticule where the list puts it), in runs.
    std::string current;
    int run = 0;
    const auto switch_to = [&](const std::string& group) {
        if (group == current) return;
        if (!current.empty()) body += "</g>\n";
        current = group;
        const std::string id = fmt::format("{}{}{}", prefix, group, ++run > 2 ? fmt::format("-{}", run) : "");
        body += layer_open(id, group);
    };
    switch_to("basemap");
    document.part(body, [&](cairo_t* cr) { paint_map_part(cr, scene, MapPart::water); });
    bool graticule = false;
    for (std::size_t i = 0; i < scene.layers.size(); ++i) {
        const auto& layer = scene.layers[i];
        switch_to(layer.role == model::LayerRole::border ? "borders" : "basemap");
        body +=
            fmt::format(R"(<g id="{}layer-{}" inkscape:label="{}">)", prefix, id_of(layer.name), escaped(layer.name));
        if (layer.role == model::LayerRole::graticule) {
            document.part(body, [&](cairo_t* cr) { paint_map_part(cr, scene, MapPart::graticule); });
            graticule = true;
        } else {
            document.part(body, [&](cairo_t* cr) { paint_map_part(cr, scene, MapPart::layer, i); });
        }
        body += "</g>\n";
    }
    if (!graticule) {
        switch_to("basemap");
        document.part(body, [&](cairo_t* cr) { paint_map_part(cr, scene, MapPart::graticule); });
    }
    body += "</g>\n";
    out += body;

    out += layer_open(prefix + "flows", "flows");
    document.part(out, [&](cairo_t* cr) { paint_map_part(cr, scene, MapPart::uncertainty); });
    std::map<std::string, int> seen;
    for (std::size_t i = 0; i < scene.flows.size(); ++i) {
        const auto& shape = scene.flows[i];
        const int n = ++seen[shape.flow_id];
        out +=
            fmt::format(R"(<g id="{}flow-{}{}" class="flow {}" data-flow="{}" data-years="{}"><title>{}</title>)",
                        prefix, id_of(shape.flow_id), n > 1 ? fmt::format("-{}", n) : "", layout::to_string(shape.part),
                        escaped(shape.flow_id), years_of(shape, scene), escaped(flow_title(shape, scene)));
        document.part(out, [&](cairo_t* cr) { paint_map_part(cr, scene, MapPart::flow, i); });
        out += "</g>\n";
    }
    document.part(out, [&](cairo_t* cr) {
        paint_map_part(cr, scene, MapPart::junctions);
        paint_map_part(cr, scene, MapPart::hubs);
    });
    out += "</g>\n";
    out += layer_open(prefix + "symbols", "symbols");
    document.part(out, [&](cairo_t* cr) { paint_map_part(cr, scene, MapPart::symbols); });
    out += "</g>\n" + layer_open(prefix + "labels", "labels");
    document.part(out, [&](cairo_t* cr) { paint_map_part(cr, scene, MapPart::labels); });
    out += "</g>\n";
    if (scene.legend.framed) {
        out += layer_open(prefix + "legend-in-map", "legend");
        document.part(out, [&](cairo_t* cr) { paint_map_part(cr, scene, MapPart::framed_legend); });
        out += "</g>\n";
    }
    out += layer_open(prefix + "furniture", "furniture");
    document.part(out, [&](cairo_t* cr) {
        paint_map_part(cr, scene, MapPart::north_arrow);
        paint_map_part(cr, scene, MapPart::detail_key);
        paint_map_part(cr, scene, MapPart::inset);
        paint_map_part(cr, scene, MapPart::frame);
    });
    out += "</g>\n";
}

std::string panel_id(const std::string& title, std::size_t index) {
    return fmt::format("panel{}-{}-", index + 1, id_of(title));
}

// A page, or a panel in it, as paint_scene paints it: its map, its panels, then its own legend,
// scale bar and texts (a panel's title among them).
void page_groups(Document& document, const layout::Scene& scene, const std::string& prefix, layout::Point offset,
                 std::string& out) {
    document.set_offset(offset);
    map_groups(document, scene, prefix, out);
    for (std::size_t i = 0; i < scene.panels.size(); ++i) {
        const auto& panel = scene.panels[i];
        const std::string inner = prefix + panel_id(panel.title, i);
        out += fmt::format(R"(<g id="{}map" inkscape:groupmode="layer" inkscape:label="panel {}">)", inner,
                           escaped(panel.title)) +
               "\n";
        page_groups(document, panel.scene, inner, {offset.x + panel.offset.x, offset.y + panel.offset.y}, out);
        document.set_offset(offset);
        out += "</g>\n";
    }
    out += layer_open(prefix + "legend", "legend");
    document.part(out, [&](cairo_t* cr) { paint_page_part(cr, scene, PagePart::legend); });
    out += "</g>\n" + layer_open(prefix + "furniture-page", "furniture");
    document.part(out, [&](cairo_t* cr) {
        paint_page_part(cr, scene, PagePart::scale_bar);
        paint_page_part(cr, scene, PagePart::texts);
    });
    out += "</g>\n";
}

}  // namespace

std::string editable_svg(const layout::Scene& scene, const std::filesystem::path& path) {
    Document document(scene, path);
    std::string out = fmt::format(
        R"(<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" )"
        R"(xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" width="{0:g}mm" height="{1:g}mm" )"
        R"(viewBox="0 0 {0:g} {1:g}" version="1.1">
)",
        scene.page_width_mm, scene.page_height_mm);
    if (!scene.document_title.empty()) out += fmt::format("<title>{}</title>\n", escaped(scene.document_title));
    out += layer_open("paper", "paper");
    document.part(out, [&](cairo_t* cr) { paint_page_part(cr, scene, PagePart::paper); });
    out += "</g>\n";
    page_groups(document, scene, "", {}, out);
    return out + "</svg>\n";
}

}  // namespace steppeflow::render
