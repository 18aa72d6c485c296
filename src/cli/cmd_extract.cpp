#include "commands.hpp"

namespace corpgraph::cli {

void register_extract_commands(CLI::App& /*app*/) {}

}  // namespace corpgraph::cli
