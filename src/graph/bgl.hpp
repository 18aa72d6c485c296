// Internal: the Boost.Graph storage behind corpgraph::Graph, for the graph and query modules only.
// Vertex descriptors are NodeIds (vecS); each BGL edge carries the EdgeId of its corpgraph::Edge.
#pragma once

#include <corpgraph/graph.hpp>

#include <boost/graph/adjacency_list.hpp>

namespace corpgraph::detail {

struct BglEdge {
  EdgeId id = 0;
};

// The edge list is a vector (not BGL's default std::list): edges are never removed, and a graph of
// millions of edges then costs no allocation per edge.
using Bgl = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS,
                                  boost::no_property, BglEdge, boost::no_property, boost::vecS>;

struct GraphAccess {
  static const Bgl& bgl(const Graph& graph);
  // For the snapshot decoder in graph.cpp, which fills a graph's storage in bulk.
  static Graph::Impl& impl(Graph& graph);
};

}  // namespace corpgraph::detail
