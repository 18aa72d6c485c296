// One extracted relation a line, as JSON or TSV.
#include "json_util.hpp"

#include <corpgraph/articles.hpp>
#include <corpgraph/text.hpp>

#include <cstdint>
#include <cstring>

#include <memory>
#include <ostream>
#include <utility>

namespace corpgraph {

namespace {

void append_aliases(std::string& out, const std::vector<std::string>& aliases) {
  out += '[';
  for (std::size_t i = 0; i < aliases.size(); ++i) {
    if (i) out += ',';
    detail::append_json_string(out, aliases[i]);
  }
  out += ']';
}

// detail::append_json_string, eight bytes at a time: a relation line is mostly its sentence, and
// most sentences have nothing to escape. Invalid UTF-8 takes the general path (which repairs it).
void append_string(std::string& out, std::string_view text) {
  if (!is_valid_utf8(text)) {
    detail::append_json_string(out, text);
    return;
  }
  constexpr std::uint64_t ones = 0x0101010101010101ull;
  constexpr std::uint64_t highs = 0x8080808080808080ull;
  auto has_zero = [](std::uint64_t v) { return ((v - ones) & ~v & highs) != 0; };
  std::size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, text.data() + i, 8);
    // Bytes below 0x20 (ASCII only: ~w keeps bytes without the high bit), '"' or '\\'.
    if (((w - ones * 0x20) & ~w & highs) != 0 || has_zero(w ^ (ones * '"')) || has_zero(w ^ (ones * '\\')))
      break;
  }
  // The rest (a block with something to escape, or the last bytes): the same escapes as
  // detail::append_json_string.
  static constexpr char hex[] = "0123456789abcdef";
  out += '"';
  std::size_t run = 0;  // start of the current run of bytes that need no escape
  for (; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(text.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        out += "\\u00";
        out += hex[c >> 4];
        out += hex[c & 15];
    }
  }
  out.append(text.data() + run, text.size() - run);
  out += '"';
}

double rounded(double value) { return static_cast<double>(static_cast<long long>(value * 1000 + 0.5)) / 1000; }

// TSV cells cannot hold tabs or line breaks.
void append_cell(std::string& out, std::string_view text) {
  for (char c : text) out += (c == '\t' || c == '\n' || c == '\r') ? ' ' : c;
}

}  // namespace

void write_relation(std::ostream& out, const Relation& r, RelationOutput format) {
  std::string line;
  write_relation(line, r, format);
  out << line;
}

void write_relation(std::string& line, const Relation& r, RelationOutput format) {
  static const Evidence none;
  const Evidence& e = r.evidence.empty() ? none : r.evidence.front();
  const double confidence = rounded(r.evidence.empty() ? r.confidence : combine_confidence(r.evidence));
  if (format == RelationOutput::tsv) {
    append_cell(line, r.source.name);
    line += '\t';
    line += to_string(r.label);
    line += '\t';
    append_cell(line, r.target.name);
    line += '\t';
    line += to_string(r.status);
    line += '\t';
    detail::append_json_number(line, confidence);
    line += '\t';
    append_cell(line, e.doc);
    line += '\t';
    detail::append_json_number(line, e.start);
    line += '\t';
    detail::append_json_number(line, e.end);
    line += '\t';
    append_cell(line, e.pattern);
    line += '\t';
    append_cell(line, e.sentence);
    line += '\n';
    return;
  }
  line += "{\"source\":";
  append_string(line, r.source.name);
  line += ",\"relation\":";
  append_string(line, to_string(r.label));
  line += ",\"target\":";
  append_string(line, r.target.name);
  line += ",\"status\":";
  append_string(line, to_string(r.status));
  line += ",\"confidence\":";
  detail::append_json_number(line, confidence);
  line += ",\"doc\":";
  append_string(line, e.doc);
  line += ",\"sentence\":";
  append_string(line, e.sentence);
  line += ",\"start\":";
  detail::append_json_number(line, e.start);
  line += ",\"end\":";
  detail::append_json_number(line, e.end);
  line += ",\"source_aliases\":";
  append_aliases(line, r.source.aliases);
  line += ",\"target_aliases\":";
  append_aliases(line, r.target.aliases);
  line += ",\"pattern\":";
  append_string(line, e.pattern);
  if (r.evidence.size() > 1) {
    // Every sentence of the document that states the relation.
    line += ",\"evidence\":[";
    for (std::size_t i = 0; i < r.evidence.size(); ++i) {
      const auto& x = r.evidence[i];
      if (i) line += ',';
      line += "{\"sentence\":";
      append_string(line, x.sentence);
      line += ",\"start\":";
      detail::append_json_number(line, x.start);
      line += ",\"end\":";
      detail::append_json_number(line, x.end);
      line += ",\"confidence\":";
      detail::append_json_number(line, rounded(x.confidence));
      line += ",\"pattern\":";
      append_string(line, x.pattern);
      line += '}';
    }
    line += ']';
  }
  line += "}\n";
}

void write_relation_header(std::ostream& out, RelationOutput format) {
  if (format == RelationOutput::tsv)
    out << "source\trelation\ttarget\tstatus\tconfidence\tdoc\tstart\tend\tpattern\tsentence\n";
}

namespace {

// A chunk of input and, once run, its formatted relations; errors[i].first is the size of out
// when errors[i].second was met, so the caller can replay both in input order.
class ChunkJob final : public StreamJob {
 public:
  ChunkJob(ArticleReader::Chunk chunk, const Extractor& extractor, RelationOutput format)
      : chunk_(std::move(chunk)), extractor_(extractor), format_(format) {}

  void run() override {
    parse_chunk(
        chunk_,
        [&](Article&& article) {
          const auto relations = extractor_.extract(article);
          for (const auto& r : relations) write_relation(out_, r, format_);
        },
        [&](const Error& e) { errors_.emplace_back(out_.size(), e); });
    if (chunk_.error) errors_.emplace_back(out_.size(), *chunk_.error);
    chunk_.lines.clear();
    chunk_.lines.shrink_to_fit();
  }

  ArticleReader::Chunk chunk_;
  const Extractor& extractor_;
  RelationOutput format_;
  std::string out_;
  std::vector<std::pair<std::size_t, Error>> errors_;
};

}  // namespace

void extract_articles(ArticleReader& reader, const Extractor& extractor, RelationOutput format,
                      unsigned threads, const std::function<void(std::string_view)>& write,
                      const std::function<void(const Error&)>& on_error) {
  run_ordered(
      [&]() -> std::unique_ptr<StreamJob> {
        auto chunk = reader.next_chunk();
        if (!chunk) return nullptr;
        return std::make_unique<ChunkJob>(std::move(*chunk), extractor, format);
      },
      [&](StreamJob& job) {
        auto& c = static_cast<ChunkJob&>(job);
        const std::string_view out = c.out_;
        std::size_t written = 0;
        for (const auto& [at, error] : c.errors_) {
          if (at > written) write(out.substr(written, at - written));
          written = at;
          on_error(error);
        }
        if (out.size() > written) write(out.substr(written));
      },
      threads);
}

}  // namespace corpgraph
