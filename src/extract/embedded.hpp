// The data files compiled into the binary (see src/extract/CMakeLists.txt and cmake/embed.cmake).
#pragma once

#include <cstddef>
#include <span>
#include <string_view>

namespace corpgraph::detail {

struct EmbeddedFile {
  std::string_view name;  // file name, e.g. "companies.tsv"
  const char* data;
  std::size_t size;

  [[nodiscard]] std::string_view text() const noexcept { return {data, size}; }
};

// Every src/extract/data/*.tsv, sorted by name.
[[nodiscard]] std::span<const EmbeddedFile* const> embedded_files() noexcept;

}  // namespace corpgraph::detail
