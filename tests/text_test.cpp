// The text layer: UTF-8 repair, typographic normalisation, tokens and sentences.
#include <catch2/catch.hpp>

#include <corpgraph/text.hpp>

#include <string>
#include <vector>

using namespace corpgraph;

namespace {

std::vector<std::string> sentences(const std::string& text) {
  TokenizedText t;
  tokenize(text, t);
  std::vector<std::string> out;
  for (const auto& s : t.sentences) out.push_back(text.substr(s.begin, s.end - s.begin));
  return out;
}

std::vector<std::string> keys(const std::string& text) {
  TokenizedText t;
  tokenize(text, t);
  std::vector<std::string> out;
  for (std::size_t k = 0; k < t.tokens.size(); ++k) out.emplace_back(t.key(k));
  return out;
}

}  // namespace

TEST_CASE("invalid UTF-8 is replaced, valid text is kept", "[text]") {
  CHECK(is_valid_utf8("caf\xC3\xA9 \xE2\x80\x99"));
  CHECK_FALSE(is_valid_utf8("bad \xFF byte"));
  CHECK_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong
  CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));      // surrogate
  CHECK_FALSE(is_valid_utf8("cut \xE2\x80"));      // truncated at the end
  CHECK(repair_utf8("a\xFF" "b") == "a\xEF\xBF\xBD" "b");
  CHECK(repair_utf8("ok") == "ok");
  CHECK(is_valid_utf8(repair_utf8("\xF5\x80\x80\x80 \xC3")));
}

TEST_CASE("typographic quotes and dashes are normalised with offsets into the original", "[text]") {
  const std::string text = "Apple’s “deal” — done";
  const auto n = normalise(text);
  CHECK(n.text == "Apple's \"deal\" - done");
  REQUIRE(n.offsets.size() == n.text.size() + 1);
  CHECK(n.offsets[5] == 5);                     // the apostrophe comes from byte 5
  CHECK(n.offsets[6] == 8);                     // 's' after the three-byte apostrophe
  CHECK(n.offsets.back() == text.size());
}

TEST_CASE("tokens carry byte offsets into the original text and normalised keys", "[text]") {
  const std::string text = "Apple’s e-commerce deal, Google-owned YouTube (9988.HK) rose 2.5%.";
  TokenizedText t;
  tokenize(text, t);
  REQUIRE(t.tokens.size() >= 12);
  CHECK(t.key(0) == "apple");
  CHECK(text.substr(t.tokens[0].begin, t.tokens[0].end - t.tokens[0].begin) == "Apple");
  CHECK(t.key(1) == "'s");
  CHECK(text.substr(t.tokens[1].begin, t.tokens[1].end - t.tokens[1].begin) == "’s");
  CHECK(t.tokens[0].has(token_capitalised));
  CHECK(t.key(2) == "ecommerce");
  const auto k = keys(text);
  CHECK(std::find(k.begin(), k.end(), "google") != k.end());
  CHECK(std::find(k.begin(), k.end(), "owned") != k.end());  // "Google-owned" splits before "owned"
  CHECK(std::find(k.begin(), k.end(), "9988.hk") != k.end());
  CHECK(std::find(k.begin(), k.end(), "2.5") != k.end());
  CHECK(phrase_key("Alibaba Group Holding Ltd.") == "alibaba group holding ltd .");
}

TEST_CASE("sentences survive abbreviations, initials, decimals and ellipses", "[text]") {
  const auto s = sentences(
      "Orbis Inc. said on Feb. 12 that U.S. sales rose 2.5% to $1.2bn at No. 2 plant. "
      "Its adviser J.P. Morgan and A. Smith agreed... but nobody else did. The end.");
  REQUIRE(s.size() == 3);
  CHECK(s[0] == "Orbis Inc. said on Feb. 12 that U.S. sales rose 2.5% to $1.2bn at No. 2 plant.");
  CHECK(s[1] == "Its adviser J.P. Morgan and A. Smith agreed... but nobody else did.");
  CHECK(s[2] == "The end.");
}

TEST_CASE("quotes after the full stop stay with their sentence", "[text]") {
  const auto s = sentences("He said: \"We will buy it.\" The board agreed. “Fine.” Done.");
  REQUIRE(s.size() == 4);
  CHECK(s[0] == "He said: \"We will buy it.\"");
  CHECK(s[2] == "“Fine.”");
}

TEST_CASE("headlines and related-story lines are sentences of their own", "[text]") {
  const auto s = sentences(
      "Lumen buys Arcadia in $2bn deal\n\nBy A Reporter\n\nLumen agreed to buy Arcadia. It said so.\n\n"
      "Related stories\nVexa jumps after Orin invests in unit\nAnother headline here\n");
  REQUIRE(s.size() == 7);
  CHECK(s[0] == "Lumen buys Arcadia in $2bn deal");
  CHECK(s[1] == "By A Reporter");
  CHECK(s[5] == "Vexa jumps after Orin invests in unit");
}

TEST_CASE("a line wrapped mid-sentence is not split", "[text]") {
  const auto s = sentences("Kestrel said on Monday that it had agreed\nto buy Larkspur for cash.");
  REQUIRE(s.size() == 1);
}

TEST_CASE("invalid bytes and endless lines never break the tokenizer", "[text]") {
  std::string text = "Acme \xFF\xFE Corp. bought \xC3 Beta Ltd.";
  TokenizedText t;
  tokenize(text, t);
  for (const auto& tok : t.tokens) CHECK(tok.end <= text.size());
  std::string endless(200000, 'a');
  for (std::size_t i = 5; i < endless.size(); i += 6) endless[i] = ' ';
  tokenize(endless, t);
  REQUIRE_FALSE(t.sentences.empty());
  for (const auto& s : t.sentences) CHECK(s.last_token - s.first_token <= max_sentence_tokens);
  tokenize("", t);
  CHECK(t.tokens.empty());
  CHECK(t.sentences.empty());
}

TEST_CASE("long ASCII runs are keyed in lower case whole, wherever they end", "[text]") {
  // Runs of 15, 16, 17, 31, 32 and 40 letters and digits: the 16-byte path and the byte loop
  // must meet without losing or repeating a byte, at the end of the text too.
  for (std::size_t length : {15u, 16u, 17u, 31u, 32u, 40u}) {
    std::string word;
    for (std::size_t i = 0; i < length; ++i) word += static_cast<char>(i % 3 == 0 ? 'A' + i % 26 : i % 3 == 1 ? 'a' + i % 26 : '0' + i % 10);
    std::string lower = word;
    for (char& c : lower)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    CHECK(keys(word) == std::vector<std::string>{lower});
    CHECK(keys(word + ".") == std::vector<std::string>{lower, "."});
    CHECK(keys("x " + word + "-based Caf\xC3\xA9") == std::vector<std::string>{"x", lower, "-", "based", "caf\xC3\xA9"});
  }
  // Bytes next to the letter ranges ('@' '[' '`' '{' '/' ':') and bytes from 0x80 end a run.
  CHECK(keys("abc@def[ghi`jkl{mno/pqr:stu") ==
        std::vector<std::string>{"abc", "@", "def", "[", "ghi", "`", "jkl", "{", "mno", "/", "pqr", ":", "stu"});
  CHECK(keys("ABCDEFGHIJKLMNOP\xC3\x89QRSTUVWXYZ") == std::vector<std::string>{"abcdefghijklmnop\xC3\x89qrstuvwxyz"});
}

TEST_CASE("all-caps and capitalised flags", "[text]") {
  TokenizedText t;
  tokenize("IBM and U.S. rivals of McDonald, A and AT&T, X1 and BYD's unit", t);
  std::vector<std::pair<std::string, std::uint8_t>> seen;
  for (std::size_t k = 0; k < t.tokens.size(); ++k) seen.emplace_back(std::string(t.key(k)), t.tokens[k].flags);
  auto flags = [&](const std::string& key) {
    for (const auto& [k, f] : seen)
      if (k == key) return f;
    return std::uint8_t{0xFF};
  };
  CHECK((flags("ibm") & token_all_caps));
  CHECK((flags("u.s.") & token_all_caps));
  CHECK((flags("at&t") & token_all_caps));
  CHECK((flags("byd") & token_all_caps));
  CHECK_FALSE((flags("mcdonald") & token_all_caps));
  CHECK((flags("mcdonald") & token_capitalised));
  CHECK_FALSE((flags("a") & token_all_caps));   // one letter is no acronym
  CHECK_FALSE((flags("x1") & token_all_caps));  // nor one letter and a digit
  CHECK_FALSE((flags("rivals") & token_capitalised));
}

TEST_CASE("phrases of tokens are views of the key buffer, as phrase_key writes them", "[text]") {
  const std::string text = "Alibaba Group Holding’s e-commerce arm, Tmall; “Taobao” (NYSE: BABA).";
  TokenizedText t;
  tokenize(text, t);
  std::string joined;
  for (std::size_t k = 0; k < t.tokens.size(); ++k) joined += (k ? " " : "") + std::string(t.key(k));
  CHECK(t.keys_of(0, t.tokens.size()) == joined);
  CHECK(t.keys_of(0, t.tokens.size()) == phrase_key(text));
  CHECK(t.keys_of(0, 3) == "alibaba group holding");
  CHECK(t.keys_of(2, 4) == "holding 's");
  CHECK(t.keys_of(3, 3).empty());
}

TEST_CASE("token keys compare with literals like string_views", "[text]") {
  TokenizedText t;
  tokenize("sells sell s", t);
  CHECK(t.key(0) == "sells");
  CHECK_FALSE(t.key(0) == "sell");   // a prefix is not the word
  CHECK_FALSE(t.key(1) == "sells");  // nor a longer one
  CHECK(t.key(1) != "sel");
  CHECK(t.key(2) == "s");
  CHECK_FALSE(t.key(2) == "");
  CHECK("sell" == t.key(1));
  const std::string_view same = t.key(0);
  CHECK(same == "sells");
}
