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
