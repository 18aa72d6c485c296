// corpgraph's text layer: UTF-8 repair, typographic normalisation, tokens and sentences, all with
// byte offsets into the ORIGINAL document so evidence can point back at it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace corpgraph {

// The text with every invalid UTF-8 sequence replaced by U+FFFD (one per offending byte).
[[nodiscard]] std::string repair_utf8(std::string_view text);
[[nodiscard]] bool is_valid_utf8(std::string_view text) noexcept;
// Appends the UTF-8 encoding of one code point (as the XML and JSON readers need for escapes).
void append_utf8(std::string& out, char32_t code_point);

// Typographic quotes, apostrophes and dashes as their ASCII forms (’ -> ', “ ” -> ", – — -> -),
// invalid bytes as U+FFFD. offsets[i] is the byte in the original text that normalised byte i
// came from (offsets has one extra entry: the original size).
struct NormalisedText {
  std::string text;
  std::vector<std::uint32_t> offsets;
};
[[nodiscard]] NormalisedText normalise(std::string_view text);
// normalise(text).text with every run of white space (space, tab, CR, LF) as one space and none at
// either end: a name as it is shown. No offsets are kept, so a short name allocates nothing.
[[nodiscard]] std::string normalise_collapsed(std::string_view text);

enum class TokenKind : std::uint8_t { word, number, punct };

// Token flags (bit set).
inline constexpr std::uint8_t token_capitalised = 1;  // first letter upper case
inline constexpr std::uint8_t token_all_caps = 2;     // two or more letters, all upper case
inline constexpr std::uint8_t token_space_before = 4;
inline constexpr std::uint8_t token_newline_before = 8;
inline constexpr std::uint8_t token_blank_line_before = 16;  // a paragraph starts here

struct Token {
  std::uint32_t begin = 0;  // bytes in the original text, end exclusive
  std::uint32_t end = 0;
  std::uint32_t key_begin = 0;  // the matching key in TokenizedText::keys: ASCII lower case,
  std::uint32_t key_end = 0;    // typographic forms normalised, hyphens inside words dropped;
                                // one ' ' stands between a key and the next one
  TokenKind kind = TokenKind::punct;
  std::uint8_t flags = 0;

  [[nodiscard]] bool has(std::uint8_t flag) const noexcept { return (flags & flag) != 0; }
};

struct Sentence {
  std::uint32_t begin = 0;  // bytes in the original text
  std::uint32_t end = 0;
  std::uint32_t first_token = 0;  // tokens [first_token, last_token)
  std::uint32_t last_token = 0;
};

// A token's matching key. It is a string_view; comparing it with a string literal checks the
// length first and then compares a length known at compile time, which the compiler turns into
// one or two loads: the rules compare keys with literals on every token, and std::string_view's
// operator== would call a library compare for each.
struct TokenKey : std::string_view {
  using std::string_view::basic_string_view;

  template <std::size_t N>
  [[nodiscard]] friend constexpr bool operator==(TokenKey key, const char (&literal)[N]) noexcept {
    return key.size() == N - 1 && __builtin_memcmp(key.data(), literal, N - 1) == 0;
  }
};

// Buffers are reused between documents, so one TokenizedText per thread allocates only while it
// grows.
struct TokenizedText {
  std::vector<Token> tokens;
  std::string keys;  // (the buffer: bytes past the last token's key are left from earlier texts)
  std::vector<Sentence> sentences;

  [[nodiscard]] TokenKey key(const Token& token) const noexcept {
    return TokenKey(keys.data() + token.key_begin, token.key_end - token.key_begin);
  }
  [[nodiscard]] TokenKey key(std::size_t index) const noexcept {
    return key(tokens[index]);
  }
  // The keys of tokens [first, last) joined by ' ', as phrase_key() writes a phrase: a view into
  // keys, which are stored that way, so a phrase lookup builds no string.
  [[nodiscard]] std::string_view keys_of(std::size_t first, std::size_t last) const noexcept {
    if (first >= last) return {};
    return std::string_view(keys.data() + tokens[first].key_begin,
                            tokens[last - 1].key_end - tokens[first].key_begin);
  }
};

// Sentences longer than this many tokens are cut, so one line of 200 MB costs linear time.
inline constexpr std::uint32_t max_sentence_tokens = 300;

// Splits text (any bytes; documents over 4 GiB are the caller's to refuse) into tokens and
// sentences. Sentence splitting survives abbreviations ("Inc.", "U.S.", "Feb. 12", "No. 2"),
// initials, decimals and ellipses; a line without a full stop (a headline) is its own sentence.
void tokenize(std::string_view text, TokenizedText& out);

// The matching key of a phrase, tokenised the same way as documents (keys joined by ' ').
[[nodiscard]] std::string phrase_key(std::string_view phrase);

}  // namespace corpgraph
