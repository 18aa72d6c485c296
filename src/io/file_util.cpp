#include "file_util.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <iostream>
#include <iterator>
#include <csignal>
#include <sys/file.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

namespace corpgraph::detail {

namespace fs = std::filesystem;

namespace {

std::string errno_text(int err) { return std::strerror(err); }

// Buffered writes of graph files go out in pieces of this size.
constexpr std::size_t write_chunk = 1 << 20;

void fsync_folder(const fs::path& file) {
  fs::path folder = file.parent_path();
  if (folder.empty()) folder = ".";
  int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;  // some file systems refuse; the rename itself has happened
  ::fsync(fd);
  ::close(fd);
}

// Temporary files of saves that were killed (TARGET.tmp.PID of a process that is gone) would pile
// up beside the graph; each save clears them. A live process keeps its own.
void remove_stale_temps(const fs::path& target) {
  const std::string prefix = target.filename().string() + ".tmp.";
  fs::path folder = target.parent_path();
  if (folder.empty()) folder = ".";
  std::error_code ec;
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.size() <= prefix.size() || name.compare(0, prefix.size(), prefix) != 0) continue;
    const std::string digits = name.substr(prefix.size());
    if (digits.find_first_not_of("0123456789") != std::string::npos || digits.size() > 9) continue;
    const pid_t pid = static_cast<pid_t>(std::stol(digits));
    if (pid == ::getpid() || ::kill(pid, 0) == 0 || errno != ESRCH) continue;
    std::error_code ignored;
    fs::remove(it->path(), ignored);
  }
}

}  // namespace

std::string display_name(const fs::path& path) { return path.string(); }

SourceLocation location_at(const fs::path& file, std::string_view text, std::size_t offset) {
  if (offset > text.size()) offset = text.size();
  std::string_view before = text.substr(0, offset);
  std::size_t line = 1 + static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n'));
  std::size_t last = before.rfind('\n');
  std::size_t column = last == std::string_view::npos ? offset + 1 : offset - last;
  return SourceLocation{display_name(file), line, column};
}

std::string read_whole_file(const fs::path& path, std::uint64_t max_bytes) {
  const std::string name = display_name(path);
  if (path == "-") {
    std::string out;
    char buf[1 << 16];
    while (std::cin.read(buf, sizeof buf) || std::cin.gcount() > 0) {
      out.append(buf, static_cast<std::size_t>(std::cin.gcount()));
      if (out.size() > max_bytes)
        throw Error(ErrorKind::limit, SourceLocation{name, 0, 0},
                    "standard input is larger than the limit of " + std::to_string(max_bytes) +
                        " bytes");
    }
    return out;
  }
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw Error(ErrorKind::io, SourceLocation{name, 0, 0}, "cannot open: " + errno_text(errno));
  struct stat st {};
  if (::fstat(fd, &st) != 0 || S_ISDIR(st.st_mode)) {
    int err = S_ISDIR(st.st_mode) ? EISDIR : errno;
    ::close(fd);
    throw Error(ErrorKind::io, SourceLocation{name, 0, 0}, "cannot read: " + errno_text(err));
  }
  if (static_cast<std::uint64_t>(st.st_size) > max_bytes) {
    ::close(fd);
    throw Error(ErrorKind::limit, SourceLocation{name, 0, 0},
                "file of " + std::to_string(st.st_size) + " bytes is larger than the limit of " +
                    std::to_string(max_bytes) + " bytes");
  }
  std::string out;
  out.resize(static_cast<std::size_t>(st.st_size));
  std::size_t done = 0;
  for (;;) {
    if (done == out.size()) out.resize(out.size() + (1 << 16));  // the file may have grown
    ssize_t n = ::read(fd, out.data() + done, out.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      int err = errno;
      ::close(fd);
      throw Error(ErrorKind::io, SourceLocation{name, 0, 0}, "cannot read: " + errno_text(err));
    }
    if (n == 0) break;
    done += static_cast<std::size_t>(n);
    if (done > max_bytes) {
      ::close(fd);
      throw Error(ErrorKind::limit, SourceLocation{name, 0, 0},
                  "file is larger than the limit of " + std::to_string(max_bytes) + " bytes");
    }
  }
  ::close(fd);
  out.resize(done);
  return out;
}

AtomicFile::AtomicFile(fs::path target) : target_(std::move(target)) {
  remove_stale_temps(target_);
  temp_ = target_;
  temp_ += ".tmp." + std::to_string(::getpid());
  fd_ = ::open(temp_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd_ < 0)
    throw Error(ErrorKind::io, SourceLocation{display_name(target_), 0, 0},
                "cannot write beside it (" + display_name(temp_) + "): " + errno_text(errno));
  buffer_.reserve(write_chunk);
}

AtomicFile::~AtomicFile() {
  if (fd_ >= 0) {
    ::close(fd_);
    ::unlink(temp_.c_str());
  }
}

void AtomicFile::flush_buffer() {
  std::size_t done = 0;
  while (done < buffer_.size()) {
    ssize_t n = ::write(fd_, buffer_.data() + done, buffer_.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw Error(ErrorKind::io, SourceLocation{display_name(target_), 0, 0},
                  "cannot write: " + errno_text(errno));
    }
    done += static_cast<std::size_t>(n);
  }
  buffer_.clear();
}

void AtomicFile::write(std::string_view bytes) {
  if (fd_ < 0) throw Error(ErrorKind::internal, "AtomicFile written after commit");
  if (buffer_.size() + bytes.size() > write_chunk) flush_buffer();
  if (bytes.size() >= write_chunk) {
    buffer_.assign(bytes);
    flush_buffer();
  } else {
    buffer_.append(bytes);
  }
}

void AtomicFile::commit() {
  flush_buffer();
  const std::string name = display_name(target_);
  if (::fsync(fd_) != 0)
    throw Error(ErrorKind::io, SourceLocation{name, 0, 0}, "cannot flush: " + errno_text(errno));
  int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0) {
    int err = errno;
    ::unlink(temp_.c_str());
    throw Error(ErrorKind::io, SourceLocation{name, 0, 0}, "cannot write: " + errno_text(err));
  }
  if (::rename(temp_.c_str(), target_.c_str()) != 0) {
    int err = errno;
    ::unlink(temp_.c_str());
    throw Error(ErrorKind::io, SourceLocation{name, 0, 0}, "cannot replace: " + errno_text(err));
  }
  fsync_folder(target_);
}

void write_atomic(const fs::path& path, std::string_view content) {
  AtomicFile file(path);
  file.write(content);
  file.commit();
}

FileLock::FileLock(const fs::path& lock_path, std::chrono::milliseconds timeout) {
  const std::string name = display_name(lock_path);
  fd_ = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0666);
  if (fd_ < 0)
    throw Error(ErrorKind::io, SourceLocation{name, 0, 0}, "cannot open lock: " + errno_text(errno));
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  auto pause = std::chrono::milliseconds(5);
  for (;;) {
    if (::flock(fd_, LOCK_EX | LOCK_NB) == 0) return;
    if (errno != EWOULDBLOCK && errno != EINTR) {
      int err = errno;
      ::close(fd_);
      throw Error(ErrorKind::io, SourceLocation{name, 0, 0}, "cannot lock: " + errno_text(err));
    }
    if (std::chrono::steady_clock::now() >= deadline) {
      ::close(fd_);
      throw Error(ErrorKind::busy, SourceLocation{name, 0, 0},
                  "another corpgraph holds the lock; gave up after " +
                      std::to_string(timeout.count() / 1000.0).substr(0, 6) + " s");
    }
    // Polling rather than a blocking flock keeps the timeout without signals.
    std::this_thread::sleep_for(pause);
    pause = std::min(pause * 2, std::chrono::milliseconds(100));
  }
}

FileLock::~FileLock() {
  if (fd_ >= 0) ::close(fd_);  // closing releases the flock
}

}  // namespace corpgraph::detail
