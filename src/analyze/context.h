// Internal to the analyze stage: what surrounds a claim in its sentence.

#ifndef CLAIMLINT_ANALYZE_CONTEXT_H_
#define CLAIMLINT_ANALYZE_CONTEXT_H_

#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "core/core.h"
#include "rules/rules.h"

namespace claimlint::analyze {

// The cue lists as one document's analysis reads them, each compiled on
// first use: with `per_document`, only the entries that may match in the
// document (CueList::RegexFor), far less to compile for a run of one file;
// otherwise the pack's whole lists, compiled once per run. Not thread-safe.
class DocumentCues {
 public:
  DocumentCues(const rules::Lexicon& lexicon, std::string_view folded_document,
               bool per_document);
  const rules::Lexicon& lexicon() const { return lexicon_; }
  // `list`, compiled for text within the folded document; null when no
  // entry can match there.
  const RE2* For(const rules::CueList& list);
  // `list`, compiled for any text.
  const RE2* Whole(const rules::CueList& list) const;

 private:
  const rules::Lexicon& lexicon_;
  bool per_document_;
  rules::TextLiterals literals_;  // of the folded document
  std::map<const rules::CueList*, std::unique_ptr<RE2>> cut_;
};

struct ClaimContext {
  std::string negation;  // the cue that negates the claim, or empty
  std::string hedge;     // the cue that hedges it, or empty
  bool question = false;
  bool quoted = false;
};

// Reads the folded `sentence` around the claim at `claim` (offsets within
// the sentence), NegEx-style: a negation or hedge cue counts when it stands
// within a few words before the claim (negation: also after it, or inside
// it past its first word, between the words a proximity pattern links; a
// clause-wide cue such as "no evidence that" reaches any distance)
// with no scope end ("but", "however", ";") between, and is not a
// pseudo-negation ("not only"). A negation inside the claim whose words the
// matching `pattern` itself contains (its Source(): "I no longer need")
// is part of the claim, not a negation of it. A claim in reported speech or
// quotes is negated when the sentence or `next_sentence` rejects it ("there
// is no evidence").
ClaimContext ReadContext(DocumentCues& cues, std::string_view sentence, Span claim,
                         std::string_view next_sentence, const rules::Pattern* pattern = nullptr);

// The leftmost (longest) match of the cue list `cues` in `text`, as its
// text, or empty (also when `cues` is null).
std::string FirstMatch(const RE2* cues, std::string_view text);

}  // namespace claimlint::analyze

#endif  // CLAIMLINT_ANALYZE_CONTEXT_H_
