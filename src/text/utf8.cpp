#include "utf8.hpp"

#include <corpgraph/text.hpp>

#include <cstring>

namespace corpgraph {

namespace detail {

Decoded decode_utf8(std::string_view text, std::size_t i) noexcept {
  const auto b0 = static_cast<unsigned char>(text[i]);
  if (b0 < 0x80) return {b0, 1, true};
  std::size_t length = 0;
  char32_t cp = 0;
  char32_t min = 0;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    length = 2, cp = b0 & 0x1F, min = 0x80;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    length = 3, cp = b0 & 0x0F, min = 0x800;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    length = 4, cp = b0 & 0x07, min = 0x10000;
  } else {
    return {0xFFFD, 1, false};
  }
  if (i + length > text.size()) return {0xFFFD, 1, false};
  for (std::size_t k = 1; k < length; ++k) {
    const auto b = static_cast<unsigned char>(text[i + k]);
    if ((b & 0xC0) != 0x80) return {0xFFFD, 1, false};
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return {0xFFFD, 1, false};
  return {cp, static_cast<std::uint8_t>(length), true};
}


char ascii_form(char32_t cp) noexcept {
  switch (cp) {
    case 0x2018: case 0x2019: case 0x201A: case 0x2032: return '\'';
    case 0x201C: case 0x201D: case 0x201E: case 0x00AB: case 0x00BB: return '"';
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
      return '-';
    case 0x00A0: case 0x2002: case 0x2003: case 0x2009: case 0x200A: case 0x202F: case 0x3000:
      return ' ';
    default: return 0;
  }
}

}  // namespace detail

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

bool is_valid_utf8(std::string_view text) noexcept {
  for (std::size_t i = 0; i < text.size();) {
    // Eight ASCII bytes at a time: most text is ASCII.
    if (i + 8 <= text.size()) {
      std::uint64_t w;
      std::memcpy(&w, text.data() + i, 8);
      if ((w & 0x8080808080808080ull) == 0) {
        i += 8;
        continue;
      }
    }
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    const auto d = detail::decode_utf8(text, i);
    if (!d.valid) return false;
    i += d.length;
  }
  return true;
}

std::string repair_utf8(std::string_view text) {
  if (is_valid_utf8(text)) return std::string(text);
  std::string out;
  out.reserve(text.size() + 16);
  for (std::size_t i = 0; i < text.size();) {
    const auto d = detail::decode_utf8(text, i);
    if (d.valid) out.append(text.substr(i, d.length));
    else out += "\xEF\xBF\xBD";
    i += d.length;
  }
  return out;
}

NormalisedText normalise(std::string_view text) {
  NormalisedText out;
  out.text.reserve(text.size());
  out.offsets.reserve(text.size() + 1);
  for (std::size_t i = 0; i < text.size();) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      // A run of ASCII is copied as it is, each byte its own offset.
      std::size_t j = i + 1;
      while (j < text.size() && static_cast<unsigned char>(text[j]) < 0x80) ++j;
      out.text.append(text.data() + i, j - i);
      for (std::size_t k = i; k < j; ++k) out.offsets.push_back(static_cast<std::uint32_t>(k));
      i = j;
      continue;
    }
    const auto d = detail::decode_utf8(text, i);
    const auto at = static_cast<std::uint32_t>(i);
    if (!d.valid) {
      out.text += "\xEF\xBF\xBD";
      out.offsets.insert(out.offsets.end(), 3, at);
    } else if (d.length > 1 && detail::ascii_form(d.cp) != 0) {
      out.text += detail::ascii_form(d.cp);
      out.offsets.push_back(at);
    } else {
      out.text.append(text.substr(i, d.length));
      for (std::size_t k = 0; k < d.length; ++k) out.offsets.push_back(at + static_cast<std::uint32_t>(k));
    }
    i += d.length;
  }
  out.offsets.push_back(static_cast<std::uint32_t>(text.size()));
  return out;
}

std::string normalise_collapsed(std::string_view text) {
  // Most names are printable ASCII with single spaces inside: already what this returns.
  bool plain = !text.empty() && text.front() != ' ' && text.back() != ' ';
  for (std::size_t i = 0; i < text.size() && plain; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    plain = (c > 0x20 && c < 0x80) || (c == ' ' && text[i - 1] != ' ');
  }
  if (plain) return std::string(text);
  // Written through a pointer into a buffer of the largest size it can take (an invalid byte
  // becomes three), then copied once: names are short, and short strings need no allocation.
  char small[192];
  std::string large;
  char* const base = text.size() * 3 <= sizeof small ? small : (large.resize(text.size() * 3), large.data());
  char* p = base;
  bool space = false;
  auto put = [&](char c) {
    if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
      space = true;
      return;
    }
    if (space && p != base) *p++ = ' ';
    space = false;
    *p++ = c;
  };
  for (std::size_t i = 0; i < text.size();) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      put(text[i++]);
      continue;
    }
    const auto d = detail::decode_utf8(text, i);
    if (!d.valid) {
      put('\xEF'), put('\xBF'), put('\xBD');
    } else if (d.length > 1 && detail::ascii_form(d.cp) != 0) {
      put(detail::ascii_form(d.cp));
    } else {
      for (std::size_t k = 0; k < d.length; ++k) put(text[i + k]);
    }
    i += d.length;
  }
  return std::string(base, p);
}

}  // namespace corpgraph
