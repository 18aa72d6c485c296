// The extractor's dictionaries: companies and non-companies (from the TSV files), and the grammar
// words and phrases (cues of relations, modifiers of status), all keyed by token keys so that one
// hash lookup per token tells the matcher everything it needs.
#pragma once

#include <corpgraph/model.hpp>
#include <corpgraph/text.hpp>

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
  std::string key;  // phrase_key(name), kept so that documents need not tokenise it again
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
  // For every token of t, word(t.key(k)) copied into copies[k], and out[k] pointing at that copy
  // (nullptr when the word is unknown); both are grown to the token count, never shrunk. The table slots of later tokens are fetched ahead, and the
  // rules, which read a token's word many times, read a dense array instead of a big table.
  void words(const TokenizedText& t, std::vector<WordInfo>& copies, std::vector<const WordInfo*>& out) const;
  // (in the header, so that the rules' loops over n-grams inline the lookups)
  [[nodiscard]] const std::vector<LexHit>* phrase(std::string_view key) const { return phrases_.find(key); }
  [[nodiscard]] const std::vector<GrammarHit>* grammar(std::string_view key) const { return grammar_.find(key); }
  [[nodiscard]] const Cue& cue(std::uint16_t index) const { return cues_[index]; }
  [[nodiscard]] const std::vector<GappedCue>& gapped() const { return gapped_; }
  // The indexes into gapped() of the cues that head may start, in gapped() order (nullptr for
  // none): one lookup instead of a search through every cue's heads.
  [[nodiscard]] const std::vector<std::uint16_t>* gapped_for(std::string_view head) const {
    return gapped_by_head_.find(head);
  }
  [[nodiscard]] const LexCompany& company(std::uint32_t id) const { return companies_[id]; }
  [[nodiscard]] std::size_t company_count() const noexcept { return companies_.size(); }
  // Whether a company's sector fits a sector group (1-based index of WordInfo::sector).
  [[nodiscard]] static bool sector_fits(std::uint8_t group, std::string_view sector);

 private:
  // In the header, so that the lookups inline it: it runs once a token.
  static std::uint64_t hash(std::string_view s) noexcept {
    // FNV-1a over 8-byte words keeps the per-token lookup cheap.
    std::uint64_t h = 1469598103934665603ull ^ s.size();
    std::size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
      std::uint64_t w;
      __builtin_memcpy(&w, s.data() + i, 8);
      h = (h ^ w) * 1099511628211ull;
      h ^= h >> 29;
    }
    // The tail (most words are shorter than 8 bytes) as one word, read with at most two loads
    // (overlapping when short): one multiply, not one a byte. The length is in h already.
    const std::size_t left = s.size() - i;
    const char* p = s.data() + i;
    std::uint64_t tail = 0;
    if (left >= 4) {
      std::uint32_t lo, hi;
      __builtin_memcpy(&lo, p, 4);
      __builtin_memcpy(&hi, p + left - 4, 4);
      tail = lo | (std::uint64_t{hi} << 32);
    } else if (left > 0) {
      tail = std::uint64_t{static_cast<unsigned char>(p[0])} |
             (std::uint64_t{static_cast<unsigned char>(p[left / 2])} << 8) |
             (std::uint64_t{static_cast<unsigned char>(p[left - 1])} << 16);
    }
    h = (h ^ tail) * 1099511628211ull;
    h ^= h >> 32;
    h *= 0x9E3779B97F4A7C15ull;  // spread the bits the mask keeps
    return h ^ (h >> 29);
  }

  // Open addressing with linear probing: a lookup is one hash and, mostly, one slot, where
  // std::unordered_map chases a node per probe. Built once, read by every thread.
  template <typename V>
  class Map {
   public:
    V* find(std::string_view key) noexcept {
      return const_cast<V*>(static_cast<const Map*>(this)->find(key));
    }
    const V* find(std::string_view key) const noexcept { return find(key, hash(key)); }
    // With the key's hash already known (h == hash(key)). Inlined: it is the per-token lookup.
    __attribute__((always_inline)) const V* find(std::string_view key, std::uint64_t h) const noexcept {
      if (slots_.empty()) return nullptr;
      const std::uint32_t t = tag(h);
      for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
        const std::uint32_t at = tags_[i];
        if (at == 0) return nullptr;
        if (at != t) continue;
        const Slot& slot = slots_[i];
        if (slot.hash == h && same_key(slot.key, key)) return &slot.value;
      }
    }
    // The first slot a key of hash h is looked for in (nullptr when the map is empty), for the
    // caller to prefetch: the tables are bigger than the caches, so lookups issued ahead overlap
    // their misses. (A member that only prefetched would look free of effects to the optimiser,
    // which then drops the call.)
    const void* first_slot(std::uint64_t h) const noexcept {
      return tags_.empty() ? nullptr : tags_.data() + (h & mask_);
    }
    // The value for key, default-constructed when new; second is true when it was inserted.
    std::pair<V*, bool> insert(std::string_view key) {
      if ((count_ + 1) * 2 > slots_.size()) grow();
      const std::uint64_t h = hash(key);
      for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
        Slot& slot = slots_[i];
        if (!slot.used) {
          slot.used = true;
          tags_[i] = tag(h);
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
    // What a probe reads (hash, used, key) comes first.
    struct Slot {
      std::uint64_t hash = 0;
      bool used = false;
      std::string key;
      V value{};
    };
    // Equal bytes, after equal 64-bit hashes (so nearly always true): inline loads instead of a
    // call to memcmp; keys are mostly shorter than 16 bytes.
    static bool same_key(const std::string& a, std::string_view b) noexcept {
      const std::size_t n = a.size();
      if (n != b.size()) return false;
      const char* x = a.data();
      const char* y = b.data();
      if (n >= 8) {
        std::uint64_t u, v;
        for (std::size_t i = 0; i + 8 < n; i += 8) {
          __builtin_memcpy(&u, x + i, 8);
          __builtin_memcpy(&v, y + i, 8);
          if (u != v) return false;
        }
        __builtin_memcpy(&u, x + n - 8, 8);
        __builtin_memcpy(&v, y + n - 8, 8);
        return u == v;
      }
      if (n >= 4) {
        std::uint32_t u1, v1, u2, v2;
        __builtin_memcpy(&u1, x, 4);
        __builtin_memcpy(&v1, y, 4);
        __builtin_memcpy(&u2, x + n - 4, 4);
        __builtin_memcpy(&v2, y + n - 4, 4);
        return u1 == v1 && u2 == v2;
      }
      return n == 0 || (x[0] == y[0] && x[n / 2] == y[n / 2] && x[n - 1] == y[n - 1]);
    }
    void grow() {
      std::vector<Slot> old = std::move(slots_);
      slots_.clear();
      slots_.resize(old.empty() ? 64 : old.size() * 2);
      tags_.assign(slots_.size(), 0);
      mask_ = slots_.size() - 1;
      count_ = 0;
      for (auto& slot : old)
        if (slot.used) {
          auto [value, inserted] = insert(slot.key);
          *value = std::move(slot.value);
        }
    }
    // Per slot, 0 when it is empty, else tag(its hash): probes read this array, 16 times
    // smaller than the slots, so it stays in the cache and a word that is in no table (most
    // words of a text) costs no miss; a slot is read only when its tag matches.
    static std::uint32_t tag(std::uint64_t h) noexcept { return static_cast<std::uint32_t>(h >> 32) | 1u; }
    std::vector<std::uint32_t> tags_;
    std::vector<Slot> slots_;
    std::size_t mask_ = 0;
    std::size_t count_ = 0;
  };

  void add_phrase(std::string_view phrase, LexHit hit);
  // The phrase without its trailing legal words, or empty when fewer than two words would remain.
  [[nodiscard]] std::string_view without_legal_words(std::string_view phrase) const;
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
  Map<std::vector<std::uint16_t>> gapped_by_head_;
};

}  // namespace corpgraph::detail
