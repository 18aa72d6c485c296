// Internal to the exchange exporters and importers: escaping for each target syntax, the JSON
// texts that several formats embed, and atomic writes of one file or a folder of files.
#pragma once

#include <corpgraph/graph.hpp>
#include <corpgraph/model.hpp>

#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace corpgraph::detail {

// Invalid UTF-8 becomes U+FFFD: every consumer we feed rejects a file with a stray byte.
[[nodiscard]] std::string clean_utf8(std::string_view text);

// XML 1.0 text or attribute value: & < > " ' as entities; tab, newline and CR as character
// references (attribute-value normalisation would turn them into spaces); other control
// characters and U+FFFE/U+FFFF, which XML 1.0 forbids, are dropped.
[[nodiscard]] std::string xml_escape(std::string_view text);

// Shortest text that reads back as the same double.
[[nodiscard]] std::string format_double(double value);

// One RFC 4180 cell: quoted when it holds a comma, quote, CR or LF (quotes doubled). With
// formula_guard, a cell starting with = + - @ tab CR or ' gets a leading ' so a spreadsheet shows
// it instead of running it; unguard_cell undoes exactly that.
[[nodiscard]] std::string csv_cell(std::string_view text, bool formula_guard);
[[nodiscard]] std::string unguard_cell(std::string_view text);

// Cypher string literal in single quotes, with backslash escapes (cypher-shell and Kuzu).
[[nodiscard]] std::string cypher_string(std::string_view text);
// Turtle "..." literal body and IRI path segment (percent-encoded outside unreserved chars).
[[nodiscard]] std::string turtle_string(std::string_view text);
[[nodiscard]] std::string percent_encode(std::string_view text);

// PARTNERS, TALKED_TO, ...: the relationship type in Neo4j and Kuzu.
[[nodiscard]] std::string relation_type(Label label);
// partners, talkedTo, ...: the RDF property of a label.
[[nodiscard]] std::string rdf_property(Label label);

// JSON texts embedded in GraphML/GEXF attributes so they carry lists without a delimiter that a
// name could contain.
[[nodiscard]] std::string aliases_json(const Company& company);
[[nodiscard]] std::string evidence_json(const Edge& edge);
[[nodiscard]] std::string documents_json(const Graph& graph);
// Inverse of the above; throw Error(bad_input) at where when the text is not what they write.
struct TextPlace {
  std::filesystem::path file;
  std::size_t line = 0;
  std::size_t column = 0;
};
[[nodiscard]] std::vector<std::string> parse_aliases_json(std::string_view text,
                                                          const TextPlace& where);
[[nodiscard]] std::vector<Evidence> parse_evidence_json(std::string_view text,
                                                        const TextPlace& where);
[[nodiscard]] std::vector<Document> parse_documents_json(std::string_view text,
                                                         const TextPlace& where);

[[nodiscard]] std::size_t degree(const Graph& graph, NodeId node);

// Writes beside path and renames over it, so readers see the old file or the new, never half.
void write_file_atomic(const std::filesystem::path& path, std::string_view content);
// The same for a folder of files: built beside path, then swapped in.
void write_folder_atomic(const std::filesystem::path& path,
                         const std::vector<std::pair<std::string, std::string>>& files);

// One writer per format (export_*.cpp).
[[nodiscard]] std::string export_graphml(const Graph& graph);
[[nodiscard]] std::string export_gexf(const Graph& graph);
[[nodiscard]] std::string export_node_link(const Graph& graph);
[[nodiscard]] std::string export_cytoscape(const Graph& graph);
[[nodiscard]] std::string export_cypher(const Graph& graph);
[[nodiscard]] std::string export_turtle(const Graph& graph);
[[nodiscard]] std::string export_csv(const Graph& graph);
[[nodiscard]] std::vector<std::pair<std::string, std::string>> export_neo4j(const Graph& graph);
[[nodiscard]] std::vector<std::pair<std::string, std::string>> export_kuzu(const Graph& graph);

// One reader per format (import_*.cpp).
[[nodiscard]] Graph import_graphml(const std::filesystem::path& path, std::string_view text);
[[nodiscard]] Graph import_node_link(const std::filesystem::path& path, std::string_view text);
[[nodiscard]] Graph import_csv(const std::filesystem::path& path, std::string_view text);

}  // namespace corpgraph::detail
