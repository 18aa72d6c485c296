// Internal: the Boost.Graph storage behind corpgraph::Graph, for the graph and query modules only.
// Vertex descriptors are NodeIds (vecS); each BGL edge carries the EdgeId of its corpgraph::Edge.
#pragma once

#include <corpgraph/graph.hpp>

#include <boost/graph/adjacency_list.hpp>

namespace corpgraph::detail {

struct BglEdge {
  EdgeId id = 0;
};

using Bgl = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS,
                                  boost::no_property, BglEdge>;

struct GraphAccess {
  static const Bgl& bgl(const Graph& graph);
};

}  // namespace corpgraph::detail
