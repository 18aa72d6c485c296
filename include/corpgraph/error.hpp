// corpgraph::Error: the one exception type the library throws. Only main() catches it.
#pragma once

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace corpgraph {

// Each kind maps to one documented exit code (see exit_code and the README).
enum class ErrorKind {
  usage,      // the command line is wrong                         -> 2
  bad_input,  // an input file is malformed (carries file:line:col) -> 3
  io,         // a file cannot be opened, read, written or renamed -> 4
  limit,      // a configured ceiling was hit (document size, ...)  -> 5
  not_found,  // a company name resolves to nothing or to several    -> 6
  busy,       // the graph file is locked by another process         -> 7
  internal,   // a bug in corpgraph                                  -> 70
};

struct SourceLocation {
  std::string file;
  std::size_t line = 0;    // 1-based; 0 when unknown
  std::size_t column = 0;  // 1-based; 0 when unknown
};

class Error : public std::runtime_error {
 public:
  Error(ErrorKind kind, std::string message);
  Error(ErrorKind kind, SourceLocation where, std::string message);

  [[nodiscard]] ErrorKind kind() const noexcept { return kind_; }
  [[nodiscard]] const std::optional<SourceLocation>& where() const noexcept { return where_; }
  // The message without the location prefix (what() has "file:line:col: " in front).
  [[nodiscard]] const std::string& message() const noexcept { return message_; }

 private:
  ErrorKind kind_;
  std::optional<SourceLocation> where_;
  std::string message_;
};

// "file:line:col", "file:line" or "file", whichever parts are known.
[[nodiscard]] std::string to_string(const SourceLocation& where);
[[nodiscard]] std::string_view to_string(ErrorKind kind) noexcept;
[[nodiscard]] int exit_code(ErrorKind kind) noexcept;

// Exit codes that are not errors.
inline constexpr int exit_ok = 0;
inline constexpr int exit_no_results = 1;  // a query found nothing (as grep does)

}  // namespace corpgraph
