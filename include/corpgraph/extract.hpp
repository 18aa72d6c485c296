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

// One unit of work for run_ordered: run() goes on a worker thread (parse, extract, format: the
// heavy part); the caller sees the finished job again, in input order, on its own thread.
class StreamJob {
 public:
  virtual ~StreamJob() = default;
  virtual void run() = 0;
};

// The ordered parallel map under extract_stream, for callers that want reading alone on the
// calling thread: next returns the next job (nullptr at the end of input), done gets each job
// after run(), in the order next returned them. At most a few jobs per thread are in flight, so
// memory stays bounded. An exception from run() is rethrown from run_ordered at that job's turn.
void run_ordered(const std::function<std::unique_ptr<StreamJob>()>& next,
                 const std::function<void(StreamJob&)>& done, unsigned threads = 1);

}  // namespace corpgraph
