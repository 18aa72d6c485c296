// Shared inside the render module: styles, text cleaning and the Graphviz wrapper.
#pragma once

#include <corpgraph/graph.hpp>
#include <corpgraph/render.hpp>

#include <string>
#include <string_view>

namespace corpgraph::detail::draw {

struct LabelStyle {
  std::string_view colour;  // "#rrggbb"
};

[[nodiscard]] LabelStyle label_style(Label label) noexcept;
// "solid", "dashed" (ended) or "dotted" (pending).
[[nodiscard]] std::string_view status_line_style(Status status) noexcept;

// Valid UTF-8 with control characters other than '\n' replaced, so every output stays
// well-formed XML/DOT whatever bytes arrived in a name or sentence.
[[nodiscard]] std::string clean_text(std::string_view text);

// Stable ids used in DOT, SVG and the page's JSON: "c<index in selection>", "e<index>".
[[nodiscard]] std::string node_key(std::size_t index);
[[nodiscard]] std::string edge_key(std::size_t index);

// The DOT text of the selection before layout (deterministic), and the laid-out drawing in
// "svg", "png" or "pdf". Both hold the one process-wide Graphviz lock while they work.
[[nodiscard]] std::string graphviz_dot(const Graph& graph, const Selection& selection,
                                       const RenderOptions& options);
[[nodiscard]] std::string graphviz_render(const Graph& graph, const Selection& selection,
                                          const RenderOptions& options, const char* format);

// The self-contained interactive page around an inline SVG drawing.
[[nodiscard]] std::string html_page(const Graph& graph, const Selection& selection,
                                    const RenderOptions& options, std::string_view svg);

// JSON string literal (with quotes) safe inside <script>: '<', '>', '&', U+2028/9 as \uXXXX.
void append_json_string(std::string& out, std::string_view text);

}  // namespace corpgraph::detail::draw
