// CSV/TSV edge lists: a header row naming source, relation (or label), target and optionally
// status, confidence, doc, sentence; other columns are ignored. Reads corpgraph's own csv export
// back, undoing its spreadsheet-formula guard.
#include "exchange_util.hpp"

#include <corpgraph/error.hpp>

#include <charconv>
#include <optional>

namespace corpgraph::detail {
namespace {

struct Cell {
  std::string text;
  std::size_t line = 0;
  std::size_t column = 0;
};

class CsvReader {
 public:
  CsvReader(std::string_view text, char delimiter, const std::filesystem::path& file)
      : text_(text), delimiter_(delimiter), file_(file) {
    if (text_.starts_with("\xEF\xBB\xBF")) pos_ = 3;
  }

  // The next record, or std::nullopt at the end; blank lines are skipped.
  std::optional<std::vector<Cell>> next() {
    while (pos_ < text_.size() && (text_[pos_] == '\n' || text_[pos_] == '\r')) step();
    if (pos_ >= text_.size()) return std::nullopt;
    std::vector<Cell> record;
    while (true) {
      Cell cell{{}, line_, column_};
      if (pos_ < text_.size() && text_[pos_] == '"') {
        step();
        while (true) {
          if (pos_ >= text_.size())
            throw Error(ErrorKind::bad_input, SourceLocation{file_.string(), cell.line, cell.column},
                        "unterminated quoted field");
          char c = text_[pos_];
          if (c == '"') {
            if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
              cell.text += '"';
              step();
              step();
              continue;
            }
            step();
            break;
          }
          cell.text += c;
          step();
        }
        if (pos_ < text_.size() && text_[pos_] != delimiter_ && text_[pos_] != '\n' &&
            text_[pos_] != '\r')
          throw Error(ErrorKind::bad_input, SourceLocation{file_.string(), line_, column_},
                      "expected a delimiter or the end of the line after a quoted field");
      } else {
        while (pos_ < text_.size() && text_[pos_] != delimiter_ && text_[pos_] != '\n' &&
               text_[pos_] != '\r') {
          cell.text += text_[pos_];
          step();
        }
      }
      record.push_back(std::move(cell));
      if (pos_ < text_.size() && text_[pos_] == delimiter_) {
        step();
        continue;
      }
      if (pos_ < text_.size() && text_[pos_] == '\r') step();
      if (pos_ < text_.size() && text_[pos_] == '\n') step();
      return record;
    }
  }

 private:
  std::string_view text_;
  char delimiter_;
  const std::filesystem::path& file_;
  std::size_t pos_ = 0;
  std::size_t line_ = 1;
  std::size_t column_ = 1;

  void step() {
    if (text_[pos_] == '\n') {
      ++line_;
      column_ = 1;
    } else {
      ++column_;
    }
    ++pos_;
  }
};

[[noreturn]] void bad(const std::filesystem::path& file, const Cell& at, const std::string& what) {
  throw Error(ErrorKind::bad_input, SourceLocation{file.string(), at.line, at.column}, what);
}

}  // namespace

Graph import_csv(const std::filesystem::path& file, std::string_view text) {
  std::string ext = file.extension().string();
  char delimiter = (ext == ".tsv" || ext == ".TSV") ? '\t' : ',';
  CsvReader reader(text, delimiter, file);
  auto header = reader.next();
  if (!header) throw Error(ErrorKind::bad_input, SourceLocation{file.string(), 1, 1},
                           "expected a header row (source,relation,target,...)");
  std::optional<std::size_t> source, relation, target, status, confidence, doc, sentence;
  for (std::size_t i = 0; i < header->size(); ++i) {
    std::string name = fold_case((*header)[i].text);
    if (name == "source") source = i;
    else if (name == "relation" || name == "label") relation = i;
    else if (name == "target") target = i;
    else if (name == "status") status = i;
    else if (name == "confidence") confidence = i;
    else if (name == "doc") doc = i;
    else if (name == "sentence") sentence = i;
  }
  Cell start{{}, 1, 1};
  if (!source || !relation || !target)
    bad(file, start, "expected the header to name the columns source, relation and target");

  Graph graph;
  while (auto record = reader.next()) {
    const auto& row = *record;
    Cell end_of_row{{}, row.back().line, row.back().column + row.back().text.size()};
    auto cell = [&](const std::optional<std::size_t>& column) -> const Cell* {
      return column && *column < row.size() ? &row[*column] : nullptr;
    };
    auto required = [&](const std::optional<std::size_t>& column, const char* what) {
      const Cell* c = cell(column);
      if (!c || c->text.empty()) bad(file, c ? *c : end_of_row, std::string("missing ") + what);
      return c;
    };
    Relation r;
    r.source.name = unguard_cell(required(source, "source")->text);
    r.target.name = unguard_cell(required(target, "target")->text);
    const Cell* label_cell = required(relation, "relation");
    auto label = parse_label(label_cell->text);
    if (!label) bad(file, *label_cell, "unknown relation label '" + label_cell->text + "'");
    r.label = *label;
    r.status = default_status(r.label);
    if (const Cell* c = cell(status); c && !c->text.empty()) {
      auto parsed = parse_status(c->text);
      if (!parsed) bad(file, *c, "unknown status '" + c->text + "'");
      r.status = *parsed;
    }
    if (const Cell* c = cell(confidence); c && !c->text.empty()) {
      double value = 0;
      auto [end, ec] = std::from_chars(c->text.data(), c->text.data() + c->text.size(), value);
      if (ec != std::errc{} || end != c->text.data() + c->text.size() ||
          !(value >= 0.0 && value <= 1.0))
        bad(file, *c, "confidence must be a number between 0 and 1, found '" + c->text + "'");
      r.confidence = value;
    }
    std::string doc_text = cell(doc) ? unguard_cell(cell(doc)->text) : std::string();
    std::string sentence_text = cell(sentence) ? unguard_cell(cell(sentence)->text) : std::string();
    if (!doc_text.empty() || !sentence_text.empty()) {
      Evidence e;
      e.doc = std::move(doc_text);
      e.sentence = std::move(sentence_text);
      e.confidence = r.confidence;
      r.evidence.push_back(std::move(e));
    }
    graph.add_relation(r);
  }
  return graph;
}

}  // namespace corpgraph::detail
