// Everything that touches Graphviz (cgraph + gvc). Graphviz 2.4x keeps global state, is not
// thread safe even with one context per thread, and leaks a little per context, so the process
// keeps ONE lazily created GVC_t and every call holds one mutex.
#include "render_detail.hpp"

#include <corpgraph/error.hpp>

#include <cgraph.h>
#include <gvc.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>

namespace corpgraph::detail::draw {
namespace {

std::mutex& graphviz_mutex() {
  static std::mutex mutex;
  return mutex;
}

// Messages Graphviz reports while we hold the lock, so a failure can say what went wrong
// instead of Graphviz printing to stderr.
std::string& graphviz_messages() {
  static std::string messages;
  return messages;
}

int collect_message(char* text) {
  std::string& messages = graphviz_messages();
  if (messages.size() < 4096) messages += text;
  return 0;
}

GVC_t* context() {
  // Never freed: freeing and recreating contexts is what leaks and crashes in 2.4x.
  static GVC_t* gvc = [] {
    agseterrf(collect_message);
    return gvContext();
  }();
  return gvc;
}

std::string last_message() {
  std::string text = graphviz_messages();
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  if (auto nl = text.rfind('\n'); nl != std::string::npos) text = text.substr(nl + 1);
  return text;
}

int put_string(void* channel, const char* text) {
  static_cast<std::string*>(channel)->append(text);
  return 0;
}
int flush_nothing(void*) { return 0; }

// cgraph takes char* everywhere it means const char*.
char* mut(const char* text) { return const_cast<char*>(text); }

void set(void* object, const char* name, const std::string& value) {
  agsafeset(object, mut(name), mut(value.c_str()), mut(""));
}

// HTML-like labels are the only labels Graphviz never re-parses for \n, \l, \N, so names go in
// as XML text. Node labels still expand \N once, hence the doubled backslash.
std::string html_text(std::string_view raw) {
  std::string text = clean_text(raw);
  std::string out;
  out.reserve(text.size() + 16);
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\n': out += "<BR/>"; break;
      case '\\': out += "\\\\"; break;
      default: out += c;
    }
  }
  return out;
}

void set_html(Agraph_t* root, void* object, const char* name, const std::string& html) {
  char* value = agstrdup_html(root, mut(html.c_str()));
  agsafeset(object, mut(name), value, mut(""));
  agstrfree(root, value);
}

// Tooltips are escStrings expanded twice (\\ -> \ each time) and their entities decoded, so
// every backslash is written four times, '&' as &amp; and a newline as &#10;. A value must not
// end in a backslash: cgraph writes it unescaped before the closing quote, breaking the DOT file.
std::string tooltip_text(std::string_view raw) {
  std::string text = clean_text(raw);
  std::string out;
  out.reserve(text.size() + 16);
  for (char c : text) {
    if (c == '\\') out += "\\\\\\\\";
    else if (c == '&') out += "&amp;";
    else if (c == '\n') out += "&#10;";  // a raw newline can vanish beside agwrite's line breaks
    else out += c;
  }
  if (!out.empty() && out.back() == '\\') out += ' ';
  return out;
}

// Cuts text to at most max bytes without splitting a UTF-8 sequence.
std::string cut(std::string_view text, std::size_t max) {
  if (text.size() <= max) return std::string(text);
  std::size_t end = max;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return std::string(text.substr(0, end)) + "…";
}

std::string format_confidence(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f", value);
  return buffer;
}

std::string node_tooltip(const Graph& graph, NodeId node, std::size_t degree) {
  const Company& company = graph.company(node);
  std::string text = company.name;
  if (!company.aliases.empty()) {
    text += "\naliases: ";
    for (std::size_t i = 0; i < company.aliases.size(); ++i) {
      if (i) text += ", ";
      text += company.aliases[i];
    }
  }
  text += "\n" + std::to_string(degree) + (degree == 1 ? " relation drawn" : " relations drawn");
  return cut(text, 2000);
}

std::string edge_tooltip(const Graph& graph, const Edge& edge) {
  constexpr std::size_t max_sentences = 5;
  std::string text = graph.company(edge.source).name + (is_symmetric(edge.label) ? " — " : " → ") +
                     std::string(to_string(edge.label)) +
                     (is_symmetric(edge.label) ? " — " : " → ") +
                     graph.company(edge.target).name + " (" + std::string(to_string(edge.status)) +
                     ", confidence " + format_confidence(edge.confidence) + ")";
  std::size_t shown = 0;
  for (const Evidence& evidence : edge.evidence) {
    if (evidence.sentence.empty()) continue;
    if (shown == max_sentences) {
      text += "\n… and more";
      break;
    }
    text += "\n“" + cut(evidence.sentence, 400) + "”";
    if (!evidence.doc.empty()) text += " [" + evidence.doc + "]";
    ++shown;
  }
  return text;
}

std::string legend_html(const std::vector<Label>& labels, const std::set<Status>& statuses) {
  std::string html =
      "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"1\" CELLPADDING=\"2\">"
      "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><B>relations</B></TD></TR>";
  for (Label label : labels) {
    const bool symmetric = is_symmetric(label);
    html += "<TR><TD ALIGN=\"LEFT\"><FONT COLOR=\"" + std::string(label_style(label).colour) +
            "\">" + (symmetric ? "━━━━" : "━━━▶") + "</FONT></TD><TD ALIGN=\"LEFT\">" +
            std::string(to_string(label)) + "</TD></TR>";
  }
  if (statuses.count(Status::ended))
    html += "<TR><TD ALIGN=\"LEFT\">─ ─ ─</TD><TD ALIGN=\"LEFT\">ended</TD></TR>";
  if (statuses.count(Status::pending))
    html += "<TR><TD ALIGN=\"LEFT\">· · · ·</TD><TD ALIGN=\"LEFT\">pending</TD></TR>";
  html += "</TABLE>";
  return html;
}

struct GraphCloser {
  void operator()(Agraph_t* g) const { agclose(g); }
};
using GraphPtr = std::unique_ptr<Agraph_t, GraphCloser>;

Agiodisc_t string_io{AgIoDisc.afread, put_string, flush_nothing};
Agdisc_t string_disc{&AgMemDisc, &AgIdDisc, &string_io};

GraphPtr build(const Graph& graph, const Selection& selection, const RenderOptions& options) {
  const Layout layout = options.layout == Layout::automatic
                            ? choose_layout(selection.nodes.size())
                            : options.layout;
  const bool small = selection.nodes.size() <= dot_layout_max_nodes;
  GraphPtr g(agopen(mut("corpgraph"), Agdirected, &string_disc));
  Agraph_t* root = g.get();
  set(root, "layout", std::string(to_string(layout)));
  set(root, "bgcolor", "white");
  set(root, "fontname", "Helvetica");
  set(root, "pad", "0.3");
  set(root, "outputorder", "edgesfirst");
  if (layout == Layout::dot) {
    set(root, "rankdir", "LR");
    set(root, "nodesep", "0.35");
    set(root, "ranksep", "0.9");
  } else {
    set(root, "overlap", "prism");
    set(root, "sep", "+8");
    if (layout == Layout::neato || layout == Layout::fdp || layout == Layout::sfdp)
      set(root, "start", "1");  // a fixed seed: the same picture every time
  }
  set(root, "splines", small ? "true" : "false");

  // Defaults first, so agwrite states them once at the top.
  agattr(root, AGNODE, mut("shape"), mut("box"));
  agattr(root, AGNODE, mut("style"), mut("rounded,filled"));
  agattr(root, AGNODE, mut("fillcolor"), mut("#eef2fa"));
  agattr(root, AGNODE, mut("color"), mut("#4a5a7a"));
  agattr(root, AGNODE, mut("fontname"), mut("Helvetica"));
  agattr(root, AGNODE, mut("fontcolor"), mut("#1a2230"));
  agattr(root, AGEDGE, mut("fontname"), mut("Helvetica"));
  agattr(root, AGEDGE, mut("fontsize"), mut("9"));
  agattr(root, AGEDGE, mut("arrowsize"), mut("0.8"));

  std::map<NodeId, std::size_t> degree;
  for (EdgeId id : selection.edges) {
    const Edge& edge = graph.relation(id);
    ++degree[edge.source];
    ++degree[edge.target];
  }

  std::map<NodeId, Agnode_t*> nodes;
  for (std::size_t i = 0; i < selection.nodes.size(); ++i) {
    const NodeId id = selection.nodes[i];
    const std::string key = node_key(i);
    Agnode_t* n = agnode(root, mut(key.c_str()), 1);
    nodes[id] = n;
    const std::size_t d = degree[id];
    set(n, "id", key);
    set_html(root, n, "label", html_text(graph.company(id).name));
    set(n, "tooltip", tooltip_text(node_tooltip(graph, id, d)));
    const double size = 10.0 + std::min(12.0, 3.0 * std::log2(1.0 + static_cast<double>(d)));
    set(n, "fontsize", format_confidence(size));
    if (selection.focus && *selection.focus == id) {
      set(n, "fillcolor", "#ffd54f");
      set(n, "color", "#b26a00");
      set(n, "penwidth", "3");
    } else if (d >= 3) {
      set(n, "penwidth", "1.6");
    }
  }

  std::set<Label> labels_drawn;
  std::set<Status> statuses_drawn;
  for (std::size_t i = 0; i < selection.edges.size(); ++i) {
    const Edge& edge = graph.relation(selection.edges[i]);
    const std::string key = edge_key(i);
    Agedge_t* e = agedge(root, nodes.at(edge.source), nodes.at(edge.target), mut(key.c_str()), 1);
    labels_drawn.insert(edge.label);
    if (edge.status != Status::current) statuses_drawn.insert(edge.status);
    const std::string colour(label_style(edge.label).colour);
    set(e, "id", key);
    set(e, "color", colour);
    set(e, "fontcolor", colour);
    set(e, "style", std::string(status_line_style(edge.status)));
    set(e, "penwidth", format_confidence(1.0 + 1.5 * edge.confidence));
    if (is_symmetric(edge.label)) {
      set(e, "dir", "none");
      set(e, "arrowhead", "none");
    } else {
      set(e, "dir", "forward");
      set(e, "arrowhead", "normal");
    }
    if (options.edge_labels) set(e, "label", std::string(to_string(edge.label)));
    set(e, "tooltip", tooltip_text(edge_tooltip(graph, edge)));
  }

  if (!labels_drawn.empty()) {
    Agraph_t* cluster = agsubg(root, mut("cluster_legend"), 1);
    set(cluster, "label", "");
    set(cluster, "color", "#c8cfdc");
    set(cluster, "style", "rounded");
    Agnode_t* legend = agnode(cluster, mut("legend"), 1);
    set(legend, "id", "legend");
    set(legend, "shape", "plaintext");
    set(legend, "style", "");
    set(legend, "fontsize", "10");
    set(legend, "tooltip", "legend");
    set_html(root, legend, "label",
             legend_html(std::vector<Label>(labels_drawn.begin(), labels_drawn.end()),
                         statuses_drawn));
  }
  return g;
}

}  // namespace

std::string graphviz_dot(const Graph& graph, const Selection& selection,
                         const RenderOptions& options) {
  std::lock_guard lock(graphviz_mutex());
  context();
  graphviz_messages().clear();
  GraphPtr g = build(graph, selection, options);
  std::string out;
  if (agwrite(g.get(), &out) != 0)
    throw Error(ErrorKind::internal, "Graphviz could not write DOT: " + last_message());
  return out;
}

std::string graphviz_render(const Graph& graph, const Selection& selection,
                            const RenderOptions& options, const char* format) {
  std::lock_guard lock(graphviz_mutex());
  GVC_t* gvc = context();
  graphviz_messages().clear();
  GraphPtr g = build(graph, selection, options);
  const Layout layout = options.layout == Layout::automatic
                            ? choose_layout(selection.nodes.size())
                            : options.layout;
  const std::string engine(to_string(layout));
  if (gvLayout(gvc, g.get(), engine.c_str()) != 0)
    throw Error(ErrorKind::internal, "Graphviz layout '" + engine +
                                         "' failed (are the plugins registered? try `dot -c`): " +
                                         last_message());
  char* data = nullptr;
  unsigned int length = 0;
  const int status = gvRenderData(gvc, g.get(), format, &data, &length);
  std::string out;
  if (status == 0 && data) out.assign(data, length);
  if (data) gvFreeRenderData(data);
  gvFreeLayout(gvc, g.get());
  if (status != 0)
    throw Error(ErrorKind::internal, std::string("Graphviz could not render ") + format + ": " +
                                         last_message());
  return out;
}

}  // namespace corpgraph::detail::draw
