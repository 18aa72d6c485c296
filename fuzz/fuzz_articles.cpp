// The JSON-lines article reader: one article a line, metadata fields, extra fields kept.
#include "fuzz_support.hpp"

#include <corpgraph/articles.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace corpgraph;
  static const bool once = (fuzz::small_limits(), true);
  (void)once;
  auto path = fuzz::write_scratch(data, size, ".jsonl");
  return fuzz::expect_only_corpgraph_errors([&] {
    ArticleReader reader({path});
    // A bad line may be skipped and reported; keep reading until the reader says it is done.
    for (int guard = 0; guard < 100000; ++guard) {
      try {
        if (!reader.next()) break;
      } catch (const Error& e) {
        if (e.kind() == ErrorKind::internal) __builtin_trap();
        break;
      }
    }
  });
}
