// build and add: inputs in, a graph file out (docs/build.md).
#include "commands.hpp"

#include <corpgraph/error.hpp>
#include <corpgraph/extract.hpp>
#include <corpgraph/io.hpp>

#include <chrono>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

namespace corpgraph::cli {
namespace {

namespace fs = std::filesystem;

struct BuildArgs {
  std::vector<std::string> inputs;
  std::string output;
  std::string graph;
  std::vector<std::string> lexicons;
  unsigned threads = 1;
  double wait_seconds = 60;
};

std::string plural(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

// One line, so scripts can grep it: what was read and what the graph gained.
void print_summary(const char* command, const IngestStats& s, const std::string& graph) {
  std::cerr << "corpgraph " << command << ": " << plural(s.files, "file", "files") << ", "
            << plural(s.documents, "document", "documents") << ", "
            << plural(s.relations_read, "relation", "relations") << " read; "
            << plural(s.relations_new, "new edge", "new edges") << ", "
            << s.evidence_new << " new evidence";
  if (s.relations_new == 0 && s.evidence_new == 0) std::cerr << " (nothing new)";
  std::cerr << " -> " << graph << '\n';
}

std::vector<fs::path> paths_of(const std::vector<std::string>& inputs) {
  return {inputs.begin(), inputs.end()};
}

Extractor make_extractor(const BuildArgs& args) {
  ExtractOptions options;
  options.lexicon_files = args.lexicons;
  return Extractor(options);
}

void add_common_options(CLI::App* sub, BuildArgs& args) {
  sub->add_option("--lexicon", args.lexicons, "Extra company lexicon for articles (repeatable)")
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  sub->add_option("-j,--threads", args.threads, "Threads for extracting articles (default 1)")
      ->check(CLI::Range(1u, 256u));
}

}  // namespace

void register_build_commands(CLI::App& app) {
  auto args = std::make_shared<BuildArgs>();

  CLI::App* build = app.add_subcommand(
      "build", "Build a new graph file from relation files, articles and graphs");
  build->add_option("inputs", args->inputs, "Files or folders to read; - is standard input")
      ->required();
  build->add_option("-o,--output", args->output, "The graph file to write")->required();
  add_common_options(build, *args);
  build->callback([args] {
    const Extractor extractor = make_extractor(*args);
    Graph graph;
    const IngestStats stats = ingest(graph, paths_of(args->inputs), &extractor, args->threads);
    save_graph(graph, args->output);
    print_summary("build", stats, args->output);
  });

  CLI::App* add = app.add_subcommand(
      "add", "Add inputs to a graph file (created when missing), under a lock");
  add->add_option("graph", args->graph, "The graph file to update")->required();
  add->add_option("inputs", args->inputs, "Files or folders to read; - is standard input")
      ->required();
  add->add_option("--wait", args->wait_seconds,
                  "Seconds to wait for another add on the same graph (default 60)")
      ->check(CLI::Range(0.0, 1e6));
  add_common_options(add, *args);
  add->callback([args] {
    const Extractor extractor = make_extractor(*args);
    const IngestStats stats = add_to_graph_file(
        args->graph, paths_of(args->inputs), &extractor, args->threads,
        std::chrono::milliseconds(static_cast<long long>(args->wait_seconds * 1000)));
    print_summary("add", stats, args->graph);
  });
}

}  // namespace corpgraph::cli
