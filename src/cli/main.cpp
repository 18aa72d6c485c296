// corpgraph's executable: parses the command line, lets the library work, maps errors to exit
// codes. This is the only place that catches corpgraph::Error.
#include "commands.hpp"

#include <corpgraph/error.hpp>
#include <corpgraph/limits.hpp>

#include <cstdint>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <iostream>
#include <new>
#include <string>

namespace corpgraph::cli {
namespace {
int status = 0;

// CLI::PositiveNumber prints its whole double range in the message; this one says what is wrong.
const CLI::Validator at_least_one_byte(
    [](std::string& value) {
      return value.find_first_not_of('0') == std::string::npos ? std::string("must be at least 1")
                                                                 : std::string();
    },
    "");

// The ceilings are global options, written straight into limits() as soon as they are parsed
// (trigger_on_parse), so they are in force before any subcommand callback reads an input. With
// fallthrough they may also follow the subcommand: `corpgraph add --max-line-bytes 1M ...`.
void add_limit_options(CLI::App& app) {
  Limits& ceiling = limits();
  const std::string group = "Limits (sizes take b, kb, mb, gb suffixes; 1kb = 1024 bytes)";
  app.add_option("--max-document-bytes", ceiling.max_document_bytes,
                 "Largest article text accepted")
      ->transform(CLI::AsSizeValue(false))
      ->check(at_least_one_byte)
      ->trigger_on_parse()
      ->capture_default_str()
      ->group(group);
  app.add_option("--max-line-bytes", ceiling.max_line_bytes,
                 "Longest line of a JSON-lines, CSV or TSV file")
      ->transform(CLI::AsSizeValue(false))
      ->check(at_least_one_byte)
      ->trigger_on_parse()
      ->capture_default_str()
      ->group(group);
  app.add_option("--max-graph-bytes", ceiling.max_graph_file_bytes,
                 "Largest graph file or imported graph")
      ->transform(CLI::AsSizeValue(false))
      ->check(at_least_one_byte)
      ->trigger_on_parse()
      ->capture_default_str()
      ->group(group);
  app.add_option("--max-json-depth", ceiling.max_json_depth, "Deepest nesting of a JSON value")
      ->check(CLI::Range(1u, 100000u))
      ->trigger_on_parse()
      ->capture_default_str()
      ->group(group);
}
}  // namespace
void set_exit_status(int value) { status = value; }
int exit_status() { return status; }
}  // namespace corpgraph::cli

int main(int argc, char** argv) {
  using namespace corpgraph;
  CLI::App app{"corpgraph: company relations from business news, kept as a graph"};
  app.set_version_flag("--version", std::string("corpgraph 0.1.0"));
  app.require_subcommand(1);
  // Subcommands inherit this, so the global limit options may also come after the subcommand.
  app.fallthrough(true);
  cli::add_limit_options(app);
  cli::register_build_commands(app);
  cli::register_extract_commands(app);
  cli::register_query_commands(app);
  cli::register_render_commands(app);
  cli::register_export_commands(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    // "A subcommand is required" hides the word the user typed; name it instead.
    if (app.get_subcommands().empty() && !app.remaining().empty()) {
      std::cerr << "corpgraph: usage: unknown command '" << app.remaining().front()
                << "' (see corpgraph --help)\n";
      return exit_code(ErrorKind::usage);
    }
    std::cerr << "corpgraph: usage: " << e.what() << " (see corpgraph --help)\n";
    return exit_code(ErrorKind::usage);
  } catch (const Error& e) {
    std::cout.flush();
    std::cerr << "corpgraph: " << e.what() << '\n';
    return exit_code(e.kind());
  } catch (const std::bad_alloc&) {
    std::cout.flush();
    std::cerr << "corpgraph: out of memory\n";
    return exit_code(ErrorKind::limit);
  } catch (const std::filesystem::filesystem_error& e) {
    // A library call that let a filesystem error escape still names the path: report it as I/O.
    std::cout.flush();
    std::cerr << "corpgraph: " << e.path1().string() << ": " << e.code().message() << '\n';
    return exit_code(ErrorKind::io);
  } catch (const std::exception& e) {
    std::cout.flush();
    std::cerr << "corpgraph: internal error: " << e.what() << '\n';
    return exit_code(ErrorKind::internal);
  }
  std::cout.flush();
  if (!std::cout) {
    std::cerr << "corpgraph: cannot write to standard output\n";
    return exit_code(ErrorKind::io);
  }
  return cli::exit_status();
}
