// Reading and writing corpgraph's own files: the graph file and relation files.
#pragma once

#include <corpgraph/graph.hpp>
#include <corpgraph/model.hpp>

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace corpgraph {

class Extractor;

// The graph file: JSON, format "corpgraph", documented in docs/graph-format.md.
inline constexpr int graph_format_version = 1;

// Throws Error(bad_input) with file:line:col and what was expected when the file is malformed or
// of another format version; Error(io) when it cannot be read.
[[nodiscard]] Graph load_graph(const std::filesystem::path& path);

// Atomic: writes a temporary file beside path, flushes it and renames it over path, so a crash
// mid-save leaves the previous file intact (the folder is created when missing). The output is
// deterministic (sorted), whatever order the graph was built in.
void save_graph(const Graph& graph, const std::filesystem::path& path);

// A relation file: JSON (an array of objects, or one object a line) with source, relation,
// target and optional status, confidence, doc, sentence, start, end, pattern (and in JSON
// source_aliases, target_aliases); or CSV/TSV with a header row naming those columns (RFC 4180
// quoting; other columns are ignored). Throws Error(bad_input) naming file:line:col for an
// unknown label or status, a missing field, a bad number or an unbalanced quote.
[[nodiscard]] std::vector<Relation> read_relations(const std::filesystem::path& path);

struct IngestStats {
  std::size_t files = 0;
  std::size_t documents = 0;
  std::size_t relations_read = 0;  // relations found in the inputs
  std::size_t relations_new = 0;   // edges the graph did not have before
  std::size_t evidence_new = 0;    // evidence items the graph did not have before
};

// Adds every input to graph: relation files, articles (.txt, JSON lines with "text"; run through
// extractor, which may be null when no article is expected), graphs (GraphML, node-link JSON,
// corpgraph graph files). Directories are read recursively. "-" is standard input.
IngestStats ingest(Graph& graph, const std::vector<std::filesystem::path>& inputs,
                   const Extractor* extractor);
// The same, extracting articles on threads threads (the result does not depend on it).
IngestStats ingest(Graph& graph, const std::vector<std::filesystem::path>& inputs,
                   const Extractor* extractor, unsigned threads);

// `corpgraph add`: loads the graph file (an empty graph when it does not exist), ingests inputs
// and saves it back atomically, holding an exclusive flock on GRAPH.lock from load to save so
// concurrent adds take turns and none loses the other's relations. Waits up to wait for the lock,
// then Error(busy).
IngestStats add_to_graph_file(const std::filesystem::path& graph,
                              const std::vector<std::filesystem::path>& inputs,
                              const Extractor* extractor, unsigned threads,
                              std::chrono::milliseconds wait);

}  // namespace corpgraph
