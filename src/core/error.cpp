#include <corpgraph/error.hpp>

#include <utility>

namespace corpgraph {

namespace {
std::string with_location(const SourceLocation& where, const std::string& message) {
  return to_string(where) + ": " + message;
}
}  // namespace

Error::Error(ErrorKind kind, std::string message)
    : std::runtime_error(message), kind_(kind), message_(std::move(message)) {}

Error::Error(ErrorKind kind, SourceLocation where, std::string message)
    : std::runtime_error(with_location(where, message)),
      kind_(kind),
      where_(std::move(where)),
      message_(std::move(message)) {}

std::string to_string(const SourceLocation& where) {
  std::string out = where.file.empty() ? std::string("<input>") : where.file;
  if (where.line > 0) {
    out += ':' + std::to_string(where.line);
    if (where.column > 0) out += ':' + std::to_string(where.column);
  }
  return out;
}

std::string_view to_string(ErrorKind kind) noexcept {
  switch (kind) {
    case ErrorKind::usage: return "usage";
    case ErrorKind::bad_input: return "bad input";
    case ErrorKind::io: return "i/o";
    case ErrorKind::limit: return "limit";
    case ErrorKind::not_found: return "not found";
    case ErrorKind::busy: return "busy";
    case ErrorKind::internal: return "internal";
  }
  return "internal";
}

int exit_code(ErrorKind kind) noexcept {
  switch (kind) {
    case ErrorKind::usage: return 2;
    case ErrorKind::bad_input: return 3;
    case ErrorKind::io: return 4;
    case ErrorKind::limit: return 5;
    case ErrorKind::not_found: return 6;
    case ErrorKind::busy: return 7;
    case ErrorKind::internal: return 70;
  }
  return 70;
}

}  // namespace corpgraph
