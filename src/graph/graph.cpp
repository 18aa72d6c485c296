#include <corpgraph/graph.hpp>

#include <corpgraph/error.hpp>

#include "bgl.hpp"
#include "snapshot_codec.hpp"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <map>
#include <mutex>
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

// Fixed-size records of the snapshot payload, read with memcpy (the payload may sit anywhere).
struct EdgeRecord {
  std::uint32_t source;
  std::uint32_t target;
  std::uint8_t label;
  std::uint8_t status;
  std::uint8_t pad[6];
  double confidence;
};
static_assert(sizeof(EdgeRecord) == 24);

struct EvidenceRecord {
  std::uint64_t start;
  std::uint64_t end;
  double confidence;
  std::uint64_t sentence_offset;
  std::uint32_t sentence_size;
  std::uint32_t doc;
  std::uint32_t pattern;
  std::uint32_t pad;
};
static_assert(sizeof(EvidenceRecord) == 48);

template <typename T>
T load_record(const unsigned char* at) {
  T value;
  std::memcpy(&value, at, sizeof(T));
  return value;
}

// n strings: n+1 offsets (u64) into a blob.
struct StringTable {
  const unsigned char* offsets = nullptr;
  std::size_t count = 0;
  const char* blob = nullptr;
  std::string_view operator[](std::size_t i) const {
    const auto begin = load_record<std::uint64_t>(offsets + 8 * i);
    const auto end = load_record<std::uint64_t>(offsets + 8 * (i + 1));
    return {blob + begin, static_cast<std::size_t>(end - begin)};
  }
};

// The evidence arrays of a decoded payload, kept for edges whose evidence nobody asked for yet.
struct SnapshotView {
  std::shared_ptr<const void> owner;
  const unsigned char* evidence_offsets = nullptr;  // u32 per edge + 1
  const unsigned char* evidence = nullptr;          // EvidenceRecord each
  const char* sentences = nullptr;
  StringTable docs;
  StringTable patterns;

  void fill(EdgeId id, std::vector<Evidence>& out) const {
    const auto begin = load_record<std::uint32_t>(evidence_offsets + 4 * std::size_t{id});
    const auto end = load_record<std::uint32_t>(evidence_offsets + 4 * (std::size_t{id} + 1));
    out.clear();
    out.reserve(end - begin);
    for (std::uint32_t i = begin; i < end; ++i) {
      const auto r = load_record<EvidenceRecord>(evidence + sizeof(EvidenceRecord) * i);
      Evidence& e = out.emplace_back();
      e.doc = docs[r.doc];
      e.sentence.assign(sentences + r.sentence_offset, r.sentence_size);
      e.start = r.start;
      e.end = r.end;
      e.confidence = r.confidence;
      e.pattern = patterns[r.pattern];
    }
  }
};

// What a graph decoded from a snapshot has not built yet: the name and edge indexes (built on the
// first change or after a few lookups) and each edge's evidence (built on first access). Const
// accessors fill these in, so they take the mutex; a fully built graph never touches it.
struct LazyState {
  std::shared_ptr<const SnapshotView> view;
  std::unique_ptr<std::atomic<std::uint8_t>[]> ready;  // per edge: evidence built
  std::size_t snapshot_edges = 0;  // edges from the snapshot; later ones are built whole
  std::atomic<bool> names_indexed{true};
  std::atomic<bool> edges_indexed{true};
  std::atomic<unsigned> scans{0};
  std::mutex mutex;

  LazyState() = default;
  explicit LazyState(const LazyState& other)
      : view(other.view),
        snapshot_edges(other.snapshot_edges),
        names_indexed(other.names_indexed.load()),
        edges_indexed(other.edges_indexed.load()),
        scans(other.scans.load()) {
    if (view) {
      ready = std::make_unique<std::atomic<std::uint8_t>[]>(snapshot_edges);
      for (std::size_t i = 0; i < snapshot_edges; ++i) ready[i].store(other.ready[i].load());
    }
  }
};

// Lookups a graph answers by scanning its names before it builds the hash indexes: a command
// that resolves one or two names on a huge graph should not pay for indexing a million.
constexpr unsigned max_unindexed_scans = 8;

bool equals_folded(std::string_view text, std::string_view folded) {
  if (text.size() != folded.size()) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != folded[i]) return false;
  }
  return true;
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
  LazyState lazy;

  Impl() = default;
  Impl(const Impl& other)
      : bgl(other.bgl),
        companies(other.companies),
        folded_names(other.folded_names),
        edges(other.edges),
        by_name(other.by_name),
        by_alias(other.by_alias),
        edge_index(other.edge_index),
        documents(other.documents),
        lazy(other.lazy) {}

  void index_alias(NodeId node, const std::string& alias) {
    auto& nodes = by_alias[fold_case(alias)];
    if (std::find(nodes.begin(), nodes.end(), node) == nodes.end()) nodes.push_back(node);
  }

  void ensure_name_index() {
    if (lazy.names_indexed.load(std::memory_order_acquire)) return;
    std::lock_guard lock(lazy.mutex);
    if (lazy.names_indexed.load(std::memory_order_relaxed)) return;
    by_name.reserve(companies.size());
    for (std::size_t i = 0; i < companies.size(); ++i) {
      by_name.emplace(folded_names[i], static_cast<NodeId>(i));
      for (const std::string& alias : companies[i].aliases)
        index_alias(static_cast<NodeId>(i), alias);
    }
    lazy.names_indexed.store(true, std::memory_order_release);
  }

  void ensure_edge_index() {
    if (lazy.edges_indexed.load(std::memory_order_acquire)) return;
    std::lock_guard lock(lazy.mutex);
    if (lazy.edges_indexed.load(std::memory_order_relaxed)) return;
    edge_index.reserve(edges.size());
    for (std::size_t i = 0; i < edges.size(); ++i)
      edge_index.emplace(EdgeKey{edges[i].source, edges[i].target, edges[i].label},
                         static_cast<EdgeId>(i));
    lazy.edges_indexed.store(true, std::memory_order_release);
  }

  Edge& edge(EdgeId id) {
    Edge& e = edges.at(id);
    if (id < lazy.snapshot_edges && !lazy.ready[id].load(std::memory_order_acquire)) {
      std::lock_guard lock(lazy.mutex);
      if (!lazy.ready[id].load(std::memory_order_relaxed)) {
        lazy.view->fill(id, e.evidence);
        lazy.ready[id].store(1, std::memory_order_release);
      }
    }
    return e;
  }

  // Canonical-name match first, then alias matches by node id; by scan or by index.
  std::vector<NodeId> lookup(const std::string& key) {
    std::vector<NodeId> out;
    if (!lazy.names_indexed.load(std::memory_order_acquire) &&
        lazy.scans.fetch_add(1) < max_unindexed_scans) {
      for (std::size_t i = 0; i < folded_names.size(); ++i)
        if (folded_names[i] == key) {
          out.push_back(static_cast<NodeId>(i));
          break;
        }
      const bool canonical = !out.empty();
      for (std::size_t i = 0; i < companies.size(); ++i)
        for (const std::string& alias : companies[i].aliases)
          if (equals_folded(alias, key)) {
            if (!canonical || out.front() != i) out.push_back(static_cast<NodeId>(i));
            break;
          }
      return out;
    }
    ensure_name_index();
    if (auto it = by_name.find(key); it != by_name.end()) out.push_back(it->second);
    if (auto it = by_alias.find(key); it != by_alias.end()) {
      std::vector<NodeId> aliased = it->second;
      std::sort(aliased.begin(), aliased.end());
      for (NodeId n : aliased)
        if (std::find(out.begin(), out.end(), n) == out.end()) out.push_back(n);
    }
    return out;
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
  d.ensure_name_index();
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
  d.ensure_edge_index();
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
    d.edge(id);  // its evidence, when still in a snapshot
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
  for (std::size_t i = 0; i < other.impl_->edges.size(); ++i) {
    const Edge& e = other.relation(static_cast<EdgeId>(i));
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
const Edge& Graph::relation(EdgeId edge) const { return impl_->edge(edge); }

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
  impl_->ensure_edge_index();
  auto it = impl_->edge_index.find(EdgeKey{source, target, label});
  if (it == impl_->edge_index.end()) return std::nullopt;
  return it->second;
}

std::vector<NodeId> Graph::resolve(std::string_view name) const {
  return impl_->lookup(fold_case(name));
}

std::optional<NodeId> Graph::find(std::string_view name) const {
  const std::vector<NodeId> nodes = impl_->lookup(fold_case(name));
  if (nodes.empty()) return std::nullopt;
  // A canonical match comes first; without one, only a single alias match is an answer.
  const std::string key = fold_case(name);
  if (impl_->folded_names[nodes.front()] == key || nodes.size() == 1) return nodes.front();
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


// ---------------------------------------------------------------- snapshot payload
// Layout (all integers native little-endian, every section starts 8-aligned):
//   u64 companies N, relations M, evidence K, documents D
//   strings names (N); array u8 kinds (N); array u32 alias offsets (N+1); strings aliases
//   array EdgeRecord (M); array u32 evidence offsets (M+1); array EvidenceRecord (K)
//   blob sentences; strings evidence docs; strings patterns
//   array u32 document field offsets (D+1); strings document fields
//     (id, title, date, url, then key and value of each extra)
// where "array T" is u64 count + count records, "strings" is u64 count + (count+1) u64 offsets +
// u64 blob size + blob, "blob" is u64 size + bytes.

namespace {

class PayloadWriter {
 public:
  explicit PayloadWriter(std::string& out) : out_(out), base_(out.size()) {}
  void u64(std::uint64_t v) { raw(&v, sizeof v); }
  template <typename T>
  void array(const std::vector<T>& items) {
    u64(items.size());
    raw(items.data(), items.size() * sizeof(T));
    pad();
  }
  void blob(std::string_view bytes) {
    u64(bytes.size());
    raw(bytes.data(), bytes.size());
    pad();
  }
  void strings(const std::vector<std::string_view>& items) {
    u64(items.size());
    std::uint64_t offset = 0;
    u64(offset);
    for (std::string_view s : items) u64(offset += s.size());
    u64(offset);
    for (std::string_view s : items) raw(s.data(), s.size());
    pad();
  }

 private:
  std::string& out_;
  std::size_t base_;
  void raw(const void* data, std::size_t size) {
    out_.append(static_cast<const char*>(data), size);
  }
  void pad() {
    while ((out_.size() - base_) % 8) out_.push_back('\0');
  }
};

// Reads sections with bounds checks; after any failure ok() stays false and reads give empty.
class PayloadReader {
 public:
  PayloadReader(const unsigned char* data, std::size_t size) : data_(data), size_(size) {}
  [[nodiscard]] bool ok() const { return ok_; }
  std::uint64_t u64() {
    if (!ok_ || size_ - pos_ < 8) return fail(), 0;
    auto v = load_record<std::uint64_t>(data_ + pos_);
    pos_ += 8;
    return v;
  }
  // count records of record_size bytes; nullptr (and not ok) when they do not fit.
  const unsigned char* array(std::size_t record_size, std::uint64_t expected) {
    const std::uint64_t count = u64();
    if (!ok_ || count != expected || count > (size_ - pos_) / record_size) return fail(), nullptr;
    const unsigned char* at = data_ + pos_;
    pos_ += static_cast<std::size_t>(count) * record_size;
    align();
    return at;
  }
  std::string_view blob() {
    const std::uint64_t n = u64();
    if (!ok_ || n > size_ - pos_) return fail(), std::string_view{};
    std::string_view out(reinterpret_cast<const char*>(data_ + pos_), static_cast<std::size_t>(n));
    pos_ += static_cast<std::size_t>(n);
    align();
    return out;
  }
  // A string table whose offsets are checked to rise within its blob.
  StringTable strings(std::optional<std::uint64_t> expected = std::nullopt) {
    StringTable t;
    const std::uint64_t count = u64();
    if (!ok_ || (expected && count != *expected) || count >= (size_ - pos_) / 8)
      return fail(), StringTable{};
    t.offsets = data_ + pos_;
    t.count = static_cast<std::size_t>(count);
    pos_ += (t.count + 1) * 8;
    std::string_view bytes = blob();
    if (!ok_) return StringTable{};
    std::uint64_t previous = 0;
    for (std::size_t i = 0; i <= t.count; ++i) {
      const auto offset = load_record<std::uint64_t>(t.offsets + 8 * i);
      if (offset < previous || offset > bytes.size() || (i == 0 && offset != 0))
        return fail(), StringTable{};
      previous = offset;
    }
    t.blob = bytes.data();
    return t;
  }
  [[nodiscard]] bool at_end() const { return ok_ && pos_ == size_; }

 private:
  const unsigned char* data_;
  std::size_t size_;
  std::size_t pos_ = 0;
  bool ok_ = true;
  void fail() { ok_ = false; }
  void align() {
    const std::size_t aligned = (pos_ + 7) / 8 * 8;
    if (aligned > size_) return fail();
    pos_ = aligned;
  }
};

// A u32 offsets array (count+1 entries) that starts at 0, never falls and ends at total.
bool offsets_valid(const unsigned char* offsets, std::size_t count, std::uint64_t total) {
  std::uint32_t previous = 0;
  for (std::size_t i = 0; i <= count; ++i) {
    const auto v = load_record<std::uint32_t>(offsets + 4 * i);
    if (v < previous || (i == 0 && v != 0)) return false;
    previous = v;
  }
  return previous == total;
}

bool probability(double p) { return p >= 0.0 && p <= 1.0; }

}  // namespace

Graph::Impl& detail::GraphAccess::impl(Graph& graph) { return *graph.impl_; }

void detail::encode_snapshot(const Graph& graph, const std::vector<NodeId>& node_order,
                             const std::vector<EdgeId>& edge_order, std::string& out) {
  const std::size_t n = graph.company_count();
  const std::size_t m = graph.relation_count();
  if (node_order.size() != n || edge_order.size() != m)
    throw Error(ErrorKind::internal, "snapshot orders do not match the graph");
  std::vector<std::uint32_t> rank(n);
  for (std::size_t i = 0; i < n; ++i) rank[node_order[i]] = static_cast<std::uint32_t>(i);

  std::vector<std::string_view> names, aliases;
  std::vector<std::uint8_t> kinds;
  std::vector<std::uint32_t> alias_offsets{0};
  names.reserve(n);
  kinds.reserve(n);
  alias_offsets.reserve(n + 1);
  for (NodeId node : node_order) {
    const Company& c = graph.company(node);
    names.push_back(c.name);
    kinds.push_back(static_cast<std::uint8_t>(c.kind));
    for (const std::string& a : c.aliases) aliases.push_back(a);
    alias_offsets.push_back(static_cast<std::uint32_t>(aliases.size()));
  }

  std::vector<EdgeRecord> edges;
  std::vector<std::uint32_t> evidence_offsets{0};
  std::vector<EvidenceRecord> evidence;
  std::string sentences;
  // Docs and patterns are interned in order of first use, which the fixed orders make
  // deterministic.
  std::unordered_map<std::string_view, std::uint32_t> doc_ids, pattern_ids;
  std::vector<std::string_view> docs, patterns;
  auto intern = [](auto& ids, auto& list, std::string_view s) {
    auto [it, inserted] = ids.try_emplace(s, static_cast<std::uint32_t>(list.size()));
    if (inserted) list.push_back(s);
    return it->second;
  };
  edges.reserve(m);
  evidence_offsets.reserve(m + 1);
  for (EdgeId id : edge_order) {
    const Edge& e = graph.relation(id);
    EdgeRecord r{};
    r.source = rank[e.source];
    r.target = rank[e.target];
    r.label = static_cast<std::uint8_t>(e.label);
    r.status = static_cast<std::uint8_t>(e.status);
    r.confidence = e.confidence;
    edges.push_back(r);
    for (const Evidence& ev : e.evidence) {
      EvidenceRecord x{};
      x.start = ev.start;
      x.end = ev.end;
      x.confidence = ev.confidence;
      x.sentence_offset = sentences.size();
      x.sentence_size = static_cast<std::uint32_t>(ev.sentence.size());
      if (ev.sentence.size() > UINT32_MAX)
        throw Error(ErrorKind::limit, "an evidence sentence is too long for the snapshot");
      sentences += ev.sentence;
      x.doc = intern(doc_ids, docs, ev.doc);
      x.pattern = intern(pattern_ids, patterns, ev.pattern);
      evidence.push_back(x);
    }
    if (evidence.size() > UINT32_MAX)
      throw Error(ErrorKind::limit, "too many evidence items for the snapshot");
    evidence_offsets.push_back(static_cast<std::uint32_t>(evidence.size()));
  }

  std::vector<std::string_view> doc_fields;
  std::vector<std::uint32_t> doc_field_offsets{0};
  const auto documents = graph.documents();
  for (const Document* d : documents) {
    doc_fields.insert(doc_fields.end(), {d->id, d->title, d->date, d->url});
    for (const auto& [key, value] : d->extra) doc_fields.insert(doc_fields.end(), {key, value});
    doc_field_offsets.push_back(static_cast<std::uint32_t>(doc_fields.size()));
  }

  PayloadWriter w(out);
  w.u64(n);
  w.u64(m);
  w.u64(evidence.size());
  w.u64(documents.size());
  w.strings(names);
  w.array(kinds);
  w.array(alias_offsets);
  w.strings(aliases);
  w.array(edges);
  w.array(evidence_offsets);
  w.array(evidence);
  w.blob(sentences);
  w.strings(docs);
  w.strings(patterns);
  w.array(doc_field_offsets);
  w.strings(doc_fields);
}

std::optional<Graph> detail::decode_snapshot(std::shared_ptr<const void> owner,
                                             const unsigned char* data, std::size_t size) {
  PayloadReader r(data, size);
  const std::uint64_t n = r.u64(), m = r.u64(), k = r.u64(), dcount = r.u64();
  if (!r.ok() || n > UINT32_MAX || m > UINT32_MAX || k > UINT32_MAX || dcount > UINT32_MAX)
    return std::nullopt;
  const StringTable names = r.strings(n);
  const unsigned char* kinds = r.array(1, n);
  const unsigned char* alias_offsets = r.array(4, n + 1);
  const StringTable aliases = r.strings();
  const unsigned char* edge_records = r.array(sizeof(EdgeRecord), m);
  const unsigned char* evidence_offsets = r.array(4, m + 1);
  const unsigned char* evidence = r.array(sizeof(EvidenceRecord), k);
  const std::string_view sentences = r.blob();
  const StringTable docs = r.strings();
  const StringTable patterns = r.strings();
  const unsigned char* field_offsets = r.array(4, dcount + 1);
  const StringTable fields = r.strings();
  if (!r.at_end()) return std::nullopt;
  if (!offsets_valid(alias_offsets, n, aliases.count) ||
      !offsets_valid(evidence_offsets, m, k) || !offsets_valid(field_offsets, dcount, fields.count))
    return std::nullopt;
  for (std::size_t i = 0; i < k; ++i) {
    const auto x = load_record<EvidenceRecord>(evidence + sizeof(EvidenceRecord) * i);
    if (x.doc >= docs.count || x.pattern >= patterns.count || !probability(x.confidence) ||
        x.sentence_offset > sentences.size() ||
        x.sentence_size > sentences.size() - x.sentence_offset)
      return std::nullopt;
  }

  Graph graph;
  auto& d = GraphAccess::impl(graph);
  d.companies.resize(n);
  d.folded_names.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    Company& c = d.companies[i];
    c.name = names[i];
    if (c.name.empty() || kinds[i] > static_cast<std::uint8_t>(CompanyKind::brand))
      return std::nullopt;
    c.kind = static_cast<CompanyKind>(kinds[i]);
    const auto a0 = load_record<std::uint32_t>(alias_offsets + 4 * i);
    const auto a1 = load_record<std::uint32_t>(alias_offsets + 4 * (i + 1));
    c.aliases.reserve(a1 - a0);
    for (std::uint32_t a = a0; a < a1; ++a) c.aliases.emplace_back(aliases[a]);
    d.folded_names[i] = fold_case(c.name);
  }

  d.edges.resize(m);
  std::vector<std::uint32_t> out_degree(n), in_degree(n);
  for (std::size_t i = 0; i < m; ++i) {
    const auto e = load_record<EdgeRecord>(edge_records + sizeof(EdgeRecord) * i);
    if (e.source >= n || e.target >= n || e.source == e.target ||
        e.label > static_cast<std::uint8_t>(Label::sues) ||
        e.status > static_cast<std::uint8_t>(Status::ended) || !probability(e.confidence))
      return std::nullopt;
    Edge& edge = d.edges[i];
    edge.source = e.source;
    edge.target = e.target;
    edge.label = static_cast<Label>(e.label);
    edge.status = static_cast<Status>(e.status);
    edge.confidence = e.confidence;
    ++out_degree[e.source];
    ++in_degree[e.target];
  }
  // Boost's storage filled directly, as add_edge would fill it edge by edge: the edge list, then
  // each vertex's out-edges and in-edges in edge id order, every vector sized up front. In-edges
  // go through a counting sort by target so the writes walk the vertices in order (add_edge
  // scattered over a million vectors is most of the load time otherwise).
  d.bgl = Bgl(n);
  auto& list = d.bgl.m_edges;
  using Stored = std::decay_t<decltype(d.bgl.m_vertices[0].m_out_edges)>::value_type;
  list.reserve(m);
  for (std::size_t i = 0; i < m; ++i)
    list.emplace_back(d.edges[i].source, d.edges[i].target, BglEdge{static_cast<EdgeId>(i)});
  for (std::size_t v = 0; v < n; ++v) {
    d.bgl.m_vertices[v].m_out_edges.reserve(out_degree[v]);
    d.bgl.m_vertices[v].m_in_edges.reserve(in_degree[v]);
  }
  for (std::size_t i = 0; i < m; ++i)
    d.bgl.m_vertices[d.edges[i].source].m_out_edges.emplace_back(
        Stored(d.edges[i].target, list.begin() + static_cast<std::ptrdiff_t>(i), &list));
  {
    std::vector<std::size_t> next(n + 1, 0);
    for (std::size_t v = 0; v < n; ++v) next[v + 1] = next[v] + in_degree[v];
    std::vector<std::pair<std::uint32_t, std::uint32_t>> by_target(m);  // (edge, source)
    for (std::size_t i = 0; i < m; ++i)
      by_target[next[d.edges[i].target]++] = {static_cast<std::uint32_t>(i), d.edges[i].source};
    std::size_t at = 0;
    for (std::size_t v = 0; v < n; ++v)
      for (std::uint32_t j = 0; j < in_degree[v]; ++j, ++at)
        d.bgl.m_vertices[v].m_in_edges.emplace_back(Stored(
            by_target[at].second, list.begin() + static_cast<std::ptrdiff_t>(by_target[at].first),
            &list));
  }

  for (std::size_t i = 0; i < dcount; ++i) {
    const auto f0 = load_record<std::uint32_t>(field_offsets + 4 * i);
    const auto f1 = load_record<std::uint32_t>(field_offsets + 4 * (i + 1));
    if (f1 - f0 < 4 || (f1 - f0) % 2 != 0) return std::nullopt;
    Document doc;
    doc.id = fields[f0];
    doc.title = fields[f0 + 1];
    doc.date = fields[f0 + 2];
    doc.url = fields[f0 + 3];
    for (std::uint32_t f = f0 + 4; f < f1; f += 2)
      doc.extra.emplace_back(std::string(fields[f]), std::string(fields[f + 1]));
    if (!d.documents.empty() && !(d.documents.rbegin()->first < doc.id)) return std::nullopt;
    std::string id = doc.id;
    d.documents.emplace_hint(d.documents.end(), std::move(id), std::move(doc));
  }

  auto view = std::make_shared<SnapshotView>();
  view->owner = std::move(owner);
  view->evidence_offsets = evidence_offsets;
  view->evidence = evidence;
  view->sentences = sentences.data();
  view->docs = docs;
  view->patterns = patterns;
  d.lazy.view = std::move(view);
  d.lazy.ready = std::make_unique<std::atomic<std::uint8_t>[]>(m);
  d.lazy.snapshot_edges = m;
  d.lazy.names_indexed.store(false);
  d.lazy.edges_indexed.store(false);
  return graph;
}

}  // namespace corpgraph
