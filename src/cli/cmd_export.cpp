// corpgraph export GRAPH --format F -o PATH: the graph in a format another tool reads.
#include "commands.hpp"

#include <corpgraph/exchange.hpp>
#include <corpgraph/io.hpp>

#include <iostream>
#include <memory>
#include <string>
#include <vector>

namespace corpgraph::cli {
namespace {

struct ExportOptions {
  std::string graph;
  std::string format;
  std::string output;
};

// GRAPH may also be a GraphML, node-link JSON or CSV file, which makes export a converter.
Graph load_any(const std::filesystem::path& path) {
  if (auto format = detect_import_format(path)) return import_graph(path, *format);
  return load_graph(path);
}

}  // namespace

void register_export_commands(CLI::App& app) {
  auto options = std::make_shared<ExportOptions>();
  CLI::App* cmd = app.add_subcommand(
      "export", "Write the graph for another tool (Gephi, NetworkX, igraph, Cytoscape, Neo4j, "
                "Kuzu, RDF stores, spreadsheets)");
  cmd->add_option("GRAPH", options->graph,
                  "graph file (corpgraph JSON; GraphML, node-link JSON and CSV are read too)")
      ->required();
  std::vector<std::string> names;
  for (auto f : {ExportFormat::graphml, ExportFormat::gexf, ExportFormat::node_link,
                 ExportFormat::cytoscape, ExportFormat::neo4j, ExportFormat::cypher,
                 ExportFormat::kuzu, ExportFormat::turtle, ExportFormat::csv})
    names.emplace_back(to_string(f));
  cmd->add_option("-f,--format", options->format, "output format")
      ->required()
      ->check(CLI::IsMember(names));
  cmd->add_option("-o,--output", options->output,
                  "output file (a folder for neo4j and kuzu), replaced atomically")
      ->required();
  cmd->callback([options] {
    Graph graph = load_any(options->graph);
    ExportFormat format = *parse_export_format(options->format);
    export_graph(graph, format, options->output);
    std::cout << "wrote " << options->output << " (" << to_string(format) << ", "
              << graph.company_count() << " companies, " << graph.relation_count()
              << " relations)\n";
  });
}

}  // namespace corpgraph::cli
