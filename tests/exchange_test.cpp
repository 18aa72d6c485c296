// Exports and imports for other graph tools: every format written, round trips, escaping per
// syntax, and malformed or hostile imports refused with file:line:col.
#include "graph_compare.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

#include <corpgraph/error.hpp>
#include <corpgraph/exchange.hpp>
#include <corpgraph/io.hpp>

#include <set>
#include <tuple>

using namespace corpgraph;
namespace fs = std::filesystem;
using test::read_file;
using test::write_file;

namespace {

Relation relation(std::string source, Label label, std::string target, double confidence,
                  std::string sentence, Status status = Status::current) {
  Relation r;
  r.source.name = std::move(source);
  r.target.name = std::move(target);
  r.label = label;
  r.status = status;
  Evidence e;
  e.doc = "doc-1";
  e.sentence = std::move(sentence);
  e.start = 17;
  e.end = 17 + e.sentence.size();
  e.confidence = confidence;
  e.pattern = "test";
  r.evidence.push_back(e);
  return r;
}

Graph samples_graph() {
  Graph g;
  g.add_relation(relation("Apple", Label::partners, "Alibaba", 0.95, "Apple partners with Alibaba."));
  g.add_relation(relation("Apple", Label::partners, "OpenAI", 0.9, "Apple partners with OpenAI."));
  g.add_relation(relation("Apple", Label::talked_to, "Tencent", 0.85, "Apple talked to Tencent."));
  g.add_relation(relation("Apple", Label::former_deal, "Baidu", 0.9, "Apple once had a deal.",
                          Status::ended));
  g.add_relation(relation("Microsoft", Label::invests_in, "OpenAI", 0.8, "Microsoft invests."));
  return g;
}

// Names every export must survive: quotes, commas, newlines, markup, other scripts, formulas.
Graph hostile_graph() {
  Graph g;
  Company odd;
  odd.name = "=HYPERLINK(\"http://evil\",\"x\")";
  odd.aliases = {"a|b", "semi;colon", "+1+1"};
  odd.kind = CompanyKind::fund;
  g.add_company(odd);
  g.add_relation(relation("Apple", Label::partners, "Tencent \"Holdings\", Ltd", 0.7,
                          "Apple and \"Tencent\", \\ said:\n<b>&amp;</b>"));
  g.add_relation(relation(odd.name, Label::owns, "Line\nBreak & <Co>", 0.6, "=1+2 \t tab"));
  g.add_relation(relation("Apple", Label::sues, "Ünïcødé 株式会社 Ёж شركة", 0.55, "日本語の文"));
  g.add_relation(relation("back\\slash 'q'", Label::talked_to, "@at", 0.5, "'quoted'",
                          Status::pending));
  g.add_relation(relation("-minus", Label::supplies, "Apple", 0.3, "-5 units\r\nnext"));
  Relation second = relation("Apple", Label::partners, "Tencent \"Holdings\", Ltd", 0.4, "Again.");
  second.evidence[0].doc = "doc-2";
  g.add_relation(second);
  Document d;
  d.id = "doc-1";
  d.title = "Title with <tags> & \"quotes\"";
  d.date = "2024-01-02";
  d.url = "https://example.com/a?b=1&c=2";
  d.extra = {{"section", "\"tech\""}, {"tags", "[\"a\",\"b\"]"}};
  g.add_document(d);
  Document d2;
  d2.id = "doc-2";
  g.add_document(d2);
  return g;
}

using EdgeKey = std::tuple<std::string, Label, std::string, Status>;
std::set<EdgeKey> edge_keys(const Graph& g) {
  std::set<EdgeKey> out;
  for (EdgeId e = 0; e < g.relation_count(); ++e) {
    const Edge& edge = g.relation(e);
    out.emplace(g.company(edge.source).name, edge.label, g.company(edge.target).name, edge.status);
  }
  return out;
}

// The Error an import throws, for checking its kind and location.
Error import_error(const fs::path& path, ImportFormat format) {
  try {
    (void)import_graph(path, format);
  } catch (const Error& e) {
    return e;
  }
  FAIL("import of " << path << " did not fail");
  return Error(ErrorKind::internal, "unreachable");
}

const fs::path data = test::data_dir / "exchange";

}  // namespace

TEST_CASE("export format names parse back", "[exchange]") {
  for (auto f : {ExportFormat::graphml, ExportFormat::gexf, ExportFormat::node_link,
                 ExportFormat::cytoscape, ExportFormat::neo4j, ExportFormat::cypher,
                 ExportFormat::kuzu, ExportFormat::turtle, ExportFormat::csv})
    CHECK(parse_export_format(to_string(f)) == f);
  CHECK(parse_export_format("json") == ExportFormat::node_link);
  CHECK_FALSE(parse_export_format("xlsx"));
}

TEST_CASE("every format is written", "[exchange]") {
  auto dir = test::scratch_dir("exchange-all");
  Graph g = samples_graph();
  export_graph(g, ExportFormat::graphml, dir / "g.graphml");
  export_graph(g, ExportFormat::gexf, dir / "g.gexf");
  export_graph(g, ExportFormat::node_link, dir / "g.json");
  export_graph(g, ExportFormat::cytoscape, dir / "g.cyjs");
  export_graph(g, ExportFormat::neo4j, dir / "neo4j");
  export_graph(g, ExportFormat::cypher, dir / "g.cypher");
  export_graph(g, ExportFormat::kuzu, dir / "kuzu");
  export_graph(g, ExportFormat::turtle, dir / "g.ttl");
  export_graph(g, ExportFormat::csv, dir / "g.csv");

  CHECK(read_file(dir / "g.graphml").find("attr.type=\"double\"") != std::string::npos);
  CHECK(read_file(dir / "g.gexf").find("xmlns=\"http://www.gexf.net/1.2draft\"") !=
        std::string::npos);
  CHECK(read_file(dir / "g.gexf").find("<viz:size value=") != std::string::npos);
  CHECK(read_file(dir / "g.json").starts_with("{\"directed\":true,\"multigraph\":true"));
  CHECK(read_file(dir / "g.cyjs").find("\"classes\":\"partners current symmetric\"") !=
        std::string::npos);
  CHECK(read_file(dir / "neo4j" / "nodes.csv").starts_with("companyId:ID,name,aliases:string[]"));
  CHECK(read_file(dir / "neo4j" / "relationships.csv").starts_with(":START_ID,:END_ID,:TYPE,"));
  CHECK(read_file(dir / "g.cypher").find("MERGE (a)-[r:`PARTNERS`]->(b)") != std::string::npos);
  std::string schema = read_file(dir / "kuzu" / "schema.cypher");
  CHECK(schema.find("CREATE NODE TABLE Company(") != std::string::npos);
  CHECK(schema.find("COPY PARTNERS FROM 'partners.csv'") != std::string::npos);
  CHECK(fs::exists(dir / "kuzu" / "companies.csv"));
  CHECK_FALSE(fs::exists(dir / "kuzu" / "sues.csv"));  // no edge with that label
  CHECK(read_file(dir / "g.ttl").find("@prefix cg: <https://corpgraph.dev/ns#>") !=
        std::string::npos);
  CHECK(read_file(dir / "g.csv").starts_with(
      "source,relation,target,status,confidence,evidence_count,doc,sentence\n"));

  // Writing again replaces a folder export whole, leaving no temporary files beside it.
  export_graph(Graph{}, ExportFormat::kuzu, dir / "kuzu");
  CHECK_FALSE(fs::exists(dir / "kuzu" / "partners.csv"));
  for (const auto& entry : fs::directory_iterator(dir))
    CHECK(entry.path().filename().string().find(".tmp") == std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("graphml and node-link round trip the whole graph", "[exchange]") {
  auto dir = test::scratch_dir("exchange-round");
  for (const Graph& g : {samples_graph(), hostile_graph()}) {
    export_graph(g, ExportFormat::graphml, dir / "g.graphml");
    REQUIRE(detect_import_format(dir / "g.graphml") == ImportFormat::graphml);
    test::require_same_graph(g, import_graph(dir / "g.graphml", ImportFormat::graphml));

    export_graph(g, ExportFormat::node_link, dir / "g.json");
    REQUIRE(detect_import_format(dir / "g.json") == ImportFormat::node_link);
    test::require_same_graph(g, import_graph(dir / "g.json", ImportFormat::node_link));
  }
  fs::remove_all(dir);
}

TEST_CASE("csv edges round trip and cells never run as formulas", "[exchange]") {
  auto dir = test::scratch_dir("exchange-csv");
  Graph g = hostile_graph();
  export_graph(g, ExportFormat::csv, dir / "g.csv");
  std::string text = read_file(dir / "g.csv");
  CHECK(text.find("\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",owns,") != std::string::npos);
  CHECK(text.find("'-minus,supplies,Apple") != std::string::npos);
  CHECK(text.find("\n'@at,talked-to,") != std::string::npos);
  CHECK(text.find("\"Line\nBreak & <Co>\"") != std::string::npos);
  // No line may start a cell with a bare formula character.
  for (std::string_view bad : {"\n=", ",=", "\n+", ",+", "\n-", ",-", "\n@", ",@"})
    CHECK(text.find(bad) == std::string::npos);

  REQUIRE(detect_import_format(dir / "g.csv") == ImportFormat::csv);
  Graph back = import_graph(dir / "g.csv", ImportFormat::csv);
  CHECK(edge_keys(back) == edge_keys(g));
  for (EdgeId e = 0; e < back.relation_count(); ++e) {
    const Edge& edge = back.relation(e);
    auto original = g.find_relation(*g.find(back.company(edge.source).name),
                                    *g.find(back.company(edge.target).name), edge.label);
    REQUIRE(original);
    CHECK(edge.confidence == g.relation(*original).confidence);
    CHECK(edge.evidence.front().sentence == g.relation(*original).evidence.front().sentence);
  }
  fs::remove_all(dir);
}

TEST_CASE("cypher and kuzu escape strings", "[exchange]") {
  auto dir = test::scratch_dir("exchange-cypher");
  Graph g = hostile_graph();
  export_graph(g, ExportFormat::cypher, dir / "g.cypher");
  std::string text = read_file(dir / "g.cypher");
  CHECK(text.find("MERGE (c:Company {name: 'back\\\\slash \\'q\\''})") != std::string::npos);
  CHECK(text.find("{name: 'Line\\nBreak & <Co>'}") != std::string::npos);
  CHECK(text.find("{name: 'Tencent \\\"Holdings\\\", Ltd'}") != std::string::npos);
  CHECK(text.find("'-5 units\\r\\nnext'") != std::string::npos);
  // Every statement is one line: an unescaped newline would split a string.
  std::size_t lines = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
  CHECK(lines == 2 + g.company_count() + g.relation_count());

  Graph ctl;
  ctl.add_relation(relation("ctl\x01name", Label::owns, "Apple", 0.5, "bell\x07"));
  export_graph(ctl, ExportFormat::cypher, dir / "ctl.cypher");
  CHECK(read_file(dir / "ctl.cypher").find("'ctl\\u0001name'") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("turtle literals and IRIs are escaped", "[exchange]") {
  auto dir = test::scratch_dir("exchange-ttl");
  Graph g = hostile_graph();
  Graph ctl;
  ctl.add_relation(relation("ctl\x01name", Label::owns, "Apple", 0.5, "bell\x07"));
  g.merge(ctl);
  export_graph(g, ExportFormat::turtle, dir / "g.ttl");
  std::string text = read_file(dir / "g.ttl");
  CHECK(text.find("cg:name \"Tencent \\\"Holdings\\\", Ltd\"") != std::string::npos);
  CHECK(text.find("cg:name \"Line\\nBreak & <Co>\"") != std::string::npos);
  CHECK(text.find("cg:name \"back\\\\slash 'q'\"") != std::string::npos);
  CHECK(text.find("cg:name \"ctl\\u0001name\"") != std::string::npos);
  CHECK(text.find("<https://corpgraph.dev/company/Line%0ABreak%20%26%20%3CCo%3E>") !=
        std::string::npos);
  CHECK(text.find("<https://corpgraph.dev/company/%3DHYPERLINK%28%22http%3A%2F%2Fevil%22%2C%22x"
                  "%22%29>") != std::string::npos);
  CHECK(text.find("cg:evidenceCount 2") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("graphml and gexf escape XML and drop what XML 1.0 forbids", "[exchange]") {
  auto dir = test::scratch_dir("exchange-xml");
  Graph g;
  g.add_relation(relation("A<&>\"'\x01\x1f" "B", Label::owns, "tab\tnew\nline\rcr", 0.5, "x"));
  export_graph(g, ExportFormat::graphml, dir / "g.graphml");
  export_graph(g, ExportFormat::gexf, dir / "g.gexf");
  for (const char* name : {"g.graphml", "g.gexf"}) {
    std::string text = read_file(dir / name);
    CHECK(text.find("A&lt;&amp;&gt;&quot;&apos;B") != std::string::npos);
    CHECK(text.find("tab&#9;new&#10;line&#13;cr") != std::string::npos);
    CHECK(text.find('\x01') == std::string::npos);
    CHECK(text.find('\x1f') == std::string::npos);
  }
  Graph back = import_graph(dir / "g.graphml", ImportFormat::graphml);
  CHECK(back.find("A<&>\"'B"));
  CHECK(back.find("tab\tnew\nline\rcr"));
  fs::remove_all(dir);
}

TEST_CASE("plain GraphML from NetworkX, igraph and yEd imports", "[exchange]") {
  Graph nx = import_graph(data / "networkx.graphml", ImportFormat::graphml);
  CHECK(nx.company_count() == 3);
  REQUIRE(nx.find("Beats & Co"));
  CHECK(nx.find_relation(*nx.find("Apple"), *nx.find("Beats & Co"), Label::owns));
  CHECK(nx.find_relation(*nx.find("Alibaba"), *nx.find("Apple"), Label::partners));

  Graph ig = import_graph(data / "igraph.graphml", ImportFormat::graphml);
  REQUIRE(ig.find("ByteDance"));
  CHECK(ig.relation_count() == 1);
  CHECK(ig.relation(0).label == Label::competes_with);
  CHECK(detect_import_format(data / "igraph.graphml") == ImportFormat::graphml);

  Graph yed = import_graph(data / "yed.graphml", ImportFormat::graphml);
  REQUIRE(yed.find("TSMC"));
  REQUIRE(yed.find("Nvidia"));
  CHECK(yed.find_relation(*yed.find("TSMC"), *yed.find("Nvidia"), Label::supplies));
}

TEST_CASE("malformed imports name file, line and column", "[exchange]") {
  Error xml = import_error(data / "malformed.graphml", ImportFormat::graphml);
  CHECK(xml.kind() == ErrorKind::bad_input);
  REQUIRE(xml.where());
  CHECK(xml.where()->line == 6);
  CHECK(xml.where()->column == 3);
  CHECK(std::string(xml.what()).find("malformed.graphml:6:3") != std::string::npos);

  Error json = import_error(data / "malformed.json", ImportFormat::node_link);
  CHECK(json.kind() == ErrorKind::bad_input);
  REQUIRE(json.where());
  CHECK(json.where()->line == 2);
  CHECK(json.where()->column > 1);

  Error csv = import_error(data / "unknown_label.csv", ImportFormat::csv);
  CHECK(csv.kind() == ErrorKind::bad_input);
  REQUIRE(csv.where());
  CHECK(csv.where()->line == 3);
  CHECK(csv.where()->column == 7);
  CHECK(csv.message().find("befriends") != std::string::npos);

  auto dir = test::scratch_dir("exchange-bad");
  write_file(dir / "label.json", "{\"nodes\": [{\"id\": \"a\"}, {\"id\": \"b\"}],\n\"links\": [\n"
                                 "  {\"source\": \"a\", \"target\": \"b\", \"label\": \"owns\"},\n"
                                 "  {\"source\": \"a\", \"target\": \"b\", \"label\": \"likes\"}]}\n");
  Error label = import_error(dir / "label.json", ImportFormat::node_link);
  REQUIRE(label.where());
  CHECK(label.where()->line == 4);
  CHECK(label.where()->column == 3);
  write_file(dir / "open.csv", "source,relation,target\nApple,owns,\"Beats\n");
  Error quote = import_error(dir / "open.csv", ImportFormat::csv);
  REQUIRE(quote.where());
  CHECK(quote.where()->line == 2);
  CHECK(quote.where()->column == 12);
  write_file(dir / "entity.graphml", "<graphml>\n<graph><node id=\"&ext;\"/></graph></graphml>");
  Error entity = import_error(dir / "entity.graphml", ImportFormat::graphml);
  REQUIRE(entity.where());
  CHECK(entity.where()->line == 2);
  fs::remove_all(dir);
}

TEST_CASE("GraphML with a DOCTYPE or entity declaration is refused", "[exchange]") {
  Error bomb = import_error(data / "entity_bomb.graphml", ImportFormat::graphml);
  CHECK(bomb.kind() == ErrorKind::bad_input);
  REQUIRE(bomb.where());
  CHECK(bomb.where()->line == 2);
  CHECK(bomb.message().find("DOCTYPE") != std::string::npos);
}

TEST_CASE("detect_import_format tells the formats apart", "[exchange]") {
  auto dir = test::scratch_dir("exchange-detect");
  save_graph(samples_graph(), dir / "own.json");
  CHECK_FALSE(detect_import_format(dir / "own.json"));  // load_graph's, not an import
  write_file(dir / "lines.json", "{\"source\":\"A\",\"relation\":\"owns\",\"target\":\"B\"}\n"
                                 "{\"source\":\"B\",\"relation\":\"owns\",\"target\":\"C\"}\n");
  CHECK_FALSE(detect_import_format(dir / "lines.json"));
  write_file(dir / "d3.json", "{\"nodes\":[{\"id\":\"A\"},{\"id\":\"B\"}],"
                              "\"links\":[{\"source\":0,\"target\":1,\"label\":\"owns\"}]}");
  REQUIRE(detect_import_format(dir / "d3.json") == ImportFormat::node_link);
  Graph d3 = import_graph(dir / "d3.json", ImportFormat::node_link);
  CHECK(d3.find_relation(*d3.find("A"), *d3.find("B"), Label::owns));
  write_file(dir / "graph.xml", "<?xml version=\"1.0\"?>\n<graphml><graph/></graphml>");
  CHECK(detect_import_format(dir / "graph.xml") == ImportFormat::graphml);
  write_file(dir / "notes.txt", "Apple partners with Alibaba.");
  CHECK_FALSE(detect_import_format(dir / "notes.txt"));
  fs::remove_all(dir);
}

TEST_CASE("corpgraph export writes each format from a graph file", "[exchange][cli]") {
  auto dir = test::scratch_dir("exchange-cli");
  auto q = [](const fs::path& p) { return test::shell_quote(p.string()); };
  save_graph(samples_graph(), dir / "samples.json");
  auto r = test::run_cli("export " + q(dir / "samples.json") + " --format gexf -o " +
                         q(dir / "samples.gexf"));
  INFO(r.err);
  REQUIRE(r.status == 0);
  CHECK(read_file(dir / "samples.gexf").find("<node id=\"Alibaba\"") != std::string::npos);

  export_graph(hostile_graph(), ExportFormat::node_link, dir / "g.json");
  r = test::run_cli("export " + q(dir / "g.json") + " --format graphml -o " +
                    q(dir / "out.graphml"));
  INFO(r.err);
  REQUIRE(r.status == 0);
  Graph back = import_graph(dir / "out.graphml", ImportFormat::graphml);
  CHECK(back.company_count() == hostile_graph().company_count());
  CHECK(edge_keys(back) == edge_keys(hostile_graph()));

  r = test::run_cli("export " + q(dir / "g.json") + " --format kuzu -o " + q(dir / "kuzu"));
  CHECK(r.status == 0);
  CHECK(fs::exists(dir / "kuzu" / "schema.cypher"));

  // A GraphML file is accepted as input too: export converts between formats.
  r = test::run_cli("export " + q(dir / "out.graphml") + " -f json -o " + q(dir / "out.json"));
  CHECK(r.status == 0);
  CHECK(edge_keys(import_graph(dir / "out.json", ImportFormat::node_link)) ==
        edge_keys(hostile_graph()));

  r = test::run_cli("export " + q(dir / "g.json") + " --format xlsx -o " + q(dir / "x"));
  CHECK(r.status == 2);
  r = test::run_cli("export " + q(data / "malformed.graphml") + " --format csv -o " +
                    q(dir / "x.csv"));
  CHECK(r.status == 3);
  CHECK(r.err.find("malformed.graphml:6:3") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "x.csv"));
  fs::remove_all(dir);
}
