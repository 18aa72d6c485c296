// Graphs to and from other tools: Gephi, NetworkX, igraph, Cytoscape, Neo4j, Kuzu, RDF stores.
#pragma once

#include <corpgraph/graph.hpp>

#include <filesystem>
#include <optional>
#include <string_view>

namespace corpgraph {

enum class ExportFormat { graphml, gexf, node_link, cytoscape, neo4j, cypher, kuzu, turtle, csv };
enum class ImportFormat { graphml, node_link, csv };

[[nodiscard]] std::optional<ExportFormat> parse_export_format(std::string_view name) noexcept;
[[nodiscard]] std::string_view to_string(ExportFormat format) noexcept;

// Writes the graph atomically. neo4j and kuzu write a folder of CSV files (and a schema);
// every other format writes one file.
void export_graph(const Graph& graph, ExportFormat format, const std::filesystem::path& path);

// What a file holds, judged by its extension and first bytes; std::nullopt when it is none of
// the importable formats.
[[nodiscard]] std::optional<ImportFormat> detect_import_format(const std::filesystem::path& path);

// Reads a graph another tool (or corpgraph's export) wrote. Error(bad_input) with file:line:col
// when malformed.
[[nodiscard]] Graph import_graph(const std::filesystem::path& path, ImportFormat format);

}  // namespace corpgraph
