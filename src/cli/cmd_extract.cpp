// extract: articles in, one relation a line out (docs/extract.md).
#include "commands.hpp"

#include <corpgraph/articles.hpp>
#include <corpgraph/error.hpp>
#include <corpgraph/extract.hpp>

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

namespace corpgraph::cli {
namespace {

struct ExtractArgs {
  std::vector<std::string> inputs;
  std::string format = "jsonl";
  unsigned threads = 1;
  std::vector<std::string> lexicons;
  double min_confidence = 0.0;
};

void run_extract(const ExtractArgs& args) {
  ExtractOptions options;
  options.lexicon_files = args.lexicons;
  options.min_confidence = args.min_confidence;
  const Extractor extractor(options);
  const RelationOutput format = args.format == "tsv" ? RelationOutput::tsv : RelationOutput::jsonl;

  std::vector<std::filesystem::path> inputs(args.inputs.begin(), args.inputs.end());
  if (inputs.empty()) inputs.emplace_back("-");
  ArticleReader reader(std::move(inputs));
  int worst = 0;
  auto on_error = [&](const Error& e) {
    std::cout.flush();
    std::cerr << "corpgraph: " << e.what() << '\n';
    if (worst == 0) worst = exit_code(e.kind());
  };
  reader.on_error(on_error);

  // Reading stays on this thread; parsing, extraction and formatting run on the workers, and
  // each finished block of output goes out in input order.
  write_relation_header(std::cout, format);
  extract_articles(
      reader, extractor, format, args.threads,
      [](std::string_view text) { std::cout.write(text.data(), static_cast<std::streamsize>(text.size())); },
      on_error);
  std::cout.flush();
  if (!std::cout) throw Error(ErrorKind::io, SourceLocation{"-", 0, 0}, "cannot write to standard output");
  if (worst) set_exit_status(worst);
}

}  // namespace

void register_extract_commands(CLI::App& app) {
  auto args = std::make_shared<ExtractArgs>();
  CLI::App* extract = app.add_subcommand(
      "extract", "Find company relations in articles (.txt, JSON lines, folders, - for stdin)");
  extract->add_option("inputs", args->inputs, "Files or folders of articles; - or nothing is standard input");
  extract->add_option("--format", args->format, "jsonl (default) or tsv")
      ->check(CLI::IsMember({"jsonl", "tsv"}));
  extract->add_option("-j,--threads", args->threads, "Threads (output is the same for any number)")
      ->check(CLI::Range(1u, 256u));
  extract->add_option("--lexicon", args->lexicons, "Extra company lexicon, same format as the built-in one (repeatable)")
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  extract->add_option("--min-confidence", args->min_confidence, "Drop relations below this confidence")
      ->check(CLI::Range(0.0, 1.0));
  extract->callback([args] { run_extract(*args); });
}

}  // namespace corpgraph::cli
