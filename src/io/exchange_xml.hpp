// Internal to io: a small XML 1.0 reader for GraphML. It builds a tree, reports file:line:col on
// malformed input and refuses DTDs outright, so entity expansion (billion laughs) and external
// entities cannot happen.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace corpgraph::detail {

struct XmlElement {
  std::string name;  // as written, prefix included ("y:ShapeNode")
  std::vector<std::pair<std::string, std::string>> attributes;
  std::vector<XmlElement> children;
  std::string text;  // character data directly inside, entities decoded
  std::size_t line = 0;
  std::size_t column = 0;

  [[nodiscard]] std::string_view local_name() const;
  [[nodiscard]] const std::string* attribute(std::string_view attribute_name) const;
};

// Error(bad_input) at file:line:col when text is not well-formed or declares a DOCTYPE.
[[nodiscard]] XmlElement parse_xml(std::string_view text, const std::filesystem::path& file);

}  // namespace corpgraph::detail
