// Shared by the test files: run the real corpgraph binary, read files, make scratch folders.
#pragma once

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <sys/wait.h>

namespace corpgraph::test {

inline const std::filesystem::path source_dir{CORPGRAPH_SOURCE_DIR};
inline const std::filesystem::path build_dir{CORPGRAPH_BUILD_DIR};
inline const std::filesystem::path data_dir = source_dir / "tests" / "data";
inline const std::filesystem::path samples_dir = source_dir / "samples";
// ../shared/seeds beside the checkout, when it is there (it is not part of the repository).
inline const std::filesystem::path seeds_dir = source_dir.parent_path() / "shared" / "seeds";

struct RunResult {
  int status = -1;  // the exit code
  std::string out;  // standard output
  std::string err;  // standard error
};

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline void write_file(const std::filesystem::path& path, const std::string& text) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out << text;
}

// A fresh, empty folder under the build tree for one test.
inline std::filesystem::path scratch_dir(const std::string& name) {
  static std::mt19937_64 rng{std::random_device{}()};
  auto dir = build_dir / "test-scratch" / (name + "-" + std::to_string(rng() % 1000000000));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

// Quotes one argument for /bin/sh.
inline std::string shell_quote(const std::string& arg) {
  std::string out = "'";
  for (char c : arg) {
    if (c == '\'') out += "'\\''";
    else out += c;
  }
  return out + "'";
}

// Runs `corpgraph ARGS` (already quoted for the shell where needed), capturing both streams.
inline RunResult run_cli(const std::string& args, const std::string& stdin_text = "") {
  auto dir = scratch_dir("run");
  auto in = dir / "stdin", out = dir / "stdout", err = dir / "stderr";
  write_file(in, stdin_text);
  std::string command = shell_quote(CORPGRAPH_BIN) + " " + args + " <" + shell_quote(in.string()) +
                        " >" + shell_quote(out.string()) + " 2>" + shell_quote(err.string());
  int raw = std::system(command.c_str());
  RunResult result;
  result.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : 128 + WTERMSIG(raw);
  result.out = read_file(out);
  result.err = read_file(err);
  std::filesystem::remove_all(dir);
  return result;
}

}  // namespace corpgraph::test
