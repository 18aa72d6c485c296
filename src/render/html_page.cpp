// The interactive page: one self-contained HTML file (inline SVG, styles, script and data; no
// network). Graph data travels as JSON inside <script type="application/json"> with '<', '>'
// and '&' escaped, so no name or sentence can close the tag; the script builds every piece of
// text with textContent, never innerHTML.
#include "render_detail.hpp"

#include <cstdio>
#include <map>
#include <set>
#include <string>

namespace corpgraph::detail::draw {
namespace {

constexpr std::size_t max_evidence_per_edge = 50;

void append_number(std::string& out, double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.4g", value);
  out += buffer;
}

void append_key(std::string& out, std::string_view key) {
  append_json_string(out, key);
  out += ':';
}

std::string graph_json(const Graph& graph, const Selection& selection) {
  std::map<NodeId, std::string> keys;
  for (std::size_t i = 0; i < selection.nodes.size(); ++i)
    keys[selection.nodes[i]] = node_key(i);

  std::string out = "{";
  append_key(out, "focus");
  if (selection.focus) append_json_string(out, keys.at(*selection.focus));
  else out += "null";

  std::set<Label> labels;
  for (EdgeId id : selection.edges) labels.insert(graph.relation(id).label);
  out += ',';
  append_key(out, "labels");
  out += '[';
  bool first = true;
  for (Label label : labels) {
    if (!first) out += ',';
    first = false;
    out += '{';
    append_key(out, "name");
    append_json_string(out, to_string(label));
    out += ',';
    append_key(out, "colour");
    append_json_string(out, label_style(label).colour);
    out += ',';
    append_key(out, "symmetric");
    out += is_symmetric(label) ? "true" : "false";
    out += '}';
  }
  out += "],";

  append_key(out, "nodes");
  out += '[';
  for (std::size_t i = 0; i < selection.nodes.size(); ++i) {
    const Company& company = graph.company(selection.nodes[i]);
    if (i) out += ',';
    out += '{';
    append_key(out, "id");
    append_json_string(out, node_key(i));
    out += ',';
    append_key(out, "name");
    append_json_string(out, company.name);
    out += ',';
    append_key(out, "kind");
    append_json_string(out, to_string(company.kind));
    out += ',';
    append_key(out, "aliases");
    out += '[';
    for (std::size_t k = 0; k < company.aliases.size(); ++k) {
      if (k) out += ',';
      append_json_string(out, company.aliases[k]);
    }
    out += "]}";
  }
  out += "],";

  std::set<std::string> docs;
  append_key(out, "edges");
  out += '[';
  for (std::size_t i = 0; i < selection.edges.size(); ++i) {
    const Edge& edge = graph.relation(selection.edges[i]);
    if (i) out += ',';
    out += '{';
    append_key(out, "id");
    append_json_string(out, edge_key(i));
    out += ',';
    append_key(out, "source");
    append_json_string(out, keys.at(edge.source));
    out += ',';
    append_key(out, "target");
    append_json_string(out, keys.at(edge.target));
    out += ',';
    append_key(out, "label");
    append_json_string(out, to_string(edge.label));
    out += ',';
    append_key(out, "status");
    append_json_string(out, to_string(edge.status));
    out += ',';
    append_key(out, "confidence");
    append_number(out, edge.confidence);
    out += ',';
    append_key(out, "evidence_total");
    out += std::to_string(edge.evidence.size());
    out += ',';
    append_key(out, "evidence");
    out += '[';
    for (std::size_t k = 0; k < edge.evidence.size() && k < max_evidence_per_edge; ++k) {
      const Evidence& evidence = edge.evidence[k];
      if (k) out += ',';
      out += '{';
      append_key(out, "doc");
      append_json_string(out, evidence.doc);
      out += ',';
      append_key(out, "sentence");
      append_json_string(out, evidence.sentence);
      out += ',';
      append_key(out, "start");
      out += std::to_string(evidence.start);
      out += ',';
      append_key(out, "end");
      out += std::to_string(evidence.end);
      out += ',';
      append_key(out, "confidence");
      append_number(out, evidence.confidence);
      out += '}';
      if (!evidence.doc.empty()) docs.insert(evidence.doc);
    }
    out += "]}";
  }
  out += "],";

  append_key(out, "documents");
  out += '[';
  first = true;
  for (const std::string& id : docs) {
    const Document* document = graph.document(id);
    if (!document) continue;
    if (!first) out += ',';
    first = false;
    out += '{';
    append_key(out, "id");
    append_json_string(out, document->id);
    out += ',';
    append_key(out, "title");
    append_json_string(out, document->title);
    out += ',';
    append_key(out, "date");
    append_json_string(out, document->date);
    out += ',';
    append_key(out, "url");
    append_json_string(out, document->url);
    out += '}';
  }
  out += "]}";
  return out;
}

constexpr std::string_view page_head = R"HTML(<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>corpgraph diagram</title>
<style>
*{box-sizing:border-box}
html,body{margin:0;height:100%;font:14px/1.4 system-ui,-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;color:#1a2230;background:#f6f7fb}
#app{display:grid;grid-template-rows:auto 1fr;grid-template-columns:1fr 360px;height:100%}
#bar{grid-column:1/3;display:flex;flex-wrap:wrap;gap:8px 16px;align-items:center;padding:8px 12px;background:#fff;border-bottom:1px solid #d8dde8}
#bar h1{font-size:15px;margin:0 8px 0 0}
#search{width:220px;padding:4px 8px;border:1px solid #b8c0d0;border-radius:4px;font:inherit}
#search-status{color:#5a6478;min-width:6em}
#bar button{font:inherit;padding:2px 10px;border:1px solid #b8c0d0;border-radius:4px;background:#f3f5fa;cursor:pointer}
#filters{display:flex;flex-wrap:wrap;gap:4px 12px}
#filters label{display:inline-flex;align-items:center;gap:4px;cursor:pointer;white-space:nowrap}
.swatch{display:inline-block;width:18px;height:4px;border-radius:2px}
#view{position:relative;overflow:hidden;background:#fff;cursor:grab;touch-action:none}
#view.dragging{cursor:grabbing}
#view svg{width:100%;height:100%;display:block;user-select:none}
#panel{overflow:auto;padding:12px 14px;border-left:1px solid #d8dde8;background:#fbfcfe}
#panel h2{font-size:16px;margin:0 0 6px;overflow-wrap:anywhere}
#panel .meta{color:#5a6478;margin:2px 0}
#panel ul{padding-left:18px;margin:6px 0}
#panel li{margin:6px 0;overflow-wrap:anywhere}
#panel blockquote{margin:4px 0;padding:4px 8px;border-left:3px solid #c8cfdc;background:#fff;white-space:pre-wrap;overflow-wrap:anywhere}
#panel .link{color:#1f5fbf;cursor:pointer;text-decoration:underline}
#panel .hint{color:#7a8496}
g.node,g.edge{cursor:pointer}
g.edge path.hit{stroke:transparent;stroke-width:14px;fill:none;pointer-events:stroke}
g.node.match polygon,g.node.match path{stroke:#ff9800;stroke-width:4px}
g.node.selected polygon,g.node.selected path{stroke:#e91e63;stroke-width:5px}
g.edge.selected path:not(.hit){stroke-width:4px}
g.edge.hidden{display:none}
</style>
</head>
<body>
<div id="app">
<div id="bar">
<h1>corpgraph</h1>
<input id="search" type="search" placeholder="Find a company or alias" autocomplete="off" aria-label="Find a company">
<span id="search-status"></span>
<button id="zoom-in" type="button" title="Zoom in">+</button><button id="zoom-out" type="button" title="Zoom out">&#8722;</button><button id="zoom-reset" type="button" title="Fit to window">Fit</button>
<div id="filters" aria-label="Relations to show"></div>
</div>
<div id="view">
)HTML";

constexpr std::string_view page_middle = R"HTML(
</div>
<aside id="panel"><p class="hint">Click a company or a relation to see its details; drag to pan, use the mouse wheel to zoom.</p></aside>
</div>
<script type="application/json" id="corpgraph-data">)HTML";

constexpr std::string_view page_tail = R"HTML(</script>
<script>
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('corpgraph-data').textContent);
  var nodes = new Map(), edges = new Map(), documents = new Map();
  data.nodes.forEach(function (n) { n.relations = []; nodes.set(n.id, n); });
  data.edges.forEach(function (e) {
    edges.set(e.id, e);
    nodes.get(e.source).relations.push(e);
    nodes.get(e.target).relations.push(e);
  });
  data.documents.forEach(function (d) { documents.set(d.id, d); });

  var view = document.getElementById('view');
  var svg = view.querySelector('svg');
  var panel = document.getElementById('panel');
  svg.removeAttribute('width');
  svg.removeAttribute('height');
  svg.setAttribute('preserveAspectRatio', 'xMidYMid meet');
  var base = svg.viewBox.baseVal;
  var home = { x: base.x, y: base.y, w: base.width, h: base.height };
  var box = { x: home.x, y: home.y, w: home.w, h: home.h };
  function apply() { svg.setAttribute('viewBox', box.x + ' ' + box.y + ' ' + box.w + ' ' + box.h); }
  function zoomAt(factor, cx, cy) {
    box.x = cx - (cx - box.x) * factor;
    box.y = cy - (cy - box.y) * factor;
    box.w *= factor;
    box.h *= factor;
    apply();
  }
  function zoomCentre(factor) { zoomAt(factor, box.x + box.w / 2, box.y + box.h / 2); }
  function toSvg(clientX, clientY) {
    var p = svg.createSVGPoint();
    p.x = clientX; p.y = clientY;
    return p.matrixTransform(svg.getScreenCTM().inverse());
  }
  function unitsPerPixel() {
    var r = svg.getBoundingClientRect();
    return Math.max(box.w / r.width, box.h / r.height);
  }
  view.addEventListener('wheel', function (ev) {
    ev.preventDefault();
    var p = toSvg(ev.clientX, ev.clientY);
    zoomAt(ev.deltaY > 0 ? 1.15 : 1 / 1.15, p.x, p.y);
  }, { passive: false });
  var drag = null, dragged = false;
  view.addEventListener('pointerdown', function (ev) {
    if (ev.button !== 0) return;
    drag = { x: ev.clientX, y: ev.clientY, bx: box.x, by: box.y, k: unitsPerPixel() };
    dragged = false;
  });
  window.addEventListener('pointermove', function (ev) {
    if (!drag) return;
    var dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
    if (!dragged && Math.abs(dx) + Math.abs(dy) < 4) return;
    dragged = true;
    view.classList.add('dragging');
    box.x = drag.bx - dx * drag.k;
    box.y = drag.by - dy * drag.k;
    apply();
  });
  window.addEventListener('pointerup', function () { drag = null; view.classList.remove('dragging'); });
  document.getElementById('zoom-in').addEventListener('click', function () { zoomCentre(1 / 1.3); });
  document.getElementById('zoom-out').addEventListener('click', function () { zoomCentre(1.3); });
  document.getElementById('zoom-reset').addEventListener('click', function () {
    box = { x: home.x, y: home.y, w: home.w, h: home.h };
    apply();
  });

  // Wide transparent strokes make thin edges easy to click.
  svg.querySelectorAll('g.edge').forEach(function (g) {
    var path = g.querySelector('path');
    if (!path) return;
    var hit = path.cloneNode(false);
    hit.setAttribute('class', 'hit');
    hit.removeAttribute('stroke-dasharray');
    path.parentNode.insertBefore(hit, path.nextSibling);
  });

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function nodeLink(id) {
    var a = el('span', nodes.get(id).name, 'link');
    a.addEventListener('click', function () { selectNode(id, true); });
    return a;
  }
  function edgeLink(e, text) {
    var a = el('span', text, 'link');
    a.addEventListener('click', function () { selectEdge(e.id); });
    return a;
  }
  function safeUrl(url) { return /^https?:\/\//i.test(url) ? url : null; }
  var selected = null;
  function mark(id) {
    if (selected) { var old = document.getElementById(selected); if (old) old.classList.remove('selected'); }
    selected = id;
    var now = id && document.getElementById(id);
    if (now) now.classList.add('selected');
  }
  function arrow(e) { return data.labels.some(function (l) { return l.name === e.label && l.symmetric; }) ? ' — ' : ' → '; }

  function selectEdge(id) {
    var e = edges.get(id);
    if (!e) return;
    mark(id);
    panel.replaceChildren();
    panel.append(el('h2', e.label));
    var who = el('p', null, 'meta');
    who.append(nodeLink(e.source), document.createTextNode(arrow(e)), nodeLink(e.target));
    panel.append(who);
    panel.append(el('p', 'status: ' + e.status, 'meta status'));
    panel.append(el('p', 'confidence: ' + e.confidence, 'meta confidence'));
    panel.append(el('h3', 'Evidence (' + e.evidence_total + ')'));
    var list = el('ul', null, 'evidence');
    e.evidence.forEach(function (ev) {
      var li = el('li');
      if (ev.sentence) li.append(el('blockquote', ev.sentence, 'sentence'));
      var doc = ev.doc ? documents.get(ev.doc) : null;
      var src = el('div', null, 'meta source');
      if (doc) {
        var url = safeUrl(doc.url);
        var title = doc.title || doc.id;
        if (url) {
          var a = el('a', title);
          a.href = url;
          a.target = '_blank';
          a.rel = 'noopener noreferrer';
          src.append(a);
        } else {
          src.append(el('span', title));
          if (doc.url) src.append(el('span', ' ' + doc.url));
        }
        if (doc.date) src.append(el('span', ' · ' + doc.date));
        src.append(el('span', ' · ' + doc.id + ' bytes ' + ev.start + '–' + ev.end));
      } else if (ev.doc) {
        src.append(el('span', ev.doc + ' bytes ' + ev.start + '–' + ev.end));
      } else {
        src.append(el('span', 'given by hand'));
      }
      li.append(src);
      list.append(li);
    });
    panel.append(list);
    if (e.evidence_total > e.evidence.length)
      panel.append(el('p', (e.evidence_total - e.evidence.length) + ' more not shown', 'hint'));
  }

  function selectNode(id, centre) {
    var n = nodes.get(id);
    if (!n) return;
    mark(id);
    panel.replaceChildren();
    panel.append(el('h2', n.name, 'name'));
    panel.append(el('p', n.kind, 'meta'));
    if (n.aliases.length) {
      panel.append(el('h3', 'Aliases'));
      var al = el('ul', null, 'aliases');
      n.aliases.forEach(function (a) { al.append(el('li', a)); });
      panel.append(al);
    }
    panel.append(el('h3', 'Relations (' + n.relations.length + ')'));
    var list = el('ul', null, 'relations');
    n.relations.forEach(function (e) {
      var li = el('li');
      var other = e.source === id ? e.target : e.source;
      var dir = e.source === id ? e.label + arrow(e) : (arrow(e) === ' → ' ? e.label + ' ← ' : e.label + ' — ');
      li.append(edgeLink(e, dir), nodeLink(other), document.createTextNode(' (' + e.status + ')'));
      list.append(li);
    });
    panel.append(list);
    if (centre) centreOn(id);
  }

  function centreOn(id) {
    var g = document.getElementById(id);
    if (!g) return;
    var b = g.getBBox();
    var m = svg.getScreenCTM().inverse().multiply(g.getScreenCTM());
    var p = svg.createSVGPoint();
    p.x = b.x + b.width / 2; p.y = b.y + b.height / 2;
    p = p.matrixTransform(m);
    box.x = p.x - box.w / 2;
    box.y = p.y - box.h / 2;
    apply();
  }

  svg.addEventListener('click', function (ev) {
    if (dragged) { dragged = false; return; }
    var g = ev.target.closest('g.edge, g.node');
    if (!g || !g.id) return;
    if (g.classList.contains('edge')) selectEdge(g.id);
    else if (nodes.has(g.id)) selectNode(g.id, false);
  });

  var search = document.getElementById('search');
  var status = document.getElementById('search-status');
  function find(query) {
    var q = query.trim().toLowerCase();
    if (!q) return [];
    var scored = [];
    data.nodes.forEach(function (n) {
      var names = [n.name].concat(n.aliases).map(function (s) { return s.toLowerCase(); });
      var score = 9;
      names.forEach(function (s) {
        if (s === q) score = Math.min(score, 0);
        else if (s.indexOf(q) === 0) score = Math.min(score, 1);
        else if (s.indexOf(q) >= 0) score = Math.min(score, 2);
      });
      if (score < 9) scored.push([score, n]);
    });
    scored.sort(function (a, b) { return a[0] - b[0] || (a[1].name < b[1].name ? -1 : 1); });
    return scored.map(function (s) { return s[1]; });
  }
  function runSearch(jump) {
    svg.querySelectorAll('g.node.match').forEach(function (g) { g.classList.remove('match'); });
    var found = find(search.value);
    found.forEach(function (n) { var g = document.getElementById(n.id); if (g) g.classList.add('match'); });
    status.textContent = search.value.trim() ? (found.length ? found.length + ' found' : 'not found') : '';
    if (jump && found.length) selectNode(found[0].id, true);
  }
  search.addEventListener('input', function () { runSearch(false); });
  search.addEventListener('keydown', function (ev) { if (ev.key === 'Enter') runSearch(true); });

  var filters = document.getElementById('filters');
  data.labels.forEach(function (l) {
    var label = el('label');
    var check = el('input');
    check.type = 'checkbox';
    check.checked = true;
    check.value = l.name;
    check.id = 'filter-' + l.name;
    var sw = el('span', null, 'swatch');
    sw.style.background = l.colour;
    label.append(check, sw, document.createTextNode(l.name));
    check.addEventListener('change', function () {
      data.edges.forEach(function (e) {
        if (e.label !== l.name) return;
        var g = document.getElementById(e.id);
        if (g) g.classList.toggle('hidden', !check.checked);
      });
    });
    filters.append(label);
  });

  if (data.focus) selectNode(data.focus, false);
})();
</script>
</body>
</html>
)HTML";

}  // namespace

std::string html_page(const Graph& graph, const Selection& selection,
                      const RenderOptions& /*options*/, std::string_view svg) {
  // Graphviz puts an XML declaration and DOCTYPE first; inline SVG starts at <svg.
  if (auto start = svg.find("<svg"); start != std::string_view::npos) svg.remove_prefix(start);
  std::string out;
  const std::string json = graph_json(graph, selection);
  out.reserve(page_head.size() + svg.size() + page_middle.size() + json.size() + page_tail.size());
  out += page_head;
  out += svg;
  out += page_middle;
  out += json;
  out += page_tail;
  return out;
}

}  // namespace corpgraph::detail::draw
