// Internal to io: RapidJSON parsing with corpgraph's errors and limits, and fast JSON writing.
// Other io authors call these; keep the signatures stable.
#pragma once

#include <corpgraph/error.hpp>

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/reader.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace corpgraph::detail {

// Iterative (no recursion, so deep nesting cannot overflow the stack) and UTF-8 checked.
inline constexpr unsigned json_parse_flags =
    rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag |
    rapidjson::kParseFullPrecisionFlag;

// "expected ..." for a RapidJSON error code: what the parser wanted where it stopped.
[[nodiscard]] std::string json_expected(rapidjson::ParseErrorCode code);

// Forwards SAX events to Inner and stops the parse when nesting passes max_depth.
template <typename Inner>
struct DepthLimitedHandler {
  Inner& inner;
  std::uint32_t max_depth;
  std::uint32_t depth = 0;
  bool too_deep = false;

  bool Null() { return inner.Null(); }
  bool Bool(bool b) { return inner.Bool(b); }
  bool Int(int i) { return inner.Int(i); }
  bool Uint(unsigned u) { return inner.Uint(u); }
  bool Int64(std::int64_t i) { return inner.Int64(i); }
  bool Uint64(std::uint64_t u) { return inner.Uint64(u); }
  bool Double(double d) { return inner.Double(d); }
  bool RawNumber(const char* s, rapidjson::SizeType n, bool copy) { return inner.RawNumber(s, n, copy); }
  bool String(const char* s, rapidjson::SizeType n, bool copy) { return inner.String(s, n, copy); }
  bool Key(const char* s, rapidjson::SizeType n, bool copy) { return inner.Key(s, n, copy); }
  bool StartObject() { return enter() && inner.StartObject(); }
  bool EndObject(rapidjson::SizeType n) { --depth; return inner.EndObject(n); }
  bool StartArray() { return enter() && inner.StartArray(); }
  bool EndArray(rapidjson::SizeType n) { --depth; return inner.EndArray(n); }

 private:
  bool enter() {
    if (++depth > max_depth) {
      too_deep = true;
      return false;
    }
    return true;
  }
};

// Parses one JSON value that spans all of text (whitespace around it allowed) into a DOM.
// Errors are Error(bad_input) at file:line:col, with lines counted from base_line (the line text
// starts on), and Error(limit) when nesting passes limits().max_json_depth.
void parse_json(rapidjson::Document& doc, std::string_view text, const std::filesystem::path& file,
                std::size_t base_line = 1);

// Location of a byte offset of a text that starts on base_line of file.
[[nodiscard]] SourceLocation json_location(const std::filesystem::path& file,
                                           std::string_view text, std::size_t offset,
                                           std::size_t base_line = 1);

// Appends text as a JSON string literal ("..." with escapes; non-ASCII bytes copied as they are).
void append_json_string(std::string& out, std::string_view text);
// Appends the shortest decimal text that reads back as the same double (integers without ".0").
void append_json_number(std::string& out, double value);
void append_json_number(std::string& out, std::uint64_t value);
// A value as compact JSON text.
[[nodiscard]] std::string to_compact_json(const rapidjson::Value& value);
// "a string", "a number", ...: for "expected X, found Y" messages.
[[nodiscard]] std::string_view json_type_name(const rapidjson::Value& value);

}  // namespace corpgraph::detail
