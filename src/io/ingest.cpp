// ingest: decides what each input is (graph file, relation file, articles, another tool's graph)
// from its extension and first bytes, and adds it to the graph.
#include <corpgraph/io.hpp>

#include <corpgraph/articles.hpp>
#include <corpgraph/error.hpp>
#include <corpgraph/exchange.hpp>
#include <corpgraph/extract.hpp>
#include <corpgraph/limits.hpp>

#include "file_util.hpp"
#include "json_util.hpp"

#include <algorithm>
#include <fstream>
#include <unistd.h>

namespace corpgraph {

namespace fs = std::filesystem;

namespace {

enum class InputKind { graph, relations, articles, exchange, unknown };

std::string lower_extension(const fs::path& path) {
  std::string ext = path.extension().string();
  for (char& c : ext)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return ext;
}

// Extensions a directory walk picks up; anything else in a folder (READMEs, images) is skipped.
bool known_extension(const fs::path& path) {
  static const char* const known[] = {".json", ".jsonl", ".ndjson", ".csv", ".tsv", ".tab",
                                      ".txt",  ".graphml"};
  const std::string ext = lower_extension(path);
  return std::any_of(std::begin(known), std::end(known), [&](const char* k) { return ext == k; });
}

std::string_view skip_space(std::string_view text) {
  std::size_t i = 0;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r' || text[i] == '\n'))
    ++i;
  return text.substr(i);
}

bool eat(std::string_view& text, std::string_view token) {
  text = skip_space(text);
  if (text.substr(0, token.size()) != token) return false;
  text.remove_prefix(token.size());
  return true;
}

// A corpgraph graph file starts {"format":"corpgraph" (save_graph writes that member first).
bool looks_like_graph_file(std::string_view head) {
  return eat(head, "{") && eat(head, "\"format\"") && eat(head, ":") && eat(head, "\"corpgraph\"");
}

// Relation files: a JSON array or a JSON object a line with a "relation" member, or a CSV/TSV
// header naming source, relation and target.
bool looks_like_relations(std::string_view head, const std::string& ext) {
  std::string_view body = skip_space(head);
  if (body.empty()) return true;
  if (body.front() == '[') return true;
  if (body.front() == '{') {
    std::string_view first_line = body.substr(0, body.find('\n'));
    return first_line.find("\"relation\"") != std::string_view::npos &&
           first_line.find("\"source\"") != std::string_view::npos;
  }
  if (ext == ".json" || ext == ".jsonl" || ext == ".ndjson") return false;
  std::string_view header = body.substr(0, body.find('\n'));
  auto has = [&](std::string_view column) { return header.find(column) != std::string_view::npos; };
  return has("source") && has("relation") && has("target");
}

std::string read_head(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw Error(ErrorKind::io, SourceLocation{detail::display_name(path), 0, 0}, "cannot open");
  std::string head(4096, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  return head;
}

std::size_t evidence_total(const Graph& graph) {
  std::size_t n = 0;
  for (EdgeId e = 0; e < graph.relation_count(); ++e) n += graph.relation(e).evidence.size();
  return n;
}

class Ingester {
 public:
  Ingester(Graph& graph, const Extractor* extractor, unsigned threads)
      : graph_(graph), extractor_(extractor), threads_(threads) {}

  IngestStats stats;

  void input(const fs::path& path) {
    if (path == "-") return standard_input();
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (ec || !fs::exists(status))
      throw Error(ErrorKind::io, SourceLocation{detail::display_name(path), 0, 0},
                  "no such file or directory");
    if (fs::is_directory(status)) {
      std::vector<fs::path> files;
      for (auto it = fs::recursive_directory_iterator(
               path, fs::directory_options::skip_permission_denied, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (!name.empty() && name.front() == '.') {
          if (it->is_directory()) it.disable_recursion_pending();
          continue;
        }
        if (it->is_regular_file() && known_extension(it->path())) files.push_back(it->path());
      }
      if (ec)
        throw Error(ErrorKind::io, SourceLocation{detail::display_name(path), 0, 0},
                    "cannot list: " + ec.message());
      std::sort(files.begin(), files.end());  // the same graph whatever the folder order
      for (const fs::path& file : files) one_file(file);
      return;
    }
    one_file(path);
  }

 private:
  Graph& graph_;
  const Extractor* extractor_;
  unsigned threads_;

  void merge(Graph&& other) {
    stats.documents += other.document_count();
    stats.relations_read += other.relation_count();
    // Merging into an empty graph gives that graph: taking it whole halves the time of a build.
    if (graph_.company_count() == 0 && graph_.document_count() == 0)
      graph_ = std::move(other);
    else
      graph_.merge(other);
  }

  void relations(const std::vector<Relation>& list) {
    stats.relations_read += list.size();
    for (const Relation& r : list) graph_.add_relation(r);
  }

  void one_file(const fs::path& path) {
    ++stats.files;
    const std::string head = read_head(path);
    const std::string ext = lower_extension(path);
    if (looks_like_graph_file(head)) return merge(load_graph(path));
    if (ext != ".txt" && looks_like_relations(head, ext)) return relations(read_relations(path));
    if (is_article_file(path)) return articles({path});
    if (auto format = detect_import_format(path)) return merge(import_graph(path, *format));
    throw Error(ErrorKind::bad_input, SourceLocation{detail::display_name(path), 1, 1},
                "expected a corpgraph graph file, a relation file (JSON, CSV, TSV), articles "
                "(.txt, JSON lines with \"text\") or a GraphML, node-link JSON or CSV edge list");
  }

  // stdin_name: the temporary file standard input was buffered in; articles named after it are
  // called "-" as the user typed, so the graph never depends on a random file name.
  void articles(const std::vector<fs::path>& paths, const std::string& stdin_name = {}) {
    if (!extractor_)
      throw Error(ErrorKind::usage, SourceLocation{detail::display_name(paths.front()), 0, 0},
                  "holds articles, but no extractor was given to read them");
    ArticleReader reader(paths);
    extract_stream(
        *extractor_, [&] { return reader.next(); },
        [&](const Article& article, std::vector<Relation>&& found) {
          ++stats.documents;
          if (!stdin_name.empty() && article.doc.id == stdin_name) {
            Document doc = article.doc;
            doc.id = "-";
            graph_.add_document(doc);
            for (Relation& r : found)
              for (Evidence& e : r.evidence)
                if (e.doc == stdin_name) e.doc = "-";
          } else {
            graph_.add_document(article.doc);
          }
          relations(found);
        },
        threads_ == 0 ? 1 : threads_);
  }

  void standard_input() {
    ++stats.files;
    const std::string text = detail::read_whole_file("-", limits().max_graph_file_bytes);
    const fs::path name = "-";
    if (looks_like_graph_file(text)) return merge(detail::parse_graph(name, text));
    std::string_view body = skip_space(text);
    bool article_lines = false;
    if (!body.empty() && body.front() == '{') {
      rapidjson::Document first;
      std::string_view line = body.substr(0, body.find('\n'));
      first.Parse<detail::json_parse_flags>(line.data(), line.size());
      article_lines = !first.HasParseError() && first.IsObject() && first.HasMember("text");
    }
    if (!article_lines && looks_like_relations(text, ""))
      return relations(detail::parse_relations(name, text));
    // ArticleReader reads standard input itself, but it has been read: hand it over in a file.
    std::string tmpl = (fs::temp_directory_path() / "corpgraph-stdin-XXXXXX").string();
    int fd = ::mkstemp(tmpl.data());
    if (fd < 0) throw Error(ErrorKind::io, SourceLocation{"-", 0, 0}, "cannot buffer standard input");
    ::close(fd);
    const fs::path temp = article_lines ? fs::path(tmpl + ".jsonl") : fs::path(tmpl + ".txt");
    fs::rename(tmpl, temp);
    struct Remove {
      fs::path p;
      ~Remove() {
        std::error_code ec;
        fs::remove(p, ec);
      }
    } remove{temp};
    std::ofstream(temp, std::ios::binary) << text;
    articles({temp}, temp.string());
  }
};

}  // namespace

IngestStats ingest(Graph& graph, const std::vector<fs::path>& inputs, const Extractor* extractor) {
  return ingest(graph, inputs, extractor, 1);
}

IngestStats ingest(Graph& graph, const std::vector<fs::path>& inputs, const Extractor* extractor,
                   unsigned threads) {
  const std::size_t edges_before = graph.relation_count();
  const std::size_t evidence_before = evidence_total(graph);
  Ingester ingester(graph, extractor, threads);
  for (const fs::path& input : inputs) ingester.input(input);
  IngestStats stats = ingester.stats;
  stats.relations_new = graph.relation_count() - edges_before;
  stats.evidence_new = evidence_total(graph) - evidence_before;
  return stats;
}

IngestStats add_to_graph_file(const fs::path& graph_path, const std::vector<fs::path>& inputs,
                              const Extractor* extractor, unsigned threads,
                              std::chrono::milliseconds wait) {
  if (graph_path.has_parent_path()) {
    std::error_code ec;
    fs::create_directories(graph_path.parent_path(), ec);  // a failure shows at the lock
  }
  fs::path lock_path = graph_path;
  lock_path += ".lock";
  const detail::FileLock lock(lock_path, wait);
  Graph graph;
  if (fs::exists(graph_path)) graph = load_graph(graph_path);
  const IngestStats stats = ingest(graph, inputs, extractor, threads);
  // Saved even when no edge or evidence is new: a status, an alias or a document may be.
  save_graph(graph, graph_path);
  return stats;
}

}  // namespace corpgraph
