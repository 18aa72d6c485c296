#include "commands.hpp"

namespace corpgraph::cli {

void register_render_commands(CLI::App& /*app*/) {}

}  // namespace corpgraph::cli
