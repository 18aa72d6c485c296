#include "commands.hpp"

namespace corpgraph::cli {

void register_query_commands(CLI::App& /*app*/) {}

}  // namespace corpgraph::cli
