// Node-link JSON import: corpgraph's own export (evidence and documents included) and what
// NetworkX node_link_data or a D3 page writes (links by id or by node index).
#include "exchange_json.hpp"
#include "file_util.hpp"
#include "json_util.hpp"

#include <corpgraph/error.hpp>
#include <corpgraph/limits.hpp>

#include <rapidjson/memorystream.h>

#include <unordered_map>

namespace corpgraph::detail {
namespace {

// Where each element of "nodes" and "links" starts, so a bad node or link is reported at its
// line and column although the DOM keeps no positions.
struct Positions {
  std::vector<std::size_t> nodes;
  std::vector<std::size_t> links;
};

// Builds the DOM (through the depth limit) and notes element offsets on the way.
struct RecordingHandler {
  DepthLimitedHandler<rapidjson::Document>& inner;
  rapidjson::MemoryStream& stream;
  Positions& positions;
  std::uint32_t depth = 0;
  std::string top_key;

  void element(std::size_t offset) {
    if (depth != 2) return;
    if (top_key == "nodes") positions.nodes.push_back(offset);
    else if (top_key == "links" || top_key == "edges") positions.links.push_back(offset);
  }
  // The iterative parser announces a container while standing on its bracket; a scalar once it
  // has been read, so a bad scalar element is reported just after itself.
  std::size_t here() const { return stream.Tell(); }
  std::size_t bracket() const { return stream.Tell(); }

  bool Null() { element(here()); return inner.Null(); }
  bool Bool(bool b) { element(here()); return inner.Bool(b); }
  bool Int(int i) { element(here()); return inner.Int(i); }
  bool Uint(unsigned u) { element(here()); return inner.Uint(u); }
  bool Int64(std::int64_t i) { element(here()); return inner.Int64(i); }
  bool Uint64(std::uint64_t u) { element(here()); return inner.Uint64(u); }
  bool Double(double d) { element(here()); return inner.Double(d); }
  bool RawNumber(const char* s, rapidjson::SizeType n, bool copy) {
    element(here());
    return inner.RawNumber(s, n, copy);
  }
  bool String(const char* s, rapidjson::SizeType n, bool copy) {
    element(here());
    return inner.String(s, n, copy);
  }
  bool Key(const char* s, rapidjson::SizeType n, bool copy) {
    if (depth == 1) top_key.assign(s, n);
    return inner.Key(s, n, copy);
  }
  bool StartObject() {
    element(bracket());
    ++depth;
    return inner.StartObject();
  }
  bool EndObject(rapidjson::SizeType n) {
    --depth;
    return inner.EndObject(n);
  }
  bool StartArray() {
    element(bracket());
    ++depth;
    return inner.StartArray();
  }
  bool EndArray(rapidjson::SizeType n) {
    --depth;
    return inner.EndArray(n);
  }
};

// As json_util's parse_json, plus full precision: confidences must come back bit for bit.
Positions parse_exact(rapidjson::Document& doc, std::string_view text,
                      const std::filesystem::path& file) {
  rapidjson::MemoryStream stream(text.data(), text.size());
  rapidjson::ParseResult result;
  Positions positions;
  bool too_deep = false;
  auto generate = [&](rapidjson::Document& handler) {
    DepthLimitedHandler<rapidjson::Document> guard{handler, limits().max_json_depth};
    RecordingHandler recorder{guard, stream, positions, 0, {}};
    rapidjson::Reader reader;
    result = reader.Parse<json_parse_flags | rapidjson::kParseFullPrecisionFlag>(stream, recorder);
    too_deep = guard.too_deep;
    return !result.IsError();
  };
  doc.Populate(generate);
  if (!result.IsError()) return positions;
  SourceLocation where = location_at(file, text, result.Offset());
  if (too_deep)
    throw Error(ErrorKind::limit, where,
                "JSON nested deeper than the limit of " +
                    std::to_string(limits().max_json_depth) + " levels");
  throw Error(ErrorKind::bad_input, where, json_expected(result.Code()));
}

[[noreturn]] void bad(const std::filesystem::path& file, const std::string& what) {
  throw Error(ErrorKind::bad_input, SourceLocation{file.string(), 1, 1}, what);
}

[[noreturn]] void bad_at(const SourceLocation& where, const std::string& what) {
  throw Error(ErrorKind::bad_input, where, what);
}

std::string string_of(const rapidjson::Value& v) {
  if (v.IsString()) return std::string(v.GetString(), v.GetStringLength());
  if (v.IsInt64()) return std::to_string(v.GetInt64());
  if (v.IsUint64()) return std::to_string(v.GetUint64());
  return {};
}

const rapidjson::Value* member(const rapidjson::Value& object, const char* key) {
  auto it = object.FindMember(key);
  return it == object.MemberEnd() ? nullptr : &it->value;
}

}  // namespace

Graph import_node_link(const std::filesystem::path& file, std::string_view text) {
  rapidjson::Document doc;
  Positions positions = parse_exact(doc, text, file);
  auto place = [&](const std::vector<std::size_t>& offsets, std::size_t i) {
    return i < offsets.size() ? location_at(file, text, offsets[i])
                              : SourceLocation{file.string(), 0, 0};
  };
  if (!doc.IsObject()) bad(file, "expected a node-link JSON object with \"nodes\" and \"links\"");
  const rapidjson::Value* nodes = member(doc, "nodes");
  const rapidjson::Value* links = member(doc, "links");
  if (!links) links = member(doc, "edges");
  if (!nodes || !nodes->IsArray()) bad(file, "expected a \"nodes\" array");
  if (links && !links->IsArray()) bad(file, "expected \"links\" to be an array");
  TextPlace where{file, 0, 0};

  Graph graph;
  // Endpoints carry the whole company, so an edge does not reset a node's kind to the default.
  std::unordered_map<std::string, Company> company_of_id;
  std::vector<Company> company_of_index;
  std::size_t index = 0;
  for (const auto& node : nodes->GetArray()) {
    // Located only when needed: counting lines for every element would be quadratic.
    auto at = [&, i = index++] { return place(positions.nodes, i); };
    if (!node.IsObject()) bad_at(at(), "expected a node object");
    const rapidjson::Value* id = member(node, "id");
    Company company;
    for (const char* key : {"name", "label"}) {
      const rapidjson::Value* v = member(node, key);
      if (v && v->IsString() && v->GetStringLength() > 0) {
        company.name = string_of(*v);
        break;
      }
    }
    std::string id_text = id ? string_of(*id) : std::string();
    if (company.name.empty()) company.name = id_text;
    if (company.name.empty()) bad_at(at(), "expected the node to have an \"id\" or \"name\"");
    if (const rapidjson::Value* aliases = member(node, "aliases")) {
      if (aliases->IsArray()) {
        for (const auto& a : aliases->GetArray())
          if (a.IsString()) company.aliases.push_back(string_of(a));
      } else if (aliases->IsString() && aliases->GetStringLength() > 0) {
        company.aliases.push_back(string_of(*aliases));
      }
    }
    if (const rapidjson::Value* kind = member(node, "kind"); kind && kind->IsString())
      if (auto parsed = parse_company_kind(string_of(*kind))) company.kind = *parsed;
    if (id && !id_text.empty()) company_of_id.emplace(id_text, company);
    company_of_index.push_back(company);
    graph.add_company(company);
  }

  index = 0;
  if (links) {
    for (const auto& link : links->GetArray()) {
      auto at = [&, i = index++] { return place(positions.links, i); };
      if (!link.IsObject()) bad_at(at(), "expected a link object");
      auto endpoint = [&](const char* key) {
        const rapidjson::Value* v = member(link, key);
        if (!v) bad_at(at(), std::string("expected the link to have \"") + key + "\"");
        // D3 replaces ids by the node objects once a simulation ran.
        if (v->IsObject()) {
          if (const rapidjson::Value* id = member(*v, "id")) v = id;
        }
        std::string key_text = string_of(*v);
        if (auto it = company_of_id.find(key_text); it != company_of_id.end()) return it->second;
        if (v->IsUint64() && v->GetUint64() < company_of_index.size())
          return company_of_index[v->GetUint64()];
        bad_at(at(), std::string("the link's \"") + key + "\" names no node");
      };
      Relation r;
      r.source = endpoint("source");
      r.target = endpoint("target");
      std::optional<Label> label;
      for (const char* key : {"label", "relation", "type", "key"}) {
        const rapidjson::Value* v = member(link, key);
        if (v && v->IsString()) {
          label = parse_label(string_of(*v));
          if (label) break;
        }
      }
      if (!label)
        bad_at(at(), "expected the link to have a \"label\" naming a relation (partners, ...)");
      r.label = *label;
      r.status = default_status(r.label);
      if (const rapidjson::Value* s = member(link, "status"); s && s->IsString()) {
        auto parsed = parse_status(string_of(*s));
        if (!parsed) bad_at(at(), "unknown status '" + string_of(*s) + "'");
        r.status = *parsed;
      }
      if (const rapidjson::Value* c = member(link, "confidence"); c && c->IsNumber()) {
        r.confidence = c->GetDouble();
        if (!(r.confidence >= 0.0 && r.confidence <= 1.0))
          bad_at(at(), "confidence must be between 0 and 1");
      }
      if (const rapidjson::Value* e = member(link, "evidence"); e && e->IsArray())
        try {
          r.evidence = evidence_from_json(*e, TextPlace{file, 0, 0});
        } catch (const Error& error) {
          bad_at(at(), error.message());
        }
      graph.add_relation(r);
    }
  }
  if (const rapidjson::Value* g = member(doc, "graph"); g && g->IsObject())
    if (const rapidjson::Value* docs = member(*g, "documents"); docs && docs->IsArray())
      for (const Document& d : documents_from_json(*docs, where)) graph.add_document(d);
  return graph;
}

}  // namespace corpgraph::detail
