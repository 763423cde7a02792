// An interactive page in one file, with nothing fetched from the network: the editable SVG inline,
// and a small script. Pointing at, tapping or tabbing to a flow shows its record (figure, outcome,
// dates, source and the verbatim quote, from the flow's <title>) in a status line that screen readers
// announce; a year control shows one year's movements at a time, or all; Escape clears.

#include <cstdio>
#include <string>

#include <fmt/format.h>

#include "common/error.hpp"
#include "render/svg_editable.hpp"
#include "render/writer_kinds.hpp"

namespace steppeflow::render {

namespace {

constexpr const char* kStyle = R"css(
body { font-family: 'Noto Sans', sans-serif; margin: 1rem; color: #222; background: #fff; }
figure { margin: 0; }
figure svg { width: 100%; max-width: 1100px; height: auto; }
g.flow { cursor: pointer; }
g.flow:focus { outline: none; }
g.flow.active, g.flow:focus { filter: drop-shadow(0 0 0.6px #000); }
#record { min-height: 3em; max-width: 60rem; padding: 0.5rem; border-left: 3px solid #999; }
fieldset { border: none; padding: 0; margin: 0.5rem 0; }
fieldset label { margin-right: 0.8rem; }
)css";

// Builds the year control from the flows' data-years and wires every flow group for pointer, touch
// and keyboard. No library: it must work from a file with no network.
constexpr const char* kScript = R"js(
(function () {
  'use strict';
  var record = document.getElementById('record');
  var prompt = record.textContent;
  var flows = Array.prototype.slice.call(document.querySelectorAll('figure svg g.flow'));
  function title(g) { var t = g.querySelector('title'); return t ? t.textContent : g.getAttribute('data-flow'); }
  function show(g) {
    record.textContent = title(g);
    flows.forEach(function (f) { f.classList.toggle('active', f === g); });
  }
  function clear() {
    record.textContent = prompt;
    flows.forEach(function (f) { f.classList.remove('active'); });
  }
  flows.forEach(function (g) {
    g.setAttribute('tabindex', '0');
    g.setAttribute('role', 'button');
    g.setAttribute('aria-label', title(g));
    g.addEventListener('mouseenter', function () { show(g); });
    g.addEventListener('focus', function () { show(g); });
    g.addEventListener('click', function () { show(g); });
    g.addEventListener('keydown', function (e) { if (e.key === 'Enter' || e.key === ' ') { show(g); e.preventDefault(); } });
  });
  document.addEventListener('keydown', function (e) { if (e.key === 'Escape') clear(); });
  var years = {};
  var undated = false;
  flows.forEach(function (g) {
    var list = (g.getAttribute('data-years') || '').split(' ').filter(Boolean);
    if (list.length === 0) undated = true;
    list.forEach(function (y) { years[y] = true; });
  });
  var choices = Object.keys(years).sort();
  var control = document.getElementById('years');
  if (choices.length < 2) { control.hidden = true; return; }
  function offer(value, text, checked) {
    var label = document.createElement('label');
    var input = document.createElement('input');
    input.type = 'radio';
    input.name = 'year';
    input.value = value;
    input.checked = checked;
    input.addEventListener('change', function () { select(value); });
    label.appendChild(input);
    label.appendChild(document.createTextNode(' ' + text));
    control.appendChild(label);
  }
  function select(value) {
    flows.forEach(function (g) {
      var list = (g.getAttribute('data-years') || '').split(' ').filter(Boolean);
      var shown = value === 'all' || list.indexOf(value) >= 0 || (value === 'undated' && list.length === 0);
      g.style.display = shown ? '' : 'none';
    });
    clear();
  }
  offer('all', control.getAttribute('data-all'), true);
  choices.forEach(function (y) { offer(y, y, false); });
  if (undated) offer('undated', control.getAttribute('data-undated'), false);
})();
)js";

std::string escaped(const std::string& text) {
    std::string out;
    for (const char c : text) {
        if (c == '&')
            out += "&amp;";
        else if (c == '<')
            out += "&lt;";
        else if (c == '>')
            out += "&gt;";
        else if (c == '"')
            out += "&quot;";
        else
            out += c;
    }
    return out;
}

}  // namespace

void HtmlWriter::write(const layout::Scene& scene, const std::filesystem::path& path, std::FILE* out,
                       const WriteOptions& /*options*/) const {
    std::string svg = editable_svg(scene, path);
    if (svg.starts_with("<?xml")) svg.erase(0, svg.find('\n') + 1);  // inline SVG has no XML declaration
    const std::string page = fmt::format(
        R"html(<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="steppeflow">
<title>{0}</title>
<style>{1}</style>
</head>
<body>
<main>
<figure>
{2}</figure>
<fieldset id="years" data-all="all years" data-undated="date not stated"><legend>Show</legend></fieldset>
<p id="record" role="status" aria-live="polite">Point at, tap or tab to a movement to read its record.</p>
</main>
<script>{3}</script>
</body>
</html>
)html",
        escaped(scene.document_title), kStyle, svg, kScript);
    if (std::fwrite(page.data(), 1, page.size(), out) != page.size())
        throw IoError(fmt::format("{}: could not be written", path.string()));
}

}  // namespace steppeflow::render
