// The executable as a user meets it: the bad-input table (tests/data/bad/cases.tsv), the limit
// options, fuzz regressions replayed through the real commands, and hostile names that must come
// out inert in every output format.
#include "support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <map>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;
using corpgraph::test::data_dir;
using corpgraph::test::read_file;
using corpgraph::test::run_cli;
using corpgraph::test::samples_dir;
using corpgraph::test::scratch_dir;
using corpgraph::test::shell_quote;
using corpgraph::test::write_file;

namespace {

struct Case {
  std::size_t line = 0;
  std::string name;
  std::string command;
  int exit = 0;
  std::string pattern;
};

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::string part;
  std::istringstream in(text);
  while (std::getline(in, part, separator)) parts.push_back(part);
  if (!text.empty() && text.back() == separator) parts.emplace_back();
  return parts;
}

std::vector<Case> read_cases(const fs::path& file) {
  std::vector<Case> cases;
  std::istringstream in(read_file(file));
  std::string line;
  std::size_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty() || line[0] == '#') continue;
    auto fields = split(line, '\t');
    INFO(file.string() << ":" << number << ": " << line);
    REQUIRE(fields.size() == 4);
    cases.push_back({number, fields[0], fields[1], std::stoi(fields[2]), fields[3]});
  }
  return cases;
}

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

// '*' matches any run of characters; everything else matches itself. Whole-string match.
bool glob_match(const std::string& pattern, const std::string& text) {
  std::size_t p = 0, t = 0, star = std::string::npos, mark = 0;
  while (t < text.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      mark = t;
    } else if (p < pattern.size() && pattern[p] == text[t]) {
      ++p;
      ++t;
    } else if (star != std::string::npos) {
      p = star + 1;
      t = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

std::string first_line(const std::string& text) { return text.substr(0, text.find('\n')); }

// Every file under dir with its bytes: a failing command must leave this unchanged. GRAPH.lock
// is the exception: `add` creates it to lock the graph and leaves it (it holds no data).
std::map<std::string, std::string> snapshot(const fs::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(dir))
    if (entry.path().extension() != ".lock")
      files[fs::relative(entry.path(), dir).string()] =
        entry.is_regular_file() ? read_file(entry.path()) : std::string("<dir>");
  return files;
}

// Words of a command line with placeholders filled in, each quoted for the shell.
std::string expand_command(const std::string& command, const std::map<std::string, std::string>& vars) {
  std::string args;
  for (const auto& word : split(command, ' ')) {
    if (word.empty()) continue;
    std::string expanded = word;
    for (const auto& [key, value] : vars) expanded = replace_all(expanded, key, value);
    args += shell_quote(expanded) + ' ';
  }
  return args;
}

// A valid graph to run the output and query cases against.
void build_sample_graph(const fs::path& out) {
  auto r = run_cli("build " + shell_quote((samples_dir / "relations" / "founding.jsonl").string()) +
                   " -o " + shell_quote(out.string()));
  INFO(r.err);
  REQUIRE(r.status == 0);
}

// What any run of corpgraph must satisfy, whatever the input: no crash, no sanitizer report, no
// internal error, and a failure explains itself in one line that starts with "corpgraph: ".
void check_well_behaved(const corpgraph::test::RunResult& r) {
  CHECK(r.status < 128);  // 128+N: killed by signal N (a crash, an abort from a sanitizer)
  CHECK(r.status != 70);
  CHECK(r.err.find("internal error") == std::string::npos);
  CHECK(r.err.find("Sanitizer") == std::string::npos);
  CHECK(r.err.find("runtime error:") == std::string::npos);
  if (r.status != 0 && r.status != 1) {
    CHECK_FALSE(r.err.empty());
    CHECK(r.err.rfind("corpgraph: ", 0) == 0);
  }
}

}  // namespace

TEST_CASE("glob patterns of the bad-input table", "[cli]") {
  CHECK(glob_match("corpgraph: a.json:*", "corpgraph: a.json:1:2: expected x"));
  CHECK(glob_match("*x*", "axb"));
  CHECK(glob_match("abc", "abc"));
  CHECK_FALSE(glob_match("abc", "abcd"));
  CHECK_FALSE(glob_match("a*c", "abd"));
  CHECK(glob_match("", ""));
}

TEST_CASE("bad-input table: every broken input fails cleanly with its documented exit code",
          "[cli][bad-input]") {
  const fs::path bad = data_dir / "bad";
  auto cases = read_cases(bad / "cases.tsv");
  REQUIRE(cases.size() >= 40);
  for (const Case& c : cases) {
    auto tmp = scratch_dir("bad-" + c.name);
    std::map<std::string, std::string> vars{
        {"{data}", bad.string()}, {"{graph}", (tmp / "graph.json").string()},
        {"{tmp}", tmp.string()}};
    if (c.command.find("{graph}") != std::string::npos) build_sample_graph(tmp / "graph.json");
    auto before = snapshot(tmp);
    auto r = run_cli(expand_command(c.command, vars));
    std::string pattern = c.pattern;
    for (const auto& [key, value] : vars) pattern = replace_all(pattern, key, value);
    INFO("case " << c.name << " (cases.tsv:" << c.line << "): corpgraph " << c.command);
    INFO("exit " << r.status << ", stderr:\n" << r.err);
    CHECK(r.status == c.exit);
    check_well_behaved(r);
    if (!pattern.empty()) CHECK(glob_match(pattern, first_line(r.err)));
    if (r.status != 0) CHECK(snapshot(tmp) == before);  // no partial output, no temp file left
    if (r.status == 0 && fs::exists(tmp / "out.json")) {
      // What corpgraph accepted and wrote, it must read back: a graph saved with bytes its own
      // loader refuses would be work lost at the next `add`.
      auto back = run_cli("stats " + shell_quote((tmp / "out.json").string()));
      INFO("stats of the output: exit " << back.status << ", " << back.err);
      CHECK(back.status == 0);
    }
    fs::remove_all(tmp);
  }
}

TEST_CASE("the bad-input table covers what the issue lists", "[cli][bad-input]") {
  auto cases = read_cases(data_dir / "bad" / "cases.tsv");
  auto has = [&](const std::string& name) {
    return std::any_of(cases.begin(), cases.end(), [&](const Case& c) { return c.name == name; });
  };
  for (const char* name :
       {"graph_truncated_top", "graph_truncated_evidence", "graph_wrong_version",
        "graph_version_huge", "graph_nul_byte", "graph_invalid_utf8", "graph_deep_nesting",
        "rel_csv_unbalanced_quote", "graphml_entity_bomb", "graph_empty", "graph_binary",
        "rel_jsonl_not_json", "graph_missing", "graph_unreadable", "build_out_missing_folder",
        "build_out_under_file"})
    CHECK(has(name));
}

TEST_CASE("limits: each ceiling stops a hostile input with exit 5 and names the file",
          "[cli][limits]") {
  auto dir = scratch_dir("limits");
  SECTION("--max-document-bytes: one huge article") {
    auto article = dir / "huge.txt";
    std::string text;
    text.reserve(3u << 20);
    while (text.size() < (3u << 20)) text += "Apple Inc. said it will partner with Alibaba. ";
    write_file(article, text);
    auto r = run_cli("--max-document-bytes 1mb extract " + shell_quote(article.string()));
    INFO(r.err);
    CHECK(r.status == 5);
    CHECK(first_line(r.err).find(article.string()) != std::string::npos);
    CHECK(r.out.empty());
    check_well_behaved(r);
  }
  SECTION("--max-line-bytes: a CSV line with no end") {
    auto csv = dir / "endless.csv";
    write_file(csv, "source,relation,target\nApple,partners," + std::string(3u << 20, 'A'));
    auto r = run_cli("--max-line-bytes 1mb build " + shell_quote(csv.string()) + " -o " +
                     shell_quote((dir / "g.json").string()));
    INFO(r.err);
    CHECK(r.status == 5);
    CHECK(first_line(r.err).find(csv.string()) != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "g.json"));
    check_well_behaved(r);
  }
  SECTION("--max-line-bytes: a JSON-lines article file with no newline") {
    auto jsonl = dir / "endless.jsonl";
    write_file(jsonl, "{\"id\":\"x\",\"text\":\"" + std::string(3u << 20, 'a'));
    auto r = run_cli("--max-line-bytes 1mb extract " + shell_quote(jsonl.string()));
    INFO(r.err);
    CHECK(r.status == 5);
    CHECK(first_line(r.err).find(jsonl.string()) != std::string::npos);
    check_well_behaved(r);
  }
  SECTION("--max-graph-bytes: a graph file over the ceiling is refused before it is parsed") {
    auto graph = dir / "g.json";
    build_sample_graph(graph);
    auto r = run_cli("--max-graph-bytes 64b stats " + shell_quote(graph.string()));
    INFO(r.err);
    CHECK(r.status == 5);
    CHECK(first_line(r.err).find(graph.string()) != std::string::npos);
    check_well_behaved(r);
    // The same file under the default ceiling loads: the limit, not the file, refused it.
    CHECK(run_cli("stats " + shell_quote(graph.string())).status == 0);
  }
  SECTION("--max-json-depth: deep nesting is a limit, never a stack overflow") {
    auto deep = dir / "deep.json";
    write_file(deep, "[{\"source\": \"A\", \"relation\": \"partners\", \"target\": \"B\", "
                     "\"notes\": " + std::string(1000000, '[') + std::string(1000000, ']') + "}]");
    auto r = run_cli("build " + shell_quote(deep.string()) + " -o " +
                     shell_quote((dir / "g.json").string()));
    INFO(r.err);
    CHECK(r.status == 5);
    CHECK(first_line(r.err).find(deep.string()) != std::string::npos);
    check_well_behaved(r);
  }
  SECTION("limit options may follow the subcommand") {
    auto graph = dir / "g.json";
    build_sample_graph(graph);
    auto r = run_cli("stats " + shell_quote(graph.string()) + " --max-graph-bytes 64b");
    INFO(r.err);
    CHECK(r.status == 5);
  }
  fs::remove_all(dir);
}

TEST_CASE("fuzz regressions replay through the real commands", "[cli][fuzz]") {
  // tools/fuzz.sh leaves each crashing input for a target; copied here they run for ever after.
  const fs::path root = data_dir / "fuzz-regressions";
  struct Replay {
    const char* target;
    const char* extension;
    const char* command;  // {in} is the input, {tmp} a scratch folder
  };
  const Replay replays[] = {
      {"extract", ".txt", "extract {in}"},
      {"articles", ".jsonl", "extract {in}"},
      {"graph_file", ".json", "stats {in}"},
      {"relations_json", ".json", "build {in} -o {tmp}/g.json"},
      {"relations_jsonl", ".jsonl", "build {in} -o {tmp}/g.json"},
      {"relations_csv", ".csv", "build {in} -o {tmp}/g.json"},
      {"relations_tsv", ".tsv", "build {in} -o {tmp}/g.json"},
      {"import_graphml", ".graphml", "build {in} -o {tmp}/g.json"},
      {"import_node_link", ".json", "build {in} -o {tmp}/g.json"},
  };
  std::size_t replayed = 0;
  for (const Replay& replay : replays) {
    auto folder = root / replay.target;
    if (!fs::is_directory(folder)) continue;
    for (const auto& entry : fs::directory_iterator(folder)) {
      if (!entry.is_regular_file() || entry.path().filename().string().rfind('.', 0) == 0)
        continue;
      auto tmp = scratch_dir("fuzz-replay");
      auto input = tmp / (std::string("input") + replay.extension);
      fs::copy_file(entry.path(), input);
      std::string command = replace_all(replay.command, "{in}", input.string());
      command = replace_all(command, "{tmp}", tmp.string());
      auto r = run_cli(expand_command(command, {}));
      INFO(replay.target << ": " << entry.path().string() << "\nexit " << r.status << "\n"
                         << r.err);
      check_well_behaved(r);
      CHECK((r.status == 0 || r.status == 1 || r.status == 3 || r.status == 4 || r.status == 5));
      fs::remove_all(tmp);
      ++replayed;
    }
  }
  WARN("fuzz regression inputs replayed: " << replayed);
}

TEST_CASE("injection: hostile names and sentences come out inert in every format",
          "[cli][injection]") {
  auto dir = scratch_dir("injection");
  // Each name tries to break out of one format; the sentences carry the same payloads.
  const std::vector<std::string> names = {
      "Evil \"Quote\" Corp",                              // quotes everywhere
      "<script>alert(1)</script> Labs",                   // SVG, HTML
      "Back\\slash \\N Ltd",                              // DOT escapes, JSON, Turtle
      "=HYPERLINK(\"http://evil\",\"click\")",            // CSV formula
      "+SUM(A1) Partners",                                // CSV formula
      "@cmd Holdings",                                    // CSV formula
      "x\"]; evil [label=\"pwned",                        // DOT statement
      "Evil' }) DETACH DELETE n //",                      // Cypher string
      "Lit\" ; <http://evil/s> <http://evil/p> \"x",      // Turtle literal
      "]]></data></node><node id=\"evil\"/><data>",       // GraphML/GEXF XML
      "Amp &amp; &lt;Co&gt; &#x41;",                      // XML entities as text
      "\xc5\xa0koda \xe6\xa0\xaa\xe5\xbc\x8f\xe4\xbc\x9a\xe7\xa4\xbe",  // non-Latin scripts
  };
  std::string jsonl;
  auto json_string = [](const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    return out + "\"";
  };
  for (const auto& name : names)
    jsonl += "{\"source\": " + json_string(name) +
             ", \"relation\": \"partners\", \"target\": \"Apple\", \"doc\": \"d1\", "
             "\"sentence\": " +
             json_string(name + " partners with Apple. </script><script>alert(2)</script>") +
             "}\n";
  write_file(dir / "hostile.jsonl", jsonl);
  std::string names_json = "[";
  for (const auto& name : names) names_json += json_string(name) + ",";
  names_json.back() = ']';
  write_file(dir / "names.json", names_json);
  auto graph = dir / "hostile.json";
  {
    auto r = run_cli("build " + shell_quote((dir / "hostile.jsonl").string()) + " -o " +
                     shell_quote(graph.string()));
    INFO(r.err);
    REQUIRE(r.status == 0);
  }
  // The graph file itself keeps every name exactly.
  {
    auto r = run_cli("find " + shell_quote(graph.string()) + " '*' --json");
    INFO(r.err);
    CHECK(r.status == 0);
  }
  auto check = [&](const std::string& format, const fs::path& file) {
    std::string command = "/usr/bin/python3 " +
                          shell_quote((data_dir / "bad" / "check_injection.py").string()) + " " +
                          format + " " + shell_quote(file.string()) + " " +
                          shell_quote((dir / "names.json").string()) + " 2>&1";
    std::string output;
    int raw = -1;
    if (FILE* pipe = popen(command.c_str(), "r")) {
      char buffer[4096];
      while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) output.append(buffer, n);
      raw = pclose(pipe);
    }
    int status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    if (status == 77) {
      WARN(format << ": skipped (the Python parser it needs is missing)");
      return;
    }
    INFO(format << ": " << output);
    CHECK(status == 0);
  };
  SECTION("DOT") {
    auto out = dir / "g.dot";
    auto r = run_cli("render " + shell_quote(graph.string()) + " -o " + shell_quote(out.string()));
    INFO(r.err);
    REQUIRE(r.status == 0);
    check("dot", out);
    // Graphviz itself must read it back as the same nodes: no statement escaped a string.
    auto parsed = std::system(("dot -Tsvg " + shell_quote(out.string()) + " -o /dev/null").c_str());
    CHECK(parsed == 0);
    std::string gvpr = "gvpr 'N[$.name==\"evil\"]{print($.name)}' " + shell_quote(out.string()) +
                       " > " + shell_quote((dir / "evil.txt").string()) + " 2>/dev/null";
    if (std::system(gvpr.c_str()) == 0) CHECK(read_file(dir / "evil.txt").empty());
  }
  SECTION("SVG") {
    auto out = dir / "g.svg";
    auto r = run_cli("render " + shell_quote(graph.string()) + " -o " + shell_quote(out.string()));
    INFO(r.err);
    REQUIRE(r.status == 0);
    check("svg", out);
  }
  SECTION("HTML") {
    auto out = dir / "g.html";
    auto r = run_cli("render " + shell_quote(graph.string()) + " -o " + shell_quote(out.string()));
    INFO(r.err);
    REQUIRE(r.status == 0);
    check("html", out);
  }
  for (const char* format : {"csv", "cypher", "turtle", "graphml", "gexf"}) {
    DYNAMIC_SECTION("export " << format) {
      auto out = dir / (std::string("g.") + format);
      auto r = run_cli("export " + shell_quote(graph.string()) + " --format " + format + " -o " +
                       shell_quote(out.string()));
      INFO(r.err);
      REQUIRE(r.status == 0);
      check(format, out);
    }
  }
  fs::remove_all(dir);
}

TEST_CASE("unwritable outputs: a path under a regular file fails even for root", "[cli]") {
  // Permission bits do not stop root (CI runs as root), a path through a file does.
  auto dir = scratch_dir("unwritable");
  auto graph = dir / "g.json";
  build_sample_graph(graph);
  auto before = read_file(graph);
  auto r = run_cli("add " + shell_quote((graph / "nested.json").string()) + " " +
                   shell_quote((samples_dir / "relations" / "founding.jsonl").string()));
  INFO(r.err);
  CHECK(r.status == 4);
  check_well_behaved(r);
  CHECK(read_file(graph) == before);
  if (::geteuid() != 0) {
    // As an ordinary user a read-only folder is the natural case; it must fail the same way.
    auto ro = dir / "ro";
    fs::create_directories(ro);
    fs::permissions(ro, fs::perms::owner_read | fs::perms::owner_exec);
    auto r2 = run_cli("build " + shell_quote((samples_dir / "relations" / "founding.jsonl").string()) +
                      " -o " + shell_quote((ro / "g.json").string()));
    CHECK(r2.status == 4);
    check_well_behaved(r2);
    fs::permissions(ro, fs::perms::owner_all);
  }
  fs::remove_all(dir);
}
