// GraphML import: what corpgraph exports (evidence and documents come back from their JSON text)
// and plain GraphML from NetworkX, igraph, Gephi or yEd with a name or label on nodes and a
// relation label on edges.
#include "exchange_util.hpp"
#include "exchange_xml.hpp"

#include <corpgraph/error.hpp>

#include <charconv>
#include <map>
#include <unordered_map>

namespace corpgraph::detail {
namespace {

struct Key {
  std::string name;  // attr.name, or the id when there is none
  std::string default_value;
  bool has_default = false;
};

[[noreturn]] void bad(const std::filesystem::path& file, const XmlElement& at,
                      const std::string& what) {
  throw Error(ErrorKind::bad_input, SourceLocation{file.string(), at.line, at.column}, what);
}

TextPlace place(const std::filesystem::path& file, const XmlElement& at) {
  return TextPlace{file, at.line, at.column};
}

// The element's data values by attribute name, key defaults filled in.
struct Values {
  std::map<std::string, std::pair<std::string, const XmlElement*>> by_name;

  const std::string* get(std::string_view name) const {
    auto it = by_name.find(std::string(name));
    return it == by_name.end() ? nullptr : &it->second.first;
  }
  const XmlElement* where(std::string_view name) const {
    auto it = by_name.find(std::string(name));
    return it == by_name.end() ? nullptr : it->second.second;
  }
};

Values values_of(const XmlElement& element, const std::unordered_map<std::string, Key>& keys,
                 const std::vector<std::string>& defaults_for, const std::filesystem::path& file) {
  Values v;
  for (const auto& id : defaults_for) {
    const Key& k = keys.at(id);
    if (k.has_default) v.by_name[k.name] = {k.default_value, &element};
  }
  for (const XmlElement& child : element.children) {
    if (child.local_name() != "data") continue;
    const std::string* key = child.attribute("key");
    if (!key) bad(file, child, "<data> without a key attribute");
    auto it = keys.find(*key);
    // Undeclared keys are tolerated: some writers omit <key> for well-known attributes.
    std::string name = it == keys.end() ? *key : it->second.name;
    v.by_name[name] = {child.text, &child};
  }
  return v;
}

std::string trimmed(std::string_view s);

const std::string* first_of(const Values& v, std::initializer_list<std::string_view> names) {
  for (auto n : names)
    if (const std::string* s = v.get(n); s && !trimmed(*s).empty()) return s;
  return nullptr;
}

// yEd keeps the visible text in its own elements (<y:NodeLabel>, <y:EdgeLabel>) inside <data>.
const XmlElement* find_descendant(const XmlElement& element, std::string_view local) {
  for (const XmlElement& child : element.children) {
    if (child.local_name() == local) return &child;
    if (const XmlElement* found = find_descendant(child, local)) return found;
  }
  return nullptr;
}

std::string drawn_label(const XmlElement& element, std::string_view local) {
  const XmlElement* label = find_descendant(element, local);
  return label ? label->text : std::string();
}

std::string trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\n' || s.front() == '\t' ||
                        s.front() == '\r'))
    s.remove_prefix(1);
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\n' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return std::string(s);
}

}  // namespace

Graph import_graphml(const std::filesystem::path& file, std::string_view text) {
  XmlElement root = parse_xml(text, file);
  if (root.local_name() != "graphml")
    bad(file, root, "expected a <graphml> root element, found <" + root.name + ">");

  std::unordered_map<std::string, Key> keys;
  std::vector<std::string> graph_keys, node_keys, edge_keys;
  const XmlElement* graph_element = nullptr;
  for (const XmlElement& child : root.children) {
    if (child.local_name() == "key") {
      const std::string* id = child.attribute("id");
      if (!id) bad(file, child, "<key> without an id");
      Key k;
      const std::string* attr_name = child.attribute("attr.name");
      k.name = attr_name ? *attr_name : *id;
      for (const XmlElement& d : child.children)
        if (d.local_name() == "default") {
          k.has_default = true;
          k.default_value = d.text;
        }
      const std::string* domain = child.attribute("for");
      std::string for_what = domain ? *domain : "all";
      keys[*id] = k;
      if (for_what == "graph" || for_what == "all") graph_keys.push_back(*id);
      if (for_what == "node" || for_what == "all") node_keys.push_back(*id);
      if (for_what == "edge" || for_what == "all") edge_keys.push_back(*id);
    } else if (child.local_name() == "graph" && !graph_element) {
      graph_element = &child;
    }
  }
  if (!graph_element) bad(file, root, "expected a <graph> element inside <graphml>");

  Graph graph;
  // Endpoints carry the whole company, so an edge does not reset a node's kind to the default.
  std::unordered_map<std::string, Company> company_of_id;
  Values graph_values = values_of(*graph_element, keys, graph_keys, file);
  std::vector<Document> documents;
  if (const std::string* docs = graph_values.get("documents"); docs && !trimmed(*docs).empty())
    documents = parse_documents_json(*docs, place(file, *graph_values.where("documents")));

  for (const XmlElement& node : graph_element->children) {
    if (node.local_name() != "node") continue;
    const std::string* id = node.attribute("id");
    if (!id) bad(file, node, "<node> without an id");
    Values v = values_of(node, keys, node_keys, file);
    Company company;
    const std::string* name = first_of(v, {"name", "label", "Label"});
    std::string drawn = trimmed(drawn_label(node, "NodeLabel"));
    company.name = name ? *name : !drawn.empty() ? drawn : *id;
    if (company.name.empty()) bad(file, node, "a node has an empty name");
    if (const std::string* aliases = v.get("aliases")) {
      std::string list = trimmed(*aliases);
      if (list.starts_with("[")) {
        company.aliases = parse_aliases_json(list, place(file, *v.where("aliases")));
      } else {
        // A plain '|'-separated list, as people type it in yEd or Gephi.
        std::size_t start = 0;
        while (start <= list.size() && !list.empty()) {
          std::size_t bar = list.find('|', start);
          std::string alias = trimmed(list.substr(start, bar == std::string::npos
                                                             ? std::string::npos
                                                             : bar - start));
          if (!alias.empty()) company.aliases.push_back(alias);
          if (bar == std::string::npos) break;
          start = bar + 1;
        }
      }
    }
    if (const std::string* kind = v.get("kind"))
      if (auto parsed = parse_company_kind(trimmed(*kind))) company.kind = *parsed;
    if (!company_of_id.emplace(*id, company).second)
      bad(file, node, "duplicate node id '" + *id + "'");
    graph.add_company(company);
  }

  for (const XmlElement& edge : graph_element->children) {
    if (edge.local_name() != "edge") continue;
    const std::string* source = edge.attribute("source");
    const std::string* target = edge.attribute("target");
    if (!source || !target) bad(file, edge, "<edge> needs source and target");
    auto endpoint = [&](const std::string& id) {
      auto it = company_of_id.find(id);
      if (it == company_of_id.end()) bad(file, edge, "edge refers to an undeclared node '" + id + "'");
      return it->second;
    };
    Values v = values_of(edge, keys, edge_keys, file);
    Relation r;
    r.source = endpoint(*source);
    r.target = endpoint(*target);
    const std::string* label_text = first_of(v, {"label", "relation", "type", "Label"});
    std::string drawn = trimmed(drawn_label(edge, "EdgeLabel"));
    if (!label_text && !drawn.empty()) label_text = &drawn;
    if (!label_text)
      bad(file, edge, "edge has no relation label (expected a 'label' or 'relation' attribute)");
    auto label = parse_label(trimmed(*label_text));
    if (!label) bad(file, edge, "unknown relation label '" + *label_text + "'");
    r.label = *label;
    r.status = default_status(r.label);
    if (const std::string* status = v.get("status"); status && !trimmed(*status).empty()) {
      auto parsed = parse_status(trimmed(*status));
      if (!parsed) bad(file, *v.where("status"), "unknown status '" + *status + "'");
      r.status = *parsed;
    }
    if (const std::string* confidence = first_of(v, {"confidence"})) {
      std::string c = trimmed(*confidence);
      double value = 0;
      auto [end, ec] = std::from_chars(c.data(), c.data() + c.size(), value);
      if (ec != std::errc{} || end != c.data() + c.size() || !(value >= 0.0 && value <= 1.0))
        bad(file, edge, "confidence must be a number between 0 and 1, found '" + c + "'");
      r.confidence = value;
    }
    if (const std::string* evidence = v.get("evidence"); evidence && !trimmed(*evidence).empty())
      r.evidence = parse_evidence_json(*evidence, place(file, *v.where("evidence")));
    graph.add_relation(r);
  }
  for (const Document& d : documents) graph.add_document(d);
  return graph;
}

}  // namespace corpgraph::detail
