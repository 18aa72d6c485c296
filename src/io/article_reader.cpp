// Articles from .txt files, JSON lines and standard input, one at a time.
#include "json_util.hpp"

#include <corpgraph/articles.hpp>
#include <corpgraph/error.hpp>
#include <corpgraph/limits.hpp>

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <system_error>

namespace corpgraph {

namespace fs = std::filesystem;

namespace {

std::string lower_extension(const fs::path& path) {
  std::string ext = path.extension().string();
  for (char& c : ext)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return ext;
}

bool is_jsonl_extension(const std::string& ext) {
  return ext == ".jsonl" || ext == ".ndjson" || ext == ".json";
}

// Reads lines of any length up to a ceiling, so a 200 MB line without a newline costs at most
// the ceiling in memory and is reported, not swallowed.
class LineReader {
 public:
  explicit LineReader(std::istream& in) : in_(in) {}

  // false at the end of input. too_long: the line passed max_bytes and was skipped whole.
  bool next(std::string& line, std::uint64_t max_bytes, bool& too_long) {
    line.clear();
    too_long = false;
    bool any = false;
    while (true) {
      if (pos_ == end_) {
        in_.read(buffer_, sizeof buffer_);
        end_ = static_cast<std::size_t>(in_.gcount());
        pos_ = 0;
        if (end_ == 0) return any;
      }
      any = true;
      const char* start = buffer_ + pos_;
      const void* nl = std::memchr(start, '\n', end_ - pos_);
      const std::size_t n = nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - start) : end_ - pos_;
      if (!too_long) {
        if (line.size() + n > max_bytes) {
          too_long = true;
          line.clear();
          line.shrink_to_fit();
        } else {
          line.append(start, n);
        }
      }
      pos_ += n;
      if (nl) {
        ++pos_;
        return true;
      }
    }
  }

 private:
  std::istream& in_;
  char buffer_[1 << 16];
  std::size_t pos_ = 0;
  std::size_t end_ = 0;
};

std::string string_field(const rapidjson::Value& object, const char* name) {
  const auto it = object.FindMember(name);
  if (it == object.MemberEnd()) return {};
  if (it->value.IsString()) return std::string(it->value.GetString(), it->value.GetStringLength());
  if (it->value.IsNull()) return {};
  return detail::to_compact_json(it->value);
}

enum class LineResult { article, blank, error };

// One JSON line as an article: the parse shared by ArticleReader::next and parse_chunk.
// writable: the line's bytes may be overwritten (a chunk the caller owns), so strings are decoded
// in place instead of copied into the document first.
LineResult parse_article_line(std::string_view line, const std::string& name, std::size_t line_no,
                              Article& a, std::optional<Error>& error, char* writable = nullptr) {
  std::string_view body = line;
  while (!body.empty() && (body.front() == ' ' || body.front() == '\t' || body.front() == '\r')) body.remove_prefix(1);
  while (!body.empty() && (body.back() == ' ' || body.back() == '\t' || body.back() == '\r')) body.remove_suffix(1);
  if (body.empty()) return LineResult::blank;
  // The parse's values and stack live in buffers of the thread, not in a 64 KB block malloc'ed and
  // freed for every article (a pool only grows onto the heap for an unusually large object).
  // Nothing of the document outlives this call: every field is copied into the Article.
  alignas(16) thread_local char value_buffer[16384];
  alignas(16) thread_local char stack_buffer[4096];
  rapidjson::MemoryPoolAllocator<> value_allocator(value_buffer, sizeof value_buffer);
  rapidjson::MemoryPoolAllocator<> stack_allocator(stack_buffer, sizeof stack_buffer);
  rapidjson::GenericDocument<rapidjson::UTF8<>, rapidjson::MemoryPoolAllocator<>, rapidjson::MemoryPoolAllocator<>> d(
      &value_allocator, 1024, &stack_allocator);
  if (writable) {
    // The byte after the trimmed body (whitespace or the line's '\n') ends the input, as the
    // length does for the copying parse: a NUL inside reads as the end either way.
    char* start = writable + (body.data() - line.data());
    start[body.size()] = '\0';
    d.ParseInsitu<rapidjson::kParseIterativeFlag>(start);
  } else {
    d.Parse<rapidjson::kParseIterativeFlag>(body.data(), body.size());
  }
  if (d.HasParseError()) {
    error.emplace(ErrorKind::bad_input, SourceLocation{name, line_no, d.GetErrorOffset() + 1},
                 std::string("not a JSON article: ") + rapidjson::GetParseError_En(d.GetParseError()) +
                     ", line skipped");
    return LineResult::error;
  }
  if (!d.IsObject()) {
    error.emplace(ErrorKind::bad_input, SourceLocation{name, line_no, 1},
                 "expected a JSON object with \"text\", line skipped");
    return LineResult::error;
  }
  const auto text = d.FindMember("text");
  if (text == d.MemberEnd() || !text->value.IsString()) {
    error.emplace(ErrorKind::bad_input, SourceLocation{name, line_no, 1},
                 "the article has no \"text\" string, line skipped");
    return LineResult::error;
  }
  a.text.assign(text->value.GetString(), text->value.GetStringLength());
  if (a.text.size() > limits().max_document_bytes) {
    error.emplace(ErrorKind::limit, SourceLocation{name, line_no, 0},
                 "article longer than " + std::to_string(limits().max_document_bytes) + " bytes, skipped");
    return LineResult::error;
  }
  a.doc.id = string_field(d, "id");
  if (a.doc.id.empty()) a.doc.id = name + ":" + std::to_string(line_no);
  a.doc.title = string_field(d, "title");
  a.doc.date = string_field(d, "date");
  a.doc.url = string_field(d, "url");
  for (auto it = d.MemberBegin(); it != d.MemberEnd(); ++it) {
    const std::string_view k(it->name.GetString(), it->name.GetStringLength());
    if (k == "id" || k == "title" || k == "date" || k == "url" || k == "text") continue;
    a.doc.extra.emplace_back(std::string(k), detail::to_compact_json(it->value));
  }
  return LineResult::article;
}

}  // namespace

struct ArticleReader::Impl {
  std::vector<fs::path> inputs;
  std::size_t next_input = 0;
  std::vector<fs::path> expanded;  // files of the current directory input
  std::size_t next_expanded = 0;
  std::function<void(const Error&)> handler;

  // The JSON-lines file being read.
  std::unique_ptr<std::ifstream> file;
  std::istream* stream = nullptr;
  std::unique_ptr<LineReader> lines;
  std::string name;
  std::size_t line_no = 0;
  std::string line;

  // next_chunk hands problems on with the chunk instead of reporting them on the spot.
  bool capturing = false;
  std::optional<Error> captured;

  void report(const Error& e) {
    if (capturing) {
      captured = e;
      return;
    }
    if (!handler) throw e;
    handler(e);
  }

  std::optional<fs::path> next_path() {
    while (true) {
      if (next_expanded < expanded.size()) return expanded[next_expanded++];
      if (next_input >= inputs.size()) return std::nullopt;
      const fs::path& p = inputs[next_input++];
      if (p == "-") return p;
      std::error_code ec;
      if (fs::is_directory(p, ec)) {
        expanded.clear();
        next_expanded = 0;
        for (fs::recursive_directory_iterator it(p, fs::directory_options::skip_permission_denied, ec), end;
             !ec && it != end; it.increment(ec)) {
          if (!it->is_regular_file(ec)) continue;
          const auto ext = lower_extension(it->path());
          if (ext == ".txt" || ext == ".jsonl" || ext == ".ndjson") expanded.push_back(it->path());
        }
        if (ec) throw Error(ErrorKind::io, SourceLocation{p.string(), 0, 0}, "cannot read the folder: " + ec.message());
        std::sort(expanded.begin(), expanded.end());
        continue;
      }
      return p;
    }
  }

  std::optional<Article> from_lines() {
    bool too_long = false;
    while (lines->next(line, limits().max_line_bytes, too_long)) {
      ++line_no;
      if (too_long) {
        report(Error(ErrorKind::limit, SourceLocation{name, line_no, 0},
                     "line longer than " + std::to_string(limits().max_line_bytes) + " bytes, skipped"));
        continue;
      }
      Article a;
      std::optional<Error> error;
      switch (parse_article_line(line, name, line_no, a, error)) {
        case LineResult::blank: continue;
        case LineResult::error: report(*error); continue;
        case LineResult::article: break;
      }
      return a;
    }
    if (stream && stream->bad())
      throw Error(ErrorKind::io, SourceLocation{name, line_no, 0}, "read error");
    lines.reset();
    file.reset();
    stream = nullptr;
    return std::nullopt;
  }

  // A whole text file (or what is left of standard input) as one article.
  std::optional<Article> whole(std::istream& in, const std::string& id, std::string prefix) {
    Article a;
    a.doc.id = id;
    a.text = std::move(prefix);
    char buffer[1 << 16];
    while (in) {
      in.read(buffer, sizeof buffer);
      a.text.append(buffer, static_cast<std::size_t>(in.gcount()));
      if (a.text.size() > limits().max_document_bytes) {
        report(Error(ErrorKind::limit, SourceLocation{id, 0, 0},
                     "article longer than " + std::to_string(limits().max_document_bytes) + " bytes, skipped"));
        return std::nullopt;
      }
    }
    if (in.bad()) throw Error(ErrorKind::io, SourceLocation{id, 0, 0}, "read error");
    return a;
  }

  // Opens the next input: a JSON-lines file becomes `lines`, a text file or text on standard
  // input is returned whole. false at the end of input.
  bool open_next(std::optional<Article>& whole_article) {
    while (true) {
      auto path = next_path();
      if (!path) return false;
      name = path->string();
      line_no = 0;
      if (*path == "-") {
        // Standard input: JSON lines when it starts with '{', else one article.
        int c;
        std::string head;
        while ((c = std::cin.peek()) != EOF && (c == ' ' || c == '\n' || c == '\r' || c == '\t'))
          head += static_cast<char>(std::cin.get());
        if (c == '{') {
          stream = &std::cin;
          lines = std::make_unique<LineReader>(std::cin);
          line_no = static_cast<std::size_t>(std::count(head.begin(), head.end(), '\n'));
          return true;
        }
        whole_article = whole(std::cin, "-", std::move(head));
        return true;
      }
      std::error_code ec;
      const auto ext = lower_extension(*path);
      if (!is_jsonl_extension(ext)) {
        const auto size = fs::file_size(*path, ec);
        if (!ec && size > limits().max_document_bytes) {
          report(Error(ErrorKind::limit, SourceLocation{name, 0, 0},
                       "article of " + std::to_string(size) + " bytes is longer than the limit of " +
                           std::to_string(limits().max_document_bytes) + " bytes, skipped"));
          return true;
        }
      }
      auto in = std::make_unique<std::ifstream>(*path, std::ios::binary);
      if (!*in) throw Error(ErrorKind::io, SourceLocation{name, 0, 0}, "cannot open the file");
      if (is_jsonl_extension(ext)) {
        file = std::move(in);
        stream = file.get();
        lines = std::make_unique<LineReader>(*file);
        return true;
      }
      whole_article = whole(*in, name, {});
      return true;
    }
  }

  std::optional<Article> next() {
    while (true) {
      if (lines) {
        if (auto a = from_lines()) return a;
        continue;
      }
      std::optional<Article> a;
      if (!open_next(a)) return std::nullopt;
      if (a) return a;
    }
  }

  std::optional<Chunk> next_chunk(std::size_t target_bytes) {
    capturing = true;
    captured.reset();
    struct Restore {
      bool& flag;
      ~Restore() { flag = false; }
    } restore{capturing};
    while (true) {
      if (lines) {
        Chunk c;
        c.name = name;
        c.first_line = line_no + 1;
        c.lines.reserve(target_bytes + target_bytes / 4);  // grown once, not copied at each doubling
        bool too_long = false;
        while (c.lines.size() < target_bytes) {
          if (!lines->next(line, limits().max_line_bytes, too_long)) {
            if (stream && stream->bad())
              throw Error(ErrorKind::io, SourceLocation{name, line_no, 0}, "read error");
            lines.reset();
            file.reset();
            stream = nullptr;
            break;
          }
          ++line_no;
          if (too_long) {
            c.error.emplace(ErrorKind::limit, SourceLocation{name, line_no, 0},
                            "line longer than " + std::to_string(limits().max_line_bytes) + " bytes, skipped");
            break;
          }
          if (c.lines.empty() && line.size() > c.lines.capacity()) c.lines.swap(line);  // a huge line is not copied
          else c.lines += line;
          c.lines += '\n';
        }
        if (!c.lines.empty() || c.error) return c;
        continue;
      }
      std::optional<Article> a;
      if (!open_next(a)) return std::nullopt;
      if (a || captured) {
        Chunk c;
        c.name = name;
        c.article = std::move(a);
        c.error = std::move(captured);
        captured.reset();
        return c;
      }
    }
  }
};

ArticleReader::ArticleReader(std::vector<fs::path> inputs) : impl_(std::make_unique<Impl>()) {
  impl_->inputs = std::move(inputs);
}
ArticleReader::~ArticleReader() = default;
ArticleReader::ArticleReader(ArticleReader&&) noexcept = default;
ArticleReader& ArticleReader::operator=(ArticleReader&&) noexcept = default;

std::optional<Article> ArticleReader::next() { return impl_->next(); }

std::optional<ArticleReader::Chunk> ArticleReader::next_chunk(std::size_t target_bytes) {
  return impl_->next_chunk(target_bytes);
}

void parse_chunk(ArticleReader::Chunk& chunk, const std::function<void(Article&&)>& article,
                 const std::function<void(const Error&)>& on_error) {
  if (chunk.article) article(std::move(*chunk.article));
  const std::string_view all = chunk.lines;
  std::size_t line_no = chunk.first_line;
  for (std::size_t at = 0; at < all.size(); ++line_no) {
    const std::size_t nl = all.find('\n', at);
    const std::size_t stop = nl == std::string_view::npos ? all.size() : nl;
    Article a;
    std::optional<Error> error;
    // Every line of a chunk ends in '\n', a byte the in-place parse may overwrite.
    char* writable = nl == std::string_view::npos ? nullptr : chunk.lines.data() + at;
    switch (parse_article_line(all.substr(at, stop - at), chunk.name, line_no, a, error, writable)) {
      case LineResult::blank: break;
      case LineResult::error: on_error(*error); break;
      case LineResult::article: article(std::move(a)); break;
    }
    at = stop + 1;
  }
}

void ArticleReader::on_error(std::function<void(const Error&)> handler) {
  impl_->handler = std::move(handler);
}

bool is_article_file(const fs::path& path) {
  const auto ext = lower_extension(path);
  if (ext == ".txt") return true;
  if (!is_jsonl_extension(ext)) return false;
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  LineReader lines(in);
  std::string line;
  bool too_long = false;
  for (int tries = 0; tries < 16 && lines.next(line, 64ull << 20, too_long); ++tries) {
    if (too_long) return false;
    std::string_view body = line;
    while (!body.empty() && (body.front() == ' ' || body.front() == '\t' || body.front() == '\r')) body.remove_prefix(1);
    if (body.empty()) continue;
    if (body.front() != '{') return false;
    rapidjson::Document d;
    d.Parse<rapidjson::kParseIterativeFlag>(body.data(), body.size());
    return !d.HasParseError() && d.IsObject() && d.HasMember("text");
  }
  return false;
}

}  // namespace corpgraph
