// The text stage (ICU): the matching form of a Document's prose, its
// sentences and its word tokens.
//
// The matching form ("folded" text) is NFKC with case folding, typographic
// quotes, apostrophes, dashes and ellipses unified to ASCII, and every
// whitespace run folded to one space. Patterns are folded the same way
// (Fold()), so a rule written as "clinically proven" finds "Clinically
// Proven", "CLINICALLY  PROVEN" and "clinically\nproven". An offset map
// carries every folded span back to prose, and from there the Document's map
// carries it to the source bytes.

#ifndef CLAIMLINT_TEXT_TEXT_H_
#define CLAIMLINT_TEXT_TEXT_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/core.h"
#include "input/input.h"

namespace claimlint::text {

struct Folded {
  std::string text;     // the matching form
  OffsetMap to_prose;   // folded offsets -> prose offsets
};

// Folds UTF-8 `prose` (invalid bytes must already be replaced).
Folded Fold(std::string_view prose);

// The folded form of a short string without the map (patterns, phrases).
std::string FoldString(std::string_view text);

// A sentence: its span in prose and in the folded text. Leading and
// trailing whitespace is not part of either span.
struct Sentence {
  Span prose;
  Span folded;
};

// Splits the prose of `block` into sentences with ICU's sentence break
// iterator (English, with the standard abbreviation suppressions plus
// "No.", "Fig.", "vs." and friends, so "Dr.", "e.g.", "U.S.", "No. 5" and
// "2.5" do not end a sentence), and also ends a sentence at a line break
// where the line has no closing punctuation and the next line does not
// continue it: scraped pages have headings, bullets and "Skip to content"
// lines with no full stop. Thread-safe: each call uses its own iterator
// clone.
std::vector<Sentence> SplitSentences(const input::Document& document,
                                     const Folded& folded, Span block);

enum class TokenKind { kWord, kNumber };

// A word or number token of the folded text (spaces and punctuation are not
// tokens). Spans index Folded::text.
struct Token {
  Span folded;
  TokenKind kind;
};

// Word tokens of `folded.text[span]`, by ICU's word break iterator.
std::vector<Token> Tokenize(const Folded& folded, Span span);

}  // namespace claimlint::text

#endif  // CLAIMLINT_TEXT_TEXT_H_
