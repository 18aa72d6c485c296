// corpgraph's own graph file: a graph that loads must save and load again to the same counts.
#include "fuzz_support.hpp"

#include <corpgraph/io.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace corpgraph;
  static const bool once = (fuzz::small_limits(), true);
  (void)once;
  auto path = fuzz::write_scratch(data, size, ".json");
  return fuzz::expect_only_corpgraph_errors([&] {
    Graph graph = load_graph(path);
    auto again_path = path;
    again_path += ".again.json";
    save_graph(graph, again_path);
    Graph again = load_graph(again_path);
    if (again.company_count() != graph.company_count() ||
        again.relation_count() != graph.relation_count() ||
        again.document_count() != graph.document_count())
      __builtin_trap();
  });
}
