// corpgraph's executable: parses the command line, lets the library work, maps errors to exit
// codes. This is the only place that catches corpgraph::Error.
#include "commands.hpp"

#include <corpgraph/error.hpp>

#include <cstdio>
#include <exception>
#include <iostream>
#include <new>

namespace corpgraph::cli {
namespace {
int status = 0;
}
void set_exit_status(int value) { status = value; }
int exit_status() { return status; }
}  // namespace corpgraph::cli

int main(int argc, char** argv) {
  using namespace corpgraph;
  CLI::App app{"corpgraph: company relations from business news, kept as a graph"};
  app.set_version_flag("--version", std::string("corpgraph 0.1.0"));
  app.require_subcommand(1);
  app.fallthrough(false);
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
    std::cerr << "corpgraph: usage: " << e.what() << " (see corpgraph --help)\n";
    return exit_code(ErrorKind::usage);
  } catch (const Error& e) {
    std::cout.flush();
    std::cerr << "corpgraph: " << e.what() << '\n';
    return exit_code(e.kind());
  } catch (const std::bad_alloc&) {
    std::cerr << "corpgraph: out of memory\n";
    return exit_code(ErrorKind::limit);
  } catch (const std::exception& e) {
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
