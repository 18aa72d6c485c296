// Graphs written by other tools: GraphML (a hand-written XML reader that must refuse DTDs) and
// node-link JSON. CORPGRAPH_FUZZ_FORMAT names the ImportFormat.
#include "fuzz_support.hpp"

#include <corpgraph/exchange.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace corpgraph;
  static const bool once = (fuzz::small_limits(), true);
  (void)once;
  auto path = fuzz::write_scratch(data, size, CORPGRAPH_FUZZ_EXT);
  return fuzz::expect_only_corpgraph_errors([&] {
    Graph graph = import_graph(path, ImportFormat::CORPGRAPH_FUZZ_FORMAT);
    for (NodeId n = 0; n < graph.company_count(); ++n) (void)graph.company(n);
  });
}
