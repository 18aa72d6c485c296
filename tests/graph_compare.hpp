// Shared by the test files that round-trip graphs (io: JSON and sidecar; exchange: export then
// import): two graphs are the same when every company, edge and document matches, in order.
#pragma once

#include <catch2/catch.hpp>

#include <corpgraph/graph.hpp>

#include <tuple>

namespace corpgraph::test {

inline void require_same_graph(const Graph& a, const Graph& b) {
  REQUIRE(a.company_count() == b.company_count());
  REQUIRE(a.relation_count() == b.relation_count());
  REQUIRE(a.document_count() == b.document_count());
  for (NodeId n = 0; n < a.company_count(); ++n) CHECK(a.company(n) == b.company(n));
  for (EdgeId e = 0; e < a.relation_count(); ++e) {
    const Edge& x = a.relation(e);
    const Edge& y = b.relation(e);
    CHECK(a.company(x.source).name == b.company(y.source).name);
    CHECK(a.company(x.target).name == b.company(y.target).name);
    CHECK(std::tie(x.source, x.target, x.label, x.status, x.confidence) ==
          std::tie(y.source, y.target, y.label, y.status, y.confidence));
    CHECK(x.evidence == y.evidence);
  }
  const auto da = a.documents();
  const auto db = b.documents();
  for (std::size_t i = 0; i < da.size(); ++i) {
    CHECK(*da[i] == *db[i]);
    REQUIRE(b.document(da[i]->id));
    CHECK(*b.document(da[i]->id) == *da[i]);
  }
}

}  // namespace corpgraph::test
