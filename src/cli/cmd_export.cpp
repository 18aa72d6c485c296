#include "commands.hpp"

namespace corpgraph::cli {

void register_export_commands(CLI::App& /*app*/) {}

}  // namespace corpgraph::cli
