// corpgraph::Graph: companies and their merged relations, stored on Boost.Graph behind this API
// (no Boost type appears here; the query module reaches the BGL graph via src/graph/bgl.hpp).
#pragma once

#include <corpgraph/model.hpp>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace corpgraph {

using NodeId = std::uint32_t;
using EdgeId = std::uint32_t;

namespace detail {
struct GraphAccess;
}

// One edge: every relation with the same source, label and target merged into one.
// For symmetric labels source is the node whose canonical name sorts first, so a pair is stored
// once whichever way it arrived.
struct Edge {
  NodeId source = 0;
  NodeId target = 0;
  Label label = Label::partners;
  Status status = Status::current;
  double confidence = 0.0;         // combine_confidence(evidence)
  std::vector<Evidence> evidence;  // sorted (doc, start, end, sentence), no duplicates
};

class Graph {
 public:
  Graph();
  ~Graph();
  Graph(const Graph& other);
  Graph& operator=(const Graph& other);
  Graph(Graph&& other) noexcept;
  Graph& operator=(Graph&& other) noexcept;

  // Adds the company, or merges it into the node whose canonical name is the same ignoring case:
  // aliases are joined (sorted, no duplicates, never equal to the name). Returns the node.
  NodeId add_company(const Company& company);

  // Adds the relation (creating its companies through add_company) or merges it into the edge
  // with the same source, label and target: evidence joined without duplicates, status merged
  // with merge_status, confidence recombined. A relation with no evidence counts as one piece of
  // evidence with empty doc and sentence and the relation's confidence. A relation of a company
  // with itself is ignored (returns std::nullopt).
  std::optional<EdgeId> add_relation(const Relation& relation);

  // Same id twice: each field keeps the non-empty value (the smaller one if both differ), so the
  // result does not depend on the order documents arrive in.
  void add_document(const Document& document);

  // Adds every company, relation and document of other. merge is commutative and associative up
  // to node and edge numbering: a.merge(b) and b.merge(a) save to the same file.
  void merge(const Graph& other);

  [[nodiscard]] std::size_t company_count() const noexcept;
  [[nodiscard]] std::size_t relation_count() const noexcept;
  [[nodiscard]] std::size_t document_count() const noexcept;

  // Ids are dense: 0 .. company_count()-1 and 0 .. relation_count()-1.
  [[nodiscard]] const Company& company(NodeId node) const;
  [[nodiscard]] const Edge& relation(EdgeId edge) const;
  [[nodiscard]] std::vector<EdgeId> out_relations(NodeId node) const;  // edges with source node
  [[nodiscard]] std::vector<EdgeId> in_relations(NodeId node) const;   // edges with target node
  [[nodiscard]] std::vector<EdgeId> relations_between(NodeId a, NodeId b) const;  // either way
  [[nodiscard]] std::optional<EdgeId> find_relation(NodeId source, NodeId target,
                                                    Label label) const;

  // Every node whose canonical name or an alias equals name, ignoring case; canonical-name
  // matches come first. Empty when nothing matches.
  [[nodiscard]] std::vector<NodeId> resolve(std::string_view name) const;
  // The one node name stands for: a canonical-name match, else the only alias match.
  // std::nullopt when nothing or more than one node matches (resolve tells which).
  [[nodiscard]] std::optional<NodeId> find(std::string_view name) const;
  // Up to limit canonical names closest to name (edit distance, then prefix/substring matches).
  [[nodiscard]] std::vector<std::string> suggest(std::string_view name,
                                                 std::size_t limit = 3) const;

  [[nodiscard]] const Document* document(std::string_view id) const;
  [[nodiscard]] std::vector<const Document*> documents() const;  // sorted by id

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  friend struct detail::GraphAccess;
};

// Lower-cases ASCII letters only; the key names are compared by.
[[nodiscard]] std::string fold_case(std::string_view text);

}  // namespace corpgraph
