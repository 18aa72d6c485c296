// Placeholder until the extractor lands: finds nothing.
#include <corpgraph/extract.hpp>

namespace corpgraph {

struct Extractor::Impl {
  ExtractOptions options;
};

Extractor::Extractor(ExtractOptions options) : impl_(std::make_unique<Impl>(Impl{std::move(options)})) {}
Extractor::~Extractor() = default;
Extractor::Extractor(Extractor&&) noexcept = default;
Extractor& Extractor::operator=(Extractor&&) noexcept = default;

std::vector<Relation> Extractor::extract(const Article&) const { return {}; }

void extract_stream(const Extractor& extractor, const std::function<std::optional<Article>()>& next,
                    const std::function<void(const Article&, std::vector<Relation>&&)>& sink,
                    unsigned) {
  while (auto article = next()) sink(*article, extractor.extract(*article));
}

}  // namespace corpgraph
