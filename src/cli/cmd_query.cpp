// neighbours, path, why, show, ego, top, stats, find: parse, ask the query library, print.
#include "commands.hpp"

#include <corpgraph/error.hpp>
#include <corpgraph/io.hpp>
#include <corpgraph/query.hpp>

#include <iostream>
#include <memory>
#include <string>
#include <vector>

namespace corpgraph::cli {
namespace {

struct QueryArgs {
  std::string graph;
  bool json = false;
  std::vector<std::string> names;  // company names, in the order the command takes them
  std::vector<std::string> relations;
  std::vector<std::string> statuses;
  std::string direction = "both";
  std::string by = "degree";
  std::string output;
  std::string pattern;
  unsigned depth = 1;
  unsigned max_length = 0;
  std::size_t limit = 10;
  bool all = false;
};

OutputFormat format_of(const QueryArgs& args) {
  return args.json ? OutputFormat::json : OutputFormat::plain;
}

std::vector<Label> labels_of(const std::vector<std::string>& texts) {
  std::vector<Label> labels;
  for (const auto& text : texts) {
    auto label = parse_label(text);
    if (!label) {
      std::string known;
      for (Label l : all_labels) known += (known.empty() ? "" : ", ") + std::string(to_string(l));
      throw Error(ErrorKind::usage, "unknown relation \"" + text + "\" (one of " + known + ")");
    }
    labels.push_back(*label);
  }
  return labels;
}

std::vector<Status> statuses_of(const std::vector<std::string>& texts) {
  std::vector<Status> statuses;
  for (const auto& text : texts) {
    auto status = parse_status(text);
    if (!status)
      throw Error(ErrorKind::usage,
                  "unknown status \"" + text + "\" (one of current, pending, ended)");
    statuses.push_back(*status);
  }
  return statuses;
}

void no_results_if(bool empty) {
  if (empty) set_exit_status(exit_no_results);
}

CLI::App* add_query(CLI::App& app, const char* name, const char* description, QueryArgs& args) {
  CLI::App* sub = app.add_subcommand(name, description);
  sub->add_option("graph", args.graph, "The graph file")->required();
  sub->add_flag("--json", args.json, "Print one JSON document (shape in docs/query.md)");
  return sub;
}

void add_relation_option(CLI::App* sub, QueryArgs& args) {
  sub->add_option("--relation", args.relations, "Only relations with this label (repeatable)")
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
}

}  // namespace

void register_query_commands(CLI::App& app) {
  // CLI11 keeps pointers to the option targets for the whole parse.
  auto args = std::make_shared<QueryArgs>();
  QueryArgs& a = *args;

  CLI::App* sub = add_query(app, "neighbours", "Companies within N hops of a company", a);
  sub->add_option("name", a.pattern, "Company name or alias")->required();
  sub->add_option("--depth", a.depth, "How many hops (default 1)")->check(CLI::Range(1u, 1000u));
  add_relation_option(sub, a);
  sub->add_option("--direction", a.direction, "out, in or both (default both)");
  sub->add_option("--status", a.statuses, "Only relations with this status (repeatable)")
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  sub->callback([args] {
    const Graph graph = load_graph(args->graph);
    NeighbourOptions options;
    options.depth = args->depth;
    options.labels = labels_of(args->relations);
    options.statuses = statuses_of(args->statuses);
    auto direction = parse_direction(args->direction);
    if (!direction)
      throw Error(ErrorKind::usage, "unknown direction \"" + args->direction + "\" (out, in or both)");
    options.direction = *direction;
    NodeId origin = resolve_company(graph, args->pattern, args->graph);
    auto rows = neighbours(graph, origin, options);
    print_neighbours(std::cout, graph, origin, options, rows, format_of(*args));
    no_results_if(rows.empty());
  });

  sub = add_query(app, "path", "The shortest chain of relations between two companies", a);
  sub->add_option("from", a.names, "Two company names: FROM TO")->required()->expected(2);
  add_relation_option(sub, a);
  sub->add_flag("--all", a.all, "Every shortest path, not just one");
  sub->add_option("--max-length", a.max_length, "Give up beyond this many hops");
  sub->callback([args] {
    const Graph graph = load_graph(args->graph);
    NodeId from = resolve_company(graph, args->names.at(0), args->graph);
    NodeId to = resolve_company(graph, args->names.at(1), args->graph);
    if (from == to)
      throw Error(ErrorKind::usage, "\"" + args->names.at(0) + "\" and \"" + args->names.at(1) +
                                        "\" are the same company");
    PathOptions options;
    options.labels = labels_of(args->relations);
    options.all = args->all;
    options.max_length = args->max_length;
    auto result = find_paths(graph, from, to, options);
    print_paths(std::cout, graph, from, to, result, format_of(*args));
    no_results_if(result.paths.empty());
  });

  sub = add_query(app, "why", "Every relation between two companies, with its evidence", a);
  sub->add_option("a", a.names, "Two company names: A B")->required()->expected(2);
  sub->callback([args] {
    const Graph graph = load_graph(args->graph);
    NodeId first = resolve_company(graph, args->names.at(0), args->graph);
    NodeId second = resolve_company(graph, args->names.at(1), args->graph);
    auto rows = why(graph, first, second);
    print_why(std::cout, graph, first, second, rows, format_of(*args));
    no_results_if(rows.empty());
  });

  sub = add_query(app, "show", "A company's card: names, degree, relations, documents", a);
  sub->add_option("name", a.pattern, "Company name or alias")->required();
  sub->callback([args] {
    const Graph graph = load_graph(args->graph);
    NodeId node = resolve_company(graph, args->pattern, args->graph);
    print_card(std::cout, graph, company_card(graph, node), format_of(*args));
  });

  sub = add_query(app, "ego", "Write the subgraph around a company as a graph file", a);
  sub->add_option("name", a.pattern, "Company name or alias")->required();
  sub->add_option("--depth", a.depth, "How many hops (default 1)")->check(CLI::Range(0u, 1000u));
  sub->add_option("-o,--output", a.output, "The graph file to write")->required();
  sub->callback([args] {
    const Graph graph = load_graph(args->graph);
    NodeId node = resolve_company(graph, args->pattern, args->graph);
    Graph ego = ego_graph(graph, node, args->depth);
    save_graph(ego, args->output);
    print_ego(std::cout, graph, node, args->depth, ego, args->output, format_of(*args));
  });

  sub = add_query(app, "top", "The most central companies", a);
  sub->add_option("--by", a.by, "degree, pagerank or betweenness (default degree)");
  add_relation_option(sub, a);
  sub->add_option("--limit", a.limit, "How many (default 10; 0 for all)");
  sub->callback([args] {
    TopOptions options;
    auto by = parse_centrality(args->by);
    if (!by)
      throw Error(ErrorKind::usage,
                  "unknown measure \"" + args->by + "\" (degree, pagerank or betweenness)");
    options.by = *by;
    options.labels = labels_of(args->relations);
    options.limit = args->limit;
    const Graph graph = load_graph(args->graph);
    auto ranked = top(graph, options);
    print_top(std::cout, graph, options, ranked, format_of(*args));
    no_results_if(ranked.empty());
  });

  sub = add_query(app, "stats", "Counts of companies, relations, documents and components", a);
  sub->callback([args] {
    const Graph graph = load_graph(args->graph);
    print_stats(std::cout, graph_stats(graph), format_of(*args));
  });

  sub = add_query(app, "find", "Companies whose name or alias matches a pattern", a);
  sub->add_option("pattern", a.pattern, "Text to look for, or a glob with * and ?")->required();
  sub->callback([args] {
    const Graph graph = load_graph(args->graph);
    auto found = find_companies(graph, args->pattern);
    print_found(std::cout, graph, args->pattern, found, format_of(*args));
    no_results_if(found.empty());
  });
}

}  // namespace corpgraph::cli
