// The XML reader behind GraphML import. Deliberately small: elements, attributes, character data,
// CDATA, comments, processing instructions and the five predefined entities plus character
// references. No DTD at all: a file that declares one is refused before anything is expanded.
#include "exchange_xml.hpp"

#include <corpgraph/text.hpp>
#include <corpgraph/error.hpp>

namespace corpgraph::detail {
namespace {

constexpr std::size_t max_depth = 256;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool is_name_char(char c) {
  unsigned char u = static_cast<unsigned char>(c);
  return u >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         c == '_' || c == ':' || c == '-' || c == '.';
}


class Parser {
 public:
  Parser(std::string_view text, const std::filesystem::path& file) : text_(text), file_(file) {}

  XmlElement document() {
    if (starts_with("\xEF\xBB\xBF")) advance(3);
    misc();
    if (at_end() || peek() != '<') fail("expected the root element");
    XmlElement root = element(0);
    misc();
    if (!at_end()) fail("expected nothing after the root element");
    return root;
  }

 private:
  std::string_view text_;
  const std::filesystem::path& file_;
  std::size_t pos_ = 0;
  std::size_t line_ = 1;
  std::size_t column_ = 1;

  [[noreturn]] void fail(const std::string& what) const { fail_at(line_, column_, what); }
  [[noreturn]] void fail_at(std::size_t line, std::size_t column, const std::string& what) const {
    throw Error(ErrorKind::bad_input, SourceLocation{file_.string(), line, column}, what);
  }

  bool at_end() const { return pos_ >= text_.size(); }
  char peek() const { return text_[pos_]; }
  bool starts_with(std::string_view s) const { return text_.substr(pos_).starts_with(s); }
  void advance(std::size_t n = 1) {
    for (std::size_t i = 0; i < n && pos_ < text_.size(); ++i, ++pos_) {
      if (text_[pos_] == '\n') {
        ++line_;
        column_ = 1;
      } else {
        ++column_;
      }
    }
  }
  void skip_space() {
    while (!at_end() && is_space(peek())) advance();
  }
  void expect(std::string_view s) {
    if (!starts_with(s)) fail("expected '" + std::string(s) + "'");
    advance(s.size());
  }
  // Skips to just past terminator; an unterminated construct is reported where it began.
  std::string_view until(std::string_view terminator, std::size_t line, std::size_t column,
                         const char* what) {
    std::size_t end = text_.find(terminator, pos_);
    if (end == std::string_view::npos) fail_at(line, column, std::string("unterminated ") + what);
    std::string_view inside = text_.substr(pos_, end - pos_);
    advance(end - pos_ + terminator.size());
    return inside;
  }

  // Comments, processing instructions and whitespace outside the root; a DOCTYPE is refused.
  void misc() {
    while (true) {
      skip_space();
      if (at_end()) return;
      std::size_t line = line_, column = column_;
      if (starts_with("<!--")) {
        advance(4);
        until("-->", line, column, "comment");
      } else if (starts_with("<?")) {
        advance(2);
        until("?>", line, column, "processing instruction");
      } else if (starts_with("<!")) {
        fail("DOCTYPE and entity declarations are refused (they allow entity expansion attacks)");
      } else {
        return;
      }
    }
  }

  std::string name() {
    std::size_t start = pos_;
    if (at_end() || !is_name_char(peek()) || peek() == '-' || peek() == '.' ||
        (peek() >= '0' && peek() <= '9'))
      fail("expected a name");
    while (!at_end() && is_name_char(peek())) advance();
    return std::string(text_.substr(start, pos_ - start));
  }

  // At '&': appends what the reference stands for.
  void reference(std::string& out) {
    std::size_t line = line_, column = column_;
    std::size_t end = text_.find(';', pos_);
    if (end == std::string_view::npos || end - pos_ > 12)
      fail_at(line, column, "expected an entity or character reference ending in ';'");
    std::string_view ref = text_.substr(pos_ + 1, end - pos_ - 1);
    if (ref == "lt") out += '<';
    else if (ref == "gt") out += '>';
    else if (ref == "amp") out += '&';
    else if (ref == "quot") out += '"';
    else if (ref == "apos") out += '\'';
    else if (ref.starts_with("#")) {
      std::uint32_t cp = 0;
      bool hex = ref.size() > 1 && ref[1] == 'x';
      std::string_view digits = ref.substr(hex ? 2 : 1);
      if (digits.empty()) fail_at(line, column, "expected digits in the character reference");
      for (char c : digits) {
        int v = -1;
        if (c >= '0' && c <= '9') v = c - '0';
        else if (hex && c >= 'a' && c <= 'f') v = c - 'a' + 10;
        else if (hex && c >= 'A' && c <= 'F') v = c - 'A' + 10;
        if (v < 0) fail_at(line, column, "expected digits in the character reference");
        cp = cp * (hex ? 16 : 10) + static_cast<std::uint32_t>(v);
        if (cp > 0x10FFFF) break;
      }
      bool allowed = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
                     (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
      if (!allowed) fail_at(line, column, "character reference to a character XML does not allow");
      append_utf8(out, cp);
    } else {
      fail_at(line, column, "undefined entity '&" + std::string(ref) + ";' (only the five XML "
                            "entities are known; DTDs are refused)");
    }
    advance(end - pos_ + 1);
  }

  std::string attribute_value() {
    if (at_end() || (peek() != '"' && peek() != '\'')) fail("expected a quoted attribute value");
    char quote = peek();
    std::size_t line = line_, column = column_;
    advance();
    std::string out;
    while (true) {
      if (at_end()) fail_at(line, column, "unterminated attribute value");
      char c = peek();
      if (c == quote) break;
      if (c == '<') fail("'<' is not allowed in an attribute value");
      if (c == '&') {
        reference(out);
        continue;
      }
      // Attribute-value normalisation: literal whitespace becomes a space.
      if (c == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') advance();
      out += is_space(c) ? ' ' : c;
      advance();
    }
    advance();
    return out;
  }

  XmlElement element(std::size_t depth) {
    if (depth > max_depth) fail("elements nested deeper than " + std::to_string(max_depth));
    XmlElement e;
    e.line = line_;
    e.column = column_;
    expect("<");
    e.name = name();
    while (true) {
      bool had_space = !at_end() && is_space(peek());
      skip_space();
      if (at_end()) fail_at(e.line, e.column, "unterminated start tag <" + e.name + ">");
      if (starts_with("/>")) {
        advance(2);
        return e;
      }
      if (peek() == '>') {
        advance();
        break;
      }
      if (!had_space) fail("expected whitespace, '>' or '/>' in the start tag");
      std::size_t line = line_, column = column_;
      std::string key = name();
      skip_space();
      expect("=");
      skip_space();
      std::string value = attribute_value();
      if (e.attribute(key)) fail_at(line, column, "duplicate attribute '" + key + "'");
      e.attributes.emplace_back(std::move(key), std::move(value));
    }
    content(e, depth);
    return e;
  }

  void content(XmlElement& e, std::size_t depth) {
    while (true) {
      if (at_end()) fail_at(e.line, e.column, "element <" + e.name + "> is never closed");
      char c = peek();
      std::size_t line = line_, column = column_;
      if (c == '<') {
        if (starts_with("</")) {
          advance(2);
          std::string closing = name();
          if (closing != e.name)
            fail_at(line, column, "expected </" + e.name + "> (opened at line " +
                                      std::to_string(e.line) + "), found </" + closing + ">");
          skip_space();
          expect(">");
          return;
        }
        if (starts_with("<!--")) {
          advance(4);
          until("-->", line, column, "comment");
        } else if (starts_with("<![CDATA[")) {
          advance(9);
          e.text += until("]]>", line, column, "CDATA section");
        } else if (starts_with("<?")) {
          advance(2);
          until("?>", line, column, "processing instruction");
        } else if (starts_with("<!")) {
          fail("DOCTYPE and entity declarations are refused");
        } else {
          e.children.push_back(element(depth + 1));
        }
      } else if (c == '&') {
        reference(e.text);
      } else {
        // Line ends are normalised to LF, as XML requires.
        if (c == '\r') {
          if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') advance();
          e.text += '\n';
        } else {
          e.text += c;
        }
        advance();
      }
    }
  }
};

}  // namespace

std::string_view XmlElement::local_name() const {
  std::string_view n = name;
  auto colon = n.find(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

const std::string* XmlElement::attribute(std::string_view attribute_name) const {
  for (const auto& [key, value] : attributes)
    if (key == attribute_name) return &value;
  return nullptr;
}

XmlElement parse_xml(std::string_view text, const std::filesystem::path& file) {
  return Parser(text, file).document();
}

}  // namespace corpgraph::detail
