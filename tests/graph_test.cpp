#include <corpgraph/graph.hpp>
#include <corpgraph/io.hpp>

#include "graph/snapshot_codec.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstring>
#include <memory>
#include <numeric>
#include <random>

using namespace corpgraph;

namespace {

Relation rel(const std::string& source, Label label, const std::string& target,
             std::vector<Evidence> evidence = {}, Status status = Status::current) {
  Relation r;
  r.source.name = source;
  r.target.name = target;
  r.label = label;
  r.status = status;
  r.evidence = std::move(evidence);
  return r;
}

Evidence ev(const std::string& doc, const std::string& sentence, std::uint64_t start,
            double confidence, const std::string& pattern = "p") {
  Evidence e;
  e.doc = doc;
  e.sentence = sentence;
  e.start = start;
  e.end = start + sentence.size();
  e.confidence = confidence;
  e.pattern = pattern;
  return e;
}

std::string saved_bytes(const Graph& graph, const std::string& name) {
  auto dir = test::scratch_dir(name);
  save_graph(graph, dir / "g.json");
  std::string bytes = test::read_file(dir / "g.json");
  std::filesystem::remove_all(dir);
  return bytes;
}

}  // namespace

TEST_CASE("the same relation twice is one edge with its evidence joined") {
  Graph g;
  auto a = g.add_relation(rel("Apple", Label::acquired, "Beats", {ev("d1", "Apple bought Beats.", 0, 0.5)},
                              Status::pending));
  auto b = g.add_relation(rel("Apple", Label::acquired, "Beats",
                              {ev("d1", "Apple bought Beats.", 0, 0.5), ev("d2", "Apple owns Beats now.", 10, 0.8)},
                              Status::current));
  REQUIRE(a);
  REQUIRE(b);
  CHECK(*a == *b);
  CHECK(g.relation_count() == 1);
  const Edge& e = g.relation(*a);
  REQUIRE(e.evidence.size() == 2);
  CHECK(e.evidence[0].doc == "d1");
  CHECK(e.evidence[1].doc == "d2");
  CHECK(e.confidence == Approx(combine_confidence(e.evidence)));
  CHECK(e.confidence == Approx(0.9));
  CHECK(e.status == merge_status(Status::pending, Status::current));
}

TEST_CASE("a duplicate evidence item keeps the higher confidence") {
  Graph g;
  g.add_relation(rel("A", Label::sues, "B", {ev("d", "A sued B.", 0, 0.4, "weak")}));
  g.add_relation(rel("A", Label::sues, "B", {ev("d", "A sued B.", 0, 0.7, "strong")}));
  const Edge& e = g.relation(0);
  REQUIRE(e.evidence.size() == 1);
  CHECK(e.evidence[0].confidence == 0.7);
  CHECK(e.evidence[0].pattern == "strong");
}

TEST_CASE("symmetric labels are stored once per pair whichever way they arrive") {
  Graph g;
  g.add_relation(rel("Tencent", Label::partners, "Apple", {ev("d1", "s1", 0, 0.5)}));
  g.add_relation(rel("apple", Label::partners, "TENCENT", {ev("d2", "s2", 0, 0.5)}));
  REQUIRE(g.relation_count() == 1);
  const Edge& e = g.relation(0);
  CHECK(g.company(e.source).name == "Apple");  // the name that sorts first ignoring case
  CHECK(g.company(e.target).name == "TENCENT");
  CHECK(e.evidence.size() == 2);
  auto apple = g.find("apple"), tencent = g.find("tencent");
  REQUIRE(apple);
  REQUIRE(tencent);
  CHECK(g.find_relation(*tencent, *apple, Label::partners) == std::optional<EdgeId>(0));
  CHECK(g.find_relation(*apple, *tencent, Label::partners) == std::optional<EdgeId>(0));

  // A directed label both ways is two edges.
  g.add_relation(rel("Apple", Label::supplies, "Tencent"));
  g.add_relation(rel("Tencent", Label::supplies, "Apple"));
  CHECK(g.relation_count() == 3);
  CHECK(g.relations_between(*apple, *tencent).size() == 3);
  CHECK(g.out_relations(*apple).size() == 2);
  CHECK(g.in_relations(*apple).size() == 1);
}

TEST_CASE("a relation of a company with itself is ignored") {
  Graph g;
  CHECK_FALSE(g.add_relation(rel("Apple", Label::partners, "APPLE")).has_value());
  CHECK(g.relation_count() == 0);
}

TEST_CASE("names resolve case-insensitively through aliases") {
  Graph g;
  g.add_company(Company{"Alibaba", {"Alibaba Group Holding", "BABA"}, CompanyKind::company});
  g.add_company(Company{"Baidu", {"BIDU"}, CompanyKind::company});
  g.add_company(Company{"Banco Alibaba", {"baba"}, CompanyKind::bank});
  CHECK(g.find("alibaba group holding") == g.find("Alibaba"));
  CHECK(g.find("ALIBABA").has_value());
  CHECK(g.find("bidu") == g.find("Baidu"));
  CHECK_FALSE(g.find("Nobody").has_value());
  // "BABA" is an alias of two companies: ambiguous, and resolve says which.
  CHECK_FALSE(g.find("Baba").has_value());
  CHECK(g.resolve("baba").size() == 2);
  // A canonical-name match wins over aliases.
  g.add_company(Company{"Tencent", {"Baidu"}, CompanyKind::company});
  CHECK(g.find("baidu") == std::optional<NodeId>(1));
  CHECK(g.resolve("baidu").front() == 1);
}

TEST_CASE("two spellings of one name become name and alias, in either order") {
  Graph a, b;
  a.add_company(Company{"Apple", {}, CompanyKind::company});
  a.add_company(Company{"APPLE", {}, CompanyKind::company});
  b.add_company(Company{"APPLE", {}, CompanyKind::company});
  b.add_company(Company{"Apple", {}, CompanyKind::company});
  REQUIRE(a.company_count() == 1);
  CHECK(a.company(0) == b.company(0));
  CHECK(a.company(0).name == "APPLE");
  CHECK(a.company(0).aliases == std::vector<std::string>{"Apple"});
}

TEST_CASE("a company's kind survives relations that name it without one") {
  Graph g;
  g.add_company(Company{"HSBC", {}, CompanyKind::bank});
  g.add_relation(rel("HSBC", Label::invests_in, "Apple"));
  g.add_relation(rel("Apple", Label::sues, "HSBC"));
  CHECK(g.company(*g.find("HSBC")).kind == CompanyKind::bank);
  Graph other;
  other.add_relation(rel("Apple", Label::sues, "HSBC"));
  other.merge(g);
  CHECK(other.company(*other.find("HSBC")).kind == CompanyKind::bank);
}

TEST_CASE("suggest gives the closest names") {
  Graph g;
  for (const char* name : {"Apple", "Alibaba", "Baidu", "ByteDance", "Tencent", "Xiaomi"})
    g.add_company(Company{name, {}, CompanyKind::company});
  auto s = g.suggest("Appel");
  REQUIRE_FALSE(s.empty());
  CHECK(s.front() == "Apple");
  CHECK(g.suggest("bytedanse", 1) == std::vector<std::string>{"ByteDance"});
  CHECK(g.suggest("tenc").front() == "Tencent");
  CHECK(g.suggest("x", 10).size() == 6);
}

TEST_CASE("documents with the same id merge field by field, order-independently") {
  Graph a, b;
  Document d1{"doc", "Title", "", "", {{"k", "1"}}};
  Document d2{"doc", "", "2026-01-01", "http://x", {{"j", "\"v\""}, {"k", "0"}}};
  a.add_document(d1);
  a.add_document(d2);
  b.add_document(d2);
  b.add_document(d1);
  REQUIRE(a.document("doc"));
  CHECK(*a.document("doc") == *b.document("doc"));
  CHECK(a.document("doc")->title == "Title");
  CHECK(a.document("doc")->date == "2026-01-01");
  CHECK(a.document_count() == 1);
  CHECK(a.document("other") == nullptr);
}

TEST_CASE("merge is order-independent (randomised property test)") {
  const std::vector<std::string> names{"Apple", "apple", "APPLE", "Alibaba", "Baidu", "baidu",
                                       "Tencent", "ByteDance", "TikTok", "Huawei"};
  std::mt19937 rng(20261125);
  for (int round = 0; round < 40; ++round) {
    std::vector<Relation> all;
    std::vector<Company> companies;
    std::vector<Document> documents;
    const int n = 5 + static_cast<int>(rng() % 40);
    for (int i = 0; i < n; ++i) {
      Relation r = rel(names[rng() % names.size()], all_labels[rng() % all_labels.size()],
                       names[rng() % names.size()], {}, all_statuses[rng() % 3]);
      r.confidence = (rng() % 10) / 10.0;
      const int pieces = static_cast<int>(rng() % 3);
      for (int k = 0; k < pieces; ++k)
        r.evidence.push_back(ev("d" + std::to_string(rng() % 3), "s" + std::to_string(rng() % 3),
                                rng() % 2, (1 + rng() % 9) / 10.0, "p" + std::to_string(rng() % 2)));
      if (rng() % 4 == 0) r.source.aliases.push_back(names[rng() % names.size()] + " Inc.");
      r.source.kind = static_cast<CompanyKind>(rng() % 5);
      all.push_back(r);
    }
    for (int i = 0; i < 3; ++i)
      documents.push_back(Document{"d" + std::to_string(rng() % 3),
                                   rng() % 2 ? "T" + std::to_string(rng() % 3) : "", "", "",
                                   {{"x", std::to_string(rng() % 3)}}});
    companies.push_back(Company{names[rng() % names.size()], {"Alias" + std::to_string(rng() % 2)},
                                CompanyKind::fund});

    // The same relations split and shuffled three ways must give one file.
    std::shuffle(all.begin(), all.end(), rng);
    const std::size_t cut = rng() % (all.size() + 1);
    Graph a, b, whole;
    for (std::size_t i = 0; i < all.size(); ++i) (i < cut ? a : b).add_relation(all[i]);
    a.add_company(companies[0]);
    for (const auto& d : documents) b.add_document(d);
    std::shuffle(all.begin(), all.end(), rng);
    for (const auto& r : all) whole.add_relation(r);
    whole.add_company(companies[0]);
    for (auto it = documents.rbegin(); it != documents.rend(); ++it) whole.add_document(*it);

    Graph ab = a, ba = b;
    ab.merge(b);
    ba.merge(a);
    const std::string bytes = saved_bytes(ab, "merge-ab");
    INFO("round " << round);
    CHECK(bytes == saved_bytes(ba, "merge-ba"));
    CHECK(bytes == saved_bytes(whole, "merge-whole"));
    // Merging a graph into itself changes nothing.
    Graph twice = ab;
    twice.merge(ab);
    CHECK(bytes == saved_bytes(twice, "merge-twice"));
  }
}

TEST_CASE("copies are independent") {
  Graph a;
  a.add_relation(rel("A", Label::owns, "B"));
  Graph b = a;
  b.add_relation(rel("B", Label::owns, "C"));
  CHECK(a.relation_count() == 1);
  CHECK(b.relation_count() == 2);
  Graph c = std::move(b);
  CHECK(c.company_count() == 3);
}

namespace {

// A graph with aliases, kinds, several evidence items per edge, documents with extras.
Graph snapshot_sample() {
  Graph g;
  g.add_relation(rel("Apple", Label::partners, "Alibaba",
                     {ev("d1", "Apple teamed up with Alibaba.", 10, 0.9, "teamed-up"),
                      ev("d2", "Alibaba and Apple partner.", 0, 0.5)}));
  g.add_relation(rel("Tencent", Label::talked_to, "Apple", {ev("d1", "Apple talked to Tencent.", 50, 0.7)}));
  g.add_relation(rel("Baidu", Label::former_deal, "Apple", {}, Status::ended));
  g.add_relation(rel("Apple", Label::owns, "Beats", {ev("", "", 0, 1.0, "")}, Status::pending));
  g.add_company(Company{"Apple", {"AAPL", "Apple Inc."}, CompanyKind::company});
  g.add_company(Company{"Tencent", {"Tencent Holdings", "TCEHY"}, CompanyKind::fund});
  g.add_company(Company{"Tencent Music", {"TCEHY"}, CompanyKind::media});
  g.add_document(Document{"d1", "Title", "2025-02-12", "https://e.com", {{"k", "\"v\""}}});
  g.add_document(Document{"d2", "", "", "", {}});
  return g;
}

std::string payload_of(const Graph& g) {
  std::vector<NodeId> nodes(g.company_count());
  std::iota(nodes.begin(), nodes.end(), NodeId{0});
  std::vector<EdgeId> edges(g.relation_count());
  std::iota(edges.begin(), edges.end(), EdgeId{0});
  std::string out;
  detail::encode_snapshot(g, nodes, edges, out);
  return out;
}

std::optional<Graph> decode(const std::string& payload) {
  auto owner = std::make_shared<std::string>(payload);
  return detail::decode_snapshot(owner, reinterpret_cast<const unsigned char*>(owner->data()),
                                 owner->size());
}

}  // namespace

TEST_CASE("a graph decoded from its snapshot payload is the same graph") {
  const Graph g = snapshot_sample();
  const std::string payload = payload_of(g);
  CHECK(payload.size() % 8 == 0);
  CHECK(payload == payload_of(g));  // deterministic
  std::optional<Graph> back = decode(payload);
  REQUIRE(back);
  REQUIRE(back->company_count() == g.company_count());
  REQUIRE(back->relation_count() == g.relation_count());
  for (NodeId n = 0; n < g.company_count(); ++n) CHECK(back->company(n) == g.company(n));
  for (EdgeId e = 0; e < g.relation_count(); ++e) {
    const Edge& x = g.relation(e);
    const Edge& y = back->relation(e);
    CHECK(std::tie(x.source, x.target, x.label, x.status, x.confidence) ==
          std::tie(y.source, y.target, y.label, y.status, y.confidence));
    CHECK(x.evidence == y.evidence);
    CHECK(back->out_relations(x.source) == g.out_relations(x.source));
    CHECK(back->in_relations(x.target) == g.in_relations(x.target));
  }
  CHECK(back->document_count() == 2);
  CHECK(*back->document("d1") == *g.document("d1"));
  // Lookups answer alike before the name index exists (scans) and after (hash).
  const std::vector<std::string> names{"apple", "AAPL", "tcehy", "Tencent", "nobody", "beats",
                                       "Tencent Holdings", "ALIBABA"};
  for (int round = 0; round < 3; ++round)
    for (const std::string& name : names) {
      INFO(name << " round " << round);
      CHECK(back->resolve(name) == g.resolve(name));
      CHECK(back->find(name) == g.find(name));
    }
  CHECK(saved_bytes(*back, "snapshot-same") == saved_bytes(g, "snapshot-original"));
}

TEST_CASE("a graph decoded from a snapshot changes like any other") {
  const Graph g = snapshot_sample();
  std::optional<Graph> back = decode(payload_of(g));
  REQUIRE(back);
  Graph copy = *back;  // before any evidence was built
  const auto apple = back->find("Apple");
  const auto alibaba = back->find("Alibaba");
  REQUIRE(apple);
  REQUIRE(alibaba);
  REQUIRE(back->find_relation(*apple, *alibaba, Label::partners));
  back->add_relation(rel("alibaba", Label::partners, "apple", {ev("d3", "New.", 5, 0.5)}));
  const Edge& edge = back->relation(*back->find_relation(*alibaba, *apple, Label::partners));
  CHECK(edge.evidence.size() == 3);
  back->add_company(Company{"apple", {"Apple Computer"}, CompanyKind::company});
  CHECK(back->find("apple computer") == apple);
  CHECK(back->relation_count() == g.relation_count());
  const auto added = back->add_relation(rel("Beats", Label::supplies, "Apple"));
  CHECK(back->relation_count() == g.relation_count() + 1);
  REQUIRE(added);
  CHECK(back->relation(*added).evidence.size() == 1);
  Graph copy_after = *back;
  CHECK(copy_after.relation(*added).evidence.size() == 1);
  CHECK(saved_bytes(copy_after, "snapshot-copy-after") == saved_bytes(*back, "snapshot-back"));
  // The copy kept the state it was copied in.
  CHECK(copy.relation(*copy.find_relation(*apple, *alibaba, Label::partners)).evidence.size() == 2);
  CHECK(saved_bytes(copy, "snapshot-copy") == saved_bytes(g, "snapshot-copy-original"));
  Graph merged;
  merged.merge(copy);
  CHECK(saved_bytes(merged, "snapshot-merged") == saved_bytes(g, "snapshot-merged-original"));
}

TEST_CASE("a damaged snapshot payload is refused or decoded within bounds, never a crash") {
  const std::string payload = payload_of(snapshot_sample());
  auto exercise = [](const Graph& graph) {
    for (EdgeId e = 0; e < graph.relation_count(); ++e) (void)graph.relation(e).evidence.size();
    (void)graph.find("apple");
    (void)graph.documents();
  };
  for (std::size_t size = 0; size < payload.size(); ++size) {
    std::optional<Graph> cut = decode(payload.substr(0, size));
    CHECK_FALSE(cut);
  }
  std::mt19937 rng(4);
  for (std::size_t at = 0; at < payload.size(); ++at)
    for (unsigned char value : {std::uint8_t{0xFF}, std::uint8_t{0x00},
                                static_cast<std::uint8_t>(payload[at] ^ (1u << (rng() % 8)))}) {
      std::string damaged = payload;
      damaged[at] = static_cast<char>(value);
      if (std::optional<Graph> graph = decode(damaged)) exercise(*graph);
    }
  CHECK_FALSE(decode(payload + std::string(8, '\0')));
}
