// The text pipeline and the extractor on arbitrary bytes: UTF-8 repair, sentence splitting,
// company matching and every relation pattern. Evidence offsets must stay inside the text.
#include "fuzz_support.hpp"

#include <corpgraph/extract.hpp>

#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace corpgraph;
  static const Extractor extractor = [] {
    fuzz::small_limits();
    return Extractor{};
  }();
  return fuzz::expect_only_corpgraph_errors([&] {
    Article article;
    article.doc.id = "fuzz";
    article.text.assign(reinterpret_cast<const char*>(data), size);
    for (const Relation& relation : extractor.extract(article)) {
      for (const Evidence& evidence : relation.evidence) {
        if (evidence.start > evidence.end || evidence.end > article.text.size()) __builtin_trap();
        if (evidence.confidence < 0.0 || evidence.confidence > 1.0) __builtin_trap();
      }
      if (relation.source.name.empty() || relation.target.name.empty()) __builtin_trap();
    }
  });
}
