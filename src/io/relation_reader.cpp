// Relation files: JSON (an array of objects or one object a line), CSV and TSV with a header row.
// Every record, whatever its syntax, becomes a list of named fields and then one Relation, so
// the rules for required fields, labels and numbers are the same for all of them.
#include <corpgraph/io.hpp>

#include <corpgraph/error.hpp>
#include <corpgraph/limits.hpp>

#include "exchange_util.hpp"
#include "file_util.hpp"
#include "json_util.hpp"

#include <rapidjson/memorystream.h>

#include <algorithm>
#include <charconv>
#include <functional>
#include <cmath>
#include <optional>

namespace corpgraph {

namespace fs = std::filesystem;

namespace {

struct Field {
  std::string name;
  std::string text;                // string value (or the cell of a CSV row)
  std::optional<double> number;    // a JSON number
  bool is_integer = false;
  std::uint64_t integer = 0;
  bool is_string = true;           // false for JSON numbers, booleans, null, objects, arrays
  std::string type_name = "a string";
  std::vector<std::string> list;   // a JSON array of strings (aliases)
  std::size_t offset = 0;          // byte offset of the value in the file
};

using Record = std::vector<Field>;

class RecordSource {
 public:
  RecordSource(const fs::path& file, std::string_view text) : file_(file), text_(text) {}
  SourceLocation at(std::size_t offset) const { return detail::location_at(file_, text_, offset); }
  [[noreturn]] void fail(std::size_t offset, const std::string& message) const {
    throw Error(ErrorKind::bad_input, at(offset), message);
  }

 private:
  const fs::path& file_;
  std::string_view text_;
};

const Field* get(const Record& record, std::string_view name) {
  for (const Field& f : record)
    if (f.name == name) return &f;
  return nullptr;
}

// A CSV cell that is empty stands for a field that is not there.
const Field* get_present(const Record& record, std::string_view name) {
  const Field* f = get(record, name);
  if (f && f->is_string && f->text.empty() && f->list.empty() && f->type_name == "a string" &&
      name != "source" && name != "target" && name != "relation")
    return nullptr;
  if (f && f->type_name == "null") return nullptr;
  return f;
}

std::string need_text(const RecordSource& src, const Record& record, std::string_view name,
                      std::size_t record_offset, bool required) {
  const Field* f = get_present(record, name);
  if (!f) {
    if (required) src.fail(record_offset, "expected a \"" + std::string(name) + "\" field");
    return {};
  }
  if (!f->is_string)
    src.fail(f->offset, "expected a string for \"" + std::string(name) + "\", found " + f->type_name);
  if (required && f->text.empty())
    src.fail(f->offset, "expected a non-empty \"" + std::string(name) + "\"");
  return f->text;
}

std::optional<double> need_probability(const RecordSource& src, const Record& record,
                                       std::string_view name) {
  const Field* f = get_present(record, name);
  if (!f) return std::nullopt;
  double value = 0;
  if (f->number) {
    value = *f->number;
  } else if (f->is_string) {
    const char* begin = f->text.data();
    const char* end = begin + f->text.size();
    auto [ptr, ec] = std::from_chars(begin, end, value);
    if (ec != std::errc{} || ptr != end)
      src.fail(f->offset, "expected a number for \"" + std::string(name) + "\", found \"" +
                              f->text + "\"");
  } else {
    src.fail(f->offset, "expected a number for \"" + std::string(name) + "\", found " + f->type_name);
  }
  if (!(value >= 0 && value <= 1))
    src.fail(f->offset, "expected a " + std::string(name) + " between 0 and 1");
  return value;
}

std::uint64_t need_offset(const RecordSource& src, const Record& record, std::string_view name) {
  const Field* f = get_present(record, name);
  if (!f) return 0;
  if (f->number) {
    if (!f->is_integer)
      src.fail(f->offset, "expected a non-negative integer for \"" + std::string(name) + "\"");
    return f->integer;
  }
  if (!f->is_string)
    src.fail(f->offset, "expected a non-negative integer for \"" + std::string(name) + "\", found " +
                            f->type_name);
  std::uint64_t value = 0;
  const char* begin = f->text.data();
  const char* end = begin + f->text.size();
  auto [ptr, ec] = std::from_chars(begin, end, value);
  if (ec != std::errc{} || ptr != end)
    src.fail(f->offset, "expected a non-negative integer for \"" + std::string(name) +
                            "\", found \"" + f->text + "\"");
  return value;
}

std::vector<std::string> aliases_of(const Record& record, std::string_view name) {
  const Field* f = get_present(record, name);
  if (!f) return {};
  return f->list;
}

Relation to_relation(const RecordSource& src, const Record& record, std::size_t record_offset) {
  Relation r;
  r.source.name = need_text(src, record, "source", record_offset, true);
  std::string label_text = need_text(src, record, "relation", record_offset, true);
  r.target.name = need_text(src, record, "target", record_offset, true);
  auto label = parse_label(label_text);
  if (!label)
    src.fail(get(record, "relation")->offset,
             "unknown relation \"" + label_text +
                 "\"; expected partners, talked-to, former-deal, acquired, owns, invests-in, "
                 "competes-with, supplies or sues");
  r.label = *label;
  std::string status_text = need_text(src, record, "status", record_offset, false);
  if (status_text.empty()) {
    r.status = default_status(r.label);
  } else {
    auto status = parse_status(status_text);
    if (!status)
      src.fail(get(record, "status")->offset,
               "unknown status \"" + status_text + "\"; expected current, pending or ended");
    r.status = *status;
  }
  r.confidence = need_probability(src, record, "confidence").value_or(1.0);
  r.source.aliases = aliases_of(record, "source_aliases");
  r.target.aliases = aliases_of(record, "target_aliases");
  std::string doc = need_text(src, record, "doc", record_offset, false);
  std::string sentence = need_text(src, record, "sentence", record_offset, false);
  std::uint64_t start = need_offset(src, record, "start");
  std::uint64_t end = need_offset(src, record, "end");
  if (end < start) src.fail(get(record, "end")->offset, "expected \"end\" not before \"start\"");
  if (!doc.empty() || !sentence.empty()) {
    Evidence e;
    e.doc = std::move(doc);
    e.sentence = std::move(sentence);
    e.start = start;
    e.end = end;
    e.confidence = r.confidence;
    e.pattern = need_text(src, record, "pattern", record_offset, false);
    r.evidence.push_back(std::move(e));
  }
  return r;
}

// ---------------------------------------------------------------- JSON

// Collects top-level objects (the elements of an array, or one object a line) as Records.
// Values nested deeper than a field are skipped, except arrays of strings (aliases).
class JsonRecordHandler {
 public:
  JsonRecordHandler(const rapidjson::MemoryStream& stream, std::size_t base, bool array_root,
                    const std::function<void(Record&&, std::size_t)>& sink)
      : stream_(stream), base_(base), array_root_(array_root), sink_(sink) {}

  std::optional<std::string> error;
  std::size_t error_offset = 0;

  bool Null() { return value("null", {}); }
  bool Bool(bool) { return value("a boolean", {}); }
  bool Int(int i) { return Int64(i); }
  bool Uint(unsigned u) { return Uint64(u); }
  bool Int64(std::int64_t i) {
    if (i >= 0) return Uint64(static_cast<std::uint64_t>(i));
    return number(static_cast<double>(i), false, 0);
  }
  bool Uint64(std::uint64_t u) { return number(static_cast<double>(u), true, u); }
  bool Double(double d) { return number(d, false, 0); }
  bool RawNumber(const char*, rapidjson::SizeType, bool) { return false; }
  bool String(const char* s, rapidjson::SizeType n, bool) {
    if (depth_ == field_depth() + 1 && in_list_) {
      record_.back().list.emplace_back(s, n);
      return true;
    }
    if (depth_ > field_depth()) return true;
    if (depth_ != field_depth()) return top_level("a string");
    Field f;
    f.name = key_;
    f.text.assign(s, n);
    f.offset = here(n + 2);
    record_.push_back(std::move(f));
    return true;
  }
  bool Key(const char* s, rapidjson::SizeType n, bool) {
    if (depth_ == field_depth()) key_.assign(s, n);
    return true;
  }
  bool StartObject() {
    ++depth_;
    if (depth_ == field_depth()) {
      record_.clear();
      record_offset_ = here(1);
      return true;
    }
    if (depth_ < field_depth()) return top_level("an object");
    if (depth_ == field_depth() + 1) add_other("an object");
    in_list_ = false;
    return true;
  }
  bool EndObject(rapidjson::SizeType) {
    if (depth_-- == field_depth()) sink_(std::move(record_), record_offset_);
    return true;
  }
  bool StartArray() {
    ++depth_;
    if (array_root_ && depth_ == 1) return true;
    if (depth_ <= field_depth()) return top_level("an array");
    if (depth_ == field_depth() + 1) {
      add_other("an array");
      record_.back().is_string = true;  // an array of strings is a list; anything else is not
      record_.back().type_name = "an array";
      in_list_ = true;
    } else {
      in_list_ = false;
    }
    return true;
  }
  bool EndArray(rapidjson::SizeType) {
    --depth_;
    in_list_ = false;
    return true;
  }

 private:
  const rapidjson::MemoryStream& stream_;
  std::size_t base_;
  bool array_root_;
  const std::function<void(Record&&, std::size_t)>& sink_;
  int depth_ = 0;
  bool in_list_ = false;
  std::string key_;
  Record record_;
  std::size_t record_offset_ = 0;

  int field_depth() const { return array_root_ ? 2 : 1; }
  std::size_t here(std::size_t back) const {
    std::size_t t = stream_.Tell();
    return base_ + (t >= back ? t - back : 0);
  }
  bool top_level(const char* found) {
    error = std::string("expected ") + (array_root_ && depth_ <= 1 ? "a relation object in the array"
                                                                  : "a JSON object (one relation)") +
            ", found " + found;
    error_offset = here(1);
    return false;
  }
  void add_other(const char* type) {
    Field f;
    f.name = key_;
    f.is_string = false;
    f.type_name = type;
    f.offset = here(1);
    record_.push_back(std::move(f));
  }
  bool value(const char* type, std::optional<double>) {
    if (depth_ == field_depth() + 1 && in_list_) {
      record_.back().is_string = false;  // not a list of strings
      return true;
    }
    if (depth_ != field_depth()) return depth_ > field_depth() || top_level(type);
    add_other(type);
    return true;
  }
  bool number(double d, bool is_integer, std::uint64_t u) {
    if (depth_ != field_depth()) return value("a number", d);
    add_other("a number");
    record_.back().number = d;
    record_.back().is_integer = is_integer;
    record_.back().integer = u;
    return true;
  }
};

void parse_json_records(const fs::path& file, std::string_view text, std::size_t base,
                        bool array_root, const std::function<void(Record&&, std::size_t)>& sink) {
  rapidjson::MemoryStream stream(text.data() + base, text.size() - base);
  JsonRecordHandler handler(stream, base, array_root, sink);
  detail::DepthLimitedHandler<JsonRecordHandler> guard{handler, limits().max_json_depth};
  rapidjson::Reader reader;
  auto result = reader.Parse<detail::json_parse_flags>(stream, guard);
  if (!result.IsError()) return;
  if (guard.too_deep)
    throw Error(ErrorKind::limit, detail::location_at(file, text, base + result.Offset()),
                "JSON nested deeper than the limit of " + std::to_string(limits().max_json_depth) +
                    " levels");
  if (handler.error)
    throw Error(ErrorKind::bad_input, detail::location_at(file, text, handler.error_offset),
                *handler.error);
  throw Error(ErrorKind::bad_input, detail::location_at(file, text, base + result.Offset()),
              detail::json_expected(result.Code()));
}

void check_line_length(const fs::path& file, std::string_view text, std::size_t start,
                       std::size_t end) {
  if (end - start > limits().max_line_bytes)
    throw Error(ErrorKind::limit, detail::location_at(file, text, start),
                "line longer than the limit of " + std::to_string(limits().max_line_bytes) +
                    " bytes");
}

std::vector<Relation> read_json(const fs::path& file, std::string_view text, std::size_t first) {
  std::vector<Relation> out;
  RecordSource src(file, text);
  auto sink = [&](Record&& record, std::size_t offset) {
    out.push_back(to_relation(src, record, offset));
  };
  const std::function<void(Record&&, std::size_t)> fn = sink;
  if (text[first] == '[') {
    parse_json_records(file, text, 0, true, fn);
    return out;
  }
  // JSON lines: each line one object; parsing them one by one keeps errors on their own line.
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    check_line_length(file, text, pos, end);
    std::string_view line = text.substr(pos, end - pos);
    if (line.find_first_not_of(" \t\r") != std::string_view::npos) {
      std::size_t before = out.size();
      parse_json_records(file, text.substr(0, end), pos, false, fn);
      if (out.size() == before)
        throw Error(ErrorKind::bad_input, detail::location_at(file, text, pos),
                    "expected a JSON object (one relation) on the line");
    }
    pos = end + 1;
  }
  return out;
}

// ---------------------------------------------------------------- CSV and TSV

// RFC 4180: fields separated by delim, records by CRLF or LF; a field in double quotes may hold
// the delimiter, newlines and doubled quotes.
struct CsvCell {
  std::string text;
  std::size_t offset;
};

// TSV writers (corpgraph extract among them) often do not quote at all, and a sentence may
// start with a quotation mark: in TSV a field is quoted only when its quotes balance and the
// closing one ends the field.
bool quoted_tsv_field(std::string_view text, std::size_t pos) {
  for (++pos; pos < text.size(); ++pos) {
    if (text[pos] != '"') continue;
    if (pos + 1 < text.size() && text[pos + 1] == '"') {
      ++pos;
      continue;
    }
    return pos + 1 == text.size() || text[pos + 1] == '\t' || text[pos + 1] == '\n' ||
           text[pos + 1] == '\r';
  }
  return false;
}

bool next_csv_record(const fs::path& file, std::string_view text, std::size_t& pos, char delim,
                     std::vector<CsvCell>& cells) {
  cells.clear();
  if (pos >= text.size()) return false;
  const std::size_t record_start = pos;
  for (;;) {
    CsvCell cell{{}, pos};
    if (pos < text.size() && text[pos] == '"' && !(delim == '\t' && !quoted_tsv_field(text, pos))) {
      const std::size_t quote = pos++;
      for (;;) {
        if (pos >= text.size())
          throw Error(ErrorKind::bad_input, detail::location_at(file, text, quote),
                      "expected a closing '\"' for the quoted field that starts here");
        char c = text[pos];
        if (c == '"') {
          if (pos + 1 < text.size() && text[pos + 1] == '"') {
            cell.text.push_back('"');
            pos += 2;
            continue;
          }
          ++pos;
          break;
        }
        cell.text.push_back(c);
        ++pos;
      }
      if (pos < text.size() && text[pos] != delim && text[pos] != '\n' && text[pos] != '\r')
        throw Error(ErrorKind::bad_input, detail::location_at(file, text, pos),
                    std::string("expected '") + (delim == '\t' ? "\\t" : ",") +
                        "' or the end of the line after the closing quote");
    } else {
      std::size_t end = pos;
      while (end < text.size() && text[end] != delim && text[end] != '\n' && text[end] != '\r')
        ++end;
      cell.text.assign(text.substr(pos, end - pos));
      pos = end;
    }
    cells.push_back(std::move(cell));
    if (pos - record_start > limits().max_line_bytes)
      throw Error(ErrorKind::limit, detail::location_at(file, text, record_start),
                  "record longer than the limit of " + std::to_string(limits().max_line_bytes) +
                      " bytes");
    if (pos >= text.size()) return true;
    if (text[pos] == delim) {
      ++pos;
      continue;
    }
    if (text[pos] == '\r') ++pos;
    if (pos < text.size() && text[pos] == '\n') ++pos;
    return true;
  }
}

std::vector<Relation> read_delimited(const fs::path& file, std::string_view text, char delim,
                                     std::size_t first) {
  std::vector<Relation> out;
  RecordSource src(file, text);
  std::size_t pos = first;
  std::vector<CsvCell> header;
  if (!next_csv_record(file, text, pos, delim, header))
    throw Error(ErrorKind::bad_input, SourceLocation{detail::display_name(file), 1, 1},
                "expected a header row naming source, relation and target");
  for (const char* need : {"source", "relation", "target"})
    if (std::none_of(header.begin(), header.end(), [&](const CsvCell& c) { return c.text == need; }))
      throw Error(ErrorKind::bad_input, detail::location_at(file, text, header.front().offset),
                  std::string("expected a \"") + need + "\" column in the header row");
  std::vector<CsvCell> cells;
  Record record;
  while (true) {
    const std::size_t start = pos;
    if (!next_csv_record(file, text, pos, delim, cells)) break;
    if (cells.size() == 1 && cells[0].text.empty()) continue;  // a blank line
    if (cells.size() != header.size())
      throw Error(ErrorKind::bad_input, detail::location_at(file, text, start),
                  "expected " + std::to_string(header.size()) + " fields as in the header row, found " +
                      std::to_string(cells.size()));
    record.clear();
    for (std::size_t i = 0; i < cells.size(); ++i) {
      Field f;
      f.name = header[i].text;
      // corpgraph's own CSV export guards formula-like cells with a leading '; read them back as
      // they were.
      f.text = detail::unguard_cell(cells[i].text);
      f.offset = cells[i].offset;
      record.push_back(std::move(f));
    }
    out.push_back(to_relation(src, record, start));
  }
  return out;
}

std::string lower_extension(const fs::path& path) {
  std::string ext = path.extension().string();
  for (char& c : ext)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return ext;
}

}  // namespace

std::vector<Relation> read_relations(const fs::path& path) {
  const std::string text = detail::read_whole_file(path, limits().max_graph_file_bytes);
  return detail::parse_relations(path, text);
}

std::vector<Relation> detail::parse_relations(const fs::path& path, std::string_view text) {
  std::size_t first = 0;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") first = 3;  // a UTF-8 byte order mark
  const std::size_t content = text.find_first_not_of(" \t\r\n", first);
  if (content == std::string_view::npos) return {};
  const std::string ext = lower_extension(path);
  if (ext == ".csv") return read_delimited(path, text, ',', first);
  if (ext == ".tsv" || ext == ".tab") return read_delimited(path, text, '\t', first);
  if (ext == ".json" || ext == ".jsonl" || ext == ".ndjson" || text[content] == '[' ||
      text[content] == '{') {
    if (text[content] != '[' && text[content] != '{')
      throw Error(ErrorKind::bad_input, detail::location_at(path, text, content),
                  "expected a JSON array or one JSON object a line");
    return read_json(path, text, content);
  }
  const std::size_t eol = text.find('\n', first);
  const bool tabs = text.substr(first, eol - first).find('\t') != std::string_view::npos;
  return read_delimited(path, text, tabs ? '\t' : ',', first);
}

}  // namespace corpgraph
