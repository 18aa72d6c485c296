// The query library and the query commands (neighbours, path, why, show, ego, top, stats, find),
// on the founding relations plus tests/data/query/extra.jsonl.
#include <corpgraph/error.hpp>
#include <corpgraph/io.hpp>
#include <corpgraph/query.hpp>

#include "support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <numeric>

using namespace corpgraph;
using namespace corpgraph::test;
namespace fs = std::filesystem;

namespace {

Graph sample_graph() {
  Graph graph;
  for (const auto& file : {samples_dir / "relations" / "founding.jsonl",
                           data_dir / "query" / "extra.jsonl"})
    for (const Relation& relation : read_relations(file)) (void)graph.add_relation(relation);
  graph.add_document(Document{"founding-article", "Apple picks Alibaba for AI in China",
                              "2025-02-13", "https://news.example/founding", {}});
  graph.add_document(Document{"query-doc-1", "Apple and Alibaba \"deepen\" ties", "2025-03-01",
                              "", {}});
  graph.add_document(Document{"query-doc-2", "Games and lawsuits", "2025-04-02", "", {}});
  return graph;
}

// The sample graph saved once per test run; queries only read it.
const fs::path& sample_file() {
  static const fs::path path = [] {
    fs::path p = scratch_dir("query-graph") / "samples.json";
    save_graph(sample_graph(), p);
    return p;
  }();
  return path;
}

std::string q(const fs::path& p) { return shell_quote(p.string()); }

RunResult query(const std::string& args) { return run_cli(args); }

std::vector<std::string> names_of(const Graph& graph, const std::vector<NeighbourRow>& rows) {
  std::vector<std::string> out;
  for (const auto& row : rows) out.push_back(graph.company(row.node).name);
  return out;
}

bool has(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

}  // namespace

TEST_CASE("json_quote escapes quotes, backslashes and control characters, keeps UTF-8") {
  CHECK(json_quote("a\"b\\c") == "\"a\\\"b\\\\c\"");
  CHECK(json_quote("x\ny\tz\r") == "\"x\\ny\\tz\\r\"");
  CHECK(json_quote(std::string("\x01\x1f", 2)) == "\"\\u0001\\u001f\"");
  CHECK(json_quote("\u00abZ\u00fcrich\u00bb") == "\"\u00abZ\u00fcrich\u00bb\"");
}

TEST_CASE("names resolve through aliases; unknown and ambiguous names are not_found") {
  const Graph graph = sample_graph();
  CHECK(graph.company(resolve_company(graph, "apple inc.", "g.json")).name == "Apple");
  CHECK(graph.company(resolve_company(graph, "ALIBABA GROUP HOLDING", "g.json")).name == "Alibaba");
  try {
    (void)resolve_company(graph, "Aple", "g.json");
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::not_found);
    std::string what = e.what();
    CHECK(what.rfind("g.json: ", 0) == 0);
    CHECK(what.find("Apple") != std::string::npos);
    CHECK(std::count(what.begin(), what.end(), ',') == 2);
    CHECK(what.find('\n') == std::string::npos);
  }
  try {
    (void)resolve_company(graph, "meta", "g.json");
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::not_found);
    std::string what = e.what();
    CHECK(what.find("Meta Bank") != std::string::npos);
    CHECK(what.find("Meta Platforms") != std::string::npos);
  }
}

TEST_CASE("neighbours: depth 1 around Apple, sorted, with label, direction and status") {
  const Graph graph = sample_graph();
  const NodeId apple = *graph.find("Apple");
  auto rows = neighbours(graph, apple, {});
  auto names = names_of(graph, rows);
  CHECK(names == std::vector<std::string>{"Alibaba", "Baidu", "ByteDance", "Huawei", "OpenAI",
                                          "Tencent", "Xiaomi"});
  const Edge& baidu = graph.relation(rows[1].path.back().edge);
  CHECK(baidu.label == Label::former_deal);
  CHECK(baidu.status == Status::ended);
  CHECK(rows[1].path.back().direction == Direction::both);
  CHECK(graph.relation(rows[0].path.back().edge).label == Label::partners);
  CHECK(graph.relation(rows[5].path.back().edge).label == Label::talked_to);
}

TEST_CASE("neighbours: depth, relation, direction and status filters") {
  const Graph graph = sample_graph();
  const NodeId apple = *graph.find("Apple");
  NeighbourOptions two;
  two.depth = 2;
  auto rows = neighbours(graph, apple, two);
  auto names = names_of(graph, rows);
  CHECK(has(names, "South China Morning Post"));
  CHECK(has(names, "TikTok"));
  CHECK(std::count(names.begin(), names.end(), "Ubisoft") == 2);  // via Huawei and via Tencent
  CHECK_FALSE(has(names, "Meta Platforms"));                      // three hops away
  for (const auto& row : rows) CHECK(row.path.size() == row.depth);
  CHECK(std::is_sorted(rows.begin(), rows.end(),
                       [](const auto& a, const auto& b) { return a.depth < b.depth; }));

  NeighbourOptions partners;
  partners.labels = {Label::partners};
  CHECK(names_of(graph, neighbours(graph, apple, partners)) ==
        std::vector<std::string>{"Alibaba", "OpenAI"});

  const NodeId tiktok = *graph.find("TikTok");
  NeighbourOptions in;
  in.direction = Direction::in;
  CHECK(names_of(graph, neighbours(graph, tiktok, in)) ==
        std::vector<std::string>{"ByteDance", "Meta Platforms"});
  NeighbourOptions out;
  out.direction = Direction::out;
  CHECK(names_of(graph, neighbours(graph, tiktok, out)) ==
        std::vector<std::string>{"Meta Platforms"});
  auto in_rows = neighbours(graph, tiktok, in);
  CHECK(in_rows[0].path.back().direction == Direction::in);

  NeighbourOptions pending;
  pending.statuses = {Status::pending};
  CHECK(names_of(graph, neighbours(graph, *graph.find("Tencent"), pending)) ==
        std::vector<std::string>{"NetEase"});
}

TEST_CASE("path: one shortest chain, all of them, label filter, length limit") {
  const Graph graph = sample_graph();
  const NodeId apple = *graph.find("Apple"), ubisoft = *graph.find("Ubisoft");
  auto one = find_paths(graph, apple, ubisoft, {});
  REQUIRE(one.paths.size() == 1);
  CHECK(one.paths[0].size() == 2);
  PathOptions all;
  all.all = true;
  auto both = find_paths(graph, apple, ubisoft, all);
  REQUIRE(both.paths.size() == 2);
  CHECK(graph.company(both.paths[0][0].to).name == "Huawei");
  CHECK(graph.company(both.paths[1][0].to).name == "Tencent");
  CHECK(both.paths[1][1].direction == Direction::out);  // Tencent invests in Ubisoft

  // Walking against a relation's direction is allowed and reported as "in".
  auto back = find_paths(graph, ubisoft, apple, {});
  REQUIRE(back.paths.size() == 1);
  CHECK(back.paths[0][0].direction == Direction::in);

  PathOptions talks;
  talks.labels = {Label::talked_to, Label::invests_in};
  talks.all = true;
  auto filtered = find_paths(graph, apple, ubisoft, talks);
  REQUIRE(filtered.paths.size() == 1);
  CHECK(graph.company(filtered.paths[0][0].to).name == "Tencent");

  PathOptions short_only;
  short_only.max_length = 2;
  CHECK(find_paths(graph, apple, *graph.find("Meta Platforms"), short_only).paths.empty());
  CHECK(find_paths(graph, apple, *graph.find("Meta Platforms"), {}).paths[0].size() == 3);
  CHECK(find_paths(graph, apple, *graph.find("Lonely Corp"), {}).paths.empty());
}

TEST_CASE("why: evidence with documents and the two names marked") {
  const Graph graph = sample_graph();
  const NodeId apple = *graph.find("Apple"), alibaba = *graph.find("Alibaba");
  auto rows = why(graph, apple, alibaba);
  REQUIRE(rows.size() == 1);
  CHECK(graph.relation(rows[0].hop.edge).label == Label::partners);
  REQUIRE(rows[0].evidence.size() == 2);
  const EvidenceView* with_sentence = nullptr;
  for (const auto& view : rows[0].evidence)
    if (!view.evidence->sentence.empty()) with_sentence = &view;
  REQUIRE(with_sentence != nullptr);
  REQUIRE(with_sentence->document != nullptr);
  CHECK(with_sentence->document->date == "2025-03-01");
  REQUIRE(with_sentence->marks.size() == 2);
  CHECK(with_sentence->marks[0].company == apple);
  CHECK(with_sentence->marks[0].start == 0);
  CHECK(with_sentence->marks[0].end == 10);  // "Apple Inc.", the longer alias
  CHECK(marked_sentence(with_sentence->evidence->sentence, with_sentence->marks) ==
        "\u00abApple Inc.\u00bb said it will use models from \u00abAlibaba Group Holding\u00bb in "
        "China.");
  CHECK(why(graph, apple, *graph.find("Ubisoft")).empty());
}

TEST_CASE("show, ego, stats, find and top on the library") {
  const Graph graph = sample_graph();
  const NodeId apple = *graph.find("Apple");
  auto card = company_card(graph, apple);
  CHECK(card.degree == 7);
  CHECK(card.documents.size() == 2);

  Graph ego = ego_graph(graph, apple, 1);
  CHECK(ego.company_count() == 8);
  CHECK(ego.relation_count() == 7);
  CHECK(ego.document_count() == 2);

  auto stats = graph_stats(graph);
  CHECK(stats.companies == graph.company_count());
  CHECK(stats.relations == 15);
  CHECK(stats.components == 2);
  CHECK(stats.largest_component == graph.company_count() - 2);

  auto found = find_companies(graph, "meta");
  REQUIRE(found.size() == 2);
  CHECK(graph.company(found[0].node).name == "Meta Bank");
  CHECK(find_companies(graph, "*group*").size() == 1);  // through the alias
  CHECK(find_companies(graph, "t?k*").size() == 1);
  CHECK(find_companies(graph, "zzz").empty());

  auto ranks = pagerank(graph, {});
  CHECK(std::accumulate(ranks.begin(), ranks.end(), 0.0) == Approx(1.0).epsilon(1e-12));
  TopOptions by_degree;
  by_degree.limit = 1;
  auto best = top(graph, by_degree);
  REQUIRE(best.size() == 1);
  CHECK(graph.company(best[0].node).name == "Apple");
  CHECK(best[0].score == 7.0);

  // a - b - c: b lies on the one shortest path between a and c.
  Graph line;
  (void)line.add_relation(Relation{{"A", {}, {}}, {"B", {}, {}}, Label::supplies, Status::current, 1.0, {}});
  (void)line.add_relation(Relation{{"B", {}, {}}, {"C", {}, {}}, Label::supplies, Status::current, 1.0, {}});
  auto between = betweenness_centrality(line, {});
  CHECK(between[*line.find("B")] == Approx(1.0));
  CHECK(between[*line.find("A")] == Approx(0.0));
}

TEST_CASE("cli: neighbours lists Alibaba partners, Tencent talked-to, Baidu former-deal") {
  auto r = query("neighbours " + q(sample_file()) + " apple");
  REQUIRE(r.status == 0);
  CHECK(r.out.find("Alibaba") != std::string::npos);
  CHECK(r.out.rfind("DEPTH", 0) == 0);
  auto line_of = [&](const std::string& name) {
    auto at = r.out.find("  " + name + "  ");
    REQUIRE(at != std::string::npos);
    return r.out.substr(at, r.out.find('\n', at) - at);
  };
  CHECK(line_of("Alibaba").find("partners") != std::string::npos);
  CHECK(line_of("Tencent").find("talked-to") != std::string::npos);
  CHECK(line_of("Baidu").find("former-deal") != std::string::npos);
  CHECK(line_of("Baidu").find("ended") != std::string::npos);

  auto j = query("neighbours " + q(sample_file()) + " Apple --depth 2 --relation owns "
                 "--relation partners --json");
  REQUIRE(j.status == 0);
  CHECK(j.out.rfind("{\"command\":\"neighbours\",\"company\":\"Apple\",\"depth\":2,", 0) == 0);
  CHECK(j.out.find("\"relations\":[\"owns\",\"partners\"]") != std::string::npos);
  CHECK(j.out.find("{\"company\":\"South China Morning Post\",\"depth\":2,\"relation\":\"owns\","
                   "\"direction\":\"out\",\"status\":\"current\"") != std::string::npos);
  CHECK(j.out.find("\"via\":\"Alibaba\"") != std::string::npos);
  CHECK(std::count(j.out.begin(), j.out.end(), '\n') == 1);

  auto d = query("neighbours " + q(sample_file()) + " TikTok --direction in --status current");
  REQUIRE(d.status == 0);
  CHECK(d.out.find("ByteDance") != std::string::npos);
}

TEST_CASE("cli: unknown names, ambiguous names, empty results and bad options") {
  auto unknown = query("neighbours " + q(sample_file()) + " Aple");
  CHECK(unknown.status == 6);
  CHECK(unknown.out.empty());
  CHECK(unknown.err.find(sample_file().string()) != std::string::npos);
  CHECK(unknown.err.find("closest: ") != std::string::npos);
  CHECK(unknown.err.find("Apple") != std::string::npos);
  CHECK(std::count(unknown.err.begin(), unknown.err.end(), '\n') == 1);

  auto ambiguous = query("show " + q(sample_file()) + " Meta");
  CHECK(ambiguous.status == 6);
  CHECK(ambiguous.err.find("Meta Bank, Meta Platforms") != std::string::npos);

  auto empty = query("neighbours " + q(sample_file()) + " 'Lonely Corp' --relation partners");
  CHECK(empty.status == 1);
  auto none = query("find " + q(sample_file()) + " zzz --json");
  CHECK(none.status == 1);
  CHECK(none.out == "{\"command\":\"find\",\"pattern\":\"zzz\",\"count\":0,\"results\":[]}\n");
  CHECK(query("path " + q(sample_file()) + " Apple 'Island Ltd'").status == 1);
  CHECK(query("why " + q(sample_file()) + " Apple Ubisoft").status == 1);

  CHECK(query("neighbours " + q(sample_file()) + " Apple --relation befriends").status == 2);
  CHECK(query("neighbours " + q(sample_file()) + " Apple --direction sideways").status == 2);
  CHECK(query("top " + q(sample_file()) + " --by fame").status == 2);
  CHECK(query("stats " + q(sample_file().parent_path() / "missing.json")).status == 4);
}

TEST_CASE("cli: path, with --all, plain and JSON") {
  auto one = query("path " + q(sample_file()) + " Apple Ubisoft");
  REQUIRE(one.status == 0);
  CHECK(one.out.find("path 1 of 1 (2 hops): Apple -competes-with- Huawei -invests-in-> Ubisoft") !=
        std::string::npos);
  auto all = query("path " + q(sample_file()) + " Apple Ubisoft --all --json");
  REQUIRE(all.status == 0);
  CHECK(all.out.rfind("{\"command\":\"path\",\"from\":\"Apple\",\"to\":\"Ubisoft\",\"length\":2,"
                      "\"count\":2,\"truncated\":false,\"paths\":[[",
                      0) == 0);
  CHECK(all.out.find("{\"from\":\"Tencent\",\"relation\":\"invests-in\",\"to\":\"Ubisoft\","
                     "\"direction\":\"out\"") != std::string::npos);
  auto back = query("path " + q(sample_file()) + " Ubisoft Tencent --json");
  CHECK(back.out.find("\"direction\":\"in\"") != std::string::npos);
  CHECK(query("path " + q(sample_file()) + " Apple 'Meta Platforms' --max-length 2").status == 1);
}

TEST_CASE("cli: why marks names and shows documents") {
  auto plain = query("why " + q(sample_file()) + " Apple Alibaba");
  REQUIRE(plain.status == 0);
  CHECK(plain.out.find("\u00abApple Inc.\u00bb said it will use models from "
                       "\u00abAlibaba Group Holding\u00bb") != std::string::npos);
  CHECK(plain.out.find("2025-03-01") != std::string::npos);
  CHECK(plain.out.find("Apple picks Alibaba for AI in China") != std::string::npos);
  auto json = query("why " + q(sample_file()) + " Apple Alibaba --json");
  REQUIRE(json.status == 0);
  CHECK(json.out.find("\"title\":\"Apple and Alibaba \\\"deepen\\\" ties\"") != std::string::npos);
  CHECK(json.out.find("\"marks\":[{\"company\":\"Apple\",\"start\":0,\"end\":10},"
                      "{\"company\":\"Alibaba\",\"start\":40,\"end\":61}]") != std::string::npos);
}

TEST_CASE("cli: show, stats, find, top") {
  auto show = query("show " + q(sample_file()) + " 'apple inc.'");
  REQUIRE(show.status == 0);
  CHECK(show.out.rfind("Apple\n", 0) == 0);
  CHECK(show.out.find("Apple Inc.") != std::string::npos);
  CHECK(show.out.find("competes-with 2") != std::string::npos);
  CHECK(show.out.find("founding-article") != std::string::npos);
  auto show_json = query("show " + q(sample_file()) + " Apple --json");
  CHECK(show_json.out.find("\"degree\":7,\"degree_by_relation\":{\"partners\":2,\"talked-to\":2,"
                           "\"former-deal\":1,\"competes-with\":2}") != std::string::npos);

  auto stats = query("stats " + q(sample_file()) + " --json");
  REQUIRE(stats.status == 0);
  CHECK(stats.out.find("\"relations\":15,") != std::string::npos);
  CHECK(stats.out.find("\"components\":2,") != std::string::npos);
  CHECK(stats.out.find("\"by_status\":{\"current\":12,\"pending\":1,\"ended\":2}") !=
        std::string::npos);
  CHECK(query("stats " + q(sample_file())).out.find("largest component") != std::string::npos);

  auto find = query("find " + q(sample_file()) + " '*bank*'");
  REQUIRE(find.status == 0);
  CHECK(find.out.find("Meta Bank") != std::string::npos);
  auto alias = query("find " + q(sample_file()) + " group --json");
  CHECK(alias.out.find("\"company\":\"Alibaba\"") != std::string::npos);
  CHECK(alias.out.find("\"matched\":\"Alibaba Group Holding\"") != std::string::npos);

  auto top = query("top " + q(sample_file()) + " --limit 2");
  REQUIRE(top.status == 0);
  CHECK(top.out.find("1     Apple") != std::string::npos);
  auto pr = query("top " + q(sample_file()) + " --by pagerank --relation owns --json");
  REQUIRE(pr.status == 0);
  CHECK(pr.out.find("\"by\":\"pagerank\",\"relations\":[\"owns\"]") != std::string::npos);
  CHECK(pr.out.find("\"company\":\"Apple\"") == std::string::npos);  // no owns relation
  CHECK(query("top " + q(sample_file()) + " --by betweenness --json").status == 0);
}

TEST_CASE("cli: ego writes a graph file that loads back") {
  auto dir = scratch_dir("query-ego");
  auto out = dir / "ego.json";
  auto r = query("ego " + q(sample_file()) + " Tencent --depth 1 -o " + q(out) + " --json");
  REQUIRE(r.status == 0);
  CHECK(r.out == "{\"command\":\"ego\",\"company\":\"Tencent\",\"depth\":1,\"file\":" +
                     json_quote(out.string()) +
                     ",\"companies\":4,\"relations\":3,\"documents\":2}\n");
  Graph ego = load_graph(out);
  CHECK(ego.company_count() == 4);
  CHECK(ego.find("NetEase").has_value());
  auto again = query("neighbours " + q(out) + " Tencent");
  CHECK(again.status == 0);
  fs::remove_all(dir);
}

TEST_CASE("cli: queries never write the graph file") {
  const fs::path& file = sample_file();
  const std::string before = read_file(file);
  const auto mtime = fs::last_write_time(file);
  const std::string g = q(file);
  auto dir = scratch_dir("query-readonly");
  for (const std::string& args :
       {"neighbours " + g + " Apple --depth 3", "path " + g + " Apple Ubisoft --all",
        "why " + g + " Apple Alibaba", "show " + g + " Apple", "top " + g + " --by pagerank",
        "stats " + g, "find " + g + " a", "ego " + g + " Apple -o " + q(dir / "e.json")})
    CHECK(query(args).status == 0);
  CHECK(read_file(file) == before);
  CHECK(fs::last_write_time(file) == mtime);
  fs::remove_all(dir);
}
