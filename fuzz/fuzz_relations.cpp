// Relation files (JSON array, JSON lines, CSV, TSV; CORPGRAPH_FUZZ_EXT picks the reader), then
// into a graph, which must accept whatever the reader accepted.
#include "fuzz_support.hpp"

#include <corpgraph/graph.hpp>
#include <corpgraph/io.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace corpgraph;
  static const bool once = (fuzz::small_limits(), true);
  (void)once;
  auto path = fuzz::write_scratch(data, size, CORPGRAPH_FUZZ_EXT);
  return fuzz::expect_only_corpgraph_errors([&] {
    Graph graph;
    for (const Relation& relation : read_relations(path)) graph.add_relation(relation);
  });
}
