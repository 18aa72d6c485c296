// Internal to io: the graph file's binary sidecar, GRAPH.cgb beside GRAPH (docs/graph-format.md).
// save_graph writes it after the JSON; load_graph uses it only while it is in step with the JSON
// (its header records the JSON file's size, modification time, inode and a hash of its first and
// last 64 KiB, and a hash of the whole payload), so a stale, foreign, truncated or damaged
// sidecar is ignored and the JSON is read instead.
#pragma once

#include <corpgraph/graph.hpp>

#include <filesystem>
#include <optional>
#include <vector>

namespace corpgraph::detail {

// GRAPH with ".cgb" appended: graphs/x.json -> graphs/x.json.cgb.
[[nodiscard]] std::filesystem::path snapshot_path(const std::filesystem::path& graph_file);

// Writes the sidecar of graph_file, which save_graph has just written from graph with nodes and
// edges in these orders. Atomic like the JSON. Never throws for I/O: the JSON is the graph and
// the sidecar only a fast copy, so on failure the sidecar is removed and loads read the JSON.
void save_snapshot(const Graph& graph, const std::vector<NodeId>& node_order,
                   const std::vector<EdgeId>& edge_order,
                   const std::filesystem::path& graph_file) noexcept;

// The graph of graph_file's sidecar when there is one in step with graph_file and intact;
// std::nullopt otherwise (never throws).
[[nodiscard]] std::optional<Graph> load_snapshot(const std::filesystem::path& graph_file) noexcept;

}  // namespace corpgraph::detail
