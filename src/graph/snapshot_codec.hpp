// Internal: the payload of the graph file's binary sidecar (src/io/snapshot.cpp adds the header
// that ties it to one JSON file). Flat arrays laid out for loading without parsing: a graph
// decoded from a payload keeps a reference to it and builds each edge's evidence on first use.
#pragma once

#include <corpgraph/graph.hpp>

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace corpgraph::detail {

inline constexpr std::uint32_t snapshot_payload_version = 1;

// Appends the payload of graph to out. node_order and edge_order are the order nodes and edges
// are written in (the JSON file's order, so both forms number them alike); the bytes depend only
// on the graph and these orders.
void encode_snapshot(const Graph& graph, const std::vector<NodeId>& node_order,
                     const std::vector<EdgeId>& edge_order, std::string& out);

// The graph of a payload of size bytes at data (8-byte aligned), which owner keeps alive as long
// as the graph needs it. std::nullopt when the payload is malformed (every offset and count is
// checked, so a damaged payload never reads out of bounds).
[[nodiscard]] std::optional<Graph> decode_snapshot(std::shared_ptr<const void> owner,
                                                   const unsigned char* data, std::size_t size);

}  // namespace corpgraph::detail
