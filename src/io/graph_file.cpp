// The graph file (docs/graph-format.md): written by hand in sorted order so the same graph always
// gives the same bytes, read with RapidJSON's SAX reader so every error knows its byte offset and
// a graph of millions of relations never exists twice in memory (no DOM).
#include <corpgraph/io.hpp>

#include <corpgraph/error.hpp>
#include <corpgraph/limits.hpp>

#include "file_util.hpp"
#include "json_util.hpp"
#include "snapshot.hpp"

#include <rapidjson/memorystream.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <numeric>
#include <optional>

namespace corpgraph {

namespace fs = std::filesystem;

namespace {

// ---------------------------------------------------------------- writing

void append_company(std::string& out, const Company& c) {
  out += "{\"name\":";
  detail::append_json_string(out, c.name);
  out += ",\"aliases\":[";
  for (std::size_t i = 0; i < c.aliases.size(); ++i) {
    if (i) out.push_back(',');
    detail::append_json_string(out, c.aliases[i]);
  }
  out += "],\"kind\":\"";
  out += to_string(c.kind);
  out += "\"}";
}

// Extra values are kept as compact JSON text; one that is not JSON is written as a string so the
// file stays valid whatever a caller put there.
void append_extra_value(std::string& out, const std::string& text) {
  rapidjson::Document doc;
  doc.Parse<detail::json_parse_flags>(text.data(), text.size());
  if (doc.HasParseError())
    detail::append_json_string(out, text);
  else
    out += detail::to_compact_json(doc);
}

void append_document(std::string& out, const Document& d) {
  out += "{\"id\":";
  detail::append_json_string(out, d.id);
  out += ",\"title\":";
  detail::append_json_string(out, d.title);
  out += ",\"date\":";
  detail::append_json_string(out, d.date);
  out += ",\"url\":";
  detail::append_json_string(out, d.url);
  out += ",\"extra\":{";
  auto extra = d.extra;
  std::sort(extra.begin(), extra.end());
  extra.erase(std::unique(extra.begin(), extra.end(),
                          [](const auto& a, const auto& b) { return a.first == b.first; }),
              extra.end());
  for (std::size_t i = 0; i < extra.size(); ++i) {
    if (i) out.push_back(',');
    detail::append_json_string(out, extra[i].first);
    out.push_back(':');
    append_extra_value(out, extra[i].second);
  }
  out += "}}";
}

void append_relation(std::string& out, const Graph& g, const Edge& e) {
  out += "{\"source\":";
  detail::append_json_string(out, g.company(e.source).name);
  out += ",\"relation\":\"";
  out += to_string(e.label);
  out += "\",\"target\":";
  detail::append_json_string(out, g.company(e.target).name);
  out += ",\"status\":\"";
  out += to_string(e.status);
  out += "\",\"confidence\":";
  detail::append_json_number(out, e.confidence);
  out += ",\"evidence\":[";
  for (std::size_t i = 0; i < e.evidence.size(); ++i) {
    const Evidence& ev = e.evidence[i];
    if (i) out.push_back(',');
    out += "{\"doc\":";
    detail::append_json_string(out, ev.doc);
    out += ",\"sentence\":";
    detail::append_json_string(out, ev.sentence);
    out += ",\"start\":";
    detail::append_json_number(out, ev.start);
    out += ",\"end\":";
    detail::append_json_number(out, ev.end);
    out += ",\"confidence\":";
    detail::append_json_number(out, ev.confidence);
    out += ",\"pattern\":";
    detail::append_json_string(out, ev.pattern);
    out.push_back('}');
  }
  out += "]}";
}

// Ranks of nodes by canonical name: the order companies are written in and relations sorted by.
std::vector<NodeId> nodes_by_name(const Graph& g) {
  std::vector<NodeId> order(g.company_count());
  std::iota(order.begin(), order.end(), NodeId{0});
  std::sort(order.begin(), order.end(),
            [&](NodeId a, NodeId b) { return g.company(a).name < g.company(b).name; });
  return order;
}

// ---------------------------------------------------------------- reading

// One SAX handler for the whole file: a small state machine over the fixed shape of the format.
// A semantic error records its message and byte offset and stops the parse.
class GraphFileHandler {
 public:
  GraphFileHandler(Graph& graph, const rapidjson::MemoryStream& stream)
      : graph_(graph), stream_(stream) {}

  std::optional<std::string> error;
  std::size_t error_offset = 0;
  bool seen_format = false;
  bool seen_version = false;

  bool Null() {
    if (capturing()) return captured([&] { return capture_.Null(); });
    return scalar(Value{Type::null});
  }
  bool Bool(bool b) {
    if (capturing()) return captured([&] { return capture_.Bool(b); });
    return scalar(Value{Type::boolean});
  }
  bool Int(int i) { return Int64(i); }
  bool Int64(std::int64_t i) {
    if (i >= 0) return Uint64(static_cast<std::uint64_t>(i));
    if (capturing()) return captured([&] { return capture_.Int64(i); });
    Value v{Type::number};
    v.number = static_cast<double>(i);
    v.negative = true;
    return scalar(v);
  }
  bool Uint(unsigned u) { return Uint64(u); }
  bool Uint64(std::uint64_t u) {
    if (capturing()) return captured([&] { return capture_.Uint64(u); });
    Value v{Type::number};
    v.number = static_cast<double>(u);
    v.integer = u;
    v.is_integer = true;
    return scalar(v);
  }
  bool Double(double d) {
    if (capturing()) return captured([&] { return capture_.Double(d); });
    Value v{Type::number};
    v.number = d;
    v.negative = d < 0;
    return scalar(v);
  }
  bool RawNumber(const char*, rapidjson::SizeType, bool) { return false; }
  bool String(const char* s, rapidjson::SizeType n, bool) {
    if (capturing()) return captured([&] { return capture_.String(s, n, true); });
    Value v{Type::string};
    v.text = std::string_view(s, n);
    v.offset = stream_.Tell() >= n + 2 ? stream_.Tell() - n - 2 : 0;
    return scalar(v);
  }
  bool Key(const char* s, rapidjson::SizeType n, bool) {
    if (capture_depth_ > 0) return capture_.Key(s, n, true);
    key_.assign(s, n);
    key_offset_ = stream_.Tell() >= n + 2 ? stream_.Tell() - n - 2 : 0;
    return true;
  }
  bool StartObject();
  bool EndObject(rapidjson::SizeType);
  bool StartArray();
  bool EndArray(rapidjson::SizeType);

 private:
  enum class State { start, root, companies, company, aliases, documents, document, extra,
                     relations, relation, evidence_list, evidence, done };
  enum class Type { null, boolean, number, string, object, array };
  struct Value {
    Type type;
    std::string_view text{};
    double number = 0;
    std::uint64_t integer = 0;
    bool is_integer = false;
    bool negative = false;
    std::size_t offset = 0;
  };

  Graph& graph_;
  const rapidjson::MemoryStream& stream_;
  std::vector<State> stack_{State::start};
  std::string key_;
  std::size_t key_offset_ = 0;

  Company company_;
  bool company_has_name_ = false;
  std::size_t object_offset_ = 0;
  Document document_;
  bool document_has_id_ = false;
  std::string extra_key_;
  rapidjson::StringBuffer capture_buffer_;
  rapidjson::Writer<rapidjson::StringBuffer> capture_{capture_buffer_};
  int capture_depth_ = 0;

  Relation relation_;
  std::optional<Label> label_;
  std::optional<Status> status_;
  std::size_t label_offset_ = 0;
  bool has_source_ = false, has_target_ = false;
  Evidence evidence_;

  State state() const { return stack_.back(); }

  bool fail(std::string message, std::size_t offset) {
    if (!error) {
      error = std::move(message);
      error_offset = offset;
    }
    return false;
  }
  bool fail_here(std::string message) {
    std::size_t at = stream_.Tell();
    return fail(std::move(message), at > 0 ? at - 1 : 0);
  }
  static std::string type_name(Type t) {
    switch (t) {
      case Type::null: return "null";
      case Type::boolean: return "a boolean";
      case Type::number: return "a number";
      case Type::string: return "a string";
      case Type::object: return "an object";
      case Type::array: return "an array";
    }
    return "a value";
  }
  bool wrong_type(const std::string& what, Type found) {
    return fail("expected " + what + " for \"" + key_ + "\", found " + type_name(found),
                key_offset_);
  }
  bool unknown_key(const char* where, const char* allowed) {
    return fail(std::string("unknown member \"") + key_ + "\" in " + where + "; expected one of " +
                    allowed,
                key_offset_);
  }
  bool need_string(const Value& v, std::string& into) {
    if (v.type != Type::string) return wrong_type("a string", v.type);
    into.assign(v.text);
    return true;
  }
  bool need_probability(const Value& v, double& into) {
    if (v.type != Type::number) return wrong_type("a number", v.type);
    if (v.number < 0 || v.number > 1)
      return fail("expected a confidence between 0 and 1 for \"" + key_ + "\"", key_offset_);
    into = v.number;
    return true;
  }
  bool need_offset(const Value& v, std::uint64_t& into) {
    if (v.type != Type::number || !v.is_integer)
      return wrong_type("a non-negative integer", v.type);
    into = v.integer;
    return true;
  }

  // Inside an extra value, or at an extra value that is a scalar.
  bool capturing() const { return capture_depth_ > 0 || state() == State::extra; }
  template <typename Write>
  bool captured(Write&& write) {
    if (capture_depth_ > 0) return write();
    start_capture();  // a scalar extra value: captured whole at once
    extra_key_ = key_;
    bool ok = write();
    finish_capture();
    return ok;
  }
  void start_capture() {
    capture_buffer_.Clear();
    capture_.Reset(capture_buffer_);
  }
  void finish_capture() {
    document_.extra.emplace_back(extra_key_,
                                 std::string(capture_buffer_.GetString(), capture_buffer_.GetSize()));
  }

  bool scalar(const Value& v);
};

bool GraphFileHandler::scalar(const Value& v) {
  switch (state()) {
    case State::root:
      if (key_ == "format") {
        if (v.type != Type::string || v.text != "corpgraph")
          return fail("expected \"format\": \"corpgraph\" (a corpgraph graph file)", key_offset_);
        seen_format = true;
        return true;
      }
      if (key_ == "version") {
        if (v.type != Type::number || !v.is_integer ||
            v.integer != static_cast<std::uint64_t>(graph_format_version))
          return fail("expected \"version\": " + std::to_string(graph_format_version) +
                          " (this corpgraph reads graph files of version " +
                          std::to_string(graph_format_version) + " only)",
                      key_offset_);
        seen_version = true;
        return true;
      }
      if (key_ == "companies" || key_ == "documents" || key_ == "relations")
        return wrong_type("an array", v.type);
      return unknown_key("the graph file", "format, version, companies, documents, relations");
    case State::company:
      if (key_ == "name") {
        company_has_name_ = true;
        if (!need_string(v, company_.name)) return false;
        if (company_.name.empty()) return fail("expected a non-empty company name", v.offset);
        return true;
      }
      if (key_ == "kind") {
        std::string text;
        if (!need_string(v, text)) return false;
        auto kind = parse_company_kind(text);
        if (!kind)
          return fail("unknown company kind \"" + text +
                          "\"; expected company, bank, fund, media or brand",
                      v.offset);
        company_.kind = *kind;
        return true;
      }
      if (key_ == "aliases") return wrong_type("an array", v.type);
      return unknown_key("a company", "name, aliases, kind");
    case State::aliases: {
      if (v.type != Type::string)
        return fail("expected a string in \"aliases\", found " + type_name(v.type), stream_.Tell());
      company_.aliases.emplace_back(v.text);
      return true;
    }
    case State::document:
      if (key_ == "id") {
        document_has_id_ = true;
        return need_string(v, document_.id);
      }
      if (key_ == "title") return need_string(v, document_.title);
      if (key_ == "date") return need_string(v, document_.date);
      if (key_ == "url") return need_string(v, document_.url);
      if (key_ == "extra") return wrong_type("an object", v.type);
      return unknown_key("a document", "id, title, date, url, extra");
    case State::relation:
      if (key_ == "source") {
        has_source_ = true;
        if (!need_string(v, relation_.source.name)) return false;
        if (relation_.source.name.empty()) return fail("expected a non-empty source", v.offset);
        return true;
      }
      if (key_ == "target") {
        has_target_ = true;
        if (!need_string(v, relation_.target.name)) return false;
        if (relation_.target.name.empty()) return fail("expected a non-empty target", v.offset);
        return true;
      }
      if (key_ == "relation") {
        std::string text;
        if (!need_string(v, text)) return false;
        label_ = parse_label(text);
        label_offset_ = v.offset;
        if (!label_)
          return fail("unknown relation \"" + text +
                          "\"; expected partners, talked-to, former-deal, acquired, owns, "
                          "invests-in, competes-with, supplies or sues",
                      v.offset);
        return true;
      }
      if (key_ == "status") {
        std::string text;
        if (!need_string(v, text)) return false;
        status_ = parse_status(text);
        if (!status_)
          return fail("unknown status \"" + text + "\"; expected current, pending or ended",
                      v.offset);
        return true;
      }
      if (key_ == "confidence") return need_probability(v, relation_.confidence);
      if (key_ == "evidence") return wrong_type("an array", v.type);
      return unknown_key("a relation", "source, relation, target, status, confidence, evidence");
    case State::evidence:
      if (key_ == "doc") return need_string(v, evidence_.doc);
      if (key_ == "sentence") return need_string(v, evidence_.sentence);
      if (key_ == "pattern") return need_string(v, evidence_.pattern);
      if (key_ == "start") return need_offset(v, evidence_.start);
      if (key_ == "end") return need_offset(v, evidence_.end);
      if (key_ == "confidence") return need_probability(v, evidence_.confidence);
      return unknown_key("an evidence item", "doc, sentence, start, end, confidence, pattern");
    case State::extra:
      return false;  // handled by the capture path
    case State::start:
      return fail_here("expected a JSON object with \"format\": \"corpgraph\"");
    case State::companies:
      return fail_here("expected a company object in \"companies\", found " + type_name(v.type));
    case State::documents:
      return fail_here("expected a document object in \"documents\", found " + type_name(v.type));
    case State::relations:
      return fail_here("expected a relation object in \"relations\", found " + type_name(v.type));
    case State::evidence_list:
      return fail_here("expected an evidence object in \"evidence\", found " + type_name(v.type));
    case State::done: break;
  }
  return fail_here("expected the end of the file");
}

bool GraphFileHandler::StartObject() {
  if (capture_depth_ > 0) {
    ++capture_depth_;
    return capture_.StartObject();
  }
  const std::size_t at = stream_.Tell() > 0 ? stream_.Tell() - 1 : 0;
  switch (state()) {
    case State::start: stack_.push_back(State::root); return true;
    case State::companies:
      company_ = Company{};
      company_has_name_ = false;
      object_offset_ = at;
      stack_.push_back(State::company);
      return true;
    case State::documents:
      document_ = Document{};
      document_has_id_ = false;
      object_offset_ = at;
      stack_.push_back(State::document);
      return true;
    case State::relations:
      relation_ = Relation{};
      label_.reset();
      status_.reset();
      has_source_ = has_target_ = false;
      object_offset_ = at;
      stack_.push_back(State::relation);
      return true;
    case State::evidence_list:
      evidence_ = Evidence{};
      stack_.push_back(State::evidence);
      return true;
    case State::document:
      if (key_ != "extra") break;
      stack_.push_back(State::extra);
      return true;
    case State::extra:
      start_capture();
      extra_key_ = key_;
      capture_depth_ = 1;
      return capture_.StartObject();
    default: break;
  }
  if (state() == State::root || state() == State::company || state() == State::relation ||
      state() == State::evidence || state() == State::document)
    return wrong_type(key_ == "extra" ? "an object" : "a scalar or array", Type::object);
  return fail(std::string("unexpected object"), at);
}

bool GraphFileHandler::EndObject(rapidjson::SizeType n) {
  if (capture_depth_ > 0) {
    bool ok = capture_.EndObject(n);
    if (--capture_depth_ == 0) finish_capture();
    return ok;
  }
  switch (state()) {
    case State::root:
      if (!seen_format) return fail("expected \"format\": \"corpgraph\" in the graph file", 0);
      if (!seen_version)
        return fail("expected \"version\": " + std::to_string(graph_format_version) +
                        " in the graph file",
                    0);
      stack_.back() = State::done;
      return true;
    case State::company:
      if (!company_has_name_) return fail("expected \"name\" in the company", object_offset_);
      graph_.add_company(company_);
      break;
    case State::document:
      if (!document_has_id_) return fail("expected \"id\" in the document", object_offset_);
      graph_.add_document(document_);
      break;
    case State::extra: break;
    case State::relation: {
      if (!has_source_) return fail("expected \"source\" in the relation", object_offset_);
      if (!label_) return fail("expected \"relation\" in the relation", object_offset_);
      if (!has_target_) return fail("expected \"target\" in the relation", object_offset_);
      relation_.label = *label_;
      relation_.status = status_.value_or(default_status(*label_));
      if (fold_case(relation_.source.name) == fold_case(relation_.target.name))
        return fail("expected a relation between two different companies", object_offset_);
      graph_.add_relation(relation_);
      break;
    }
    case State::evidence: relation_.evidence.push_back(std::move(evidence_)); break;
    default: return fail_here("unexpected '}'");
  }
  stack_.pop_back();
  return true;
}

bool GraphFileHandler::StartArray() {
  if (capture_depth_ > 0) {
    ++capture_depth_;
    return capture_.StartArray();
  }
  switch (state()) {
    case State::root:
      if (key_ == "companies" || key_ == "documents" || key_ == "relations") {
        // Format and version come first, so a file of another kind stops before any work.
        if (!seen_format)
          return fail("expected \"format\": \"corpgraph\" before \"" + key_ + "\"", key_offset_);
        if (!seen_version)
          return fail("expected \"version\": " + std::to_string(graph_format_version) +
                          " before \"" + key_ + "\"",
                      key_offset_);
        stack_.push_back(key_ == "companies"   ? State::companies
                         : key_ == "documents" ? State::documents
                                               : State::relations);
        return true;
      }
      if (key_ == "format" || key_ == "version") return wrong_type("a scalar", Type::array);
      return unknown_key("the graph file", "format, version, companies, documents, relations");
    case State::company:
      if (key_ != "aliases") return wrong_type("a scalar", Type::array);
      stack_.push_back(State::aliases);
      return true;
    case State::relation:
      if (key_ != "evidence") return wrong_type("a scalar", Type::array);
      stack_.push_back(State::evidence_list);
      return true;
    case State::extra:
      start_capture();
      extra_key_ = key_;
      capture_depth_ = 1;
      return capture_.StartArray();
    case State::start: return fail_here("expected a JSON object with \"format\": \"corpgraph\"");
    default: break;
  }
  if (state() == State::document || state() == State::evidence)
    return wrong_type("a scalar", Type::array);
  return fail_here("unexpected array");
}

bool GraphFileHandler::EndArray(rapidjson::SizeType n) {
  if (capture_depth_ > 0) {
    bool ok = capture_.EndArray(n);
    if (--capture_depth_ == 0) finish_capture();
    return ok;
  }
  stack_.pop_back();
  return true;
}

}  // namespace

Graph load_graph(const fs::path& path) {
  if (std::optional<Graph> fast = detail::load_snapshot(path)) return std::move(*fast);
  const std::string text = detail::read_whole_file(path, limits().max_graph_file_bytes);
  return detail::parse_graph(path, text);
}

Graph detail::parse_graph(const fs::path& path, std::string_view text) {
  Graph graph;
  rapidjson::MemoryStream stream(text.data(), text.size());
  GraphFileHandler handler(graph, stream);
  detail::DepthLimitedHandler<GraphFileHandler> guard{handler, limits().max_json_depth};
  rapidjson::Reader reader;
  rapidjson::ParseResult result = reader.Parse<detail::json_parse_flags>(stream, guard);
  if (!result.IsError()) return graph;
  if (guard.too_deep)
    throw Error(ErrorKind::limit, detail::location_at(path, text, result.Offset()),
                "JSON nested deeper than the limit of " + std::to_string(limits().max_json_depth) +
                    " levels");
  if (handler.error)
    throw Error(ErrorKind::bad_input, detail::location_at(path, text, handler.error_offset),
                *handler.error);
  throw Error(ErrorKind::bad_input, detail::location_at(path, text, result.Offset()),
              detail::json_expected(result.Code()));
}

void save_graph(const Graph& graph, const fs::path& path) {
  const std::vector<NodeId> order = nodes_by_name(graph);
  std::vector<std::uint32_t> rank(order.size());
  for (std::size_t i = 0; i < order.size(); ++i) rank[order[i]] = static_cast<std::uint32_t>(i);
  std::vector<EdgeId> edges(graph.relation_count());
  std::iota(edges.begin(), edges.end(), EdgeId{0});
  std::sort(edges.begin(), edges.end(), [&](EdgeId a, EdgeId b) {
    const Edge& x = graph.relation(a);
    const Edge& y = graph.relation(b);
    return std::tuple(rank[x.source], x.label, rank[x.target]) <
           std::tuple(rank[y.source], y.label, rank[y.target]);
  });

  if (path.has_parent_path()) {
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);  // a failure shows when the file is opened
  }
  detail::AtomicFile file(path);
  std::string out;
  out.reserve(1 << 21);
  auto flush_if_full = [&] {
    if (out.size() >= (1 << 20)) {
      file.write(out);
      out.clear();
    }
  };
  out += "{\"format\":\"corpgraph\",\"version\":";
  out += std::to_string(graph_format_version);
  out += ",\n\"companies\":[";
  for (std::size_t i = 0; i < order.size(); ++i) {
    out += i ? ",\n" : "\n";
    append_company(out, graph.company(order[i]));
    flush_if_full();
  }
  out += "\n],\n\"documents\":[";
  const auto docs = graph.documents();
  for (std::size_t i = 0; i < docs.size(); ++i) {
    out += i ? ",\n" : "\n";
    append_document(out, *docs[i]);
    flush_if_full();
  }
  out += "\n],\n\"relations\":[";
  for (std::size_t i = 0; i < edges.size(); ++i) {
    out += i ? ",\n" : "\n";
    append_relation(out, graph, graph.relation(edges[i]));
    flush_if_full();
  }
  out += "\n]}\n";
  file.write(out);
  file.commit();
  detail::save_snapshot(graph, order, edges, path);
}

}  // namespace corpgraph
