#include <corpgraph/error.hpp>
#include <corpgraph/io.hpp>
#include <corpgraph/limits.hpp>

#include "io/file_util.hpp"
#include "io/snapshot.hpp"
#include "graph_compare.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

#include <csignal>
#include <cstdlib>
#include <sys/resource.h>
#include <unistd.h>

using namespace corpgraph;
namespace fs = std::filesystem;

namespace {

// CORPGRAPH_UPDATE_GOLDEN=1 rewrites the .expected files from what the code does now; review the
// diff before committing it.
bool update_golden() { return std::getenv("CORPGRAPH_UPDATE_GOLDEN") != nullptr; }

std::vector<fs::path> files_in(const fs::path& dir) {
  std::vector<fs::path> out;
  for (const auto& entry : fs::directory_iterator(dir))
    if (entry.is_regular_file() && entry.path().extension() != ".expected")
      out.push_back(entry.path());
  std::sort(out.begin(), out.end());
  return out;
}

fs::path expected_of(const fs::path& file) {
  fs::path p = file;
  p += ".expected";
  return p;
}

// The error text without the path prefix: "LINE:COL: message".
template <typename F>
std::string error_of(const fs::path& file, F&& load) {
  try {
    load(file);
  } catch (const Error& e) {
    std::string what = e.what();
    std::string prefix = file.string() + ":";
    if (what.rfind(prefix, 0) == 0) return what.substr(prefix.size()) + "\n";
    return "(does not start with the file name) " + what + "\n";
  }
  return "(no error)\n";
}

std::string dump(const std::vector<Relation>& relations) {
  std::ostringstream out;
  for (const Relation& r : relations) {
    out << r.source.name << " | " << to_string(r.label) << " | " << r.target.name << " | "
        << to_string(r.status) << " | " << r.confidence;
    for (const auto& a : r.source.aliases) out << " | source alias " << a;
    for (const Evidence& e : r.evidence)
      out << " | evidence " << e.doc << " [" << e.start << "," << e.end << ") " << e.sentence;
    out << "\n";
  }
  return out.str();
}

void check_golden(const fs::path& file, const std::string& actual) {
  const fs::path expected = expected_of(file);
  if (update_golden()) test::write_file(expected, actual);
  INFO("golden file " << expected.string());
  REQUIRE(fs::exists(expected));
  CHECK(actual == test::read_file(expected));
}

Graph founding_graph() {
  Graph g = [] {
    Graph out;
    for (const Relation& r : read_relations(test::samples_dir / "relations" / "founding.jsonl"))
      out.add_relation(r);
    return out;
  }();
  g.add_company(Company{"Apple", {"Apple Inc.", "AAPL"}, CompanyKind::company});
  g.add_company(Company{"Tencent", {}, CompanyKind::fund});
  g.add_company(Company{"South China Morning Post", {}, CompanyKind::media});
  g.add_document(Document{"founding-article", "Apple's AI partners in China", "2025-02-12",
                          "https://example.com/a", {{"section", "\"tech\""}, {"tags", "[\"ai\",1]"}}});
  Relation r;
  r.source.name = "Apple";
  r.target.name = "Alibaba";
  r.label = Label::partners;
  Evidence e;
  e.doc = "founding-article";
  e.sentence = "Apple teamed up with \"Alibaba\"\n\tand\\or 中文.";
  e.start = 120;
  e.end = 180;
  e.confidence = 0.3;
  e.pattern = "teamed-up";
  r.evidence.push_back(e);
  g.add_relation(r);
  return g;
}

}  // namespace

TEST_CASE("a saved graph loads back as the same graph and saves to the same bytes") {
  auto dir = test::scratch_dir("io-roundtrip");
  const Graph g = founding_graph();
  save_graph(g, dir / "a.json");
  const Graph back = load_graph(dir / "a.json");
  CHECK(back.company_count() == g.company_count());
  CHECK(back.relation_count() == g.relation_count());
  CHECK(back.document_count() == 1);
  REQUIRE(back.find("aapl"));
  CHECK(back.company(*back.find("aapl")).aliases == g.company(*g.find("Apple")).aliases);
  for (NodeId n = 0; n < g.company_count(); ++n)
    CHECK(back.company(*back.find(g.company(n).name)) == g.company(n));
  for (EdgeId e = 0; e < g.relation_count(); ++e) {
    const Edge& x = g.relation(e);
    auto found = back.find_relation(*back.find(g.company(x.source).name),
                                    *back.find(g.company(x.target).name), x.label);
    REQUIRE(found);
    const Edge& y = back.relation(*found);
    CHECK(y.status == x.status);
    CHECK(y.confidence == x.confidence);
    CHECK(y.evidence == x.evidence);
  }
  CHECK(*back.document("founding-article") == *g.document("founding-article"));
  save_graph(back, dir / "b.json");
  CHECK(test::read_file(dir / "a.json") == test::read_file(dir / "b.json"));
  // Nothing is left beside the files and their sidecars.
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir)) ++files;
  CHECK(files == 4);
  fs::remove_all(dir);
}

TEST_CASE("the graph file starts with its format and version") {
  auto dir = test::scratch_dir("io-header");
  save_graph(founding_graph(), dir / "g.json");
  CHECK(test::read_file(dir / "g.json").rfind("{\"format\":\"corpgraph\",\"version\":1,", 0) == 0);
  fs::remove_all(dir);
}

TEST_CASE("good graph files load") {
  for (const fs::path& file : files_in(test::data_dir / "graph_files" / "good")) {
    INFO(file.string());
    CHECK_NOTHROW(load_graph(file));
  }
}

TEST_CASE("every bad graph file fails with file:line:col and what was expected") {
  const auto files = files_in(test::data_dir / "graph_files" / "bad");
  REQUIRE(files.size() >= 10);
  for (const fs::path& file : files) {
    INFO(file.string());
    try {
      (void)load_graph(file);
      FAIL("loaded without an error");
    } catch (const Error& e) {
      CHECK(e.kind() == ErrorKind::bad_input);
      REQUIRE(e.where());
      CHECK(e.where()->line > 0);
      CHECK(e.where()->column > 0);
      CHECK(std::string(e.what()).find('\n') == std::string::npos);
    }
    check_golden(file, error_of(file, [](const fs::path& f) { (void)load_graph(f); }));
  }
}

TEST_CASE("deep nesting is a limit error, not a stack overflow") {
  auto dir = test::scratch_dir("io-deep");
  std::string deep = "{\"format\":\"corpgraph\",\"version\":1,\"documents\":[{\"id\":\"d\",\"extra\":{\"x\":";
  deep += std::string(100000, '[') + std::string(100000, ']') + "}}]}";
  test::write_file(dir / "deep.json", deep);
  try {
    (void)load_graph(dir / "deep.json");
    FAIL("loaded");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::limit);
    CHECK(e.where()->line == 1);
  }
  fs::remove_all(dir);
}

TEST_CASE("a graph file over the size limit is refused") {
  auto dir = test::scratch_dir("io-limit");
  save_graph(founding_graph(), dir / "g.json");
  const auto saved = limits();
  limits().max_graph_file_bytes = 100;
  CHECK_THROWS_MATCHES(load_graph(dir / "g.json"), Error,
                       Catch::Predicate<Error>([](const Error& e) { return e.kind() == ErrorKind::limit; }));
  limits() = saved;
  fs::remove_all(dir);
}

TEST_CASE("a missing graph file is an i/o error naming it") {
  try {
    (void)load_graph("/nonexistent/graph.json");
    FAIL("loaded");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::io);
    CHECK(std::string(e.what()).find("/nonexistent/graph.json") == 0);
  }
}

TEST_CASE("a failed save leaves the old file and no temporary file") {
  auto dir = test::scratch_dir("io-atomic");
  const fs::path target = dir / "g.json";
  save_graph(founding_graph(), target);
  const std::string before = test::read_file(target);
  Graph bigger = founding_graph();
  for (int i = 0; i < 2000; ++i) {
    Relation r;
    r.source.name = "Company " + std::to_string(i);
    r.target.name = "Company " + std::to_string(i + 1);
    r.label = Label::supplies;
    bigger.add_relation(r);
  }

  SECTION("the write fails half way (file size limit)") {
    // EFBIG instead of SIGXFSZ, then a ceiling far below the graph's size.
    auto old_handler = std::signal(SIGXFSZ, SIG_IGN);
    rlimit old_limit{};
    getrlimit(RLIMIT_FSIZE, &old_limit);
    rlimit low = old_limit;
    low.rlim_cur = 4096;
    setrlimit(RLIMIT_FSIZE, &low);
    bool threw = false;
    try {
      save_graph(bigger, target);
    } catch (const Error& e) {
      threw = e.kind() == ErrorKind::io;
    }
    setrlimit(RLIMIT_FSIZE, &old_limit);
    std::signal(SIGXFSZ, old_handler);
    CHECK(threw);
  }
  SECTION("the folder is read-only") {
    if (::geteuid() == 0) {
      // root writes into read-only folders; a folder in the way of the rename fails for everyone.
      fs::path blocked = dir / "blocked.json";
      fs::create_directories(blocked / "inside");
      CHECK_THROWS_AS(save_graph(bigger, blocked), Error);
      CHECK(fs::is_directory(blocked / "inside"));
    } else {
      fs::permissions(dir, fs::perms::owner_read | fs::perms::owner_exec);
      CHECK_THROWS_AS(save_graph(bigger, target), Error);
      fs::permissions(dir, fs::perms::owner_all);
    }
  }
  CHECK(test::read_file(target) == before);
  CHECK(detail::load_snapshot(target));  // the old sidecar, still in step with the old file
  for (const auto& entry : fs::directory_iterator(dir))
    CHECK(entry.path().filename().string().find(".tmp.") == std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("relation files read the same in every syntax (golden files)") {
  for (const fs::path& file : files_in(test::data_dir / "relations" / "good")) {
    INFO(file.string());
    std::vector<Relation> relations;
    REQUIRE_NOTHROW(relations = read_relations(file));
    CHECK_FALSE(relations.empty());
    check_golden(file, dump(relations));
  }
}

TEST_CASE("every bad relation file fails naming file and line (golden files)") {
  const auto files = files_in(test::data_dir / "relations" / "bad");
  REQUIRE(files.size() >= 8);
  for (const fs::path& file : files) {
    INFO(file.string());
    try {
      (void)read_relations(file);
      FAIL("read without an error");
    } catch (const Error& e) {
      CHECK(e.kind() == ErrorKind::bad_input);
      REQUIRE(e.where());
      CHECK(e.where()->line > 0);
    }
    check_golden(file, error_of(file, [](const fs::path& f) { (void)read_relations(f); }));
  }
}

TEST_CASE("the founding sample has the ten relations of relations.md") {
  auto relations = read_relations(test::samples_dir / "relations" / "founding.jsonl");
  REQUIRE(relations.size() == 10);
  CHECK(relations[0].source.name == "Apple");
  CHECK(relations[0].label == Label::partners);
  CHECK(relations[0].target.name == "Alibaba");
  CHECK(relations[4].label == Label::former_deal);
  CHECK(relations[4].status == Status::ended);
}

TEST_CASE("a record longer than max_line_bytes is a limit error") {
  auto dir = test::scratch_dir("io-line");
  test::write_file(dir / "r.csv", "source,relation,target\nApple,partners," + std::string(500, 'x') + "\n");
  const auto saved = limits();
  limits().max_line_bytes = 100;
  CHECK_THROWS_MATCHES(read_relations(dir / "r.csv"), Error,
                       Catch::Predicate<Error>([](const Error& e) { return e.kind() == ErrorKind::limit; }));
  limits() = saved;
  fs::remove_all(dir);
}

TEST_CASE("ingest dispatches graph files, relation files and folders") {
  auto dir = test::scratch_dir("io-ingest");
  save_graph(founding_graph(), dir / "in" / "saved.json");
  test::write_file(dir / "in" / "more" / "extra.csv", "source,relation,target\nBaidu,sues,Xiaomi\n");
  test::write_file(dir / "in" / "notes.md", "not an input");
  Graph g;
  IngestStats stats = ingest(g, {dir / "in"}, nullptr);
  CHECK(stats.files == 2);
  CHECK(stats.relations_read == 11);
  CHECK(stats.relations_new == 11);
  CHECK(stats.documents == 1);
  CHECK(g.document("founding-article") != nullptr);
  IngestStats again = ingest(g, {dir / "in" / "more" / "extra.csv"}, nullptr);
  CHECK(again.relations_read == 1);
  CHECK(again.relations_new == 0);
  CHECK(again.evidence_new == 0);
  CHECK_THROWS_AS(ingest(g, {dir / "nothing-here"}, nullptr), Error);
  fs::remove_all(dir);
}

// ------------------------------------------------------------------ CLI: build and add

TEST_CASE("corpgraph build makes a graph of the founding relations") {
  auto dir = test::scratch_dir("cli-build");
  const std::string graph = (dir / "g.json").string();
  auto r = test::run_cli("build " + test::shell_quote((test::samples_dir / "relations" / "founding.jsonl").string()) +
                         " -o " + test::shell_quote(graph));
  INFO(r.err);
  REQUIRE(r.status == 0);
  CHECK(r.err.find("1 file, 0 documents, 10 relations read; 10 new edges, 10 new evidence") !=
        std::string::npos);
  const Graph g = load_graph(graph);
  CHECK(g.relation_count() == 10);
  auto apple = g.find("apple"), alibaba = g.find("Alibaba"), baidu = g.find("Baidu");
  REQUIRE(apple);
  REQUIRE(alibaba);
  REQUIRE(baidu);
  CHECK(g.find_relation(*alibaba, *apple, Label::partners));
  CHECK(g.relation(*g.find_relation(*apple, *baidu, Label::former_deal)).status == Status::ended);
  fs::remove_all(dir);
}

TEST_CASE("corpgraph add twice adds nothing the second time and says so") {
  auto dir = test::scratch_dir("cli-add");
  const std::string graph = test::shell_quote((dir / "g.json").string());
  const std::string input = test::shell_quote((test::samples_dir / "relations" / "founding.jsonl").string());
  auto first = test::run_cli("add " + graph + " " + input);
  INFO(first.err);
  REQUIRE(first.status == 0);
  CHECK(first.err.find("10 new edges") != std::string::npos);
  const std::string bytes = test::read_file(dir / "g.json");
  auto second = test::run_cli("add " + graph + " " + input);
  INFO(second.err);
  REQUIRE(second.status == 0);
  CHECK(second.err.find("0 new edges, 0 new evidence (nothing new)") != std::string::npos);
  CHECK(test::read_file(dir / "g.json") == bytes);
  // More relations from standard input join the same graph.
  auto third = test::run_cli("add " + graph + " -", "source,relation,target\nApple,sues,Xiaomi\n");
  INFO(third.err);
  REQUIRE(third.status == 0);
  CHECK(load_graph(dir / "g.json").relation_count() == 11);
  fs::remove_all(dir);
}

TEST_CASE("corpgraph build reports bad input with file:line and exit code 3") {
  auto dir = test::scratch_dir("cli-bad");
  const fs::path bad = test::data_dir / "relations" / "bad" / "unknown_label.csv";
  auto r = test::run_cli("build " + test::shell_quote(bad.string()) + " -o " +
                         test::shell_quote((dir / "g.json").string()));
  CHECK(r.status == 3);
  CHECK(r.err.find(bad.string() + ":3:") != std::string::npos);
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
  CHECK_FALSE(fs::exists(dir / "g.json"));
  auto missing = test::run_cli("build /nonexistent/x.csv -o " + test::shell_quote((dir / "g.json").string()));
  CHECK(missing.status == 4);
  auto usage = test::run_cli("build -o " + test::shell_quote((dir / "g.json").string()));
  CHECK(usage.status == 2);
  fs::remove_all(dir);
}

TEST_CASE("corpgraph add gives up with exit code 7 when the graph stays locked") {
  auto dir = test::scratch_dir("cli-lock");
  const std::string graph = (dir / "g.json").string();
  // flock(1) holds the lock in a shell while add waits a short time for it.
  auto r = test::run_cli("--version");
  REQUIRE(r.status == 0);
  const std::string command =
      "flock " + test::shell_quote(graph + ".lock") + " sh -c " +
      test::shell_quote(test::shell_quote(CORPGRAPH_BIN) + " add " + test::shell_quote(graph) + " " +
                        test::shell_quote((test::samples_dir / "relations" / "founding.jsonl").string()) +
                        " --wait 0.2 2>" + test::shell_quote((dir / "err").string()) +
                        "; echo $? >" + test::shell_quote((dir / "status").string()));
  REQUIRE(std::system(command.c_str()) == 0);
  CHECK(test::read_file(dir / "status") == "7\n");
  CHECK(test::read_file(dir / "err").find(graph + ".lock") != std::string::npos);
  fs::remove_all(dir);
}

namespace {

Graph from_json(const fs::path& file) { return detail::parse_graph(file, test::read_file(file)); }

// A graph file of some size, with a sidecar.
Graph larger_graph() {
  Graph g = founding_graph();
  for (int i = 0; i < 3000; ++i) {
    Relation r;
    r.source.name = "Company " + std::to_string(i);
    r.target.name = "Company " + std::to_string((i * 7 + 3) % 3000);
    r.label = all_labels[static_cast<std::size_t>(i) % all_labels.size()];
    r.evidence.push_back(Evidence{"doc" + std::to_string(i % 50), "Sentence " + std::to_string(i),
                                  static_cast<std::uint64_t>(i), static_cast<std::uint64_t>(i + 9),
                                  0.5, "p"});
    g.add_relation(r);
  }
  return g;
}

}  // namespace

TEST_CASE("save_graph writes a sidecar that loads to the same graph as the JSON") {
  auto dir = test::scratch_dir("io-sidecar");
  const fs::path file = dir / "g.json";
  const Graph g = larger_graph();
  save_graph(g, file);
  REQUIRE(fs::exists(detail::snapshot_path(file)));
  CHECK(detail::snapshot_path(file) == dir / "g.json.cgb");
  std::optional<Graph> fast = detail::load_snapshot(file);
  REQUIRE(fast);
  const Graph slow = from_json(file);
  test::require_same_graph(*fast, slow);
  test::require_same_graph(load_graph(file), slow);
  // Saving the graph read back writes the same bytes: the JSON whole, the sidecar's payload
  // (its header holds the JSON file's modification time and inode).
  save_graph(*fast, dir / "again.json");
  CHECK(test::read_file(file) == test::read_file(dir / "again.json"));
  const std::string one = test::read_file(detail::snapshot_path(file));
  const std::string two = test::read_file(detail::snapshot_path(dir / "again.json"));
  REQUIRE(one.size() > 64);
  CHECK(one.substr(64) == two.substr(64));
  for (const auto& entry : fs::directory_iterator(dir))
    CHECK(entry.path().filename().string().find(".tmp.") == std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("a sidecar out of step with its JSON is ignored") {
  auto dir = test::scratch_dir("io-sidecar-stale");
  const fs::path file = dir / "g.json";
  const fs::path sidecar = detail::snapshot_path(file);
  save_graph(larger_graph(), file);
  REQUIRE(detail::load_snapshot(file));

  SECTION("the JSON edited in place after the save, same size") {
    std::string text = test::read_file(file);
    const auto at = text.find("Company 1234");
    REQUIRE(at != std::string::npos);
    text[at + 8] = '9';  // "Company 9234" everywhere it is named
    {
      std::fstream out(file, std::ios::in | std::ios::out | std::ios::binary);
      out.write(text.data(), static_cast<std::streamsize>(text.size()));
    }
    CHECK_FALSE(detail::load_snapshot(file));
    const Graph g = load_graph(file);
    CHECK(g.find("Company 9234"));
    CHECK(g.company_count() == from_json(file).company_count());
  }
  SECTION("another graph's sidecar put beside it") {
    const fs::path other = dir / "other.json";
    save_graph(founding_graph(), other);
    fs::copy_file(detail::snapshot_path(other), sidecar, fs::copy_options::overwrite_existing);
    CHECK_FALSE(detail::load_snapshot(file));
    CHECK(load_graph(file).relation_count() == larger_graph().relation_count());
  }
  SECTION("an older sidecar of the same file") {
    const std::string old = test::read_file(sidecar);
    Graph changed = larger_graph();
    Relation r;
    r.source.name = "Newco";
    r.target.name = "Apple";
    r.label = Label::sues;
    changed.add_relation(r);
    save_graph(changed, file);
    test::write_file(sidecar, old);
    CHECK_FALSE(detail::load_snapshot(file));
    CHECK(load_graph(file).find("Newco"));
  }
  SECTION("a JSON file without sidecar loads from the JSON") {
    fs::remove(sidecar);
    CHECK_FALSE(detail::load_snapshot(file));
    test::require_same_graph(load_graph(file), from_json(file));
  }
  fs::remove_all(dir);
}

TEST_CASE("a truncated or damaged sidecar falls back to the JSON") {
  auto dir = test::scratch_dir("io-sidecar-damaged");
  const fs::path file = dir / "g.json";
  const fs::path sidecar = detail::snapshot_path(file);
  save_graph(larger_graph(), file);
  const std::string good = test::read_file(sidecar);
  const Graph expected = from_json(file);
  std::vector<std::string> variants;
  for (std::size_t size : {std::size_t{0}, std::size_t{10}, std::size_t{63}, std::size_t{64},
                           std::size_t{200}, good.size() / 2, good.size() - 1})
    variants.push_back(good.substr(0, size));
  variants.push_back(good + "x");
  for (std::size_t at : {std::size_t{0}, std::size_t{9}, std::size_t{17}, std::size_t{33},
                         std::size_t{41}, std::size_t{49}, std::size_t{57}, std::size_t{64},
                         std::size_t{100}, good.size() / 3, good.size() / 2, good.size() - 1}) {
    std::string damaged = good;
    damaged[at] = static_cast<char>(damaged[at] ^ 0x10);
    variants.push_back(damaged);
  }
  for (std::size_t i = 0; i < variants.size(); ++i) {
    INFO("variant " << i);
    test::write_file(sidecar, variants[i]);
    CHECK_FALSE(detail::load_snapshot(file));
    test::require_same_graph(load_graph(file), expected);
  }
  fs::remove_all(dir);
}
