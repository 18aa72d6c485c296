// Formats, selection, styles and the atomic writer; Graphviz itself is in graphviz.cpp.
#include "render_detail.hpp"

#include <corpgraph/error.hpp>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <deque>
#include <fstream>
#include <map>
#include <set>
#include <unistd.h>

namespace corpgraph {
namespace {

bool equal_ignoring_case(std::string_view a, std::string_view b) {
  return fold_case(a) == fold_case(b);
}

constexpr std::array<std::pair<RenderFormat, std::string_view>, 5> format_names{{
    {RenderFormat::dot, "dot"},
    {RenderFormat::svg, "svg"},
    {RenderFormat::png, "png"},
    {RenderFormat::pdf, "pdf"},
    {RenderFormat::html, "html"},
}};

constexpr std::array<std::pair<Layout, std::string_view>, 7> layout_names{{
    {Layout::automatic, "auto"},
    {Layout::dot, "dot"},
    {Layout::neato, "neato"},
    {Layout::fdp, "fdp"},
    {Layout::sfdp, "sfdp"},
    {Layout::circo, "circo"},
    {Layout::twopi, "twopi"},
}};

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out += ", ";
    out += items[i];
  }
  return out;
}

NodeId resolve_focus(const Graph& graph, const std::string& name, const std::string& source) {
  const std::string where = source.empty() ? "" : source + ": ";
  if (auto node = graph.find(name)) return *node;
  const std::vector<NodeId> matches = graph.resolve(name);
  if (matches.size() > 1) {
    std::vector<std::string> names;
    for (NodeId id : matches) names.push_back(graph.company(id).name);
    throw Error(ErrorKind::not_found,
                where + "'" + detail::draw::clean_text(name) + "' names several companies: " + join(names));
  }
  std::string message = where + "no company named '" + detail::draw::clean_text(name) + "'";
  if (auto close = graph.suggest(name); !close.empty()) message += "; did you mean " + join(close) + "?";
  for (char& c : message)
    if (c == '\n') c = ' ';
  throw Error(ErrorKind::not_found, message);
}

}  // namespace

std::string_view to_string(RenderFormat format) noexcept {
  for (const auto& [value, name] : format_names)
    if (value == format) return name;
  return "svg";
}

std::string_view to_string(Layout layout) noexcept {
  for (const auto& [value, name] : layout_names)
    if (value == layout) return name;
  return "auto";
}

std::optional<RenderFormat> parse_render_format(std::string_view text) noexcept {
  for (const auto& [value, name] : format_names)
    if (equal_ignoring_case(text, name)) return value;
  if (equal_ignoring_case(text, "gv")) return RenderFormat::dot;
  if (equal_ignoring_case(text, "htm")) return RenderFormat::html;
  return std::nullopt;
}

std::optional<Layout> parse_layout(std::string_view text) noexcept {
  for (const auto& [value, name] : layout_names)
    if (equal_ignoring_case(text, name)) return value;
  if (equal_ignoring_case(text, "automatic")) return Layout::automatic;
  return std::nullopt;
}

std::optional<RenderFormat> format_from_path(const std::filesystem::path& path) {
  std::string ext = path.extension().string();
  if (ext.size() < 2) return std::nullopt;
  return parse_render_format(std::string_view(ext).substr(1));
}

Layout choose_layout(std::size_t node_count) noexcept {
  return node_count <= dot_layout_max_nodes ? Layout::dot : Layout::sfdp;
}

Selection select_for_render(const Graph& graph, const RenderOptions& options) {
  auto edge_wanted = [&](const Edge& edge) {
    if (!options.labels.empty() &&
        std::find(options.labels.begin(), options.labels.end(), edge.label) == options.labels.end())
      return false;
    if (!options.statuses.empty() &&
        std::find(options.statuses.begin(), options.statuses.end(), edge.status) ==
            options.statuses.end())
      return false;
    return edge.confidence >= options.min_confidence;
  };
  std::vector<EdgeId> wanted;
  for (EdgeId id = 0; id < graph.relation_count(); ++id)
    if (edge_wanted(graph.relation(id))) wanted.push_back(id);

  Selection selection;
  std::vector<bool> keep(graph.company_count(), false);
  if (options.focus) {
    const NodeId focus = resolve_focus(graph, *options.focus, options.source_name);
    selection.focus = focus;
    std::vector<std::vector<NodeId>> adjacent(graph.company_count());
    for (EdgeId id : wanted) {
      const Edge& edge = graph.relation(id);
      adjacent[edge.source].push_back(edge.target);
      adjacent[edge.target].push_back(edge.source);
    }
    std::vector<std::size_t> distance(graph.company_count(), SIZE_MAX);
    std::deque<NodeId> queue{focus};
    distance[focus] = 0;
    keep[focus] = true;
    while (!queue.empty()) {
      NodeId node = queue.front();
      queue.pop_front();
      if (distance[node] == options.depth) continue;
      for (NodeId next : adjacent[node]) {
        if (distance[next] != SIZE_MAX) continue;
        distance[next] = distance[node] + 1;
        keep[next] = true;
        queue.push_back(next);
      }
    }
  } else {
    const bool filtered =
        !options.labels.empty() || !options.statuses.empty() || options.min_confidence > 0.0;
    if (filtered) {
      // With edge filters on, a company is drawn only for the edges it still has.
      for (EdgeId id : wanted) {
        keep[graph.relation(id).source] = true;
        keep[graph.relation(id).target] = true;
      }
    } else {
      std::fill(keep.begin(), keep.end(), true);
    }
  }

  auto by_name = [&](NodeId a, NodeId b) {
    return graph.company(a).name < graph.company(b).name;
  };
  std::vector<NodeId> nodes;
  for (NodeId id = 0; id < graph.company_count(); ++id)
    if (keep[id]) nodes.push_back(id);

  if (options.max_nodes > 0 && nodes.size() > options.max_nodes) {
    std::vector<std::size_t> degree(graph.company_count(), 0);
    for (EdgeId id : wanted) {
      const Edge& edge = graph.relation(id);
      if (keep[edge.source] && keep[edge.target]) {
        ++degree[edge.source];
        ++degree[edge.target];
      }
    }
    std::sort(nodes.begin(), nodes.end(), [&](NodeId a, NodeId b) {
      if (degree[a] != degree[b]) return degree[a] > degree[b];
      return by_name(a, b);
    });
    nodes.resize(options.max_nodes);
    if (selection.focus && std::find(nodes.begin(), nodes.end(), *selection.focus) == nodes.end())
      nodes.back() = *selection.focus;
    std::fill(keep.begin(), keep.end(), false);
    for (NodeId id : nodes) keep[id] = true;
  }
  std::sort(nodes.begin(), nodes.end(), by_name);
  selection.nodes = std::move(nodes);

  for (EdgeId id : wanted) {
    const Edge& edge = graph.relation(id);
    if (keep[edge.source] && keep[edge.target]) selection.edges.push_back(id);
  }
  std::sort(selection.edges.begin(), selection.edges.end(), [&](EdgeId a, EdgeId b) {
    const Edge& x = graph.relation(a);
    const Edge& y = graph.relation(b);
    const std::string& xs = graph.company(x.source).name;
    const std::string& ys = graph.company(y.source).name;
    if (xs != ys) return xs < ys;
    const std::string& xt = graph.company(x.target).name;
    const std::string& yt = graph.company(y.target).name;
    if (xt != yt) return xt < yt;
    return x.label < y.label;
  });
  return selection;
}

std::string render(const Graph& graph, const RenderOptions& options) {
  const Selection selection = select_for_render(graph, options);
  switch (options.format) {
    case RenderFormat::dot: return detail::draw::graphviz_dot(graph, selection, options);
    case RenderFormat::svg: return detail::draw::graphviz_render(graph, selection, options, "svg");
    case RenderFormat::png: return detail::draw::graphviz_render(graph, selection, options, "png");
    case RenderFormat::pdf: return detail::draw::graphviz_render(graph, selection, options, "pdf");
    case RenderFormat::html: {
      const std::string svg = detail::draw::graphviz_render(graph, selection, options, "svg");
      return detail::draw::html_page(graph, selection, options, svg);
    }
  }
  throw Error(ErrorKind::internal, "unknown render format");
}

void render_to_file(const Graph& graph, const RenderOptions& options,
                    const std::filesystem::path& requested) {
  const std::string bytes = render(graph, options);
  std::error_code ec;
  auto write_to = [&](const std::filesystem::path& file) {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    if (!out) return false;
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.flush();
    return static_cast<bool>(out);
  };
  const auto status = std::filesystem::status(requested, ec);
  if (!ec && std::filesystem::exists(status) && !std::filesystem::is_regular_file(status)) {
    // A device or pipe (/dev/stdout, a FIFO) cannot be replaced by rename: write into it.
    if (!write_to(requested))
      throw Error(ErrorKind::io, requested.string() + ": cannot write: " + std::strerror(errno));
    return;
  }
  std::filesystem::path path = requested;
  // Write through a symlink to its target rather than replacing the link.
  if (std::filesystem::is_symlink(requested, ec)) {
    path = std::filesystem::weakly_canonical(requested, ec);
    if (ec) path = requested;
  }
  std::filesystem::path temp = path;
  temp += ".tmp." + std::to_string(::getpid());
  auto fail = [&](const std::string& what) {
    const std::string reason = std::strerror(errno);
    std::error_code ignored;
    std::filesystem::remove(temp, ignored);
    throw Error(ErrorKind::io, requested.string() + ": " + what + ": " + reason);
  };
  if (!write_to(temp)) fail("cannot write");
  if (std::rename(temp.c_str(), path.c_str()) != 0) fail("cannot rename into place");
}

namespace detail::draw {

LabelStyle label_style(Label label) noexcept {
  switch (label) {
    case Label::partners: return {"#1f77b4"};
    case Label::talked_to: return {"#17a2b8"};
    case Label::former_deal: return {"#7f7f7f"};
    case Label::acquired: return {"#d62728"};
    case Label::owns: return {"#9467bd"};
    case Label::invests_in: return {"#2ca02c"};
    case Label::competes_with: return {"#ff7f0e"};
    case Label::supplies: return {"#8c564b"};
    case Label::sues: return {"#e377c2"};
  }
  return {"#000000"};
}

std::string_view status_line_style(Status status) noexcept {
  switch (status) {
    case Status::current: return "solid";
    case Status::pending: return "dotted";
    case Status::ended: return "dashed";
  }
  return "solid";
}

std::string clean_text(std::string_view text) {
  static constexpr std::string_view replacement = "\xEF\xBF\xBD";
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if (c == '\r' || c == '\t') out += ' ';
      else if (c < 0x20 && c != '\n') out += replacement;
      else if (c == 0x7F) out += replacement;
      else out += static_cast<char>(c);
      ++i;
      continue;
    }
    std::size_t length = 0;
    std::uint32_t code = 0;
    if (c >= 0xC2 && c <= 0xDF) { length = 2; code = c & 0x1F; }
    else if (c >= 0xE0 && c <= 0xEF) { length = 3; code = c & 0x0F; }
    else if (c >= 0xF0 && c <= 0xF4) { length = 4; code = c & 0x07; }
    bool valid = length > 0 && i + length <= text.size();
    for (std::size_t k = 1; valid && k < length; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0) != 0x80) valid = false;
      code = (code << 6) | (next & 0x3F);
    }
    if (valid) {
      // Overlong forms, surrogates and code points past U+10FFFF are not UTF-8.
      if ((length == 3 && (code < 0x800 || (code >= 0xD800 && code <= 0xDFFF))) ||
          (length == 4 && (code < 0x10000 || code > 0x10FFFF)))
        valid = false;
    }
    if (!valid) {
      out += replacement;
      ++i;
      continue;
    }
    out.append(text.substr(i, length));
    i += length;
  }
  return out;
}

std::string node_key(std::size_t index) { return "c" + std::to_string(index); }
std::string edge_key(std::size_t index) { return "e" + std::to_string(index); }

void append_json_string(std::string& out, std::string_view raw) {
  const std::string text = clean_text(raw);
  static constexpr char hex[] = "0123456789abcdef";
  out += '"';
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '<': out += "\\u003c"; break;
      case '>': out += "\\u003e"; break;
      case '&': out += "\\u0026"; break;
      default:
        if (c < 0x20) {
          out += "\\u00";
          out += hex[c >> 4];
          out += hex[c & 0xF];
        } else if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
                   (static_cast<unsigned char>(text[i + 2]) == 0xA8 ||
                    static_cast<unsigned char>(text[i + 2]) == 0xA9)) {
          // U+2028/U+2029 end a line in older JavaScript parsers.
          out += static_cast<unsigned char>(text[i + 2]) == 0xA8 ? "\\u2028" : "\\u2029";
          i += 2;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  out += '"';
}

}  // namespace detail::draw
}  // namespace corpgraph
