// The extractor: tokens -> company mentions -> relation cues -> relations with evidence.
// Everything is a linear scan over tokens with hash lookups; no regular expressions.
#include "embedded.hpp"
#include "lexicon.hpp"

#include <corpgraph/error.hpp>
#include <corpgraph/extract.hpp>
#include <corpgraph/text.hpp>

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <unordered_map>

namespace corpgraph {

namespace {

using detail::Cue;
using detail::GrammarHit;
using detail::HitKind;
using detail::Lexicon;
using detail::LexHit;
using detail::Modifier;
using detail::NonCompany;
using detail::WordInfo;

enum class MentionType : std::uint8_t {
  company,      // a company (lexicon, or an unknown name that is surely one)
  candidate,    // a capitalised name that may be a company: used only in tight slots
  blocker,      // a regulator, place, government...: fills a slot, so no edge
  transparent,  // a person, a date, a news agency: ignored
  product,      // stands for its maker only right before a cue
  pronoun,      // it, its
  descriptor,   // "the iPhone maker", "the company"
};

struct Mention {
  std::uint32_t begin = 0;  // tokens of the name (legal suffix included)
  std::uint32_t end = 0;
  std::uint32_t next = 0;   // first token after the mention (after "'s")
  MentionType type = MentionType::transparent;
  int company = -1;         // document company, -1 when unresolved
  bool possessive = false;
  bool reporter = false;    // a news agency that is also a company
  bool exchange = false;
  bool place = false;       // a blocker that is a place
  std::uint32_t name_end = 0;  // the name without its legal suffix: [begin, name_end)
};

struct DocCompany {
  std::string name;
  std::string key;
  int lexicon = -1;
  std::vector<std::string> aliases;
  std::string sector;
  std::string country;
  std::uint32_t last_seen = 0;
  std::uint32_t last_sentence = 0;  // ordinal of the last sentence that named it
  std::string_view nouns[3];         // descriptor nouns the document used for it (token keys)
  std::uint8_t noun_count = 0;
  std::uint32_t subject_count = 0;   // sentences it was the subject of
};

struct CueAt {
  std::uint32_t begin, end;
  std::uint16_t cue;
};

struct ModifierAt {
  std::uint32_t at;
  Modifier modifier;
};

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }

}  // namespace

struct Extractor::Impl {
  ExtractOptions options;
  Lexicon lexicon;
};

namespace {

// All state of one document.
class DocumentRun {
 public:
  DocumentRun(const Lexicon& lexicon, const Article& article, TokenizedText& t, double min_confidence)
      : lex_(lexicon), article_(article), text_(article.text), t_(t), min_confidence_(min_confidence) {
    run_buffers().clear();
  }

  std::vector<Relation> run() {
    tokenize(text_, t_);
    lex_.words(t_, word_copies_, infos_);
    toks_ = t_.tokens.data();
    auto& token_keys = word_buffers().keys;
    if (token_keys.size() < t_.tokens.size()) token_keys.resize(t_.tokens.size());
    for (std::size_t k = 0; k < t_.tokens.size(); ++k)
      token_keys[k] = {t_.tokens[k].key_begin, t_.tokens[k].key_end - t_.tokens[k].key_begin};
    token_keys_ = token_keys.data();
    keys_ = t_.keys.data();
    for (const auto& s : t_.sentences) sentence(s);
    for (auto& r : relations_) {
      // Names may have grown since the relation was found ("Velora" -> "Velora Therapeutics").
      const auto& source = companies_[static_cast<std::size_t>(rel_source_[&r - relations_.data()])];
      const auto& target = companies_[static_cast<std::size_t>(rel_target_[&r - relations_.data()])];
      r.source.name = source.name;
      r.target.name = target.name;
      if (source.lexicon >= 0) r.source.kind = lex_.company(static_cast<std::uint32_t>(source.lexicon)).kind;
      if (target.lexicon >= 0) r.target.kind = lex_.company(static_cast<std::uint32_t>(target.lexicon)).kind;
      r.source.aliases = companies_[static_cast<std::size_t>(rel_source_[&r - relations_.data()])].aliases;
      r.target.aliases = companies_[static_cast<std::size_t>(rel_target_[&r - relations_.data()])].aliases;
    }
    // deals that a later sentence called off live on as their former-deal edge
    if (!superseded_.empty()) {
      std::sort(superseded_.begin(), superseded_.end());
      for (auto i = superseded_.rbegin(); i != superseded_.rend(); ++i)
        relations_.erase(relations_.begin() + static_cast<std::ptrdiff_t>(*i));
    }
    return std::move(relations_);
  }

 private:
  // ---- tokens -------------------------------------------------------------------------------
  // From arrays made once for the document (the tokens do not change once made): the rules ask
  // for keys on every token, some ten times each, and an array entry is two loads.
  TokenKey key(std::size_t k) const { return TokenKey(keys_ + token_keys_[k].begin, token_keys_[k].size); }
  const Token& tok(std::size_t k) const { return toks_[k]; }
  // One dictionary lookup per token and document, however often the rules ask.
  const WordInfo* info(std::size_t k) const { return infos_[k]; }
  std::uint32_t wflags(std::size_t k) const {
    const auto* w = info(k);
    return w ? w->flags : 0;
  }
  bool capitalised(std::size_t k) const {
    const auto& tk = tok(k);
    return tk.kind == TokenKind::word && is_upper(text_[tk.begin]);
  }
  std::string_view raw(std::size_t b, std::size_t e) const {
    return std::string_view(text_).substr(tok(b).begin, tok(e - 1).end - tok(b).begin);
  }
  std::string clean(std::size_t b, std::size_t e) const { return normalise_collapsed(raw(b, e)); }
  // Whether normalise_collapsed() returns text unchanged by its own first test: printable ASCII
  // with single inner spaces.
  static bool collapsed_already(std::string_view text) {
    bool plain = !text.empty() && text.front() != ' ' && text.back() != ' ';
    for (std::size_t i = 0; i < text.size() && plain; ++i) {
      const auto c = static_cast<unsigned char>(text[i]);
      plain = (c > 0x20 && c < 0x80) || (c == ' ' && text[i - 1] != ' ');
    }
    return plain;
  }
  std::string joined_key(std::size_t b, std::size_t e) { return std::string(t_.keys_of(b, e)); }
  const std::string& lookup_key(std::string_view k) { return lookup_key_.assign(k); }

  // ---- document companies -------------------------------------------------------------------
  int company_for_lexicon(std::uint32_t id) {
    if (auto it = by_lexicon_.find(id); it != by_lexicon_.end()) return it->second;
    const auto& c = lex_.company(id);
    std::string k = phrase_key(c.name);
    // "Spirit" in the headline, "Spirit AeroSystems" in the text: one company, the lexicon's.
    if (const int old = shorter_company(k); old >= 0) {
      rename(old, c.name, k);
      auto& d = companies_[static_cast<std::size_t>(old)];
      d.lexicon = static_cast<int>(id);
      d.sector = c.sector;
      d.country = c.country;
      by_lexicon_.emplace(id, old);
      return old;
    }
    DocCompany d;
    d.name = c.name;
    d.key = std::move(k);
    d.lexicon = static_cast<int>(id);
    d.sector = c.sector;
    d.country = c.country;
    companies_.push_back(std::move(d));
    const int index = static_cast<int>(companies_.size() - 1);
    by_lexicon_.emplace(id, index);
    by_key_.emplace(companies_.back().key, index);
    add_short_form(index);
    return index;
  }
  int company_for_name(std::size_t b, std::size_t e, std::string_view sector = {}) {
    // The key is built as a string of its own only for a new company.
    if (auto it = by_key_.find(lookup_key(t_.keys_of(b, e))); it != by_key_.end()) return it->second;
    std::string k = joined_key(b, e);
    if (const int old = shorter_company(k); old >= 0) {
      rename(old, clean(b, e), k);
      auto& d = companies_[static_cast<std::size_t>(old)];
      if (d.sector.empty()) d.sector = std::string(sector);
      return old;
    }
    DocCompany d;
    d.name = clean(b, e);
    d.key = k;
    d.sector = std::string(sector);
    // "Orla Bank" is a lender, "Halden Motors" a carmaker: the last word of the name tells.
    if (d.sector.empty() && e > b + 1)
      if (const auto* w = info(e - 1); w && w->sector && !rule_off("name-sector")) d.sector = sector_name(w->sector);
    companies_.push_back(std::move(d));
    const int index = static_cast<int>(companies_.size() - 1);
    by_key_.emplace(std::move(k), index);
    add_short_form(index);
    return index;
  }
  // An unknown company of the document whose name is the first words of the name key k
  // ("Velora" for "velora therapeutics"), or -1. Runs once per new company, not per token.
  int shorter_company(std::string_view k) const {
    for (auto space = k.rfind(' '); space != std::string_view::npos && space > 0; space = k.rfind(' ', space - 1)) {
      const auto prefix = k.substr(0, space);
      const auto it = by_key_.find(std::string(prefix));
      if (it == by_key_.end()) continue;
      const auto& c = companies_[static_cast<std::size_t>(it->second)];
      // Only a company still known by that short name: "Universal" became Universal Music Group,
      // so Universal Music Publishing Group is another company.
      // Both in one sentence, they are two companies ("Royal London Asset Management, a unit of
      // Royal London").
      if (c.lexicon < 0 && c.key == prefix && c.last_sentence != sentence_no_) return it->second;
    }
    return -1;
  }
  // The document company takes the fuller name; the shorter one stays an alias.
  void rename(int index, std::string name, std::string k) {
    auto& c = companies_[static_cast<std::size_t>(index)];
    if (std::find(c.aliases.begin(), c.aliases.end(), c.name) == c.aliases.end()) c.aliases.push_back(c.name);
    std::erase(c.aliases, name);
    c.name = std::move(name);
    c.key = std::move(k);
    by_key_.emplace(c.key, index);
    add_short_form(index);
  }
  static std::size_t count_words(std::string_view k) { return static_cast<std::size_t>(std::count(k.begin(), k.end(), ' ')) + 1; }

  // A later bare "Crusoe" is the earlier "Crusoe Energy Systems", "Van Rijn" the earlier "Van Rijn
  // Brouwerij": every shorter run of leading words that could name a company on its own.
  void add_short_form(int index) {
    const std::string& k = companies_[static_cast<std::size_t>(index)].key;
    const auto first = k.substr(0, k.find(' '));
    if (first.size() == k.size()) return;
    // "Grupo Sabadell Lusitano" is also "Sabadell Lusitano".
    if (organisation_word(first) && k.find(' ', first.size() + 1) != std::string::npos)
      short_forms_.emplace(k.substr(first.size() + 1), index);
    const auto* w = lex_.word(first);
    if (w && (w->flags & (detail::w_stop_cap | detail::w_corp_word | detail::w_nationality)) &&
        !is_number_word(first))
      return;
    for (auto space = k.find(' '); space != std::string::npos; space = k.find(' ', space + 1)) {
      const auto prefix = std::string_view(k).substr(0, space);
      const auto last_word = prefix.substr(prefix.rfind(' ') + 1);
      if (const auto* lw = lex_.word(last_word); lw && (lw->flags & detail::w_name_link)) continue;
      // "Reliance" with Reliance Jio Infocomm and Reliance Industries: the shorter full name,
      // usually the parent.
      auto [it, added] = short_forms_.emplace(std::string(prefix), index);
      if (!added && it->second != index && count_words(k) < count_words(companies_[static_cast<std::size_t>(it->second)].key))
        it->second = index;
    }
  }
  void note_alias(int company, std::size_t b, std::size_t e) {
    if (company < 0) return;
    auto& c = companies_[static_cast<std::size_t>(company)];
    c.last_seen = ++clock_;
    c.last_sentence = sentence_no_;
    // Most mentions repeat the name as written: then the cleaned surface is the name itself, and
    // building it is the whole cost of this call.
    // When the written text is already collapsed it is its own cleaned surface (clean() would
    // return it unchanged), so a known alias is found without building a string.
    if (const auto written = raw(b, e); collapsed_already(written)) {
      if (written == c.name) return;
      if (std::find(c.aliases.begin(), c.aliases.end(), written) == c.aliases.end()) c.aliases.emplace_back(written);
      return;
    }
    std::string surface = clean(b, e);
    if (surface == c.name || surface.empty()) return;
    if (std::find(c.aliases.begin(), c.aliases.end(), surface) == c.aliases.end())
      c.aliases.push_back(std::move(surface));
  }

  // ---- mentions -----------------------------------------------------------------------------
  // Extends a name over legal suffixes and company words ("Huawei Technologies Co., Ltd."), and
  // over a possessive.
  void finish_mention(Mention& m, std::uint32_t limit, bool extend_corp_words) {
    std::uint32_t k = m.end;
    m.name_end = m.end;
    while (k < limit) {
      const auto f = wflags(k);
      if (capitalised(k) && (f & detail::w_legal)) {
        ++k;
        if (k < limit && key(k) == "." && !tok(k).has(token_space_before)) ++k;
        m.end = k;
        continue;
      }
      if (key(k) == "," && k + 1 < limit && capitalised(k + 1) && (wflags(k + 1) & detail::w_legal) &&
          (key(k + 1) == "inc" || key(k + 1) == "ltd" || key(k + 1) == "llc" || key(k + 1) == "plc" ||
           key(k + 1) == "incorporated" || key(k + 1) == "limited" || key(k + 1) == "llp" || key(k + 1) == "lp" ||
           key(k + 1) == "l.p" || key(k + 1) == "l.l.c" || key(k + 1) == "s.a")) {
        ++k;
        continue;
      }
      if (extend_corp_words && capitalised(k) && (f & detail::w_corp_word) && m.end == m.name_end) {
        ++k;
        m.end = k;
        m.name_end = k;
        continue;
      }
      break;
    }
    if (m.end < limit && key(m.end) == "." && m.end > m.begin && m.end - 1 >= m.name_end) {
      // "Inc." keeps its full stop
    }
    m.next = m.end;
    if (m.next < limit && (key(m.next) == "'s" || (key(m.next) == "'" && text_[tok(m.next - 1).end - 1] == 's'))) {
      m.possessive = true;
      ++m.next;
    }
  }

  void find_mentions(const Sentence& s) {
    mentions_.clear();
    sentence_start_ = s.first_token;
    subject_start_ = dateline_end(s);
    const std::uint32_t first = s.first_token, last = s.last_token;
    for (std::uint32_t k = first; k < last;) {
      const auto* w = info(k);
      if (w && (w->flags & detail::w_pronoun)) {
        Mention m;
        m.begin = k;
        m.end = k + 1;
        m.next = k + 1;
        m.type = MentionType::pronoun;
        m.possessive = key(k) == "its";
        mentions_.push_back(m);
        ++k;
        continue;
      }
      // 1. the lexicon, longest phrase first (a lower-case word only when some phrase allows it)
      if (w && w->lex_tokens && ((w->flags & detail::w_lex_lower) || !is_lower(text_[tok(k).begin]))) {
        const std::uint32_t max_n = std::min<std::uint32_t>(w->lex_tokens, last - k);
        bool matched = false;
        std::uint32_t lengths[16];
        const std::vector<LexHit>* found_hits[16];
        int count = 0;
        for (std::uint32_t n = 1; n <= max_n && n <= 16; ++n) {
          const auto* found = lex_.phrase(t_.keys_of(k, k + n));
          if (!found) break;
          if (!found->empty()) found_hits[count] = found, lengths[count++] = n;
        }
        for (int index = count - 1; index >= 0 && !matched; --index) {
          const std::uint32_t n = lengths[index];
          const auto* hits = found_hits[index];
          if (!hits) continue;
          const LexHit* best = nullptr;
          const LexHit* nonco = nullptr;
          int best_rank = 99;
          for (const auto& h : *hits) {
            const char c0 = text_[tok(k).begin];
            if (h.upper_first && !is_upper(c0)) continue;
            if (h.lower_first && !is_lower(c0)) continue;
            // A bare ticker is a word ("LNG deal" is no Cheniere): only "(LNG)", "NYSE: LNG" or
            // "$LNG" name the company.
            if (h.kind == HitKind::ticker && n == 1 &&
                (tok(k).end - tok(k).begin < 3 || !rule_off("bare-ticker")) &&
                !(k > first && (key(k - 1) == "(" || key(k - 1) == ":" || key(k - 1) == "$")))
              continue;
            if (h.kind == HitKind::non_company) {
              nonco = &h;
              continue;
            }
            const int rank = h.kind == HitKind::name ? 0 : h.kind == HitKind::alias ? 1
                             : h.kind == HitKind::ticker ? 2 : h.kind == HitKind::product ? 4 : 5;
            if (rank < best_rank) best_rank = rank, best = &h;
          }
          // "Qatar Airways", "National Amusements": a place or a common word that starts a longer
          // capitalised name is part of that name.
          if (!best && nonco &&
              (nonco->type == NonCompany::place || nonco->type == NonCompany::word ||
               nonco->type == NonCompany::time) &&
              k + n < last && capitalised(k + n) && !tok(k + n).has(token_newline_before) &&
              (!(wflags(k + n) & detail::w_stop_cap) || (wflags(k + n) & (detail::w_corp_word | detail::w_legal))) &&
              capitalised(k))
            break;
          if (!best && !nonco) continue;
          matched = true;
          Mention m;
          m.begin = k;
          m.end = k + n;
          if (best && (best->kind == HitKind::name || best->kind == HitKind::alias) && !rule_off("country-unit") &&
              country_unit(k + n, last)) {
            // "Vale Indonesia", "Yara Tanzania": a known company and a place right after it name the
            // company's unit in that place, a company of its own.
            const std::uint32_t place_end = k + n + country_unit(k + n, last);
            m.end = place_end;
            m.type = MentionType::company;
            m.company = company_for_name(k, place_end);
            finish_mention(m, last, true);
            note_alias(m.company, m.begin, m.end);
          } else if (std::uint32_t longer = 0; best && best->kind != HitKind::product && best->kind != HitKind::descriptor &&
                     (longer = longer_known_name(k, k + n, last)) != 0) {
            // "Grupo Sabadell Lusitano ... Sabadell Lusitano said": the document's own longer name
            // wins over the lexicon's "Sabadell".
            m.end = longer;
            m.type = MentionType::company;
            m.company = known_company(joined_key(k, longer), false, false);
            finish_mention(m, last, true);
            note_alias(m.company, m.begin, m.end);
          } else if (best && (best->kind == HitKind::name || best->kind == HitKind::alias || best->kind == HitKind::ticker)) {
            m.type = MentionType::company;
            m.company = company_for_lexicon(best->company);
            if (nonco && nonco->type == NonCompany::media_reporter) m.reporter = true;
            if (nonco && nonco->type == NonCompany::exchange) m.exchange = true;
            finish_mention(m, last, true);
            // "Air India Express", "Brookfield Grocers": a known name that runs on into more
            // capitalised words is the name of another company.
            if (best->kind != HitKind::ticker && !m.possessive && m.end == m.next && !rule_off("longer-name"))
              if (const std::uint32_t e = name_continues(m.end, last); e > m.end) {
                // A unit named after its parent works in the parent's sector.
                m.company = company_for_name(k, e, lex_.company(best->company).sector);
                m.end = e;
                m.reporter = m.exchange = false;
                finish_mention(m, last, false);
              }
            note_alias(m.company, m.begin, m.end);
          } else if (nonco && !(best && best->kind == HitKind::product && nonco->type == NonCompany::product)) {
            m.type = (nonco->type == NonCompany::media_reporter || nonco->type == NonCompany::time ||
                      nonco->type == NonCompany::word || nonco->type == NonCompany::person ||
                      nonco->type == NonCompany::product)
                         ? MentionType::transparent
                         : MentionType::blocker;
            m.place = nonco->type == NonCompany::place;
            finish_mention(m, last, false);
            // "Hong Kong-listed", "Madrid-based", "Hong Kong based": the place only locates.
            if (m.next + 1 < last && ((key(m.next) == "-" && (wflags(m.next + 1) & detail::w_based)) ||
                                      (m.next == m.end && (wflags(m.next) & detail::w_based))))
              m.type = MentionType::transparent;
          } else if (best->kind == HitKind::product) {
            m.type = MentionType::product;
            m.company = static_cast<int>(best->company);  // lexicon id until used
            finish_mention(m, last, false);
          } else {
            m.type = MentionType::descriptor;
            m.company = -1;
            descriptor_lexicon_ids_.clear();
            for (const auto& h : *hits)
              if (h.kind == HitKind::descriptor) descriptor_lexicon_ids_.push_back(h.company);
            finish_mention(m, last, false);
            // "iPhone maker Apple" introduces; "the iPhone maker" refers back.
            if (m.next == m.end && m.next < last && (starts_name(m.next) || lexicon_name_at(m.next))) {
              intro_ = true;
              k = m.end;
              break;
            }
            m.company = resolve_lexicon_descriptor();
          }
          mentions_.push_back(m);
          k = m.next;
        }
        if (matched) continue;
      }
      // 2. "the company", "the German carmaker" (pronouns were taken before the lexicon)
      if (key(k) == "the" && k + 1 < last) {
        if (auto m = descriptor_reference(k, last)) {
          mentions_.push_back(*m);
          k = m->next;
          continue;
        }
      }
      // "Three UK ... Three and Vodafone compete": a number word that is the short form of a
      // company of the document, where a number cannot stand (mid-sentence with a capital, or
      // before "and", a comma or a possessive).
      if (!short_forms_.empty() && is_upper(text_[tok(k).begin]) && is_number_word(key(k)) && k + 1 < last &&
          (k > first || key(k + 1) == "and" || key(k + 1) == "," || key(k + 1) == "'s") && !capitalised(k + 1) &&
          !rule_off("number-name"))
        if (const auto sf = short_forms_.find(std::string(key(k))); sf != short_forms_.end()) {
          Mention m;
          m.begin = k;
          m.end = k + 1;
          m.type = MentionType::company;
          m.company = sf->second;
          finish_mention(m, last, false);
          note_alias(m.company, m.begin, m.end);
          mentions_.push_back(m);
          k = m.next;
          continue;
        }
      // "Seven Capital Partners", "Two Sigma Investments": a number word opens a name that is
      // surely a company's (it ends in a company word or a legal suffix).
      if (is_upper(text_[tok(k).begin]) && is_number_word(key(k)) && k + 1 < last && starts_name(k + 1) &&
          !tok(k + 1).has(token_newline_before) && !rule_off("number-name")) {
        const std::size_t known = companies_.size();
        Mention m = candidate(k + 1, last);
        if (m.type == MentionType::company && m.begin == k + 1 && companies_.size() == known + 1 &&
            m.company == static_cast<int>(known) && !intro_) {
          rename(m.company, clean(k, m.name_end), joined_key(k, m.name_end));
          std::erase(companies_[known].aliases, clean(k + 1, m.name_end));
          m.begin = k;
          note_alias(m.company, m.begin, m.end);
        }
        mentions_.push_back(m);
        k = m.next;
        continue;
      }
      // "PT Vale Indonesia Tbk", "PJSC Rosneft": a legal form written before the name.
      if (is_upper(text_[tok(k).begin]) && is_legal_prefix(k) && k + 1 < last && capitalised(k + 1) && !tok(k + 1).has(token_newline_before)) {
        ++k;
        continue;
      }
      // 3. capitalised names in no lexicon
      if (starts_name(k)) {
        Mention m = candidate(k, last);
        intro_ = false;
        mentions_.push_back(m);
        k = m.next;
        continue;
      }
      intro_ = false;
      ++k;
    }
    if (!rule_off("modifier-names")) modifier_names(last);
    if (!rule_off("apposition-noun")) apposition_nouns(last);
    if (!rule_off("acronym-definition")) acronym_definitions(last);
  }

  // "Halvard Pension Fund (HPF) agreed to buy ...": the name is a company, the acronym in brackets
  // one of its names (a later "HPF" is the same node), and no argument of its own.
  void acronym_definitions(std::uint32_t last) {
    for (std::size_t i = 0; i + 1 < mentions_.size(); ++i) {
      auto& m = mentions_[i];
      if ((m.type != MentionType::company && m.type != MentionType::candidate) || m.possessive) continue;
      // "Corvane Robotics Inc. (NASDAQ: CRVR)", "Halden Motors (HLDN.O)": a ticker in brackets.
      if (m.type == MentionType::company && m.next + 2 < last && key(m.next) == "(") {
        std::size_t j = i + 1;
        std::uint32_t at = m.next + 1;
        if (j < mentions_.size() && mentions_[j].begin == at && mentions_[j].exchange && mentions_[j].next < last &&
            key(mentions_[j].next) == ":") {
          mentions_[j].type = MentionType::transparent;
          at = mentions_[j].next + 1;
          ++j;
        }
        if (j < mentions_.size() && mentions_[j].begin == at && mentions_[j].end == at + 1 &&
            mentions_[j].next < last && key(mentions_[j].next) == ")" &&
            (mentions_[j].type == MentionType::candidate || mentions_[j].company == m.company)) {
          const auto ticker = raw(at, at + 1);
          bool shape = ticker.size() >= 2 && ticker.size() <= 12;
          for (char c : ticker) shape &= is_upper(c) || (c >= '0' && c <= '9') || c == '.' || c == '-';
          // Without an exchange, capitals that start like the name are an acronym (below).
          const bool acronym_like = j == i + 1 && ticker[0] == text_[tok(m.begin).begin] &&
                                    ticker.find_first_of(".0123456789") == std::string_view::npos;
          if (shape && !acronym_like) {
            mentions_[j].type = MentionType::transparent;
            mentions_[j].company = -1;
            continue;
          }
        }
      }
      auto& a = mentions_[i + 1];
      if (a.begin != m.next + 1 || key(m.next) != "(" || a.end != a.begin + 1 || a.next >= last || key(a.next) != ")")
        continue;
      if (a.type != MentionType::candidate && !(a.type == MentionType::company && a.company == m.company)) continue;
      const auto acronym = raw(a.begin, a.end);
      bool capitals = acronym.size() >= 2 && acronym.size() <= 6 && acronym[0] == text_[tok(m.begin).begin];
      for (char c : acronym) capitals &= is_upper(c) || c == '&';
      if (!capitals || (m.type == MentionType::candidate && m.name_end < m.begin + 2)) continue;
      if (m.type == MentionType::candidate) {
        m.company = company_for_name(m.begin, m.name_end);
        m.type = MentionType::company;
        note_alias(m.company, m.begin, m.end);
      }
      by_key_.emplace(std::string(key(a.begin)), m.company);
      note_alias(m.company, a.begin, a.end);
      a.type = MentionType::transparent;
      a.company = -1;
    }
  }

  // "Tamu Pay, a Nairobi-based startup that ...", "Carden Composites, a small supplier in
  // Toulouse": an apposition whose head is a descriptor noun says the name is a company (an
  // unknown capitalised name becomes one) and gives the noun that may later refer to it.
  void apposition_nouns(std::uint32_t last) {
    for (std::size_t i = 0; i < mentions_.size(); ++i) {
      auto& m = mentions_[i];
      // "The North Face owner VF Corp": a brand that has an owner is a business of its own.
      if (m.type == MentionType::product && !m.possessive && m.next < last &&
          (key(m.next) == "owner" || key(m.next) == "owners" || key(m.next) == "parent") &&
          !rule_off("owned-brand")) {
        m.type = MentionType::company;
        m.company = company_for_name(m.begin, m.end);
        note_alias(m.company, m.begin, m.end);
        continue;
      }
      // "A smaller Indonesian producer, PT Sinar Nikel Abadi, said ...": the description first.
      if (m.type == MentionType::candidate && !m.possessive && m.next < last && key(m.next) == ",") {
        std::uint32_t b = m.begin;
        if (b > sentence_start_ && is_legal_prefix(b - 1)) --b;
        if (b >= sentence_start_ + 3 && key(b - 1) == "," && (wflags(b - 2) & detail::w_desc_noun) &&
            !(wflags(b - 2) & detail::w_title) && is_lower(text_[tok(b - 2).begin]) &&
            (key(b - 3) != "'s" && key(b - 3) != "'") && !rule_off("apposition-noun-before")) {
          const int company = company_for_name(m.begin, m.name_end);
          note_alias(company, m.begin, m.end);
          m.type = MentionType::company;
          m.company = company;
          describe(company, b - 2);
          continue;
        }
      }
      if (m.type != MentionType::company && m.type != MentionType::candidate) continue;
      if (m.possessive || m.next + 3 >= last || key(m.next) != ",") continue;
      const auto article = key(m.next + 1);
      if (article != "a" && article != "an" && article != "the") continue;
      std::size_t next_mention = i + 1;
      for (std::uint32_t j = m.next + 2; j < last && j < m.next + 8; ++j) {
        // Places and hyphenated attributes may stand in the description ("a Nairobi-based").
        while (next_mention < mentions_.size() && mentions_[next_mention].end <= j) ++next_mention;
        bool lexicon_description = false;
        if (next_mention < mentions_.size() && mentions_[next_mention].begin <= j) {
          const auto& inner = mentions_[next_mention];
          const bool place_like = inner.type == MentionType::transparent ||
                                  (inner.type == MentionType::blocker && inner.place && !inner.possessive);
          // "FrieslandCampina, the Dutch dairy cooperative,": a lexicon description's last word
          // is the head.
          lexicon_description = inner.type == MentionType::descriptor && !inner.possessive && inner.end > j;
          if (!place_like && !lexicon_description) break;
          j = inner.next - 1;
          if (!lexicon_description) continue;
        }
        if (key(j) == "-") continue;
        if (tok(j).kind != TokenKind::word) break;
        const auto f = wflags(j);
        if (!is_lower(text_[tok(j).begin]) && !(f & detail::w_nationality)) break;
        if (f & (detail::w_prep | detail::w_list | detail::w_pronoun | detail::w_say)) break;
        if (!(f & (detail::w_desc_noun | detail::w_generic))) continue;
        // "Smith, a developer at ...": a noun that also names a person's job says nothing.
        if (f & detail::w_title) break;
        const std::uint32_t after = j + 1;
        // "SK Square, the group's investment arm,": a possessive noun determines the next one.
        if (after < last && (key(after) == "'s" || key(after) == "'")) {
          j = after;
          continue;
        }
        // "the engine maker jointly owned by ...": an adverb or participle may follow the noun.
        const auto a = after < last ? key(after) : std::string_view{};
        const bool modifier_word = after < last && tok(after).kind == TokenKind::word &&
                                   is_lower(text_[tok(after).begin]) && a.size() > 4 &&
                                   (a.ends_with("ly") || a.ends_with("ed")) && !(wflags(after) & detail::w_say);
        if (after < last && !modifier_word && !(key(after) == "," || key(after) == "." || key(after) == "that" ||
                              key(after) == "which" || key(after) == "-" || key(after) == ";" ||
                              (wflags(after) & detail::w_prep) || key(after) == "behind" ||
                              key(after) == "known" || key(after) == "based" || key(after) == "whose"))
          break;
        int company = m.company;
        if (m.type == MentionType::candidate) {
          std::string_view sector;
          if (const auto* w = info(j); w && w->sector) sector_buffer_ = sector_name(w->sector), sector = sector_buffer_;
          company = company_for_name(m.begin, m.name_end, sector);
          note_alias(company, m.begin, m.end);
          m.type = MentionType::company;
          m.company = company;
        }
        describe(company, j);
        break;
      }
    }
  }

  // Lower-case words from k on that end in a descriptor noun ("port operator", "AI startup",
  // "power cable project company"): the token after that noun, or 0 when there is none. A noun
  // that is itself a cue ("owner", "unit", "rival") is no plain description.
  std::uint32_t description_end(std::uint32_t k, std::uint32_t last) const {
    for (std::uint32_t j = k; j < last && j < k + 5; ++j) {
      if (tok(j).kind != TokenKind::word) return 0;
      const auto f = wflags(j);
      const bool lower = is_lower(text_[tok(j).begin]);
      // "AI", "LNG": a short capitalised acronym may qualify the noun.
      const bool acronym = !lower && tok(j).end - tok(j).begin <= 4 && (f & detail::w_stop_cap);
      if (!lower && !acronym) return 0;
      if (f & (detail::w_prep | detail::w_list | detail::w_pronoun | detail::w_say)) return 0;
      if (f & (detail::w_desc_noun | detail::w_generic)) {
        // "the KSB group", "the Acme company": a generic head is the named company itself.
        if (f & detail::w_generic) return 0;
        if (const auto* g = lex_.grammar(key(j)))
          for (const auto& h : *g)
            if (h.is_cue) return 0;
        return j + 1;
      }
    }
    return 0;
  }

  // "TOKYO, Nov 18 -- Hitachi said it ...", "LONDON, June 17 (Corpwire) - X said": the token after
  // a dateline, where the sentence's subject stands; the first token when there is none.
  std::uint32_t dateline_end(const Sentence& s) const {
    if (rule_off("dateline") || s.first_token >= s.last_token || !capitalised(s.first_token)) return s.first_token;
    for (std::uint32_t j = s.first_token + 1; j < s.last_token && j < s.first_token + 16; ++j) {
      const auto kj = key(j);
      if (!kj.empty() && kj.find_first_not_of('-') == std::string_view::npos) {
        std::uint32_t after = j + 1;
        while (after < s.last_token && !key(after).empty() && key(after).find_first_not_of('-') == std::string_view::npos)
          ++after;
        return after < s.last_token ? after : s.first_token;
      }
      const bool allowed = kj == "," || kj == "(" || kj == ")" || kj == "/" || kj == "." ||
                           tok(j).kind == TokenKind::number || capitalised(j);
      if (!allowed) return s.first_token;
    }
    return s.first_token;
  }

  // Whether token k is the plural of a descriptor noun ("carriers", "lenders", "rivals").
  bool plural_descriptor(std::uint32_t k) const {
    if (k >= t_.tokens.size() || tok(k).kind != TokenKind::word || !is_lower(text_[tok(k).begin])) return false;
    const auto w = key(k);
    if (w.size() < 4 || w.back() != 's') return false;
    const auto* singular = lex_.word(w.substr(0, w.size() - 1));
    return singular && (singular->flags & (detail::w_desc_noun | detail::w_generic));
  }

  // Names that only qualify a description are no arguments: "Singapore's port operator PSA
  // International" and "Oslo AI startup Nordlys Labs" (the place only locates the company),
  // "the Krakow studio behind the hit" (an unknown name inside a description is an attribute).
  void modifier_names(std::uint32_t last) {
    for (std::size_t i = 0; i < mentions_.size(); ++i) {
      auto& m = mentions_[i];
      const bool place = m.type == MentionType::blocker && m.place;
      if (!place && m.type != MentionType::candidate) continue;
      // "Gulf carriers such as Emirates", "European lenders": a place before a plural noun.
      if (place && !m.possessive && plural_descriptor(m.next)) {
        m.type = MentionType::transparent;
        continue;
      }
      // "Renault's Tangier factory", "the North Field South expansion project": a name before a
      // site or project is where it is, not a company.
      bool site = false;
      for (std::uint32_t j = m.next; j < last && j < m.next + 3 && !site; ++j) {
        if (tok(j).kind != TokenKind::word || !is_lower(text_[tok(j).begin])) break;
        if (wflags(j) & (detail::w_prep | detail::w_list | detail::w_legal | detail::w_stop_cap | detail::w_say))
          break;
        site = is_site_noun(key(j)) || key(j) == "project" || key(j) == "projects";
      }
      if (site && m.type == MentionType::candidate && !m.possessive && m.name_end == m.end &&
          !(wflags(m.name_end - 1) & detail::w_corp_word) && !rule_off("modifier-names")) {
        m.type = MentionType::transparent;
        continue;
      }
      const std::uint32_t end = description_end(m.next, last);
      if (!end) continue;
      const bool named = i + 1 < mentions_.size() && mentions_[i + 1].begin == end &&
                         (mentions_[i + 1].type == MentionType::company ||
                          mentions_[i + 1].type == MentionType::candidate);
      if (place && named) {
        m.type = MentionType::transparent;
        continue;
      }
      if (m.type != MentionType::candidate || m.possessive || named || m.begin == 0) continue;
      const auto before = key(m.begin - 1);
      if ((before == "the" || before == "a" || before == "an") && !(end < last && starts_name(end)))
        m.type = MentionType::transparent;
    }
  }

  // The tokens of a place name that follows a company name ending before e as part of one name ("Vale
  // Indonesia"), or 0. Not a place that stands as an attribute ("Nvidia India's", "Apple
  // Brazil-based", "Shell, Nigeria") or that starts a longer name ("Samsung Austin Semiconductor").
  std::uint32_t country_unit(std::uint32_t e, std::uint32_t last) const {
    if (e >= last || !capitalised(e) || tok(e).has(token_newline_before) || !tok(e).has(token_space_before)) return 0;
    const std::uint32_t found = place_run(e, last, 3, true);
    if (!found) return 0;
    const std::uint32_t after = e + found;
    if (after < last) {
      const auto a = key(after);
      if (a == "'s" || a == "'" || a == "-") return 0;
      if (capitalised(after) && !(wflags(after) & (detail::w_legal | detail::w_stop_cap))) return 0;
    }
    return found;
  }

  // The tokens of the longest place name of the lexicon at token k, or 0.
  std::uint32_t place_tokens(std::uint32_t k, std::uint32_t last) const { return place_run(k, last, 4, false); }

  // The tokens of the longest lexicon place name of at most max tokens at k, or 0; with
  // company_stops, 0 as soon as a company's phrase starts there too ("Air India").
  std::uint32_t place_run(std::uint32_t k, std::uint32_t last, std::uint32_t max, bool company_stops) const {
    const auto* w = info(k);
    if (!w || !w->lex_tokens) return 0;
    std::uint32_t found = 0;
    for (std::uint32_t n = 1; n <= w->lex_tokens && k + n <= last && n <= max; ++n) {
      const auto* hits = lex_.phrase(t_.keys_of(k, k + n));
      if (!hits) break;
      for (const auto& h : *hits)
        if (h.kind == HitKind::non_company && h.type == NonCompany::place) found = n;
        else if (company_stops && h.kind != HitKind::non_company) return 0;
    }
    return found;
  }

  // Whether any lexicon phrase (company, product, place, word...) starts at token k.
  bool lexicon_phrase_at(std::uint32_t k, std::uint32_t last) const {
    const auto* w = info(k);
    if (!w || !w->lex_tokens) return false;
    for (std::uint32_t n = 1; n <= w->lex_tokens && k + n <= last; ++n) {
      const auto* hits = lex_.phrase(t_.keys_of(k, k + n));
      if (!hits) return false;
      if (!hits->empty()) return true;
    }
    return false;
  }

  // Whether a lexicon company name or alias starts at token k.
  bool lexicon_company_at(std::uint32_t k, std::uint32_t last) const {
    const auto* w = info(k);
    if (!w || !w->lex_tokens) return false;
    for (std::uint32_t n = std::min<std::uint32_t>(w->lex_tokens, last - k); n >= 1; --n) {
      if (const auto* hits = lex_.phrase(t_.keys_of(k, k + n)))
        for (const auto& h : *hits)
          if (h.kind == HitKind::name || h.kind == HitKind::alias) return true;
    }
    return false;
  }

  bool lexicon_name_at(std::uint32_t k) const {
    const auto* w = info(k);
    return w && w->lex_tokens && tok(k).kind == TokenKind::word && is_upper(text_[tok(k).begin]);
  }

  // The end of a name of the document's unknown companies that runs on from a lexicon match
  // [b, e) over capitalised words, or 0. Costs nothing while no such name has been seen.
  std::uint32_t longer_known_name(std::uint32_t b, std::uint32_t e, std::uint32_t last) {
    if (short_forms_.empty() || e >= last || !capitalised(e) || (wflags(e) & (detail::w_stop_cap | detail::w_legal)))
      return 0;
    std::string k = joined_key(b, e);
    std::uint32_t found = 0;
    for (std::uint32_t j = e; j < last && j < e + 3 && capitalised(j) && !(wflags(j) & detail::w_stop_cap); ++j) {
      k += ' ';
      k += key(j);
      if (by_key_.count(k) || short_forms_.count(k)) found = j + 1;
    }
    if (found && known_company(joined_key(b, found), false, false) < 0) return 0;
    return found;
  }

  // The end of capitalised words from e on that continue a name ("Express" after "Air India"), or
  // e. Not words of the grammar ("Apple Signs Deal" in a title-case headline), stop words, legal
  // suffixes, places, people or the start of another lexicon phrase.
  std::uint32_t name_continues(std::uint32_t e, std::uint32_t last) const {
    std::uint32_t j = e;
    while (j < last && j < e + 3 && capitalised(j) && tok(j).has(token_space_before) &&
           !tok(j).has(token_newline_before)) {
      const auto* w = info(j);
      if (w && ((w->lex_tokens && lexicon_phrase_at(j, last)) || w->grammar_tokens ||
                (w->flags & (detail::w_stop_cap | detail::w_legal | detail::w_first_name | detail::w_title |
                             detail::w_nationality | detail::w_say))))
        break;
      ++j;
    }
    if (j == e) return e;
    // "Delta Airlines Inc" aside: a continuation followed by a possessive or hyphen stays apart.
    if (j < last && (key(j) == "-" || (tok(j).kind == TokenKind::word && capitalised(j) && !(wflags(j) & detail::w_legal))))
      return e;
    return j;
  }

  // "A smaller Indonesian producer, PT Y, said it ...", "The Dutch brewer, Y, ...": a description
  // opening the sentence and a name set off by commas after it; the name is the subject. -1 when
  // the sentence does not open so.
  int opening_apposition_subject(const Sentence& s) const {
    if (rule_off("opening-apposition")) return -1;
    const std::uint32_t b = s.first_token;
    if (b + 4 >= s.last_token) return -1;
    const auto article = key(b);
    if (article != "a" && article != "an" && article != "the") return -1;
    for (const auto& m : mentions_) {
      if (m.begin > b + 8) return -1;
      if (m.type == MentionType::transparent || (m.type == MentionType::blocker && m.place)) continue;
      if (m.type != MentionType::company || m.possessive) return -1;
      std::uint32_t before = m.begin;
      if (before > b && is_legal_prefix(before - 1)) --before;
      if (before < b + 3 || key(before - 1) != "," || m.next >= s.last_token || key(m.next) != ",") return -1;
      if (!(wflags(before - 2) & (detail::w_desc_noun | detail::w_generic))) return -1;
      for (std::uint32_t k = b + 1; k + 1 < before; ++k)
        if (tok(k).kind != TokenKind::word || !(is_lower(text_[tok(k).begin]) || (wflags(k) & detail::w_nationality)))
          return -1;
      return m.company;
    }
    return -1;
  }

  // Words that open a company's name in Romance and German languages ("Grupo", "Banco").
  static bool organisation_word(std::string_view k) {
    return k == "grupo" || k == "groupe" || k == "gruppo" || k == "banco" || k == "banca" || k == "banque" ||
           k == "compania" || k == "compañía" || k == "companhia" || k == "compagnie" || k == "societe" || k == "sociedad" ||
           k == "industrias" || k == "laboratorios" || k == "corporacion" || k == "fondo" || k == "caixa" ||
           k == "caja" || k == "editora" || k == "editorial";
  }

  bool is_person_surname(std::string_view k) const {
    if (rule_off("person-surname")) return false;
    return std::find(person_surnames_.begin(), person_surnames_.end(), k) != person_surnames_.end();
  }

  static bool is_site_noun(std::string_view k) {
    return k == "plant" || k == "plants" || k == "factory" || k == "factories" || k == "office" || k == "offices" ||
           k == "headquarters" || k == "headquartered" || k == "based" || k == "located" || k == "site" ||
           k == "facility" || k == "facilities" || k == "mine" || k == "port" || k == "hub" || k == "mill" ||
           k == "refinery" || k == "warehouse" || k == "campus" || k == "store" || k == "stores";
  }

  static bool is_number_word(std::string_view k) {
    return k == "one" || k == "two" || k == "three" || k == "four" || k == "five" || k == "six" || k == "seven" ||
           k == "eight" || k == "nine" || k == "ten";
  }

  bool is_legal_prefix(std::uint32_t k) const {
    const auto r = raw(k, k + 1);
    return r == "PT" || r == "PJSC" || r == "JSC" || r == "OJSC" || r == "PAO";
  }

  bool starts_name(std::uint32_t k) const {
    const auto& tk = tok(k);
    if (tk.kind != TokenKind::word) return false;
    const char c = text_[tk.begin];
    if (!is_upper(c)) return false;
    return !(wflags(k) & detail::w_stop_cap);
  }

  Mention candidate(std::uint32_t k, std::uint32_t last) {
    // "Startup Cerebrate Systems raised...": a capitalised descriptor noun introduces the name.
    if ((wflags(k) & detail::w_desc_noun) && k + 1 < last && starts_name(k + 1) &&
        !tok(k + 1).has(token_newline_before)) {
      intro_ = true;
      ++k;
    }
    Mention m;
    m.begin = k;
    std::uint32_t e = k + 1;
    while (e < last && e - k < 6) {
      if (tok(e).has(token_newline_before)) break;
      const auto f = wflags(e);
      if (capitalised(e) && (!(f & detail::w_stop_cap) || (f & (detail::w_legal | detail::w_corp_word)))) {
        const auto* w = info(e);
        if (w && (f & detail::w_company_start) && !(f & (detail::w_legal | detail::w_corp_word)) &&
            !(e == k + 1 && organisation_word(key(k))) && lexicon_company_at(e, last))
          break;  // a known name starts ("Grupo Sabadell Lusitano" is one name, not Grupo + Sabadell)
        ++e;
        continue;
      }
      if ((f & detail::w_name_link) && e + 1 < last && starts_name(e + 1) && key(e) != "and") {
        e += 2;
        continue;
      }
      // "Brasserie de la Meuse", "Bank of the West": two linking words.
      if ((f & detail::w_name_link) && key(e) != "and" && key(e) != "&" && e + 2 < last &&
          ((wflags(e + 1) & detail::w_name_link) || key(e + 1) == "the") && key(e + 1) != "and" &&
          key(e + 1) != "&" && starts_name(e + 2) && !rule_off("name-link-pair")) {
        e += 3;
        continue;
      }
      break;
    }
    // Trailing legal suffixes belong to the mention but not to the name.
    std::uint32_t name_end = e;
    bool legal = false;
    while (name_end > k + 1 && (wflags(name_end - 1) & detail::w_legal)) --name_end, legal = true;
    m.end = e;
    if (e < last && key(e) == "." && legal && !tok(e).has(token_space_before) &&
        (e + 1 >= last || !capitalised(e + 1) || true)) {
      // "Inc." : the full stop is part of the name (the sentence splitter kept it inside).
      m.end = e + 1;
    }
    finish_mention(m, last, false);
    m.name_end = name_end;
    const bool corp_word = name_end - k >= 2 && (wflags(name_end - 1) & detail::w_corp_word);
    const bool after_descriptor = k > 0 && (intro_ || (wflags(k - 1) & detail::w_desc_noun) ||
                                            (k >= 2 && key(k - 1) == "based" && key(k - 2) == "-"));
    const std::string& k_name = lookup_key(t_.keys_of(k, name_end));
    const int known_id = known_company(k_name, legal, name_end == k + 1);
    // "Harbor Lane said": a name the document already uses for a company stays that company.
    const bool known = known_id >= 0 && !rule_off("known-name-says");
    // "its chief executive, Lourenco Goncalves": a title and a comma before the name.
    const bool titled = k > 0 && ((wflags(k - 1) & detail::w_title) ||
                                  (k > 1 && key(k - 1) == "," && (wflags(k - 2) & detail::w_title) &&
                                   !(wflags(k - 2) & detail::w_desc_noun) && !rule_off("title-comma")));
    const bool person = (titled && !after_descriptor) ||
                        (name_end - k >= 2 && (wflags(k) & detail::w_first_name) && !legal && !corp_word) ||
                        (!legal && !corp_word && m.next < last && (wflags(m.next) & detail::w_say) &&
                         !after_descriptor && !known) ||
                        // "David Ellison ... Ellison's father": a surname the document gave a person.
                        (name_end == k + 1 && !legal && known_id < 0 && is_person_surname(key(k)));
    if (person && name_end - k >= 2 && !legal && !corp_word && person_surnames_.size() < 32)
      person_surnames_.push_back(key(name_end - 1));
    bool place = m.next + 1 < last && key(m.next) == "-" && key(m.next + 1) == "based";
    // "Spanish-language", "Korean-made": a capitalised word joined to a lower-case one is no name.
    for (std::uint32_t i = k; i < name_end && !place; ++i) {
      const auto r = raw(i, i + 1);
      for (std::size_t p = 0; p + 1 < r.size(); ++p)
        if (r[p] == '-' && is_lower(r[p + 1])) place = true;
    }
    // "the Franco-Italian group", "Sino-Japanese": a compound that ends in a nationality.
    if (!place && name_end == k + 1 && !rule_off("nationality-compound")) {
      const auto r = raw(k, k + 1);
      if (const auto dash = r.rfind('-'); dash != std::string_view::npos && dash + 2 < r.size()) {
        std::string tail(r.substr(dash + 1));
        for (char& c : tail) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        if (const auto* w = lex_.word(tail); w && (w->flags & detail::w_nationality)) place = true;
      }
    }
    // "the two North American giants": a compass word before a nationality is no name.
    const bool compass = name_end == k + 1 && m.next < last && capitalised(m.next) &&
                         (wflags(m.next) & detail::w_nationality) &&
                         (key(k) == "north" || key(k) == "south" || key(k) == "east" || key(k) == "west" ||
                          key(k) == "central" || key(k) == "latin");
    // "the Fuchs family", "VF 3 and VF 5 city cars": a family or a model number is no company.
    const bool family_or_model =
        m.next < last && !legal && !corp_word && !m.possessive &&
        (key(m.next) == "family" || key(m.next) == "families" ||
         (tok(m.next).end - tok(m.next).begin <= 3 &&
          std::all_of(text_.begin() + tok(m.next).begin, text_.begin() + tok(m.next).end,
                      [](char c) { return c >= '0' && c <= '9'; }))) &&
        !rule_off("family-model");
    // "the City of Hamburg", "the State of Qatar": a government.
    const bool government = name_end >= k + 3 && key(k + 1) == "of" &&
                            (key(k) == "city" || key(k) == "state" || key(k) == "government" || key(k) == "province" ||
                             key(k) == "republic" || key(k) == "kingdom" || key(k) == "county" ||
                             key(k) == "municipality" || key(k) == "emirate" || key(k) == "port");
    // "Project Bromo", "North Field South", "the Grasberg mine": a project, a field or a mine.
    const auto last_word = key(name_end - 1);
    const bool asset = !legal && !corp_word && name_end >= k + 2 &&
                       (key(k) == "project" || key(k) == "operation" || last_word == "field" ||
                        last_word == "mine" || last_word == "project" || last_word == "oilfield") &&
                       !rule_off("family-model");
    // "its plant in Tangier", "offices near Eindhoven": an unknown place.
    const bool located = !legal && !corp_word && k >= 2 && (key(k - 1) == "in" || key(k - 1) == "near") &&
                         is_site_noun(key(k - 2)) && !rule_off("family-model");
    if (government && !rule_off("family-model")) {
      m.type = MentionType::blocker;
      return m;
    }
    // "Series B", "Class A": a single letter is no name.
    const bool letter = name_end == k + 1 && tok(k).end - tok(k).begin == 1;
    // ", Incorporated" left over: a legal form alone names nothing.
    // ("SAS", "AG" in capitals may be the airline or a ticker-like name).
    const bool legal_only = name_end == k + 1 && (wflags(k) & detail::w_legal) && tok(k).end - tok(k).begin > 1 &&
                            (is_lower(text_[tok(k).begin + 1]) || text_[tok(k).begin + 1] == '.');
    if (person || place || compass || legal_only || family_or_model || letter || asset || located) {
      m.type = MentionType::transparent;
      return m;
    }
    if (known_id >= 0) {
      m.type = MentionType::company;
      m.company = known_id;
    } else if (legal || corp_word || after_descriptor) {
      m.type = MentionType::company;
      std::string_view sector;
      if (after_descriptor && k > 0) {
        const auto* w = info(k - 1);
        if (w && w->sector) sector_buffer_ = sector_name(w->sector), sector = sector_buffer_;
      }
      m.company = company_for_name(k, name_end, sector);
      // "artificial intelligence startup Quillmind": a later "the startup" is Quillmind.
      if (k > 0 && (wflags(k - 1) & detail::w_desc_noun)) describe(m.company, k - 1);
    } else {
      m.type = MentionType::candidate;
    }
    if (m.company >= 0) note_alias(m.company, m.begin, m.end);
    return m;
  }

  // The document company a name key stands for: the name itself, or a short form of a fuller
  // name seen before; -1 when none.
  int known_company(const std::string& k_name, bool legal, bool one_word) const {
    if (auto it = by_key_.find(k_name); it != by_key_.end()) return it->second;
    // "Park National Corp" is not the "Park National Bank" of the sentence before, and "Royal
    // London" beside "Royal London Asset Management" is its parent (a one-word short form in the
    // same sentence is still the company: "Arbutus Biopharma and Genevant, in which Arbutus holds
    // a stake").
    if (auto sf = short_forms_.find(k_name);
        sf != short_forms_.end() && !legal &&
        (one_word || companies_[static_cast<std::size_t>(sf->second)].last_sentence != sentence_no_))
      return sf->second;
    return -1;
  }

  // Remembers the descriptor noun at token k for a company ("startup", "studio", "lender"), so
  // that "the startup" later finds it.
  void describe(int company, std::uint32_t k) {
    // "company", "firm", "group" describe every company: they resolve by subject, not by noun.
    if (company < 0 || (wflags(k) & detail::w_generic)) return;
    auto& c = companies_[static_cast<std::size_t>(company)];
    const auto noun = key(k);
    for (std::uint8_t i = 0; i < c.noun_count; ++i)
      if (c.nouns[i] == noun) return;
    if (c.noun_count < std::size(c.nouns)) c.nouns[c.noun_count++] = noun;
  }

  // The company of the document (most recently seen) whose lexicon descriptions use the word, or -1.
  int described_by_lexicon(std::string_view word, std::string_view country) const {
    int best = -1;
    std::uint32_t seen = 0;
    for (std::size_t i = 0; i < companies_.size(); ++i) {
      const auto& c = companies_[i];
      if (c.lexicon < 0 || (!country.empty() && c.country != country)) continue;
      const auto& words = lex_.company(static_cast<std::uint32_t>(c.lexicon)).descriptor_words;
      const auto at = words.find(word);
      if (at == std::string::npos || words[at - 1] != ' ' || words[at + word.size()] != ' ') continue;
      if (best < 0 || c.last_seen > seen) best = static_cast<int>(i), seen = c.last_seen;
    }
    return best;
  }

  // The company the document described with this noun most recently, or -1.
  int described_as(std::string_view noun) const {
    int best = -1;
    std::uint32_t seen = 0;
    for (std::size_t i = 0; i < companies_.size(); ++i) {
      const auto& c = companies_[i];
      for (std::uint8_t n = 0; n < c.noun_count; ++n)
        if (c.nouns[n] == noun && (best < 0 || c.last_seen > seen)) best = static_cast<int>(i), seen = c.last_seen;
    }
    return best;
  }

  static std::string sector_name(std::uint8_t group) {
    // One sector per group that the group's own sectors fit (Lexicon::sector_fits).
    static const char* names[] = {"automotive", "semiconductors", "pharma", "banking", "retail",
                                  "airlines", "insurance", "mining", "gaming", "media",
                                  "telecom", "energy", "consumer electronics", "technology", "investment",
                                  "conglomerate"};
    return group >= 1 && group <= std::size(names) ? names[group - 1] : "";
  }

  int resolve_lexicon_descriptor() {
    int best = -1;
    std::uint32_t seen = 0;
    for (auto id : descriptor_lexicon_ids_) {
      if (auto it = by_lexicon_.find(id); it != by_lexicon_.end()) {
        const auto& c = companies_[static_cast<std::size_t>(it->second)];
        if (best < 0 || c.last_seen > seen) best = it->second, seen = c.last_seen;
      }
    }
    return best;
  }

  // "the company", "the German carmaker", "the US tech giant" -> a company of the document.
  std::optional<Mention> descriptor_reference(std::uint32_t k, std::uint32_t last) {
    std::uint8_t sector = 0;
    std::string_view country;
    std::string_view modifier;  // a plain word before the noun: "search" in "the search company"
    for (std::uint32_t j = k + 1; j < last && j <= k + 4; ++j) {
      const auto* w = info(j);
      const auto f = w ? w->flags : 0u;
      if (w && w->sector) sector = w->sector;
      if (f & detail::w_nationality) country = std::string_view(w->country, 2);
      if (!(f & (detail::w_nationality | detail::w_desc_noun | detail::w_generic | detail::w_stop_cap)) &&
          !(w && w->sector) && tok(j).kind == TokenKind::word && is_lower(text_[tok(j).begin]) && key(j).size() > 3)
        modifier = key(j);
      if (f & (detail::w_desc_noun | detail::w_generic)) {
        const std::uint32_t after = j + 1;
        if (after < last && (starts_name(after) || key(after) == "of")) return std::nullopt;
        Mention m;
        m.begin = k;
        m.end = j + 1;
        m.next = j + 1;
        if (m.next < last && key(m.next) == "'s") m.possessive = true, ++m.next;
        m.type = MentionType::descriptor;
        // "the startup" is read like "the company": the last subject, unless that is the company
        // this sentence opens with ("Google has also invested in the startup").
        bool generic = (f & detail::w_generic) != 0;
        if (!generic && key(j) == "startup") {
          generic = true;
          for (const auto& prior : mentions_)
            if (prior.type == MentionType::company) {
              generic = prior.company != last_subject_;
              break;
            }
        }
        // "Air India Express, the airline's budget unit": a possessive description in an
        // apposition speaks of another company than the one it follows.
        int exclude = -1;
        if (m.possessive && k >= 1 && key(k - 1) == "," && !mentions_.empty() && mentions_.back().next == k - 1 &&
            !rule_off("apposition-possessive"))
          exclude = mentions_.back().company;
        m.company = resolve_by_kind(sector, country, generic, exclude);
        // "Microsoft provides the computing power that Quillmind uses and has invested in the San
        // Francisco company": a description after the subject names the other company of the
        // sentence, the latest one that fits.
        if (k > sentence_start_ && !m.possessive && ((f & detail::w_generic) || sector || !country.empty()) &&
            !rule_off("sentence-descriptor")) {
          int first = -1, other = -1;
          for (const auto& prior : mentions_) {
            if (prior.type != MentionType::company || prior.company < 0 || prior.possessive) continue;
            if (first < 0) first = prior.company;
            else if (prior.company != first) other = prior.company;
          }
          if (other >= 0 && other != exclude) {
            const auto& c = companies_[static_cast<std::size_t>(other)];
            if ((!sector || Lexicon::sector_fits(sector, c.sector)) && (country.empty() || c.country == country))
              m.company = other;
          }
        }
        // "The company ..." opening a paragraph speaks of the article's own company, whoever
        // the paragraph before ended with.
        if ((f & detail::w_generic) && !sector && country.empty() && k == sentence_start_ && tok(k).has(token_newline_before) &&
            main_company_ >= 0 && !rule_off("paragraph-company"))
          m.company = main_company_;
        // "Tamu Pay, a Nairobi-based startup ... the startup": the company the text gave that noun.
        if (country.empty() && !rule_off("described-noun"))
          if (const int d = described_as(key(j)); d >= 0) m.company = d;
        // "the search company": the company of the document that the lexicon describes so.
        if (!modifier.empty() && !sector && !rule_off("descriptor-word"))
          if (const int d = described_by_lexicon(modifier, country); d >= 0) m.company = d;
        // "the two companies", "both firms": a plural stands for no single company.
        const auto head = key(j);
        if (!rule_off("plural-descriptor") && head.size() > 3 && head.back() == 's' && head != "business" &&
            head != "holdings" && !m.possessive)
          m.company = -1;
        // Unresolved: the lexicon may know the phrase ("the iPhone maker").
        if (m.company < 0 && k + 1 < last && info(k + 1) && info(k + 1)->lex_tokens) return std::nullopt;
        return m;
      }
      // "the Hong Kong conglomerate", "the Texas utility": a place inside the description.
      if (capitalised(j) && !(f & detail::w_nationality) && !rule_off("descriptor-place"))
        if (const std::uint32_t n = place_tokens(j, last); n > 0) {
          j += n - 1;
          if (j + 2 < last && key(j + 1) == "-" && (wflags(j + 2) & detail::w_based)) j += 2;
          continue;
        }
      // "the Cincinnati-based grocer"
      if (j + 2 < last && key(j + 1) == "-" && key(j + 2) == "based") {
        j += 2;
        continue;
      }
      if (tok(j).kind != TokenKind::word) return std::nullopt;
      const char c = text_[tok(j).begin];
      if (!(is_lower(c) || (f & detail::w_nationality))) return std::nullopt;
      if (f & detail::w_prep) return std::nullopt;
      // "The collapse leaves both companies": another determiner starts another noun phrase.
      const auto kj = key(j);
      if (kj == "the" || kj == "a" || kj == "an" || kj == "both" || kj == "its" || kj == "their" || kj == "this")
        return std::nullopt;
    }
    return std::nullopt;
  }

  int resolve_by_kind(std::uint8_t sector, std::string_view country, bool generic, int exclude = -1) {
    int best = -1;
    std::uint32_t seen = 0;
    if (sector || !country.empty()) {
      // The company the text is about, when it fits, before a more recent passer-by.
      for (const int preferred : {last_subject_, main_company_}) {
        if (preferred < 0 || preferred == exclude || rule_off("subject-descriptor")) continue;
        const auto& c = companies_[static_cast<std::size_t>(preferred)];
        // "Albertsons sued the Cincinnati-based grocer": not the company the sentence named already.
        if (c.last_sentence == sentence_no_) continue;
        if ((!sector || Lexicon::sector_fits(sector, c.sector)) && (country.empty() || c.country == country))
          return preferred;
      }
      for (std::size_t i = 0; i < companies_.size(); ++i) {
        const auto& c = companies_[i];
        if (static_cast<int>(i) == exclude) continue;
        if (sector && !Lexicon::sector_fits(sector, c.sector)) continue;
        if (!country.empty() && c.country != country) continue;
        if (c.last_seen >= seen) best = static_cast<int>(i), seen = c.last_seen;
      }
      if (best >= 0) return best;
    }
    return generic ? last_subject_ : -1;
  }

  // ---- grammar ------------------------------------------------------------------------------
  void find_cues(const Sentence& s) {
    cues_.clear();
    modifiers_.clear();
    std::size_t mi = 0;
    for (std::uint32_t k = s.first_token; k < s.last_token;) {
      while (mi < mentions_.size() && mentions_[mi].end <= k) ++mi;
      const bool inside_name = mi < mentions_.size() && mentions_[mi].begin <= k &&
                               (mentions_[mi].type == MentionType::company ||
                                mentions_[mi].type == MentionType::candidate) &&
                               k < mentions_[mi].end;
      const auto* w = info(k);
      if (!inside_name && w && (w->flags & detail::w_gap_head)) gapped_cue(k, s.last_token);
      if (inside_name || !w || !w->grammar_tokens) {
        ++k;
        continue;
      }
      const std::uint32_t max_n = std::min<std::uint32_t>(w->grammar_tokens, s.last_token - k);
      // The longest cue consumes its words; modifiers only mark where they start, so "had a
      // deal" (ended) does not hide "deal with" (a cue).
      std::uint32_t used = 0;
      bool modifier_found = false;
      const std::vector<GrammarHit>* found_hits[16];
      std::uint32_t found_n[16];
      int count = 0;
      for (std::uint32_t n = 1; n <= max_n && n <= 16; ++n) {
        const auto* found = lex_.grammar(t_.keys_of(k, k + n));
        if (!found) break;
        if (!found->empty()) found_hits[count] = found, found_n[count++] = n;
      }
      for (int index = count - 1; index >= 0; --index) {
        const std::uint32_t n = found_n[index];
        const auto* hits = found_hits[index];
        const bool longer_cue = used != 0;
        for (const auto& h : *hits) {
          if (h.is_cue) {
            if (longer_cue) continue;
            cues_.push_back(CueAt{k, k + n, h.cue});
            used = n;
          } else if (!modifier_found) {
            modifiers_.push_back(ModifierAt{k, h.modifier});
          }
        }
        for (const auto& h : *hits) modifier_found |= !h.is_cue;
      }
      k += used ? used : 1;
    }
  }

  // Whether the word after the last "and"/"or" in [b, e) starts a verb phrase: a lower-case word
  // that is neither a determiner nor a preposition repeating the cue's ("and to Nvidia").
  bool verb_after_conjunction(std::uint32_t b, std::uint32_t e) const {
    std::uint32_t at = 0;
    for (std::uint32_t k = b; k < e; ++k)
      if (key(k) == "and" || key(k) == "or" || key(k) == "but") at = k + 1;
    if (!at || at >= e) return false;
    if (tok(at).kind != TokenKind::word || !is_lower(text_[tok(at).begin])) return false;
    const auto w = key(at);
    if (wflags(at) & (detail::w_prep | detail::w_list | detail::w_desc_noun | detail::w_nationality)) return false;
    // "and mobile publisher Zynga": a descriptor noun makes it a noun phrase
    for (std::uint32_t k = at + 1; k < e; ++k)
      if (wflags(k) & (detail::w_desc_noun | detail::w_generic)) return false;
    static constexpr std::string_view determiners[] = {
        "the", "a", "an", "its", "their", "his", "her", "fellow", "other", "rival", "rivals", "smaller", "larger",
        "several", "two", "three", "both", "former", "new", "also", "later", "then", "state"};
    for (auto d : determiners)
      if (w == d) return false;
    return true;
  }

  // Nouns for a group of companies under one owner: "part of the Tata group", "the Reliance empire".
  static bool is_owner_group_noun(std::string_view k) {
    return k == "group" || k == "family" || k == "empire" || k == "conglomerate" || k == "stable" ||
           k == "portfolio" || k == "companies" || k == "which" || k == "that" || k == "since" ||
           k == "until" || k == "when";
  }

  static bool is_business_noun(std::string_view k) {
    return k == "business" || k == "businesses" || k == "unit" || k == "units" || k == "division" ||
           k == "divisions" || k == "arm" || k == "operations" || k == "subsidiary" || k == "subsidiaries" ||
           k == "stake" || k == "stakes" || k == "assets" || k == "plant" || k == "plants" || k == "shares" ||
           k == "operation" || k == "brand" || k == "brands" || k == "portfolio" || k == "store" || k == "stores" ||
           k == "site" || k == "sites" || k == "factory" || k == "factories" || k == "facility" ||
           k == "facilities" || k == "mill" || k == "mills" || k == "branches" || k == "outlets" || k == "hotels" ||
           k == "restaurants" || k == "properties" || k == "mines" || k == "refinery" || k == "network" || k == "refineries" || k == "stations" || k == "mine" ||
           k == "towers" || k == "masts" || k == "pipelines" || k == "terminals";
  }

  static bool deal_gap(Label label) {
    return label == Label::partners || label == Label::talked_to || label == Label::former_deal;
  }
  // "signed its own deals with Y", "works on camera systems with Y": the words between a deal
  // word and its "with" describe the deal; a clause of its own, a reported-speech verb or "along
  // with" means the "with" belongs elsewhere.
  bool deal_gap_ok(std::uint32_t b, std::uint32_t with) const {
    if (with > b) {
      const auto before = key(with - 1);
      if (before == "along" || before == "together" || before == "compared" || before == "comparison" ||
          before == "line" || before == "par" || before == "familiar" || before == "up")
        return false;
    }
    for (std::uint32_t k = b; k < with; ++k) {
      const auto w = key(k);
      if (w == "that" || w == "which" || w == "who" || w == "whose" || w == "where" || w == "and" || w == "or" ||
          w == "but" || w == "after" || w == "before" || w == "while" || w == "when" || w == "since" ||
          w == "as" || w == "because" || w == "although" || w == "if" || (wflags(k) & detail::w_say))
        return false;
    }
    return true;
  }

  // A company right after a deal word's "with" ("with the state-run Y", "with Germany's Y"), not
  // one behind a further noun and preposition ("with funding from Y").
  bool names_next(std::uint32_t k, std::uint32_t last) const {
    for (std::uint32_t j = k; j < last && j < k + 5; ++j) {
      for (const auto& m : mentions_)
        if (m.begin == j) return m.type != MentionType::transparent;
      if (tok(j).kind != TokenKind::word && key(j) != "-") return false;
      if (wflags(j) & (detail::w_prep | detail::w_list)) return false;
    }
    return false;
  }

  static bool is_contract_noun(std::string_view k) {
    return k == "deal" || k == "deals" || k == "agreement" || k == "contract" || k == "merger" || k == "bid" ||
           k == "offer" || k == "takeover" || k == "partnership" || k == "pact" || k == "tieup" || k == "venture" ||
           k == "lawsuit" || k == "suit" || k == "order" || k == "orders";
  }

  static bool is_make_idiom(std::string_view k) {
    static constexpr std::string_view idioms[] = {
        "bid", "bids", "offer", "offers", "way", "sense", "case", "room", "push", "provision", "provisions", "it",
        "easier", "harder", "possible", "difficult", "support", "momentum", "results", "profit", "profits",
        "money", "payment", "payments", "plan", "plans", "pitch", "claim", "changes", "decision", "arrangements",
        "preparations", "progress", "effort", "efforts", "headlines", "history", "gains", "losses", "name",
        "deal", "deals", "approach", "request", "appeal", "call", "calls", "donation", "donations", "contribution",
        "allowance", "allowances", "reserves", "them", "us", "him", "her", "things", "life", "time", "use"};
    for (auto i : idioms)
      if (k == i) return true;
    return false;
  }

  // Whether a gapped cue's tails hold w: the first byte is compared before the rest, as most
  // words of the lists have a length that many token keys share, and a call to memcmp per word
  // of the same length cost more than the rest of the search.
  static bool holds_word(const std::vector<std::string>& words, std::string_view w) {
    for (const auto& x : words)
      if (x.size() == w.size() && (w.empty() || (x[0] == w[0] && std::memcmp(x.data(), w.data(), w.size()) == 0)))
        return true;
    return false;
  }

  void gapped_cue(std::uint32_t k, std::uint32_t last) {
    const auto head = key(k);
    const auto* indexes = lex_.gapped_for(head);
    if (!indexes) return;
    for (const std::uint16_t index : *indexes) {
      const auto& g = lex_.gapped()[index];
      // ("processes payments for Y" is a service, whatever "made payments for" means)
      const bool make_for = lex_.cue(g.cue).rule == "make-for" && head.substr(0, 7) != "process";
      for (std::uint32_t j = k + 2; j < last && j <= k + 1 + g.max_gap; ++j) {
        // "made a bid for", "make way for", "built support for": idioms, not goods made for a buyer;
        // "plans to make cars for Y" is an intention.
        if (make_for && (is_make_idiom(key(j - 1)) ||
                         (k >= 2 && key(k - 1) == "to" &&
                          (key(k - 2) == "plan" || key(k - 2) == "plans" || key(k - 2) == "aims" ||
                           key(k - 2) == "hopes" || key(k - 2) == "wants" || key(k - 2) == "seeks"))))
          break;
        // The gap holds what is sold or raised, never a company.
        bool company = false;
        for (const auto& m : mentions_)
          if (m.begin < j && m.end > k && (m.type == MentionType::company || m.type == MentionType::candidate)) {
            // "a joint venture in Chile, the Escondida mine, with Y": an unknown name before a
            // common noun only names the deal's asset.
            const bool asset_name = m.type == MentionType::candidate && deal_gap(lex_.cue(g.cue).label) &&
                                    m.next < last && tok(m.next).kind == TokenKind::word && is_lower(text_[tok(m.next).begin]);
            if (!asset_name) company = true;
          }
        // "sells its heat business to Y" is a divestiture, not a supply.
        // "bought two plants from Y" is an asset purchase, not a supply either (the asset noun right
        // before "from": "buys network gear from Y" is a supply).
        const bool reversed_supply = lex_.cue(g.cue).label == Label::supplies && lex_.cue(g.cue).reversed;
        const auto noun = key(j - 1);
        const bool business = lex_.cue(g.cue).label == Label::supplies && is_business_noun(noun) &&
                              (!reversed_supply || (key(j) == "from" && noun != "unit" && noun != "units" &&
                                                    noun != "network" && noun != "arm"));
        // "received an approach from Y" is talks, "received a complaint from Y" nothing: money only
        const bool no_money = lex_.cue(g.cue).label == Label::invests_in && lex_.cue(g.cue).reversed &&
                              (key(j - 1) == "approach" || key(j - 1) == "approaches" || key(j - 1) == "offer" ||
                               key(j - 1) == "offers" || key(j - 1) == "bid" || key(j - 1) == "bids" ||
                               key(j - 1) == "proposal" || key(j - 1) == "complaint" || key(j - 1) == "interest" ||
                               key(j - 1) == "letter" || key(j - 1) == "request" || key(j - 1) == "orders");
        if (company || business || no_money || key(j) == "." || key(j) == ";") break;
        if (holds_word(g.tails, key(j))) {
          // "received an approach from Y", "drew interest from Y": only money raised is an investment.
          if (lex_.cue(g.cue).label == Label::invests_in && lex_.cue(g.cue).reversed && !money_between(k + 1, j) &&
              !rule_off("raised-money"))
            break;
          if (deal_gap(lex_.cue(g.cue).label) && !(deal_gap_ok(k + 1, j) && names_next(j + 1, last))) break;
          cues_.push_back(CueAt{k, j + 1, g.cue});
          break;
        }
      }
    }
  }

  // Whether [b, e) names money or funding: "$310 million", "a Series B round", "fresh capital".
  bool money_between(std::uint32_t b, std::uint32_t e) const {
    for (std::uint32_t k = b; k < e; ++k) {
      if (tok(k).kind == TokenKind::number) return true;
      const auto w = key(k);
      if (w == "$" || w == "€" || w == "£" || w == "million" || w == "billion" || w == "funding" ||
          w == "investment" || w == "investments" || w == "capital" || w == "round" || w == "financing" ||
          w == "money" || w == "cash" || w == "backing" || w == "funds" || w == "seed" || w == "equity")
        return true;
    }
    return false;
  }

  bool modifier_in(Modifier kind, std::uint32_t b, std::uint32_t e) const {
    for (const auto& m : modifiers_)
      if (m.modifier == kind && m.at >= b && m.at < e) return true;
    return false;
  }
  bool cue_in(std::uint32_t b, std::uint32_t e, const CueAt* self) const {
    for (const auto& c : cues_)
      if (&c != self && c.begin >= b && c.begin < e && !(lex_.cue(c.cue).flags & detail::cue_tight) &&
          !(self && c.end <= e && c.end + 2 >= e && c.end == c.begin + 1 && (wflags(c.begin) & detail::w_desc_noun) &&
            lower_words(c.end, e) && !rule_off("descriptor-cue")))
        return true;
    return false;
  }

  // A usable argument: its document company (resolving products and candidates), or -1.
  int argument(const Mention& m) {
    switch (m.type) {
      case MentionType::company:
      case MentionType::descriptor:
        return m.company;
      case MentionType::pronoun:
        if (const int antecedent = relative_antecedent(m.begin); antecedent >= 0) return antecedent;
        return pronoun_target();
      case MentionType::product:
        return company_for_lexicon(static_cast<std::uint32_t>(m.company));
      case MentionType::candidate: {
        const int c = company_for_name(m.begin, m.name_end);
        note_alias(c, m.begin, m.end);
        return c;
      }
      default:
        return -1;
    }
  }

  // "Rabobank, which holds a stake through its private equity arm": inside a relative clause "it"
  // and "its" are the company the clause hangs on. -1 outside such a clause.
  int relative_antecedent(std::uint32_t at) const {
    if (rule_off("relative-pronoun")) return -1;
    for (std::uint32_t k = at; k > sentence_start_ + 1 && k + 12 > at; --k) {
      const auto kk = key(k - 1);
      if (kk == "which" || kk == "who" || kk == "whose") {
        if (key(k - 2) != ",") return -1;
        for (const auto& m : mentions_)
          if (m.next == k - 2 && m.type == MentionType::company && !m.possessive) return m.company;
        return -1;
      }
      if (kk == "," || kk == ";" || kk == "(" || kk == ")" || kk == "that") return -1;
      for (const auto& m : mentions_)
        if (m.end == k && m.begin < k && (m.type == MentionType::company || m.type == MentionType::candidate)) return -1;
    }
    return -1;
  }

  // "it" and "its" refer to the subject of the sentence so far, else to the last subject.
  int pronoun_target() const {
    if (first_subject_ >= 0) return first_subject_;
    if (sentence_subject_ >= 0) return sentence_subject_;
    return last_subject_;
  }

  struct Found {
    int mention = -1;  // index into mentions_, -1 for a pronoun fallback
    int company = -1;
    float weight = 1.0f;
    std::uint32_t scope = 0;  // where the subject's own clause resumes (after an inserted clause)
    int pair = -1;            // "both chains": the second company of a plural subject
  };

  // "both companies", "the two South Korean groups", "the pair" starting at b: the end of the
  // phrase (0 when there is none) and the two companies it refers back to: the two last companies
  // of that nationality when it names one, else the two parties of the last relation found.
  void note_pair(int a, int b) {
    if (a > b) std::swap(a, b);
    ++clock_;
    for (auto& p : pairs_)
      if (p.a == a && p.b == b) {
        ++p.count, p.last = clock_;
        return;
      }
    pairs_.push_back({a, b, 1, clock_});
  }
  // The pair related most often so far, when one stands out (related in two statements at least,
  // more often than any other pair).
  bool main_pair(int& first, int& second) const {
    const PairCount* best = nullptr;
    int runner_up = 0;
    for (const auto& p : pairs_) {
      if (!best || p.count > best->count) {
        if (best) runner_up = best->count;
        best = &p;
      } else {
        runner_up = std::max(runner_up, p.count);
      }
    }
    if (!best || best->count < 2 || best->count == runner_up) return false;
    first = best->a, second = best->b;
    return true;
  }

  std::uint32_t plural_pair(std::uint32_t b, std::uint32_t last, int& first, int& second) const {
    if (rule_off("plural-pair") || b >= last) return 0;
    std::uint32_t j = b;
    if (key(j) == "both") {
      ++j;
    } else if (key(j) == "the" && j + 1 < last && (key(j + 1) == "two" || key(j + 1) == "pair" || key(j + 1) == "duo")) {
      if (key(j + 1) != "two") {
        j += 2;
        return main_pair(first, second) ? j : 0;
      }
      j += 2;
    } else {
      return 0;
    }
    std::string_view country;
    for (std::uint32_t n = 0; j < last && n < 5; ++j, ++n) {
      const auto k = key(j);
      if (k == "companies" || k == "firms" || k == "groups" || k == "chains" || k == "carriers" || k == "airlines" ||
          k == "banks" || k == "lenders" || k == "apps" || k == "sides" || k == "rivals" || k == "makers" ||
          k == "chipmakers" || k == "carmakers" || k == "automakers" || k == "retailers" || k == "grocers" ||
          k == "giants" || k == "operators" || k == "insurers" || k == "miners" || k == "utilities" ||
          k == "platforms" || k == "startups" || k == "studios" || k == "manufacturers" || k == "suppliers" ||
          k == "producers" || k == "drugmakers" || k == "brewers" || k == "businesses" || k == "partners") {
        first = second = -1;
        if (!country.empty()) {
          std::uint32_t seen_first = 0, seen_second = 0;
          for (std::size_t i = 0; i < companies_.size(); ++i) {
            const auto& c = companies_[i];
            if (c.country != country) continue;
            if (c.last_seen >= seen_first) {
              second = first, seen_second = seen_first;
              first = static_cast<int>(i), seen_first = c.last_seen;
            } else if (c.last_seen >= seen_second) {
              second = static_cast<int>(i), seen_second = c.last_seen;
            }
          }
        } else if (!main_pair(first, second)) {
          return 0;
        }
        return first >= 0 && second >= 0 ? j + 1 : 0;
      }
      const auto f = wflags(j);
      if (f & detail::w_nationality) {
        country = std::string_view(info(j)->country, 2);
        continue;
      }
      if (tok(j).kind != TokenKind::word || (f & (detail::w_prep | detail::w_list)) || !is_lower(text_[tok(j).begin])) {
        if (!(k == "south" || k == "north")) return 0;
      }
    }
    return 0;
  }

  // "Arm, which is majority-owned by SoftBank, sued Qualcomm", "CATL, the world's largest battery
  // maker, supplies Tesla": a clause or apposition set off by commas right before the cue is
  // skipped, and the name before it is the subject.
  static bool is_auxiliary(std::string_view k) {
    return k == "has" || k == "have" || k == "had" || k == "is" || k == "was" || k == "are" || k == "were" ||
           k == "also" || k == "since" || k == "already" || k == "now" || k == "recently" || k == "later" ||
           k == "then" || k == "itself" || k == "will" || k == "would";
  }

  Found inserted_clause_subject(const CueAt& c, std::uint32_t first) {
    // "..., has since bought": auxiliaries and adverbs may stand between the comma and the cue.
    std::uint32_t close = c.begin;
    while (close > first + 3 && close + 3 > c.begin && is_auxiliary(key(close - 1))) --close;
    if (close < first + 3 || key(close - 1) != ",") return {};
    std::uint32_t open = 0;
    for (std::uint32_t k = close - 2; k > first; --k) {
      const auto kk = key(k);
      if (kk == ",") {
        open = k;
        break;
      }
      if (kk == ";" || kk == ":" || kk == "(" || kk == ")" || kk == "\"") return {};
    }
    if (!open || open + 1 >= close - 1) return {};
    const auto lead = key(open + 1);
    // (", in which both A and B hold stakes, have sued": a relative clause after a preposition too)
    // (", by contrast, sued": a short adverbial that names no company is passed over as well)
    bool adverbial = close - open <= 4 && !rule_off("adverbial-clause");
    for (std::uint32_t k = open + 1; k + 1 < close && adverbial; ++k)
      adverbial = tok(k).kind != TokenKind::word || !capitalised(k) || mention_at(k) < 0 ||
                  !is_company_like(mentions_[static_cast<std::size_t>(mention_at(k))]);
    if (adverbial) {
      const auto lead0 = key(open + 1);
      adverbial = lead0 == "by" || lead0 == "in" || lead0 == "for" || lead0 == "on" || lead0 == "meanwhile" ||
                  lead0 == "however" || lead0 == "though" || lead0 == "instead" || lead0 == "too" || lead0 == "also" ||
                  lead0 == "separately" || lead0 == "then" || lead0 == "last" || lead0 == "earlier";
    }
    // (", founded in 2021 by ..., is": a participle clause too)
    bool opener = adverbial || lead == "which" || lead == "whose" || lead == "the" || lead == "a" || lead == "an" ||
                  lead == "one" || ((wflags(open + 1) & detail::w_prep) && key(open + 2) == "which") ||
                  ((lead == "founded" || lead == "based" || lead == "headquartered" || lead == "known" ||
                    lead == "created" || lead == "launched" || lead == "started" || lead == "listed" ||
                    lead == "spun" || lead == "owned" || lead == "controlled" || lead == "backed" ||
                    // ", majority owned by X,", ", wholly owned by X,"
                    ((lead == "majority" || lead == "wholly" || lead == "partly" || lead == "jointly") &&
                     (key(open + 2) == "owned" || key(open + 2) == "controlled"))) &&
                   !rule_off("participle-clause"));
    for (std::size_t i = 0; i < mentions_.size() && !opener; ++i) {
      const auto& m = mentions_[i];
      // "Nippon Steel, Japan's biggest steelmaker, owns...": a possessive opens the apposition.
      if (m.begin == open + 1 && m.possessive && m.next < close - 1 && !starts_name(m.next))
        opener = m.type == MentionType::blocker || m.type == MentionType::company;
    }
    if (!opener) return {};
    for (int i = static_cast<int>(mentions_.size()) - 1; i >= 0; --i) {
      const auto& m = mentions_[static_cast<std::size_t>(i)];
      if (m.next != open) continue;
      if (m.possessive) return {};
      if (m.type == MentionType::company || m.type == MentionType::candidate) {
        const int company = argument(m);
        if (company < 0) return {};
        return {i, company, m.type == MentionType::company ? 1.0f : 0.85f, close};
      }
      return {};
    }
    return {};
  }

  // Whether a cue opens with a noun ("rivals such as", "lawsuit against"): such a cue after "and"
  // continues a list of nouns, not a verb phrase.
  bool noun_cue(const CueAt& c) const {
    const auto w = key(c.begin);
    if (wflags(c.begin) & (detail::w_desc_noun | detail::w_generic)) return true;
    static constexpr std::string_view nouns[] = {
        "rivals", "competitors", "competition", "rivalry", "challenger", "partners", "partnership", "suppliers",
        "customers", "customer", "client", "clients", "deal", "alliance", "lawsuit", "lawsuits", "suit", "complaint",
        "case", "litigation", "acquisition", "purchase", "takeover", "talks", "stake", "investment", "agreement"};
    for (auto n : nouns)
      if (w == n) return true;
    return false;
  }

  Found subject(const CueAt& c, const Cue& cue) {
    const bool tight = cue.flags & detail::cue_tight;
    // "Both chains compete with ...", "The two groups are partners": a plural subject that opens
    // its clause refers back to two companies.
    bool plural = false;
    if (!(cue.flags & detail::cue_no_subject))
      for (std::uint32_t b = c.begin > sentence_first_ + 10 ? c.begin - 10 : sentence_first_; b < c.begin && !plural; ++b)
        plural = key(b) == "both" || key(b) == "two" || key(b) == "pair";
    if (plural) {
      std::uint32_t e = c.begin;
      while (e > sentence_first_ + 1 && e + 4 > c.begin &&
             (is_auxiliary(key(e - 1)) || key(e - 1) == "both" || key(e - 1) == "still" || key(e - 1) == "been"))
        --e;
      if (!tight || e < c.begin)
        for (std::uint32_t b = e > sentence_first_ + 6 ? e - 6 : sentence_first_; b + 1 < e; ++b) {
          // "Moderna and the two partners": a plural coordinated with a name is not the pair itself.
          if (!(b == sentence_first_ || key(b - 1) == "," || key(b - 1) == "but" || key(b - 1) == "while" ||
                (key(b - 1) == "and" && mention_at(b - 2) < 0 && (b < 2 || !mention_ends_at(b - 1)))))
            continue;
          int first = -1, second = -1;
          if (plural_pair(b, e, first, second) == e) {
            Found f{-1, first, 0.85f, e};
            f.pair = second;
            return f;
          }
        }
    }
    if (!tight && !(cue.flags & detail::cue_no_subject)) {
      // "Y, a buyout firm in Oslo, which bought it": the relative clause hangs on the name before
      // the apposition.
      std::uint32_t w = c.begin;
      while (w > sentence_first_ + 1 && w + 3 > c.begin && is_auxiliary(key(w - 1))) --w;
      if (w > sentence_first_ + 4 && key(w - 1) == "which" && key(w - 2) == ",") {
        const std::uint32_t close = w - 2;
        for (std::uint32_t k = close - 1; k > sentence_first_ && k + 10 > close; --k) {
          const auto kk = key(k);
          if (kk == ";" || kk == "(" || kk == ")" || kk == "which") break;
          if (kk != ",") continue;
          if (!(key(k + 1) == "a" || key(k + 1) == "an" || key(k + 1) == "the")) break;
          for (int i = static_cast<int>(mentions_.size()) - 1; i >= 0; --i) {
            const auto& m = mentions_[static_cast<std::size_t>(i)];
            if (m.next != k) continue;
            if (m.type == MentionType::company && !m.possessive) return {i, m.company, 1.0f, w};
            break;
          }
          break;
        }
      }
      if (!rule_off("inserted-clause-subject"))
        if (auto inserted = inserted_clause_subject(c, sentence_first_); inserted.mention >= 0) return inserted;
      // "X supplies Y and has licensed its designs to Z": a verb phrase joined by "and" shares the
      // sentence's subject.
      // The "and" is a few words back, with no name, clause mark or other cue after it, and a verb
      // or auxiliary right after it ("and has a partnership with", "and holds a 25% stake in").
      std::uint32_t conj = 0;
      for (std::uint32_t k = c.begin; k > sentence_first_ + 1 && k + 6 > c.begin; --k) {
        const auto kk = key(k - 1);
        if (kk == "and" || (kk == "but" && !rule_off("but-shared-subject"))) {
          conj = k - 1;
          break;
        }
        if (kk == "," || kk == ";" || kk == "(" || kk == "which" || kk == "that" || kk == "who") break;
        if (mention_at(k - 1) >= 0) break;
        bool named = false;
        for (const auto& m : mentions_) named |= m.begin < k && m.end >= k;
        if (named) break;
      }
      // "..., and competes with Z": the cue itself may be the verb right after the "and".
      const bool verb_cue = conj && conj + 1 == c.begin && !cue.reversed && verb_after_conjunction(conj, c.end) &&
                            !noun_cue(c);
      if (conj && (conj + 1 < c.begin || verb_cue) &&
          (is_auxiliary(key(conj + 1)) || verb_cue || verb_after_conjunction(conj, c.begin))) {
        int shared = sentence_subject_ >= 0 ? sentence_subject_ : first_subject_;
        // "It has a venture with X and Y, and supplies ore to Z": an opening "it" is the last subject.
        if (shared < 0 && verb_cue && !mentions_.empty() && mentions_.front().begin == sentence_first_ &&
            mentions_.front().type == MentionType::pronoun && !mentions_.front().possessive)
          shared = last_subject_;
        if (shared >= 0 && !rule_off("shared-subject")) return {-1, shared, 0.9f, conj + 1};
      }
    }
    int pronoun_fallback = -1;
    for (int i = static_cast<int>(mentions_.size()) - 1; i >= 0; --i) {
      const auto& m = mentions_[static_cast<std::size_t>(i)];
      if (m.next > c.begin) continue;
      const std::uint32_t gap = c.begin - m.next;
      if (gap > 30) break;
      // "Rivian's largest shareholder": a possessive may stand a few adjectives before the noun.
      if (tight && gap > 0) {
        bool adjectives = m.possessive && gap <= 2;
        for (std::uint32_t k = m.next; k < c.begin && adjectives; ++k)
          adjectives = tok(k).kind == TokenKind::word && !(wflags(k) & (detail::w_prep | detail::w_list));
        if (!adjectives) return {};
      }
      // An object of an earlier cue is not the subject of a later one: "X supplies Y and has
      // licensed its technology to Z" is X's.
      // ...unless a relative clause hangs on it: "compete with Starlink, which is owned by SpaceX".
      bool relative = false;
      for (std::uint32_t k = m.next; k < c.begin && !relative; ++k)
        relative = key(k) == "which" || key(k) == "that" || key(k) == "whose";
      // ... or an apposition that closes before the verb: "X's owner, Ahold, has been a customer of Y".
      // (only for supplies, rivals and suits: ownership text uses the form for people too)
      if (!relative && m.next < c.begin && key(m.next) == "," && m.next + 1 < c.begin &&
          (cue.label == Label::supplies || cue.label == Label::competes_with || cue.label == Label::sues) &&
          !rule_off("closed-apposition")) {
        bool verb = true;
        for (std::uint32_t k = m.next + 1; k < c.begin && verb; ++k) verb = is_auxiliary(key(k)) || key(k) == "been";
        relative = verb;
      }
      // ... or an apposition: "a deal with News Corp, the owner of The Wall Street Journal".
      if (m.next < c.begin && key(m.next) == "," && !(wflags(c.begin) & detail::w_prep) &&
          (c.begin - m.next == 1 ||
           (c.begin - m.next == 2 && (key(m.next + 1) == "the" || key(m.next + 1) == "a" || key(m.next + 1) == "an"))))
        relative = true;
      // "Hitachi Energy, the Swiss-based unit of Hitachi": adjectives may stand in the apposition.
      if (!relative && m.next + 2 < c.begin && c.begin - m.next <= 6 && key(m.next) == "," &&
          (key(m.next + 1) == "the" || key(m.next + 1) == "a" || key(m.next + 1) == "an") &&
          !(wflags(c.begin) & detail::w_prep)) {
        bool adjectives = true;
        for (std::uint32_t k = m.next + 2; k < c.begin && adjectives; ++k)
          adjectives = key(k) == "-" || (tok(k).kind == TokenKind::word && !(wflags(k) & (detail::w_prep | detail::w_list)) &&
                                         !(wflags(k) & detail::w_say));
        relative = adjectives;
      }
      // "X said its subsidiary Y acquired Z": the name an apposition introduces, right before a
      // verb, is that verb's subject.
      // "Boeing's rival Airbus also buys ...": after a possessive, the noun cue's name heads the phrase.
      bool adverbs = gap <= 2 && !relative && !tight;
      for (std::uint32_t k = m.next; k < c.begin && adverbs; ++k) adverbs = is_auxiliary(key(k));
      // ("Fanuc rival Takumi to be bought by Hitachi": "to be" + participle is a verb too)
      if (!relative && adverbs && !tight && !(wflags(c.begin) & detail::w_prep) &&
          (key(c.begin) != "to" || (c.begin + 1 < c.end && key(c.begin + 1) == "be")) &&
          !rule_off("apposition-subject"))
        for (const auto& other : cues_)
          if (other.end == m.begin &&
              ((gap == 0 && (lex_.cue(other.cue).flags & detail::cue_tight)) || possessive_before(other.begin)))
            relative = true;
      if (!relative && std::find(used_objects_.begin(), used_objects_.end(), i) != used_objects_.end()) continue;
      // "Arm, which is majority-owned by SoftBank, sued Qualcomm, ... after buying Y": a name inside
      // a relative clause closed before the cue is not the cue's subject.
      // (An apposition that opens with an article after the name is said of that name.)
      if (!tight && !(relative && c.begin >= m.next + 2) && !rule_off("closed-clause")) {
        bool closed = false;
        for (std::uint32_t k = m.next; k < c.begin && !closed; ++k) closed = key(k) == ",";
        bool opened = false;
        for (std::uint32_t k = m.begin; k > sentence_first_ + 1 && k + 12 > m.begin; --k) {
          const auto kk = key(k - 1);
          if (kk == "," ) {
            // ", in which X holds a stake, has bought ..." closes as well
            opened = key(k) == "which" || key(k) == "who" || key(k) == "whose" ||
                     (key(k) == "in" && key(k + 1) == "which");
            // "Canal+, the pay-TV group that was spun off from Vivendi last year, has bought ...": an
            // apposition on a company, closed by a comma before the cue
            if (!opened && (key(k) == "the" || key(k) == "a" || key(k) == "an") && k >= sentence_first_ + 2 &&
                mention_ending_at(k - 1) >= 0 && !rule_off("closed-apposition")) {
              std::uint32_t close = c.begin;
              while (close > m.next && (is_auxiliary(key(close - 1)) || key(close - 1) == "been")) --close;
              opened = close > m.next && key(close - 1) == ",";
            }
            break;
          }
          if (kk == ";") break;
        }
        if (closed && opened) continue;
      }
      // "Mobileye, the Intel-controlled company that supplied Y": a hyphenated owner or backer only
      // describes the noun after it.
      if (!tight && m.next + 1 < c.begin && key(m.next) == "-" && !rule_off("hyphen-modifier")) {
        const auto v = key(m.next + 1);
        if (v == "owned" || v == "controlled" || v == "backed" || v == "funded") continue;
      }
      bool semicolon = false;
      for (std::uint32_t k = m.next; k < c.begin; ++k) semicolon |= key(k) == ";";
      if (semicolon) break;
      switch (m.type) {
        case MentionType::transparent:
          continue;
        case MentionType::blocker: {
          // "sells its devices in the United States through a partnership with Y": a place after
          // "in" only locates the clause.
          const auto p = m.begin > sentence_first_ ? key(m.begin - 1) : std::string_view{};
          const auto pp = m.begin > sentence_first_ + 1 ? key(m.begin - 2) : std::string_view{};
          bool comma = false;
          for (std::uint32_t k = m.next; k < c.begin; ++k) comma |= key(k) == ",";
          if (!tight && !comma &&
              (p == "in" || p == "across" || p == "throughout" || (p == "the" && (pp == "in" || pp == "across"))))
            continue;
          // "an Oregon cooperative that has provided": a place after an article only qualifies a noun.
          if (!m.possessive && m.begin > sentence_first_ && m.next < c.begin &&
              (p == "a" || p == "an" || p == "the") && tok(m.next).kind == TokenKind::word &&
              is_lower(text_[tok(m.next).begin]) && !rule_off("place-adjective"))
            continue;
          return {};
        }
        case MentionType::pronoun:
          // "Its rival NetEase ...": a possessive that opens the sentence points back to the last
          // subject, never to the name it introduces.
          if (m.possessive && m.begin == sentence_first_ && gap <= 2 && last_subject_ >= 0 && !rule_off("its-opening"))
            return {i, last_subject_, 0.9f};
          // "sued Pfizer and its German partner BioNTech": "its" is the name it is joined to.
          if (tight && m.possessive && i > 0 && m.begin > sentence_first_ && key(m.begin - 1) == "and") {
            const auto& joined = mentions_[static_cast<std::size_t>(i - 1)];
            if (joined.next + 1 == m.begin && joined.type == MentionType::company && !joined.possessive)
              return {i, joined.company, 0.9f};
          }
          if (tight || (key(m.begin) == "it" && (gap <= 3 || (gap <= 6 && m.begin == sentence_first_)))) {
            const int target = argument(m);  // a pronoun: inside ", which ..." the clause's company
            if (target >= 0) return {i, target, 0.9f};
          }
          if (pronoun_fallback < 0) pronoun_fallback = i;
          continue;
        case MentionType::product:
          if (gap <= 1) return {i, argument(m), 0.9f};
          continue;
        case MentionType::candidate:
          // "a Series B round led by X": a round's name is no company
          if (key(m.begin) == "series" && m.end == m.begin + 2 && !rule_off("round-name")) continue;
          // "Cielo, the card processor jointly controlled by...": an apposition may stand between.
          if ((gap <= 3 || relative) && !modifier_in(Modifier::stop, m.next, c.begin)) return {i, argument(m), 0.85f};
          continue;
        case MentionType::descriptor:
          // "X is a chipmaker owned by Y": an indefinite description is a predicate, not a subject.
          if (m.company < 0 && m.begin > sentence_first_ &&
              (key(m.begin - 1) == "a" || key(m.begin - 1) == "an" ||
               (m.begin > sentence_first_ + 1 && (key(m.begin - 2) == "a" || key(m.begin - 2) == "an") &&
                tok(m.begin - 1).kind == TokenKind::word && is_lower(text_[tok(m.begin - 1).begin]))))
            continue;
          // "CFM International, the engine maker jointly owned by Y": an apposition that names no
          // company is said of the name before its comma.
          if (m.company < 0 && m.begin >= sentence_first_ + 2 && !rule_off("apposition-descriptor")) {
            const std::uint32_t comma = key(m.begin) == "the" ? m.begin - 1 : m.begin - 2;
            if ((key(m.begin) == "the" || key(m.begin - 1) == "the") && key(comma) == "," && mention_ending_at(comma) >= 0)
              continue;
          }
          if (m.company < 0) return {};
          return {i, m.company, 0.9f};
        case MentionType::company:
          if (m.reporter && gap > 1) continue;
          // "signs new Spotify deal, sues Y": a name before a deal noun only qualifies the noun.
          if (!m.possessive && gap > 0 && m.next < c.begin && is_contract_noun(key(m.next)) && !rule_off("deal-noun-modifier"))
            continue;
          // "including Samsung's Galaxy devices, and also sells modems to Apple": a possessive
          // far from the cue belongs to a noun phrase, not to the cue.
          if (m.possessive && gap > 3 && !(cue.flags & detail::cue_noun)) continue;
          return {i, m.company, 1.0f};
      }
    }
    if (pronoun_fallback >= 0 && pronoun_target() >= 0) return {pronoun_fallback, pronoun_target(), 0.9f};
    // "It had a deal with Baidu": a pronoun at the start refers to the last subject.
    return {};
  }

  // Whether the mention is only a modifier of the next name: "TikTok owner ByteDance" (TikTok),
  // "Alibaba's rival Tencent" (Alibaba).
  bool is_modifier(std::size_t i, std::uint32_t limit) const {
    const auto& m = mentions_[i];
    if (i + 1 >= mentions_.size()) return false;
    // "Oracle-backed chip startup Ampere", "TikTok owner ByteDance": a tight cue follows.
    for (const auto& c : cues_)
      if (c.begin == m.next && (lex_.cue(c.cue).flags & detail::cue_tight)) return true;
    const auto& n = mentions_[i + 1];
    if (n.begin >= limit || n.type == MentionType::blocker) return false;
    const std::uint32_t gap = n.begin - m.next;
    if (gap == 0) return true;
    if (gap > 3) return false;
    bool noun = false;
    for (std::uint32_t k = m.next; k < n.begin; ++k) {
      const auto f = wflags(k);
      if (f & detail::w_list) return false;
      if (tok(k).kind != TokenKind::word) return false;
      // "the SK Group conglomerate through its unit": a preposition ends the noun phrase
      if ((f & detail::w_prep) && !rule_off("modifier-prep")) return false;
      noun |= (f & (detail::w_desc_noun | detail::w_title)) != 0;
    }
    // "Alibaba's rival Tencent", "TikTok owner ByteDance"
    return noun && (m.possessive || gap <= 2);
  }

  // Whether the names from mention i on run as "B, C and D" (ending in "and" + a name), a list.
  bool list_goes_on(std::size_t i) const {
    for (std::size_t j = i; j + 1 < mentions_.size(); ++j) {
      const auto& m = mentions_[j];
      const auto& n = mentions_[j + 1];
      if (n.begin == m.next + 1 && key(m.next) == "and") return true;
      if (n.begin == m.next + 2 && key(m.next) == "," && key(m.next + 1) == "and") return true;
      if (!(n.begin == m.next + 1 && key(m.next) == ",")) return false;
    }
    return false;
  }

  // Whether the cue opens an apposition: "X, the owner of Y", "X, owner of Y".
  bool appositive_cue(const CueAt& c) const {
    if (c.begin < sentence_first_ + 2) return false;
    const auto b1 = key(c.begin - 1);
    if (b1 == ",") return true;
    return (b1 == "the" || b1 == "a" || b1 == "an" || key(c.begin) == "the") &&
           (key(c.begin - 2) == "," || key(c.begin - 1) == ",");
  }

  // Whether the cue opens an apposition: ", the owner of", ", a supplier to".
  bool apposition_cue(const CueAt& c) const {
    std::uint32_t k = c.begin;
    if (k > sentence_first_ && (key(k - 1) == "the" || key(k - 1) == "a" || key(k - 1) == "an")) --k;
    else if (!(key(k) == "the" || key(k) == "a" || key(k) == "an")) return false;
    return k > sentence_first_ && key(k - 1) == ",";
  }

  // ", the owner of Zara, and H&M": where an apposition that opens with an article at k closes, when
  // the list goes on after it (", and" or ", or"); 0 otherwise.
  std::uint32_t apposition_end(std::uint32_t k, std::uint32_t last) const {
    if (k + 3 >= last || key(k) != "," || !(key(k + 1) == "the" || key(k + 1) == "a" || key(k + 1) == "an")) return 0;
    for (std::uint32_t j = k + 2; j + 2 < last && j <= k + 10; ++j) {
      const auto kj = key(j);
      if (kj == ";" || kj == "(" || kj == ")" || kj == "which" || kj == "who" || kj == "that") return 0;
      if (kj != ",") continue;
      return key(j + 1) == "and" || key(j + 1) == "or" || key(j + 1) == "plus" ||
                     (key(j + 1) == "as" && j + 3 < last && key(j + 2) == "well" && key(j + 3) == "as")
                 ? j
                 : 0;
    }
    return 0;
  }

  // Whether the cue sits in a relative clause set off by a comma: ", which is backed by".
  bool relative_cue(const CueAt& c) const {
    for (std::uint32_t k = c.begin; k > sentence_first_ + 1 && k + 4 > c.begin; --k) {
      const auto kk = key(k - 1);
      if (kk == "which" || kk == "who") return key(k - 2) == ",";
      if (!is_auxiliary(kk) && kk != "being" && kk != "been" && kk != "be") return false;
    }
    return false;
  }

  std::vector<Found> objects(const CueAt& c, const Cue& cue, std::uint32_t last, int subject_mention,
                             int& by_source) {
    std::vector<Found> out;
    by_source = -1;
    const bool tight = cue.flags & detail::cue_tight;
    const bool direct = cue.flags & detail::cue_direct;
    const bool poss = cue.flags & detail::cue_poss_object;
    std::uint32_t first_gap = tight ? 1 : poss ? 1 : direct ? 4 : (cue.flags & detail::cue_wide) ? 12 : 8;
    // "makes most of Apple's iPhones": a quantifier may stand before the possessive.
    if (poss && c.end + 2 < last && key(c.end + 1) == "of" &&
        (key(c.end) == "most" || key(c.end) == "some" || key(c.end) == "all" || key(c.end) == "many" ||
         key(c.end) == "much" || key(c.end) == "part" || key(c.end) == "half"))
      first_gap = 3;
    std::uint32_t cursor = c.end;
    bool after_by = false;
    for (std::size_t i = 0; i < mentions_.size(); ++i) {
      const auto& m = mentions_[i];
      if (m.begin < c.end) continue;
      if (static_cast<int>(i) == subject_mention) continue;
      const std::uint32_t gap = m.begin - cursor;
      // What lies between the previous argument (or the cue) and this mention.
      bool stop = false, listy = false, prep = false, by = false, person = false, such_as = false;
      for (std::uint32_t k = cursor; k < m.begin; ++k) {
        const auto f = wflags(k);
        if (key(k) == "by" && (cue.flags & detail::cue_noun)) by = true;
        else if (key(k) == "as" && k + 2 < m.begin && key(k + 1) == "well" && key(k + 2) == "as") listy = true, k += 2;
        else if (key(k) == "such" && k + 1 < m.begin && key(k + 1) == "as") listy = true, such_as = true, ++k;
        else if (f & detail::w_list) listy = true;
        else if (f & detail::w_prep) prep = true;
        // "sued X and its chief executive, Y": a title says the next name is a person's.
        if ((f & detail::w_title) && !(f & detail::w_desc_noun) && !out.empty() && !rule_off("title-list")) person = true;
      }
      if (person) break;
      stop = modifier_in(Modifier::stop, cursor, m.begin) || cue_in(cursor, m.begin, &c);
      // "talks with Eutelsat's rival Viasat": a rival noun between a possessive name and the next
      // name only describes the object
      if (stop && i > 0 && mentions_[i - 1].possessive && mentions_[i - 1].next + 1 == m.begin &&
          mentions_[i - 1].begin >= cursor && !modifier_in(Modifier::stop, cursor, m.begin)) {
        const auto w = key(m.begin - 1);
        bool other_cue = false;
        for (const auto& oc : cues_)
          other_cue |= &oc != &c && oc.begin >= cursor && oc.begin < m.begin && oc.begin != m.begin - 1 &&
                       !(lex_.cue(oc.cue).flags & detail::cue_tight);
        if ((w == "rival" || w == "competitor") && !other_cue) stop = false;
      }
      if (stop) break;
      if (out.empty() && by_source < 0) {
        // "is up against better-funded players, notably X and Y": a list introducer lets the first
        // name stand further off.
        bool introducer = false;
        for (std::uint32_t k = cursor; k < m.begin && !introducer && !tight && !poss; ++k) {
          const auto kk = key(k);
          introducer = kk == "notably" || kk == "especially" || kk == "particularly" || kk == "including" ||
                       (kk == "such" && k + 1 < m.begin && key(k + 1) == "as");
        }
        if (gap > (introducer && !rule_off("list-introducer") ? 12u : first_gap)) break;
        if (tight && !(gap == 0 || (gap == 1 && (key(cursor) == "," || key(cursor) == "the")))) break;
        if (direct && prep && !(cue.label == Label::supplies)) break;
        // "sues former partner, signs Samsung deal": a comma after a common noun ends a verb's object.
        if (direct && gap > 0 && !introducer && !rule_off("direct-comma")) {
          bool comma = false;
          for (std::uint32_t k = cursor + 1; k < m.begin && !comma; ++k)
            comma = key(k) == "," && tok(k - 1).kind == TokenKind::word && is_lower(text_[tok(k - 1).begin]) &&
                    k + 1 < m.begin && tok(k + 1).kind == TokenKind::word && is_lower(text_[tok(k + 1).begin]) &&
                    !(wflags(k + 1) & (detail::w_prep | detail::w_list | detail::w_desc_noun | detail::w_stop_cap));
          if (comma) break;
        }
        if (poss && !m.possessive) break;
        // "sells its products to farmers through Y": a cue that ends in a preposition takes the
        // noun right after it; a name behind another preposition belongs to that one.
        if (prep && (!(cue.flags & detail::cue_wide) || cue.label == Label::supplies) &&
            (wflags(c.end - 1) & detail::w_prep) && !rule_off("prep-object"))
          break;
        // "sells out its supply as Samsung chases...": "as" opens another clause.
        bool as_clause = false;
        for (std::uint32_t k = cursor; k < m.begin; ++k)
          as_clause |= key(k) == "as" && !(k > cursor && (key(k - 1) == "such" || key(k - 1) == "well"));
        if (as_clause && !rule_off("as-clause")) break;
      } else {
        if (by && (cue.flags & detail::cue_noun)) {
          after_by = true;
        } else if (!listy || gap > (such_as ? 10u : 6u) || (prep && !(cue.flags & detail::cue_wide))) {
          break;
        } else if (key(m.begin - 1) == "formerly" || (m.begin >= cursor + 2 && key(m.begin - 2) == "formerly")) {
          break;  // "absorbed AIX Connect, formerly AirAsia India": an old name, not another object
        } else if (key(cursor) == "," && cursor + 2 < m.begin && key(cursor + 1) == "in" && key(cursor + 2) == "which" &&
                   !rule_off("in-which-list")) {
          break;  // "licenses it from Y, in which Z is an investor": the clause is about Y
        } else if (verb_after_conjunction(cursor, m.begin)) {
          break;  // "owns Y and counts Z among...": a second verb phrase, not a longer list
        } else if (key(cursor) == "," && relative_cue(c) && !rule_off("relative-list") &&
                   !(cursor + 1 == m.begin && list_goes_on(i))) {
          break;  // "talks between X, which is backed by Y, and Z": the comma closes the clause
                  // (but "which holds stakes in A, B and C" is a list)
        } else if (key(cursor) == "," && !rule_off("apposition-list") &&
                   (apposition_cue(c) || (cursor + 1 < m.begin && key(cursor + 1) == "and" && out.size() == 1 &&
                                          appositive_cue(c)))) {
          // "Inditex, the owner of Zara, and H&M", "chains such as X, the owner of Y, and Z": the
          // comma closes the apposition
          break;
        }
      }
      if (m.type == MentionType::transparent) {
        continue;
      }
      if (m.type == MentionType::blocker) {
        // "a unit of Brazil's Vale": a place's possessive only locates the company after it.
        if (m.possessive && i + 1 < mentions_.size() && mentions_[i + 1].begin == m.next &&
            is_company_like(mentions_[i + 1]))
          continue;
        // "Morocco's state-owned OCP Group": adjectives may stand between.
        if (m.possessive && i + 1 < mentions_.size() && is_company_like(mentions_[i + 1]) &&
            mentions_[i + 1].begin <= m.next + 4 && !rule_off("place-modifier")) {
          bool adjectives = true;
          for (std::uint32_t k = m.next; k < mentions_[i + 1].begin && adjectives; ++k)
            adjectives = key(k) == "-" || (tok(k).kind == TokenKind::word && is_lower(text_[tok(k).begin]) &&
                                           !(wflags(k) & (detail::w_prep | detail::w_list | detail::w_say)));
          if (adjectives) continue;
        }
        // "by U.S. rival Abiomed", "to German utility Rheinwerk": a place before a descriptor.
        if (!m.possessive && i + 1 < mentions_.size() && is_company_like(mentions_[i + 1]) &&
            mentions_[i + 1].begin > m.next && mentions_[i + 1].begin <= m.next + 2 && !rule_off("place-modifier")) {
          bool descriptor = false, plain = true;
          for (std::uint32_t k = m.next; k < mentions_[i + 1].begin && plain; ++k) {
            plain = tok(k).kind == TokenKind::word && is_lower(text_[tok(k).begin]) &&
                    !(wflags(k) & (detail::w_prep | detail::w_list | detail::w_say));
            descriptor |= (wflags(k) & detail::w_desc_noun) != 0;
          }
          if (plain && descriptor) {
            cursor = m.next;
            continue;
          }
        }
        // "Gulf carriers such as Emirates": a place that modifies the noun of a list's head.
        if (!m.possessive && m.next + 3 < last && tok(m.next).kind == TokenKind::word &&
            is_lower(text_[tok(m.next).begin]) && !rule_off("place-modifier")) {
          bool such = false;
          for (std::uint32_t k = m.next + 1; k < m.next + 4 && k + 1 < last && !such; ++k)
            such = (key(k) == "such" && key(k + 1) == "as") || key(k) == "like" || key(k) == "including";
          if (such) {
            cursor = m.next;
            continue;
          }
        }
        if (out.empty()) break;
        cursor = m.next;
        continue;
      }
      // "X is owned by Y, which bought it in 2021": an object "it" is the sentence's subject.
      if (m.type == MentionType::pronoun && !m.possessive && key(m.begin) == "it" && out.empty() && gap == 0 &&
          !tight && !poss && sentence_subject_ >= 0 && i > 0 && !rule_off("object-pronoun")) {
        bool relative = false;
        for (std::uint32_t k = c.begin > sentence_first_ + 3 ? c.begin - 3 : sentence_first_; k < c.begin; ++k)
          relative |= key(k) == "which" || key(k) == "that";
        if (relative) {
          out.push_back({static_cast<int>(i), sentence_subject_, 0.85f});
          break;
        }
      }
      // "competes with Microsoft Azure and Google Cloud": a rival product named after its maker stands
      // for the maker (relations.md), unless a possessive already names it ("Y's payment arm Z").
      const bool rival_product = m.type == MentionType::product &&
                                 (cue.label == Label::competes_with || cue.rule == "runs-on") &&
                                 !(i > 0 && mentions_[i - 1].possessive && mentions_[i - 1].type != MentionType::pronoun &&
                                   mentions_[i - 1].next + 3 >= m.begin) &&
                                 !rule_off("rival-product");
      // "parts for its A350 and A220 aircraft": after "its", products and unknown names are its things.
      if (m.type == MentionType::pronoun && m.possessive && out.empty() && i + 1 < mentions_.size() &&
          mentions_[i + 1].begin == m.next &&
          (mentions_[i + 1].type == MentionType::product || mentions_[i + 1].type == MentionType::candidate) &&
          !rule_off("its-candidate"))
        break;
      if ((m.type == MentionType::product && !rival_product) || m.type == MentionType::pronoun) {
        // "sued OpenAI and its backer Microsoft": the list's "and" still joins the name after "its".
        if (!(m.type == MentionType::pronoun && m.possessive && !out.empty() && m.begin > cursor &&
              (key(m.begin - 1) == "and" || key(m.begin - 1) == "or") && !rule_off("its-list-item")))
          cursor = m.next;
        continue;
      }
      if (!tight && !poss && is_modifier(i, last)) continue;
      // "buys gear from A and B, and Nokia supplies ...": a name that a verb cue follows opens a clause.
      if (!out.empty() && !rule_off("clause-subject-list")) {
        bool opens = false;
        for (const auto& other : cues_)
          opens |= &other != &c && other.begin >= m.next && other.begin <= m.next + 1 &&
                   !(lex_.cue(other.cue).flags & detail::cue_tight) && (other.begin == m.next || is_auxiliary(key(m.next)));
        if (opens) break;
      }
      // "MediaTek, Qualcomm's main rival, and Nvidia": a possessive before a common noun in a list
      // opens an apposition on the item before it; it is no item itself.
      if (!out.empty() && m.possessive && m.next < last && tok(m.next).kind == TokenKind::word &&
          is_lower(text_[tok(m.next).begin]) && !rule_off("possessive-apposition-list")) {
        cursor = m.next;
        continue;
      }
      if (m.type == MentionType::candidate && gap > 3 && !listy) break;
      // "parts for its A350 and A220 aircraft": an unknown name after "its" is one of its things.
      if (m.type == MentionType::candidate && m.begin > 0 && (key(m.begin - 1) == "its" || key(m.begin - 1) == "their") &&
          !rule_off("its-candidate"))
        break;
      const int company = argument(m);
      // "owns the telecom operator and counts Meta among...": the object was a noun phrase that
      // names no company, so nothing after it is an object either.
      if (company < 0 && m.type == MentionType::descriptor && out.empty()) break;
      cursor = m.next;
      if (company < 0) continue;
      if (after_by) {
        by_source = company;
        break;
      }
      out.push_back({static_cast<int>(i), company, out.empty() ? 1.0f : 0.95f});
      if (tight || poss) break;
      // "Inditex, the owner of Zara, and H&M": an apposition on an item does not end the list.
      if (const auto close = apposition_end(m.next, last); close && !rule_off("list-apposition")) {
        while (i + 1 < mentions_.size() && mentions_[i + 1].begin < close) ++i;
        cursor = close;
      }
    }
    return out;
  }

  // "competes with IndiGo, the country's biggest airline, and with Gulf carriers such as Emirates",
  // "licenses its designs to MediaTek ... and to Nvidia": the cue's preposition, repeated after
  // "and" or "as well as", opens a second list of objects.
  void reopened_objects(const CueAt& c, const Cue& cue, std::uint32_t last, int subject_mention,
                        std::vector<Found>& objs) {
    if ((cue.flags & (detail::cue_tight | detail::cue_poss_object)) || rule_off("reopened-list")) return;
    const auto prep = key(c.end - 1);
    if (!(wflags(c.end - 1) & detail::w_prep)) return;
    const auto& tail = mentions_[static_cast<std::size_t>(objs.back().mention)];
    std::uint32_t open = 0;
    std::size_t next_mention = static_cast<std::size_t>(objs.back().mention) + 1;
    for (std::uint32_t k = tail.next; k + 1 < last && k < tail.next + 25 && !open; ++k) {
      while (next_mention < mentions_.size() && mentions_[next_mention].begin < k) ++next_mention;
      const auto kk = key(k);
      // "with Starlink, which is owned by SpaceX, and with Eutelsat": a relative clause closed by a
      // comma is passed over.
      if ((kk == "which" || kk == "who" || kk == "whose") && k > tail.next && key(k - 1) == ",") {
        std::uint32_t close = 0;
        for (std::uint32_t j = k + 1; j < last && j < k + 12 && !close; ++j) {
          if (key(j) == ";" || key(j) == "which" || key(j) == "who") break;
          if (key(j) == ",") close = j;
        }
        if (!close) return;
        k = close - 1;
        continue;
      }
      if (kk == ";" || kk == "which" || kk == "who" || kk == "whose" || kk == "that" || kk == "but") return;
      if (next_mention < mentions_.size() && mentions_[next_mention].begin == k &&
          is_company_like(mentions_[next_mention])) {
        // ", Qualcomm's main rival, and to Nvidia": a possessive inside an apposition may stand between.
        const auto& m = mentions_[next_mention];
        if (!(m.possessive && m.next < last && tok(m.next).kind == TokenKind::word && is_lower(text_[tok(m.next).begin])))
          return;
      }
      if (key(k + 1) == prep && (kk == "and" || (kk == "as" && k >= 2 && key(k - 1) == "well" && key(k - 2) == "as")))
        open = k + 2;
      // "and increasingly with Google", "and also with Y"
      else if (kk == "and" && k + 2 < last && key(k + 2) == prep &&
               (key(k + 1) == "also" || key(k + 1) == "now" || key(k + 1) == "still" ||
                (key(k + 1).size() > 4 && key(k + 1).substr(key(k + 1).size() - 2) == "ly")))
        open = k + 3;
    }
    if (!open) return;
    int by_source = -1;
    auto more = objects(CueAt{c.begin, open, c.cue}, cue, last, subject_mention, by_source);
    for (auto& f : more) {
      const auto& m = mentions_[static_cast<std::size_t>(f.mention)];
      // "and with Y's backing", "and to the Morven government": a name before a common noun is no
      // object.
      if ((m.possessive || m.type == MentionType::candidate) && m.next < last &&
          tok(m.next).kind == TokenKind::word && is_lower(text_[tok(m.next).begin]) &&
          !(wflags(m.next) & (detail::w_prep | detail::w_list | detail::w_say)))
        break;
      f.weight = 0.9f;
      objs.push_back(f);
    }
  }

  void emit(int source, int target, Label label, Status status, float confidence, const Sentence& s,
            std::string_view rule) {
    if (source < 0 || target < 0 || source == target) return;
    if (rule_off(rule)) return;
    note_pair(source, target);
    if (label == Label::sues) last_plaintiff_ = source;
    if (label == Label::former_deal) status = Status::ended;
    if (confidence < min_confidence_) return;
    int a = source, b = target;
    if (is_symmetric(label) && a > b) std::swap(a, b);
    const std::uint64_t k = (static_cast<std::uint64_t>(a) << 36) ^ (static_cast<std::uint64_t>(b) << 4) ^
                            static_cast<std::uint64_t>(label);
    // The evidence (a copy of the sentence) is built only when it is new.
    const auto evidence = [&] {
      Evidence ev;
      ev.doc = article_.doc.id;
      ev.start = s.begin;
      ev.end = s.end;
      ev.sentence = repair_utf8(std::string_view(text_).substr(s.begin, s.end - s.begin));
      ev.confidence = confidence;
      ev.pattern = std::string(rule);
      return ev;
    };
    if (auto it = seen_.find(k); it != seen_.end()) {
      auto& r = relations_[it->second];
      r.status = merge_status(r.status, status);
      const bool same = std::any_of(r.evidence.begin(), r.evidence.end(),
                                    [&](const Evidence& e) { return e.start == s.begin && e.end == s.end; });
      if (!same) r.evidence.push_back(evidence());
      else
        for (auto& e : r.evidence)
          if (e.start == s.begin) e.confidence = std::max(e.confidence, static_cast<double>(confidence));
      if (is_deal_label(label)) sentence_deal_ = static_cast<int>(it->second);
      return;
    }
    // (no names yet: run() writes every relation's names once the document is read, as they may
    // still grow)
    Relation r;
    if (const int l = companies_[static_cast<std::size_t>(source)].lexicon; l >= 0)
      r.source.kind = lex_.company(static_cast<std::uint32_t>(l)).kind;
    if (const int l = companies_[static_cast<std::size_t>(target)].lexicon; l >= 0)
      r.target.kind = lex_.company(static_cast<std::uint32_t>(l)).kind;
    r.label = label;
    r.status = status;
    r.confidence = confidence;
    r.evidence.push_back(evidence());
    if (is_deal_label(label)) sentence_deal_ = static_cast<int>(relations_.size());
    seen_.emplace(k, relations_.size());
    relations_.push_back(std::move(r));
    rel_source_.push_back(source);
    rel_target_.push_back(target);
  }

  void relations(const Sentence& s) {
    sentence_first_ = s.first_token;
    first_subject_ = -1;
    used_objects_.clear();
    // "Greenway said it would sue...": "it" is the company that opens the sentence.
    sentence_subject_ = opening_apposition_subject(s);
    for (const auto& m : mentions_) {
      if (sentence_subject_ >= 0 || m.begin > subject_start_ + 2) break;
      if (m.type == MentionType::company && !m.reporter) {
        sentence_subject_ = m.company;
        break;
      }
      // "Holm Optics is controlled by ... and supplies lenses to ...": an unknown name of two or
      // more words that opens the sentence is its subject.
      if (m.type == MentionType::candidate && m.begin == s.first_token && m.name_end >= m.begin + 2 &&
          !m.possessive && !rule_off("candidate-subject")) {
        sentence_subject_ = argument(m);
        break;
      }
      // "The Taiwanese company is a supplier to ..., and competes with ...": a description that
      // opens the sentence is its subject too.
      if (m.type == MentionType::descriptor && m.begin == s.first_token && !m.possessive && m.company >= 0 &&
          !rule_off("descriptor-subject")) {
        sentence_subject_ = m.company;
        break;
      }
    }
    for (const auto& c : cues_) {
      const Cue& cue = lex_.cue(c.cue);
      if (!disabled_cues_.empty() && disabled_cues_.find("|" + joined_key(c.begin, c.end) + "|") != std::string::npos)
        continue;
      // "as part of its plan", "part of a deal": only a copula makes "part of" an ownership.
      if (c.end == c.begin + 2 && key(c.begin) == "part" && key(c.begin + 1) == "of") {
        const auto before = c.begin > s.first_token ? key(c.begin - 1) : std::string_view{};
        if (!(before == "is" || before == "was" || before == "are" || before == "were" || before == "became" ||
              before == "become" || before == "becomes" || before == "been" || before == "now" ||
              before == "remains" || before == "remain"))
          continue;
      }
      Found subj;
      if (!(cue.flags & detail::cue_no_subject)) subj = subject(c, cue);
      int by_source = -1;
      auto objs = objects(c, cue, s.last_token, subj.mention, by_source);
      if (!objs.empty() && by_source < 0) reopened_objects(c, cue, s.last_token, subj.mention, objs);
      // "Following its merger with Y, X, the utility, bought Z": an opening adverbial phrase ends
      // at its comma (no list runs over it), and its "its" points forward to the name after it.
      if (!rule_off("opening-phrase") && c.begin > s.first_token) {
        const auto lead = key(s.first_token);
        if (lead == "after" || lead == "following" || lead == "before" || lead == "since" || lead == "with" ||
            lead == "despite" || lead == "upon" || lead == "amid" || lead == "through" || lead == "until" ||
            lead == "while" || lead == "since") {
          std::uint32_t comma = 0;
          for (std::uint32_t k = s.first_token + 1; k < s.last_token && !comma; ++k)
            if (key(k) == ",") comma = k;
          if (comma > c.end) {
            std::erase_if(objs, [&](const Found& f) {
              return f.mention >= 0 && mentions_[static_cast<std::size_t>(f.mention)].begin > comma;
            });
            if (by_source >= 0) {
              bool inside = false;
              for (const auto& m : mentions_) inside |= m.begin > c.end && m.begin < comma && m.company == by_source;
              if (!inside) by_source = -1;
            }
            if (subj.mention >= 0 && mentions_[static_cast<std::size_t>(subj.mention)].type == MentionType::pronoun &&
                mentions_[static_cast<std::size_t>(subj.mention)].begin < c.begin) {
              int after = -1;
              for (const auto& m : mentions_)
                if (m.begin == comma + 1 && m.type == MentionType::company && !m.possessive) after = m.company;
              subj.company = after;
              if (after < 0) continue;
            }
          }
        }
      }
      // "trains its models on Y's cloud under a three-year agreement": a partnership, not a supply.
      if (!objs.empty() && cue.label == Label::supplies && cue.reversed && cue.rule == "runs-on") {
        bool under = false;
        const auto after = mentions_[static_cast<std::size_t>(objs.back().mention)].next;
        for (std::uint32_t k = after; k + 1 < s.last_token && k < after + 4 && !under; ++k)
          under = key(k) == "under";
        if (under) continue;
      }
      // "its former rival Y": a rivalry that is over is no edge.
      if (cue.label == Label::competes_with && !rule_off("former-rival")) {
        bool former = false;
        // (also "a new company that would rival SpaceX": a hypothetical rivalry)
        for (std::uint32_t k = c.begin > s.first_token + 2 ? c.begin - 2 : s.first_token; k < c.begin; ++k)
          former |= key(k) == "former" || key(k) == "onetime" || key(k) == "erstwhile";
        if (c.begin > s.first_token)
          former |= key(c.begin - 1) == "would" || key(c.begin - 1) == "could" || key(c.begin - 1) == "might";
        if (former) continue;
      }
      // "licenses the engine from Epic Games, in which Tencent is an investor", "a deal with Y, has
      // agreed to sell Z": a relative clause or a new verb after a comma ends the deal's objects.
      // (", in which Z is an investor" ends any gapped cue's list too: "licenses its engine from Y,
      // in which Z is an investor" is no supply by Z)
      const bool deal_cue = cue.label == Label::partners || cue.label == Label::talked_to ||
                            cue.label == Label::former_deal;
      if ((deal_cue || lex_.cue(c.cue).rule.ends_with("-gap")) && objs.size() > 1 && !rule_off("deal-object-clause")) {
        std::uint32_t end = s.last_token;
        for (std::uint32_t k = c.end; k + 1 < s.last_token && end == s.last_token; ++k) {
          const auto w = key(k);
          if ((w == "which" || w == "whom" || w == "whose") &&
              (deal_cue || key(k - 1) == "in" || key(k - 1) == "of"))
            end = k;
          if (deal_cue && w == "," && (is_auxiliary(key(k + 1)) || (wflags(k + 1) & detail::w_say))) end = k;
        }
        std::erase_if(objs, [&](const Found& f) {
          return f.mention >= 0 && mentions_[static_cast<std::size_t>(f.mention)].begin > end;
        });
      }
      Label label = cue.label;
      Status status = cue.status;
      // "the former owner of Y", "X's onetime parent Y": an ownership that is over is no edge.
      if (label == Label::owns && !rule_off("former-owner")) {
        bool former = false;
        for (std::uint32_t k = c.begin > s.first_token + 2 ? c.begin - 2 : s.first_token; k < c.begin; ++k)
          former |= key(k) == "former" || key(k) == "onetime" || key(k) == "previous" || key(k) == "erstwhile";
        // "a division of the insurer's former parent Y": Y is a past owner of someone else.
        if (!objs.empty()) {
          const auto ob = mentions_[static_cast<std::size_t>(objs.front().mention)].begin;
          for (std::uint32_t k = c.end; k < ob && k < c.end + 5; ++k) former |= key(k) == "former" || key(k) == "onetime";
        }
        if (former) continue;
      }
      // "Lenox, which bought the parent company of Rook", "said the owner of Y would sell": a
      // nominal owner cue names its owner only in an apposition or after a copula, never as the
      // object of another verb.
      if (label == Label::owns && !cue.reversed && c.begin > s.first_token && !rule_off("owner-noun-slot")) {
        const auto first = key(c.begin);
        if (first == "the" || first == "parent" || first == "owner" || first == "majority" || first == "holding" ||
            first == "publisher" || first == "operator") {
          const auto b = key(c.begin - 1);
          bool slot = b == "," || b == "(" || b == "-" || b == "is" || b == "was" || b == "are" || b == "were" ||
                      b == "be" || b == "been" || b == "became" || b == "becomes" || b == "become" || b == "remains" ||
                      b == "remain" || b == "as" || b == "now" || b == "also" || b == "still" || b == "and" ||
                      b == "the" || b == "a" || b == "an" || b == "its" || b == "their";
          for (const auto& m : mentions_) slot |= m.next == c.begin;
          if (!slot) continue;
        }
      }
      // "sold the plant to a subsidiary of Y", "signed a deal with a unit of Y": a unit that the text
      // does not name is no company; "X, a Texas-based subsidiary of Y" and "X is a unit of Y" name it.
      if (label == Label::owns && cue.reversed && key(c.end - 1) == "of" && c.begin > s.first_token &&
          !rule_off("unit-slot") && !unit_in_slot(c, s))
        continue;
      // "used the proceeds for a plant owned by Y": a participle right after a common noun is said
      // of that noun, not of a company further left.
      // "a new venture led by Y" as well, but not "a funding round led by Y" nor "a startup backed by Y".
      const bool invest_noun =
          label == Label::invests_in && c.begin > s.first_token &&
          !(wflags(c.begin - 1) & (detail::w_desc_noun | detail::w_generic)) && key(c.begin - 1) != "round" &&
          key(c.begin - 1) != "funding" && key(c.begin - 1) != "financing" && key(c.begin - 1) != "investment" &&
          key(c.begin - 1) != "raise" && key(c.begin - 1) != "tranche" && key(c.begin - 1) != "series" &&
          key(c.begin - 1) != "deal" && key(c.begin - 1) != "offering" && key(c.begin - 1) != "ipo";
      if ((label == Label::owns || label == Label::acquired || invest_noun) && cue.reversed && c.begin > s.first_token &&
          !rule_off("participle-noun")) {
        const auto first = key(c.begin);
        if (first.size() > 2 && first.substr(first.size() - 2) == "ed") {
          const auto b = key(c.begin - 1);
          const auto& bt = tok(c.begin - 1);
          bool noun = bt.kind == TokenKind::word && is_lower(text_[bt.begin]) && !is_auxiliary(b) &&
                      !(b.size() > 2 && b.substr(b.size() - 2) == "ly") && b != "be" && b != "been" && b != "being" &&
                      b != "and" && b != "or" && b != "but" && b != "which" && b != "that" && b != "who" &&
                      b != "majority" && b != "partly" && b != "jointly" && b != "still" && b != "once" &&
                      b != "formerly" && b != "previously" && b != "it" && b != "they" && b != "not";
          for (const auto& m : mentions_) noun &= m.next != c.begin;
          if (noun) continue;
        }
      }
      // "is part of the Y data-centre venture": a name that only modifies the noun after it is not
      // the whole the subject belongs to ("part of the Y group" still is).
      if (label == Label::owns && cue.reversed && c.end == c.begin + 2 && key(c.begin) == "part" && !objs.empty() &&
          !rule_off("part-of-noun")) {
        const auto next = mentions_[static_cast<std::size_t>(objs.front().mention)].next;
        // "X is part of Y", "X, which has been part of Y": the subject stands right before the copula.
        if (subj.mention < 0 || mentions_[static_cast<std::size_t>(subj.mention)].next + 4 < c.begin) continue;
        if (next < s.last_token && tok(next).kind == TokenKind::word && is_lower(text_[tok(next).begin]) &&
            !(wflags(next) & (detail::w_prep | detail::w_list | detail::w_say | detail::w_legal)) &&
            !is_auxiliary(key(next)) && !is_owner_group_noun(key(next)))
          continue;
      }
      // "is part of a joint venture with Y", "a unit of the trading arm of Y": a noun phrase
      // between the cue and the name takes the cue; the name hangs on that phrase's preposition.
      if (((label == Label::owns && cue.reversed) || (label == Label::acquired && (cue.flags & detail::cue_noun))) &&
          !objs.empty() && key(c.end - 1) == "of" && !rule_off("nested-of")) {
        const auto ob = mentions_[static_cast<std::size_t>(objs.front().mention)].begin;
        bool nested = false;
        for (std::uint32_t k = c.end + 1; k < ob && !nested; ++k)
          nested = (wflags(k) & detail::w_prep) && key(k) != "-" && !(key(k) == "of" && k == c.end);
        bool named = false;
        for (const auto& m : mentions_) named |= m.begin >= c.end && m.begin < ob && m.type != MentionType::blocker;
        if (nested && !named) continue;
      }
      // "...is a unit of the trading arm of Y": the second "arm of" is said of the first phrase's noun.
      if (label == Label::owns && cue.reversed && !rule_off("nested-of")) {
        bool inner = false;
        for (const auto& other : cues_)
          inner |= &other != &c && other.end <= c.begin && other.end + 4 > c.begin && lex_.cue(other.cue).label == Label::owns &&
                   lex_.cue(other.cue).reversed;
        if (inner) continue;
      }
      // "bought Y's chip unit", "part of Y's growth plan", "the purchase of Y's pension business":
      // the possessive names the owner of the thing bought or belonged to, not the thing.
      // "had backed Y's position", "invested in Y's cloud unit": the same for an investment.
      if (((label == Label::acquired && !cue.reversed) || (label == Label::owns && cue.reversed) ||
           (label == Label::invests_in && !cue.reversed && !(cue.flags & detail::cue_tight))) &&
          !objs.empty() && !rule_off("possessive-object")) {
        const auto& om = mentions_[static_cast<std::size_t>(objs.front().mention)];
        bool thing = om.possessive && om.next < s.last_token && tok(om.next).kind == TokenKind::word;
        // "a unit of Y's parent Z": a name a few words on is the real argument.
        for (const auto& other : mentions_)
          thing &= !(other.begin >= om.next && other.begin < om.next + 4 &&
                     (is_company_like(other) || other.company >= 0));
        if (thing) {
          const auto kn = key(om.next);
          thing = !(kn == "shares" || kn == "stake" || kn == "remaining" || kn == "stock" || kn == "majority" ||
                    kn == "entire" || kn == "whole" || kn == "equity" || kn == "bonds");
          // "invests in Y's latest funding round" is an investment in Y.
          for (std::uint32_t k = om.next; k < s.last_token && k < om.next + 4 && thing && label == Label::invests_in; ++k) {
            const auto kk = key(k);
            thing = !(kk == "round" || kk == "funding" || kk == "fundraising" || kk == "financing" || kk == "ipo" ||
                      kk == "offering" || kk == "series");
          }
        }
        if (thing) continue;
      }
      // "will take over the Y plants", "bought two Thai mills": a name before an asset noun only
      // says whose assets they are; the company itself is not bought.
      // ("a 5% stake in the Y expansion project": the same for a stake in an asset)
      if ((label == Label::acquired || label == Label::invests_in) && !cue.reversed && !objs.empty() &&
          !rule_off("asset-object")) {
        const auto next = mentions_[static_cast<std::size_t>(objs.front().mention)].next;
        if (next < s.last_token) {
          static constexpr std::string_view assets[] = {
              "plant", "plants", "factory", "factories", "mill", "mills", "assets", "asset", "operations",
              "business", "businesses", "stores", "store", "mines", "mine", "refinery", "refineries", "sites",
              "site", "facility", "facilities", "portfolio", "brands", "brand", "fleet", "properties", "hotels",
              "project", "projects", "field", "fields", "block", "blocks", "expansion", "development",
              "concession", "terminal", "pipeline", "deposit", "licence", "license"};
          const auto kn = key(next);
          if (std::find(std::begin(assets), std::end(assets), kn) != std::end(assets)) continue;
        }
      }
      // "owned since 2018 by Y": the owner stands right after "by", not a clause later
      if (cue.rule == "owned-by-gap") {
        if (!objs.empty() && mentions_[static_cast<std::size_t>(objs.front().mention)].begin > c.end + 4) continue;
        // only a time or an adverb between: "owned since 2018 by", "controlled until May by"
        bool plain = true;
        for (std::uint32_t k = c.begin + 1; k + 1 < c.end && plain; ++k) {
          const auto w = key(k);
          plain = tok(k).kind == TokenKind::number || w == "since" || w == "until" || w == "in" || w == "from" ||
                  (w.size() > 3 && w.substr(w.size() - 2) == "ly") ||
                  w == "january" || w == "february" || w == "march" || w == "april" || w == "may" ||
                  w == "june" || w == "july" || w == "august" || w == "september" || w == "october" ||
                  w == "november" || w == "december";
        }
        if (!plain) continue;
      }
      // "Y, 30% owned by X", "a minority owned by X": a minority ownership is an investment ("partly
      // owned by X" stays owns: tests/extract_test.cpp expects it).
      if (label == Label::owns && cue.reversed && !rule_off("minority-owned")) {
        bool minority = false;
        for (std::uint32_t k = c.begin > s.first_token + 3 ? c.begin - 3 : s.first_token; k <= c.begin && k < c.end; ++k) {
          const auto w = key(k);
          minority |= w == "minority";
          if (tok(k).kind == TokenKind::number && k + 1 < s.last_token && (key(k + 1) == "%" || key(k + 1) == "percent")) {
            const double share = std::atof(std::string(raw(k, k + 1)).c_str());
            minority |= share > 0.0 && share < 50.0;
          }
        }
        if (minority) label = Label::invests_in;
      }
      // "controlled by the Ferraris family": a family is people, not a company.
      if ((label == Label::owns || label == Label::invests_in || label == Label::acquired) && !objs.empty() &&
          !rule_off("family-object")) {
        const auto removed = std::erase_if(objs, [&](const Found& f) {
          if (f.mention < 0) return false;
          const auto next = mentions_[static_cast<std::size_t>(f.mention)].next;
          return next < s.last_token && (key(next) == "family" || key(next) == "families" || key(next) == "heirs" ||
                                         key(next) == "clan");
        });
        if (removed && objs.empty()) continue;
      }
      // "its own modem", "Qualcomm's own chips": "own" after a possessive is an adjective.
      if (label == Label::owns && !cue.reversed && key(c.begin) == "own" && c.end == c.begin + 1 &&
          c.begin > s.first_token && !rule_off("own-adjective")) {
        const auto b = key(c.begin - 1);
        bool adjective = b == "its" || b == "their" || b == "his" || b == "her" || b == "our" || b == "your" ||
                         b == "my" || b == "'s" || b == "'";
        for (const auto& m : mentions_) adjective |= m.next == c.begin && m.possessive;
        if (adjective) continue;
      }
      // "bought Y shares", "the purchase of Y stock by X": shares are an investment, not the company.
      if (label == Label::acquired && !cue.reversed && !objs.empty() && !rule_off("shares-object")) {
        const auto next = mentions_[static_cast<std::size_t>(objs.front().mention)].next;
        if (next < s.last_token) {
          const auto kn = key(next);
          if (kn == "shares" || kn == "stock" || kn == "stocks" || kn == "equity" || kn == "bonds")
            label = Label::invests_in;
        }
      }
      // "acquired a 60% stake in Y": a majority bought is an acquisition (relations.md: "or a
      // controlling stake"), a majority held an ownership.
      if (label == Label::invests_in && !cue.reversed && !rule_off("majority-stake")) {
        std::uint32_t noun = 0;
        for (std::uint32_t k = c.begin; k < c.end && !noun; ++k)
          if (key(k) == "stake" || key(k) == "interest" || key(k) == "holding") noun = k;
        // "agreed to sell a 70% stake in Y to Z": the stake changes hands (stake-sale gives Z's edge)
        if (noun && divested_before(noun, s) && !modifier_in(Modifier::talks, s.first_token, c.begin)) continue;
        if (noun) {
          double share = 0.0;
          bool buy = false, hold = false;
          for (std::uint32_t k = noun > s.first_token + 6 ? noun - 6 : s.first_token; k < noun; ++k) {
            const auto w = key(k);
            if (tok(k).kind == TokenKind::number && k + 1 < noun && (key(k + 1) == "%" || key(k + 1) == "percent"))
              share = std::atof(std::string(raw(k, k + 1)).c_str());
            buy |= w == "acquired" || w == "acquires" || w == "acquire" || w == "bought" || w == "buys" || w == "buy" ||
                   w == "purchased" || w == "took" || w == "takes" || w == "take";
            hold |= w == "holds" || w == "held" || w == "owns" || w == "has" || w == "hold";
          }
          if (share > 50.0 && share <= 100.0) {
            if (buy) label = Label::acquired;
            else if (hold) label = Label::owns;
          }
        }
      }
      // "clients that use Pagaloo's card readers": a noun before "that/who" is what uses it.
      if ((cue.flags & detail::cue_poss_object) && c.begin >= s.first_token + 2 && !rule_off("noun-relative-user")) {
        const auto rel = key(c.begin - 1);
        const auto& nt = tok(c.begin - 2);
        if ((rel == "that" || rel == "who" || rel == "which") && nt.kind == TokenKind::word && is_lower(text_[nt.begin]) &&
            mention_at(c.begin - 2) < 0)
          continue;
      }
      // "paying 1.5 billion euros for about a fifth of Y", "paid $2bn for a 10% stake in Y": a minority
      // bought is an investment.
      if (label == Label::acquired && lex_.cue(c.cue).rule == "paid-for" && !objs.empty() && !rule_off("paid-for-share")) {
        const auto ob = mentions_[static_cast<std::size_t>(objs.front().mention)].begin;
        bool part = false, majority = false;
        for (std::uint32_t k = c.end; k < ob; ++k) {
          const auto w = key(k);
          part |= w == "stake" || w == "fifth" || w == "third" || w == "quarter" || w == "tenth" || w == "minority" ||
                  w == "share" || w == "shares" || w == "%" || w == "percent" || w == "interest";
          majority |= w == "majority" || w == "controlling";
          if (tok(k).kind == TokenKind::number && k + 1 < ob && (key(k + 1) == "%" || key(k + 1) == "percent"))
            majority |= std::atof(std::string(raw(k, k + 1)).c_str()) > 50.0;
        }
        if (part && !majority) label = Label::invests_in;
      }
      // "licenses its designs to Y": a licence is a partnership in relations.md, not a supply.
      if (label == Label::supplies && !cue.reversed && key(c.begin).substr(0, 6) == "licens" && !rule_off("licence-partners"))
        label = Label::partners;
      // "Y, a unit of X, Z said", "owned by X, the Dutch group, and ...": owners are rarely more than
      // two, so a list of owners runs over "and" only; a comma closes the apposition.
      if (label == Label::owns && cue.reversed && objs.size() > 1 && !rule_off("owner-list")) {
        std::size_t keep = 1;
        while (keep < objs.size()) {
          const auto b = mentions_[static_cast<std::size_t>(objs[keep].mention)].begin;
          if (!(b >= 2 && key(b - 1) == "and" && key(b - 2) != ",")) break;
          ++keep;
        }
        objs.resize(keep);
      }
      // "X said on Monday that the parent company of Y ...": an owner named far before the cue, with
      // no relative clause between ("Mars, which makes M&M's and owns Royal Canin"), is not its subject.
      if (cue.label == Label::owns && !cue.reversed && !(cue.flags & detail::cue_tight) && subj.mention >= 0 &&
          !rule_off("owner-distance")) {
        const auto& sm = mentions_[static_cast<std::size_t>(subj.mention)];
        if (sm.next + 3 < c.begin && !subj.scope) {
          // ", which ...", "that", or an apposition closed by a comma right before the cue
          bool relative = false;
          for (std::uint32_t k = sm.next; k < c.begin && !relative; ++k)
            relative = key(k) == "which" || key(k) == "that" || key(k) == "who";
          std::uint32_t close = c.begin;
          while (close > sm.next && is_auxiliary(key(close - 1))) --close;
          relative |= key(sm.next) == "," && close > sm.next + 1 && key(close - 1) == ",";
          if (!relative) continue;
        }
      }
      float conf = cue.confidence * subj.weight;
      // Negations and hypotheticals between the subject and the cue: no edge.
      // A pronoun subject ("denied that it was in talks") lets the whole clause before it count.
      const bool pronoun_subject = subj.mention >= 0 && mentions_[static_cast<std::size_t>(subj.mention)].type == MentionType::pronoun;
      const std::uint32_t neg_from = subj.scope ? subj.scope
                                     : pronoun_subject ? s.first_token
                                     : subj.mention >= 0 ? mentions_[static_cast<std::size_t>(subj.mention)].next
                                                         : (c.begin > s.first_token + 4 ? c.begin - 4 : s.first_token);
      // "said the claims were without merit and that it had filed its own suit": a negation in the
      // first of two coordinated "that" clauses is not the second's.
      std::uint32_t clause_from = neg_from;
      if (!rule_off("that-clause-negation"))
        for (std::uint32_t k = neg_from + 1; k + 1 < c.begin; ++k)
          if (key(k) == "that" && (key(k - 1) == "and" || key(k - 1) == "but")) clause_from = k + 1;
      if (modifier_in(Modifier::negation, clause_from, c.end)) continue;
      if (!objs.empty() && modifier_in(Modifier::negation, c.end, static_cast<std::uint32_t>(mentions_[static_cast<std::size_t>(objs.front().mention)].begin)))
        continue;
      const std::uint32_t scope_from = subj.scope ? subj.scope
                                       : subj.mention >= 0 ? mentions_[static_cast<std::size_t>(subj.mention)].begin : s.first_token;
      // ("is in talks to supply Y": a supply under negotiation is talks, not yet a supply)
      if ((label == Label::acquired || label == Label::invests_in || label == Label::partners ||
           (label == Label::supplies && !cue.reversed && !rule_off("supply-talks"))) &&
          modifier_in(Modifier::talks, scope_from, c.begin))
        label = Label::talked_to, status = Status::current;
      // An ending said after the subject counts ("X's deal with Y fell apart"), and just before
      // a possessive subject ("regulators blocked X's takeover of Y"); one in another clause
      // before the subject does not ("Pfizer dropped a pill, and Roche bought Carmot").
      std::uint32_t ended_from = s.first_token;
      if (subj.mention >= 0) {
        const auto& sm = mentions_[static_cast<std::size_t>(subj.mention)];
        ended_from = sm.possessive && sm.begin >= s.first_token + 3 ? sm.begin - 3 : sm.possessive ? s.first_token : sm.begin;
      }
      if (subj.scope) ended_from = subj.scope;
      // "ends distribution pact with Y": "end" right before the deal noun ends it.
      bool ends_before = false;
      for (std::uint32_t k = c.begin > s.first_token + 3 ? c.begin - 3 : s.first_token; k < c.begin; ++k)
        ends_before |= key(k) == "ends" || key(k) == "ended" || key(k) == "ending" || key(k) == "end";
      // "Vistara had been a joint venture between X and Y": a partnership in the past perfect is over.
      if (label == Label::partners && !rule_off("had-been-partners"))
        for (std::uint32_t k = c.begin > s.first_token + 4 ? c.begin - 4 : s.first_token; k + 1 < c.begin; ++k)
          ends_before |= key(k) == "had" && key(k + 1) == "been";
      // "..., and to Nvidia, which tried to buy Arm before the deal was abandoned": an ending inside
      // a relative clause on a later name is that clause's, not the cue's.
      std::uint32_t ended_to = s.last_token;
      // "X, which is backed by Y, ... under a contract that expired": a cue inside a relative clause
      // is ended only inside that clause.
      if (relative_cue(c) && !rule_off("relative-ending-scope"))
        for (std::uint32_t k = c.end; k < s.last_token; ++k)
          if (key(k) == ",") {
            ended_to = k;
            break;
          }
      if (!rule_off("relative-ending-scope"))
        for (std::uint32_t k = c.end; k + 1 < s.last_token; ++k)
          // (also "a supplier that Spirit had tried to buy before the deal was called off")
          if ((key(k) == "," && (key(k + 1) == "which" || key(k + 1) == "who")) ||
              (key(k + 1) == "that" && tok(k).kind == TokenKind::word &&
               !(wflags(k) & (detail::w_say | detail::w_prep)) && !rule_off("that-ending-scope"))) {
            // ", which collapsed" is said of the deal itself; ", which tried to buy X before..."
            // has a cue of its own.
            std::uint32_t first_end = s.last_token;
            for (const auto& md : modifiers_)
              if (md.modifier == Modifier::ended && md.at > k && md.at < first_end) first_end = md.at;
            bool own_cue = false;
            for (const auto& other : cues_) own_cue |= other.begin > k + 1 && other.begin < first_end;
            if (own_cue) ended_to = k;
            break;
          }
      // "will build cars for Y, a year after X's plan for Z was scrapped": a later clause's ending is
      // not the supply's.
      if (label == Label::supplies && !objs.empty() && !rule_off("supply-ending-scope"))
        for (std::uint32_t k = mentions_[static_cast<std::size_t>(objs.back().mention)].next; k < ended_to; ++k)
          if (key(k) == "after" || key(k) == "before" || key(k) == "when" || key(k) == "because") {
            ended_to = k;
            break;
          }
      // "Novo Nordisk's partner Hemfeld Bio, ...; that sale was cancelled": an apposition names the
      // partner as it is now, whatever ended elsewhere in the sentence ("former partner" is a cue).
      const bool apposition = label == Label::partners && (cue.flags & detail::cue_tight);
      bool supply_contract_ended = false;
      if (!apposition && (ends_before || modifier_in(Modifier::ended, ended_from, ended_to))) {
        if (label == Label::partners || label == Label::acquired || label == Label::invests_in)
          label = Label::former_deal;
        else if (label == Label::owns || label == Label::supplies)
          status = Status::ended;
        // "bought its gas from Gazprom; that contract was terminated": a supply contract that ended
        // was also a deal between the two
        if (label == Label::supplies)
          for (std::uint32_t k = c.end + 1; k + 1 < ended_to && !supply_contract_ended; ++k)
            supply_contract_ended = (key(k - 1) == ";" || key(k - 1) == "but") &&
                                    (key(k) == "that" || key(k) == "the" || key(k) == "its" || key(k) == "their") &&
                                    (key(k + 1) == "contract" || key(k + 1) == "agreement" || key(k + 1) == "deal");
      } else if (label == Label::acquired) {
        if (modifier_in(Modifier::completed, scope_from, c.end)) status = Status::current;
        // "The combined group will compete with ... Eutelsat, the operator that merged with OneWeb
        // in 2023": a pending word before the subject's clause is another clause's.
        else if (modifier_in(Modifier::pending, ended_from, s.last_token)) status = Status::pending;
      }
      // "previously bought a majority stake in XP but sold most of it": bought, then sold again.
      if ((label == Label::acquired || label == Label::owns) && !objs.empty() && !rule_off("sold-again")) {
        const auto after = mentions_[static_cast<std::size_t>(objs.back().mention)].next;
        for (std::uint32_t k = after; k + 1 < s.last_token && k < after + 8; ++k) {
          const auto w = key(k);
          if (w == ";" || w == ".") break;
          if (!(w == "sold" || w == "sells" || w == "divested" || w == "offloaded" || w == "unloaded")) continue;
          const auto n = key(k + 1);
          if (n == "it" || n == "them" || n == "most" || n == "all" || n == "the" || n == "its" || n == "part")
            status = Status::ended;
          break;
        }
      }
      // "Y had been majority-owned by X", "owned by X until 2020": an ownership in the past perfect
      // or with an end date is over.
      if (label == Label::owns && !rule_off("past-owner")) {
        bool past = false;
        for (std::uint32_t k = c.begin > s.first_token + 3 ? c.begin - 3 : s.first_token; k + 1 <= c.begin; ++k)
          past |= key(k) == "had" && k + 1 < s.last_token && key(k + 1) == "been";
        if (!objs.empty()) {
          const auto on = mentions_[static_cast<std::size_t>(objs.back().mention)].next;
          for (std::uint32_t k = on; k < s.last_token && k < on + 3; ++k) past |= key(k) == "until";
        }
        // "spun off from X": the parent let it go
        past |= key(c.begin) == "spun" || key(c.begin) == "spinoff";
        if (past) status = Status::ended;
      }
      // "BHP walks away from Anglo after third offer rejected": a bid that was never agreed ends no
      // deal; making it was an approach.
      // ... unless an agreement had been reached ("had reached an agreement in principle with Y, only
      // for the talks to collapse")
      bool reached = false;
      for (std::uint32_t k = c.begin > s.first_token + 3 ? c.begin - 3 : s.first_token; k < c.end; ++k)
        reached |= key(k) == "reached" || key(k) == "signed" || key(k) == "struck" || key(k) == "agreed";
      if (label == Label::former_deal && (only_courted(s) || (!reached && talks_ended(ended_from, ended_to))))
        label = Label::talked_to;
      // "The proposed joint venture between X and Y ... was never formally negotiated": a deal only
      // proposed, or denied after its names, gives no partnership
      if (label == Label::partners && !objs.empty() && !rule_off("proposed-deal")) {
        bool proposed = false;
        for (std::uint32_t k = c.begin > s.first_token + 2 ? c.begin - 2 : s.first_token; k < c.begin; ++k)
          proposed |= key(k) == "proposed" || key(k) == "mooted" || key(k) == "rumoured" || key(k) == "rumored";
        const auto after = mentions_[static_cast<std::size_t>(objs.back().mention)].next;
        std::uint32_t stop = std::min(after + 8, s.last_token);
        for (const auto& m : modifiers_)
          if (m.modifier == Modifier::stop && m.at >= after && m.at < stop) stop = m.at;
        if (proposed || modifier_in(Modifier::negation, after, stop)) continue;
      }
      if (label == Label::invests_in) status = Status::current;
      if (label == Label::former_deal) status = Status::ended;
      if (label == Label::talked_to) status = Status::current;
      const auto exchange_ok = [&](const Found& f) {
        return f.mention < 0 || !mentions_[static_cast<std::size_t>(f.mention)].exchange || label == Label::acquired;
      };
      if (!exchange_ok(subj)) continue;
      if (by_source >= 0 && (cue.flags & detail::cue_noun)) {
        for (const auto& o : objs) emit(by_source, o.company, label, status, conf * o.weight, s, cue.rule);
        continue;
      }
      if (cue.flags & detail::cue_no_subject) {
        for (std::size_t i = 1; i < objs.size(); ++i)
          emit(objs[0].company, objs[i].company, label, status, conf, s, cue.rule);
        continue;
      }
      if (subj.mention > 0 && !(cue.flags & detail::cue_noun)) {
        // "MediaTek, Qualcomm's main rival", "Hailo is one of Qualcomm's rivals": the name before
        // the possessive is the other party, and nothing on the right is.
        const auto& sm = mentions_[static_cast<std::size_t>(subj.mention)];
        const auto& before = mentions_[static_cast<std::size_t>(subj.mention - 1)];
        const auto word = key(c.begin);
        const bool noun = word == "rival" || word == "rivals" || word == "competitor" || word == "competitors";
        bool linked = sm.possessive && noun && c.begin >= sm.next && c.begin - sm.next <= 2 &&
                      before.type == MentionType::company && !before.possessive && before.next < sm.begin &&
                      sm.begin - before.next <= 4;
        for (std::uint32_t k = before.next; k < sm.begin && linked; ++k) {
          const auto kk = key(k);
          linked = kk == "," || kk == "is" || kk == "was" || kk == "are" || kk == "remains" || kk == "one" ||
                   kk == "of" || kk == "among" || kk == "also" || kk == "became";
        }
        // "Anthropic, founded in 2021 by former OpenAI researchers, is one of OpenAI's rivals": the
        // subject of the copula, over an inserted clause.
        int partner = linked ? before.company : -1;
        if (!linked && sm.possessive && noun && c.begin >= sm.next && c.begin - sm.next <= 2 &&
            !rule_off("rival-copula")) {
          std::uint32_t k = sm.begin;
          if (k >= sentence_first_ + 2 && key(k - 1) == "of" && key(k - 2) == "one") k -= 2;
          else if (k >= sentence_first_ + 1 && key(k - 1) == "among") k -= 1;
          if (k > sentence_first_ && key(k - 1) == "also") --k;
          if (k > sentence_first_ &&
              (key(k - 1) == "is" || key(k - 1) == "was" || key(k - 1) == "remains" || key(k - 1) == "became")) {
            const Found copula = inserted_clause_subject(CueAt{k - 1, k, 0}, sentence_first_);
            if (copula.mention >= 0 && copula.company != subj.company) {
              partner = copula.company;
              linked = true;
            }
          }
        }
        if (linked && !modifier_in(Modifier::negation, before.next, c.end)) {
          emit(partner, subj.company, label, status, conf * 0.9f, s, "rival-apposition");
          used_objects_.push_back(subj.mention - 1);
          // "..., is one of OpenAI's rivals, along with Y": Y is one more of the possessor's rivals.
          if (partner != before.company) {
            for (const auto& o : objs) emit(subj.company, o.company, label, status, conf * o.weight, s, cue.rule);
          }
          continue;
        }
      }
      if ((cue.flags & detail::cue_tight) && objs.empty() && subj.mention > 0) {
        // "Amazon, Rivian's largest shareholder": the name before the comma fills the slot.
        const auto& sm = mentions_[static_cast<std::size_t>(subj.mention)];
        const auto& before = mentions_[static_cast<std::size_t>(subj.mention - 1)];
        if (sm.possessive && before.type == MentionType::company && before.next + 1 == sm.begin &&
            key(before.next) == ",")
          objs.push_back({subj.mention - 1, before.company, 0.9f});
      }
      if (objs.empty() && subj.pair >= 0 && subj.company >= 0) {
        if (is_symmetric(label)) emit(subj.company, subj.pair, label, status, conf, s, cue.rule);
        continue;
      }
      if (subj.company >= 0 && !(cue.flags & detail::cue_tight) && by_source < 0) {
        // "Micron, which competes with both Korean companies": a plural object.
        int first = -1, second = -1;
        if (c.end < s.last_token && (key(c.end) == "both" || key(c.end) == "the") &&
            plural_pair(c.end, s.last_token, first, second)) {
          for (const int o : {first, second}) {
            if (cue.reversed) emit(o, subj.company, label, status, conf * 0.85f, s, cue.rule);
            else emit(subj.company, o, label, status, conf * 0.85f, s, cue.rule);
          }
          continue;
        }
      }
      if (objs.empty()) {
        // "Toyota and Honda are rivals": the subjects pair up ("far ahead of rival networks": an
        // adjective before a common noun says nothing of the pair).
        const bool adjective = c.end == c.begin + 1 && (key(c.begin) == "rival" || key(c.begin) == "rivals") &&
                               c.end < s.last_token && tok(c.end).kind == TokenKind::word &&
                               is_lower(text_[tok(c.end).begin]) &&
                               !(wflags(c.end) & (detail::w_prep | detail::w_list | detail::w_say)) &&
                               !rule_off("rival-adjective");
        if (subj.mention > 0 && is_symmetric(label) && !adjective) {
          const auto& sm = mentions_[static_cast<std::size_t>(subj.mention)];
          for (int i = subj.mention - 1; i >= 0; --i) {
            const auto& m = mentions_[static_cast<std::size_t>(i)];
            if (m.type != MentionType::company) break;
            bool joined = sm.begin > m.next && sm.begin - m.next <= 2;
            // "Before agreeing with SES, Intelsat had been in talks": a comma alone joins no pair
            bool conjunction = false;
            for (std::uint32_t k = m.next; k < sm.begin && joined; ++k) {
              joined = key(k) == "and" || key(k) == ",";
              conjunction |= key(k) == "and";
            }
            if (!joined || !conjunction) break;
            emit(m.company, subj.company, label, status, conf * 0.9f, s, cue.rule);
          }
        }
        // "Ubisoft jumps after Tencent invests in new subsidiary": the object is the sentence's
        // other company when the cue's object is only a generic noun.
        if ((label == Label::invests_in || label == Label::acquired) && subj.company >= 0 && subj.mention > 0 &&
            !(cue.flags & detail::cue_tight)) {
          bool generic = false;
          for (std::uint32_t k = c.end; k < std::min(c.end + 4, s.last_token); ++k)
            generic |= (wflags(k) & (detail::w_desc_noun | detail::w_generic)) != 0;
          if (generic) {
            for (int i = subj.mention - 1; i >= 0; --i) {
              const auto& m = mentions_[static_cast<std::size_t>(i)];
              if (m.type != MentionType::company || m.company == subj.company) continue;
              if (m.possessive && m.next == mentions_[static_cast<std::size_t>(subj.mention)].begin) continue;
              emit(subj.company, m.company, label, status, 0.55f, s, "generic-object");
              break;
            }
          }
        }
        continue;
      }
      if (subj.company < 0) continue;

      if (first_subject_ < 0) first_subject_ = subj.company;
      for (const auto& o : objs) used_objects_.push_back(o.mention);
      // "Arbutus and Genevant have sued Moderna": coordinated subjects share the cue.
      std::vector<int> subjects{subj.company};
      // "EE and Virgin Media O2, which is jointly owned by X": a singular relative clause is said of
      // the last name only.
      bool singular_relative = false;
      if (relative_cue(c))
        for (std::uint32_t k = c.begin > s.first_token + 4 ? c.begin - 4 : s.first_token; k <= c.begin; ++k)
          singular_relative |= key(k) == "is" || key(k) == "was" || key(k) == "has";
      if (subj.pair >= 0) subjects.push_back(subj.pair);
      // "Vattenfall and Kaleva rival Volue team up": a one-word noun cue between two names is a noun
      // phrase of its own, no verb of a pair.
      const bool noun_phrase = c.end == c.begin + 1 && subj.mention >= 0 &&
                               mentions_[static_cast<std::size_t>(subj.mention)].next == c.begin &&
                               (wflags(c.begin) & detail::w_desc_noun) && !rule_off("noun-cue-pair");
      if (subj.mention > 0 && !(cue.flags & detail::cue_tight) && !noun_phrase && !singular_relative &&
          mentions_[static_cast<std::size_t>(subj.mention)].type == MentionType::company &&
          !mentions_[static_cast<std::size_t>(subj.mention)].possessive) {
        std::uint32_t head = mentions_[static_cast<std::size_t>(subj.mention)].begin;
        for (int i = subj.mention - 1; i >= 0; --i) {
          const auto& m = mentions_[static_cast<std::size_t>(i)];
          if (m.type != MentionType::company || m.possessive || m.next >= head || head - m.next > 2) break;
          if (std::find(used_objects_.begin(), used_objects_.end(), i) != used_objects_.end()) break;
          bool joined = true;
          for (std::uint32_t k = m.next; k < head && joined; ++k) joined = key(k) == "and" || key(k) == ",";
          if (!joined || key(head - 1) == ",") break;  // "X, Y sued Z" is an apposition, not a pair
          const int other = argument(m);
          if (other < 0) break;
          subjects.push_back(other);
          head = m.begin;
        }
      }
      for (std::size_t extra = 1; extra < subjects.size(); ++extra)
        for (const auto& o : objs) {
          if (!exchange_ok(o)) continue;
          if (cue.reversed) emit(o.company, subjects[extra], label, status, conf * o.weight * 0.9f, s, cue.rule);
          else emit(subjects[extra], o.company, label, status, conf * o.weight * 0.9f, s, cue.rule);
        }
      for (const auto& o : objs) {
        if (!exchange_ok(o)) continue;
        if (cue.reversed) emit(o.company, subj.company, label, status, conf * o.weight, s, cue.rule);
        else emit(subj.company, o.company, label, status, conf * o.weight, s, cue.rule);
        if (supply_contract_ended)
          emit(subj.company, o.company, Label::former_deal, Status::ended, conf * o.weight, s, cue.rule);
      }
    }
  }

  // "Amazon's Whole Foods Market": a company's name right before another's is its owner.
  void possessive_owners(const Sentence& s) {
    for (std::size_t i = 0; i + 1 < mentions_.size(); ++i) {
      const auto& a = mentions_[i];
      const auto& b = mentions_[i + 1];
      if (!a.possessive || a.type != MentionType::company || b.begin != a.next) continue;
      if (b.type != MentionType::company) continue;
      if (modifier_in(Modifier::negation, s.first_token, b.end)) continue;
      emit(a.company, b.company, Label::owns, Status::current, 0.6f, s, "possessive-company");
    }
  }

  // "Meridian, in which Al Rayan holds a 12% stake": the names after "in which" invest in the
  // name before it.
  void in_which_stakes(const Sentence& s) {
    for (std::size_t i = 0; i + 1 < mentions_.size(); ++i) {
      const auto& y = mentions_[i];
      if ((y.type != MentionType::company && y.type != MentionType::candidate) || y.next + 3 > s.last_token) continue;
      if (key(y.next) != ",") continue;
      // ", in which", or past an apposition: ", the Chinese battery maker in which"
      std::uint32_t in = y.next + 1;
      if (key(in) == "the" || key(in) == "a" || key(in) == "an") {
        while (in < s.last_token && in < y.next + 8 && key(in) != "in" && tok(in).kind == TokenKind::word &&
               !(wflags(in) & (detail::w_list | detail::w_say))) {
          const int d = mention_at(in);
          if (d >= 0 && mentions_[static_cast<std::size_t>(d)].type != MentionType::descriptor) break;
          ++in;
        }
      }
      if (in + 1 >= s.last_token || key(in) != "in" || key(in + 1) != "which") continue;
      const std::uint32_t from = in + 2;
      // "in which X holds a 12% stake", "in which X is an investor", "in which the state holds 28%
      // and X owns 41%": each company with a stake word after it in the clause
      std::uint32_t end = from;
      while (end < s.last_token && end < from + 24 && key(end) != "," && key(end) != ".") ++end;
      const auto stake_at = [&](std::uint32_t k) {
        return key(k) == "stake" || key(k) == "stakes" || key(k) == "shares" || key(k) == "investor" ||
               key(k) == "shareholder" || key(k) == "backer" || key(k) == "holding" ||
               (key(k) == "%" && k > from + 1 && (key(k - 2) == "owns" || key(k - 2) == "holds"));
      };
      for (std::size_t j = i + 1; j < mentions_.size() && mentions_[j].begin < end; ++j) {
        const auto& x = mentions_[j];
        if (x.begin < from || (x.type != MentionType::company && x.type != MentionType::candidate)) continue;
        std::uint32_t stake = 0;
        for (std::uint32_t k = x.next; k < end && k < x.next + 8 && !stake; ++k) {
          // "both A and B hold stakes": coordinated holders share the stake word
          if (k > x.next && company_at(k) >= 0 && key(k - 1) != "and" && key(k - 1) != ",") break;
          if (stake_at(k)) stake = k;
        }
        if (!stake || modifier_in(Modifier::negation, from, stake)) continue;
        const int investor = argument(x);
        const int investee = argument(y);
        if (investor >= 0) emit(investor, investee, Label::invests_in, Status::current, 0.8f, s, "in-which-stake");
      }
    }
  }

  static bool is_slot_word(std::string_view w) {
    return w == "," || w == "(" || w == ":" || w == "-" || w == "is" || w == "was" || w == "are" || w == "were" ||
           w == "be" || w == "been" || w == "became" || w == "becomes" || w == "become" || w == "becoming" ||
           w == "remains" || w == "remain" || w == "remained" || w == "as" || w == "now" || w == "also" ||
           w == "still" || w == "both" || w == "itself" || w == "once" || w == "formerly" || w == "previously" ||
           w == "and" || w == "which" || w == "that";
  }

  // Whether "a unit of", "a Texas-based subsidiary of" stands where it names the company before it:
  // after a comma, a bracket, a copula or "as", not as the object of a verb or preposition.
  bool unit_in_slot(const CueAt& c, const Sentence& s) const {
    const auto is_det = [](std::string_view w) { return w == "a" || w == "an" || w == "the"; };
    // back over adjectives ("Texas-based", "100 %", "indirect wholly owned") to the determiner
    std::uint32_t d = c.begin;
    if (!is_det(key(d)))
      while (d > s.first_token && c.begin - d < 6 && !is_det(key(d - 1)) && !is_auxiliary(key(d - 1)) &&
             !is_slot_word(key(d - 1)) &&
             !(wflags(d - 1) & (detail::w_prep | detail::w_list | detail::w_say)) && key(d - 1) != "," &&
             key(d - 1) != "(")
        --d;
    else
      ++d;
    if (d == s.first_token) return true;
    std::uint32_t slot = d - 1;
    if (is_det(key(slot))) {
      if (slot == s.first_token) return true;
      --slot;
    }
    // "is currently a unit of", ", in turn a subsidiary of": adverbs stand aside
    while (slot > s.first_token) {
      const auto a = key(slot);
      if (!((a.size() > 4 && a.substr(a.size() - 2) == "ly") || a == "currently" || a == "now" || a == "today" ||
            a == "then" || a == "turn" || a == "in" || a == "still" || a == "also" || a == "since"))
        break;
      if (a == "in" && !(slot + 1 < c.begin && key(slot + 1) == "turn")) break;
      --slot;
    }
    if (is_slot_word(key(slot))) return true;
    // "owned by a subsidiary of Y": Y owns it through the unit
    if (key(slot) == "by" && slot > s.first_token &&
        (key(slot - 1) == "owned" || key(slot - 1) == "controlled" || key(slot - 1) == "held"))
      return true;
    return mention_ending_at(slot + 1) >= 0;
  }

  // The mention whose name (with its possessive) ends right before token k, or -1.
  int mention_ending_at(std::uint32_t k) const {
    for (std::size_t i = 0; i < mentions_.size(); ++i)
      if (mentions_[i].next == k) return static_cast<int>(i);
    return -1;
  }

  // Whether [b, e) holds only lower-case words (a descriptor: "rival toolmaker").
  bool lower_words(std::uint32_t b, std::uint32_t e) const {
    for (std::uint32_t k = b; k < e; ++k)
      if (tok(k).kind != TokenKind::word || !is_lower(text_[tok(k).begin]) ||
          (wflags(k) & (detail::w_prep | detail::w_list | detail::w_say)))
        return false;
    return true;
  }

  // Whether a possessive ("Boeing's", "its") ends right before token k.
  bool possessive_before(std::uint32_t k) const {
    for (const auto& m : mentions_)
      if (m.next == k && m.possessive && m.type != MentionType::blocker) return true;
    return false;
  }

  bool mention_ends_at(std::uint32_t k) const {
    for (const auto& m : mentions_)
      if (m.next == k || m.end == k) return true;
    return false;
  }

  int mention_at(std::uint32_t k) const {
    for (std::size_t i = 0; i < mentions_.size(); ++i)
      if (mentions_[i].begin == k) return static_cast<int>(i);
    return -1;
  }
  static bool is_company_like(const Mention& m) {
    return m.type == MentionType::company || m.type == MentionType::candidate;
  }

  // A divestiture: "X sells its software unit Y to Z", "X agreed to sell Y, the studio behind..., to
  // Z". The buyer acquires the unit; the seller owned it until the sale closes.
  void divestitures(const Sentence& s) {
    for (std::uint32_t k = s.first_token; k < s.last_token; ++k) {
      const auto verb = key(k);
      if (verb != "sell" && verb != "sells" && verb != "sold" && verb != "selling") continue;
      // The unit: the first company within a few words, through "its", descriptor nouns and a comma.
      int unit = -1;
      for (std::uint32_t j = k + 1; j < s.last_token && j <= k + 6; ++j) {
        const auto kj = key(j);
        if (kj == "stake" || kj == "stakes" || kj == "shares" || kj == "holding" || kj == "interest" ||
            kj == "%" || kj == "to" || kj == "." || kj == ";")
          break;
        const int i = mention_at(j);
        if (i < 0) continue;
        const auto& m = mentions_[static_cast<std::size_t>(i)];
        if (m.type == MentionType::pronoun && m.possessive) continue;  // "sell its unit Y"
        if (is_company_like(m) && !m.possessive) unit = i;
        break;
      }
      if (unit < 0) continue;
      const auto& um = mentions_[static_cast<std::size_t>(unit)];
      // "... to Z": the buyer, past an apposition on the unit.
      int buyer = -1;
      int depth = 0;
      for (std::uint32_t j = um.next; j < s.last_token && j <= um.next + 14; ++j) {
        const auto kj = key(j);
        if (kj == "(") ++depth;
        if (kj == ")") --depth;
        if (kj == ";" || kj == ".") break;
        if (kj == "to" && depth == 0) {
          for (std::uint32_t t = j + 1; t < s.last_token && t <= j + 6; ++t) {
            const int i = mention_at(t);
            if (i < 0) {
              if (capitalised(t) || tok(t).kind != TokenKind::word) break;
              continue;
            }
            // "to Tencent-backed Larkspur": the backer only describes the buyer after it
            if (is_company_like(mentions_[static_cast<std::size_t>(i)]) &&
                mentions_[static_cast<std::size_t>(i)].next + 1 < s.last_token &&
                key(mentions_[static_cast<std::size_t>(i)].next) == "-" && i + 1 < static_cast<int>(mentions_.size()) &&
                is_company_like(mentions_[static_cast<std::size_t>(i + 1)]) &&
                mentions_[static_cast<std::size_t>(i + 1)].begin <= mentions_[static_cast<std::size_t>(i)].next + 4)
              buyer = i + 1;
            else if (is_company_like(mentions_[static_cast<std::size_t>(i)]) ||
                (mentions_[static_cast<std::size_t>(i)].type == MentionType::descriptor &&
                 mentions_[static_cast<std::size_t>(i)].company >= 0))
              buyer = i;
            // "to Japan's Hitachi": a place's possessive stands before the buyer.
            else if (mentions_[static_cast<std::size_t>(i)].possessive && i + 1 < static_cast<int>(mentions_.size()) &&
                     mentions_[static_cast<std::size_t>(i)].next == mentions_[static_cast<std::size_t>(i + 1)].begin &&
                     is_company_like(mentions_[static_cast<std::size_t>(i + 1)]))
              buyer = i + 1;
            break;
          }
          break;
        }
      }
      if (buyer < 0) continue;
      if (modifier_in(Modifier::negation, s.first_token, k + 1)) continue;
      const int unit_company = argument(um);
      const int buyer_company = argument(mentions_[static_cast<std::size_t>(buyer)]);
      if (unit_company < 0 || buyer_company < 0) continue;
      // A sale that fell through is said in too many ways to type safely: no edge.
      const std::uint32_t after = mentions_[static_cast<std::size_t>(buyer)].next;
      // ("..., but the sale fell through" may close the sentence)
      const bool fell_through =
          modifier_in(Modifier::ended, k > s.first_token + 4 ? k - 4 : s.first_token, std::min(after + 8, s.last_token));
      const bool pending = (k >= 1 && key(k - 1) == "to") || modifier_in(Modifier::pending, s.first_token, k + 1);
      if (!fell_through)
        emit(buyer_company, unit_company, Label::acquired, pending ? Status::pending : Status::current, 0.75f, s,
             "sell-to");
      // The seller owns the unit until the sale closes ("agreed to sell its unit Y to Z"). A sale
      // said as done would leave an ended ownership, which tests/extract_test.cpp (divestitures)
      // expects no edge for.
      if ((pending || fell_through) && !rule_off("seller-owns")) {
        CueAt at{k, k + 1, 0};
        Cue plain;
        const Found seller = subject(at, plain);
        if (seller.company >= 0 && seller.company != buyer_company)
          emit(seller.company, unit_company, Label::owns, Status::current, 0.7f * seller.weight, s, "seller-owns");
      }
    }
  }

  // "Kioxia and Western Digital call off merger talks", "A and B sign supply pact": a pair of
  // coordinated companies followed by a talks or deal noun of their own.
  void pair_nouns(const Sentence& s) {
    for (std::size_t i = 0; i + 1 < mentions_.size(); ++i) {
      const auto& a = mentions_[i];
      // "PT Vale Indonesia and China's Zhejiang Huayou": a place's possessive may open the second name
      const bool located = i + 2 < mentions_.size() && mentions_[i + 1].type == MentionType::blocker &&
                           mentions_[i + 1].possessive && mentions_[i + 2].begin == mentions_[i + 1].next;
      const auto& b = located ? mentions_[i + 2] : mentions_[i + 1];
      const std::uint32_t b_lead = mentions_[i + 1].begin;
      if (a.type != MentionType::company || b.type != MentionType::company || a.possessive || b.possessive) continue;
      const bool place_word = b.begin == a.next + 3 && key(a.next + 2) == "'s" && capitalised(a.next + 1) &&
                              (wflags(a.next + 1) & detail::w_nationality);  // "and Japan's Y"
      // "Bayer and Indian seed firm Kisan": a descriptor ending in a company noun may stand before it
      bool described = b.begin > a.next + 1 && b.begin <= a.next + 5 && (wflags(b.begin - 1) & detail::w_desc_noun);
      for (std::uint32_t k = a.next + 1; k < b.begin && described; ++k)
        described = tok(k).kind == TokenKind::word && !(wflags(k) & (detail::w_prep | detail::w_list)) &&
                    (is_lower(text_[tok(k).begin]) || (wflags(k) & detail::w_nationality));
      if ((b_lead != a.next + 1 && !place_word && !described) || key(a.next) != "and") continue;
      if (i > 0 && mentions_[i - 1].next + 1 >= a.begin && mentions_[i - 1].next <= a.begin) continue;  // a longer list
      if (a.begin > s.first_token && !(key(a.begin - 1) == "," || key(a.begin - 1) == "-" || a.begin == s.first_token))
        continue;  // the pair opens its clause
      std::uint32_t noun = 0;
      Label label = Label::partners;
      for (std::uint32_t k = b.next; k < s.last_token && k <= b.next + 9; ++k) {
        const auto kk = key(k);
        // a date may stand between ("on Wednesday opened a plant"), a name may not
        const int at = mention_at(k);
        if ((at >= 0 && mentions_[static_cast<std::size_t>(at)].type != MentionType::transparent) || kk == "," ||
            kk == ";" || kk == ".")
          break;
        if (kk == "talks" || kk == "negotiations" || kk == "discussions") {
          noun = k, label = Label::talked_to;
          break;
        }
        // "Hyundai and SK On open $5 billion battery plant": one plant that the pair builds or opens
        if (kk == "plant" || kk == "factory" || kk == "facility" || kk == "smelter" || kk == "refinery") {
          bool built = false, single = false;
          for (std::uint32_t j = b.next; j < k; ++j) {
            const auto w = key(j);
            built |= w == "open" || w == "opens" || w == "opened" || w == "build" || w == "builds" || w == "built" ||
                     w == "building" || w == "construct" || w == "constructing" || w == "launch" || w == "launched" ||
                     w == "launches";
            single |= w == "a" || w == "an" || w == "their" || w == "joint" || tok(j).kind == TokenKind::number ||
                      w == "$";
          }
          if (built && single) noun = k;
          break;
        }
        if (k > b.next + 6) continue;  // a plant may stand behind its price, a deal noun not so far
        // "A and B to launch transatlantic joint business"
        if (kk == "joint" && k + 1 < s.last_token && tok(k + 1).kind == TokenKind::word && is_lower(text_[tok(k + 1).begin])) {
          noun = k + 1;
          break;
        }
        if (kk == "merger" || kk == "deal" || kk == "partnership" || kk == "alliance" || kk == "pact" ||
            kk == "tieup" || kk == "venture") {
          noun = k;
          // "merger talks": the talks decide.
          if (k + 1 < s.last_token && (key(k + 1) == "talks" || key(k + 1) == "negotiations")) {
            label = Label::talked_to;
            noun = k + 1;
          }
          break;
        }
      }
      if (!noun) continue;
      if (modifier_in(Modifier::negation, a.begin, noun + 1)) continue;
      // a noun of a later clause belongs to that clause's own subject
      bool verbless = true;
      for (std::uint32_t k = b.next; k < noun; ++k) verbless &= !(wflags(k) & detail::w_say);
      if (!verbless) continue;
      Status status = Status::current;
      if (label == Label::partners && modifier_in(Modifier::ended, a.begin, s.last_token)) label = Label::former_deal;
      if (label == Label::former_deal) status = Status::ended;
      emit(a.company, b.company, label, status, 0.7f, s, "pair-noun");
    }
  }

  // "filed a lawsuit in Texas against Y", "filed its own suit against Y": a legal-action noun
  // after a filing verb, with its defendant a few words on.
  void legal_actions(const Sentence& s) {
    bool legal_noun = false;
    for (std::uint32_t k = s.first_token; k < s.last_token; ++k) {
      const auto noun = key(k);
      // "X took Y to court"
      if (noun == "court" && k > s.first_token + 2 && key(k - 1) == "to" && !rule_off("took-to-court")) {
        int i = -1;
        for (int j = static_cast<int>(mentions_.size()) - 1; j >= 0 && i < 0; --j)
          if (mentions_[static_cast<std::size_t>(j)].next == k - 1) i = j;
        if (i < 0) continue;
        const auto& m = mentions_[static_cast<std::size_t>(i)];
        if (!is_company_like(m) || m.begin <= s.first_token) continue;
        const auto verb = key(m.begin - 1);
        if (verb != "took" && verb != "takes" && verb != "take" && verb != "taking" && verb != "taken") continue;
        CueAt at{m.begin - 1, m.begin, 0};
        Cue plain;
        const Found plaintiff = subject(at, plain);
        if (plaintiff.company < 0) continue;
        const std::uint32_t from = plaintiff.mention >= 0 ? mentions_[static_cast<std::size_t>(plaintiff.mention)].next
                                                          : m.begin - 1;
        if (modifier_in(Modifier::negation, from, k)) continue;
        emit(plaintiff.company, argument(m), Label::sues, Status::current, 0.8f * plaintiff.weight, s, "took-to-court");
        continue;
      }
      if (noun != "lawsuit" && noun != "lawsuits" && noun != "suit" && noun != "complaint" && noun != "claim" &&
          noun != "action" && noun != "case" && noun != "litigation")
        continue;
      legal_noun = true;
      // "X accused Y of copying its designs in a lawsuit filed on Monday"
      if (k > s.first_token + 4 && key(k - 2) == "in" &&
          (key(k - 1) == "a" || key(k - 1) == "its" || key(k - 1) == "the") && !rule_off("accused-in-suit")) {
        for (std::uint32_t v = k - 2; v > s.first_token && v + 16 > k; --v) {
          const auto kv = key(v - 1);
          if (kv == ";" || kv == ".") break;
          if (kv != "accused" && kv != "accuses" && kv != "accusing") continue;
          const int i = mention_at(v);
          if (i < 0 || !is_company_like(mentions_[static_cast<std::size_t>(i)])) break;
          CueAt at{v - 1, v, 0};
          Cue plain;
          const Found plaintiff = subject(at, plain);
          const std::uint32_t from = plaintiff.mention >= 0
                                         ? mentions_[static_cast<std::size_t>(plaintiff.mention)].next
                                         : v - 1;
          if (plaintiff.company >= 0 && !modifier_in(Modifier::negation, from, v))
            emit(plaintiff.company, argument(mentions_[static_cast<std::size_t>(i)]), Label::sues, Status::current,
                 0.75f * plaintiff.weight, s, "accused-in-suit");
          break;
        }
      }
      bool filed = false;
      for (std::uint32_t j = k > s.first_token + 4 ? k - 4 : s.first_token; j < k; ++j) {
        const auto v = key(j);
        filed |= v == "filed" || v == "files" || v == "file" || v == "filing" || v == "brought" || v == "brings" ||
                 v == "launched" || v == "launches" || v == "lodged" || v == "took" || v == "takes";
      }
      if (!filed) continue;
      std::uint32_t against = 0;
      for (std::uint32_t j = k + 2; j < s.last_token && j <= k + 6; ++j) {
        const auto kj = key(j);
        if (kj == "against") {
          against = j;
          break;
        }
        // "in Delaware": a place may stand between; a company may not.
        if (kj == "," || kj == "." || kj == ";" || kj == "by" ||
            (mention_at(j) >= 0 && is_company_like(mentions_[static_cast<std::size_t>(mention_at(j))])))
          break;
      }
      if (!against) continue;  // adjacent "lawsuit against" is the sue-verb cue already
      const int target = mention_at(against + 1);
      if (target < 0) continue;
      const auto& tm = mentions_[static_cast<std::size_t>(target)];
      if (!is_company_like(tm) && !(tm.type == MentionType::descriptor && tm.company >= 0)) continue;
      CueAt at{k, against + 1, 0};
      Cue plain;
      const Found plaintiff = subject(at, plain);
      if (plaintiff.company < 0) continue;
      // "denied that it had filed...": a pronoun subject lets the whole clause before it count.
      const bool pronoun = plaintiff.mention >= 0 &&
                           mentions_[static_cast<std::size_t>(plaintiff.mention)].type == MentionType::pronoun;
      const std::uint32_t from = pronoun ? s.first_token
                                 : plaintiff.scope ? plaintiff.scope
                                 : plaintiff.mention >= 0 ? mentions_[static_cast<std::size_t>(plaintiff.mention)].next
                                                          : k;
      if (modifier_in(Modifier::negation, from, against)) continue;
      emit(plaintiff.company, argument(tm), Label::sues, Status::current, 0.75f * plaintiff.weight, s, "sue-gap");
    }
    if (legal_noun || last_plaintiff_ >= 0) passive_legal_actions(s, legal_noun);
  }

  // "X is fighting a lawsuit in Texas filed by Y", "X has been named in a lawsuit by Y": the
  // plaintiff after "by", the defendant the subject of a verb that undergoes the suit. "The suit
  // also names X as a defendant": the plaintiff of the last suit found.
  void passive_legal_actions(const Sentence& s, bool legal_noun) {
    if (rule_off("lawsuit-by")) return;
    for (std::uint32_t k = s.first_token + 1; k < s.last_token; ++k) {
      if (!legal_noun && key(k) != "defendant") continue;
      const auto noun = key(k);
      if (noun == "defendant") {
        if (last_plaintiff_ < 0 || k < s.first_token + 4 || key(k - 1) != "a" || key(k - 2) != "as") continue;
        int i = -1;
        for (int j = static_cast<int>(mentions_.size()) - 1; j >= 0 && i < 0; --j)
          if (mentions_[static_cast<std::size_t>(j)].next == k - 2) i = j;
        if (i < 0) continue;
        const auto& m = mentions_[static_cast<std::size_t>(i)];
        if (!is_company_like(m) || m.begin == s.first_token) continue;
        // "names Quillr's cloud provider and investor Oracle as a defendant": the verb may stand a
        // noun phrase before the name
        bool named = false;
        for (std::uint32_t v = m.begin; v > s.first_token && v + 9 > m.begin && !named; --v) {
          const auto verb = key(v - 1);
          if (verb == "," || verb == ";") break;
          named = verb == "names" || verb == "named" || verb == "name" || verb == "adds" || verb == "added";
        }
        if (!named) continue;
        if (modifier_in(Modifier::negation, s.first_token, k)) continue;
        emit(last_plaintiff_, argument(m), Label::sues, Status::current, 0.7f, s, "lawsuit-by");
        continue;
      }
      if (noun != "lawsuit" && noun != "lawsuits" && noun != "suit" && noun != "complaint" && noun != "case" &&
          noun != "litigation")
        continue;
      bool undergoes = false;
      for (std::uint32_t j = k > s.first_token + 4 ? k - 4 : s.first_token; j < k; ++j) {
        const auto v = key(j);
        undergoes |= v == "fighting" || v == "fights" || v == "fought" || v == "faces" || v == "facing" ||
                     v == "faced" || v == "named" || v == "defending" || v == "defends" || v == "contesting" ||
                     v == "contests" || v == "battling" || v == "battles" || v == "hit" || v == "targeted";
      }
      if (!undergoes) continue;
      std::uint32_t by = 0;
      for (std::uint32_t j = k + 1; j < s.last_token && j <= k + 6 && !by; ++j) {
        const auto kj = key(j);
        if (kj == "," || kj == ";" || kj == "against" || kj == "over" || kj == "which" || kj == "that") break;
        const int i = mention_at(j);
        if (i >= 0 && is_company_like(mentions_[static_cast<std::size_t>(i)])) break;
        if (kj == "by") by = j;
      }
      if (!by) continue;
      int plaintiff = -1;
      for (std::uint32_t t = by + 1; t < s.last_token && t <= by + 4 && plaintiff < 0; ++t) {
        const int i = mention_at(t);
        if (i >= 0) {
          const auto& m = mentions_[static_cast<std::size_t>(i)];
          if (is_company_like(m) && !m.possessive) plaintiff = argument(m);
          else if (m.type != MentionType::blocker || m.possessive) break;
          t = m.next - 1;
          continue;
        }
        if (!(tok(t).kind == TokenKind::word && is_lower(text_[tok(t).begin]) &&
              !(wflags(t) & (detail::w_prep | detail::w_list | detail::w_say))))
          break;
      }
      if (plaintiff < 0) continue;
      CueAt at{k, k + 1, 0};
      Cue plain;
      const Found defendant = subject(at, plain);
      if (defendant.company < 0) continue;
      const std::uint32_t from = defendant.scope ? defendant.scope
                                 : defendant.mention >= 0 ? mentions_[static_cast<std::size_t>(defendant.mention)].next
                                                          : k;
      if (modifier_in(Modifier::negation, from, by)) continue;
      emit(plaintiff, defendant.company, Label::sues, Status::current, 0.75f * defendant.weight, s, "lawsuit-by");
    }
  }

  // "X now holds 34% of Y", "X bought 60 percent of Y": a share of a company. Under half is an
  // investment; a majority bought is an acquisition, a majority held an ownership.
  void percent_holdings(const Sentence& s) {
    for (std::uint32_t k = s.first_token; k + 3 < s.last_token; ++k) {
      // a share is a number one or two words on: test that before the verb words
      if (tok(k + 1).kind != TokenKind::number && tok(k + 2).kind != TokenKind::number) continue;
      const auto verb = key(k);
      const bool holds = verb == "holds" || verb == "held" || verb == "hold" || verb == "owns" || verb == "owned" ||
                         verb == "controls" || verb == "has";
      const bool buys = verb == "bought" || verb == "buys" || verb == "acquired" || verb == "acquires" ||
                        verb == "took" || verb == "takes" || verb == "purchased" || verb == "buy" ||
                        verb == "acquire" || verb == "purchase" || verb == "take" || verb == "buying" ||
                        verb == "acquiring";
      // "completes deal for 41% of Y": a deal for a share buys it.
      const bool deal_for = verb == "for" && k > s.first_token &&
                            (key(k - 1) == "deal" || key(k - 1) == "agreement" || key(k - 1) == "offer" ||
                             key(k - 1) == "bid");
      if (!holds && !buys && !deal_for) continue;
      std::uint32_t j = k + 1;
      if (j < s.last_token && (key(j) == "about" || key(j) == "around" || key(j) == "nearly" || key(j) == "almost" ||
                               key(j) == "roughly" || key(j) == "some" || key(j) == "a" || key(j) == "another"))
        ++j;
      if (j >= s.last_token || tok(j).kind != TokenKind::number) continue;
      const double share = std::atof(std::string(raw(j, j + 1)).c_str());
      ++j;
      if (j < s.last_token && (key(j) == "%" || key(j) == "percent")) ++j;
      else if (j + 1 < s.last_token && key(j) == "per" && key(j + 1) == "cent") j += 2;
      else continue;
      // "a 25% interest in Y" (the stake cues do "stake"); a share "of Y" otherwise
      if (j < s.last_token && key(j) == "stake") continue;
      if (j + 1 < s.last_token && (key(j) == "interest" || key(j) == "equity" || key(j) == "shareholding") &&
          key(j + 1) == "in")
        ++j;
      else if (j < s.last_token && (key(j) == "interest" || key(j) == "equity") && j + 1 < s.last_token &&
               key(j + 1) == "of")
        ++j;
      if (j >= s.last_token || (key(j) != "of" && key(j) != "in")) continue;
      int object = mention_at(j + 1);
      // "10% of China's BAIC Motor": a place's possessive only locates the company
      if (object >= 0 && mentions_[static_cast<std::size_t>(object)].type == MentionType::blocker &&
          mentions_[static_cast<std::size_t>(object)].possessive)
        object = company_at(mentions_[static_cast<std::size_t>(object)].next);
      if (object < 0 || !is_company_like(mentions_[static_cast<std::size_t>(object)])) continue;
      // "X, Latin America's largest bank, has agreed to buy 70% of Y": the verb group starts earlier
      std::uint32_t vb = k;
      while (vb > s.first_token && vb + 4 > k &&
             (key(vb - 1) == "to" || key(vb - 1) == "agreed" || key(vb - 1) == "agrees" || is_auxiliary(key(vb - 1)) ||
              key(vb - 1) == "plans" || key(vb - 1) == "will"))
        --vb;
      CueAt at{vb, j + 1, 0};
      Cue plain;
      const Found holder = subject(at, plain);
      if (holder.company < 0) continue;
      const std::uint32_t from = holder.scope ? holder.scope
                                 : holder.mention >= 0 ? mentions_[static_cast<std::size_t>(holder.mention)].next : k;
      if (modifier_in(Modifier::negation, from, k + 1) || modifier_in(Modifier::ended, from, j + 1)) continue;
      const int target = argument(mentions_[static_cast<std::size_t>(object)]);
      // "has agreed to buy 70% of Y": pending until completion is said
      const bool pending = buys && !modifier_in(Modifier::completed, from, j) &&
                           (verb == "buy" || verb == "acquire" || verb == "purchase" || verb == "take") &&
                           modifier_in(Modifier::pending, from, k + 1);
      if (share > 50.0)
        emit(holder.company, target, buys || deal_for ? Label::acquired : Label::owns,
             pending ? Status::pending : Status::current, 0.75f * holder.weight, s, "percent-of");
      else if (share > 0.0)
        emit(holder.company, target, Label::invests_in, Status::current, 0.75f * holder.weight, s, "percent-of");
    }
  }

  // "its 25% stake in Y", "X's holding in Y": a stake that is someone's exists, whatever the verb
  // around it says about changing it ("has no plans to increase its 25% stake in Y").
  void possessive_stakes(const Sentence& s) {
    for (std::uint32_t k = s.first_token + 1; k + 2 < s.last_token; ++k) {
      const auto noun = key(k);
      // ("Volkswagen's $5.8 billion investment in Rivian": an investment that is someone's)
      const bool investment = noun == "investment" || noun == "investments";
      if (noun != "stake" && noun != "holding" && noun != "shareholding" && noun != "interest" && !investment) continue;
      if (key(k + 1) != "in") continue;
      const int object = mention_at(k + 2);
      if (object < 0 || !is_company_like(mentions_[static_cast<std::size_t>(object)])) continue;
      // back over "25 %" / "minority" / "$5.8 billion" to the possessor
      std::uint32_t b = k;
      double share = 0.0;
      bool money = false;
      while (b > s.first_token && k - b < 6) {
        const auto kk = key(b - 1);
        if (kk == "%" || kk == "percent" || kk == "minority" || kk == "majority" || kk == "controlling" ||
            kk == "small" || kk == "large" || kk == "remaining") {
          --b;
          continue;
        }
        if (kk == "$" || kk == "€" || kk == "£" || kk == "billion" || kk == "million" || kk == "bn" || kk == "euro" ||
            kk == "euros" || kk == "dollar" || kk == "new" || kk == "latest" || kk == "additional" || kk == "initial") {
          money = true;
          --b;
          continue;
        }
        if (tok(b - 1).kind == TokenKind::number) {
          if (!money || (b < k && (key(b) == "%" || key(b) == "percent")))
            share = std::atof(std::string(raw(b - 1, b)).c_str());
          --b;
          continue;
        }
        break;
      }
      if (money && !investment && share == 0.0 && noun != "stake") continue;
      if (b == s.first_token) continue;
      // "its interest in Y" may be curiosity; "its 30% interest in Y" is a holding
      if (noun == "interest" && b == k) continue;
      int owner = -1, owner_mention = -1;
      if (key(b - 1) == "its") {
        for (int i = static_cast<int>(mentions_.size()) - 1; i >= 0; --i)
          if (mentions_[static_cast<std::size_t>(i)].begin == b - 1) owner_mention = i;
        if (owner_mention >= 0) owner = argument(mentions_[static_cast<std::size_t>(owner_mention)]);
      } else {
        for (int i = static_cast<int>(mentions_.size()) - 1; i >= 0; --i) {
          const auto& m = mentions_[static_cast<std::size_t>(i)];
          if (m.next == b && m.possessive && m.type == MentionType::company) owner = m.company, owner_mention = i;
          if (m.next <= b) break;
        }
      }
      if (owner < 0) continue;
      // "sold its stake in Y", "its former stake": the stake is gone
      bool gone = false;
      for (std::uint32_t j = b > s.first_token + 4 ? b - 4 : s.first_token; j < b; ++j) {
        const auto kj = key(j);
        gone |= kj == "sold" || kj == "sells" || kj == "sell" || kj == "selling" || kj == "former" || kj == "exited" ||
                kj == "divested" || kj == "offloaded" || kj == "dumped" || kj == "unloaded";
      }
      if (gone || modifier_in(Modifier::ended, b > s.first_token + 4 ? b - 4 : s.first_token, k + 3)) continue;
      const int target = argument(mentions_[static_cast<std::size_t>(object)]);
      const bool controlling = share > 50.0 || key(b) == "majority" || key(b) == "controlling";
      emit(owner, target, controlling ? Label::owns : Label::invests_in, Status::current, 0.75f, s, "possessive-stake");
    }
  }

  // "Reliance's digital business, Jio Platforms, ...", "Mercado Libre's payment arm Mercado Pago":
  // a company's unit named after a possessive.
  void possessive_units(const Sentence& s) {
    for (std::size_t i = 0; i + 1 < mentions_.size(); ++i) {
      const auto& a = mentions_[i];
      if (!a.possessive || a.type != MentionType::company) continue;
      const auto& b = mentions_[i + 1];
      if (!is_company_like(b) || b.possessive) continue;
      if (b.begin <= a.next || b.begin - a.next > 5) continue;
      std::uint32_t head = 0;
      bool ok = true;
      for (std::uint32_t k = a.next; k < b.begin && ok; ++k) {
        const auto kk = key(k);
        if (kk == "," && k + 1 == b.begin && head) break;
        ok = tok(k).kind == TokenKind::word && is_lower(text_[tok(k).begin]) && !(wflags(k) & (detail::w_prep | detail::w_list));
        if (ok && (kk == "unit" || kk == "arm" || kk == "division" || kk == "business" || kk == "subsidiary" ||
                   kk == "affiliate" || kk == "label" || kk == "studio" || kk == "brand"))
          head = k;
      }
      // the unit noun must be the last word before the name (or its comma)
      if (!ok || !head || !(head + 1 == b.begin || (head + 2 == b.begin && key(head + 1) == ","))) continue;
      // "X's former unit Y" is no longer X's
      bool former = false;
      for (std::uint32_t k = a.next; k < head; ++k) former |= key(k) == "former" || key(k) == "onetime" || key(k) == "ex";
      if (former) continue;
      if (modifier_in(Modifier::negation, s.first_token, b.end)) continue;
      const Status status = modifier_in(Modifier::ended, a.begin, s.last_token) ? Status::ended : Status::current;
      emit(a.company, argument(b), Label::owns, status, 0.75f, s, "possessive-unit");
    }
  }

  // "Jio counts Meta and Google among its shareholders": the listed companies relate to the subject.
  void counts_among(const Sentence& s) {
    for (std::uint32_t k = s.first_token; k < s.last_token; ++k) {
      if (key(k) != "counts" && key(k) != "counted" && key(k) != "count") continue;
      std::uint32_t among = 0;
      for (std::uint32_t j = k + 2; j < s.last_token && j <= k + 14; ++j)
        if (key(j) == "among" || key(j) == "amongst") {
          among = j;
          break;
        }
      if (!among || among + 2 >= s.last_token) continue;
      std::uint32_t noun = among + 1;
      if (key(noun) == "its" || key(noun) == "their" || key(noun) == "the") ++noun;
      while (noun + 1 < s.last_token && tok(noun).kind == TokenKind::word && is_lower(text_[tok(noun).begin]) &&
             noun < among + 4 && !(key(noun) == "investors" || key(noun) == "shareholders" || key(noun) == "backers" ||
                                   key(noun) == "customers" || key(noun) == "clients" || key(noun) == "partners" ||
                                   key(noun) == "rivals" || key(noun) == "competitors" || key(noun) == "suppliers"))
        ++noun;
      const auto n = key(noun);
      CueAt at{k, k + 1, 0};
      Cue plain;
      const Found owner = subject(at, plain);
      if (owner.company < 0 || modifier_in(Modifier::negation, s.first_token, among)) continue;
      for (std::size_t i = 0; i < mentions_.size(); ++i) {
        const auto& m = mentions_[i];
        if (m.begin <= k || m.begin >= among || !is_company_like(m) || m.possessive) continue;
        const int x = argument(m);
        if (n == "investors" || n == "shareholders" || n == "backers")
          emit(x, owner.company, Label::invests_in, Status::current, 0.75f, s, "counts-among");
        else if (n == "customers" || n == "clients")
          emit(owner.company, x, Label::supplies, Status::current, 0.75f, s, "counts-among");
        else if (n == "suppliers")
          emit(x, owner.company, Label::supplies, Status::current, 0.75f, s, "counts-among");
        else if (n == "partners")
          emit(owner.company, x, Label::partners, Status::current, 0.75f, s, "counts-among");
        else if (n == "rivals" || n == "competitors")
          emit(owner.company, x, Label::competes_with, Status::current, 0.75f, s, "counts-among");
      }
    }
  }

  // "Maersk, which is also Nordlys's biggest customer", "Nordlys's largest client Maersk" (Nordlys
  // supplies Maersk); "Emirates, its Gulf rival, declined", "It also faces Kestrel, a smaller rival"
  // (the rival of the company the sentence is about).
  void customer_and_rival_appositions(const Sentence& s) {
    if (rule_off("apposition-relations")) return;
    for (std::size_t i = 0; i < mentions_.size(); ++i) {
      const auto& p = mentions_[i];
      if (!p.possessive || !(is_company_like(p) || p.type == MentionType::pronoun)) continue;
      // "SK Hynix wins a larger share of Nvidia's HBM orders": the subject supplies the possessor.
      if (p.type == MentionType::company && p.begin >= s.first_token + 3 && key(p.begin - 1) == "of" &&
          key(p.begin - 2) == "share" && !rule_off("share-of-orders")) {
        bool orders = false;
        for (std::uint32_t k = p.next; k < s.last_token && k < p.next + 3 && !orders; ++k)
          orders = key(k) == "orders" || key(k) == "business" || key(k) == "purchases" || key(k) == "spending" ||
                   key(k) == "procurement";
        if (orders) {
          CueAt at{p.begin - 2, p.begin, 0};
          Cue plain;
          const Found seller = subject(at, plain);
          if (seller.company >= 0 && !modifier_in(Modifier::negation, s.first_token, p.begin))
            emit(seller.company, p.company, Label::supplies, Status::current, 0.7f * seller.weight, s, "share-of-orders");
        }
      }
      // the head noun after a possessive, over two adjectives at most
      std::uint32_t noun = p.next;
      while (noun < s.last_token && noun < p.next + 3 && tok(noun).kind == TokenKind::word &&
             !is_head_noun(key(noun)) && !(wflags(noun) & (detail::w_prep | detail::w_list | detail::w_say)))
        ++noun;
      if (!p.possessive || noun >= s.last_token || !is_head_noun(key(noun))) continue;
      const auto head = key(noun);
      const bool customer = head == "customer" || head == "customers" || head == "client" || head == "clients";
      // "X's customers include A, B and C", "X's rivals include A and B", "X's suppliers include A"
      const int owner = p.type == MentionType::pronoun ? (sentence_subject_ >= 0 ? sentence_subject_ : -1) : argument(p);
      // "X's customers, which include A and B", "Bayer's rivals in Indian seeds include A, B, the Swiss
      // company owned by C, as well as players such as D": the list is read like a cue's objects.
      std::uint32_t verb = noun + 1;
      if (verb + 2 < s.last_token && key(verb) == "," && key(verb + 1) == "which") verb += 2;
      if (verb + 1 < s.last_token && (key(verb) == "in" || key(verb) == "for" || key(verb) == "among"))
        for (std::uint32_t k = verb + 1; k < s.last_token && k <= verb + 5; ++k)
          if (key(k) == "include" || key(k) == "includes" || key(k) == "included") {
            bool plain = true;
            for (std::uint32_t j = verb + 1; j < k && plain; ++j) plain = mention_at(j) < 0 || !is_company_like(mentions_[static_cast<std::size_t>(mention_at(j))]);
            if (plain) verb = k;
            break;
          }
      if (owner >= 0 && verb + 1 < s.last_token &&
          (key(verb) == "include" || key(verb) == "includes" || key(verb) == "included") &&
          (head.back() == 's') && !rule_off("include-list")) {
        const bool rivals = head == "rivals" || head == "competitors";
        const bool suppliers = head == "suppliers";
        const bool customers = head == "customers" || head == "clients";
        if (rivals || suppliers || customers) {
          Cue list;
          list.label = rivals ? Label::competes_with : Label::supplies;
          list.flags = detail::cue_wide;
          list.confidence = 0.75f;
          list.rule = "include-list";
          int by_source = -1;
          const auto items = objects(CueAt{verb, verb + 1, 0}, list, s.last_token, static_cast<int>(i), by_source);
          for (const auto& o : items) {
            if (suppliers) emit(o.company, owner, Label::supplies, Status::current, 0.75f * o.weight, s, "include-list");
            else emit(owner, o.company, list.label, Status::current, 0.75f * o.weight, s, "include-list");
          }
        }
      }
      // (a possessor that must be resolved, "the company's", "its", proved too often wrong)
      // ("its largest customer, Stellantis" when the sentence opens with the company "its" is)
      const int supplier = p.type == MentionType::company ? owner
                           : p.type == MentionType::pronoun && sentence_subject_ >= 0 ? sentence_subject_ : -1;
      // "Aquamatic, one of Veldhoven's suppliers of motor controls": Y supplies the possessor.
      if ((head == "supplier" || head == "suppliers") && p.type == MentionType::company && i > 0 &&
          !rule_off("supplier-of-apposition")) {
        const auto& y = mentions_[i - 1];
        bool linked = is_company_like(y) && !y.possessive && y.next < p.begin && p.begin - y.next <= 5;
        for (std::uint32_t k = y.next; k < p.begin && linked; ++k) {
          const auto kk = key(k);
          linked = kk == "," || kk == "which" || kk == "is" || kk == "was" || kk == "also" || kk == "one" ||
                   kk == "of" || kk == "among" || kk == "remains" || kk == "became";
        }
        if (linked && !modifier_in(Modifier::negation, y.begin, noun))
          emit(argument(y), owner, Label::supplies, Status::current, 0.75f, s, "customer-apposition");
      }
      if (customer && supplier >= 0) {
        // the name after the noun, or the one the phrase is said of
        int other = -1;
        std::uint32_t after = noun + 1 < s.last_token && key(noun + 1) == "," ? noun + 2 : noun + 1;
        // "Pruitt's largest customer is the Midwest grocery chain Festival Foods"
        if (after < s.last_token && (key(after) == "is" || key(after) == "was" || key(after) == "remains") &&
            !rule_off("customer-copula")) {
          std::uint32_t k = after + 1;
          while (k < s.last_token && k < after + 7 && mention_at(k) < 0 && tok(k).kind == TokenKind::word &&
                 !(wflags(k) & (detail::w_prep | detail::w_list | detail::w_say)))
            ++k;
          if (const int j = mention_at(k); j >= 0 && (mentions_[static_cast<std::size_t>(j)].type == MentionType::blocker ||
                                                    mentions_[static_cast<std::size_t>(j)].type == MentionType::transparent))
            k = mentions_[static_cast<std::size_t>(j)].next;
          while (k < s.last_token && k < after + 8 && mention_at(k) < 0 && tok(k).kind == TokenKind::word &&
                 is_lower(text_[tok(k).begin]) && !(wflags(k) & (detail::w_prep | detail::w_list | detail::w_say)))
            ++k;
          after = k;
        }
        if (const int j = mention_at(after); j >= 0 && is_company_like(mentions_[static_cast<std::size_t>(j)]) &&
                                              !mentions_[static_cast<std::size_t>(j)].possessive)
          other = argument(mentions_[static_cast<std::size_t>(j)]);
        if (other < 0 && i > 0) {
          const auto& y = mentions_[i - 1];
          bool linked = is_company_like(y) && !y.possessive && y.next < p.begin && p.begin - y.next <= 5;
          for (std::uint32_t k = y.next; k < p.begin && linked; ++k) {
            const auto kk = key(k);
            linked = kk == "," || kk == "which" || kk == "is" || kk == "was" || kk == "are" || kk == "also" ||
                     kk == "remains" || kk == "became" || kk == "one" || kk == "of" || kk == "among";
          }
          if (linked) other = argument(y);
        }
        // an apposition states a fact whatever the clause around it denies
        if (other >= 0 && !modifier_in(Modifier::negation, i > 0 ? mentions_[i - 1].begin : p.begin, std::max(noun, after)))
          emit(supplier, other, Label::supplies, Status::current, 0.75f, s, "customer-apposition");
      }
    }
    // "Y, its (Gulf) rival," / "Y, a smaller rival"
    for (std::size_t i = 0; i < mentions_.size(); ++i) {
      const auto& y = mentions_[i];
      if (!is_company_like(y) || y.possessive || y.next + 2 >= s.last_token || key(y.next) != ",") continue;
      const auto det = key(y.next + 1);
      if (det != "its" && det != "a" && det != "an") continue;
      std::uint32_t noun = y.next + 2;
      while (noun < s.last_token && noun < y.next + 5 && !(key(noun) == "rival" || key(noun) == "competitor") &&
             tok(noun).kind == TokenKind::word && !(wflags(noun) & (detail::w_prep | detail::w_list | detail::w_say)))
        ++noun;
      if (noun >= s.last_token || !(key(noun) == "rival" || key(noun) == "competitor")) continue;
      // "a rival of X" and "X's rival" have their own rules
      if (noun + 1 < s.last_token && (key(noun + 1) == "of" || key(noun + 1) == "to")) continue;
      bool names = false;
      for (std::uint32_t k = y.next + 2; k < noun; ++k) {
        if (const int j = mention_at(k); j >= 0 && mentions_[static_cast<std::size_t>(j)].possessive) names = true;
        names |= key(k) == "former" || key(k) == "onetime" || key(k) == "potential";
      }
      if (names) continue;
      const int me = argument(y);
      // "its" in an apposition on the sentence's subject points back to the last subject
      int other = -1;
      if (det == "its") {
        other = y.begin <= s.first_token + 1 ? last_subject_ : pronoun_target();
      } else {
        other = sentence_subject_ >= 0 ? sentence_subject_ : first_subject_;
        if (other < 0 && !mentions_.empty() && mentions_.front().type == MentionType::pronoun &&
            mentions_.front().begin == s.first_token && !mentions_.front().possessive)
          other = last_subject_;
      }
      if (other < 0 || other == me || modifier_in(Modifier::negation, s.first_token, noun)) continue;
      emit(other, me, Label::competes_with, Status::current, 0.7f, s, "rival-apposition");
    }
  }

  // "Akasa Air orders 150 Boeing 737 MAX planes", "the utility ordered 40 Siemens turbines": the
  // maker named before the goods ordered supplies the buyer.
  void ordered_goods(const Sentence& s) {
    if (rule_off("order-maker")) return;
    for (std::uint32_t k = s.first_token + 1; k + 2 < s.last_token; ++k) {
      if (key(k) != "orders" && key(k) != "ordered" &&
          key(k) != "order" && key(k) != "ordering")
        continue;
      std::uint32_t j = k + 1;
      if (key(j) == "another" || key(j) == "more" || key(j) == "additional" || key(j) == "up") ++j;
      if (j < s.last_token && key(j) == "to") ++j;
      if (j >= s.last_token || tok(j).kind != TokenKind::number) continue;
      ++j;
      if (j < s.last_token && (key(j) == "more" || key(j) == "new" || key(j) == "additional")) ++j;
      const int i = mention_at(j);
      if (i < 0) continue;
      const auto& m = mentions_[static_cast<std::size_t>(i)];
      // "Boeing 737" is a product in the lexicon: its first word names the maker.
      int maker = -1;
      if (m.type == MentionType::transparent && m.end > m.begin + 1 && capitalised(m.begin))
        if (const auto* hits = lex_.phrase(key(m.begin)))
          for (const auto& h : *hits)
            if (h.kind == HitKind::name || h.kind == HitKind::alias) maker = company_for_lexicon(h.company);
      if (m.possessive || !(is_company_like(m) || m.type == MentionType::product || maker >= 0)) continue;
      // the goods follow the maker's name: "planes", "737 MAX jets", "turbines"
      if (m.next >= s.last_token || key(m.next) == "shares" || key(m.next) == "stock" || key(m.next) == "stores")
        continue;
      CueAt at{k, k + 1, 0};
      Cue plain;
      const Found buyer = subject(at, plain);
      if (buyer.company < 0) continue;
      const std::uint32_t from = buyer.mention >= 0 ? mentions_[static_cast<std::size_t>(buyer.mention)].next : k;
      if (modifier_in(Modifier::negation, from, k + 1) || modifier_in(Modifier::ended, from, m.end)) continue;
      emit(maker >= 0 ? maker : argument(m), buyer.company, Label::supplies, Status::current, 0.7f * buyer.weight, s,
           "order-maker");
    }
  }

  // "Kroger had agreed to buy its smaller rival", "a pursuit of its London-listed rival": a rival
  // that is not named is the other company of the pair the article is about.
  void unnamed_rivals(const Sentence& s) {
    if (rule_off("unnamed-rival")) return;
    for (std::size_t i = 0; i < mentions_.size(); ++i) {
      const auto& m = mentions_[i];
      if (m.type != MentionType::pronoun || !m.possessive) continue;
      std::uint32_t noun = m.next;
      // (over adjectives, "London-listed" too)
      while (noun < s.last_token && noun < m.next + 4 && !(key(noun) == "rival" || key(noun) == "competitor") &&
             (key(noun) == "-" || (noun + 1 < s.last_token && key(noun + 1) == "-") ||
              (tok(noun).kind == TokenKind::word && is_lower(text_[tok(noun).begin]) &&
               !(wflags(noun) & (detail::w_prep | detail::w_list | detail::w_say)))))
        ++noun;
      if (noun >= s.last_token || !(key(noun) == "rival" || key(noun) == "competitor")) continue;
      // a name right after is the rival itself ("its rival NetEase"), and "its former rival" is over
      if (noun + 1 < s.last_token && (starts_name(noun + 1) || key(noun + 1) == "," || key(noun + 1) == "of")) continue;
      bool former = false;
      for (std::uint32_t k = m.next; k < noun; ++k) former |= key(k) == "former" || key(k) == "onetime";
      if (former) continue;
      int first = -1, second = -1;
      if (!main_pair(first, second)) continue;
      const int me = pronoun_target();
      const int other = me == first ? second : me == second ? first : -1;
      if (other < 0 || modifier_in(Modifier::negation, s.first_token, noun)) continue;
      emit(me, other, Label::competes_with, Status::current, 0.6f, s, "unnamed-rival");
    }
  }

  // "Novo also uses Thermo Fisher for fill-finish work", "Sicredi uses Rede Sul to process card
  // payments", "Marechal has chosen FrieslandCampina, the Dutch co-op, to make its cheeses", "X counts
  // Arista as its largest customer": the named company serves the subject.
  void service_choices(const Sentence& s) {
    if (rule_off("service-choice")) return;
    // (walks the names, not the tokens: the verb stands right before one)
    for (std::size_t i = 0; i < mentions_.size(); ++i) {
      const auto& m = mentions_[i];
      if (m.begin < s.first_token + 2 || m.next + 2 >= s.last_token || !is_company_like(m) || m.possessive) continue;
      const std::uint32_t k = m.begin - 1;
      const auto verb = key(k);
      const bool uses = verb == "uses" || verb == "use" || verb == "used" || verb == "using";
      const bool chose = verb == "chose" || verb == "chosen" || verb == "selected" || verb == "picked" ||
                         verb == "hired" || verb == "appointed" || verb == "tapped";
      const bool counts = verb == "counts" || verb == "counted";
      if (!uses && !chose && !counts) continue;
      // what follows the name, over an apposition set off by commas
      std::uint32_t after = m.next;
      if (const auto close = apposition_end_any(after, s.last_token)) after = close + 1;
      if (after + 1 >= s.last_token) continue;
      const auto a = key(after);
      bool service = false;
      if (uses) service = a == "for" || (a == "to" && tok(after + 1).kind == TokenKind::word && is_lower(text_[tok(after + 1).begin]) &&
                                         !(wflags(after + 1) & detail::w_stop_cap)) ||
                          (a == "as" && after + 2 < s.last_token && (key(after + 2) == "supplier" || key(after + 2) == "provider" ||
                                                                     key(after + 1) == "supplier" || key(after + 1) == "provider"));
      if (chose) service = a == "to" && after + 1 < s.last_token &&
                           (key(after + 1) == "make" || key(after + 1) == "supply" || key(after + 1) == "provide" ||
                            key(after + 1) == "build" || key(after + 1) == "manage" || key(after + 1) == "run" ||
                            key(after + 1) == "process" || key(after + 1) == "produce" || key(after + 1) == "manufacture" ||
                            key(after + 1) == "operate" || key(after + 1) == "handle" || key(after + 1) == "design");
      bool customer = false;
      if (counts && a == "as") {
        for (std::uint32_t j = after + 1; j < s.last_token && j <= after + 4 && !customer; ++j)
          customer = key(j) == "customer" || key(j) == "client";
      }
      if (!service && !customer) continue;
      CueAt at{k, k + 1, 0};
      Cue plain;
      const Found subject_found = subject(at, plain);
      if (subject_found.company < 0) continue;
      const std::uint32_t from = subject_found.mention >= 0
                                     ? mentions_[static_cast<std::size_t>(subject_found.mention)].next
                                     : k;
      if (modifier_in(Modifier::negation, from, k + 1)) continue;
      const int other = argument(m);
      if (customer) emit(subject_found.company, other, Label::supplies, Status::current, 0.7f * subject_found.weight, s, "service-choice");
      else emit(other, subject_found.company, Label::supplies, Status::current, 0.7f * subject_found.weight, s, "service-choice");
    }
  }

  // ", the Dutch dairy cooperative, to make": where an apposition after a name closes (0: none).
  std::uint32_t apposition_end_any(std::uint32_t k, std::uint32_t last) const {
    if (k + 2 >= last || key(k) != "," || !(key(k + 1) == "the" || key(k + 1) == "a" || key(k + 1) == "an")) return 0;
    for (std::uint32_t j = k + 2; j < last && j <= k + 8; ++j) {
      const auto kj = key(j);
      if (kj == ";" || kj == "(" || kj == "which" || kj == "who" || kj == "that") return 0;
      if (kj == ",") return j;
    }
    return 0;
  }

  static bool is_head_noun(std::string_view k) {
    return k == "customer" || k == "customers" || k == "client" || k == "clients" || k == "rival" || k == "rivals" ||
           k == "competitor" || k == "competitors" || k == "supplier" || k == "suppliers" || k == "partner" ||
           k == "partners";
  }

  // "X's card readers are made by Y" (Y supplies X); "X's snacks are sold through Y and Z" (X
  // supplies Y and Z): a passive of making or selling whose subject is a company's products.
  void possessive_passive_supply(const Sentence& s) {
    for (std::uint32_t k = s.first_token + 2; k + 2 < s.last_token; ++k) {
      const auto verb = key(k);
      const bool made = verb == "made" || verb == "manufactured" || verb == "built" || verb == "produced" ||
                        verb == "assembled";
      const bool sold = verb == "sold" || verb == "distributed" || verb == "stocked" || verb == "carried";
      if (!made && !sold) continue;
      // "are sold in Europe through Y": a place phrase may stand between.
      std::uint32_t p = k + 1;
      if (p + 2 < s.last_token && (key(p) == "in" || key(p) == "across") && capitalised(p + 1) &&
          !rule_off("passive-supply-place"))
        p += 2;
      const auto prep = key(p);
      if (made ? prep != "by" : !(prep == "through" || prep == "by" || prep == "at" || prep == "via")) continue;
      if (!(key(k - 1) == "are" || key(k - 1) == "is" || key(k - 1) == "were" || key(k - 1) == "was" ||
            key(k - 1) == "been"))
        continue;
      // the possessor: a company's possessive a few words before the verb, with only lower-case
      // words (the products) between
      int owner = -1;
      for (int i = static_cast<int>(mentions_.size()) - 1; i >= 0; --i) {
        const auto& m = mentions_[static_cast<std::size_t>(i)];
        if (m.next > k) continue;
        if (m.type == MentionType::company && m.possessive && k - m.next <= 5) {
          bool plain = true;
          for (std::uint32_t j = m.next; j < k && plain; ++j)
            plain = tok(j).kind == TokenKind::word && is_lower(text_[tok(j).begin]);
          if (plain) owner = m.company;
        }
        break;
      }
      if (owner < 0) continue;
      if (modifier_in(Modifier::negation, s.first_token, p + 1)) continue;
      // the other side: the companies right after the preposition (a descriptor may introduce them)
      std::uint32_t cursor = p + 1;
      bool first = true;
      for (std::size_t i = 0; i < mentions_.size(); ++i) {
        const auto& m = mentions_[i];
        if (m.begin < cursor) continue;
        bool joined = true;
        for (std::uint32_t j = cursor; j < m.begin && joined; ++j) {
          const auto kj = key(j);
          joined = first ? (tok(j).kind == TokenKind::word && (is_lower(text_[tok(j).begin]) || (wflags(j) & detail::w_nationality)) &&
                            !(wflags(j) & detail::w_prep) && m.begin - cursor <= 3)
                         : (kj == "," || kj == "and" || kj == "or");
        }
        if (!joined) break;
        if (!is_company_like(m) || m.possessive) break;
        const int other = argument(m);
        if (made) emit(other, owner, Label::supplies, Status::current, 0.7f, s, "passive-supply");
        else emit(owner, other, Label::supplies, Status::current, 0.7f, s, "passive-supply");
        cursor = m.next;
        first = false;
      }
    }
  }

  // "Kroger had planned to sell 579 stores to C&S; that divestiture deal was also cancelled": a
  // sale of assets between two companies that was called off is a former deal between them (a
  // sale that goes ahead moves assets, not a company, and gives no edge).
  void asset_sales(const Sentence& s) {
    // only a sale that ended gives an edge
    bool ending = false;
    for (const auto& m : modifiers_) ending |= m.modifier == Modifier::ended;
    if (!ending) return;
    for (std::uint32_t k = s.first_token; k + 2 < s.last_token; ++k) {
      const auto verb = key(k);
      if (verb.size() < 4 || verb[0] != 's') continue;
      if (verb != "sell" && verb != "sells" && verb != "sold" && verb != "selling") continue;
      std::uint32_t to = 0;
      bool asset = false;
      for (std::uint32_t j = k + 1; j < s.last_token && j <= k + 7; ++j) {
        if (key(j) == "to") {
          to = j;
          break;
        }
        if (key(j) == "," || key(j) == ";" || key(j) == "stake" || key(j) == "shares") break;
        asset |= is_business_noun(key(j)) && key(j) != "stake" && key(j) != "stakes" && key(j) != "shares";
      }
      if (!to || !asset) continue;
      // what is sold is no company ("sold Y's stores" is the owns/acquired rules')
      bool company = false;
      for (const auto& m : mentions_) company |= m.begin > k && m.begin < to && is_company_like(m);
      if (company) continue;
      // the buyer, past "Novo Nordisk's partner" (a possessive and its noun only describe it)
      int buyer = -1;
      for (std::size_t i = 0; i < mentions_.size(); ++i) {
        const auto& m = mentions_[i];
        if (m.begin <= to) continue;
        if (m.begin > to + 7) break;
        if (m.possessive && i + 1 < mentions_.size() && mentions_[i + 1].begin <= m.next + 2) continue;
        if (is_company_like(m)) buyer = argument(m);
        break;
      }
      if (buyer < 0) continue;
      CueAt at{k, to + 1, 0};
      Cue plain;
      const Found seller = subject(at, plain);
      if (seller.company < 0 || seller.company == buyer) continue;
      const std::uint32_t from = seller.scope ? seller.scope
                                 : seller.mention >= 0 ? mentions_[static_cast<std::size_t>(seller.mention)].next : k;
      if (modifier_in(Modifier::negation, from, to)) continue;
      // the ending is said before the buyer, or after it of "that sale" / "the deal" (not of a
      // relation of its own: "... to Y after a merger with Z collapsed")
      bool ended = modifier_in(Modifier::ended, from, to);
      for (const auto& md : modifiers_) {
        if (ended || md.modifier != Modifier::ended || md.at <= to) continue;
        bool back = false, own = false;
        for (std::uint32_t j = to + 1; j + 1 < md.at; ++j)
          back |= (key(j) == "that" || key(j) == "the" || key(j) == "this") &&
                  (is_deal_noun(key(j + 1)) || (j + 2 < md.at && is_deal_noun(key(j + 2))));
        for (const auto& c : cues_)
          own |= c.begin > to && c.begin < md.at && !(lex_.cue(c.cue).flags & detail::cue_tight);
        ended = back && !own;
      }
      if (!ended) continue;
      emit(seller.company, buyer, Label::former_deal, Status::ended, 0.75f * seller.weight, s, "asset-sale-ended");
    }
  }

  // ---- ownership constructions (owns, acquired, invests-in) ------------------------------------

  // A company word for a unit: "its fintech unit", "their two subsidiaries", "its brands".
  static bool is_unit_noun(std::string_view w, bool& plural) {
    plural = w == "units" || w == "subsidiaries" || w == "divisions" || w == "businesses" || w == "brands" ||
             w == "affiliates" || w == "labels" || w == "studios" || w == "chains";
    return plural || w == "unit" || w == "subsidiary" || w == "division" || w == "arm" || w == "business" ||
           w == "affiliate" || w == "label" || w == "studio" || w == "brand" || w == "chain";
  }

  // Whether a company or candidate mention starts at token k (its index, else -1).
  int company_at(std::uint32_t k) const {
    const int i = mention_at(k);
    return i >= 0 && is_company_like(mentions_[static_cast<std::size_t>(i)]) ? i : -1;
  }

  // Whether a verb that ends ownership ("sold its unit Y", "spun off its unit Y") stands just before k.
  bool divested_before(std::uint32_t k, const Sentence& s) const {
    for (std::uint32_t j = k > s.first_token + 4 ? k - 4 : s.first_token; j < k; ++j) {
      const auto w = key(j);
      if (w == "sold" || w == "sells" || w == "sell" || w == "selling" || w == "sale" || w == "divest" ||
          w == "divested" || w == "divests" || w == "offload" || w == "offloaded" || w == "former" ||
          w == "onetime" || w == "exited")
        return true;
    }
    return false;
  }

  // "its fintech unit, MTN Mobile Money", "its two subsidiaries, A and B", "X's brands include A, B and
  // C": the units named after a company's (or its) unit noun.
  void unit_lists(const Sentence& s) {
    // "Y is controlled by X through its holding company Z": after an owned-by cue "its" may be
    // either company.
    bool owned_by_cue = false;
    for (const auto& c : cues_) {
      const Cue& cue = lex_.cue(c.cue);
      owned_by_cue |= cue.label == Label::owns && cue.reversed;
    }
    for (std::size_t i = 0; i < mentions_.size(); ++i) {
      const auto& p = mentions_[i];
      if (!p.possessive) continue;
      int owner = -1;
      if (p.type == MentionType::pronoun) {
        if (owned_by_cue) continue;
        owner = argument(p);  // a pronoun: inside ", which ..." the clause's company
      } else if (is_company_like(p)) {
        owner = argument(p);  // an unknown name is checked by the unit noun after it
      }
      if (owner < 0) continue;
      // adjectives, then the unit noun: "its two South African subsidiaries"
      std::uint32_t noun = 0;
      bool plural = false;
      int inner = -1;  // a name among the adjectives: "Alphabet's Waymo unit", "its South African units"
      for (std::uint32_t k = p.next; k < s.last_token && k < p.next + 6; ++k) {
        if (is_unit_noun(key(k), plural)) {
          noun = k;
          break;
        }
        if (const int at = company_at(k); at >= 0 && inner < 0 && !mentions_[static_cast<std::size_t>(at)].possessive) {
          inner = at;
          k = mentions_[static_cast<std::size_t>(at)].next - 1;
          continue;
        }
        if (company_at(k) >= 0 || (tok(k).kind == TokenKind::punct && key(k) != "-") ||
            (wflags(k) & (detail::w_prep | detail::w_list | detail::w_say)) || is_auxiliary(key(k)))
          break;
      }
      if (!noun || divested_before(p.begin, s) || divested_before(noun, s)) continue;
      std::uint32_t k = noun + 1;
      if (k < s.last_token && (key(k) == "," || key(k) == ":" || key(k) == "including" || key(k) == "include" ||
                               key(k) == "includes" || key(k) == "like"))
        ++k;
      else if (k + 1 < s.last_token && key(k) == "such" && key(k + 1) == "as")
        k += 2;
      if (company_at(k) < 0 || (k == noun + 1 && plural)) {
        // "Alphabet's Waymo unit": the name before the noun is the unit
        if (inner >= 0 && !plural && inner == static_cast<int>(i) + 1 &&
            mentions_[static_cast<std::size_t>(inner)].next == noun &&
            mentions_[static_cast<std::size_t>(inner)].type == MentionType::company &&
            !divested_before(p.begin, s) && !modifier_in(Modifier::negation, p.begin, noun))
          emit(owner, mentions_[static_cast<std::size_t>(inner)].company, Label::owns, Status::current, 0.7f, s,
               "unit-list");
        continue;
      }
      if (modifier_in(Modifier::negation, p.begin, k)) continue;
      const Status status = modifier_in(Modifier::ended, p.begin, s.last_token) ? Status::ended : Status::current;
      float conf = 0.7f;
      for (int at = company_at(k); at >= 0;) {
        const auto& m = mentions_[static_cast<std::size_t>(at)];
        if (m.possessive) break;
        emit(owner, argument(m), Label::owns, status, conf, s, "unit-list");
        if (!plural) break;
        conf = 0.7f * 0.95f;
        // the list goes on over ",", "and", ", and"
        std::uint32_t j = m.next;
        if (j < s.last_token && key(j) == ",") ++j;
        if (j < s.last_token && (key(j) == "and" || key(j) == "or")) ++j;
        if (j == m.next) break;
        at = company_at(j);
      }
    }
  }

  // "Eutelsat, whose OneWeb unit competes ...", "X, whose brands include A and B": units after "whose".
  void whose_units(const Sentence& s) {
    for (std::uint32_t p = s.first_token + 2; p + 2 < s.last_token; ++p) {
      if (key(p) != "whose" || key(p - 1) != ",") continue;
      const int oi = mention_ending_at(p - 1);
      if (oi < 0 || !is_company_like(mentions_[static_cast<std::size_t>(oi)]) ||
          mentions_[static_cast<std::size_t>(oi)].possessive)
        continue;
      const int owner = argument(mentions_[static_cast<std::size_t>(oi)]);
      bool plural = false;
      const int inner = company_at(p + 1);
      if (inner >= 0) {
        // "whose OneWeb unit"
        const auto& m = mentions_[static_cast<std::size_t>(inner)];
        if (m.possessive || m.next >= s.last_token || !is_unit_noun(key(m.next), plural) || plural) continue;
        if (modifier_in(Modifier::negation, p, m.next + 1)) continue;
        emit(owner, argument(m), Label::owns, Status::current, 0.7f, s, "unit-list");
        continue;
      }
      // "whose brands include A, B and C"
      std::uint32_t k = p + 1;
      while (k < s.last_token && k < p + 4 && !is_unit_noun(key(k), plural) && tok(k).kind == TokenKind::word &&
             is_lower(text_[tok(k).begin]))
        ++k;
      if (k + 2 >= s.last_token || !is_unit_noun(key(k), plural) || !plural) continue;
      if (!(key(k + 1) == "include" || key(k + 1) == "including" || key(k + 1) == "are")) continue;
      if (modifier_in(Modifier::negation, p, k + 2)) continue;
      float conf = 0.7f;
      for (int at = company_at(k + 2); at >= 0;) {
        const auto& m = mentions_[static_cast<std::size_t>(at)];
        if (m.possessive) break;
        emit(owner, argument(m), Label::owns, Status::current, conf, s, "unit-list");
        conf = 0.7f * 0.95f;
        std::uint32_t j = m.next;
        if (j < s.last_token && key(j) == ",") ++j;
        if (j < s.last_token && key(j) == "and") ++j;
        if (j == m.next) break;
        at = company_at(j);
      }
    }
  }

  // Object relatives: "pipelines through Y, which X now controls", "Y, the drive business it bought
  // from Z", "Y, a truck-leasing business it bought in 2019": the name before the clause is the
  // object of the clause's verb.
  void object_relatives(const Sentence& s) {
    for (std::size_t i = 0; i < mentions_.size(); ++i) {
      const auto& y = mentions_[i];
      if (!is_company_like(y) || y.possessive || y.next >= s.last_token || key(y.next) != ",") continue;
      // ", which X ..." or ", a/the <noun words> (that|which)? X ..."
      std::uint32_t k = y.next + 1;
      if (k >= s.last_token) continue;
      bool reduced = false;
      if (key(k) == "which" || key(k) == "that") {
        ++k;
      } else if (key(k) == "a" || key(k) == "an" || key(k) == "the") {
        std::uint32_t j = k + 1;
        bool noun = false;
        // ("U.S." keeps its full stop: a "." right after a word is part of it)
        while (j < s.last_token && j < k + 7 &&
               (tok(j).kind == TokenKind::word || key(j) == "-" || (key(j) == "." && !tok(j).has(token_space_before))) &&
               !(wflags(j) & (detail::w_prep | detail::w_list | detail::w_say | detail::w_pronoun)) &&
               !is_auxiliary(key(j)) && mention_at(j) < 0) {
          noun |= (wflags(j) & (detail::w_desc_noun | detail::w_generic)) != 0 || is_business_noun(key(j));
          ++j;
        }
        if (!noun || j >= s.last_token) continue;
        if (key(j) == "that" || key(j) == "which") ++j;
        k = j;
        reduced = true;
      } else {
        continue;
      }
      // the clause's subject: a company or "it"
      if (k >= s.last_token) continue;
      int subject = -1;
      std::uint32_t verb = 0;
      const int at = mention_at(k);
      if (at >= 0) {
        const auto& x = mentions_[static_cast<std::size_t>(at)];
        if (x.possessive) continue;
        if (x.type == MentionType::pronoun && key(x.begin) == "it") {
          subject = sentence_subject_ >= 0 ? sentence_subject_ : pronoun_target();
        } else if (is_company_like(x)) {
          subject = argument(x);
        } else {
          continue;
        }
        verb = x.next;
      } else {
        continue;
      }
      while (verb < s.last_token && verb < k + 4 &&
             (key(verb) == "now" || key(verb) == "also" || key(verb) == "already" || key(verb) == "still" ||
              key(verb) == "itself" || key(verb) == "later" || key(verb) == "has" || key(verb) == "had" ||
              key(verb) == "have" || key(verb) == "eventually" || key(verb) == "then" || key(verb) == "jointly"))
        ++verb;
      if (verb >= s.last_token) continue;
      const auto v = key(verb);
      Label label;
      if (v == "owns" || v == "owned" || v == "controls" || v == "controlled" || v == "runs") {
        if (reduced || v == "runs") continue;  // "Y, the unit it owns" is too rare to risk
        // "Selwyn Power, which Hanover controls, sued ...": an aside on the sentence's subject is
        // left alone (tests/extract_test.cpp, argument attachment, expects no edge there).
        if (y.begin == s.first_token) continue;
        label = Label::owns;
      } else if (v == "bought" || v == "acquired" || v == "purchased" || v == "buys" || v == "acquires") {
        label = Label::acquired;
      } else if (v == "backs" || v == "backed" || v == "funds" || v == "funded") {
        if (reduced) continue;
        label = Label::invests_in;
      } else {
        continue;
      }
      // "which bought it" (the clause has an object of its own) is another construction
      if (verb + 1 < s.last_token && (company_at(verb + 1) >= 0 || key(verb + 1) == "it" || key(verb + 1) == "a" ||
                                      key(verb + 1) == "the" || key(verb + 1) == "its"))
        continue;
      if (subject < 0 || modifier_in(Modifier::negation, y.next, verb + 1)) continue;
      Status status = Status::current;
      if (label == Label::owns && modifier_in(Modifier::ended, y.next, s.last_token)) status = Status::ended;
      emit(subject, argument(y), label, status, 0.8f, s, "object-relative");
    }
  }

  // "Kurosawa's largest shareholder is the trading house Mitsui & Co.", "X's parent is Y": a
  // possessive owner noun with a copula names the owner or investor.
  void possessive_copula(const Sentence& s) {
    // possessors: "X's", "its", "the company's", and "X, whose"
    for (std::uint32_t p = s.first_token; p < s.last_token; ++p) {
      int owned = -1;
      std::uint32_t k = 0;
      const int xi = mention_at(p);
      if (xi >= 0) {
        const auto& x = mentions_[static_cast<std::size_t>(xi)];
        if (!x.possessive || (x.type != MentionType::company && x.type != MentionType::pronoun &&
                              !(x.type == MentionType::descriptor && x.company >= 0)))
          continue;
        owned = x.type == MentionType::pronoun ? pronoun_target() : x.company;
        k = x.next;
      } else if (key(p) == "whose" && p >= s.first_token + 2 && key(p - 1) == ",") {
        const int yi = mention_ending_at(p - 1);
        if (yi < 0 || !is_company_like(mentions_[static_cast<std::size_t>(yi)]) ||
            mentions_[static_cast<std::size_t>(yi)].possessive)
          continue;
        owned = argument(mentions_[static_cast<std::size_t>(yi)]);
        k = p + 1;
      } else {
        continue;
      }
      if (owned < 0) continue;
      const std::uint32_t from = k;
      bool controlling = false;
      while (k < s.last_token && k < from + 3 &&
             (key(k) == "largest" || key(k) == "biggest" || key(k) == "main" || key(k) == "single" ||
              key(k) == "controlling" || key(k) == "majority" || key(k) == "principal" || key(k) == "top" ||
              key(k) == "new" || key(k) == "sole" || key(k) == "ultimate" || key(k) == "other" ||
              key(k) == "large" || key(k) == "anchor" || key(k) == "key" || key(k) == "secondlargest")) {
        controlling |= key(k) == "controlling" || key(k) == "majority" || key(k) == "sole";
        ++k;
      }
      if (k + 1 >= s.last_token) continue;
      const auto n = key(k);
      Label label;
      if (n == "shareholder" || n == "investor" || n == "backer" || n == "stakeholder") {
        label = controlling ? Label::owns : Label::invests_in;
      } else if (n == "parent" || n == "owner") {
        label = Label::owns;
        if (key(k + 1) == "company") ++k;
      } else {
        continue;
      }
      ++k;
      // "is", or an apposition: "X's largest shareholder, the venture firm Y, ..."
      if (k >= s.last_token || !(key(k) == "is" || key(k) == "remains" || key(k) == "became" || key(k) == ","))
        continue;
      const bool apposition = key(k) == ",";
      ++k;
      if (k < s.last_token && (key(k) == "now" || key(k) == "still" || key(k) == "also")) ++k;
      // "the trading house Mitsui": determiners and lower-case description words before the name
      std::uint32_t j = k;
      while (j < s.last_token && j < k + 5 && mention_at(j) < 0 && tok(j).kind == TokenKind::word &&
             (is_lower(text_[tok(j).begin]) || (wflags(j) & detail::w_nationality)) &&
             !(wflags(j) & (detail::w_prep | detail::w_list | detail::w_say)))
        ++j;
      int at = company_at(j);
      // "Saudi Arabia's STC Group": a place's possessive only locates the name after it
      if (at < 0 && mention_at(j) >= 0 && mentions_[static_cast<std::size_t>(mention_at(j))].type == MentionType::blocker &&
          mentions_[static_cast<std::size_t>(mention_at(j))].possessive)
        at = company_at(mentions_[static_cast<std::size_t>(mention_at(j))].next);
      if (at < 0) {
        // a descriptor mention ("the trading house") may stand right before the name
        const int d = mention_at(j);
        if (d >= 0 && mentions_[static_cast<std::size_t>(d)].type == MentionType::descriptor)
          at = company_at(mentions_[static_cast<std::size_t>(d)].next);
      }
      // "the Aponte family's holding company SAS": the family is people; its company is the owner
      if (at >= 0 && mentions_[static_cast<std::size_t>(at)].next < s.last_token &&
          (key(mentions_[static_cast<std::size_t>(at)].next) == "family" ||
           key(mentions_[static_cast<std::size_t>(at)].next) == "families")) {
        int next_company = -1;
        for (std::uint32_t t = mentions_[static_cast<std::size_t>(at)].next + 1;
             t < s.last_token && t < mentions_[static_cast<std::size_t>(at)].next + 6 && next_company < 0; ++t)
          next_company = company_at(t);
        at = next_company;
      }
      if (at < 0 || mentions_[static_cast<std::size_t>(at)].possessive) continue;
      // an apposition ends at a comma or the verb after it
      if (apposition) {
        const auto e = mentions_[static_cast<std::size_t>(at)].next;
        if (e < s.last_token && !(key(e) == "," || tok(e).kind == TokenKind::word)) continue;
      }
      if (modifier_in(Modifier::negation, p, j)) continue;
      if (key(from) == "former" || divested_before(p, s)) continue;
      emit(argument(mentions_[static_cast<std::size_t>(at)]), owned, label, Status::current, 0.8f, s,
           "possessive-copula");
    }
  }

  // "Y, a joint venture between A and B", "Y is a joint venture of A and B", "Y, a joint venture
  // with A" (the sentence's subject is the other owner): the parents own the venture.
  void joint_ventures(const Sentence& s) {
    for (std::uint32_t k = s.first_token + 2; k + 3 < s.last_token; ++k) {
      if (key(k) != "joint" || key(k + 1) != "venture") continue;
      // the venture's name: right before ", a" / "is a" / "had been a"
      std::uint32_t b = k;
      if (tok(b - 1).kind == TokenKind::number) --b;  // "a 50-50 joint venture"
      if (key(b - 1) != "a" && key(b - 1) != "the") continue;
      --b;
      while (b > s.first_token && (is_auxiliary(key(b - 1)) || key(b - 1) == "been" || key(b - 1) == "be")) --b;
      if (b == s.first_token || key(b - 1) == "with" || key(b - 1) == "of") continue;
      const int v = mention_ending_at(key(b - 1) == "," ? b - 1 : b);
      if (v < 0 || !is_company_like(mentions_[static_cast<std::size_t>(v)]) ||
          mentions_[static_cast<std::size_t>(v)].possessive)
        continue;
      const auto prep = key(k + 2);
      if (prep != "between" && prep != "of" && prep != "with") continue;
      if (modifier_in(Modifier::negation, b, k + 2)) continue;
      const int venture = argument(mentions_[static_cast<std::size_t>(v)]);
      std::vector<int> parents;
      for (int at = company_at(k + 3); at >= 0;) {
        const auto& m = mentions_[static_cast<std::size_t>(at)];
        if (m.possessive) break;
        parents.push_back(argument(m));
        std::uint32_t j = m.next;
        if (j < s.last_token && key(j) == ",") ++j;
        if (j < s.last_token && key(j) == "and") ++j;
        if (j == m.next) break;
        at = company_at(j);
      }
      if (parents.empty()) continue;
      if (prep == "with" && sentence_subject_ >= 0) parents.push_back(sentence_subject_);
      if (prep != "with" && parents.size() < 2) continue;
      // "had been a joint venture": it is over
      bool past = false;
      for (std::uint32_t j = b; j < k; ++j) past |= key(j) == "had";
      const Status status = past || modifier_in(Modifier::ended, b, s.last_token) ? Status::ended : Status::current;
      for (int parent : parents) emit(parent, venture, Label::owns, status, 0.8f, s, "joint-venture");
    }
  }

  // "Mobileye, the Intel-controlled company", "Oracle-backed chip startup Ampere": a hyphenated
  // owner or backer with a description between it and the name it is said of.
  void hyphen_descriptions(const Sentence& s) {
    for (std::size_t i = 0; i < mentions_.size(); ++i) {
      const auto& x = mentions_[i];
      if (!is_company_like(x) || x.possessive || x.next + 2 >= s.last_token || key(x.next) != "-") continue;
      // "the Luksic-controlled conglomerate": an unknown single name may be a family
      if (x.type == MentionType::candidate && x.name_end == x.begin + 1) continue;
      const auto v = key(x.next + 1);
      Label label;
      if (v == "owned" || v == "controlled") label = Label::owns;
      else if (v == "backed" || v == "funded") label = Label::invests_in;
      else continue;
      // lower-case description words ending in a company noun
      std::uint32_t j = x.next + 2;
      bool noun = false;
      while (!noun && j < s.last_token && j < x.next + 6 && tok(j).kind == TokenKind::word &&
             is_lower(text_[tok(j).begin]) && !(wflags(j) & (detail::w_prep | detail::w_list | detail::w_say)) &&
             mention_at(j) < 0) {
        noun = (wflags(j) & (detail::w_desc_noun | detail::w_generic)) != 0;
        ++j;
      }
      if (!noun || j == x.next + 2) continue;  // the tight cue covers "X-owned Y"
      int target = -1;
      if (const int at = company_at(j); at >= 0 && !mentions_[static_cast<std::size_t>(at)].possessive) {
        target = argument(mentions_[static_cast<std::size_t>(at)]);  // "Oracle-backed chip startup Ampere"
      } else if (j >= s.last_token || key(j) == "," || key(j) == "." || key(j) == "that" || key(j) == "which" ||
                 key(j) == ")") {
        // "Mobileye, the Intel-controlled company, ...": the apposition is said of the name before it
        std::uint32_t b = x.begin;
        if (b > s.first_token && (key(b - 1) == "the" || key(b - 1) == "a" || key(b - 1) == "an")) --b;
        if (b > s.first_token + 1 && key(b - 1) == ",") {
          const int y = mention_ending_at(b - 1);
          if (y >= 0 && is_company_like(mentions_[static_cast<std::size_t>(y)]) &&
              !mentions_[static_cast<std::size_t>(y)].possessive)
            target = argument(mentions_[static_cast<std::size_t>(y)]);
        }
      }
      if (target < 0 || modifier_in(Modifier::negation, s.first_token, x.begin)) continue;
      emit(argument(x), target, label, Status::current, 0.8f, s, "hyphen-description");
    }
  }

  // "X led a $40 million round in Y", "X co-led Y's Series B round", "X joined the funding round for
  // Y": the investors of a funding round.
  void funding_rounds(const Sentence& s) {
    for (std::uint32_t k = s.first_token + 1; k + 2 < s.last_token; ++k) {
      const auto v = key(k);
      if (!(v == "led" || v == "leads" || v == "leading" || v == "coled" || v == "colead" || v == "coleads" ||
            v == "joined" || v == "joins")) continue;
      // the round: within a few words, before any company
      std::uint32_t round = 0;
      int owner_mention = -1;  // "led Y's round"
      for (std::uint32_t j = k + 1; j < s.last_token && j <= k + 10; ++j) {
        const auto w = key(j);
        if (w == "round" || w == "rounds") {
          round = j;
          break;
        }
        if (w == "." || w == ";" || w == "," || (wflags(j) & detail::w_say)) break;
        if (key(j) == "series") {  // "Series B" is the round's name
          ++j;
          continue;
        }
        if (const int at = company_at(j); at >= 0) {
          if (!mentions_[static_cast<std::size_t>(at)].possessive || owner_mention >= 0) break;
          owner_mention = at;
          j = mentions_[static_cast<std::size_t>(at)].next - 1;
        }
      }
      if (!round) continue;
      int target = -1;
      if (owner_mention >= 0) {
        target = argument(mentions_[static_cast<std::size_t>(owner_mention)]);
      } else if (round + 2 < s.last_token &&
                 (key(round + 1) == "in" || key(round + 1) == "for" || key(round + 1) == "into")) {
        const int at = company_at(round + 2);
        if (at >= 0 && !mentions_[static_cast<std::size_t>(at)].possessive)
          target = argument(mentions_[static_cast<std::size_t>(at)]);
      }
      if (target < 0) continue;
      CueAt at{k, k + 1, 0};
      Cue plain;
      const Found investor = subject(at, plain);
      if (investor.company < 0) continue;
      const std::uint32_t from = investor.scope ? investor.scope
                                 : investor.mention >= 0 ? mentions_[static_cast<std::size_t>(investor.mention)].next
                                                         : k;
      if (modifier_in(Modifier::negation, from, round)) continue;
      emit(investor.company, target, Label::invests_in, Status::current, 0.75f * investor.weight, s, "funding-round");
    }
  }

  // "..., and Nissan holds a 34% stake in it": the object "it" of a stake is the company the sentence
  // opens with.
  void stake_in_it(const Sentence& s) {
    if (sentence_subject_ < 0) return;
    for (std::uint32_t k = s.first_token + 2; k + 2 < s.last_token; ++k) {
      if (!(key(k) == "stake" || key(k) == "stakes" || key(k) == "holding") || key(k + 1) != "in" || key(k + 2) != "it")
        continue;
      // the holder: a company right before "holds/has/took/owns" a few words back
      std::uint32_t b = k;
      while (b > s.first_token && k - b < 5 && (tok(b - 1).kind == TokenKind::number || key(b - 1) == "%" ||
                                                key(b - 1) == "a" || key(b - 1) == "minority" || key(b - 1) == "small" ||
                                                key(b - 1) == "percent"))
        --b;
      if (b == s.first_token) continue;
      const auto v = key(b - 1);
      if (!(v == "holds" || v == "held" || v == "has" || v == "owns" || v == "took" || v == "takes" || v == "bought" ||
            v == "acquired"))
        continue;
      const int x = mention_ending_at(b - 1);
      if (x < 0 || !is_company_like(mentions_[static_cast<std::size_t>(x)]) ||
          mentions_[static_cast<std::size_t>(x)].possessive)
        continue;
      const int holder = argument(mentions_[static_cast<std::size_t>(x)]);
      if (holder == sentence_subject_ || modifier_in(Modifier::negation, mentions_[static_cast<std::size_t>(x)].next, k))
        continue;
      emit(holder, sentence_subject_, Label::invests_in, Status::current, 0.75f, s, "stake-in-it");
    }
  }

  // "Waymo, the Alphabet unit, ...", "Geico, a Berkshire Hathaway company, ...": an apposition whose
  // head is a unit noun after the owner's name.
  void name_unit_appositions(const Sentence& s) {
    for (std::size_t i = 0; i + 1 < mentions_.size(); ++i) {
      const auto& y = mentions_[i];
      if (!is_company_like(y) || y.possessive || y.next + 3 >= s.last_token || key(y.next) != ",") continue;
      // ", itself an Anthropic shareholder,"
      const std::uint32_t d = key(y.next + 1) == "itself" || key(y.next + 1) == "also" ? y.next + 2 : y.next + 1;
      const auto det = key(d);
      if (det != "the" && det != "a" && det != "an") continue;
      // adjectives, then the owner's name, then the noun
      std::uint32_t k = d + 1;
      while (k < s.last_token && k < y.next + 5 && company_at(k) < 0 && tok(k).kind == TokenKind::word &&
             !(wflags(k) & (detail::w_prep | detail::w_list | detail::w_say)))
        ++k;
      const int xi = company_at(k);
      if (xi < 0) continue;
      const auto& x = mentions_[static_cast<std::size_t>(xi)];
      if (x.possessive || x.next >= s.last_token) continue;
      bool plural = false;
      const auto n = key(x.next);
      const bool unit = is_unit_noun(n, plural) && !plural && n != "chain" && n != "studio" && n != "label";
      const bool company = (n == "company" || n == "subsidiary") && det != "the";
      const bool investor = (n == "shareholder" || n == "investor" || n == "backer") && det != "the";
      if (!unit && !company && !investor) continue;
      const std::uint32_t after = x.next + 1;
      if (after < s.last_token && !(key(after) == "," || key(after) == "." || key(after) == "that" ||
                                    key(after) == "which" || key(after) == ")" || key(after) == ";"))
        continue;
      if (modifier_in(Modifier::negation, y.next, after) || divested_before(x.begin, s)) continue;
      if (investor) emit(argument(y), argument(x), Label::invests_in, Status::current, 0.75f, s, "name-unit-apposition");
      else emit(argument(x), argument(y), Label::owns, Status::current, 0.75f, s, "name-unit-apposition");
    }
  }

  // "X acquired all of the outstanding shares of Y", "X agreed to buy all the issued share capital of
  // Y": buying every share buys the company.
  void all_shares(const Sentence& s) {
    for (std::uint32_t k = s.first_token + 1; k + 4 < s.last_token; ++k) {
      const auto v = key(k);
      if (!(v == "acquired" || v == "acquire" || v == "acquires" || v == "acquiring" || v == "bought" || v == "buy" ||
            v == "buys" || v == "purchased" || v == "purchase" || v == "purchases" || v == "owns" || v == "holds" ||
            v == "owned" || v == "held"))
        continue;
      std::uint32_t j = k + 1;
      if (key(j) != "all" && key(j) != "100") continue;
      ++j;
      if (j < s.last_token && (key(j) == "%" || key(j) == "percent")) ++j;
      if (j < s.last_token && key(j) == "of") ++j;
      if (j < s.last_token && key(j) == "the") ++j;
      // "issued and outstanding", "outstanding", "issued"
      bool words = false;
      while (j < s.last_token && j < k + 10 &&
             (key(j) == "issued" || key(j) == "and" || key(j) == "outstanding" || key(j) == "capital" ||
              key(j) == "common" || key(j) == "ordinary" || key(j) == "voting" || key(j) == "equity" ||
              key(j) == "membership" || key(j) == "share" || key(j) == "shares" || key(j) == "stock" ||
              key(j) == "interests" || key(j) == "interest" || key(j) == "units")) {
        words |= key(j) == "shares" || key(j) == "stock" || key(j) == "interests" || key(j) == "capital" ||
                 key(j) == "units" || key(j) == "interest";
        ++j;
      }
      if (!words || j + 1 >= s.last_token || (key(j) != "of" && key(j) != "in")) continue;
      const int at = company_at(j + 1);
      if (at < 0 || mentions_[static_cast<std::size_t>(at)].possessive) continue;
      CueAt cue_at{k, j + 1, 0};
      Cue plain;
      const Found buyer = subject(cue_at, plain);
      if (buyer.company < 0) continue;
      const std::uint32_t from = buyer.scope ? buyer.scope
                                 : buyer.mention >= 0 ? mentions_[static_cast<std::size_t>(buyer.mention)].next : k;
      if (modifier_in(Modifier::negation, from, j)) continue;
      const bool holds = v == "owns" || v == "holds" || v == "owned" || v == "held";
      Label label = holds ? Label::owns : Label::acquired;
      Status status = Status::current;
      if (!holds) {
        if (modifier_in(Modifier::ended, from, s.last_token)) label = Label::former_deal, status = Status::ended;
        else if (!modifier_in(Modifier::completed, from, j) &&
                 (v == "acquire" || v == "buy" || v == "purchase" || modifier_in(Modifier::pending, from, k + 1)))
          status = Status::pending;
      }
      emit(buyer.company, argument(mentions_[static_cast<std::size_t>(at)]), label, status, 0.75f * buyer.weight, s,
           "all-shares");
    }
  }

  // "X is one of Y's subsidiaries", "X, one of Y's best-known brands, ...": membership among a
  // company's units.
  void one_of_units(const Sentence& s) {
    for (std::uint32_t k = s.first_token + 1; k + 3 < s.last_token; ++k) {
      if (key(k) != "one" || key(k + 1) != "of") continue;
      const int oi = company_at(k + 2);
      if (oi < 0 || !mentions_[static_cast<std::size_t>(oi)].possessive) continue;
      const auto& owner = mentions_[static_cast<std::size_t>(oi)];
      std::uint32_t j = owner.next;
      bool plural = false, found = false;
      while (j < s.last_token && j < owner.next + 4) {
        if (is_unit_noun(key(j), plural) && plural) {
          found = true;
          break;
        }
        if (tok(j).kind != TokenKind::word && key(j) != "-") break;
        if ((wflags(j) & (detail::w_prep | detail::w_list | detail::w_say)) || company_at(j) >= 0) break;
        ++j;
      }
      if (!found) continue;
      // the member: "X is one of", "X, one of", "X remains one of"
      std::uint32_t b = k;
      if (b > s.first_token && (key(b - 1) == "is" || key(b - 1) == "was" || key(b - 1) == "remains" ||
                                key(b - 1) == "became" || key(b - 1) == ","))
        --b;
      else
        continue;
      const int xi = mention_ending_at(b);
      if (xi < 0 || !is_company_like(mentions_[static_cast<std::size_t>(xi)]) ||
          mentions_[static_cast<std::size_t>(xi)].possessive)
        continue;
      if (modifier_in(Modifier::negation, b, j) || divested_before(k, s)) continue;
      emit(argument(owner), argument(mentions_[static_cast<std::size_t>(xi)]), Label::owns, Status::current, 0.75f, s,
           "one-of-units");
    }
  }

  // "X sold its 40% stake in Y to Z", "X agreed to sell a 10% interest in Y to Z": the buyer of a
  // stake invests in the company (or acquires it, for a majority).
  void stake_sales(const Sentence& s) {
    for (std::uint32_t k = s.first_token + 1; k + 4 < s.last_token; ++k) {
      const auto v = key(k);
      if (!(v == "sold" || v == "sells" || v == "sell" || v == "selling")) continue;
      std::uint32_t j = k + 1;
      if (key(j) == "its" || key(j) == "a" || key(j) == "the" || key(j) == "part" || key(j) == "some") ++j;
      if (j < s.last_token && key(j) == "of") ++j;
      if (j < s.last_token && key(j) == "its") ++j;
      double share = 0.0;
      bool majority = false;
      while (j < s.last_token && j < k + 7) {
        if (tok(j).kind == TokenKind::number) share = std::atof(std::string(raw(j, j + 1)).c_str());
        else if (key(j) == "majority" || key(j) == "controlling") majority = true;
        else if (!(key(j) == "%" || key(j) == "percent" || key(j) == "minority" || key(j) == "remaining" ||
                   key(j) == "entire" || key(j) == "small" || key(j) == "direct"))
          break;
        ++j;
      }
      if (j + 2 >= s.last_token || !(key(j) == "stake" || key(j) == "interest" || key(j) == "holding" ||
                                     key(j) == "shareholding" || key(j) == "shares"))
        continue;
      if (key(j + 1) != "in" && key(j + 1) != "of") continue;
      const int yi = company_at(j + 2);
      if (yi < 0 || mentions_[static_cast<std::size_t>(yi)].possessive) continue;
      // "... to Z": the buyer, a few words on
      std::uint32_t t = mentions_[static_cast<std::size_t>(yi)].next;
      while (t < s.last_token && t < mentions_[static_cast<std::size_t>(yi)].next + 6 && key(t) != "to" &&
             key(t) != "," && key(t) != ".")
        ++t;
      if (t + 1 >= s.last_token || key(t) != "to") continue;
      int zi = company_at(t + 1);
      // "to Japan's Hitachi": a place's possessive stands before the buyer
      if (zi < 0) {
        const int pi = mention_at(t + 1);
        if (pi >= 0 && mentions_[static_cast<std::size_t>(pi)].possessive) zi = company_at(mentions_[static_cast<std::size_t>(pi)].next);
      }
      if (zi < 0 || mentions_[static_cast<std::size_t>(zi)].possessive) continue;
      if (modifier_in(Modifier::negation, s.first_token, k + 1)) continue;
      if (modifier_in(Modifier::ended, k > s.first_token + 4 ? k - 4 : s.first_token,
                      std::min(mentions_[static_cast<std::size_t>(zi)].next + 4, s.last_token)))
        continue;
      const bool control = majority || share > 50.0;
      const bool pending = (k >= 1 && key(k - 1) == "to") || modifier_in(Modifier::pending, s.first_token, k + 1);
      emit(argument(mentions_[static_cast<std::size_t>(zi)]), argument(mentions_[static_cast<std::size_t>(yi)]),
           control ? Label::acquired : Label::invests_in,
           control && pending ? Status::pending : Status::current, 0.75f, s, "stake-sale");
    }
  }

  // "buying studios including Gearbox and Crystal Dynamics", "owns several brands, including A and
  // B", "owns both brands, as well as Skoda and the truck maker Traton": companies named in a list
  // after a plural noun or "as well as" are the verb's objects.
  void including_objects(const Sentence& s) {
    for (const auto& c : cues_) {
      const Cue& cue = lex_.cue(c.cue);
      if (cue.reversed || (cue.flags & (detail::cue_tight | detail::cue_no_subject))) continue;
      const bool own = cue.label == Label::owns && (cue.flags & detail::cue_direct);
      const bool buy = cue.label == Label::acquired && (cue.flags & detail::cue_direct);
      if (!own && !buy) continue;
      // a short common-noun phrase, then "including" / "such as" / ", as well as"
      std::uint32_t k = c.end;
      bool noun = false;
      while (k < s.last_token && k < c.end + 6 && mention_at(k) < 0 && tok(k).kind == TokenKind::word &&
             !(wflags(k) & (detail::w_prep | detail::w_say)) && key(k) != "including" && key(k) != "such" &&
             key(k) != "as" && key(k) != "and") {
        noun = true;
        ++k;
      }
      if (!noun || k + 2 >= s.last_token) continue;
      if (key(k) == ",") ++k;
      if (key(k) == "including") ++k;
      else if (key(k) == "such" && key(k + 1) == "as") k += 2;
      else if (key(k) == "as" && key(k + 1) == "well" && k + 2 < s.last_token && key(k + 2) == "as") k += 3;
      else continue;
      CueAt at{c.begin, c.end, c.cue};
      const Found subj = subject(at, cue);
      if (subj.company < 0) continue;
      const std::uint32_t from = subj.scope ? subj.scope
                                 : subj.mention >= 0 ? mentions_[static_cast<std::size_t>(subj.mention)].next
                                                     : c.begin;
      if (modifier_in(Modifier::negation, from, k) || modifier_in(Modifier::ended, from, s.last_token)) continue;
      Status status = Status::current;
      if (buy && !modifier_in(Modifier::completed, from, c.end) && modifier_in(Modifier::pending, from, c.end))
        status = Status::pending;
      float conf = 0.75f * subj.weight;
      for (std::uint32_t j = k; j < s.last_token;) {
        // "the truck maker Traton": a description may introduce the name
        std::uint32_t n = j;
        if (key(n) == "the") {
          ++n;
          while (n < s.last_token && n < j + 4 && mention_at(n) < 0 && tok(n).kind == TokenKind::word &&
                 is_lower(text_[tok(n).begin]) && !(wflags(n) & (detail::w_prep | detail::w_list)))
            ++n;
        }
        int at_m = company_at(n);
        if (at_m < 0) {
          const int d = mention_at(n);  // a descriptor mention that introduces the name
          if (d >= 0 && mentions_[static_cast<std::size_t>(d)].type == MentionType::descriptor)
            at_m = company_at(mentions_[static_cast<std::size_t>(d)].next);
        }
        if (at_m < 0) break;
        const auto& m = mentions_[static_cast<std::size_t>(at_m)];
        if (m.possessive) break;
        emit(subj.company, argument(m), own ? Label::owns : Label::acquired, status, conf, s, "including-objects");
        conf = 0.75f * 0.95f * subj.weight;
        j = m.next;
        if (j < s.last_token && key(j) == ",") ++j;
        if (j < s.last_token && key(j) == "and") ++j;
        if (j == m.next) break;
      }
    }
  }

  // "Earlier backers include A and B." at the start of a sentence: the backers of the company the
  // text is about (the last subject).
  void topic_backers(const Sentence& s) {
    if (last_subject_ < 0) return;
    std::uint32_t k = s.first_token;
    while (k < s.last_token && k < s.first_token + 2 &&
           (key(k) == "earlier" || key(k) == "other" || key(k) == "existing" || key(k) == "early" ||
            key(k) == "previous" || key(k) == "current" || key(k) == "major" || key(k) == "big"))
      ++k;
    if (k + 2 >= s.last_token) return;
    const auto n = key(k);
    if (!(n == "backers" || n == "investors" || n == "shareholders")) return;
    const auto v = key(k + 1);
    if (!(v == "include" || v == "included" || v == "includes")) return;
    if (modifier_in(Modifier::negation, s.first_token, k + 2)) return;
    float conf = 0.7f;
    for (std::uint32_t j = k + 2; j < s.last_token;) {
      std::uint32_t n2 = j;
      if (key(n2) == "the") {  // "the Danish shipping group A.P. Moller-Maersk"
        ++n2;
        while (n2 < s.last_token && n2 < j + 5 && mention_at(n2) < 0 && tok(n2).kind == TokenKind::word &&
               !(wflags(n2) & (detail::w_prep | detail::w_list)) &&
               (is_lower(text_[tok(n2).begin]) || (wflags(n2) & detail::w_nationality)))
          ++n2;
      }
      int at = company_at(n2);
      if (at < 0) {
        const int d = mention_at(n2);
        if (d >= 0 && (mentions_[static_cast<std::size_t>(d)].type == MentionType::descriptor ||
                       (mentions_[static_cast<std::size_t>(d)].type == MentionType::blocker &&
                        mentions_[static_cast<std::size_t>(d)].possessive)))
          at = company_at(mentions_[static_cast<std::size_t>(d)].next);
      }
      if (at < 0) break;
      const auto& m = mentions_[static_cast<std::size_t>(at)];
      if (m.possessive) break;
      emit(argument(m), last_subject_, Label::invests_in, Status::current, conf, s, "topic-backers");
      conf = 0.7f * 0.95f;
      j = m.next;
      if (j < s.last_token && key(j) == ",") ++j;
      if (j < s.last_token && key(j) == "and") ++j;
      if (j == m.next) break;
    }
  }

  // "Novo Holdings closes Catalent takeover", "X completed its $16.5 billion Y acquisition", "X's
  // planned Y takeover": the company named right before a takeover noun is the target.
  void name_takeovers(const Sentence& s) {
    for (std::size_t i = 0; i < mentions_.size(); ++i) {
      const auto& y = mentions_[i];
      if (!is_company_like(y) || y.possessive || y.next >= s.last_token) continue;
      const auto n = key(y.next);
      if (!(n == "takeover" || n == "acquisition" || n == "purchase" || n == "buyout")) continue;
      if (y.next + 1 < s.last_token && (key(y.next + 1) == "talks" || key(y.next + 1) == "bid" ||
                                        key(y.next + 1) == "offer" || key(y.next + 1) == "of"))
        continue;  // "Y takeover talks", "Y acquisition of Z"
      // back over "its", "$16.5 billion", "planned" to the verb or the acquirer's possessive
      std::uint32_t b = y.begin;
      while (b > s.first_token && y.begin - b < 6 &&
             (key(b - 1) == "its" || key(b - 1) == "$" || key(b - 1) == "billion" || key(b - 1) == "million" ||
              key(b - 1) == "bn" || key(b - 1) == "planned" || key(b - 1) == "proposed" || key(b - 1) == "the" ||
              key(b - 1) == "pending" || tok(b - 1).kind == TokenKind::number))
        --b;
      if (b == s.first_token) continue;
      int acquirer = -1;
      float weight = 1.0f;
      std::uint32_t verb = 0;
      if (const int xi = mention_ending_at(b); xi >= 0 && mentions_[static_cast<std::size_t>(xi)].possessive &&
                                               is_company_like(mentions_[static_cast<std::size_t>(xi)])) {
        acquirer = argument(mentions_[static_cast<std::size_t>(xi)]);
      } else {
        const auto v = key(b - 1);
        if (!(v == "closes" || v == "closed" || v == "completes" || v == "completed" || v == "finalises" ||
              v == "finalised" || v == "finalizes" || v == "finalized" || v == "seals" || v == "sealed" ||
              v == "clinches" || v == "clinched" || v == "agrees" || v == "agreed" || v == "announces" ||
              v == "announced" || v == "launches" || v == "launched" || v == "wraps"))
          continue;
        verb = b - 1;
        // "Chevron wins arbitration against Exxon, closes Hess takeover": a headline's verb phrases
        // joined by commas share the subject that opens it.
        if (verb > s.first_token && key(verb - 1) == "," && sentence_subject_ >= 0) {
          acquirer = sentence_subject_;
        } else {
          CueAt at{verb, y.begin, 0};
          Cue plain;
          const Found subj = subject(at, plain);
          if (subj.company < 0) continue;
          acquirer = subj.company;
          weight = subj.weight;
        }
      }
      const int target = argument(y);
      if (acquirer < 0 || acquirer == target) continue;
      if (modifier_in(Modifier::negation, verb ? verb : s.first_token, y.next + 1)) continue;
      Label label = Label::acquired;
      Status status = Status::current;
      if (modifier_in(Modifier::ended, s.first_token, s.last_token)) label = Label::former_deal, status = Status::ended;
      else if (verb && (key(verb) == "agrees" || key(verb) == "agreed" || key(verb) == "announces" ||
                        key(verb) == "announced" || key(verb) == "launches" || key(verb) == "launched"))
        status = Status::pending;
      else if (!verb && (modifier_in(Modifier::pending, s.first_token, y.begin) ||
                         key(b) == "planned" || key(b) == "proposed" || key(b) == "pending"))
        status = Status::pending;
      emit(acquirer, target, label, status, 0.75f * weight, s, "name-takeover");
    }
  }

  // Words of the ended list that say something else here: "shares dropped 4%" (a price),
  // "AIX Connect, formerly AirAsia India" (a former name), "oil blocks" (a noun), "will be used to
  // build" (a purpose). They are taken out before any rule reads the modifiers.
  void drop_false_endings(const Sentence& s) {
    std::erase_if(modifiers_, [&](const ModifierAt& m) {
      // "called off in May": the month is no hypothetical
      if (m.modifier == Modifier::negation)
        return m.at > s.first_token && key(m.at) == "may" && capitalised(m.at);
      if (m.modifier != Modifier::ended) return false;
      const auto w = key(m.at);
      const std::uint32_t next = m.at + (w == "used" || w == "pulled" || w == "walked" || w == "fell" ? 2 : 1);
      const auto before = m.at > s.first_token ? key(m.at - 1) : std::string_view{};
      // "no longer believed it could build everything": only a business verb is ended by it
      if (w == "no" && m.at + 2 < s.last_token && key(m.at + 1) == "longer") {
        const auto v = key(m.at + 2);
        return !(v == "owns" || v == "own" || v == "holds" || v == "hold" || v == "has" || v == "have" || v == "is" ||
                 v == "are" || v == "supplies" || v == "supply" || v == "works" || v == "uses" || v == "use" ||
                 v == "sells" || v == "buys" || v == "makes" || v == "controls" || v == "part" || v == "a" ||
                 v == "an" || v == "partners" || v == "carries" || v == "distributes" || v == "licenses");
      }
      if (w == "formerly" || w == "previously" || w == "once")
        return next < s.last_token && capitalised(next) && !(wflags(next) & detail::w_stop_cap);
      if (w == "used")
        return before == "be" || before == "is" || before == "are" || before == "was" || before == "were" ||
               before == "been" || before == "being";
      // "Regulators block X's takeover", "EU blocks ...": a verb after its subject; "sued to block"
      // is not over yet, "oil blocks" is a noun.
      if (w == "blocks" || w == "block") {
        bool named = m.at > s.first_token && capitalised(m.at - 1);
        for (const auto& mention : mentions_) named |= mention.next == m.at;
        named |= before == "regulators" || before == "authorities" || before == "courts" || before == "judges" ||
                 before == "lawmakers" || before == "watchdogs" || before == "officials" || before == "ministers";
        return !named;
      }
      // "the failed merger", "after the Fisker deal collapse": the noun is said of a deal.
      if (w == "failed" || w == "collapse") {
        bool deal = false;
        for (std::uint32_t k = m.at > s.first_token + 3 ? m.at - 3 : s.first_token; k < s.last_token && k <= m.at + 3; ++k)
          deal |= k != m.at && is_deal_noun(key(k));
        if (!deal) return true;
      }
      // "X sells Y to Z after Saudi deal collapse": an ending in a clause of time is said of that
      // clause's own deal, unless the clause names a relation (a cue) or points back to the deal
      // ("before the deal was abandoned", "after it fell through").
      for (std::uint32_t k = m.at; k > s.first_token; --k) {
        const auto p = key(k - 1);
        if (p == ";" || p == ":") break;
        if (!(p == "after" || p == "before" || p == "when" || p == "since" || p == "while" || p == "amid" ||
              p == "following" || p == "until" || p == "once"))
          continue;
        bool own = false;
        for (const auto& c : cues_) own |= c.begin >= k;
        for (std::uint32_t j = k; j + 1 <= m.at && !own; ++j) {
          const auto d = key(j);
          own = ((d == "the" || d == "that" || d == "this") &&
                 ((j + 1 < m.at && is_deal_noun(key(j + 1))) || (j + 2 < m.at && is_deal_noun(key(j + 2))))) ||
                (j == k && (d == "it" || d == "they"));
        }
        if (!own) return true;
        break;
      }
      // a price or a figure that moved: "dropped 4%", "collapsed to a record low", "shares sank"
      if (next < s.last_token && (tok(next).kind == TokenKind::number || key(next) == "$" || key(next) == "%"))
        return true;
      if (next + 1 < s.last_token && (key(next) == "by" || key(next) == "to" || key(next) == "as" || key(next) == "below") &&
          (tok(next + 1).kind == TokenKind::number || key(next + 1) == "$" || key(next + 1) == "record"))
        return true;
      for (std::uint32_t k = m.at > s.first_token + 3 ? m.at - 3 : s.first_token; k < m.at; ++k) {
        const auto p = key(k);
        if (p == "shares" || p == "stock" || p == "price" || p == "prices" || p == "profit" || p == "profits" ||
            p == "revenue" || p == "sales" || p == "earnings" || p == "output" || p == "demand" || p == "index" ||
            p == "valuation" || p == "margins" || p == "volumes" || p == "exports" || p == "imports")
          return true;
      }
      return false;
    });
  }

  // The subject of the sentence's main clause, for a rule whose other argument stands far from
  // it: the first company that opens a clause before `before` (after the dateline, the sentence's
  // start or a comma; a place's possessive may stand before it), not one inside "where ...".
  int clause_subject(const Sentence& s, std::uint32_t before, int& index) {
    std::uint32_t first = s.first_token;
    for (std::uint32_t j = s.first_token + 1; j < s.last_token && j < s.first_token + 20; ++j)
      if (key(j) == "-" && key(j - 1) == ")") first = j + 1;
    for (std::size_t i = 0; i < mentions_.size() && mentions_[i].begin < before; ++i) {
      const auto& m = mentions_[i];
      if (m.begin < first || m.reporter || m.type == MentionType::transparent || m.type == MentionType::blocker)
        continue;
      std::uint32_t lead = m.begin;
      if (i > 0 && mentions_[i - 1].type == MentionType::blocker && mentions_[i - 1].possessive &&
          mentions_[i - 1].next == m.begin)
        lead = mentions_[i - 1].begin;
      // "Nordic analytics firm Velia ...": an unknown word before a description is part of it
      if (m.type == MentionType::candidate) {
        bool describes = false;
        for (std::uint32_t k = m.next; k < s.last_token && k < m.next + 4 && !describes; ++k) {
          if (tok(k).kind != TokenKind::word || !is_lower(text_[tok(k).begin])) break;
          describes = (wflags(k) & detail::w_desc_noun) && k + 1 < s.last_token && mention_at(k + 1) >= 0;
        }
        if (describes) continue;
      }
      // "Swiss CDMO Alpenpharm wins ...": a description may open the clause before the name
      std::uint32_t open = lead;
      while (open > first && key(open - 1) != "," && (tok(open - 1).kind == TokenKind::word || key(open - 1) == "-") &&
             !(wflags(open - 1) & (detail::w_prep | detail::w_list)) && key(open - 1) != "where" &&
             key(open - 1) != "which" && key(open - 1) != "that" && key(open - 1) != "who" &&
             lead - open < 4)
        --open;
      if (!(open == first || key(open - 1) == ",")) continue;
      int x = -1;
      if (m.type == MentionType::pronoun && lead == s.first_token) x = pronoun_target();
      else if (m.type == MentionType::company || m.type == MentionType::candidate || m.type == MentionType::product)
        x = argument(m);
      else continue;
      index = static_cast<int>(i);
      return x;
    }
    return -1;
  }

  // "Universal Music signs new Spotify deal", "Boston Scientific terminates Axonics merger
  // agreement", "Northgate to cut jobs after failed Selwyn deal", "Foxconn wins EV contract from
  // Mitsubishi Motors": a company named inside the deal noun phrase is the subject's counterpart.
  void named_deals(const Sentence& s) {
    for (std::size_t yi = 0; yi < mentions_.size(); ++yi) {
      const auto& ym = mentions_[yi];
      if (!is_company_like(ym) || ym.possessive) continue;
      // "20-year LNG deal": a short upper-case ticker before a deal noun names the goods, not a party
      if (ym.end == ym.begin + 1 && ym.company >= 0 && ym.type == MentionType::company) {
        const auto surface = raw(ym.begin, ym.end);
        bool upper = surface.size() <= 4;
        for (char ch : surface) upper &= is_upper(ch);
        if (upper && surface != companies_[static_cast<std::size_t>(ym.company)].name) continue;
      }
      // the deal noun after the name, or the name after "contract from"
      std::uint32_t noun = 0;
      bool from = false;
      for (std::uint32_t j = ym.next; j < s.last_token && j < ym.next + 2; ++j) {
        if (is_deal_noun(key(j)) && key(j) != "plan" && key(j) != "attempt" && key(j) != "sale" && key(j) != "purchase" &&
            key(j) != "acquisition") {
          noun = j;
          if (j + 1 < s.last_token && is_deal_noun(key(j + 1))) noun = j + 1;  // "merger agreement"
          break;
        }
        // one modifier of the deal may stand between ("Y supply deal"), a verb may not ("Y held talks")
        const auto w = key(j);
        if (tok(j).kind != TokenKind::word || !is_lower(text_[tok(j).begin]) || is_auxiliary(w) ||
            (w.size() > 2 && w.substr(w.size() - 2) == "ed") || w == "held" || w == "holds" || w == "hold" ||
            w == "says" || w == "said" || w == "signs" || w == "ends" || w == "wins" || w == "makes")
          break;
      }
      if (!noun && ym.begin >= s.first_token + 3 && (key(ym.begin - 1) == "from" || key(ym.begin - 1) == "by")) {
        for (std::uint32_t j = ym.begin - 2; j + 4 > ym.begin && j > s.first_token; --j) {
          const auto w = key(j);
          if (w == "contract" || w == "contracts" || w == "order" || w == "orders" || w == "deal") {
            noun = j, from = true;
            break;
          }
          if (tok(j).kind != TokenKind::word || !is_lower(text_[tok(j).begin])) break;
        }
      }
      if (!noun) continue;
      const std::uint32_t phrase = from ? noun : ym.begin;  // where the deal's noun phrase starts
      int xi = -1;
      const int x = clause_subject(s, phrase, xi);
      if (x < 0 || xi < 0 || static_cast<std::size_t>(xi) >= yi) continue;
      const int y = argument(ym);
      if (y < 0 || y == x) continue;
      // the verb in front of the noun phrase, and what follows the noun
      bool signed_deal = false, ended = false;
      for (std::uint32_t j = phrase > s.first_token + 3 ? phrase - 3 : s.first_token; j < phrase; ++j) {
        const auto w = key(j);
        signed_deal |= w == "signs" || w == "signed" || w == "inks" || w == "inked" || w == "strikes" || w == "struck" ||
                       w == "seals" || w == "sealed" || w == "wins" || w == "won" || w == "renews" || w == "renewed" ||
                       w == "extends" || w == "extended" || w == "lands" || w == "landed" || w == "secures" ||
                       w == "secured" || w == "clinches" || w == "clinched" || w == "expands" || w == "expanded";
        ended |= w == "failed" || w == "terminates" || w == "terminated" || w == "scraps" || w == "scrapped" ||
                 w == "ends" || w == "ended" || w == "cancels" || w == "cancelled" || w == "canceled" ||
                 w == "abandons" || w == "abandoned" || w == "drops" || w == "dropped" || w == "collapsed" ||
                 w == "exits" || w == "exited" || w == "quits" || w == "ditches" || w == "ditched";
      }
      for (std::uint32_t j = noun + 1; j < s.last_token && j <= noun + 3; ++j) {
        const auto w = key(j);
        ended |= w == "collapse" || w == "collapsed" || w == "collapses" || w == "fell" || w == "falls" ||
                 w == "scrapped" || w == "terminated" || w == "cancelled" || w == "canceled" || w == "ended" ||
                 w == "failed" || w == "abandoned" || w == "unravels" || w == "unravelled";
      }
      const auto n = key(noun);
      const bool talks = n == "talks" || n == "negotiations";
      if (modifier_in(Modifier::negation, mentions_[static_cast<std::size_t>(xi)].next, noun + 1)) continue;
      if (talks) emit(x, y, Label::talked_to, Status::current, 0.8f, s, "named-deal");
      // "drops interest in Intel takeover": a takeover or bid that was only wanted ended no deal
      else if (ended && n != "takeover" && n != "bid" && n != "offer")
        emit(x, y, Label::former_deal, Status::ended, 0.8f, s, "named-deal");
      else if (signed_deal && n != "merger" && n != "takeover" && n != "bid" && n != "offer")
        emit(x, y, Label::partners, Status::current, 0.8f, s, "named-deal");
    }
  }

  // "Nordlys trains its models on Microsoft's Azure cloud under a three-year agreement", "Pagaloo
  // processes its payments through Cielo, ..., under a contract": what the sentence's subject does
  // with the first other company of its clause is done under a deal between the two.
  void under_agreement(const Sentence& s) {
    for (std::uint32_t k = s.first_token + 2; k + 1 < s.last_token; ++k) {
      if (key(k) != "under") continue;
      std::uint32_t noun = 0;
      for (std::uint32_t j = k + 1; j < s.last_token && j <= k + 5; ++j) {
        const auto w = key(j);
        if (w == "agreement" || w == "deal" || w == "contract" || w == "licence" || w == "license" ||
            w == "partnership" || w == "collaboration" || w == "pact" || w == "arrangement" || w == "alliance") {
          noun = j;
          break;
        }
        if (tok(j).kind == TokenKind::punct && w != "-") break;
        if (tok(j).kind == TokenKind::word && !is_lower(text_[tok(j).begin])) break;
      }
      if (!noun) continue;
      // "an agreement with Y" is the partner-noun cue's; an acquisition done under a deal is no partnership
      if (noun + 1 < s.last_token && (key(noun + 1) == "with" || key(noun + 1) == "between")) continue;
      // "maintained under a service contract by Lufthansa Technik": the contract's other party
      int by_party = -1;
      if (noun + 2 < s.last_token && (key(noun + 1) == "by" || key(noun + 1) == "from")) {
        const int at = mention_at(noun + 2);
        if (at >= 0 && is_company_like(mentions_[static_cast<std::size_t>(at)])) by_party = at;
      }
      bool other_deal = false;
      for (const auto& c : cues_) {
        const auto l = lex_.cue(c.cue).label;
        other_deal |= l == Label::acquired || l == Label::sues;
      }
      for (std::uint32_t j = s.first_token; j < s.last_token && !other_deal; ++j)
        other_deal |= key(j) == "merger" || key(j) == "takeover" || key(j) == "acquisition";
      if (other_deal) continue;
      int xi = -1;
      const int x = clause_subject(s, k, xi);
      if (x < 0) continue;
      // the other party: the next company of the clause, not one inside a relative clause or an
      // apposition on an earlier name
      int y = -1;
      std::size_t yi = 0;
      bool inserted = false;
      std::uint32_t inserted_from = 0;
      std::array<std::pair<std::uint32_t, std::uint32_t>, 4> spans{};
      std::size_t span_count = 0;
      std::size_t mi = static_cast<std::size_t>(xi) + 1;
      for (std::uint32_t j = mentions_[static_cast<std::size_t>(xi)].next; j < k && y < 0; ++j) {
        const auto w = key(j);
        if (w == "," && j + 1 < k) {
          const auto n = key(j + 1);
          if (inserted && span_count < spans.size()) spans[span_count++] = {inserted_from, j};
          inserted = n == "which" || n == "who" || n == "whose" || n == "that" || n == "a" || n == "an" ||
                     n == "the" || n == "founded" || n == "based" || n == "owned" || n == "backed";
          inserted_from = j;
        }
        if (w == ";" || w == ":" || w == "but" || w == "while") break;
        while (mi < mentions_.size() && mentions_[mi].begin < j) ++mi;
        if (mi >= mentions_.size() || mentions_[mi].begin != j || inserted) continue;
        const auto& m = mentions_[mi];
        // "Scandinavian crime series": a nationality is no company
        // "Scandinavian crime series", "flies Airbus jets": a name before a common noun only
        // describes the noun
        const bool modifier = !m.possessive && m.next < k && tok(m.next).kind == TokenKind::word &&
                              is_lower(text_[tok(m.next).begin]) && !(wflags(m.next) & (detail::w_prep | detail::w_list));
        if ((m.type == MentionType::company || m.type == MentionType::candidate) && !modifier &&
            !(m.type == MentionType::candidate && (wflags(m.begin) & detail::w_nationality))) {
          const int c = argument(m);
          if (c >= 0 && c != x) y = c, yi = mi;
        }
      }
      if (by_party >= 0) {
        const int c = argument(mentions_[static_cast<std::size_t>(by_party)]);
        if (c >= 0 && c != x) y = c, yi = static_cast<std::size_t>(by_party);
      }
      if (y < 0) continue;
      // "X invested in Y under a deal": an ownership or investment said between the two is that.
      for (const auto& c : cues_) {
        const auto l = lex_.cue(c.cue).label;
        bool aside = false;
        for (std::size_t a = 0; a < span_count; ++a) aside |= c.begin > spans[a].first && c.begin < spans[a].second;
        other_deal |= (l == Label::owns || l == Label::invests_in) && !aside && c.begin < mentions_[yi].begin &&
                      c.begin >= mentions_[static_cast<std::size_t>(xi)].next;
      }
      if (other_deal) continue;
      if (modifier_in(Modifier::negation, s.first_token, noun + 1)) continue;
      const bool ended = modifier_in(Modifier::ended, mentions_[static_cast<std::size_t>(xi)].begin, s.last_token);
      emit(x, y, ended ? Label::former_deal : Label::partners, ended ? Status::ended : Status::current, 0.86f, s,
           "under-agreement");
    }
  }

  // "Anthropic will make AWS its primary partner", "X chose Y as its cloud partner": a company
  // made or chosen the subject's partner.
  void chosen_partners(const Sentence& s) {
    for (std::size_t mi = 0; mi < mentions_.size(); ++mi) {
      // the verb right before a name: one look per mention, not per token
      if (mentions_[mi].begin <= s.first_token) continue;
      const std::uint32_t k = mentions_[mi].begin - 1;
      const auto v = key(k);
      if (v.size() < 4 || !(v[0] == 'm' || v[0] == 'n' || v[0] == 'c' || v[0] == 'p' || v[0] == 's' || v[0] == 't'))
        continue;
      if (!(v == "make" || v == "makes" || v == "made" || v == "making" || v == "named" || v == "names" || v == "name" ||
            v == "chose" || v == "chosen" || v == "chooses" || v == "choose" || v == "picked" || v == "picks" ||
            v == "pick" || v == "selected" || v == "selects" || v == "select" || v == "tapped" || v == "taps"))
        continue;
      if (!is_company_like(mentions_[mi])) continue;
      const auto& ym = mentions_[mi];
      if (ym.possessive) continue;
      std::uint32_t j = ym.next;
      if (j < s.last_token && key(j) == "as") ++j;
      if (j >= s.last_token || !(key(j) == "its" || key(j) == "their")) continue;
      bool partner = false;
      for (std::uint32_t n = j + 1; n < s.last_token && n <= j + 4; ++n) {
        if (key(n) == "partner" || key(n) == "partners") {
          partner = true;
          break;
        }
        if (tok(n).kind != TokenKind::word || !is_lower(text_[tok(n).begin])) break;
      }
      if (!partner) continue;
      CueAt at{k, k + 1, 0};
      Cue plain;
      const Found x = subject(at, plain);
      if (x.company < 0) continue;
      const std::uint32_t from = x.scope ? x.scope
                                 : x.mention >= 0 ? mentions_[static_cast<std::size_t>(x.mention)].next : k;
      if (modifier_in(Modifier::negation, from, k + 1)) continue;
      emit(x.company, argument(ym), Label::partners, Status::current, 0.67f * x.weight, s, "chosen-partner");
    }
  }

  // "A planned merger with Cascade Supply, announced in February, was called off in May": a deal
  // noun that opens the sentence with no company before it is the last subject's deal.
  void opening_deal(const Sentence& s, bool cues_found) {
    if (last_subject_ < 0) return;
    std::uint32_t k = s.first_token;
    if (k < s.last_token && (key(k) == "a" || key(k) == "an" || key(k) == "its" || key(k) == "their")) ++k;
    for (std::uint32_t n = 0; n < 2 && k < s.last_token && !is_deal_noun(key(k)); ++n) {
      if (!(tok(k).kind == TokenKind::number || (tok(k).kind == TokenKind::word && is_lower(text_[tok(k).begin])))) return;
      ++k;
    }
    if (k + 2 >= s.last_token || !is_deal_noun(key(k)) || key(k + 1) != "with") return;
    const auto n = key(k);
    if (!(n == "merger" || n == "deal" || n == "partnership" || n == "venture" || n == "agreement" || n == "alliance" ||
          n == "contract" || n == "pact" || n == "tieup"))
      return;
    // "with the smaller Oregon chain Cascade Supply": a description may stand before the name
    std::uint32_t at = k + 2;
    int yi = -1;
    while (at < s.last_token && at < k + 8) {
      const int mi = mention_at(at);
      if (mi >= 0 && mentions_[static_cast<std::size_t>(mi)].type != MentionType::transparent) {
        yi = mi;
        break;
      }
      if (mi >= 0) {
        at = mentions_[static_cast<std::size_t>(mi)].next;
        continue;
      }
      if (tok(at).kind != TokenKind::word || (wflags(at) & detail::w_prep) ||
          !(is_lower(text_[tok(at).begin]) || (wflags(at) & detail::w_nationality)))
        break;
      ++at;
    }
    if (yi < 0 || !is_company_like(mentions_[static_cast<std::size_t>(yi)]) ||
        mentions_[static_cast<std::size_t>(yi)].possessive)
      return;
    const int y = argument(mentions_[static_cast<std::size_t>(yi)]);
    if (y < 0 || y == last_subject_) return;
    if (!cues_found) {
      find_cues(s);
      drop_false_endings(s);
    }
    // the ending must be said of this deal, before another clause opens ("when the lenders refused")
    std::uint32_t stop = s.last_token;
    for (const auto& m : modifiers_)
      if (m.modifier == Modifier::stop && m.at > at && m.at < stop && key(m.at) != ",") stop = m.at;
    if (modifier_in(Modifier::negation, s.first_token, stop)) return;
    if (!modifier_in(Modifier::ended, at, stop)) return;
    emit(last_subject_, y, Label::former_deal, Status::ended, 0.7f, s, "opening-deal");
  }

  // "Copperline sues former partner Andes Minera": a former partner named as a verb's object is the
  // clause subject's former partner.
  void former_partner_objects(const Sentence& s) {
    for (const auto& c : cues_) {
      if (lex_.cue(c.cue).rule != "former-partner-apposition" || c.begin <= s.first_token) continue;
      const auto& before = tok(c.begin - 1);
      if (before.kind != TokenKind::word || !is_lower(text_[before.begin]) || mention_at(c.begin - 1) >= 0) continue;
      const int yi = mention_at(c.end);
      if (yi < 0 || !is_company_like(mentions_[static_cast<std::size_t>(yi)])) continue;
      int xi = -1;
      const int x = clause_subject(s, c.begin, xi);
      const int y = argument(mentions_[static_cast<std::size_t>(yi)]);
      if (x < 0 || y < 0 || x == y) continue;
      if (modifier_in(Modifier::negation, s.first_token, c.begin)) continue;
      emit(x, y, Label::former_deal, Status::ended, 0.7f, s, "former-partner-apposition");
    }
  }

  // "Lexara switched its model from OpenAI's GPT to Mistral AI's models": the old provider is a
  // former deal, the new one a partner; "replaced Danone as its yoghurt maker": a former deal.
  void switched_providers(const Sentence& s) {
    for (std::uint32_t k = s.first_token; k + 2 < s.last_token; ++k) {
      const auto v = key(k);
      if (v.size() < 5 || !(v[0] == 's' || v[0] == 'r' || v[0] == 'm')) continue;
      const bool switched = v == "switched" || v == "switches" || v == "switching" || v == "moved" || v == "shifted";
      const bool replaced = v == "replaced" || v == "replaces" || v == "replacing";
      if (!switched && !replaced) continue;
      CueAt at{k, k + 1, 0};
      Cue plain;
      Found x = subject(at, plain);
      // "Lexara AG, which sells software, said it had switched": "it" is the one who said so
      if (x.mention >= 0 && mentions_[static_cast<std::size_t>(x.mention)].type == MentionType::pronoun) {
        bool said = false;
        for (std::uint32_t j = s.first_token; j < mentions_[static_cast<std::size_t>(x.mention)].begin; ++j)
          said |= key(j) == "said" || key(j) == "says";
        int xi = -1;
        const int sayer = said ? clause_subject(s, mentions_[static_cast<std::size_t>(x.mention)].begin, xi) : -1;
        if (sayer >= 0) x.company = sayer;
      }
      if (x.company < 0) continue;
      const std::uint32_t from = x.scope ? x.scope
                                 : x.mention >= 0 ? mentions_[static_cast<std::size_t>(x.mention)].next : k;
      if (modifier_in(Modifier::negation, from, k + 1)) continue;
      const auto company_after = [&](std::uint32_t j) -> int {
        const int mi = mention_at(j);
        if (mi < 0 || !is_company_like(mentions_[static_cast<std::size_t>(mi)])) return -1;
        return mi;
      };
      if (replaced) {
        const int yi = company_after(k + 1);
        if (yi < 0 || mentions_[static_cast<std::size_t>(yi)].possessive) continue;
        const auto after = mentions_[static_cast<std::size_t>(yi)].next;
        if (after >= s.last_token || key(after) != "as") continue;
        const int y = argument(mentions_[static_cast<std::size_t>(yi)]);
        if (y >= 0 && y != x.company)
          emit(x.company, y, Label::former_deal, Status::ended, 0.7f * x.weight, s, "switched-provider");
        continue;
      }
      std::uint32_t f = 0, t = 0;
      for (std::uint32_t j = k + 1; j < s.last_token && j <= k + 12; ++j) {
        if (key(j) == "from" && !f) f = j;
        else if (key(j) == "to" && f) {
          t = j;
          break;
        } else if (key(j) == "," || key(j) == ";" || key(j) == "and") {
          if (!f) break;
        }
      }
      if (!f || !t) continue;
      const int yi = company_after(f + 1);
      const int zi = company_after(t + 1);
      if (yi < 0 || zi < 0) continue;
      const int y = argument(mentions_[static_cast<std::size_t>(yi)]);
      const int z = argument(mentions_[static_cast<std::size_t>(zi)]);
      if (y >= 0 && y != x.company)
        emit(x.company, y, Label::former_deal, Status::ended, 0.7f * x.weight, s, "switched-provider");
      if (z >= 0 && z != x.company && z != y)
        emit(x.company, z, Label::partners, Status::current, 0.7f * x.weight, s, "switched-provider");
    }
  }

  // "explored a merger with Y, but the two sides broke off negotiations": what ended were talks.
  bool talks_ended(std::uint32_t b, std::uint32_t e) const {
    bool any = false, talks = true;
    for (const auto& m : modifiers_) {
      if (m.modifier != Modifier::ended || m.at < b || m.at >= e) continue;
      any = true;
      bool near = false;
      for (std::uint32_t k = m.at > b + 3 ? m.at - 3 : b; k < e && k <= m.at + 3; ++k)
        near |= key(k) == "talks" || key(k) == "negotiations" || key(k) == "discussions";
      talks &= near;
    }
    return any && talks;
  }

  // The sentence speaks of a bid, offer or approach and of no agreement.
  bool only_courted(const Sentence& s) const {
    bool bid = false;
    for (std::uint32_t k = s.first_token; k < s.last_token; ++k) {
      const auto w = key(k);
      if (w == "agreed" || w == "agreement" || w == "agreements" || w == "signed" || w == "deal" || w == "merger" ||
          w == "partnership" || w == "venture" || w == "contract" || w == "pact" || w == "completed")
        return false;
      bid |= w == "bid" || w == "bids" || w == "offer" || w == "offers" || w == "proposal" || w == "proposals" ||
             w == "approach" || w == "approaches" || w == "pursuit" || w == "overture" || w == "overtures";
    }
    return bid;
  }

  static bool is_deal_noun(std::string_view k) {
    // most words are ruled out by their first letter before any comparison
    if (k.size() < 3) return false;
    switch (k[0]) {
      case 'a': case 'b': case 'c': case 'd': case 'm': case 'n': case 'o': case 'p': case 's': case 't': case 'v':
        break;
      default:
        return false;
    }
    return k == "deal" || k == "deals" || k == "merger" || k == "takeover" || k == "agreement" || k == "partnership" ||
           k == "venture" || k == "alliance" || k == "pact" || k == "tieup" || k == "bid" || k == "offer" ||
           k == "acquisition" || k == "purchase" || k == "sale" || k == "contract" || k == "talks" ||
           k == "negotiations" || k == "attempt" || k == "plan" || k == "transaction" || k == "combination";
  }

  static bool is_deal_label(Label l) {
    return l == Label::partners || l == Label::acquired || l == Label::invests_in;
  }

  // "Kroger agreed to buy Albertsons in 2022. The deal was blocked by a judge in December.": a
  // sentence that names no company and opens with "the/that deal" ends the deal of the sentence
  // before it; that edge becomes a former deal with both sentences as evidence.
  void deal_back_reference(const Sentence& s) {
    if (previous_deal_ < 0) return;
    if (ended_it(s)) return;
    for (const auto& m : mentions_)
      if (is_company_like(m) || m.type == MentionType::descriptor) return;
    std::uint32_t k = s.first_token;
    if (k < s.last_token && (key(k) == "but" || key(k) == "however")) ++k;
    if (k < s.last_token && key(k) == ",") ++k;
    if (k >= s.last_token || !(key(k) == "the" || key(k) == "that" || key(k) == "this" || key(k) == "its" ||
                               key(k) == "their"))
      return;
    std::uint32_t noun = 0;
    for (std::uint32_t j = k + 1; j < s.last_token && j <= k + 3 && !noun; ++j)
      if (is_deal_noun(key(j)) && key(j) != "talks" && key(j) != "negotiations" && key(j) != "plan") noun = j;
    if (!noun) return;
    find_cues(s);
    drop_false_endings(s);
    if (!modifier_in(Modifier::ended, noun + 1, s.last_token) || modifier_in(Modifier::negation, s.first_token, s.last_token))
      return;
    const auto old = static_cast<std::size_t>(previous_deal_);
    if (std::find(superseded_.begin(), superseded_.end(), old) != superseded_.end()) return;
    const int source = rel_source_[old], target = rel_target_[old];
    const Label label = relations_[old].label;
    std::vector<Evidence> evidence = relations_[old].evidence;
    emit(source, target, Label::former_deal, Status::ended, 0.7f, s, "deal-ended-later");
    const auto it = seen_.find(deal_key(source, target, Label::former_deal));
    if (it == seen_.end()) return;
    auto& now = relations_[it->second];
    now.evidence.insert(now.evidence.begin(), evidence.begin(), evidence.end());
    superseded_.push_back(old);
    seen_.erase(deal_key(source, target, label));
    previous_deal_ = -1;
  }
  // "Copperline and Andes Minera formed the venture in 2021. Andes Minera terminated it in July": the
  // sentence names only the parties of the last deal and ends "it".
  bool ended_it(const Sentence& s) {
    if (previous_deal_ < 0) return false;
    const auto old = static_cast<std::size_t>(previous_deal_);
    const int a = rel_source_[old], b = rel_target_[old];
    bool party = false;
    std::uint32_t first_party = 0;
    for (const auto& m : mentions_) {
      if (!is_company_like(m)) continue;
      const int c = m.company >= 0 && m.type == MentionType::company ? m.company : -2;
      if (c != a && c != b) return false;
      if (!party) first_party = m.begin;
      party = true;
    }
    if (!party) return false;
    std::uint32_t k = 0;
    for (std::uint32_t j = first_party; j + 1 < s.last_token && j < first_party + 8; ++j) {
      const auto w = key(j);
      if ((w == "terminated" || w == "ended" || w == "scrapped" || w == "dissolved" || w == "cancelled" ||
           w == "canceled" || w == "abandoned" || w == "quit" || w == "exited") &&
          key(j + 1) == "it") {
        k = j;
        break;
      }
    }
    if (!k) return false;
    if (std::find(superseded_.begin(), superseded_.end(), old) != superseded_.end()) return false;
    const Label label = relations_[old].label;
    if (label == Label::acquired) return false;  // "bought Y ... sold it" is no former deal
    std::vector<Evidence> evidence = relations_[old].evidence;
    emit(a, b, Label::former_deal, Status::ended, 0.7f, s, "deal-ended-later");
    const auto it = seen_.find(deal_key(a, b, Label::former_deal));
    if (it == seen_.end()) return false;
    auto& now = relations_[it->second];
    now.evidence.insert(now.evidence.begin(), evidence.begin(), evidence.end());
    superseded_.push_back(old);
    seen_.erase(deal_key(a, b, label));
    previous_deal_ = -1;
    return true;
  }

  static std::uint64_t deal_key(int a, int b, Label label) {
    if (is_symmetric(label) && a > b) std::swap(a, b);
    return (static_cast<std::uint64_t>(a) << 36) ^ (static_cast<std::uint64_t>(b) << 4) ^
           static_cast<std::uint64_t>(label);
  }

  // "The two companies ended their manufacturing partnership in March": "the two" are the two
  // companies of the sentence before (or of this sentence before the phrase) when exactly two are
  // named there; the deal noun or talks verb that follows says the label.
  void the_two(const Sentence& s, bool cues_found) {
    std::uint32_t at = 0;
    for (std::uint32_t k = s.first_token; k + 2 < s.last_token && !at; ++k)
      if (key(k) == "the" && key(k + 1) == "two" && (k == s.first_token || key(k - 1) == "," || key(k - 1) == "after" ||
                                                       key(k - 1) == "but" || key(k - 1) == "and" || key(k - 1) == "before"))
        at = k;
    if (!at) return;
    std::uint32_t from = at + 2;
    if (from < s.last_token && tok(from).kind == TokenKind::word && is_lower(text_[tok(from).begin]) &&
        (wflags(from) & detail::w_generic || (key(from).size() > 3 && key(from).back() == 's' && key(from) != "were" &&
                                              key(from) != "has" && key(from) != "was")))
      ++from;
    if (from < s.last_token && (key(from) == "'s" || key(from) == "'")) return;  // "the two companies' merger"
    // the pair: two companies named before in this sentence, else in the last sentence that named any
    int a = -1, b = -1, count = 0;
    for (const auto& m : mentions_) {
      if (m.begin >= at || m.type != MentionType::company || m.reporter || m.company < 0) continue;
      if (m.company == a || m.company == b) continue;
      ++count;
      if (a < 0) a = m.company;
      else b = m.company;
    }
    if (count == 0 && recent_pair_count_ == 2) a = recent_pair_[0], b = recent_pair_[1], count = 2;
    if (count != 2) return;
    if (!cues_found) {
      find_cues(s);
      drop_false_endings(s);
    }
    Label label = Label::partners;
    bool found = false, ended = false;
    for (std::uint32_t k = from; k < s.last_token && k <= from + 6 && !found; ++k) {
      const auto w = key(k);
      if (w == "," || w == ";" || mention_at(k) >= 0) {
        if (mention_at(k) >= 0 && mentions_[static_cast<std::size_t>(mention_at(k))].type == MentionType::transparent) continue;
        break;
      }
      if (w == "talks" || w == "negotiations" || w == "discussions" || w == "talked" || w == "negotiated") {
        label = Label::talked_to, found = true;
      } else if (w == "partners" && k > from && (key(k - 1) == "are" || key(k - 1) == "were" || key(k - 1) == "became" ||
                                                  key(k - 1) == "been")) {
        found = true;
      } else if (is_deal_noun(w) && w != "bid" && w != "offer" && w != "takeover" && w != "sale" && w != "purchase" &&
                 w != "acquisition" && w != "attempt" && w != "talks" && w != "negotiations") {
        // "a plan to build an electric vehicle together" is a joint plan; a plan alone is not
        bool together = w != "plan";
        for (std::uint32_t j = k + 1; j < s.last_token && !together; ++j) together = key(j) == "together" || key(j) == "jointly";
        if (!together) break;
        found = true;
        ended = modifier_in(Modifier::ended, from, s.last_token);
        for (std::uint32_t j = from; j < k; ++j) ended |= key(j) == "ended" || key(j) == "ends";
        bool made = ended;
        for (std::uint32_t j = from; j < k && !made; ++j)
          made = key(j) == "signed" || key(j) == "formed" || key(j) == "struck" || key(j) == "agreed" || key(j) == "set" ||
                 key(j) == "have" || key(j) == "has" || key(j) == "had" || key(j) == "launched" || key(j) == "created";
        if (!made) found = false;
      }
    }
    if (!found || modifier_in(Modifier::negation, at, std::min(from + 7, s.last_token))) return;
    if (label == Label::partners && ended) emit(a, b, Label::former_deal, Status::ended, 0.7f, s, "the-two");
    else emit(a, b, label, Status::current, 0.7f, s, "the-two");
  }

  // Which of the ownership constructions can fire in the sentence: one pass over its words, so
  // that each construction's own scan runs only where its trigger word stands.
  enum OwnTrigger : std::uint32_t {
    t_possessive = 1u << 0, t_whose = 1u << 1, t_relative_verb = 1u << 2, t_holder_noun = 1u << 3,
    t_joint = 1u << 4, t_hyphen = 1u << 5, t_round = 1u << 6, t_stake = 1u << 7, t_unit_noun = 1u << 8,
    t_all = 1u << 9, t_one = 1u << 10, t_sell = 1u << 11, t_including = 1u << 12, t_backers = 1u << 13,
    t_takeover = 1u << 14,
    // the relation scanners' own words (each scanner emits nothing without one of them)
    t_legal = 1u << 15, t_holding_noun = 1u << 16, t_count = 1u << 17, t_order = 1u << 18, t_passive_verb = 1u << 19,
    t_switch = 1u << 20, t_under = 1u << 21, t_number = 1u << 22, t_rival = 1u << 23
  };
  // The words without which legal_actions, possessive_stakes, counts_among, ordered_goods,
  // possessive_passive_supply, switched_providers, under_agreement and the second half of
  // customer_and_rival_appositions cannot emit: each of those
  // scans skips every token that is not one of its words (legal_actions' passive half included).
  // (inlined: own_triggers asks it for every token of every sentence with two arguments)
  __attribute__((always_inline)) static std::uint32_t scanner_triggers(std::string_view w) {
    switch (w[0]) {
      case 'a':
        if (w == "action") return t_legal;
        if (w == "assembled") return t_passive_verb;
        break;
      case 'b':
        if (w == "built") return t_passive_verb;
        break;
      case 'c':
        if (w == "court" || w == "complaint" || w == "claim" || w == "case") return t_legal;
        if (w == "competitor") return t_rival;
        if (w == "counts" || w == "counted" || w == "count") return t_count;
        if (w == "carried") return t_passive_verb;
        break;
      case 'd':
        if (w == "defendant") return t_legal;
        if (w == "distributed") return t_passive_verb;
        break;
      case 'h':
        if (w == "holding") return t_holding_noun;
        break;
      case 'i':
        if (w == "interest" || w == "investment" || w == "investments") return t_holding_noun;
        break;
      case 'l':
        if (w == "lawsuit" || w == "lawsuits" || w == "litigation") return t_legal;
        break;
      case 'm':
        if (w == "made" || w == "manufactured") return t_passive_verb;
        if (w == "moved") return t_switch;
        break;
      case 'o':
        if (w == "orders" || w == "ordered" || w == "order" || w == "ordering") return t_order;
        break;
      case 'p':
        if (w == "produced") return t_passive_verb;
        break;
      case 'r':
        if (w == "replaced" || w == "replaces" || w == "replacing") return t_switch;
        if (w == "rival") return t_rival;
        break;
      case 's':
        if (w == "suit") return t_legal;
        if (w == "stake" || w == "shareholding") return t_holding_noun;
        if (w == "sold" || w == "stocked") return t_passive_verb;
        if (w == "switched" || w == "switches" || w == "switching" || w == "shifted") return t_switch;
        break;
      case 'u':
        if (w == "under") return t_under;
        break;
      default:
        break;
    }
    return 0;
  }
  std::uint32_t own_triggers(const Sentence& s) const {
    std::uint32_t t = 0;
    for (const auto& m : mentions_)
      if (m.possessive) t |= t_possessive;
    for (std::uint32_t k = s.first_token; k < s.last_token; ++k) {
      if (tok(k).kind == TokenKind::number) t |= t_number;
      const auto w = key(k);
      if (w.empty()) continue;
      switch (w[0]) {
        case 'a':
          if (w == "all") t |= t_all;
          else if (w == "acquired" || w == "acquires") t |= t_relative_verb;
          else if (w == "acquisition") t |= t_takeover;
          else if (w == "affiliate" || w == "affiliates" || w == "arm") t |= t_unit_noun;
          else if (w == "as") t |= t_including;
          break;
        case 'b':
          if (w == "bought" || w == "buys" || w == "backs" || w == "backed") t |= t_relative_verb;
          else if (w == "buyout") t |= t_takeover;
          else if (w == "backer" || w == "backers") t |= t_holder_noun | t_backers;
          else if (w == "business" || w == "businesses" || w == "brand" || w == "brands") t |= t_unit_noun;
          break;
        case 'c':
          if (w == "controls" || w == "controlled") t |= t_relative_verb;
          else if (w == "company" || w == "chain" || w == "chains") t |= t_unit_noun;
          break;
        case 'd':
          if (w == "division" || w == "divisions") t |= t_unit_noun;
          break;
        case 'f':
          if (w == "funds" || w == "funded") t |= t_relative_verb;
          break;
        case 'i':
          if (w == "including") t |= t_including;
          else if (w == "investor" || w == "investors") t |= t_holder_noun | t_unit_noun | t_backers;
          else if (w == "it") t |= t_stake;
          break;
        case 'j':
          if (w == "joint") t |= t_joint;
          break;
        case 'l':
          if (w == "label" || w == "labels") t |= t_unit_noun;
          break;
        case 'o':
          if (w == "owns" || w == "owned") t |= t_relative_verb;
          else if (w == "one") t |= t_one;
          else if (w == "owner") t |= t_holder_noun;
          break;
        case 'p':
          if (w == "purchased") t |= t_relative_verb;
          else if (w == "purchase") t |= t_takeover;
          else if (w == "parent") t |= t_holder_noun;
          break;
        case 'r':
          if (w == "round" || w == "rounds") t |= t_round;
          else if (w == "runs") t |= t_relative_verb;
          break;
        case 's':
          if (w == "sold" || w == "sells" || w == "sell" || w == "selling") t |= t_sell;
          else if (w == "shareholder" || w == "stakeholder" || w == "shareholders") t |= t_holder_noun | t_unit_noun | t_backers;
          else if (w == "stake" || w == "stakes") t |= t_stake;
          else if (w == "subsidiary" || w == "subsidiaries" || w == "studio" || w == "studios") t |= t_unit_noun;
          else if (w == "such") t |= t_including;
          break;
        case 't':
          if (w == "takeover") t |= t_takeover;
          break;
        case 'u':
          if (w == "unit" || w == "units") t |= t_unit_noun;
          break;
        case 'w':
          if (w == "whose") t |= t_whose;
          break;
        case '-':
          t |= t_hyphen;
          break;
        case '1':
          if (w == "100") t |= t_all;
          break;
        default:
          break;
      }
      t |= scanner_triggers(w);
    }
    return t;
  }

  void sentence(const Sentence& s) {
    ++sentence_no_;
    find_mentions(s);
    sentence_deal_ = -1;
    deal_back_reference(s);
    bool any = false;
    int arguments = 0;
    for (const auto& m : mentions_)
      if (m.type == MentionType::company || m.type == MentionType::candidate ||
          m.type == MentionType::descriptor || m.type == MentionType::pronoun || m.type == MentionType::product)
        ++arguments;
    // "The two groups are partners": a plural reference stands for two companies.
    // "The suit also names X as a defendant": the plaintiff is the last suit's.
    for (std::uint32_t k = s.first_token; arguments < 2 && !pairs_.empty() && k < s.last_token; ++k) {
      if (last_plaintiff_ >= 0 && key(k) == "defendant") ++arguments;
      if (key(k) != "both" && key(k) != "the") continue;
      int first = -1, second = -1;
      if (plural_pair(k, s.last_token, first, second)) arguments += 2;
    }
    any = arguments >= 2;
    if (any) {
      find_cues(s);
      drop_false_endings(s);
      if (debug_) dump(s);
      relations(s);
      // (the trigger pass reads only the tokens and this sentence's mentions, which the scanners
      // before it do not change)
      const std::uint32_t own = own_triggers(s);
      possessive_owners(s);
      in_which_stakes(s);
      if (own & t_sell) divestitures(s);
      pair_nouns(s);
      if (own & t_under) under_agreement(s);
      former_partner_objects(s);
      if (own & t_switch) switched_providers(s);
      named_deals(s);
      asset_sales(s);
      chosen_partners(s);
      if (own & t_legal) legal_actions(s);
      if (own & t_number) percent_holdings(s);  // a share is a number
      possessive_units(s);
      if (own & t_holding_noun) possessive_stakes(s);
      if (own & t_count) counts_among(s);
      if (own & t_passive_verb) possessive_passive_supply(s);
      if (own & (t_possessive | t_unit_noun)) unit_lists(s);
      if (own & t_whose) whose_units(s);
      if (own & t_relative_verb) object_relatives(s);
      if ((own & t_holder_noun) && (own & (t_possessive | t_whose))) possessive_copula(s);
      if (own & t_joint) joint_ventures(s);
      if (own & t_hyphen) hyphen_descriptions(s);
      if (own & t_round) funding_rounds(s);
      if ((own & t_stake) && sentence_subject_ >= 0) stake_in_it(s);
      if (own & t_unit_noun) name_unit_appositions(s);
      if (own & t_all) all_shares(s);
      if (own & t_one) one_of_units(s);
      if (own & t_sell) stake_sales(s);
      if (own & t_including) including_objects(s);
      if (own & t_backers) topic_backers(s);
      if (own & t_takeover) name_takeovers(s);
      // (its first half starts at a possessive name, its second at "rival" or "competitor")
      if (own & (t_possessive | t_rival)) customer_and_rival_appositions(s);
      if (own & t_order) ordered_goods(s);
      service_choices(s);
    } else {
      if (debug_) dump(s, false);
    }
    the_two(s, any);
    opening_deal(s, any);
    // the companies a later "the two companies" may mean
    {
      int pair[2] = {-1, -1}, count = 0;
      for (const auto& m : mentions_) {
        if (m.type != MentionType::company || m.reporter || m.company < 0 || m.company == pair[0] || m.company == pair[1])
          continue;
        if (count < 2) pair[count] = m.company;
        ++count;
      }
      if (count > 0) {
        recent_pair_count_ = count;
        recent_pair_[0] = pair[0], recent_pair_[1] = pair[1];
        recent_pair_age_ = 0;
      } else if (++recent_pair_age_ > 2) {
        recent_pair_count_ = 0;
      }
    }
    // the deal a following "The deal was called off" may end: this sentence's, or none when the
    // sentence moved on to other companies
    if (sentence_deal_ >= 0) previous_deal_ = sentence_deal_;
    else
      for (const auto& m : mentions_)
        if (is_company_like(m)) previous_deal_ = -1;
    if (!pairs_.empty()) unnamed_rivals(s);
    if (!any) first_subject_ = -1;
    // The grammatical subject (the company that opens the sentence) before the subject of the
    // first relation found: "Anthropic, founded by former OpenAI researchers, is one of OpenAI's
    // rivals" is about Anthropic.
    int subject = opening_apposition_subject(s);
    for (const auto& m : mentions_) {
      if (m.begin > subject_start_ + 2 || rule_off("opening-subject")) break;
      if (m.type == MentionType::company && m.company >= 0 && !m.reporter && !m.possessive) {
        subject = m.company;
        break;
      }
    }
    if (subject < 0) subject = first_subject_;
    if (subject < 0) {
      for (const auto& m : mentions_) {
        if (m.begin > subject_start_ + 2) break;
        if (m.type == MentionType::company && m.company >= 0 && !m.reporter) {
          subject = m.company;
          break;
        }
      }
    }
    if (subject >= 0) {
      last_subject_ = subject;
      auto& c = companies_[static_cast<std::size_t>(last_subject_)];
      ++c.subject_count;
      if (main_company_ < 0 || c.subject_count > companies_[static_cast<std::size_t>(main_company_)].subject_count)
        main_company_ = last_subject_;
    }
  }

  // CORPGRAPH_DEBUG=1 shows what the extractor saw in each sentence, on stderr.
  // Sentences with fewer than two arguments are shown too (without cues), so that a script can
  // tell which companies of a document were found at all.
  void dump(const Sentence& s, bool with_cues = true) const {
    static const char* types[] = {"company", "candidate", "blocker", "transparent", "product", "pronoun", "descriptor"};
    std::fprintf(stderr, "S[%u,%u) doc %s\n", s.first_token, s.last_token, article_.doc.id.c_str());
    if (s.last_token > s.first_token) {
      const auto text = raw(s.first_token, s.last_token);
      std::fprintf(stderr, "  text %.*s\n", static_cast<int>(text.size()), text.data());
    }
    for (const auto& m : mentions_)
      std::fprintf(stderr, "  mention %u-%u next %u %s company=%d %s%s '%.*s'\n", m.begin, m.end, m.next,
                   types[static_cast<int>(m.type)], m.company,
                   m.company >= 0 && m.type != MentionType::product ? companies_[static_cast<std::size_t>(m.company)].name.c_str() : "",
                   m.possessive ? " poss" : "", static_cast<int>(raw(m.begin, m.end).size()), raw(m.begin, m.end).data());
    if (!with_cues) return;
    for (const auto& c : cues_)
      std::fprintf(stderr, "  cue %u-%u %.*s\n", c.begin, c.end, static_cast<int>(lex_.cue(c.cue).rule.size()), lex_.cue(c.cue).rule.data());
    for (const auto& m : modifiers_) std::fprintf(stderr, "  modifier %u kind %d '%.*s'\n", m.at, static_cast<int>(m.modifier), static_cast<int>(key(m.at).size()), key(m.at).data());
  }
  bool debug_ = std::getenv("CORPGRAPH_DEBUG") != nullptr;
  // The rules ask on every token and the variable is almost never set: the test that it is not
  // stays small enough to inline, the lookup is out of line.
  bool rule_off(std::string_view rule) const { return !disabled_rules_.empty() && rule_listed(rule); }
  bool rule_listed(std::string_view rule) const {
    return disabled_rules_.find("," + std::string(rule) + ",") != std::string::npos;
  }
  // CORPGRAPH_DISABLE_CUES=phrase|phrase does the same for single cue phrases (token keys).
  std::string disabled_cues_ = [] {
    const char* v = std::getenv("CORPGRAPH_DISABLE_CUES");
    return v ? "|" + std::string(v) + "|" : std::string();
  }();
  // CORPGRAPH_DISABLE_RULES=a,b switches rules off, to measure what each one contributes.
  std::string disabled_rules_ = [] {
    const char* v = std::getenv("CORPGRAPH_DISABLE_RULES");
    return v ? "," + std::string(v) + "," : std::string();
  }();

  struct PairCount {
    int a, b;
    int count;
    std::uint32_t last;
  };
  // The run's lists of mentions, cues and the like live in buffers of the thread, emptied for
  // each document: made anew, each grew from nothing, allocating several times per article.
  struct RunBuffers {
    std::vector<std::uint32_t> descriptor_lexicon_ids;
    std::vector<int> used_objects;
    std::vector<PairCount> pairs;
    std::vector<std::size_t> superseded;
    std::vector<Mention> mentions;
    std::vector<std::string_view> person_surnames;
    std::vector<CueAt> cues;
    std::vector<ModifierAt> modifiers;
    std::vector<int> rel_source, rel_target;
    // The document's name maps: cleared, not freed, between documents, so their buckets are not
    // allocated and grown again for every document. Only looked up, never walked, so the buckets
    // kept from an earlier document change no output.
    std::unordered_map<std::string, int> by_key, short_forms;
    std::unordered_map<std::uint32_t, int> by_lexicon;
    std::unordered_map<std::uint64_t, std::size_t> seen;  // likewise

    void clear() {
      seen.clear();
      by_key.clear();
      short_forms.clear();
      by_lexicon.clear();
      descriptor_lexicon_ids.clear();
      used_objects.clear();
      pairs.clear();
      superseded.clear();
      mentions.clear();
      person_surnames.clear();
      cues.clear();
      modifiers.clear();
      rel_source.clear();
      rel_target.clear();
    }
  };
  static RunBuffers& run_buffers() {
    thread_local RunBuffers buffers;
    return buffers;
  }

  const Lexicon& lex_;
  const Article& article_;
  const std::string& text_;
  TokenizedText& t_;
  double min_confidence_;

  std::vector<DocCompany> companies_;
  std::unordered_map<std::string, int>& by_key_ = run_buffers().by_key;
  std::unordered_map<std::string, int>& short_forms_ = run_buffers().short_forms;
  // One buffer for the keys the maps above are asked about: a lookup reuses its capacity
  // instead of allocating a string per name.
  std::string lookup_key_;
  std::unordered_map<std::uint32_t, int>& by_lexicon_ = run_buffers().by_lexicon;
  std::vector<std::uint32_t>& descriptor_lexicon_ids_ = run_buffers().descriptor_lexicon_ids;
  std::string sector_buffer_;
  std::uint32_t clock_ = 0;
  std::uint32_t sentence_no_ = 0;
  int last_subject_ = -1;
  int main_company_ = -1;  // the company most often the subject so far: the article's own
  int first_subject_ = -1;
  int sentence_subject_ = -1;
  std::uint32_t sentence_first_ = 0;
  std::uint32_t sentence_start_ = 0;  // first token of the sentence whose mentions are found
  std::uint32_t subject_start_ = 0;   // the token after its dateline, if any
  std::vector<int>& used_objects_ = run_buffers().used_objects;
  // How often each pair of companies was related so far in the document: "both companies" refers
  // back to the pair the article is about.
  std::vector<PairCount>& pairs_ = run_buffers().pairs;
  int last_plaintiff_ = -1;  // "the suit also names X as a defendant"
  bool intro_ = false;
  int recent_pair_[2] = {-1, -1};  // the companies of the last sentence that named any
  int recent_pair_count_ = 0;       // ... how many it named
  int recent_pair_age_ = 0;         // sentences since
  int sentence_deal_ = -1;   // the last deal edge (partners, acquired, invests-in) of this sentence
  int previous_deal_ = -1;   // ... of the sentence before
  std::vector<std::size_t>& superseded_ = run_buffers().superseded;  // deal edges a later sentence ended

  std::vector<Mention>& mentions_ = run_buffers().mentions;
  std::vector<std::string_view>& person_surnames_ = run_buffers().person_surnames;  // last words of people's names (token keys)
  // Where t_.key(k) is, for every token: 8 bytes a token, so that a document's keys are dense.
  struct KeySpan {
    std::uint32_t begin;
    std::uint32_t size;
  };
  // The token words and keys live in buffers of the thread, reused from document to document (a
  // run's vectors would be allocated and zero-filled for every article).
  struct WordBuffers {
    std::vector<const WordInfo*> infos;
    std::vector<WordInfo> copies;
    std::vector<KeySpan> keys;
  };
  static WordBuffers& word_buffers() {
    thread_local WordBuffers buffers;
    return buffers;
  }
  std::vector<const WordInfo*>& infos_ = word_buffers().infos;
  std::vector<WordInfo>& word_copies_ = word_buffers().copies;  // what infos_ points at
  const Token* toks_ = nullptr;  // t_.tokens.data() once tokenised
  const KeySpan* token_keys_ = nullptr;
  const char* keys_ = nullptr;  // t_.keys.data()
  std::vector<CueAt>& cues_ = run_buffers().cues;
  std::vector<ModifierAt>& modifiers_ = run_buffers().modifiers;

  std::vector<Relation> relations_;
  std::vector<int>& rel_source_ = run_buffers().rel_source;
  std::vector<int>& rel_target_ = run_buffers().rel_target;
  std::unordered_map<std::uint64_t, std::size_t>& seen_ = run_buffers().seen;
};

std::string read_lexicon_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorKind::io, SourceLocation{path, 0, 0}, "cannot open the lexicon file");
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

Extractor::Extractor(ExtractOptions options) : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
  for (const auto* file : detail::embedded_files()) {
    const std::string name(file->name);
    if (name.find("non_companies") != std::string::npos) impl_->lexicon.add_non_companies(file->text(), name);
    else impl_->lexicon.add_companies(file->text(), name);
  }
  for (const auto& path : impl_->options.lexicon_files) {
    const auto text = read_lexicon_file(path);
    if (path.find("non_companies") != std::string::npos) impl_->lexicon.add_non_companies(text, path);
    else impl_->lexicon.add_companies(text, path);
  }
}
Extractor::~Extractor() = default;
Extractor::Extractor(Extractor&&) noexcept = default;
Extractor& Extractor::operator=(Extractor&&) noexcept = default;

std::vector<Relation> Extractor::extract(const Article& article) const {
  if (article.text.size() >= (1ull << 32) - 1)
    throw Error(ErrorKind::limit, SourceLocation{article.doc.id, 0, 0},
                "a document of 4 GiB or more cannot be extracted");
  thread_local TokenizedText scratch;
  DocumentRun run(impl_->lexicon, article, scratch, impl_->options.min_confidence);
  return run.run();
}

}  // namespace corpgraph
