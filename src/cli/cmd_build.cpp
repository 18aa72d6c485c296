#include "commands.hpp"

namespace corpgraph::cli {

void register_build_commands(CLI::App& /*app*/) {}

}  // namespace corpgraph::cli
