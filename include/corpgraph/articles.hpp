// Articles in, extracted relations out: the streaming edges of `corpgraph extract`.
#pragma once

#include <corpgraph/extract.hpp>
#include <corpgraph/model.hpp>

#include <corpgraph/error.hpp>

#include <filesystem>
#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace corpgraph {

// Reads articles one at a time from files, directories (recursively: .txt, .jsonl) and "-"
// (standard input). A .txt file is one article whose id is its path as given; a JSON-lines file
// has one article a line: {"id", "title", "date", "url", "text", ...extra fields kept in
// Document::extra}. A line that is not JSON, or has no "text", is Error(bad_input) naming the
// file and line. Never holds more than one article in memory.
class ArticleReader {
 public:
  explicit ArticleReader(std::vector<std::filesystem::path> inputs);
  ~ArticleReader();
  ArticleReader(ArticleReader&&) noexcept;
  ArticleReader& operator=(ArticleReader&&) noexcept;

  [[nodiscard]] std::optional<Article> next();

  // Problems that spoil one article but not the rest (a line that is not JSON, an article over
  // limits().max_document_bytes) go to handler and reading goes on with the next article.
  // Without a handler they are thrown. A file that cannot be opened is always thrown.
  void on_error(std::function<void(const Error&)> handler);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// True when path looks like articles (.txt, or JSON lines whose first object has "text").
[[nodiscard]] bool is_article_file(const std::filesystem::path& path);

enum class RelationOutput { jsonl, tsv };

// Writes one extracted relation as a line: JSON with source, relation, target, status,
// confidence, doc, sentence, start, end (and source_aliases/target_aliases), or a TSV row.
void write_relation(std::ostream& out, const Relation& relation, RelationOutput format);
// The TSV header row (nothing for jsonl).
void write_relation_header(std::ostream& out, RelationOutput format);

}  // namespace corpgraph
