#include "utf8.hpp"

#include <corpgraph/text.hpp>

#include <algorithm>
#include <array>
#include <cstring>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace corpgraph {

namespace {

enum class CharClass : std::uint8_t { space, newline, alnum, other };

constexpr std::array<CharClass, 128> make_ascii_classes() {
  std::array<CharClass, 128> table{};
  for (std::size_t c = 0; c < 128; ++c) {
    if (c == '\n') table[c] = CharClass::newline;
    else if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' || c < 32)
      table[c] = CharClass::space;
    else if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
      table[c] = CharClass::alnum;
    else table[c] = CharClass::other;
  }
  return table;
}
constexpr auto ascii_classes = make_ascii_classes();

// Per byte, for the inner loop of words: 0 unless an ASCII letter or digit; else 1, | 2 for a
// letter, | 4 for a lower-case one. One table load instead of a class test and two range tests.
constexpr std::uint8_t word_alnum = 1, word_letter = 2, word_lower = 4;
constexpr std::array<std::uint8_t, 256> make_word_bytes() {
  std::array<std::uint8_t, 256> table{};
  for (std::size_t c = '0'; c <= '9'; ++c) table[c] = word_alnum;
  for (std::size_t c = 'A'; c <= 'Z'; ++c) table[c] = word_alnum | word_letter;
  for (std::size_t c = 'a'; c <= 'z'; ++c) table[c] = word_alnum | word_letter | word_lower;
  return table;
}
constexpr auto word_bytes = make_word_bytes();
// Per byte: its key form (lower case) when an ASCII letter or digit, else 0, so the inner loop of
// words is one load, one test and one store a byte.
constexpr std::array<char, 256> make_word_keys() {
  std::array<char, 256> table{};
  for (std::size_t c = 0; c < 256; ++c)
    if (word_bytes[c]) table[c] = static_cast<char>((word_bytes[c] & word_letter) ? (c | 0x20) : c);
  return table;
}
constexpr auto word_keys = make_word_keys();

bool is_upper(char c) noexcept { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) noexcept { return c >= 'a' && c <= 'z'; }
bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
char lower(char c) noexcept { return is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

// One code point of the text, classified for tokenising.
struct Unit {
  CharClass cls;
  char ascii;  // its ASCII form when it has one (typographic quotes and dashes too), else 0
  std::uint8_t length;
};

Unit unit_at(std::string_view text, std::size_t i) noexcept {
  const auto b = static_cast<unsigned char>(text[i]);
  if (b < 0x80) return {ascii_classes[b], static_cast<char>(b), 1};
  const auto d = detail::decode_utf8(text, i);
  if (!d.valid) return {CharClass::space, 0, 1};  // invalid bytes separate tokens, never join them
  const char a = detail::ascii_form(d.cp);
  if (a == ' ') return {CharClass::space, ' ', d.length};
  if (a != 0) return {CharClass::other, a, d.length};
  if (d.cp == 0x2026) return {CharClass::other, '.', d.length};  // … counts as an ellipsis
  if (d.cp == 0x2028 || d.cp == 0x2029 || d.cp == 0x85) return {CharClass::newline, '\n', d.length};
  // Other symbols and punctuation of the general punctuation block end words; letters join them.
  if ((d.cp >= 0x2000 && d.cp <= 0x206F) || (d.cp >= 0xA1 && d.cp <= 0xBF) || d.cp == 0xD7 ||
      d.cp == 0xF7 || (d.cp >= 0x3000 && d.cp <= 0x303F) || (d.cp >= 0xFF00 && d.cp <= 0xFF0F))
    return {CharClass::other, 0, d.length};
  return {CharClass::alnum, 0, d.length};
}

bool is_abbreviation(std::string_view key) {
  static constexpr std::array<std::string_view, 52> abbreviations{
      "inc", "corp", "co", "ltd", "llc", "bros", "mr", "mrs", "ms", "dr", "prof", "st", "jr",
      "sr", "no", "nos", "vs", "v", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
      "sept", "oct", "nov", "dec", "etc", "e.g", "i.e", "gen", "gov", "sen", "rep", "col",
      "lt", "capt", "sgt", "ave", "dept", "est", "approx", "fig", "mt", "ft", "plc", "cos",
      "op", "pres"};
  if (key.size() == 1) return true;  // an initial: "J. Smith"
  if (key.find('.') != std::string_view::npos) return true;  // "U.S.", "J.P."
  return std::find(abbreviations.begin(), abbreviations.end(), key) != abbreviations.end();
}

// Whether text starts with a word such as "owned" or "based" that, after a hyphen, says how the
// word before it relates to what follows.
bool is_relation_suffix(std::string_view text) {
  static constexpr std::array<std::string_view, 13> suffixes{
      "based", "owned", "backed", "led", "funded", "controlled", "listed", "headquartered",
      "made", "focused", "run", "affiliated", "linked"};
  for (auto s : suffixes) {
    if (text.size() < s.size()) continue;
    bool same = true;
    for (std::size_t k = 0; k < s.size() && same; ++k) same = lower(text[k]) == s[k];
    if (!same) continue;
    if (text.size() == s.size()) return true;
    const auto c = static_cast<unsigned char>(text[s.size()]);
    if (c >= 0x80 || ascii_classes[c] != CharClass::alnum) return true;
  }
  return false;
}

}  // namespace

void tokenize(std::string_view text, TokenizedText& out) {
  out.sentences.clear();
  const std::size_t n = text.size();
  std::size_t token_count = 0;  // out.tokens[0, token_count) are this text's
  // A key byte always comes from at least one text byte and every token has one, so n bytes of
  // keys and n separators are enough: keys are written through a pointer, without the size check
  // of a push_back per character.
  // and room for one 16-byte store past the last key. Grown, never cleared or cut: growing a
  // string zero-fills it, which for a thread's buffer reused from text to text would be a pass
  // over twice the text's bytes per text.
  if (out.keys.size() < 2 * n + 32) out.keys.resize(2 * n + 32);
  char* const key_base = out.keys.data();
  char* kp = key_base;
  auto key_at = [&] { return static_cast<std::size_t>(kp - key_base); };

  // The token buffer's start and size in locals: the keys are stored through a char pointer,
  // which may alias anything, so fields of out would be read again after every key byte.
  Token* token_base = out.tokens.data();
  std::size_t token_room = out.tokens.size();

  std::uint8_t pending_flags = 0;
  int newlines = 0;
  std::size_t i = 0;
  // Inlined: it runs once a token, from five places.
  auto push = [&](std::size_t begin, std::size_t end, std::size_t key_begin, TokenKind kind,
                  std::uint8_t flags) __attribute__((always_inline)) {
    static constexpr std::uint8_t line_flags[3] = {
        0, token_newline_before, token_blank_line_before | token_newline_before};
    Token t;
    t.begin = static_cast<std::uint32_t>(begin);
    t.end = static_cast<std::uint32_t>(end);
    t.key_begin = static_cast<std::uint32_t>(key_begin);
    t.key_end = static_cast<std::uint32_t>(key_at());
    *kp++ = ' ';  // keys of consecutive tokens read as a phrase key
    t.kind = kind;
    t.flags = static_cast<std::uint8_t>(flags | pending_flags | line_flags[newlines < 2 ? newlines : 2]);
    // Written in place: the buffer grows by half when full (zero-filling only the new part,
    // so a thread's buffer costs little once it has grown), and is cut to size at the end.
    if (token_count == token_room) {
      out.tokens.resize(token_count + token_count / 2 + 256);
      token_base = out.tokens.data();
      token_room = out.tokens.size();
    }
    token_base[token_count++] = t;
    pending_flags = 0;
    newlines = 0;
  };

  while (i < n) {
    const auto b = static_cast<unsigned char>(text[i]);
    // Fast path for ASCII separators.
    if (b < 0x80) {
      const CharClass c = ascii_classes[b];
      if (c == CharClass::space) {
        pending_flags |= token_space_before;
        ++i;
        continue;
      }
      if (c == CharClass::newline) {
        pending_flags |= token_space_before;
        ++newlines;
        ++i;
        continue;
      }
    }
    const Unit u = b < 0x80 ? Unit{ascii_classes[b], static_cast<char>(b), 1} : unit_at(text, i);
    if (u.cls == CharClass::space) {
      pending_flags |= token_space_before;
      i += u.length;
      continue;
    }
    if (u.cls == CharClass::newline) {
      pending_flags |= token_space_before;
      ++newlines;
      i += u.length;
      continue;
    }
    const std::size_t begin = i;
    const std::size_t key_begin = key_at();
    if (u.cls == CharClass::other) {
      // Possessive: 's / ’s not followed by a letter.
      if (u.ascii == '\'' && i + u.length < n && (text[i + u.length] == 's' || text[i + u.length] == 'S')) {
        const std::size_t after = i + u.length + 1;
        if (after >= n || unit_at(text, after).cls != CharClass::alnum) {
          *kp++ = '\'';
          *kp++ = 's';
          push(begin, after, key_begin, TokenKind::punct, 0);
          i = after;
          continue;
        }
      }
      if (u.ascii == '.' && u.length == 1 && i + 2 < n && text[i + 1] == '.' && text[i + 2] == '.') {
        std::size_t end = i;
        while (end < n && text[end] == '.') ++end;
        *kp++ = '.', *kp++ = '.', *kp++ = '.';
        push(begin, end, key_begin, TokenKind::punct, 0);
        i = end;
        continue;
      }
      if (u.ascii == '.' && u.length == 3) *kp++ = '.', *kp++ = '.', *kp++ = '.';  // "…" is an ellipsis
      else if (u.ascii != 0) *kp++ = u.ascii;
      else std::memcpy(kp, text.data() + i, u.length), kp += u.length;
      i += u.length;
      push(begin, i, key_begin, TokenKind::punct, 0);
      continue;
    }
    // A word or number: alnum runs joined by - . & ' and (inside numbers) ','.
    const bool number = b < 0x80 && is_digit(static_cast<char>(b));
    std::uint8_t flags = 0;
    if (b < 0x80 && is_upper(static_cast<char>(b))) flags |= token_capitalised;
    while (i < n) {
      const auto c = static_cast<unsigned char>(text[i]);
      if (word_keys[c]) {
        // A run of ASCII letters and digits, the common case.
        bool run_ended = false;  // the run's end is found (the byte at i is no ASCII letter or digit)
#ifdef __SSE2__
        // Sixteen bytes at a time: the run's length from a compare mask, its key (letters with
        // 0x20 set) stored whole; bytes past the run are overwritten by what comes next.
        while (i + 16 <= n) {
          const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
          const __m128i folded = _mm_or_si128(v, _mm_set1_epi8(0x20));
          const __m128i letter = _mm_and_si128(_mm_cmpgt_epi8(folded, _mm_set1_epi8('a' - 1)),
                                               _mm_cmplt_epi8(folded, _mm_set1_epi8('z' + 1)));
          const __m128i digit = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('0' - 1)),
                                              _mm_cmplt_epi8(v, _mm_set1_epi8('9' + 1)));
          const auto alnum = static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(letter, digit)));
          const auto length = static_cast<std::size_t>(__builtin_ctz(~alnum | 0x10000u));
          _mm_storeu_si128(reinterpret_cast<__m128i*>(kp),
                           _mm_or_si128(v, _mm_and_si128(letter, _mm_set1_epi8(0x20))));
          kp += length;
          i += length;
          if (length < 16) {
            run_ended = true;
            break;
          }
        }
#endif
        while (!run_ended && i < n) {
          const char lowered = word_keys[static_cast<unsigned char>(text[i])];
          if (!lowered) break;
          *kp++ = lowered;
          ++i;
        }
        continue;
      }
      const Unit v = c < 0x80 ? Unit{ascii_classes[c], static_cast<char>(c), 1} : unit_at(text, i);
      if (v.cls == CharClass::alnum) {
        std::memcpy(kp, text.data() + i, v.length);
        kp += v.length;
        i += v.length;
        continue;
      }
      if (v.cls != CharClass::other) break;
      const std::size_t next = i + v.length;
      if (next >= n) break;
      const Unit w = unit_at(text, next);
      if (w.cls != CharClass::alnum) break;
      const char a = v.ascii;
      if (a == '-') {
        // "Google-owned", "Boston-based": the suffix is a word of its own, so the name before it
        // can still be matched.
        if (is_relation_suffix(text.substr(next, 16))) break;
        i = next;  // dropped from the key: "e-commerce" matches "ecommerce"
        continue;
      }
      if (a == '.' || a == '&' || (a == ',' && number && is_digit(text[next]))) {
        *kp++ = a;
        i = next;
        continue;
      }
      if (a == '\'') {
        // "'s" at a word end is a possessive token of its own.
        if ((text[next] == 's' || text[next] == 'S') &&
            (next + 1 >= n || unit_at(text, next + 1).cls != CharClass::alnum))
          break;
        *kp++ = '\'';
        i = next;
        continue;
      }
      break;
    }
    if (flags & token_capitalised) {
      // All caps: two or more ASCII letters, none lower case. Every byte of the word that is not
      // in one of its ASCII runs is no ASCII letter, so the word's bytes can be counted here.
      int letters = 0;
      bool any_lower = false;
      for (std::size_t p = begin; p < i && !any_lower; ++p) {
        const std::uint8_t info = word_bytes[static_cast<unsigned char>(text[p])];
        letters += (info >> 1) & 1;
        any_lower = (info & word_lower) != 0;
      }
      if (letters >= 2 && !any_lower) flags |= token_all_caps;
    }
    push(begin, i, key_begin, number ? TokenKind::number : TokenKind::word, flags);
  }

  out.tokens.resize(token_count);

  // Sentences.
  // (pointers in locals: the sentences' push_back may write anything, as far as the compiler
  // knows, so the vectors' fields would be read again for every token)
  const Token* const toks = out.tokens.data();
  const std::size_t count = token_count;
  auto key = [&](std::size_t k) {
    return TokenKey(key_base + toks[k].key_begin, toks[k].key_end - toks[k].key_begin);
  };
  std::size_t start = 0;
  auto close = [&](std::size_t end_token) {
    if (end_token <= start) return;
    Sentence s;
    s.first_token = static_cast<std::uint32_t>(start);
    s.last_token = static_cast<std::uint32_t>(end_token);
    s.begin = toks[start].begin;
    s.end = toks[end_token - 1].end;
    out.sentences.push_back(s);
    start = end_token;
  };
  auto starts_lower = [&](std::size_t k) {
    const char c = text[toks[k].begin];
    return toks[k].kind == TokenKind::word && is_lower(c);
  };
  for (std::size_t k = 0; k < count; ++k) {
    const Token& t = toks[k];
    if (k > start) {
      if (t.has(token_blank_line_before)) close(k);
      else if (t.has(token_newline_before) && !starts_lower(k)) {
        const auto prev = key(k - 1);
        if (prev != "," && prev != "-" && prev != "&" && prev != "(") close(k);
      }
      if (k - start >= max_sentence_tokens) close(k);
    }
    const auto kk = key(k);
    if (t.kind != TokenKind::punct || !(kk == "." || kk == "!" || kk == "?" || kk == "...")) continue;
    std::size_t j = k + 1;
    while (j < count && !toks[j].has(token_space_before) &&
           (key(j) == "\"" || key(j) == "'" || key(j) == ")" || key(j) == "]"))
      ++j;
    if (j >= count) {
      close(count);
      break;
    }
    if (!toks[j].has(token_space_before)) continue;  // "Amazon.com", "3.5"
    const char c = text[toks[j].begin];
    const bool opens = is_upper(c) || is_digit(c) || key(j) == "\"" || key(j) == "'" ||
                       key(j) == "(" || static_cast<unsigned char>(c) >= 0x80 ||
                       toks[j].has(token_newline_before);
    if (!opens) continue;
    if (kk == "." && k > start && toks[k - 1].kind != TokenKind::punct &&
        !t.has(token_space_before) && is_abbreviation(key(k - 1)) &&
        !toks[j].has(token_newline_before))
      continue;
    if (kk == "..." && !is_upper(c)) continue;
    close(j);
    k = j - 1;
  }
  close(count);
}

std::string phrase_key(std::string_view phrase) {
  thread_local TokenizedText t;
  tokenize(phrase, t);
  return std::string(t.keys_of(0, t.tokens.size()));
}

}  // namespace corpgraph
