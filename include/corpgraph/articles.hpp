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
#include <string_view>
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

  // Input read but not yet parsed, so that parsing can run on the threads that extract: whole
  // JSON lines of one file, or one text article. error is a problem met while reading (a line
  // over limits().max_line_bytes, an article over max_document_bytes), to be reported after
  // the lines; a chunk never holds more lines after it.
  struct Chunk {
    std::string name;             // the file as given
    std::size_t first_line = 0;   // the line number of the first of lines
    std::string lines;            // whole JSON lines, each ending in '\n'
    std::optional<Article> article;
    std::optional<Error> error;
  };
  // The next chunk of about target_bytes; std::nullopt at the end of input. A file that cannot be
  // opened is thrown, as by next().
  [[nodiscard]] std::optional<Chunk> next_chunk(std::size_t target_bytes = 256 * 1024);

  // Problems that spoil one article but not the rest (a line that is not JSON, an article over
  // limits().max_document_bytes) go to handler and reading goes on with the next article.
  // Without a handler they are thrown. A file that cannot be opened is always thrown.
  void on_error(std::function<void(const Error&)> handler);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The articles of a chunk in order (the text article, then each JSON line), each handed to
// article; a line that is not an article goes to on_error (as ArticleReader::on_error would see
// it) and parsing goes on. chunk.error is left to the caller. Safe on any thread.
void parse_chunk(ArticleReader::Chunk& chunk, const std::function<void(Article&&)>& article,
                 const std::function<void(const Error&)>& on_error);

// True when path looks like articles (.txt, or JSON lines whose first object has "text").
[[nodiscard]] bool is_article_file(const std::filesystem::path& path);

enum class RelationOutput { jsonl, tsv };

// Writes one extracted relation as a line: JSON with source, relation, target, status,
// confidence, doc, sentence, start, end (and source_aliases/target_aliases), or a TSV row.
void write_relation(std::ostream& out, const Relation& relation, RelationOutput format);
// The same line appended to out (no stream, no temporary string).
void write_relation(std::string& out, const Relation& relation, RelationOutput format);
// The TSV header row (nothing for jsonl).
void write_relation_header(std::ostream& out, RelationOutput format);

// `corpgraph extract` as one call: articles from reader, relations extracted on `threads` threads
// (reading on the calling thread; JSON parsing, extraction and formatting on the workers), the
// formatted output handed to write in input order, byte-identical for any thread count. Problems
// that spoil one article go to on_error in input order, after the output that precedes them.
void extract_articles(ArticleReader& reader, const Extractor& extractor, RelationOutput format,
                      unsigned threads, const std::function<void(std::string_view)>& write,
                      const std::function<void(const Error&)>& on_error);

}  // namespace corpgraph
