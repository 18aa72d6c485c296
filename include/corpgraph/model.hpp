// The data model shared by every module: labels, statuses, companies, documents, relations.
// Labels and statuses are exactly those of relations.md.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace corpgraph {

enum class Label : std::uint8_t {
  partners,
  talked_to,
  former_deal,
  acquired,
  owns,
  invests_in,
  competes_with,
  supplies,
  sues,
};

inline constexpr std::array<Label, 9> all_labels{
    Label::partners,   Label::talked_to,     Label::former_deal,
    Label::acquired,   Label::owns,          Label::invests_in,
    Label::competes_with, Label::supplies,   Label::sues};

enum class Status : std::uint8_t { current, pending, ended };

inline constexpr std::array<Status, 3> all_statuses{Status::current, Status::pending,
                                                    Status::ended};

// What sort of organisation a node is; informational, never part of identity.
enum class CompanyKind : std::uint8_t { company, bank, fund, media, brand };

// "partners", "talked-to", ... as written in relations.md.
[[nodiscard]] std::string_view to_string(Label label) noexcept;
[[nodiscard]] std::string_view to_string(Status status) noexcept;
[[nodiscard]] std::string_view to_string(CompanyKind kind) noexcept;
// Case-insensitive; accepts '-', '_' or ' ' between words ("talked_to", "Talked To").
[[nodiscard]] std::optional<Label> parse_label(std::string_view text) noexcept;
[[nodiscard]] std::optional<Status> parse_status(std::string_view text) noexcept;
[[nodiscard]] std::optional<CompanyKind> parse_company_kind(std::string_view text) noexcept;

// partners, talked-to, former-deal and competes-with hold both ways.
[[nodiscard]] constexpr bool is_symmetric(Label label) noexcept {
  return label == Label::partners || label == Label::talked_to || label == Label::former_deal ||
         label == Label::competes_with;
}
// former-deal is always ended; everything else is current unless the text says otherwise.
[[nodiscard]] constexpr Status default_status(Label label) noexcept {
  return label == Label::former_deal ? Status::ended : Status::current;
}

struct Company {
  std::string name;                  // canonical: no legal suffix, no possessive
  std::vector<std::string> aliases;  // other spellings seen for it (never the name itself)
  CompanyKind kind = CompanyKind::company;

  friend bool operator==(const Company&, const Company&) = default;
};

// An article (or any input document). Evidence refers to it by id.
struct Document {
  std::string id;
  std::string title;
  std::string date;
  std::string url;
  // Any other fields of a JSON-lines article, as key and compact JSON text of the value.
  std::vector<std::pair<std::string, std::string>> extra;

  friend bool operator==(const Document&, const Document&) = default;
};

// One sentence that states a relation. Two pieces of evidence are the same when doc, start, end
// and sentence are equal; merging keeps one of them, with the higher confidence.
struct Evidence {
  std::string doc;       // Document::id; empty for a relation given by hand without a source
  std::string sentence;  // the sentence text as it stands in the document
  std::uint64_t start = 0;  // byte offsets of the sentence in the document, end exclusive
  std::uint64_t end = 0;
  double confidence = 1.0;  // in [0, 1]: how often the pattern that found it is right
  std::string pattern;      // which extraction rule fired ("" when given by hand)

  friend bool operator==(const Evidence&, const Evidence&) = default;
};

// A relation as it arrives (from the extractor or a relation file), before it joins a graph.
// For symmetric labels source and target may come in either order.
struct Relation {
  Company source;
  Company target;
  Label label = Label::partners;
  Status status = Status::current;
  // Used when evidence is empty; otherwise each evidence item carries its own confidence.
  double confidence = 1.0;
  std::vector<Evidence> evidence;
};

// Confidence of a relation from its evidence: 1 - prod(1 - c_i) (noisy-or over distinct
// evidence), so more independent sentences raise it and the order of merging never matters.
[[nodiscard]] double combine_confidence(const std::vector<Evidence>& evidence) noexcept;

// When one relation arrives with two statuses, the merged status is the later stage of a deal:
// pending < current < ended. Commutative and associative, so merge order does not matter.
[[nodiscard]] Status merge_status(Status a, Status b) noexcept;

}  // namespace corpgraph
