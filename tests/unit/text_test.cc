// The text stage: folding with an exact map back to prose, sentence
// splitting on scraped-page text, and word tokens.

#include "text/text.h"

#include <gtest/gtest.h>

#include "input/input.h"

namespace claimlint::text {
namespace {

input::Document MakeDocument(const input::Source& source) {
  auto document = input::Extract(source, input::Format::kText);
  EXPECT_TRUE(document.ok());
  return std::move(document.value());
}

// The prose text a folded span maps back to.
std::string_view BackToProse(const Folded& folded, std::string_view prose, Span span) {
  return Slice(prose, folded.to_prose.ToOrigin(span));
}

TEST(Fold, UnifiesCaseQuotesDashesEllipsesAndSpaces) {
  std::string prose = "It\xE2\x80\x99s \xE2\x80\x9C" "Clinically   Proven\xE2\x80\x9D \xE2\x80\x94 really\xE2\x80\xA6";
  Folded folded = Fold(prose);
  EXPECT_EQ(folded.text, "it's \"clinically proven\" - really...");
}

TEST(Fold, RoundTripsEveryWordOnMultibyteText) {
  // Curly quotes, an em dash, accented letters (precomposed and NFD), an
  // emoji, a ligature, a no-break space and a line break.
  std::string prose =
      "Caf\xC3\xA9 cr\xC3\xA8me \xE2\x80\x9C" "doesn\xE2\x80\x99t\xE2\x80\x9D cure\xE2\x80\x94" "ever "
      "\xF0\x9F\x98\x80 Cafe\xCC\x81 \xEF\xAC\x81ne\xC2\xA0STRESS\nrelief";
  Folded folded = Fold(prose);
  EXPECT_EQ(folded.text,
            "caf\xC3\xA9 cr\xC3\xA8me \"doesn't\" cure-ever \xF0\x9F\x98\x80 caf\xC3\xA9 fine stress relief");
  struct Case {
    std::string folded_word;
    std::string prose_word;
  };
  for (const Case& c : std::vector<Case>{
           {"caf\xC3\xA9", "Caf\xC3\xA9"},
           {"cr\xC3\xA8me", "cr\xC3\xA8me"},
           {"doesn't", "doesn\xE2\x80\x99t"},
           {"\"doesn't\"", "\xE2\x80\x9C" "doesn\xE2\x80\x99t\xE2\x80\x9D"},
           {"cure-ever", "cure\xE2\x80\x94" "ever"},
           {"\xF0\x9F\x98\x80", "\xF0\x9F\x98\x80"},
           {"caf\xC3\xA9 fine", "Cafe\xCC\x81 \xEF\xAC\x81ne"},
           {"stress relief", "STRESS\nrelief"},
       }) {
    size_t at = folded.text.find(c.folded_word, c.folded_word == "caf\xC3\xA9 fine" ? 10 : 0);
    ASSERT_NE(at, std::string::npos) << c.folded_word;
    Span span{static_cast<uint32_t>(at), static_cast<uint32_t>(at + c.folded_word.size())};
    EXPECT_EQ(BackToProse(folded, prose, span), c.prose_word);
    // And back again: the prose span maps onto the same folded span.
    EXPECT_EQ(folded.to_prose.ToTarget(folded.to_prose.ToOrigin(span)), span);
  }
}

TEST(Fold, WhitespaceRunsFoldToOneSpace) {
  Folded folded = Fold("a \t\r\n  b");
  EXPECT_EQ(folded.text, "a b");
  EXPECT_EQ(folded.to_prose.ToOrigin({1, 2}), (Span{1, 7}));
  EXPECT_EQ(folded.to_prose.ToOrigin({2, 3}), (Span{7, 8}));
}

std::vector<std::string> Sentences(const std::string& text) {
  input::Source source{"t.txt", text};
  input::Document document = MakeDocument(source);
  Folded folded = Fold(document.prose);
  std::vector<std::string> out;
  for (const input::Block& block : document.blocks) {
    for (const Sentence& sentence : SplitSentences(document, folded, block.prose)) {
      out.emplace_back(Slice(document.prose, sentence.prose));
      EXPECT_EQ(Slice(folded.text, sentence.folded),
                FoldString(Slice(document.prose, sentence.prose)));
    }
  }
  return out;
}

TEST(FoldString, TakesTheShortCutForAsciiWithFoldsResult) {
  // Every ASCII character, white space runs of each kind, and mixed text.
  std::vector<std::string> texts = {"", " ", "  Stress \t\n Hormone ", "A\r\nB\f\vc", "100%  #1"};
  std::string all;
  for (int c = 1; c < 128; ++c) all.push_back(static_cast<char>(c));
  texts.push_back(all);
  uint32_t state = 12345;
  for (int n = 0; n < 200; ++n) {
    std::string text;
    for (int k = 0; k < 12; ++k) {
      state = state * 1103515245 + 12345;
      text.push_back("aZ \t\n'-.9"[(state >> 16) % 10]);
    }
    texts.push_back(text);
  }
  for (const std::string& text : texts) EXPECT_EQ(FoldString(text), Fold(text).text) << text;
  EXPECT_EQ(FoldString("Caf\xC3\xA9  \xE2\x80\x9CX\xE2\x80\x9D"), "caf\xC3\xA9 \"x\"");
}

TEST(SplitSentences, EndsAtLinesWithoutClosingPunctuation) {
  std::vector<std::string> expected = {
      "Skip to content",
      "How Massage Therapy Helps",
      "Massage relieves pain.",
      "It also lowers stress!",
      "Benefits include:",
      "1. Releasing Muscle Tension",
      "2. Improved Circulation",
  };
  EXPECT_EQ(Sentences("Skip to content\nHow Massage Therapy Helps\nMassage relieves pain. It "
                      "also lowers stress!\nBenefits include:\n1. Releasing Muscle Tension\n"
                      "2. Improved Circulation\n"),
            expected);
}

TEST(SplitSentences, KeepsAbbreviationsAndDecimalsInside) {
  std::vector<std::string> expected = {
      "Dr. Smith, e.g. in the U.S. and at No. 5 Main St., cut pain by 2.5 points.",
      "Then it stopped.",
  };
  EXPECT_EQ(Sentences("Dr. Smith, e.g. in the U.S. and at No. 5 Main St., cut pain by 2.5 "
                      "points. Then it stopped."),
            expected);
}

TEST(SplitSentences, WordsEndingLikeAbbreviationsStillEndSentences) {
  std::vector<std::string> expected = {"It eases sciatica.", "It is natural.",
                                       "Made in America.", "See Fig. 2 and Prof. Lee, approx. 5 cm.",
                                       "Done."};
  EXPECT_EQ(Sentences("It eases sciatica. It is natural. Made in America. See Fig. 2 and Prof. "
                      "Lee, approx. 5 cm. Done."),
            expected);
}

TEST(SplitSentences, JoinsHardWrappedLines) {
  std::vector<std::string> expected = {
      "Regular massage can ease the tension of\nyour shoulders and relax the\nmuscles of "
      "your back.",
      "A second sentence.",
  };
  EXPECT_EQ(Sentences("Regular massage can ease the tension of\nyour shoulders and relax the\n"
                      "muscles of your back. A second sentence."),
            expected);
}

TEST(SplitSentences, BlankLinesSeparateBlocksAndCrlfWorks) {
  std::vector<std::string> expected = {"First heading", "Text here.", "Next line."};
  EXPECT_EQ(Sentences("First heading\r\n\r\nText here.\r\nNext line.\r\n"), expected);
}

TEST(SplitSentences, TrimsNoBreakSpaces) {
  std::vector<std::string> expected = {"Lasting relief.", "More."};
  EXPECT_EQ(Sentences("\xC2\xA0Lasting relief.\xC2\xA0\xC2\xA0 More.\xC2\xA0"), expected);
}

TEST(Tokenize, YieldsWordsAndNumbers) {
  Folded folded = Fold("Cuts pain by 28% \xE2\x80\x94 doesn\xE2\x80\x99t it?");
  std::vector<std::string> words;
  std::vector<TokenKind> kinds;
  for (const Token& token : Tokenize(folded, {0, static_cast<uint32_t>(folded.text.size())})) {
    words.emplace_back(Slice(folded.text, token.folded));
    kinds.push_back(token.kind);
  }
  EXPECT_EQ(words, (std::vector<std::string>{"cuts", "pain", "by", "28", "doesn't", "it"}));
  EXPECT_EQ(kinds[3], TokenKind::kNumber);
  EXPECT_EQ(kinds[0], TokenKind::kWord);
}

}  // namespace
}  // namespace claimlint::text
