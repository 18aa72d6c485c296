// detect_import_format and import_graph: which reader a file needs, and reading it whole.
#include "exchange_util.hpp"
#include "file_util.hpp"

#include <corpgraph/error.hpp>
#include <corpgraph/exchange.hpp>
#include <corpgraph/limits.hpp>

#include <rapidjson/document.h>

#include <fstream>

namespace corpgraph {
namespace {

std::string lower_extension(const std::filesystem::path& path) {
  return fold_case(path.extension().string());
}

std::string first_bytes(const std::filesystem::path& path, std::size_t count) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorKind::io, SourceLocation{path.string(), 0, 0}, "cannot open");
  std::string out(count, '\0');
  in.read(out.data(), static_cast<std::streamsize>(count));
  out.resize(static_cast<std::size_t>(in.gcount()));
  return out;
}

std::string_view skip_space(std::string_view s) {
  if (s.starts_with("\xEF\xBB\xBF")) s.remove_prefix(3);
  while (!s.empty() && (s.front() == ' ' || s.front() == '\n' || s.front() == '\r' ||
                        s.front() == '\t'))
    s.remove_prefix(1);
  return s;
}

bool looks_like_node_link(const std::filesystem::path& path, std::string_view head) {
  // corpgraph's own graph file says so near its start; it belongs to load_graph.
  if (head.find("\"corpgraph\"") != std::string_view::npos &&
      head.find("\"format\"") != std::string_view::npos)
    return false;
  std::string text = detail::read_whole_file(path, limits().max_graph_file_bytes);
  rapidjson::Document doc;
  doc.Parse<rapidjson::kParseIterativeFlag>(text.data(), text.size());
  if (doc.HasParseError() || !doc.IsObject()) return false;
  auto nodes = doc.FindMember("nodes");
  auto links = doc.FindMember("links");
  if (links == doc.MemberEnd()) links = doc.FindMember("edges");
  return nodes != doc.MemberEnd() && nodes->value.IsArray() && links != doc.MemberEnd() &&
         links->value.IsArray();
}

}  // namespace

std::optional<ImportFormat> detect_import_format(const std::filesystem::path& path) {
  std::string ext = lower_extension(path);
  std::string head = first_bytes(path, 4096);
  std::string_view start = skip_space(head);
  if (ext == ".graphml") return ImportFormat::graphml;
  if (start.starts_with("<") && head.find("<graphml") != std::string::npos)
    return ImportFormat::graphml;
  if (ext == ".csv" || ext == ".tsv") return ImportFormat::csv;
  if (start.starts_with("{") && looks_like_node_link(path, head)) return ImportFormat::node_link;
  return std::nullopt;
}

Graph import_graph(const std::filesystem::path& path, ImportFormat format) {
  std::string text = detail::read_whole_file(path, limits().max_graph_file_bytes);
  switch (format) {
    case ImportFormat::graphml: return detail::import_graphml(path, text);
    case ImportFormat::node_link: return detail::import_node_link(path, text);
    case ImportFormat::csv: return detail::import_csv(path, text);
  }
  throw Error(ErrorKind::internal, path.string() + ": unknown import format");
}

}  // namespace corpgraph
