#include <corpgraph/limits.hpp>

namespace corpgraph {

Limits& limits() noexcept {
  static Limits value;
  return value;
}

}  // namespace corpgraph
