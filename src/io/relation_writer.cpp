// One extracted relation a line, as JSON or TSV.
#include "json_util.hpp"

#include <corpgraph/articles.hpp>
#include <corpgraph/text.hpp>

#include <cstdint>
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
  detail::append_json_string(line, r.source.name);
  line += ",\"relation\":";
  detail::append_json_string(line, to_string(r.label));
  line += ",\"target\":";
  detail::append_json_string(line, r.target.name);
  line += ",\"status\":";
  detail::append_json_string(line, to_string(r.status));
  line += ",\"confidence\":";
  detail::append_json_number(line, confidence);
  line += ",\"doc\":";
  detail::append_json_string(line, e.doc);
  line += ",\"sentence\":";
  detail::append_json_string(line, e.sentence);
  line += ",\"start\":";
  detail::append_json_number(line, e.start);
  line += ",\"end\":";
  detail::append_json_number(line, e.end);
  line += ",\"source_aliases\":";
  append_aliases(line, r.source.aliases);
  line += ",\"target_aliases\":";
  append_aliases(line, r.target.aliases);
  line += ",\"pattern\":";
  detail::append_json_string(line, e.pattern);
  if (r.evidence.size() > 1) {
    // Every sentence of the document that states the relation.
    line += ",\"evidence\":[";
    for (std::size_t i = 0; i < r.evidence.size(); ++i) {
      const auto& x = r.evidence[i];
      if (i) line += ',';
      line += "{\"sentence\":";
      detail::append_json_string(line, x.sentence);
      line += ",\"start\":";
      detail::append_json_number(line, x.start);
      line += ",\"end\":";
      detail::append_json_number(line, x.end);
      line += ",\"confidence\":";
      detail::append_json_number(line, rounded(x.confidence));
      line += ",\"pattern\":";
      detail::append_json_string(line, x.pattern);
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
    // Relations with their sentences take about as many bytes as the articles they come from:
    // reserved once, the block is not copied at each doubling (untouched pages cost no memory).
    out_.reserve(chunk_.lines.size() * 2);
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
