// Internal to the analyze stage: what surrounds a claim in its sentence.

#ifndef CLAIMLINT_ANALYZE_CONTEXT_H_
#define CLAIMLINT_ANALYZE_CONTEXT_H_

#include <string>
#include <string_view>

#include "analyze/analyze.h"
#include "core/core.h"
#include "rules/rules.h"

namespace claimlint::analyze {

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
// text, or empty (also when `cues` is null); by match::MatchLeftmost when
// `without_reverse`.
std::string FirstMatch(const RE2* cues, std::string_view text, bool without_reverse = false);

}  // namespace claimlint::analyze

#endif  // CLAIMLINT_ANALYZE_CONTEXT_H_
