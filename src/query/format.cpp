// Plain tables and JSON for the query results. JSON is written by hand here because RapidJSON
// belongs to the io module; the shapes are documented in docs/query.md.
#include <corpgraph/query.hpp>

#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <ostream>

namespace corpgraph {

std::string json_quote(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  out += '"';
  for (char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          static constexpr char hex[] = "0123456789abcdef";
          out += "\\u00";
          out += hex[(static_cast<unsigned char>(c) >> 4) & 0xf];
          out += hex[static_cast<unsigned char>(c) & 0xf];
        } else {
          out += c;
        }
    }
  }
  out += '"';
  return out;
}

namespace {

// Shortest text that reads back as the same double; JSON has no NaN or infinity.
std::string number(double value) {
  if (!std::isfinite(value)) return "null";
  std::array<char, 64> buffer{};
  auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
  if (ec != std::errc{}) return "null";
  return std::string(buffer.data(), end);
}

std::string fixed(double value, int decimals) {
  std::array<char, 64> buffer{};
  std::snprintf(buffer.data(), buffer.size(), "%.*f", decimals, value);
  return buffer.data();
}

// A streaming JSON builder: commas and nesting are tracked so callers only say what comes next.
class Json {
 public:
  Json& begin_object() { return open('{'); }
  Json& end_object() { return close('}'); }
  Json& begin_array() { return open('['); }
  Json& end_array() { return close(']'); }
  Json& key(std::string_view name) {
    separate();
    out_ += json_quote(name);
    out_ += ':';
    after_key_ = true;
    return *this;
  }
  Json& value(std::string_view text) { return raw(json_quote(text)); }
  Json& value(const char* text) { return value(std::string_view(text)); }
  Json& value(const std::string& text) { return value(std::string_view(text)); }
  Json& value(double v) { return raw(number(v)); }
  Json& value(std::size_t v) { return raw(std::to_string(v)); }
  Json& value(unsigned v) { return raw(std::to_string(v)); }
  Json& value(bool v) { return raw(v ? "true" : "false"); }
  Json& null() { return raw("null"); }
  Json& nullable(std::string_view text, bool present) { return present ? value(text) : null(); }
  template <typename T>
  Json& field(std::string_view name, const T& v) {
    key(name);
    return value(v);
  }
  [[nodiscard]] const std::string& text() const { return out_; }

 private:
  Json& open(char c) {
    separate();
    out_ += c;
    first_.push_back(true);
    return *this;
  }
  Json& close(char c) {
    out_ += c;
    first_.pop_back();
    return *this;
  }
  Json& raw(std::string_view text) {
    separate();
    out_ += text;
    return *this;
  }
  void separate() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (first_.empty()) return;
    if (!first_.back()) out_ += ',';
    first_.back() = false;
  }
  std::string out_;
  std::vector<bool> first_;
  bool after_key_ = false;
};

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  for (char c : text)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++width;
  return width;
}

// Columns padded to their widest cell (counted in code points); the last column is not padded.
class Table {
 public:
  explicit Table(std::vector<std::string> header) : rows_{std::move(header)} {}
  void add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
  void print(std::ostream& out, std::string_view indent = "") const {
    std::vector<std::size_t> widths;
    for (const auto& row : rows_)
      for (std::size_t i = 0; i < row.size(); ++i) {
        if (widths.size() <= i) widths.push_back(0);
        widths[i] = std::max(widths[i], display_width(row[i]));
      }
    for (const auto& row : rows_) {
      std::string line(indent);
      for (std::size_t i = 0; i < row.size(); ++i) {
        line += row[i];
        if (i + 1 < row.size()) line.append(widths[i] - display_width(row[i]) + 2, ' ');
      }
      out << line << '\n';
    }
  }

 private:
  std::vector<std::vector<std::string>> rows_;
};

const std::string& name_of(const Graph& graph, NodeId node) { return graph.company(node).name; }

// "Apple -partners- Alibaba", "ByteDance -owns-> TikTok", "TikTok <-owns- ByteDance".
std::string hop_arrow(const Graph& graph, const Hop& hop) {
  std::string label(to_string(graph.relation(hop.edge).label));
  switch (hop.direction) {
    case Direction::out: return " -" + label + "-> ";
    case Direction::in: return " <-" + label + "- ";
    case Direction::both: break;
  }
  return " -" + label + "- ";
}

std::string path_text(const Graph& graph, const std::vector<Hop>& path) {
  if (path.empty()) return {};
  std::string out = name_of(graph, path.front().from);
  for (const Hop& hop : path) out += hop_arrow(graph, hop) + name_of(graph, hop.to);
  return out;
}

void hop_json(Json& json, const Graph& graph, const Hop& hop) {
  const Edge& edge = graph.relation(hop.edge);
  json.begin_object()
      .field("from", name_of(graph, hop.from))
      .field("relation", to_string(edge.label))
      .field("to", name_of(graph, hop.to))
      .field("direction", to_string(hop.direction))
      .field("status", to_string(edge.status))
      .field("confidence", edge.confidence)
      .end_object();
}

void labels_json(Json& json, std::string_view name, const std::vector<Label>& labels) {
  json.key(name).begin_array();
  for (Label l : labels) json.value(to_string(l));
  json.end_array();
}

void finish(std::ostream& out, const Json& json) { out << json.text() << '\n'; }

}  // namespace

void print_neighbours(std::ostream& out, const Graph& graph, NodeId origin,
                      const NeighbourOptions& options, const std::vector<NeighbourRow>& rows,
                      OutputFormat format) {
  if (format == OutputFormat::json) {
    Json json;
    json.begin_object()
        .field("command", "neighbours")
        .field("company", name_of(graph, origin))
        .field("depth", options.depth)
        .field("direction", to_string(options.direction));
    labels_json(json, "relations", options.labels);
    json.key("statuses").begin_array();
    for (Status s : options.statuses) json.value(to_string(s));
    json.end_array();
    json.field("count", rows.size()).key("results").begin_array();
    for (const auto& row : rows) {
      const Hop& last = row.path.back();
      const Edge& edge = graph.relation(last.edge);
      json.begin_object()
          .field("company", name_of(graph, row.node))
          .field("depth", row.depth)
          .field("relation", to_string(edge.label))
          .field("direction", to_string(last.direction))
          .field("status", to_string(edge.status))
          .field("confidence", edge.confidence)
          .field("via", name_of(graph, last.from));
      json.key("path").begin_array();
      for (const Hop& hop : row.path) hop_json(json, graph, hop);
      json.end_array().end_object();
    }
    json.end_array().end_object();
    finish(out, json);
    return;
  }
  Table table({"DEPTH", "COMPANY", "RELATION", "DIRECTION", "STATUS", "CONFIDENCE", "PATH"});
  for (const auto& row : rows) {
    const Hop& last = row.path.back();
    const Edge& edge = graph.relation(last.edge);
    table.add({std::to_string(row.depth), name_of(graph, row.node), std::string(to_string(edge.label)),
               std::string(to_string(last.direction)), std::string(to_string(edge.status)),
               fixed(edge.confidence, 2), path_text(graph, row.path)});
  }
  table.print(out);
}

void print_paths(std::ostream& out, const Graph& graph, NodeId from, NodeId to,
                 const PathResult& result, OutputFormat format) {
  const std::size_t length = result.paths.empty() ? 0 : result.paths.front().size();
  if (format == OutputFormat::json) {
    Json json;
    json.begin_object()
        .field("command", "path")
        .field("from", name_of(graph, from))
        .field("to", name_of(graph, to))
        .field("length", length)
        .field("count", result.paths.size())
        .field("truncated", result.truncated)
        .key("paths")
        .begin_array();
    for (const auto& path : result.paths) {
      json.begin_array();
      for (const Hop& hop : path) hop_json(json, graph, hop);
      json.end_array();
    }
    json.end_array().end_object();
    finish(out, json);
    return;
  }
  for (std::size_t i = 0; i < result.paths.size(); ++i) {
    if (i > 0) out << '\n';
    const auto& path = result.paths[i];
    out << "path " << (i + 1) << " of " << result.paths.size() << " (" << length
        << (length == 1 ? " hop): " : " hops): ") << path_text(graph, path) << '\n';
    Table table({"STEP", "FROM", "RELATION", "DIRECTION", "TO", "STATUS", "CONFIDENCE"});
    for (std::size_t h = 0; h < path.size(); ++h) {
      const Hop& hop = path[h];
      const Edge& edge = graph.relation(hop.edge);
      table.add({std::to_string(h + 1), name_of(graph, hop.from), std::string(to_string(edge.label)),
                 std::string(to_string(hop.direction)), name_of(graph, hop.to),
                 std::string(to_string(edge.status)), fixed(edge.confidence, 2)});
    }
    table.print(out, "  ");
  }
  if (result.truncated)
    out << "(stopped after " << result.paths.size() << " paths; more shortest paths exist)\n";
}

void print_why(std::ostream& out, const Graph& graph, NodeId a, NodeId b,
               const std::vector<WhyRow>& rows, OutputFormat format) {
  if (format == OutputFormat::json) {
    Json json;
    json.begin_object()
        .field("command", "why")
        .field("a", name_of(graph, a))
        .field("b", name_of(graph, b))
        .field("count", rows.size())
        .key("relations")
        .begin_array();
    for (const auto& row : rows) {
      const Edge& edge = graph.relation(row.hop.edge);
      json.begin_object()
          .field("from", name_of(graph, row.hop.from))
          .field("relation", to_string(edge.label))
          .field("to", name_of(graph, row.hop.to))
          .field("direction", to_string(row.hop.direction))
          .field("source", name_of(graph, edge.source))
          .field("target", name_of(graph, edge.target))
          .field("status", to_string(edge.status))
          .field("confidence", edge.confidence)
          .key("evidence")
          .begin_array();
      for (const auto& view : row.evidence) {
        const Evidence& e = *view.evidence;
        const Document* doc = view.document;
        json.begin_object().field("doc", e.doc);
        json.key("title").nullable(doc ? doc->title : "", doc != nullptr);
        json.key("date").nullable(doc ? doc->date : "", doc != nullptr);
        json.key("url").nullable(doc ? doc->url : "", doc != nullptr);
        json.field("sentence", e.sentence)
            .field("start", static_cast<std::size_t>(e.start))
            .field("end", static_cast<std::size_t>(e.end))
            .field("confidence", e.confidence)
            .field("pattern", e.pattern)
            .key("marks")
            .begin_array();
        for (const Mark& m : view.marks)
          json.begin_object()
              .field("company", name_of(graph, m.company))
              .field("start", m.start)
              .field("end", m.end)
              .end_object();
        json.end_array().end_object();
      }
      json.end_array().end_object();
    }
    json.end_array().end_object();
    finish(out, json);
    return;
  }
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& row = rows[i];
    const Edge& edge = graph.relation(row.hop.edge);
    if (i > 0) out << '\n';
    // A symmetric relation reads in the order the user asked; a directed one as it points.
    if (is_symmetric(edge.label))
      out << name_of(graph, row.hop.from) << " -" << to_string(edge.label) << "- "
          << name_of(graph, row.hop.to);
    else
      out << name_of(graph, edge.source) << " -" << to_string(edge.label) << "-> "
          << name_of(graph, edge.target);
    out << "  (" << to_string(edge.status) << ", confidence "
        << fixed(edge.confidence, 2) << ", " << row.evidence.size()
        << (row.evidence.size() == 1 ? " sentence)\n" : " sentences)\n");
    for (const auto& view : row.evidence) {
      const Evidence& e = *view.evidence;
      if (e.doc.empty()) {
        out << "  (given by hand, no document)\n";
      } else {
        out << "  " << e.doc;
        if (view.document) {
          if (!view.document->date.empty()) out << "  " << view.document->date;
          if (!view.document->title.empty()) out << "  \"" << view.document->title << '"';
        }
        out << '\n';
      }
      if (!e.sentence.empty()) out << "    " << marked_sentence(e.sentence, view.marks) << '\n';
    }
  }
}

void print_card(std::ostream& out, const Graph& graph, const CompanyCard& card,
                OutputFormat format) {
  const Company& company = graph.company(card.node);
  if (format == OutputFormat::json) {
    Json json;
    json.begin_object().field("command", "show").field("name", company.name).key("aliases").begin_array();
    for (const auto& alias : company.aliases) json.value(alias);
    json.end_array().field("kind", to_string(company.kind)).field("degree", card.degree);
    json.key("degree_by_relation").begin_object();
    for (const auto& [label, count] : card.degree_by_label) json.field(to_string(label), count);
    json.end_object().key("relations").begin_array();
    for (const Hop& hop : card.relations) {
      const Edge& edge = graph.relation(hop.edge);
      json.begin_object()
          .field("relation", to_string(edge.label))
          .field("direction", to_string(hop.direction))
          .field("company", name_of(graph, hop.to))
          .field("status", to_string(edge.status))
          .field("confidence", edge.confidence)
          .field("evidence", edge.evidence.size())
          .end_object();
    }
    json.end_array().key("documents").begin_array();
    for (const Document* doc : card.documents)
      json.begin_object()
          .field("id", doc->id)
          .field("title", doc->title)
          .field("date", doc->date)
          .field("url", doc->url)
          .end_object();
    for (const auto& id : card.unknown_documents)
      json.begin_object().field("id", id).key("title").null().key("date").null().key("url").null().end_object();
    json.end_array().end_object();
    finish(out, json);
    return;
  }
  std::string by_label;
  for (const auto& [label, count] : card.degree_by_label) {
    if (!by_label.empty()) by_label += ", ";
    by_label += std::string(to_string(label)) + " " + std::to_string(count);
  }
  std::string aliases;
  for (const auto& alias : company.aliases) aliases += (aliases.empty() ? "" : ", ") + alias;
  out << company.name << '\n';
  Table facts({"  aliases", aliases.empty() ? "-" : aliases});
  facts.add({"  kind", std::string(to_string(company.kind))});
  facts.add({"  degree", std::to_string(card.degree) + (by_label.empty() ? "" : " (" + by_label + ")")});
  facts.add({"  documents", std::to_string(card.documents.size() + card.unknown_documents.size())});
  facts.print(out);
  if (!card.relations.empty()) {
    out << "\nrelations\n";
    Table table({"RELATION", "DIRECTION", "COMPANY", "STATUS", "CONFIDENCE", "EVIDENCE"});
    for (const Hop& hop : card.relations) {
      const Edge& edge = graph.relation(hop.edge);
      table.add({std::string(to_string(edge.label)), std::string(to_string(hop.direction)),
                 name_of(graph, hop.to), std::string(to_string(edge.status)),
                 fixed(edge.confidence, 2), std::to_string(edge.evidence.size())});
    }
    table.print(out, "  ");
  }
  if (!card.documents.empty() || !card.unknown_documents.empty()) {
    out << "\ndocuments\n";
    Table table({"ID", "DATE", "TITLE"});
    for (const Document* doc : card.documents) table.add({doc->id, doc->date, doc->title});
    for (const auto& id : card.unknown_documents) table.add({id, "-", "-"});
    table.print(out, "  ");
  }
}

void print_ego(std::ostream& out, const Graph& graph, NodeId node, unsigned depth,
               const Graph& ego, std::string_view file, OutputFormat format) {
  if (format == OutputFormat::json) {
    Json json;
    json.begin_object()
        .field("command", "ego")
        .field("company", name_of(graph, node))
        .field("depth", depth)
        .field("file", file)
        .field("companies", ego.company_count())
        .field("relations", ego.relation_count())
        .field("documents", ego.document_count())
        .end_object();
    finish(out, json);
    return;
  }
  out << "wrote " << file << ": " << ego.company_count() << " companies, " << ego.relation_count()
      << " relations, " << ego.document_count() << " documents within " << depth
      << (depth == 1 ? " hop of " : " hops of ") << name_of(graph, node) << '\n';
}

void print_top(std::ostream& out, const Graph& graph, const TopOptions& options,
               const std::vector<RankedCompany>& ranked, OutputFormat format) {
  if (format == OutputFormat::json) {
    Json json;
    json.begin_object().field("command", "top").field("by", to_string(options.by));
    labels_json(json, "relations", options.labels);
    json.field("count", ranked.size()).key("results").begin_array();
    for (std::size_t i = 0; i < ranked.size(); ++i)
      json.begin_object()
          .field("rank", i + 1)
          .field("company", name_of(graph, ranked[i].node))
          .field("score", ranked[i].score)
          .end_object();
    json.end_array().end_object();
    finish(out, json);
    return;
  }
  std::string measure(to_string(options.by));
  for (char& c : measure) c = static_cast<char>(c - 'a' + 'A');
  Table table({"RANK", "COMPANY", measure});
  for (std::size_t i = 0; i < ranked.size(); ++i)
    table.add({std::to_string(i + 1), name_of(graph, ranked[i].node),
               options.by == Centrality::degree ? fixed(ranked[i].score, 0)
                                                : fixed(ranked[i].score, 8)});
  table.print(out);
}

void print_stats(std::ostream& out, const GraphStats& stats, OutputFormat format) {
  if (format == OutputFormat::json) {
    Json json;
    json.begin_object()
        .field("command", "stats")
        .field("companies", stats.companies)
        .field("relations", stats.relations)
        .field("documents", stats.documents)
        .field("evidence", stats.evidence)
        .field("isolated", stats.isolated)
        .field("components", stats.components)
        .field("largest_component", stats.largest_component)
        .key("by_relation")
        .begin_object();
    for (const auto& [label, count] : stats.by_label) json.field(to_string(label), count);
    json.end_object().key("by_status").begin_object();
    for (const auto& [status, count] : stats.by_status) json.field(to_string(status), count);
    json.end_object().end_object();
    finish(out, json);
    return;
  }
  Table facts({"companies", std::to_string(stats.companies)});
  facts.add({"relations", std::to_string(stats.relations)});
  facts.add({"documents", std::to_string(stats.documents)});
  facts.add({"evidence sentences", std::to_string(stats.evidence)});
  facts.add({"components", std::to_string(stats.components)});
  facts.add({"largest component", std::to_string(stats.largest_component)});
  facts.add({"isolated companies", std::to_string(stats.isolated)});
  facts.print(out);
  out << '\n';
  Table labels({"RELATION", "COUNT"});
  for (const auto& [label, count] : stats.by_label)
    labels.add({std::string(to_string(label)), std::to_string(count)});
  labels.print(out);
  out << '\n';
  Table statuses({"STATUS", "COUNT"});
  for (const auto& [status, count] : stats.by_status)
    statuses.add({std::string(to_string(status)), std::to_string(count)});
  statuses.print(out);
}

void print_found(std::ostream& out, const Graph& graph, std::string_view pattern,
                 const std::vector<FoundCompany>& found, OutputFormat format) {
  if (format == OutputFormat::json) {
    Json json;
    json.begin_object()
        .field("command", "find")
        .field("pattern", pattern)
        .field("count", found.size())
        .key("results")
        .begin_array();
    for (const auto& f : found) {
      const Company& company = graph.company(f.node);
      json.begin_object().field("company", company.name).field("kind", to_string(company.kind));
      json.key("aliases").begin_array();
      for (const auto& alias : company.aliases) json.value(alias);
      json.end_array().key("matched").nullable(f.matched, !f.matched.empty()).end_object();
    }
    json.end_array().end_object();
    finish(out, json);
    return;
  }
  Table table({"COMPANY", "KIND", "MATCHED ALIAS"});
  for (const auto& f : found) {
    const Company& company = graph.company(f.node);
    table.add({company.name, std::string(to_string(company.kind)), f.matched.empty() ? "-" : f.matched});
  }
  table.print(out);
}

}  // namespace corpgraph
