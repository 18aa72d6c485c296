// Diagrams of a graph: DOT, SVG, PNG, PDF through Graphviz (in-process), and a self-contained
// interactive HTML page. Graphviz itself stays inside src/render; this header is cheap to include.
#pragma once

#include <corpgraph/graph.hpp>
#include <corpgraph/model.hpp>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace corpgraph {

enum class RenderFormat : std::uint8_t { dot, svg, png, pdf, html };
enum class Layout : std::uint8_t { automatic, dot, neato, fdp, sfdp, circo, twopi };

// Above this many drawn companies the automatic layout is sfdp with overlap removal rather than
// dot (dot is quadratic-ish: ~110 s for 1,000 nodes here, sfdp well under a second).
inline constexpr std::size_t dot_layout_max_nodes = 300;

struct RenderOptions {
  RenderFormat format = RenderFormat::svg;
  Layout layout = Layout::automatic;
  std::optional<std::string> focus;  // a company name or alias: draw its neighbourhood only
  std::size_t depth = 1;             // hops from focus
  std::vector<Label> labels;         // draw only these labels; empty = all
  std::vector<Status> statuses;      // draw only these statuses; empty = all
  double min_confidence = 0.0;       // drop edges below this
  std::size_t max_nodes = 0;         // keep the most central companies; 0 = no limit
  bool edge_labels = true;
  std::string source_name;           // the graph file, named in error messages
};

// What a set of options selects from a graph; ids sorted by company name / edge key.
struct Selection {
  std::vector<NodeId> nodes;
  std::vector<EdgeId> edges;
  std::optional<NodeId> focus;
};

// "dot", "svg", ... ; parse is case-insensitive.
[[nodiscard]] std::string_view to_string(RenderFormat format) noexcept;
[[nodiscard]] std::string_view to_string(Layout layout) noexcept;
[[nodiscard]] std::optional<RenderFormat> parse_render_format(std::string_view text) noexcept;
[[nodiscard]] std::optional<Layout> parse_layout(std::string_view text) noexcept;
// From the file extension (.dot/.gv, .svg, .png, .pdf, .html/.htm); std::nullopt otherwise.
[[nodiscard]] std::optional<RenderFormat> format_from_path(const std::filesystem::path& path);

// The layout Layout::automatic stands for when drawing this many companies.
[[nodiscard]] Layout choose_layout(std::size_t node_count) noexcept;

// Throws Error(not_found) naming close matches when options.focus names no company (or several).
[[nodiscard]] Selection select_for_render(const Graph& graph, const RenderOptions& options);

// The diagram in options.format as bytes. DOT is the graph before layout and deterministic:
// the same graph and options give the same bytes. Graphviz is not thread safe; calls from
// several threads are serialised inside.
[[nodiscard]] std::string render(const Graph& graph, const RenderOptions& options);

// render() written atomically (temporary file beside path, then rename). Error(io) on failure.
void render_to_file(const Graph& graph, const RenderOptions& options,
                    const std::filesystem::path& path);

}  // namespace corpgraph
