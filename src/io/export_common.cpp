// The exchange entry points (format names, dispatch) and the escaping every exporter shares.
#include "exchange_util.hpp"
#include "file_util.hpp"

#include <corpgraph/text.hpp>
#include <corpgraph/error.hpp>
#include <corpgraph/exchange.hpp>

#include <array>
#include <atomic>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <fcntl.h>
#include <system_error>
#include <unistd.h>

namespace corpgraph {
namespace {

struct FormatName {
  ExportFormat format;
  std::string_view name;
};
constexpr std::array<FormatName, 9> format_names{{
    {ExportFormat::graphml, "graphml"},
    {ExportFormat::gexf, "gexf"},
    {ExportFormat::node_link, "json"},
    {ExportFormat::cytoscape, "cytoscape"},
    {ExportFormat::neo4j, "neo4j"},
    {ExportFormat::cypher, "cypher"},
    {ExportFormat::kuzu, "kuzu"},
    {ExportFormat::turtle, "turtle"},
    {ExportFormat::csv, "csv"},
}};

std::atomic<unsigned> temp_counter{0};

std::filesystem::path temp_beside(const std::filesystem::path& path) {
  auto name = path.filename().string() + ".tmp-" + std::to_string(::getpid()) + "-" +
              std::to_string(temp_counter++);
  return path.parent_path() / name;
}

void write_all(const std::filesystem::path& path, std::string_view content) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0)
    throw Error(ErrorKind::io, path.string() + ": cannot create: " + std::strerror(errno));
  std::size_t done = 0;
  while (done < content.size()) {
    ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      int saved = errno;
      ::close(fd);
      throw Error(ErrorKind::io, path.string() + ": cannot write: " + std::strerror(saved));
    }
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0)
    throw Error(ErrorKind::io, path.string() + ": cannot write: " + std::strerror(errno));
}

}  // namespace

std::optional<ExportFormat> parse_export_format(std::string_view name) noexcept {
  for (const auto& f : format_names)
    if (f.name == name) return f.format;
  if (name == "node-link" || name == "nodelink") return ExportFormat::node_link;
  if (name == "ttl" || name == "rdf") return ExportFormat::turtle;
  return std::nullopt;
}

std::string_view to_string(ExportFormat format) noexcept {
  for (const auto& f : format_names)
    if (f.format == format) return f.name;
  return "?";
}

void export_graph(const Graph& graph, ExportFormat format, const std::filesystem::path& path) {
  using namespace detail;
  switch (format) {
    case ExportFormat::graphml: return write_file_atomic(path, export_graphml(graph));
    case ExportFormat::gexf: return write_file_atomic(path, export_gexf(graph));
    case ExportFormat::node_link: return write_file_atomic(path, export_node_link(graph));
    case ExportFormat::cytoscape: return write_file_atomic(path, export_cytoscape(graph));
    case ExportFormat::cypher: return write_file_atomic(path, export_cypher(graph));
    case ExportFormat::turtle: return write_file_atomic(path, export_turtle(graph));
    case ExportFormat::csv: return write_file_atomic(path, export_csv(graph));
    case ExportFormat::neo4j: return write_folder_atomic(path, export_neo4j(graph));
    case ExportFormat::kuzu: return write_folder_atomic(path, export_kuzu(graph));
  }
  throw Error(ErrorKind::internal, path.string() + ": unknown export format");
}

namespace detail {

std::string clean_utf8(std::string_view text) { return repair_utf8(text); }

std::string xml_escape(std::string_view raw) {
  std::string text = clean_utf8(raw);
  std::string out;
  out.reserve(text.size() + 16);
  for (std::size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      case '\t': out += "&#9;"; break;
      case '\n': out += "&#10;"; break;
      case '\r': out += "&#13;"; break;
      default:
        if (c < 0x20 || c == 0x7F) break;  // not allowed (or discouraged) in XML 1.0
        if (c == 0xEF && i + 2 < text.size() && text[i + 1] == '\xBF' &&
            (text[i + 2] == '\xBE' || text[i + 2] == '\xBF')) {
          i += 2;  // U+FFFE / U+FFFF
          break;
        }
        out += static_cast<char>(c);
    }
  }
  return out;
}

std::string format_double(double value) {
  std::array<char, 32> buffer{};
  auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
  if (ec != std::errc{}) return "0";
  std::string out(buffer.data(), end);
  // "1" is an integer to some readers; keep every double recognisably a double.
  if (out.find_first_of(".eEn") == std::string::npos) out += ".0";
  return out;
}

std::string csv_cell(std::string_view raw, bool formula_guard) {
  std::string text = clean_utf8(raw);
  if (formula_guard && !text.empty() &&
      std::string_view("=+-@\t\r'").find(text.front()) != std::string_view::npos)
    text.insert(text.begin(), '\'');
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string unguard_cell(std::string_view text) {
  if (text.size() >= 2 && text.front() == '\'' &&
      std::string_view("=+-@\t\r'").find(text[1]) != std::string_view::npos)
    text.remove_prefix(1);
  return std::string(text);
}

namespace {
void append_u_escape(std::string& out, unsigned c) {
  static constexpr char hex[] = "0123456789ABCDEF";
  out += "\\u00";
  out += hex[(c >> 4) & 0xF];
  out += hex[c & 0xF];
}
}  // namespace

std::string cypher_string(std::string_view raw) {
  std::string text = clean_utf8(raw);
  std::string out = "'";
  for (char ch : text) {
    unsigned char c = static_cast<unsigned char>(ch);
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '\'': out += "\\'"; break;
      case '"': out += "\\\""; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        if (c < 0x20 || c == 0x7F) append_u_escape(out, c);
        else out += ch;
    }
  }
  return out + "'";
}

std::string turtle_string(std::string_view raw) {
  std::string text = clean_utf8(raw);
  std::string out;
  out.reserve(text.size() + 8);
  for (char ch : text) {
    unsigned char c = static_cast<unsigned char>(ch);
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '"': out += "\\\""; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20 || c == 0x7F) append_u_escape(out, c);
        else out += ch;
    }
  }
  return out;
}

std::string percent_encode(std::string_view raw) {
  std::string text = clean_utf8(raw);
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  for (char ch : text) {
    unsigned char c = static_cast<unsigned char>(ch);
    bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                      (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~';
    if (unreserved) {
      out += ch;
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 0xF];
    }
  }
  return out;
}

std::string relation_type(Label label) {
  std::string out;
  for (char c : to_string(label)) out += c == '-' ? '_' : static_cast<char>(c - 'a' + 'A');
  return out;
}

std::string rdf_property(Label label) {
  std::string out;
  bool upper = false;
  for (char c : to_string(label)) {
    if (c == '-') {
      upper = true;
    } else {
      out += upper ? static_cast<char>(c - 'a' + 'A') : c;
      upper = false;
    }
  }
  return out;
}

std::size_t degree(const Graph& graph, NodeId node) {
  return graph.out_relations(node).size() + graph.in_relations(node).size();
}

void write_file_atomic(const std::filesystem::path& path, std::string_view content) {
  write_atomic(path, content);
}

void write_folder_atomic(const std::filesystem::path& path,
                         const std::vector<std::pair<std::string, std::string>>& files) {
  auto temp = temp_beside(path);
  std::error_code ignored;
  try {
    std::filesystem::create_directory(temp);
    for (const auto& [name, content] : files) write_all(temp / name, content);
    // A folder cannot be renamed over a non-empty one: move the old one aside first.
    if (std::filesystem::exists(path)) {
      if (!std::filesystem::is_directory(path))
        throw Error(ErrorKind::io, path.string() + ": exists and is not a folder");
      auto old = temp_beside(path);
      std::filesystem::rename(path, old);
      std::filesystem::rename(temp, path);
      std::filesystem::remove_all(old, ignored);
    } else {
      std::filesystem::rename(temp, path);
    }
  } catch (const std::filesystem::filesystem_error& e) {
    std::filesystem::remove_all(temp, ignored);
    throw Error(ErrorKind::io, path.string() + ": cannot write folder: " + e.code().message());
  } catch (...) {
    std::filesystem::remove_all(temp, ignored);
    throw;
  }
}

}  // namespace detail
}  // namespace corpgraph
