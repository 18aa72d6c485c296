// Node-link JSON (NetworkX, D3), Cytoscape.js elements, and the JSON texts that GraphML and GEXF
// embed for lists. All JSON goes through RapidJSON.
#include "exchange_json.hpp"

#include <corpgraph/error.hpp>

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace corpgraph::detail {
namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void write_string(Writer& w, std::string_view text) { w.String(clean_utf8(text)); }

void write_key(Writer& w, const char* key) { w.Key(key); }

void write_aliases(Writer& w, const Company& company) {
  w.StartArray();
  for (const auto& alias : company.aliases) write_string(w, alias);
  w.EndArray();
}

void write_evidence(Writer& w, const Edge& edge) {
  w.StartArray();
  for (const Evidence& e : edge.evidence) {
    w.StartObject();
    write_key(w, "doc");
    write_string(w, e.doc);
    write_key(w, "sentence");
    write_string(w, e.sentence);
    write_key(w, "start");
    w.Uint64(e.start);
    write_key(w, "end");
    w.Uint64(e.end);
    write_key(w, "confidence");
    w.Double(e.confidence);
    write_key(w, "pattern");
    write_string(w, e.pattern);
    w.EndObject();
  }
  w.EndArray();
}

void write_documents(Writer& w, const Graph& graph) {
  w.StartArray();
  for (const Document* d : graph.documents()) {
    w.StartObject();
    write_key(w, "id");
    write_string(w, d->id);
    write_key(w, "title");
    write_string(w, d->title);
    write_key(w, "date");
    write_string(w, d->date);
    write_key(w, "url");
    write_string(w, d->url);
    // Extra fields are kept as their JSON text, so they come back byte for byte.
    write_key(w, "extra");
    w.StartObject();
    for (const auto& [key, value] : d->extra) {
      write_string(w, key);
      write_string(w, value);
    }
    w.EndObject();
    w.EndObject();
  }
  w.EndArray();
}

void write_edge_fields(Writer& w, const Edge& edge) {
  write_key(w, "label");
  write_string(w, to_string(edge.label));
  write_key(w, "status");
  write_string(w, to_string(edge.status));
  write_key(w, "confidence");
  w.Double(edge.confidence);
  write_key(w, "evidence_count");
  w.Uint64(edge.evidence.size());
  write_key(w, "symmetric");
  w.Bool(is_symmetric(edge.label));
}

[[noreturn]] void bad_json(const TextPlace& where, const std::string& what) {
  throw Error(ErrorKind::bad_input, SourceLocation{where.file.string(), where.line, where.column},
              what);
}

rapidjson::Document parse_embedded(std::string_view text, const TextPlace& where,
                                   const char* what) {
  rapidjson::Document doc;
  doc.Parse<rapidjson::kParseFullPrecisionFlag>(text.data(), text.size());
  if (doc.HasParseError())
    bad_json(where, std::string(what) + " is not JSON: " +
                        rapidjson::GetParseError_En(doc.GetParseError()) + " at offset " +
                        std::to_string(doc.GetErrorOffset()));
  if (!doc.IsArray()) bad_json(where, std::string(what) + " is not a JSON array");
  return doc;
}

std::string member_string(const rapidjson::Value& object, const char* key) {
  auto it = object.FindMember(key);
  if (it == object.MemberEnd() || !it->value.IsString()) return {};
  return std::string(it->value.GetString(), it->value.GetStringLength());
}

// The company's attributes as node-link and Cytoscape both carry them.
void write_company_fields(Writer& w, const Graph& graph, NodeId n) {
  const Company& c = graph.company(n);
  write_key(w, "name");
  write_string(w, c.name);
  write_key(w, "aliases");
  write_aliases(w, c);
  write_key(w, "kind");
  write_string(w, to_string(c.kind));
  write_key(w, "degree");
  w.Uint64(degree(graph, n));
}

}  // namespace

std::string aliases_json(const Company& company) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  write_aliases(w, company);
  return std::string(buffer.GetString(), buffer.GetSize());
}

std::string evidence_json(const Edge& edge) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  write_evidence(w, edge);
  return std::string(buffer.GetString(), buffer.GetSize());
}

std::string documents_json(const Graph& graph) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  write_documents(w, graph);
  return std::string(buffer.GetString(), buffer.GetSize());
}

std::vector<std::string> parse_aliases_json(std::string_view text, const TextPlace& where) {
  auto doc = parse_embedded(text, where, "aliases");
  std::vector<std::string> out;
  for (const auto& v : doc.GetArray()) {
    if (!v.IsString()) bad_json(where, "aliases must be a JSON array of strings");
    out.emplace_back(v.GetString(), v.GetStringLength());
  }
  return out;
}

std::vector<Evidence> evidence_from_json(const rapidjson::Value& array, const TextPlace& where) {
  std::vector<Evidence> out;
  for (const auto& v : array.GetArray()) {
    if (!v.IsObject()) bad_json(where, "evidence must be an array of objects");
    Evidence e;
    e.doc = member_string(v, "doc");
    e.sentence = member_string(v, "sentence");
    e.pattern = member_string(v, "pattern");
    if (auto it = v.FindMember("start"); it != v.MemberEnd() && it->value.IsUint64())
      e.start = it->value.GetUint64();
    if (auto it = v.FindMember("end"); it != v.MemberEnd() && it->value.IsUint64())
      e.end = it->value.GetUint64();
    if (auto it = v.FindMember("confidence"); it != v.MemberEnd() && it->value.IsNumber())
      e.confidence = it->value.GetDouble();
    if (!(e.confidence >= 0.0 && e.confidence <= 1.0))
      bad_json(where, "evidence confidence must be between 0 and 1");
    out.push_back(std::move(e));
  }
  return out;
}

std::vector<Evidence> parse_evidence_json(std::string_view text, const TextPlace& where) {
  auto doc = parse_embedded(text, where, "evidence");
  return evidence_from_json(doc, where);
}

std::vector<Document> documents_from_json(const rapidjson::Value& array, const TextPlace& where) {
  std::vector<Document> out;
  for (const auto& v : array.GetArray()) {
    if (!v.IsObject()) bad_json(where, "documents must be an array of objects");
    Document d;
    d.id = member_string(v, "id");
    d.title = member_string(v, "title");
    d.date = member_string(v, "date");
    d.url = member_string(v, "url");
    if (auto it = v.FindMember("extra"); it != v.MemberEnd() && it->value.IsObject())
      for (const auto& m : it->value.GetObject())
        if (m.value.IsString())
          d.extra.emplace_back(std::string(m.name.GetString(), m.name.GetStringLength()),
                               std::string(m.value.GetString(), m.value.GetStringLength()));
    out.push_back(std::move(d));
  }
  return out;
}

std::vector<Document> parse_documents_json(std::string_view text, const TextPlace& where) {
  auto doc = parse_embedded(text, where, "documents");
  return documents_from_json(doc, where);
}

std::string export_node_link(const Graph& graph) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.StartObject();
  write_key(w, "directed");
  w.Bool(true);
  write_key(w, "multigraph");
  w.Bool(true);
  write_key(w, "graph");
  w.StartObject();
  write_key(w, "name");
  w.String("corpgraph");
  write_key(w, "documents");
  write_documents(w, graph);
  w.EndObject();
  write_key(w, "nodes");
  w.StartArray();
  for (NodeId n = 0; n < graph.company_count(); ++n) {
    const Company& c = graph.company(n);
    w.StartObject();
    write_key(w, "id");
    write_string(w, c.name);
    write_company_fields(w, graph, n);
    w.EndObject();
  }
  w.EndArray();
  write_key(w, "links");
  w.StartArray();
  for (EdgeId e = 0; e < graph.relation_count(); ++e) {
    const Edge& edge = graph.relation(e);
    w.StartObject();
    write_key(w, "source");
    write_string(w, graph.company(edge.source).name);
    write_key(w, "target");
    write_string(w, graph.company(edge.target).name);
    // (source, label, target) is unique, so the label is a natural multigraph key.
    write_key(w, "key");
    write_string(w, to_string(edge.label));
    write_edge_fields(w, edge);
    write_key(w, "evidence");
    write_evidence(w, edge);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  std::string out(buffer.GetString(), buffer.GetSize());
  return out + "\n";
}

std::string export_cytoscape(const Graph& graph) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.StartObject();
  write_key(w, "elements");
  w.StartObject();
  write_key(w, "nodes");
  w.StartArray();
  // Short ids keep Cytoscape selectors (#n3) usable whatever the company is called.
  for (NodeId n = 0; n < graph.company_count(); ++n) {
    const Company& c = graph.company(n);
    w.StartObject();
    write_key(w, "data");
    w.StartObject();
    write_key(w, "id");
    write_string(w, "n" + std::to_string(n));
    write_key(w, "label");
    write_string(w, c.name);
    write_company_fields(w, graph, n);
    w.EndObject();
    write_key(w, "classes");
    write_string(w, to_string(c.kind));
    w.EndObject();
  }
  w.EndArray();
  write_key(w, "edges");
  w.StartArray();
  for (EdgeId e = 0; e < graph.relation_count(); ++e) {
    const Edge& edge = graph.relation(e);
    w.StartObject();
    write_key(w, "data");
    w.StartObject();
    write_key(w, "id");
    write_string(w, "e" + std::to_string(e));
    write_key(w, "source");
    write_string(w, "n" + std::to_string(edge.source));
    write_key(w, "target");
    write_string(w, "n" + std::to_string(edge.target));
    write_edge_fields(w, edge);
    write_key(w, "evidence");
    write_evidence(w, edge);
    w.EndObject();
    write_key(w, "classes");
    std::string classes = std::string(to_string(edge.label)) + " " +
                          std::string(to_string(edge.status)) +
                          (is_symmetric(edge.label) ? " symmetric" : " directed");
    write_string(w, classes);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  w.EndObject();
  std::string out(buffer.GetString(), buffer.GetSize());
  return out + "\n";
}

}  // namespace corpgraph::detail
