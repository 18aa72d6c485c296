// render: parse, load the graph, let the render library draw it.
#include "commands.hpp"

#include <corpgraph/error.hpp>
#include <corpgraph/io.hpp>
#include <corpgraph/render.hpp>

#include <iostream>
#include <memory>
#include <string>
#include <vector>

namespace corpgraph::cli {
namespace {

struct RenderArgs {
  std::string graph;
  std::string output;
  std::string format;
  std::string layout = "auto";
  std::string focus;
  unsigned depth = 1;
  std::vector<std::string> relations;
  std::vector<std::string> statuses;
  double min_confidence = 0.0;
  std::size_t max_nodes = 0;
  bool no_edge_labels = false;
};

std::string known_labels() {
  std::string known;
  for (Label l : all_labels) known += (known.empty() ? "" : ", ") + std::string(to_string(l));
  return known;
}

RenderOptions options_of(const RenderArgs& args) {
  RenderOptions options;
  if (!args.format.empty()) {
    auto format = parse_render_format(args.format);
    if (!format)
      throw Error(ErrorKind::usage,
                  "unknown format \"" + args.format + "\" (one of dot, svg, png, pdf, html)");
    options.format = *format;
  } else if (args.output == "-") {
    throw Error(ErrorKind::usage, "-o - (standard output) needs --format dot|svg|png|pdf|html");
  } else if (auto format = format_from_path(args.output)) {
    options.format = *format;
  } else {
    throw Error(ErrorKind::usage, args.output +
                                      ": cannot tell the format from the extension; use "
                                      "--format dot|svg|png|pdf|html");
  }
  auto layout = parse_layout(args.layout);
  if (!layout)
    throw Error(ErrorKind::usage, "unknown layout \"" + args.layout +
                                      "\" (one of auto, dot, neato, fdp, sfdp, circo, twopi)");
  options.layout = *layout;
  if (!args.focus.empty()) options.focus = args.focus;
  options.depth = args.depth;
  for (const auto& text : args.relations) {
    auto label = parse_label(text);
    if (!label)
      throw Error(ErrorKind::usage, "unknown relation \"" + text + "\" (one of " + known_labels() + ")");
    options.labels.push_back(*label);
  }
  for (const auto& text : args.statuses) {
    auto status = parse_status(text);
    if (!status)
      throw Error(ErrorKind::usage,
                  "unknown status \"" + text + "\" (one of current, pending, ended)");
    options.statuses.push_back(*status);
  }
  if (args.min_confidence < 0.0 || args.min_confidence > 1.0)
    throw Error(ErrorKind::usage, "--min-confidence must be between 0 and 1");
  options.min_confidence = args.min_confidence;
  options.max_nodes = args.max_nodes;
  options.edge_labels = !args.no_edge_labels;
  return options;
}

}  // namespace

void register_render_commands(CLI::App& app) {
  auto args = std::make_shared<RenderArgs>();
  CLI::App* cmd = app.add_subcommand(
      "render", "Draw a graph as DOT, SVG, PNG, PDF or an interactive HTML page");
  cmd->add_option("graph", args->graph, "Graph file (corpgraph JSON)")->required();
  cmd->add_option("-o,--output", args->output, "Output file (its extension picks the format), or - for standard output")
      ->required();
  cmd->add_option("--format", args->format, "dot, svg, png, pdf or html (overrides the extension)");
  cmd->add_option("--layout", args->layout,
                  "auto (default: dot for small graphs, sfdp above a few hundred companies), "
                  "dot, neato, fdp, sfdp, circo or twopi");
  cmd->add_option("--focus", args->focus, "Draw only the neighbourhood of this company");
  cmd->add_option("--depth", args->depth, "Hops around --focus (default 1)");
  cmd->add_option("--relation", args->relations, "Draw only these relation labels")->expected(1, -1);
  cmd->add_option("--status", args->statuses, "Draw only these statuses")->expected(1, -1);
  cmd->add_option("--min-confidence", args->min_confidence, "Drop relations below this confidence");
  cmd->add_option("--max-nodes", args->max_nodes,
                  "Keep at most this many companies, the most connected first");
  cmd->add_flag("--no-edge-labels", args->no_edge_labels, "Do not write labels on edges");
  cmd->callback([args] {
    RenderOptions options = options_of(*args);
    options.source_name = args->graph;
    const Graph graph = load_graph(args->graph);
    if (args->output == "-") {
      std::cout << render(graph, options);
      return;
    }
    render_to_file(graph, options, args->output);
  });
}

}  // namespace corpgraph::cli
