// corpgraph's extractor: typed company relations, with evidence, from raw news text.
#pragma once

#include <corpgraph/model.hpp>

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace corpgraph {

// One input document and its text (UTF-8 after reading; the extractor repairs invalid bytes).
struct Article {
  Document doc;
  std::string text;
};

struct ExtractOptions {
  std::vector<std::string> lexicon_files;  // extra lexicons on top of the built-in one
  double min_confidence = 0.0;             // relations below it are dropped
};

class Extractor {
 public:
  explicit Extractor(ExtractOptions options = {});
  ~Extractor();
  Extractor(Extractor&&) noexcept;
  Extractor& operator=(Extractor&&) noexcept;

  // The relations the article states, in the order their sentences appear. Each relation's
  // evidence has the article's doc id, the sentence text and its byte offsets in article.text.
  // Safe to call from several threads at once.
  [[nodiscard]] std::vector<Relation> extract(const Article& article) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Runs extract over a stream of articles on `threads` threads and hands each article's relations
// to sink in input order (so the output is the same for any thread count). next returns
// std::nullopt at the end of input. Memory stays bounded: at most a few articles per thread are
// in flight.
void extract_stream(const Extractor& extractor, const std::function<std::optional<Article>()>& next,
                    const std::function<void(const Article&, std::vector<Relation>&&)>& sink,
                    unsigned threads = 1);

}  // namespace corpgraph
