#include <corpgraph/query.hpp>

#include <corpgraph/error.hpp>

#include "bgl.hpp"

#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/incremental_components.hpp>
#include <boost/pending/disjoint_sets.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace corpgraph {

std::string_view to_string(Direction direction) noexcept {
  switch (direction) {
    case Direction::out: return "out";
    case Direction::in: return "in";
    case Direction::both: return "both";
  }
  return "both";
}

std::optional<Direction> parse_direction(std::string_view text) noexcept {
  std::string folded = fold_case(text);
  if (folded == "out") return Direction::out;
  if (folded == "in") return Direction::in;
  if (folded == "both") return Direction::both;
  return std::nullopt;
}

std::string_view to_string(Centrality centrality) noexcept {
  switch (centrality) {
    case Centrality::degree: return "degree";
    case Centrality::pagerank: return "pagerank";
    case Centrality::betweenness: return "betweenness";
  }
  return "degree";
}

std::optional<Centrality> parse_centrality(std::string_view text) noexcept {
  std::string folded = fold_case(text);
  if (folded == "degree") return Centrality::degree;
  if (folded == "pagerank") return Centrality::pagerank;
  if (folded == "betweenness") return Centrality::betweenness;
  return std::nullopt;
}

namespace {

using detail::Bgl;

std::string join(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& name : names) {
    if (!out.empty()) out += ", ";
    out += name;
  }
  return out;
}

// A set of labels (or statuses) as bits; no bit set means every one is allowed.
template <typename T>
std::uint32_t bits_of(const std::vector<T>& values) {
  std::uint32_t bits = 0;
  for (T v : values) bits |= 1u << static_cast<unsigned>(v);
  return bits;
}

template <typename T>
bool allowed(std::uint32_t bits, T value) {
  return bits == 0 || (bits & (1u << static_cast<unsigned>(value))) != 0;
}

Hop make_hop(const Graph& graph, NodeId from, EdgeId id) {
  const Edge& edge = graph.relation(id);
  Hop hop;
  hop.from = from;
  hop.edge = id;
  hop.to = edge.source == from ? edge.target : edge.source;
  hop.direction = is_symmetric(edge.label) ? Direction::both
                  : edge.source == from    ? Direction::out
                                           : Direction::in;
  return hop;
}

// Calls fn(hop) for every relation of node, walked away from it whichever way it points.
template <typename Fn>
void for_each_hop(const Graph& graph, const Bgl& bgl, NodeId node, Fn&& fn) {
  for (auto [it, end] = boost::out_edges(node, bgl); it != end; ++it)
    fn(make_hop(graph, node, bgl[*it].id));
  for (auto [it, end] = boost::in_edges(node, bgl); it != end; ++it)
    fn(make_hop(graph, node, bgl[*it].id));
}

// Orders companies as a reader expects: by name ignoring case, then exactly, then by id.
struct NameOrder {
  const Graph& graph;
  bool operator()(NodeId a, NodeId b) const {
    if (a == b) return false;
    const std::string& na = graph.company(a).name;
    const std::string& nb = graph.company(b).name;
    std::string fa = fold_case(na), fb = fold_case(nb);
    if (fa != fb) return fa < fb;
    if (na != nb) return na < nb;
    return a < b;
  }
};

int compare_names(const Graph& graph, NodeId a, NodeId b) {
  NameOrder less{graph};
  return less(a, b) ? -1 : less(b, a) ? 1 : 0;
}

// Hops compared by where they lead, then label, then where they start, then direction.
int compare_hops(const Graph& graph, const Hop& a, const Hop& b) {
  if (int c = compare_names(graph, a.to, b.to); c != 0) return c;
  Label la = graph.relation(a.edge).label, lb = graph.relation(b.edge).label;
  if (la != lb) return la < lb ? -1 : 1;
  if (int c = compare_names(graph, a.from, b.from); c != 0) return c;
  if (a.direction != b.direction) return a.direction < b.direction ? -1 : 1;
  return a.edge < b.edge ? -1 : a.edge > b.edge ? 1 : 0;
}

bool is_word_byte(char c) {
  unsigned char u = static_cast<unsigned char>(c);
  return (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || u >= 0x80;
}

void add_marks(const Graph& graph, NodeId node, std::string_view folded_sentence,
               std::vector<Mark>& marks) {
  const Company& company = graph.company(node);
  std::vector<std::string> names{fold_case(company.name)};
  for (const auto& alias : company.aliases) names.push_back(fold_case(alias));
  // Longest first, so "Alibaba Group" is marked whole rather than as "Alibaba".
  std::stable_sort(names.begin(), names.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  for (const auto& name : names) {
    if (name.empty()) continue;
    for (std::size_t pos = folded_sentence.find(name); pos != std::string_view::npos;
         pos = folded_sentence.find(name, pos + 1)) {
      std::size_t end = pos + name.size();
      // Only whole words: "Apple" is not marked inside "Pineapple".
      if (pos > 0 && is_word_byte(folded_sentence[pos - 1]) && is_word_byte(name.front())) continue;
      if (end < folded_sentence.size() && is_word_byte(folded_sentence[end]) &&
          is_word_byte(name.back()))
        continue;
      bool overlaps = std::any_of(marks.begin(), marks.end(), [&](const Mark& m) {
        return pos < m.end && m.start < end;
      });
      if (!overlaps) marks.push_back(Mark{node, pos, end});
    }
  }
}

bool glob_match(std::string_view pattern, std::string_view text) {
  std::size_t p = 0, t = 0, star = std::string_view::npos, resume = 0;
  while (t < text.size()) {
    if (p < pattern.size() && (pattern[p] == '?' || pattern[p] == text[t])) {
      ++p;
      ++t;
    } else if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      resume = t;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      t = ++resume;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

}  // namespace

NodeId resolve_company(const Graph& graph, std::string_view name, std::string_view graph_file) {
  if (auto node = graph.find(name)) return *node;
  std::vector<NodeId> nodes = graph.resolve(name);
  SourceLocation where{std::string(graph_file), 0, 0};
  if (nodes.empty()) {
    std::vector<std::string> closest = graph.suggest(name, 3);
    std::string message = "no company named \"" + std::string(name) + "\"";
    if (!closest.empty()) message += "; closest: " + join(closest);
    throw Error(ErrorKind::not_found, std::move(where), std::move(message));
  }
  std::sort(nodes.begin(), nodes.end(), NameOrder{graph});
  std::vector<std::string> names;
  for (NodeId n : nodes) names.push_back(graph.company(n).name);
  throw Error(ErrorKind::not_found, std::move(where),
              "\"" + std::string(name) + "\" matches " + std::to_string(nodes.size()) +
                  " companies: " + join(names) + "; choose one by its canonical name");
}

std::vector<NeighbourRow> neighbours(const Graph& graph, NodeId origin,
                                     const NeighbourOptions& options) {
  const Bgl& bgl = detail::GraphAccess::bgl(graph);
  const std::uint32_t labels = bits_of(options.labels);
  const std::uint32_t statuses = bits_of(options.statuses);
  auto passes = [&](const Hop& hop) {
    const Edge& edge = graph.relation(hop.edge);
    if (!allowed(labels, edge.label) || !allowed(statuses, edge.status)) return false;
    if (options.direction == Direction::both || hop.direction == Direction::both) return true;
    return hop.direction == options.direction;
  };

  std::unordered_map<NodeId, unsigned> depth_of{{origin, 0}};
  std::unordered_map<NodeId, std::vector<Hop>> path_to{{origin, {}}};
  std::vector<NodeId> ring{origin};
  std::vector<NeighbourRow> rows;
  for (unsigned depth = 1; depth <= options.depth && !ring.empty(); ++depth) {
    std::vector<Hop> links;
    for (NodeId node : ring) {
      for_each_hop(graph, bgl, node, [&](const Hop& hop) {
        if (!passes(hop)) return;
        auto [it, inserted] = depth_of.try_emplace(hop.to, depth);
        if (inserted || it->second == depth) links.push_back(hop);
      });
    }
    std::sort(links.begin(), links.end(),
              [&](const Hop& a, const Hop& b) { return compare_hops(graph, a, b) < 0; });
    std::vector<NodeId> next;
    for (const Hop& hop : links) {
      NeighbourRow row;
      row.node = hop.to;
      row.depth = depth;
      row.path = path_to.at(hop.from);
      row.path.push_back(hop);
      if (path_to.try_emplace(hop.to, row.path).second) next.push_back(hop.to);
      rows.push_back(std::move(row));
    }
    ring = std::move(next);
  }
  return rows;
}

PathResult find_paths(const Graph& graph, NodeId from, NodeId to, const PathOptions& options) {
  PathResult result;
  if (from == to) return result;
  const Bgl& bgl = detail::GraphAccess::bgl(graph);
  const std::uint32_t labels = bits_of(options.labels);
  constexpr unsigned unseen = std::numeric_limits<unsigned>::max();
  const unsigned max_length = options.max_length == 0 ? unseen - 1 : options.max_length;

  std::unordered_map<NodeId, unsigned> dist{{from, 0}};
  std::vector<NodeId> ring{from};
  bool found = false;
  for (unsigned depth = 1; depth <= max_length && !ring.empty() && !found; ++depth) {
    std::vector<NodeId> next;
    for (NodeId node : ring) {
      for_each_hop(graph, bgl, node, [&](const Hop& hop) {
        if (!allowed(labels, graph.relation(hop.edge).label)) return;
        if (dist.try_emplace(hop.to, depth).second) {
          next.push_back(hop.to);
          if (hop.to == to) found = true;
        }
      });
      if (found) break;  // every company nearer than `to` already has its distance
    }
    ring = std::move(next);
  }
  if (!found) return result;

  // Walk back from `to` over relations that step one nearer to `from` each time.
  const std::size_t wanted = options.all ? std::max<std::size_t>(options.max_paths, 1) : 1;
  std::vector<Hop> reversed;
  auto walk_back = [&](auto&& self, NodeId node) -> bool {  // false: stop, enough paths
    if (node == from) {
      if (result.paths.size() == wanted) {
        result.truncated = options.all;
        return false;
      }
      result.paths.emplace_back(reversed.rbegin(), reversed.rend());
      return true;
    }
    const unsigned d = dist.at(node);
    std::vector<Hop> steps;
    for_each_hop(graph, bgl, node, [&](const Hop& back) {
      if (!allowed(labels, graph.relation(back.edge).label)) return;
      auto it = dist.find(back.to);
      if (it != dist.end() && it->second + 1 == d) steps.push_back(make_hop(graph, back.to, back.edge));
    });
    std::sort(steps.begin(), steps.end(), [&](const Hop& a, const Hop& b) {
      if (int c = compare_names(graph, a.from, b.from); c != 0) return c < 0;
      return compare_hops(graph, a, b) < 0;
    });
    for (const Hop& step : steps) {
      reversed.push_back(step);
      bool go_on = self(self, step.from);
      reversed.pop_back();
      if (!go_on) return false;
    }
    return true;
  };
  walk_back(walk_back, to);

  std::sort(result.paths.begin(), result.paths.end(),
            [&](const std::vector<Hop>& a, const std::vector<Hop>& b) {
              for (std::size_t i = 0; i < a.size() && i < b.size(); ++i)
                if (int c = compare_hops(graph, a[i], b[i]); c != 0) return c < 0;
              return a.size() < b.size();
            });
  return result;
}

std::vector<WhyRow> why(const Graph& graph, NodeId a, NodeId b) {
  std::vector<WhyRow> rows;
  for (EdgeId id : graph.relations_between(a, b)) {
    WhyRow row;
    row.hop = make_hop(graph, a, id);
    for (const Evidence& evidence : graph.relation(id).evidence) {
      EvidenceView view;
      view.evidence = &evidence;
      view.document = evidence.doc.empty() ? nullptr : graph.document(evidence.doc);
      std::string folded = fold_case(evidence.sentence);
      add_marks(graph, a, folded, view.marks);
      add_marks(graph, b, folded, view.marks);
      std::sort(view.marks.begin(), view.marks.end(),
                [](const Mark& x, const Mark& y) { return x.start < y.start; });
      row.evidence.push_back(std::move(view));
    }
    rows.push_back(std::move(row));
  }
  std::sort(rows.begin(), rows.end(), [&](const WhyRow& x, const WhyRow& y) {
    return compare_hops(graph, x.hop, y.hop) < 0;
  });
  return rows;
}

std::string marked_sentence(std::string_view sentence, const std::vector<Mark>& marks) {
  std::string out;
  std::size_t at = 0;
  for (const Mark& mark : marks) {
    if (mark.start < at || mark.end > sentence.size()) continue;
    out.append(sentence.substr(at, mark.start - at));
    out += "\u00ab";
    out.append(sentence.substr(mark.start, mark.end - mark.start));
    out += "\u00bb";
    at = mark.end;
  }
  out.append(sentence.substr(std::min(at, sentence.size())));
  return out;
}

CompanyCard company_card(const Graph& graph, NodeId node) {
  const Bgl& bgl = detail::GraphAccess::bgl(graph);
  CompanyCard card;
  card.node = node;
  std::map<Label, std::size_t> by_label;
  std::set<std::string> doc_ids;
  for_each_hop(graph, bgl, node, [&](const Hop& hop) {
    card.relations.push_back(hop);
    const Edge& edge = graph.relation(hop.edge);
    ++by_label[edge.label];
    for (const Evidence& e : edge.evidence)
      if (!e.doc.empty()) doc_ids.insert(e.doc);
  });
  card.degree = card.relations.size();
  card.degree_by_label.assign(by_label.begin(), by_label.end());
  std::sort(card.relations.begin(), card.relations.end(), [&](const Hop& a, const Hop& b) {
    Label la = graph.relation(a.edge).label, lb = graph.relation(b.edge).label;
    if (la != lb) return la < lb;
    return compare_hops(graph, a, b) < 0;
  });
  for (const auto& id : doc_ids) {
    if (const Document* doc = graph.document(id)) card.documents.push_back(doc);
    else card.unknown_documents.push_back(id);
  }
  return card;
}

Graph ego_graph(const Graph& graph, NodeId node, unsigned depth) {
  const Bgl& bgl = detail::GraphAccess::bgl(graph);
  std::unordered_set<NodeId> inside{node};
  std::vector<NodeId> ring{node};
  for (unsigned d = 1; d <= depth && !ring.empty(); ++d) {
    std::vector<NodeId> next;
    for (NodeId n : ring)
      for_each_hop(graph, bgl, n, [&](const Hop& hop) {
        if (inside.insert(hop.to).second) next.push_back(hop.to);
      });
    ring = std::move(next);
  }
  std::vector<NodeId> members(inside.begin(), inside.end());
  std::sort(members.begin(), members.end());

  Graph ego;
  std::set<std::string> doc_ids;
  for (NodeId n : members) ego.add_company(graph.company(n));
  for (NodeId n : members) {
    for (auto [it, end] = boost::out_edges(n, bgl); it != end; ++it) {
      const Edge& edge = graph.relation(bgl[*it].id);
      if (!inside.contains(edge.target)) continue;
      Relation relation;
      relation.source = graph.company(edge.source);
      relation.target = graph.company(edge.target);
      relation.label = edge.label;
      relation.status = edge.status;
      relation.confidence = edge.confidence;
      relation.evidence = edge.evidence;
      (void)ego.add_relation(relation);
      for (const Evidence& e : edge.evidence)
        if (!e.doc.empty()) doc_ids.insert(e.doc);
    }
  }
  for (const auto& id : doc_ids)
    if (const Document* doc = graph.document(id)) ego.add_document(*doc);
  return ego;
}

std::vector<double> degree_centrality(const Graph& graph, const std::vector<Label>& labels) {
  const std::uint32_t bits = bits_of(labels);
  std::vector<double> degree(graph.company_count(), 0.0);
  for (EdgeId e = 0; e < graph.relation_count(); ++e) {
    const Edge& edge = graph.relation(e);
    if (!allowed(bits, edge.label)) continue;
    degree[edge.source] += 1.0;
    degree[edge.target] += 1.0;
  }
  return degree;
}

std::vector<double> pagerank(const Graph& graph, const std::vector<Label>& labels, double alpha,
                             double tolerance, unsigned max_iterations) {
  // Boost's page_rank neither spreads the rank of dangling companies nor keeps the sum at 1, so
  // the iteration is NetworkX's, run over the BGL adjacency as a compact list of links.
  const Bgl& bgl = detail::GraphAccess::bgl(graph);
  const std::size_t n = boost::num_vertices(bgl);
  if (n == 0) return {};
  const std::uint32_t bits = bits_of(labels);
  std::vector<std::uint32_t> out_links(n, 0);
  std::vector<std::pair<NodeId, NodeId>> links;
  links.reserve(boost::num_edges(bgl) * 2);
  for (auto [it, end] = boost::edges(bgl); it != end; ++it) {
    const Label label = graph.relation(bgl[*it].id).label;
    if (!allowed(bits, label)) continue;
    auto s = static_cast<NodeId>(boost::source(*it, bgl));
    auto t = static_cast<NodeId>(boost::target(*it, bgl));
    links.emplace_back(s, t);
    ++out_links[s];
    if (is_symmetric(label)) {
      links.emplace_back(t, s);
      ++out_links[t];
    }
  }
  // Grouped by target so each iteration writes memory in order.
  std::sort(links.begin(), links.end(),
            [](const auto& a, const auto& b) { return a.second != b.second ? a.second < b.second : a.first < b.first; });
  std::vector<NodeId> dangling;
  for (NodeId v = 0; v < n; ++v)
    if (out_links[v] == 0) dangling.push_back(v);

  const double inv_n = 1.0 / static_cast<double>(n);
  std::vector<double> rank(n, inv_n), next(n), share(n);
  for (unsigned iteration = 0; iteration < max_iterations; ++iteration) {
    double dangling_sum = 0.0;
    for (NodeId v : dangling) dangling_sum += rank[v];
    const double base = (alpha * dangling_sum + (1.0 - alpha)) * inv_n;
    for (std::size_t v = 0; v < n; ++v)
      share[v] = out_links[v] == 0 ? 0.0 : alpha * rank[v] / out_links[v];
    std::fill(next.begin(), next.end(), base);
    for (const auto& [s, t] : links) next[t] += share[s];
    double change = 0.0;
    for (std::size_t v = 0; v < n; ++v) change += std::abs(next[v] - rank[v]);
    rank.swap(next);
    if (change < static_cast<double>(n) * tolerance) break;
  }
  double total = 0.0;
  for (double r : rank) total += r;
  for (double& r : rank) r /= total;
  return rank;
}

std::vector<double> betweenness_centrality(const Graph& graph, const std::vector<Label>& labels) {
  using Undirected = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
  const std::size_t n = graph.company_count();
  const std::uint32_t bits = bits_of(labels);
  std::vector<std::pair<NodeId, NodeId>> pairs;
  for (EdgeId e = 0; e < graph.relation_count(); ++e) {
    const Edge& edge = graph.relation(e);
    if (!allowed(bits, edge.label)) continue;
    pairs.emplace_back(std::min(edge.source, edge.target), std::max(edge.source, edge.target));
  }
  // Parallel relations would multiply the number of shortest paths; one link per pair.
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  Undirected undirected(pairs.begin(), pairs.end(), n);
  std::vector<double> centrality(n, 0.0);
  boost::brandes_betweenness_centrality(
      undirected, boost::centrality_map(boost::make_iterator_property_map(
                      centrality.begin(), boost::get(boost::vertex_index, undirected))));
  // Boost already halves the undirected sums (each pair counted once), so normalising as
  // NetworkX does means dividing by the (n-1)(n-2)/2 pairs that exclude the company.
  if (n > 2) {
    const double scale = 2.0 / (static_cast<double>(n - 1) * static_cast<double>(n - 2));
    for (double& c : centrality) c *= scale;
  }
  return centrality;
}

std::vector<RankedCompany> top(const Graph& graph, const TopOptions& options) {
  std::vector<double> scores;
  switch (options.by) {
    case Centrality::degree: scores = degree_centrality(graph, options.labels); break;
    case Centrality::pagerank: scores = pagerank(graph, options.labels); break;
    case Centrality::betweenness: scores = betweenness_centrality(graph, options.labels); break;
  }
  std::vector<bool> linked(graph.company_count(), false);
  const std::uint32_t bits = bits_of(options.labels);
  for (EdgeId e = 0; e < graph.relation_count(); ++e) {
    const Edge& edge = graph.relation(e);
    if (allowed(bits, edge.label)) linked[edge.source] = linked[edge.target] = true;
  }
  std::vector<RankedCompany> ranked;
  for (NodeId v = 0; v < scores.size(); ++v)
    if (linked[v]) ranked.push_back(RankedCompany{v, scores[v]});
  NameOrder by_name{graph};
  auto better = [&](const RankedCompany& a, const RankedCompany& b) {
    if (a.score != b.score) return a.score > b.score;
    return by_name(a.node, b.node);
  };
  if (options.limit != 0 && options.limit < ranked.size()) {
    auto middle = ranked.begin() + static_cast<std::ptrdiff_t>(options.limit);
    std::partial_sort(ranked.begin(), middle, ranked.end(), better);
    ranked.erase(middle, ranked.end());
  } else {
    std::sort(ranked.begin(), ranked.end(), better);
  }
  return ranked;
}

GraphStats graph_stats(const Graph& graph) {
  const Bgl& bgl = detail::GraphAccess::bgl(graph);
  GraphStats stats;
  stats.companies = graph.company_count();
  stats.relations = graph.relation_count();
  stats.documents = graph.document_count();
  std::array<std::size_t, all_labels.size()> labels{};
  std::array<std::size_t, all_statuses.size()> statuses{};
  for (EdgeId e = 0; e < graph.relation_count(); ++e) {
    const Edge& edge = graph.relation(e);
    ++labels[static_cast<std::size_t>(edge.label)];
    ++statuses[static_cast<std::size_t>(edge.status)];
    stats.evidence += edge.evidence.size();
  }
  for (Label l : all_labels) stats.by_label.emplace_back(l, labels[static_cast<std::size_t>(l)]);
  for (Status s : all_statuses)
    stats.by_status.emplace_back(s, statuses[static_cast<std::size_t>(s)]);

  const std::size_t n = boost::num_vertices(bgl);
  std::vector<NodeId> rank(n), parent(n);
  boost::disjoint_sets<NodeId*, NodeId*> sets(rank.data(), parent.data());
  boost::initialize_incremental_components(bgl, sets);
  boost::incremental_components(bgl, sets);
  std::unordered_map<NodeId, std::size_t> sizes;
  for (NodeId v = 0; v < n; ++v) {
    ++sizes[sets.find_set(v)];
    if (boost::out_degree(v, bgl) == 0 && boost::in_degree(v, bgl) == 0) ++stats.isolated;
  }
  stats.components = sizes.size();
  for (const auto& [root, size] : sizes) stats.largest_component = std::max(stats.largest_component, size);
  return stats;
}

std::vector<FoundCompany> find_companies(const Graph& graph, std::string_view pattern) {
  const std::string folded = fold_case(pattern);
  const bool glob = folded.find_first_of("*?") != std::string::npos;
  auto matches = [&](std::string_view name) {
    std::string text = fold_case(name);
    return glob ? glob_match(folded, text) : text.find(folded) != std::string::npos;
  };
  std::vector<FoundCompany> found;
  for (NodeId v = 0; v < graph.company_count(); ++v) {
    const Company& company = graph.company(v);
    if (matches(company.name)) {
      found.push_back(FoundCompany{v, {}});
      continue;
    }
    for (const auto& alias : company.aliases)
      if (matches(alias)) {
        found.push_back(FoundCompany{v, alias});
        break;
      }
  }
  NameOrder by_name{graph};
  std::sort(found.begin(), found.end(),
            [&](const FoundCompany& a, const FoundCompany& b) { return by_name(a.node, b.node); });
  return found;
}

}  // namespace corpgraph
