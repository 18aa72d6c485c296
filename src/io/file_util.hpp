// Internal to io: files read whole, positions in them, atomic writes and the graph file lock.
// Other io authors call these; keep the signatures stable.
#pragma once

#include <corpgraph/error.hpp>
#include <corpgraph/graph.hpp>
#include <corpgraph/model.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace corpgraph::detail {

// The path as the user gave it, for messages ("-" for standard input stays "-").
[[nodiscard]] std::string display_name(const std::filesystem::path& path);

// 1-based line and column (in bytes) of offset in text; offset past the end is the end.
[[nodiscard]] SourceLocation location_at(const std::filesystem::path& file, std::string_view text,
                                         std::size_t offset);

// The whole file ("-" reads standard input). Error(io) when it cannot be read,
// Error(limit) when it is larger than max_bytes.
[[nodiscard]] std::string read_whole_file(const std::filesystem::path& path,
                                          std::uint64_t max_bytes);

// A file written beside its target (TARGET.tmp.PID) and renamed over it by commit(), with fsync
// of the file and of the folder, so readers and crashes see the old file or the new, never half.
// Destroyed without commit() (an exception on the way), it removes the temporary file.
class AtomicFile {
 public:
  explicit AtomicFile(std::filesystem::path target);  // Error(io) when it cannot be created
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  void write(std::string_view bytes);  // Error(io) on a short write (disk full, ...)
  void commit();

  [[nodiscard]] const std::filesystem::path& temp_path() const noexcept { return temp_; }

 private:
  std::filesystem::path target_;
  std::filesystem::path temp_;
  int fd_ = -1;
  std::string buffer_;
  void flush_buffer();
};

// Writes content to path atomically (AtomicFile in one go).
void write_atomic(const std::filesystem::path& path, std::string_view content);

// An exclusive flock on a lock file (created when missing), held until destruction. Waits up to
// timeout for another holder; Error(busy) naming the lock file when it is still held then.
class FileLock {
 public:
  FileLock(const std::filesystem::path& lock_path, std::chrono::milliseconds timeout);
  ~FileLock();
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;

 private:
  int fd_ = -1;
};

// Readers of text already in memory, for standard input (defined beside read_relations and
// load_graph); name is what messages call the input.
[[nodiscard]] std::vector<Relation> parse_relations(const std::filesystem::path& name,
                                                    std::string_view text);
[[nodiscard]] Graph parse_graph(const std::filesystem::path& name, std::string_view text);

}  // namespace corpgraph::detail
