#include "json_util.hpp"

#include "file_util.hpp"

#include <corpgraph/limits.hpp>
#include <corpgraph/text.hpp>

#include <rapidjson/memorystream.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include <charconv>
#include <cmath>
#include <cstring>

namespace corpgraph::detail {

std::string json_expected(rapidjson::ParseErrorCode code) {
  using namespace rapidjson;
  switch (code) {
    case kParseErrorDocumentEmpty: return "expected a JSON value, found the end of the input";
    case kParseErrorDocumentRootNotSingular: return "expected the end of the input after the JSON value";
    case kParseErrorValueInvalid: return "expected a JSON value (object, array, string, number, true, false or null)";
    case kParseErrorObjectMissName: return "expected a member name in double quotes";
    case kParseErrorObjectMissColon: return "expected ':' after the member name";
    case kParseErrorObjectMissCommaOrCurlyBracket: return "expected ',' or '}' after the member";
    case kParseErrorArrayMissCommaOrSquareBracket: return "expected ',' or ']' after the array element";
    case kParseErrorStringUnicodeEscapeInvalidHex: return "expected four hex digits after \\u";
    case kParseErrorStringUnicodeSurrogateInvalid: return "expected a valid UTF-16 surrogate pair";
    case kParseErrorStringEscapeInvalid: return "expected a valid escape after '\\'";
    case kParseErrorStringMissQuotationMark: return "expected a closing '\"' before the end of the input";
    case kParseErrorStringInvalidEncoding: return "expected valid UTF-8 in the string";
    case kParseErrorNumberTooBig: return "expected a number small enough for a double";
    case kParseErrorNumberMissFraction: return "expected digits after the decimal point";
    case kParseErrorNumberMissExponent: return "expected digits in the exponent";
    case kParseErrorTermination: return "expected the JSON value to continue";
    case kParseErrorUnspecificSyntaxError:
    case kParseErrorNone: break;
  }
  return "expected valid JSON";
}

SourceLocation json_location(const std::filesystem::path& file, std::string_view text,
                             std::size_t offset, std::size_t base_line) {
  SourceLocation where = location_at(file, text, offset);
  where.line += base_line - 1;
  return where;
}

void parse_json(rapidjson::Document& doc, std::string_view text, const std::filesystem::path& file,
                std::size_t base_line) {
  rapidjson::MemoryStream stream(text.data(), text.size());
  rapidjson::ParseResult result;
  bool too_deep = false;
  auto generate = [&](rapidjson::Document& handler) {
    DepthLimitedHandler<rapidjson::Document> guard{handler, limits().max_json_depth};
    rapidjson::Reader reader;
    result = reader.Parse<json_parse_flags>(stream, guard);
    too_deep = guard.too_deep;
    return !result.IsError();
  };
  doc.Populate(generate);
  if (!result.IsError()) return;
  SourceLocation where = json_location(file, text, result.Offset(), base_line);
  if (too_deep)
    throw Error(ErrorKind::limit, where,
                "JSON nested deeper than the limit of " + std::to_string(limits().max_json_depth) +
                    " levels");
  throw Error(ErrorKind::bad_input, where, json_expected(result.Code()));
}

// One pass, eight bytes at a time: graph files and extracted relations are mostly sentences, and
// most sentences have nothing to escape and no byte outside ASCII.
void append_json_string(std::string& out, std::string_view text) {
  constexpr std::uint64_t ones = 0x0101010101010101ull;
  constexpr std::uint64_t highs = 0x8080808080808080ull;
  auto has_zero = [](std::uint64_t v) { return ((v - ones) & ~v & highs) != 0; };
  static constexpr char hex[] = "0123456789abcdef";
  const std::size_t mark = out.size();
  const std::size_t n = text.size();
  out += '"';
  std::size_t run = 0;  // start of the current run of bytes that need no escape
  for (std::size_t i = 0; i < n;) {
#ifdef __SSE2__
    // Sixteen bytes at a time where SSE2 is there (every x86-64): a signed compare below 0x20
    // catches control characters and every byte from 0x80 up at once.
    if (i + 16 <= n) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
      const __m128i look = _mm_or_si128(_mm_cmplt_epi8(v, _mm_set1_epi8(0x20)),
                                        _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')),
                                                     _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))));
      if (_mm_movemask_epi8(look) == 0) {
        i += 16;
        continue;
      }
    }
#endif
    if (i + 8 <= n) {
      std::uint64_t w;
      std::memcpy(&w, text.data() + i, 8);
      // No byte below 0x20 or from 0x80 up, no '"', no '\\': nothing to look at.
      if ((((w - ones * 0x20) | w) & highs) == 0 && !has_zero(w ^ (ones * '"')) && !has_zero(w ^ (ones * '\\'))) {
        i += 8;
        continue;
      }
    }
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      // A run of bytes outside ASCII is valid on its own or not at all: no UTF-8 sequence holds
      // an ASCII byte.
      std::size_t j = i + 1;
      while (j < n && static_cast<unsigned char>(text[j]) >= 0x80) ++j;
      if (!is_valid_utf8(text.substr(i, j - i))) {
        // Names from a CSV or GraphML may carry invalid UTF-8; written raw, the graph file would
        // be one load_graph refuses (kParseValidateEncodingFlag), so the saved work would be lost.
        out.resize(mark);
        append_json_string(out, repair_utf8(text));
        return;
      }
      i = j;
      continue;
    }
    if (c >= 0x20 && c != '"' && c != '\\') {
      ++i;
      continue;
    }
    out.append(text.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        out += "\\u00";
        out += hex[c >> 4];
        out += hex[c & 15];
    }
    ++i;
  }
  out.append(text.data() + run, n - run);
  out += '"';
}

void append_json_number(std::string& out, double value) {
  if (!std::isfinite(value)) value = 0.0;  // JSON has no NaN or infinity
  // Confidences are thousandths in [0, 1]: written by hand, they come out as to_chars writes
  // them (the shortest form that reads back the same: "0.85", "1", "0"), at a fraction of its cost.
  if (!std::signbit(value) && value <= 1.0) {
    const auto thousandths = static_cast<int>(value * 1000.0 + 0.5);
    if (static_cast<double>(thousandths) / 1000 == value) {
      if (thousandths == 0 || thousandths == 1000) {
        out += thousandths ? '1' : '0';
        return;
      }
      char buf[5] = {'0', '.', static_cast<char>('0' + thousandths / 100),
                     static_cast<char>('0' + thousandths / 10 % 10), static_cast<char>('0' + thousandths % 10)};
      std::size_t size = 5;
      while (buf[size - 1] == '0') --size;
      out.append(buf, size);
      return;
    }
  }
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
  out.append(buf, ec == std::errc{} ? end : buf);
}

void append_json_number(std::string& out, std::uint64_t value) {
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
  out.append(buf, ec == std::errc{} ? end : buf);
}

std::string to_compact_json(const rapidjson::Value& value) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  value.Accept(writer);
  return std::string(buffer.GetString(), buffer.GetSize());
}

std::string_view json_type_name(const rapidjson::Value& value) {
  switch (value.GetType()) {
    case rapidjson::kNullType: return "null";
    case rapidjson::kFalseType:
    case rapidjson::kTrueType: return "a boolean";
    case rapidjson::kObjectType: return "an object";
    case rapidjson::kArrayType: return "an array";
    case rapidjson::kStringType: return "a string";
    case rapidjson::kNumberType: return "a number";
  }
  return "a value";
}

}  // namespace corpgraph::detail
