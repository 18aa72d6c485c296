#include <corpgraph/model.hpp>

#include <algorithm>

namespace corpgraph {

namespace {
// "Talked To", "talked_to" and "TALKED-TO" all become "talked-to".
std::string normalise_word(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '_' || c == ' ') c = '-';
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    out += c;
  }
  return out;
}

template <typename Enum, std::size_t N>
std::optional<Enum> parse_among(std::string_view text, const std::array<Enum, N>& values) {
  const std::string key = normalise_word(text);
  for (Enum value : values)
    if (to_string(value) == key) return value;
  return std::nullopt;
}
}  // namespace

std::string_view to_string(Label label) noexcept {
  switch (label) {
    case Label::partners: return "partners";
    case Label::talked_to: return "talked-to";
    case Label::former_deal: return "former-deal";
    case Label::acquired: return "acquired";
    case Label::owns: return "owns";
    case Label::invests_in: return "invests-in";
    case Label::competes_with: return "competes-with";
    case Label::supplies: return "supplies";
    case Label::sues: return "sues";
  }
  return "partners";
}

std::string_view to_string(Status status) noexcept {
  switch (status) {
    case Status::current: return "current";
    case Status::pending: return "pending";
    case Status::ended: return "ended";
  }
  return "current";
}

std::string_view to_string(CompanyKind kind) noexcept {
  switch (kind) {
    case CompanyKind::company: return "company";
    case CompanyKind::bank: return "bank";
    case CompanyKind::fund: return "fund";
    case CompanyKind::media: return "media";
    case CompanyKind::brand: return "brand";
  }
  return "company";
}

std::optional<Label> parse_label(std::string_view text) noexcept {
  return parse_among(text, all_labels);
}

std::optional<Status> parse_status(std::string_view text) noexcept {
  return parse_among(text, all_statuses);
}

std::optional<CompanyKind> parse_company_kind(std::string_view text) noexcept {
  static constexpr std::array<CompanyKind, 5> kinds{CompanyKind::company, CompanyKind::bank,
                                                    CompanyKind::fund, CompanyKind::media,
                                                    CompanyKind::brand};
  return parse_among(text, kinds);
}

double combine_confidence(const std::vector<Evidence>& evidence) noexcept {
  double miss = 1.0;
  for (const Evidence& e : evidence) miss *= 1.0 - std::clamp(e.confidence, 0.0, 1.0);
  return 1.0 - miss;
}

Status merge_status(Status a, Status b) noexcept {
  auto rank = [](Status s) {
    switch (s) {
      case Status::pending: return 0;
      case Status::current: return 1;
      case Status::ended: return 2;
    }
    return 1;
  };
  return rank(a) >= rank(b) ? a : b;
}

}  // namespace corpgraph
