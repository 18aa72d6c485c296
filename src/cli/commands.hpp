// Internal to the executable: each command group registers its subcommands on the app.
// A command's callback does its work through the library and returns its exit status through
// set_exit_status; failures are thrown as corpgraph::Error and reported by main.
#pragma once

#include <CLI/CLI.hpp>

namespace corpgraph::cli {

void register_build_commands(CLI::App& app);    // build, add            (cmd_build.cpp)
void register_extract_commands(CLI::App& app);  // extract               (cmd_extract.cpp)
void register_query_commands(CLI::App& app);    // neighbours, path, ... (cmd_query.cpp)
void register_render_commands(CLI::App& app);   // render                (cmd_render.cpp)
void register_export_commands(CLI::App& app);   // export                (cmd_export.cpp)

// 0 unless a command says otherwise (1 = a query found nothing).
void set_exit_status(int status);
int exit_status();

}  // namespace corpgraph::cli
