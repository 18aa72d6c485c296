// Questions asked of a graph: neighbours, paths, evidence, company cards, ego graphs, rankings,
// statistics and name search. Each question returns plain data; the print_* functions turn it
// into an aligned table or one JSON document (shapes in docs/query.md).
#pragma once

#include <corpgraph/graph.hpp>
#include <corpgraph/model.hpp>

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace corpgraph {

// Which way a relation points seen from the company a walk leaves: out (it is the source), in
// (it is the target) or both (a symmetric label).
enum class Direction : std::uint8_t { out, in, both };

[[nodiscard]] std::string_view to_string(Direction direction) noexcept;
[[nodiscard]] std::optional<Direction> parse_direction(std::string_view text) noexcept;

// The one company name stands for (case-insensitive, through aliases). Error(not_found) naming
// graph_file when nothing matches (with the three closest names) or several companies do (with
// all of them).
[[nodiscard]] NodeId resolve_company(const Graph& graph, std::string_view name,
                                     std::string_view graph_file);

// One step of a walk: from one company to another over one relation.
struct Hop {
  NodeId from = 0;
  NodeId to = 0;
  EdgeId edge = 0;
  Direction direction = Direction::both;
};

// Empty label or status lists mean "any".
struct NeighbourOptions {
  unsigned depth = 1;
  std::vector<Label> labels;
  Direction direction = Direction::both;  // out: follow only relations pointing away, ...
  std::vector<Status> statuses;
};

// One company within reach and one relation linking it to the previous ring; path is a shortest
// walk from the origin whose last hop is that relation.
struct NeighbourRow {
  NodeId node = 0;
  unsigned depth = 0;
  std::vector<Hop> path;
};

// Sorted by depth, then name, then label (then the company it is reached from).
[[nodiscard]] std::vector<NeighbourRow> neighbours(const Graph& graph, NodeId origin,
                                                   const NeighbourOptions& options);

struct PathOptions {
  std::vector<Label> labels;
  bool all = false;              // every shortest path instead of one
  unsigned max_length = 0;       // 0: no limit
  std::size_t max_paths = 1000;  // --all stops there (and says so)
};

struct PathResult {
  std::vector<std::vector<Hop>> paths;  // all of the same, shortest, length; sorted
  bool truncated = false;               // more shortest paths exist than max_paths
};

// Relations are walkable both ways; each hop says which way its relation points.
[[nodiscard]] PathResult find_paths(const Graph& graph, NodeId from, NodeId to,
                                    const PathOptions& options);

// Where a company's name stands in an evidence sentence: byte offsets, end exclusive.
struct Mark {
  NodeId company = 0;
  std::size_t start = 0;
  std::size_t end = 0;
};

struct EvidenceView {
  const Evidence* evidence = nullptr;
  const Document* document = nullptr;  // nullptr when the graph has no such document
  std::vector<Mark> marks;             // sorted by start
};

struct WhyRow {
  Hop hop;  // from a to b
  std::vector<EvidenceView> evidence;
};

// Every relation between a and b (sorted by label), with its evidence.
[[nodiscard]] std::vector<WhyRow> why(const Graph& graph, NodeId a, NodeId b);

// The sentence with each mark wrapped in « ».
[[nodiscard]] std::string marked_sentence(std::string_view sentence, const std::vector<Mark>& marks);

struct CompanyCard {
  NodeId node = 0;
  std::size_t degree = 0;
  std::vector<std::pair<Label, std::size_t>> degree_by_label;  // labels with at least one
  std::vector<Hop> relations;  // from the company; sorted by label, then the other name
  std::vector<const Document*> documents;  // sorted by id; evidence docs the graph knows
  std::vector<std::string> unknown_documents;  // evidence doc ids with no Document, sorted
};

[[nodiscard]] CompanyCard company_card(const Graph& graph, NodeId node);

// The companies within depth hops of node (relations walked both ways) and every relation among
// them, with their evidence and documents.
[[nodiscard]] Graph ego_graph(const Graph& graph, NodeId node, unsigned depth);

enum class Centrality : std::uint8_t { degree, pagerank, betweenness };

[[nodiscard]] std::string_view to_string(Centrality centrality) noexcept;
[[nodiscard]] std::optional<Centrality> parse_centrality(std::string_view text) noexcept;

// Number of relations (of the given labels; empty = all) each company takes part in.
[[nodiscard]] std::vector<double> degree_centrality(const Graph& graph,
                                                    const std::vector<Label>& labels);

// PageRank as NetworkX computes it on a MultiDiGraph: every relation is one link from source to
// target, a symmetric relation one link each way, parallel links add up; dangling companies
// spread their rank uniformly; the ranks sum to 1. Iterates until the L1 change is below
// company_count * tolerance.
[[nodiscard]] std::vector<double> pagerank(const Graph& graph, const std::vector<Label>& labels,
                                           double alpha = 0.85, double tolerance = 1e-12,
                                           unsigned max_iterations = 1000);

// Brandes betweenness on the undirected simple graph of companies (two companies adjacent when
// any relation of the given labels joins them), normalised as NetworkX does for undirected
// graphs: divided by (n-1)(n-2)/2.
[[nodiscard]] std::vector<double> betweenness_centrality(const Graph& graph,
                                                         const std::vector<Label>& labels);

struct TopOptions {
  Centrality by = Centrality::degree;
  std::vector<Label> labels;
  std::size_t limit = 10;  // 0: every company
};

struct RankedCompany {
  NodeId node = 0;
  double score = 0.0;
};

// Highest score first, ties by name. Companies with no relation of the labels are left out.
[[nodiscard]] std::vector<RankedCompany> top(const Graph& graph, const TopOptions& options);

struct GraphStats {
  std::size_t companies = 0;
  std::size_t relations = 0;
  std::size_t documents = 0;
  std::size_t evidence = 0;
  std::vector<std::pair<Label, std::size_t>> by_label;    // every label, in all_labels order
  std::vector<std::pair<Status, std::size_t>> by_status;  // every status
  std::size_t isolated = 0;        // companies with no relation
  std::size_t components = 0;      // connected components, relations taken both ways
  std::size_t largest_component = 0;
};

[[nodiscard]] GraphStats graph_stats(const Graph& graph);

struct FoundCompany {
  NodeId node = 0;
  std::string matched;  // the alias that matched, empty when the name did
};

// Companies whose name or an alias contains pattern, ignoring case; with * or ? in it the
// pattern is a glob over the whole name instead. Sorted by name.
[[nodiscard]] std::vector<FoundCompany> find_companies(const Graph& graph, std::string_view pattern);

// ---- output

enum class OutputFormat : std::uint8_t { plain, json };

// text as a JSON string literal: quotes, \" \\ \b \f \n \r \t, other control characters as
// \u00XX; every other byte (UTF-8 included) passes through.
[[nodiscard]] std::string json_quote(std::string_view text);

void print_neighbours(std::ostream& out, const Graph& graph, NodeId origin,
                      const NeighbourOptions& options, const std::vector<NeighbourRow>& rows,
                      OutputFormat format);
void print_paths(std::ostream& out, const Graph& graph, NodeId from, NodeId to,
                 const PathResult& result, OutputFormat format);
void print_why(std::ostream& out, const Graph& graph, NodeId a, NodeId b,
               const std::vector<WhyRow>& rows, OutputFormat format);
void print_card(std::ostream& out, const Graph& graph, const CompanyCard& card,
                OutputFormat format);
void print_ego(std::ostream& out, const Graph& graph, NodeId node, unsigned depth,
               const Graph& ego, std::string_view file, OutputFormat format);
void print_top(std::ostream& out, const Graph& graph, const TopOptions& options,
               const std::vector<RankedCompany>& ranked, OutputFormat format);
void print_stats(std::ostream& out, const GraphStats& stats, OutputFormat format);
void print_found(std::ostream& out, const Graph& graph, std::string_view pattern,
                 const std::vector<FoundCompany>& found, OutputFormat format);

}  // namespace corpgraph
