#include <corpgraph/error.hpp>
#include <corpgraph/graph.hpp>
#include <corpgraph/io.hpp>
#include <corpgraph/render.hpp>

#include "support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

using namespace corpgraph;
namespace fs = std::filesystem;

namespace {

Relation relation(std::string source, Label label, std::string target,
                  Status status = Status::current, double confidence = 0.9,
                  std::string sentence = "") {
  Relation r;
  r.source.name = std::move(source);
  r.target.name = std::move(target);
  r.label = label;
  r.status = status;
  r.confidence = confidence;
  if (!sentence.empty()) {
    Evidence e;
    e.doc = "doc-1";
    e.sentence = std::move(sentence);
    e.confidence = confidence;
    r.evidence.push_back(e);
  }
  return r;
}

std::vector<Relation> sample_relations() {
  return {
      relation("Apple", Label::partners, "Alibaba", Status::current, 0.95,
               "Apple has teamed up with Alibaba."),
      relation("Apple", Label::talked_to, "Tencent", Status::current, 0.85),
      relation("Apple", Label::former_deal, "Baidu", Status::ended, 0.9),
      relation("Alibaba", Label::owns, "South China Morning Post", Status::current, 0.9),
      relation("Tencent", Label::invests_in, "Ubisoft", Status::current, 0.85),
      relation("Tencent", Label::acquired, "Sumo", Status::pending, 0.6),
      relation("Huawei", Label::competes_with, "Apple", Status::current, 0.4),
  };
}

Graph graph_of(const std::vector<Relation>& relations) {
  Graph graph;
  for (const Relation& r : relations) graph.add_relation(r);
  return graph;
}

Graph sample_graph() { return graph_of(sample_relations()); }

std::vector<std::string> names_of(const Graph& graph, const Selection& selection) {
  std::vector<std::string> names;
  for (NodeId id : selection.nodes) names.push_back(graph.company(id).name);
  return names;
}

RenderOptions dot_options() {
  RenderOptions options;
  options.format = RenderFormat::dot;
  return options;
}

// The attribute list of the DOT statement with id=KEY (nodes "c<i>", edges "e<i>").
std::string statement(const std::string& dot, const std::string& key) {
  const std::string marker = "id=" + key + ",";
  auto at = dot.find(marker);
  if (at == std::string::npos) at = dot.find("id=" + key + "]");
  REQUIRE(at != std::string::npos);
  auto open = dot.rfind('[', at);
  auto close = dot.find("];", at);
  return dot.substr(open, close - open + 1);
}

// The edge statement of source -> target (by company name).
std::string edge_statement(const Graph& graph, const RenderOptions& options,
                           const std::string& source, const std::string& target) {
  const Selection selection = select_for_render(graph, options);
  const std::string dot = render(graph, options);
  for (std::size_t i = 0; i < selection.edges.size(); ++i) {
    const Edge& edge = graph.relation(selection.edges[i]);
    if (graph.company(edge.source).name == source && graph.company(edge.target).name == target)
      return statement(dot, "e" + std::to_string(i));
  }
  FAIL("no edge " << source << " -> " << target);
  return {};
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

int run(const std::string& command) {
  int raw = std::system((command + " >/dev/null 2>&1").c_str());
  return WIFEXITED(raw) ? WEXITSTATUS(raw) : 128;
}

std::string hex(const std::string& text) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : text) {
    out += digits[c >> 4];
    out += digits[c & 0xF];
  }
  return out;
}

// Names no output may turn into markup or break on.
const std::vector<std::string> hostile_names = {
    "<script>alert(1)</script>",
    "Quote \"Co\" & Sons",
    "Back\\slash\\N Corp\\",
    "Line\nBreak",
    "R&amp;D <b>Bold</b>",
    "华为技术",
    "Ямал СПГ",
    "Trail\\",
    "]]> --> <!-- x",
    // Long enough that agwrite breaks the line inside the quoted tooltip.
    "Long " + std::string(150, '\\') + std::string(20, '"') + std::string(60, 'x'),
};

Graph hostile_graph() {
  Graph graph;
  for (std::size_t i = 0; i + 1 < hostile_names.size(); ++i)
    graph.add_relation(relation(hostile_names[i], i % 2 ? Label::partners : Label::acquired,
                                hostile_names[i + 1], Status::current, 0.8,
                                hostile_names[i] + " said \"</script><script>alert(2)</script>\" \\N"));
  return graph;
}

// Checks an SVG with the Python helper: well-formed XML, every name drawn and titled as itself.
void check_svg_names(const fs::path& svg, const std::vector<std::string>& names) {
  const fs::path list = svg.parent_path() / "names.hex";
  std::string text;
  for (const auto& name : names) text += hex(name) + "\n";
  test::write_file(list, text);
  const fs::path helper = test::data_dir / "render" / "svg_texts.py";
  CHECK(run("/usr/bin/python3 " + test::shell_quote(helper.string()) + " " +
            test::shell_quote(svg.string()) + " " + test::shell_quote(list.string())) == 0);
}

}  // namespace

TEST_CASE("formats and layouts parse, and come from the file extension") {
  CHECK(format_from_path("a/b.svg") == RenderFormat::svg);
  CHECK(format_from_path("x.HTML") == RenderFormat::html);
  CHECK(format_from_path("x.gv") == RenderFormat::dot);
  CHECK(format_from_path("x.pdf") == RenderFormat::pdf);
  CHECK_FALSE(format_from_path("x.txt").has_value());
  CHECK_FALSE(format_from_path("noext").has_value());
  CHECK(parse_layout("SFDP") == Layout::sfdp);
  CHECK_FALSE(parse_layout("spring").has_value());
  CHECK(choose_layout(10) == Layout::dot);
  CHECK(choose_layout(5000) == Layout::sfdp);
}

TEST_CASE("the same graph and options give the same DOT bytes") {
  auto relations = sample_relations();
  const Graph forward = graph_of(relations);
  std::reverse(relations.begin(), relations.end());
  const Graph backward = graph_of(relations);
  const std::string dot = render(forward, dot_options());
  CHECK(dot == render(forward, dot_options()));
  CHECK(dot == render(backward, dot_options()));
  CHECK(contains(dot, "digraph corpgraph"));
  CHECK_FALSE(contains(dot, "0x"));  // no pointers
}

TEST_CASE("DOT is accepted by Graphviz's dot and its SVG is XML") {
  const Graph graph = sample_graph();
  const auto dir = test::scratch_dir("render-dot");
  test::write_file(dir / "g.dot", render(graph, dot_options()));
  REQUIRE(run("dot -Tsvg " + test::shell_quote((dir / "g.dot").string()) + " -o " +
              test::shell_quote((dir / "g.svg").string())) == 0);
  check_svg_names(dir / "g.svg", {"Apple", "South China Morning Post"});
  RenderOptions svg;
  svg.format = RenderFormat::svg;
  test::write_file(dir / "direct.svg", render(graph, svg));
  check_svg_names(dir / "direct.svg", {"Apple", "Ubisoft"});
  fs::remove_all(dir);
}

TEST_CASE("edge style follows label and status") {
  const Graph graph = sample_graph();
  const RenderOptions options = dot_options();
  const std::string partners = edge_statement(graph, options, "Alibaba", "Apple");
  CHECK(contains(partners, "color=\"#1f77b4\""));
  CHECK(contains(partners, "style=solid"));
  CHECK(contains(partners, "dir=none"));  // symmetric: no arrowheads
  CHECK(contains(partners, "label=partners"));
  CHECK(contains(partners, "Apple has teamed up with Alibaba."));  // evidence in the tooltip

  const std::string former = edge_statement(graph, options, "Apple", "Baidu");
  CHECK(contains(former, "style=dashed"));  // former-deal is ended
  CHECK(contains(former, "dir=none"));

  const std::string acquired = edge_statement(graph, options, "Tencent", "Sumo");
  CHECK(contains(acquired, "style=dotted"));  // pending
  CHECK(contains(acquired, "dir=forward"));
  CHECK(contains(acquired, "arrowhead=normal"));
  CHECK(contains(acquired, "color=\"#d62728\""));

  const std::string competes = edge_statement(graph, options, "Apple", "Huawei");
  CHECK(contains(competes, "dir=none"));

  RenderOptions bare = dot_options();
  bare.edge_labels = false;
  CHECK_FALSE(contains(edge_statement(graph, bare, "Alibaba", "Apple"), "label="));
}

TEST_CASE("the legend lists only the labels drawn") {
  const Graph graph = sample_graph();
  RenderOptions options = dot_options();
  const std::string all = render(graph, options);
  const std::string legend_all = statement(all, "legend");
  for (Label label : {Label::partners, Label::talked_to, Label::former_deal, Label::owns,
                      Label::invests_in, Label::acquired, Label::competes_with})
    CHECK(contains(legend_all, ">" + std::string(to_string(label)) + "<"));
  CHECK_FALSE(contains(legend_all, ">sues<"));
  CHECK(contains(legend_all, ">ended<"));
  CHECK(contains(legend_all, ">pending<"));

  options.labels = {Label::owns};
  const std::string legend_owns = statement(render(graph, options), "legend");
  CHECK(contains(legend_owns, ">owns<"));
  CHECK_FALSE(contains(legend_owns, ">partners<"));
  CHECK_FALSE(contains(legend_owns, ">ended<"));
}

TEST_CASE("node size grows with degree and the focus is highlighted") {
  const Graph graph = sample_graph();
  RenderOptions options = dot_options();
  options.focus = "Tencent";
  options.depth = 2;
  const Selection selection = select_for_render(graph, options);
  const std::string dot = render(graph, options);
  auto key_of = [&](const std::string& name) {
    for (std::size_t i = 0; i < selection.nodes.size(); ++i)
      if (graph.company(selection.nodes[i]).name == name) return "c" + std::to_string(i);
    FAIL("not drawn: " << name);
    return std::string();
  };
  const std::string tencent = statement(dot, key_of("Tencent"));
  const std::string ubisoft = statement(dot, key_of("Ubisoft"));
  CHECK(contains(tencent, "fillcolor=\"#ffd54f\""));
  CHECK_FALSE(contains(ubisoft, "fillcolor"));
  auto font = [](const std::string& s) {
    auto at = s.find("fontsize=");
    return std::stod(s.substr(at + 9));
  };
  CHECK(font(tencent) > font(ubisoft));
}

TEST_CASE("selection: focus and depth, labels, statuses, confidence, max nodes") {
  const Graph graph = sample_graph();
  RenderOptions options;
  options.focus = "tencent";
  CHECK(names_of(graph, select_for_render(graph, options)) ==
        std::vector<std::string>{"Apple", "Sumo", "Tencent", "Ubisoft"});
  options.depth = 2;
  CHECK(names_of(graph, select_for_render(graph, options)).size() == 7);  // not the Post (3 hops)

  RenderOptions labels;
  labels.labels = {Label::owns, Label::invests_in};
  const Selection by_label = select_for_render(graph, labels);
  CHECK(names_of(graph, by_label) ==
        std::vector<std::string>{"Alibaba", "South China Morning Post", "Tencent", "Ubisoft"});
  CHECK(by_label.edges.size() == 2);

  RenderOptions statuses;
  statuses.statuses = {Status::ended, Status::pending};
  CHECK(names_of(graph, select_for_render(graph, statuses)) ==
        std::vector<std::string>{"Apple", "Baidu", "Sumo", "Tencent"});

  RenderOptions confident;
  confident.min_confidence = 0.7;
  const Selection strong = select_for_render(graph, confident);
  for (EdgeId id : strong.edges) CHECK(graph.relation(id).confidence >= 0.7);
  CHECK(strong.edges.size() == 5);

  RenderOptions few;
  few.max_nodes = 2;  // Apple (4 relations), then Tencent (3)
  const Selection top = select_for_render(graph, few);
  CHECK(names_of(graph, top) == std::vector<std::string>{"Apple", "Tencent"});
  CHECK(top.edges.size() == 1);
}

TEST_CASE("an unknown focus is not_found with suggestions") {
  const Graph graph = sample_graph();
  RenderOptions options;
  options.focus = "Tencnet";
  options.source_name = "g.json";
  try {
    (void)select_for_render(graph, options);
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::not_found);
    CHECK(contains(e.message(), "g.json"));
    CHECK(contains(e.message(), "Tencent"));
  }
}

TEST_CASE("hostile names come out as the same text in DOT and SVG") {
  const Graph graph = hostile_graph();
  const auto dir = test::scratch_dir("render-hostile");
  test::write_file(dir / "h.dot", render(graph, dot_options()));
  REQUIRE(run("dot -Tsvg " + test::shell_quote((dir / "h.dot").string()) + " -o " +
              test::shell_quote((dir / "from-dot.svg").string())) == 0);
  check_svg_names(dir / "from-dot.svg", hostile_names);
  RenderOptions svg;
  svg.format = RenderFormat::svg;
  const std::string drawn = render(graph, svg);
  test::write_file(dir / "direct.svg", drawn);
  check_svg_names(dir / "direct.svg", hostile_names);
  CHECK_FALSE(contains(drawn, "<script"));
  CHECK_FALSE(contains(drawn, "<b>"));
  fs::remove_all(dir);
}

TEST_CASE("hostile names cannot break out of the HTML page") {
  const Graph graph = hostile_graph();
  RenderOptions options;
  options.format = RenderFormat::html;
  const std::string page = render(graph, options);
  auto count = [&](const std::string& part) {
    std::size_t n = 0;
    for (auto at = page.find(part); at != std::string::npos; at = page.find(part, at + 1)) ++n;
    return n;
  };
  CHECK(count("<script") == 2);  // the data block and the page's own script
  CHECK(count("</script") == 2);
  CHECK_FALSE(contains(page, "<b>"));
  const auto begin = page.find("<script type=\"application/json\"");
  const auto json_start = page.find('>', begin) + 1;
  const std::string json = page.substr(json_start, page.find("</script>", json_start) - json_start);
  CHECK(json.find('<') == std::string::npos);
  CHECK(json.find('&') == std::string::npos);
  CHECK(contains(json, "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"));
  CHECK(contains(json, "Back\\\\slash\\\\N Corp\\\\"));
  CHECK(contains(json, "Line\\nBreak"));
  CHECK(contains(json, "华为技术"));
  // Self-contained: nothing to fetch (the XML namespaces are names, not requests).
  for (const char* fetch : {"src=", "href=", "url(", "@import"}) CHECK_FALSE(contains(page, fetch));
}

TEST_CASE("the CLI renders every format, atomically") {
  const auto dir = test::scratch_dir("render-cli");
  const fs::path graph = dir / "g.json";
  save_graph(sample_graph(), graph);
  auto out = [&](const std::string& name) { return test::shell_quote((dir / name).string()); };
  const std::string g = test::shell_quote(graph.string());
  for (const char* ext : {"dot", "svg", "png", "pdf", "html"}) {
    INFO(ext);
    auto result = test::run_cli("render " + g + " -o " + out(std::string("g.") + ext));
    REQUIRE(result.status == 0);
    CHECK(result.err.empty());
  }
  CHECK(test::read_file(dir / "g.png").rfind("\x89PNG\r\n\x1a\n", 0) == 0);
  CHECK(test::read_file(dir / "g.pdf").rfind("%PDF", 0) == 0);
  CHECK(contains(test::read_file(dir / "g.svg"), "<svg"));
  CHECK(test::read_file(dir / "g.html").rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(test::read_file(dir / "g.dot").rfind("digraph corpgraph", 0) == 0);
  CHECK(test::read_file(dir / "g.dot") == render(sample_graph(), dot_options()));

  auto forced = test::run_cli("render " + g + " -o " + out("picture.out") + " --format svg" +
                              " --layout neato --focus Apple --relation partners talked-to" +
                              " --status current --min-confidence 0.5 --max-nodes 5" +
                              " --no-edge-labels");
  CHECK(forced.status == 0);
  CHECK(contains(test::read_file(dir / "picture.out"), "<svg"));

  auto no_format = test::run_cli("render " + g + " -o " + out("g.txt"));
  CHECK(no_format.status == exit_code(ErrorKind::usage));
  auto bad_layout = test::run_cli("render " + g + " -o " + out("x.svg") + " --layout spring");
  CHECK(bad_layout.status == exit_code(ErrorKind::usage));
  auto unknown = test::run_cli("render " + g + " -o " + out("x.svg") + " --focus Tencnet");
  CHECK(unknown.status == exit_code(ErrorKind::not_found));
  CHECK(contains(unknown.err, "Tencent"));
  CHECK_FALSE(fs::exists(dir / "x.svg"));
  auto unwritable = test::run_cli("render " + g + " -o " + out("missing/dir/x.svg"));
  CHECK(unwritable.status == exit_code(ErrorKind::io));

  auto to_stdout = test::run_cli("render " + g + " -o - --format dot");
  CHECK(to_stdout.status == 0);
  CHECK(to_stdout.out == render(sample_graph(), dot_options()));
  CHECK(test::run_cli("render " + g + " -o -").status == exit_code(ErrorKind::usage));
  // A device is written into, never renamed over.
  auto device = test::run_cli("render " + g + " -o /dev/stdout --format dot");
  CHECK(device.status == 0);
  CHECK(device.out == to_stdout.out);
  CHECK(fs::is_symlink("/dev/stdout"));

  // A symlink stays a link; the file it points to gets the drawing.
  test::write_file(dir / "real.svg", "old");
  fs::create_symlink("real.svg", dir / "link.svg");
  CHECK(test::run_cli("render " + g + " -o " + out("link.svg")).status == 0);
  CHECK(fs::is_symlink(dir / "link.svg"));
  CHECK(contains(test::read_file(dir / "real.svg"), "<svg"));

  for (const auto& entry : fs::directory_iterator(dir))
    CHECK(entry.path().filename().string().find(".tmp") == std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("renders from several threads are serialised and agree") {
  const Graph graph = sample_graph();
  RenderOptions options;
  options.format = RenderFormat::svg;
  const std::string expected = render(graph, options);
  std::vector<std::string> results(4);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < results.size(); ++i)
    threads.emplace_back([&, i] { results[i] = render(graph, options); });
  for (auto& thread : threads) thread.join();
  for (const auto& result : results) CHECK(result == expected);
}
