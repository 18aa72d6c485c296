// Shared by the fuzz targets: the file-based entry points get the fuzzer's bytes through a
// scratch file, and every target runs under limits small enough for libFuzzer's RSS ceiling.
#pragma once

#include <corpgraph/error.hpp>
#include <corpgraph/limits.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>
#include <unistd.h>

namespace corpgraph::fuzz {

// Lower than the defaults so an input that asks for "a lot" hits the ceiling instead of the
// fuzzer's -rss_limit_mb; the behaviour past the ceiling (Error(limit)) is what is under test.
inline void small_limits() {
  Limits& l = limits();
  l.max_document_bytes = 1u << 20;
  l.max_line_bytes = 1u << 20;
  l.max_graph_file_bytes = 4u << 20;
  l.max_json_depth = 128;
}

// One file per process, rewritten for each input; the extension picks the reader.
inline std::filesystem::path write_scratch(const std::uint8_t* data, std::size_t size,
                                           const char* extension) {
  static const std::filesystem::path path =
      std::filesystem::temp_directory_path() /
      ("corpgraph-fuzz-" + std::to_string(::getpid()) + extension);
  std::FILE* file = std::fopen(path.c_str(), "wb");
  if (file == nullptr) __builtin_trap();
  if (size > 0 && std::fwrite(data, 1, size, file) != size) __builtin_trap();
  std::fclose(file);
  return path;
}

// Error is the documented way to refuse an input; any other exception escaping is a bug that
// main() would report as "internal error", so the fuzzer must see it as a crash.
template <typename Body>
int expect_only_corpgraph_errors(Body&& body) {
  try {
    body();
  } catch (const corpgraph::Error& e) {
    if (e.kind() == corpgraph::ErrorKind::internal) __builtin_trap();
  }
  return 0;
}

}  // namespace corpgraph::fuzz
