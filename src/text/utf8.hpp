// UTF-8 decoding shared by the text module's files.
#pragma once

#include <corpgraph/text.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace corpgraph::detail {

struct Decoded {
  char32_t cp;
  std::uint8_t length;  // bytes consumed: 1 for an invalid byte
  bool valid;
};

[[nodiscard]] Decoded decode_utf8(std::string_view text, std::size_t i) noexcept;
using ::corpgraph::append_utf8;  // public in corpgraph/text.hpp
// The ASCII character a typographic quote, dash or space stands for; 0 for anything else.
[[nodiscard]] char ascii_form(char32_t cp) noexcept;

}  // namespace corpgraph::detail
