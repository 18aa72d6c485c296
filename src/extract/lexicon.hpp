// The extractor's dictionaries: companies and non-companies (from the TSV files), and the grammar
// words and phrases (cues of relations, modifiers of status), all keyed by token keys so that one
// hash lookup per token tells the matcher everything it needs.
#pragma once

#include <corpgraph/model.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace corpgraph::detail {

enum class NonCompany : std::uint8_t {
  none, regulator, government, exchange, place, university, ranking, media_reporter, product,
  time, word, person
};

struct LexCompany {
  std::string name;
  CompanyKind kind = CompanyKind::company;
  std::string sector;
  std::string country;
  std::string descriptor_words;  // " word word ... " of its descriptor phrases (token keys)
};

enum class HitKind : std::uint8_t { name, alias, ticker, product, descriptor, non_company };

struct LexHit {
  HitKind kind = HitKind::name;
  NonCompany type = NonCompany::none;
  bool upper_first = false;  // the phrase starts with a capital: the text must too
  bool lower_first = false;  // it starts lower case ("eBay"): the text must match exactly
  std::uint32_t company = 0;
  std::uint8_t tokens = 0;
};

// Cue flags: how a cue's arguments are found.
inline constexpr std::uint16_t cue_tight = 1;         // "TikTok owner ByteDance": both adjacent
inline constexpr std::uint16_t cue_noun = 2;          // "takeover of Y by X": "by" swaps
inline constexpr std::uint16_t cue_poss_object = 4;   // "uses OpenAI's models": object possessive
inline constexpr std::uint16_t cue_wide = 8;          // "rivals such as ...": object may be far
inline constexpr std::uint16_t cue_direct = 16;       // object right after the cue (verbs)
inline constexpr std::uint16_t cue_no_subject = 32;   // "between X and Y": no subject on the left

struct Cue {
  Label label = Label::partners;
  Status status = Status::current;
  bool reversed = false;  // the object on the right is the source
  std::uint16_t flags = 0;
  float confidence = 0.8f;
  std::string_view rule;
};

enum class Modifier : std::uint8_t { negation, ended, pending, completed, talks, stop };

struct GrammarHit {
  bool is_cue = false;
  std::uint16_t cue = 0;
  Modifier modifier = Modifier::stop;
  std::uint8_t tokens = 0;
};

// Word flags.
inline constexpr std::uint32_t w_stop_cap = 1u << 0;     // capitalised, never starts a name
inline constexpr std::uint32_t w_legal = 1u << 1;        // legal suffix, dropped from names
inline constexpr std::uint32_t w_corp_word = 1u << 2;    // "Technologies": ends company names
inline constexpr std::uint32_t w_desc_noun = 1u << 3;    // "startup", "chipmaker": introduces one
inline constexpr std::uint32_t w_pronoun = 1u << 4;      // it, its
inline constexpr std::uint32_t w_generic = 1u << 5;      // company, firm, group: "the company"
inline constexpr std::uint32_t w_title = 1u << 6;        // Mr, CEO, analyst: a person follows
inline constexpr std::uint32_t w_first_name = 1u << 7;   // a common first name
inline constexpr std::uint32_t w_nationality = 1u << 8;  // German, Chinese
inline constexpr std::uint32_t w_say = 1u << 9;          // said, told: a person precedes
inline constexpr std::uint32_t w_list = 1u << 10;        // and, or, ',', including: lists go on
inline constexpr std::uint32_t w_prep = 1u << 11;        // from, for, of ...: ends direct objects
inline constexpr std::uint32_t w_name_link = 1u << 12;   // "&", "of", "de": inside names
inline constexpr std::uint32_t w_based = 1u << 13;       // "based", "headquartered"
inline constexpr std::uint32_t w_gap_head = 1u << 14;
inline constexpr std::uint32_t w_company_start = 1u << 15;  // starts a company name or alias
inline constexpr std::uint32_t w_lex_lower = 1u << 16;  // a lexicon phrase may start in lower case    // starts a cue with a gap: "invest * in"

struct WordInfo {
  std::uint32_t flags = 0;
  std::uint8_t lex_tokens = 0;      // longest lexicon phrase starting with this word
  std::uint8_t grammar_tokens = 0;  // longest grammar phrase starting with this word
  std::uint8_t sector = 0;          // index into sector_groups + 1 (0: none)
  char country[3] = {0, 0, 0};      // for nationality words
};

// A cue whose words may stand apart: "invest up to $5.8 billion in", "supplies battery cells to".
struct GappedCue {
  std::vector<std::string> heads;
  std::vector<std::string> tails;
  std::uint8_t max_gap = 6;
  std::uint16_t cue = 0;
};

class Lexicon {
 public:
  Lexicon();
  // Parses one file; errors name file:line.
  void add_companies(std::string_view text, const std::string& file);
  void add_non_companies(std::string_view text, const std::string& file);

  [[nodiscard]] const WordInfo* word(std::string_view key) const;
  [[nodiscard]] const std::vector<LexHit>* phrase(std::string_view key) const;
  [[nodiscard]] const std::vector<GrammarHit>* grammar(std::string_view key) const;
  [[nodiscard]] const Cue& cue(std::uint16_t index) const { return cues_[index]; }
  [[nodiscard]] const std::vector<GappedCue>& gapped() const { return gapped_; }
  [[nodiscard]] const LexCompany& company(std::uint32_t id) const { return companies_[id]; }
  [[nodiscard]] std::size_t company_count() const noexcept { return companies_.size(); }
  // Whether a company's sector fits a sector group (1-based index of WordInfo::sector).
  [[nodiscard]] static bool sector_fits(std::uint8_t group, std::string_view sector);

 private:
  static std::uint64_t hash(std::string_view s) noexcept;

  // Open addressing with linear probing: a lookup is one hash and, mostly, one slot, where
  // std::unordered_map chases a node per probe. Built once, read by every thread.
  template <typename V>
  class Map {
   public:
    V* find(std::string_view key) noexcept {
      return const_cast<V*>(static_cast<const Map*>(this)->find(key));
    }
    const V* find(std::string_view key) const noexcept {
      if (slots_.empty()) return nullptr;
      const std::uint64_t h = hash(key);
      for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
        const Slot& slot = slots_[i];
        if (!slot.used) return nullptr;
        if (slot.hash == h && slot.key == key) return &slot.value;
      }
    }
    // The value for key, default-constructed when new; second is true when it was inserted.
    std::pair<V*, bool> insert(std::string_view key) {
      if ((count_ + 1) * 2 > slots_.size()) grow();
      const std::uint64_t h = hash(key);
      for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
        Slot& slot = slots_[i];
        if (!slot.used) {
          slot.used = true;
          slot.hash = h;
          slot.key = std::string(key);
          ++count_;
          return {&slot.value, true};
        }
        if (slot.hash == h && slot.key == key) return {&slot.value, false};
      }
    }
    V& operator[](std::string_view key) { return *insert(key).first; }

   private:
    struct Slot {
      std::uint64_t hash = 0;
      std::string key;
      V value{};
      bool used = false;
    };
    void grow() {
      std::vector<Slot> old = std::move(slots_);
      slots_.clear();
      slots_.resize(old.empty() ? 64 : old.size() * 2);
      mask_ = slots_.size() - 1;
      count_ = 0;
      for (auto& slot : old)
        if (slot.used) {
          auto [value, inserted] = insert(slot.key);
          *value = std::move(slot.value);
        }
    }
    std::vector<Slot> slots_;
    std::size_t mask_ = 0;
    std::size_t count_ = 0;
  };

  void add_phrase(std::string_view phrase, LexHit hit);
  void add_grammar(std::string_view phrases, GrammarHit hit);
  WordInfo& word_slot(std::string_view key);
  void load_grammar();

  std::vector<LexCompany> companies_;
  Map<std::uint32_t> company_index_;  // canonical key -> id, merging duplicate lines
  Map<WordInfo> words_;
  Map<std::vector<LexHit>> phrases_;
  Map<std::vector<GrammarHit>> grammar_;
  std::vector<Cue> cues_;
  std::vector<GappedCue> gapped_;
};

}  // namespace corpgraph::detail
