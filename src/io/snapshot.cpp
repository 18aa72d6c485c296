// The graph file's binary sidecar: a 64-byte header tying it to one JSON file, then the payload
// of src/graph/snapshot_codec.hpp. Mapped, checked and handed to the graph, which reads the
// payload in place.
#include "snapshot.hpp"

#include "../graph/snapshot_codec.hpp"
#include "file_util.hpp"

#include <corpgraph/error.hpp>
#include <corpgraph/limits.hpp>

#include <array>
#include <cstring>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace corpgraph::detail {

namespace fs = std::filesystem;

namespace {

constexpr std::array<char, 8> magic{'C', 'G', 'B', 'S', 'N', 'A', 'P', '\n'};
constexpr std::uint32_t header_version = 1;
constexpr std::size_t header_size = 64;
constexpr std::size_t probe_bytes = 64 * 1024;

struct Header {
  std::array<char, 8> magic;
  std::uint32_t header_version;
  std::uint32_t payload_version;
  std::uint64_t json_size;
  std::int64_t json_mtime_ns;
  std::uint64_t json_inode;
  std::uint64_t json_probe;  // hash of the JSON's first and last 64 KiB
  std::uint64_t payload_size;
  std::uint64_t payload_hash;
};
static_assert(sizeof(Header) == header_size);

// Four independent multiply-mix lanes over 8-byte words: a few GB/s, enough to notice any damage
// (not an adversary: the sidecar is as trusted as the JSON beside it).
std::uint64_t hash_bytes(const unsigned char* data, std::size_t size, std::uint64_t seed = 0) {
  constexpr std::uint64_t k = 0x9E3779B97F4A7C15ULL;
  std::uint64_t lane[4] = {seed ^ 1, seed ^ 2, seed ^ 3, seed ^ 4};
  std::size_t i = 0;
  for (; i + 32 <= size; i += 32)
    for (int j = 0; j < 4; ++j) {
      std::uint64_t w;
      std::memcpy(&w, data + i + 8 * j, 8);
      lane[j] = (lane[j] ^ w) * k;
      lane[j] ^= lane[j] >> 29;
    }
  std::uint64_t h = size;
  for (; i < size; ++i) h = (h ^ data[i]) * k;
  for (std::uint64_t l : lane) {
    h = (h ^ l) * k;
    h ^= h >> 32;
  }
  return h;
}

struct Stamp {
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
  std::uint64_t inode = 0;
  std::uint64_t probe = 0;
};

// Identity of the JSON file as it is now: enough that any save or edit changes it.
std::optional<Stamp> stamp_of(const fs::path& json) {
  int fd = ::open(json.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return std::nullopt;
  }
  Stamp s;
  s.size = static_cast<std::uint64_t>(st.st_size);
  s.mtime_ns = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
  s.inode = static_cast<std::uint64_t>(st.st_ino);
  std::string probe(2 * probe_bytes, '\0');
  auto read_at = [&](char* into, std::size_t n, off_t at) {
    std::size_t done = 0;
    while (done < n) {
      ssize_t got = ::pread(fd, into + done, n - done, at + static_cast<off_t>(done));
      if (got <= 0) break;
      done += static_cast<std::size_t>(got);
    }
    return done;
  };
  const std::size_t head = read_at(probe.data(), std::min<std::uint64_t>(probe_bytes, s.size), 0);
  const std::uint64_t tail_at = s.size > probe_bytes ? s.size - probe_bytes : 0;
  const std::size_t tail = read_at(probe.data() + head, static_cast<std::size_t>(s.size - tail_at),
                                   static_cast<off_t>(tail_at));
  ::close(fd);
  s.probe = hash_bytes(reinterpret_cast<const unsigned char*>(probe.data()), head + tail, s.size);
  return s;
}

struct Mapping {
  void* address = MAP_FAILED;
  std::size_t size = 0;
  Mapping() = default;
  Mapping(const Mapping&) = delete;
  Mapping& operator=(const Mapping&) = delete;
  ~Mapping() {
    if (address != MAP_FAILED) ::munmap(address, size);
  }
};

}  // namespace

fs::path snapshot_path(const fs::path& graph_file) {
  fs::path out = graph_file;
  out += ".cgb";
  return out;
}

void save_snapshot(const Graph& graph, const std::vector<NodeId>& node_order,
                   const std::vector<EdgeId>& edge_order, const fs::path& graph_file) noexcept {
  const fs::path path = snapshot_path(graph_file);
  try {
    std::string payload;
    encode_snapshot(graph, node_order, edge_order, payload);
    const std::optional<Stamp> stamp = stamp_of(graph_file);
    if (!stamp) throw Error(ErrorKind::io, "the graph file just saved cannot be read");
    Header h{};
    h.magic = magic;
    h.header_version = header_version;
    h.payload_version = snapshot_payload_version;
    h.json_size = stamp->size;
    h.json_mtime_ns = stamp->mtime_ns;
    h.json_inode = stamp->inode;
    h.json_probe = stamp->probe;
    h.payload_size = payload.size();
    h.payload_hash =
        hash_bytes(reinterpret_cast<const unsigned char*>(payload.data()), payload.size());
    AtomicFile file(path);
    file.write(std::string_view(reinterpret_cast<const char*>(&h), sizeof h));
    file.write(payload);
    file.commit();
  } catch (...) {
    std::error_code ignored;
    fs::remove(path, ignored);  // out of step now; removing it saves the check on every load
  }
}

std::optional<Graph> load_snapshot(const fs::path& graph_file) noexcept {
  try {
    if (graph_file == "-") return std::nullopt;
    const fs::path path = snapshot_path(graph_file);
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return std::nullopt;
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) ||
        static_cast<std::uint64_t>(st.st_size) < header_size) {
      ::close(fd);
      return std::nullopt;
    }
    Header h{};
    if (::pread(fd, &h, sizeof h, 0) != static_cast<ssize_t>(sizeof h) || h.magic != magic ||
        h.header_version != header_version || h.payload_version != snapshot_payload_version ||
        h.payload_size != static_cast<std::uint64_t>(st.st_size) - header_size ||
        h.json_size > limits().max_graph_file_bytes) {
      ::close(fd);
      return std::nullopt;
    }
    const std::optional<Stamp> stamp = stamp_of(graph_file);
    if (!stamp || stamp->size != h.json_size || stamp->mtime_ns != h.json_mtime_ns ||
        stamp->inode != h.json_inode || stamp->probe != h.json_probe) {
      ::close(fd);
      return std::nullopt;
    }
    auto mapping = std::make_shared<Mapping>();
    mapping->size = static_cast<std::size_t>(st.st_size);
    mapping->address = ::mmap(nullptr, mapping->size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
    ::close(fd);
    if (mapping->address == MAP_FAILED) return std::nullopt;
    const auto* payload = static_cast<const unsigned char*>(mapping->address) + header_size;
    if (hash_bytes(payload, h.payload_size) != h.payload_hash) return std::nullopt;
    return decode_snapshot(std::move(mapping), payload, h.payload_size);
  } catch (...) {
    return std::nullopt;  // out of memory on the way, say: the JSON path reports what it finds
  }
}

}  // namespace corpgraph::detail
