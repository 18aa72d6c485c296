// One extracted relation a line, as JSON or TSV.
#include "json_util.hpp"

#include <corpgraph/articles.hpp>

#include <ostream>

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
  static const Evidence none;
  const Evidence& e = r.evidence.empty() ? none : r.evidence.front();
  const double confidence = rounded(r.evidence.empty() ? r.confidence : combine_confidence(r.evidence));
  std::string line;
  line.reserve(256 + e.sentence.size());
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
    out << line;
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
  out << line;
}

void write_relation_header(std::ostream& out, RelationOutput format) {
  if (format == RelationOutput::tsv)
    out << "source\trelation\ttarget\tstatus\tconfidence\tdoc\tstart\tend\tpattern\tsentence\n";
}

}  // namespace corpgraph
