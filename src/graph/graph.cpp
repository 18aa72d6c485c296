#include <corpgraph/graph.hpp>

#include <corpgraph/error.hpp>

#include "bgl.hpp"

#include <algorithm>
#include <map>
#include <tuple>
#include <unordered_map>

namespace corpgraph {

std::string fold_case(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

namespace {

struct EdgeKey {
  NodeId source;
  NodeId target;
  Label label;
  friend bool operator==(const EdgeKey&, const EdgeKey&) = default;
};

struct EdgeKeyHash {
  std::size_t operator()(const EdgeKey& k) const noexcept {
    return (static_cast<std::size_t>(k.source) * 0x9E3779B97F4A7C15ULL) ^
           (static_cast<std::size_t>(k.target) << 8) ^ static_cast<std::size_t>(k.label);
  }
};

auto evidence_key(const Evidence& e) { return std::tie(e.doc, e.start, e.end, e.sentence); }

bool evidence_less(const Evidence& a, const Evidence& b) { return evidence_key(a) < evidence_key(b); }

// Inserts e into the sorted list; a duplicate keeps the higher confidence. True when new.
bool insert_evidence(std::vector<Evidence>& list, const Evidence& e) {
  auto it = std::lower_bound(list.begin(), list.end(), e, evidence_less);
  if (it != list.end() && evidence_key(*it) == evidence_key(e)) {
    if (e.confidence > it->confidence || (e.confidence == it->confidence && e.pattern < it->pattern)) {
      it->confidence = e.confidence;
      it->pattern = e.pattern;
    }
    return false;
  }
  list.insert(it, e);
  return true;
}

void insert_alias(Company& company, const std::string& alias) {
  if (alias.empty() || alias == company.name) return;
  auto it = std::lower_bound(company.aliases.begin(), company.aliases.end(), alias);
  if (it == company.aliases.end() || *it != alias) company.aliases.insert(it, alias);
}

// company is what a name gets when nothing says otherwise (a relation's endpoint), so any other
// kind wins over it; between two others the smaller wins, which keeps merging order-independent.
CompanyKind merge_kind(CompanyKind a, CompanyKind b) {
  if (a == CompanyKind::company) return b;
  if (b == CompanyKind::company) return a;
  return std::min(a, b);
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diag = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

}  // namespace

struct Graph::Impl {
  detail::Bgl bgl;
  std::vector<Company> companies;
  std::vector<std::string> folded_names;  // fold_case(companies[i].name), stable per node
  std::vector<Edge> edges;
  std::unordered_map<std::string, NodeId> by_name;                // folded canonical name
  std::unordered_map<std::string, std::vector<NodeId>> by_alias;  // folded alias
  std::unordered_map<EdgeKey, EdgeId, EdgeKeyHash> edge_index;
  std::map<std::string, Document, std::less<>> documents;

  void index_alias(NodeId node, const std::string& alias) {
    auto& nodes = by_alias[fold_case(alias)];
    if (std::find(nodes.begin(), nodes.end(), node) == nodes.end()) nodes.push_back(node);
  }
};

const detail::Bgl& detail::GraphAccess::bgl(const Graph& graph) { return graph.impl_->bgl; }

Graph::Graph() : impl_(std::make_unique<Impl>()) {}
Graph::~Graph() = default;
Graph::Graph(const Graph& other) : impl_(std::make_unique<Impl>(*other.impl_)) {}
Graph& Graph::operator=(const Graph& other) {
  if (this != &other) impl_ = std::make_unique<Impl>(*other.impl_);
  return *this;
}
Graph::Graph(Graph&& other) noexcept = default;
Graph& Graph::operator=(Graph&& other) noexcept = default;

NodeId Graph::add_company(const Company& company) {
  if (company.name.empty()) throw Error(ErrorKind::bad_input, "a company has an empty name");
  Impl& d = *impl_;
  std::string key = fold_case(company.name);
  auto found = d.by_name.find(key);
  NodeId node;
  if (found == d.by_name.end()) {
    node = static_cast<NodeId>(d.companies.size());
    boost::add_vertex(d.bgl);
    d.companies.push_back(Company{company.name, {}, company.kind});
    d.folded_names.push_back(key);
    d.by_name.emplace(std::move(key), node);
  } else {
    node = found->second;
    Company& existing = d.companies[node];
    // The same name in two spellings: the smaller one is canonical, so merge order never matters.
    if (company.name != existing.name) {
      std::string other = company.name;
      if (other < existing.name) std::swap(other, existing.name);
      existing.aliases.erase(
          std::remove(existing.aliases.begin(), existing.aliases.end(), existing.name),
          existing.aliases.end());
      insert_alias(existing, other);
      d.index_alias(node, other);
    }
    existing.kind = merge_kind(existing.kind, company.kind);
  }
  for (const std::string& alias : company.aliases) {
    insert_alias(d.companies[node], alias);
    if (alias != d.companies[node].name && !alias.empty()) d.index_alias(node, alias);
  }
  return node;
}

std::optional<EdgeId> Graph::add_relation(const Relation& relation) {
  Impl& d = *impl_;
  NodeId source = add_company(relation.source);
  NodeId target = add_company(relation.target);
  if (source == target) return std::nullopt;
  if (is_symmetric(relation.label) && d.folded_names[target] < d.folded_names[source])
    std::swap(source, target);
  EdgeKey key{source, target, relation.label};
  auto found = d.edge_index.find(key);
  EdgeId id;
  if (found == d.edge_index.end()) {
    id = static_cast<EdgeId>(d.edges.size());
    d.edges.push_back(Edge{source, target, relation.label, relation.status, 0.0, {}});
    boost::add_edge(source, target, detail::BglEdge{id}, d.bgl);
    d.edge_index.emplace(key, id);
  } else {
    id = found->second;
    d.edges[id].status = merge_status(d.edges[id].status, relation.status);
  }
  Edge& edge = d.edges[id];
  if (relation.evidence.empty()) {
    Evidence given;
    given.confidence = relation.confidence;
    insert_evidence(edge.evidence, given);
  }
  for (const Evidence& e : relation.evidence) insert_evidence(edge.evidence, e);
  edge.confidence = combine_confidence(edge.evidence);
  return id;
}

void Graph::add_document(const Document& document) {
  auto [it, inserted] = impl_->documents.try_emplace(document.id, document);
  if (inserted) return;
  Document& doc = it->second;
  auto pick = [](std::string& mine, const std::string& theirs) {
    if (mine.empty() || (!theirs.empty() && theirs < mine)) mine = theirs;
  };
  pick(doc.title, document.title);
  pick(doc.date, document.date);
  pick(doc.url, document.url);
  for (const auto& field : document.extra) {
    auto same = std::find_if(doc.extra.begin(), doc.extra.end(),
                             [&](const auto& f) { return f.first == field.first; });
    if (same == doc.extra.end())
      doc.extra.push_back(field);
    else
      pick(same->second, field.second);
  }
  std::sort(doc.extra.begin(), doc.extra.end());
}

void Graph::merge(const Graph& other) {
  for (const Company& c : other.impl_->companies) add_company(c);
  for (const Edge& e : other.impl_->edges) {
    Relation r;
    r.source = Company{other.company(e.source).name, {}, other.company(e.source).kind};
    r.target = Company{other.company(e.target).name, {}, other.company(e.target).kind};
    r.label = e.label;
    r.status = e.status;
    r.evidence = e.evidence;
    add_relation(r);
  }
  for (const auto& [id, doc] : other.impl_->documents) add_document(doc);
}

std::size_t Graph::company_count() const noexcept { return impl_->companies.size(); }
std::size_t Graph::relation_count() const noexcept { return impl_->edges.size(); }
std::size_t Graph::document_count() const noexcept { return impl_->documents.size(); }

const Company& Graph::company(NodeId node) const { return impl_->companies.at(node); }
const Edge& Graph::relation(EdgeId edge) const { return impl_->edges.at(edge); }

std::vector<EdgeId> Graph::out_relations(NodeId node) const {
  std::vector<EdgeId> out;
  for (auto [it, end] = boost::out_edges(node, impl_->bgl); it != end; ++it)
    out.push_back(impl_->bgl[*it].id);
  return out;
}

std::vector<EdgeId> Graph::in_relations(NodeId node) const {
  std::vector<EdgeId> out;
  for (auto [it, end] = boost::in_edges(node, impl_->bgl); it != end; ++it)
    out.push_back(impl_->bgl[*it].id);
  return out;
}

std::vector<EdgeId> Graph::relations_between(NodeId a, NodeId b) const {
  std::vector<EdgeId> out;
  for (EdgeId e : out_relations(a))
    if (impl_->edges[e].target == b) out.push_back(e);
  for (EdgeId e : in_relations(a))
    if (impl_->edges[e].source == b) out.push_back(e);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::optional<EdgeId> Graph::find_relation(NodeId source, NodeId target, Label label) const {
  if (is_symmetric(label) && impl_->folded_names.at(target) < impl_->folded_names.at(source))
    std::swap(source, target);
  auto it = impl_->edge_index.find(EdgeKey{source, target, label});
  if (it == impl_->edge_index.end()) return std::nullopt;
  return it->second;
}

std::vector<NodeId> Graph::resolve(std::string_view name) const {
  std::vector<NodeId> out;
  std::string key = fold_case(name);
  if (auto it = impl_->by_name.find(key); it != impl_->by_name.end()) out.push_back(it->second);
  if (auto it = impl_->by_alias.find(key); it != impl_->by_alias.end()) {
    std::vector<NodeId> aliased = it->second;
    std::sort(aliased.begin(), aliased.end());
    for (NodeId n : aliased)
      if (std::find(out.begin(), out.end(), n) == out.end()) out.push_back(n);
  }
  return out;
}

std::optional<NodeId> Graph::find(std::string_view name) const {
  std::string key = fold_case(name);
  if (auto it = impl_->by_name.find(key); it != impl_->by_name.end()) return it->second;
  if (auto it = impl_->by_alias.find(key); it != impl_->by_alias.end() && it->second.size() == 1)
    return it->second.front();
  return std::nullopt;
}

std::vector<std::string> Graph::suggest(std::string_view name, std::size_t limit) const {
  const std::string key = fold_case(name);
  std::vector<std::pair<std::size_t, std::string>> scored;
  scored.reserve(impl_->companies.size());
  for (std::size_t i = 0; i < impl_->companies.size(); ++i) {
    const std::string& folded = impl_->folded_names[i];
    std::size_t score = edit_distance(key, folded.substr(0, key.size() + 8));
    if (!key.empty() && folded.find(key) != std::string::npos) score = std::min<std::size_t>(score, 1);
    scored.emplace_back(score, impl_->companies[i].name);
  }
  std::size_t n = std::min(limit, scored.size());
  std::partial_sort(scored.begin(), scored.begin() + static_cast<std::ptrdiff_t>(n), scored.end());
  std::vector<std::string> out;
  for (std::size_t i = 0; i < n; ++i) out.push_back(scored[i].second);
  return out;
}

const Document* Graph::document(std::string_view id) const {
  auto it = impl_->documents.find(id);
  return it == impl_->documents.end() ? nullptr : &it->second;
}

std::vector<const Document*> Graph::documents() const {
  std::vector<const Document*> out;
  for (const auto& [id, doc] : impl_->documents) out.push_back(&doc);
  return out;
}

}  // namespace corpgraph
