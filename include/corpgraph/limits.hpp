// Ceilings that keep a hostile input from exhausting memory. The defaults are far above what real
// news or real graphs reach; the CLI can change them (--max-document-bytes, ...). Hitting one is
// Error(ErrorKind::limit) naming the file and the limit.
#pragma once

#include <cstdint>

namespace corpgraph {

struct Limits {
  std::uint64_t max_document_bytes = 64ull << 20;    // one article's text
  std::uint64_t max_line_bytes = 256ull << 20;       // one line of a JSON-lines or CSV file
  std::uint64_t max_graph_file_bytes = 16ull << 30;  // a graph file or imported graph
  std::uint32_t max_json_depth = 128;                // nesting of any JSON value
};

// The process-wide limits: set once at start-up (by main), read everywhere else.
[[nodiscard]] Limits& limits() noexcept;

}  // namespace corpgraph
