// The match stage: finds every span of the folded text that a rule pattern
// matches. The pack's prefilter (an RE2::Set over the regex and phrase
// patterns, a word index for the near patterns) runs once per block and
// proposes candidate patterns; only blocks with candidates are split into sentences,
// and each candidate is confirmed per sentence with its own RE2, which alone
// yields hits. A match never crosses a sentence.

#ifndef CLAIMLINT_MATCH_MATCH_H_
#define CLAIMLINT_MATCH_MATCH_H_

#include <re2/re2.h>

#include <string_view>
#include <vector>

#include "core/core.h"
#include "input/input.h"
#include "rules/rules.h"
#include "text/text.h"

namespace claimlint::match {

struct Hit {
  uint32_t rule;      // index into CompiledPack::rules()
  uint32_t pattern;   // index into that rule's patterns
  uint32_t sentence;  // index into Matches::sentences
  Span folded;        // the matched span of the folded text
  // Merged with a longer overlapping hit of the rule: `folded` is more than
  // `pattern` matched.
  bool widened = false;
};

struct Matches {
  // The sentences of the blocks that had candidates, in text order, and
  // the index (into Document::blocks) of each one's block.
  std::vector<text::Sentence> sentences;
  std::vector<uint32_t> sentence_blocks;
  // Sorted by folded.begin, then rule, then pattern; one hit per rule and
  // claim: overlapping hits of a rule merge into one that spans them all
  // (it keeps the pattern of the earliest, longest one).
  std::vector<Hit> hits;
};

struct MatchOptions {
  // Off: every rule is a candidate in every block. Findings must not
  // change; tests compare the two.
  bool use_prefilter = true;
  // Near patterns compile per document, cut down to the entries whose words
  // the document has (NearToRegexFor), instead of whole and once per run:
  // far less work for a run of one or two documents, far more for a batch.
  // Findings must not change; tests compare the two.
  bool per_document_near = false;
};

Matches FindMatches(const rules::CompiledPack& pack,
                    const input::Document& document,
                    const text::Folded& folded,
                    const MatchOptions& options = {});

// The match `re.Match(text, position, text.size(), RE2::UNANCHORED, match,
// 1)` finds, without the reverse program that search compiles to learn
// where a match starts (as costly to compile as `re` itself): the pattern
// tried anchored at each position from `position` matches first where the
// leftmost match starts, and from there ends where that search ends. Worth
// it for a pattern compiled for one document and read on a few sentences;
// a batch reads its patterns on so many that the reverse program pays.
bool MatchLeftmost(const RE2& re, std::string_view text, size_t position,
                   re2::StringPiece* match);
// That search itself, or MatchLeftmost when `without_reverse`.
bool MatchFrom(const RE2& re, std::string_view text, size_t position, bool without_reverse,
               re2::StringPiece* match);

}  // namespace claimlint::match

#endif  // CLAIMLINT_MATCH_MATCH_H_
