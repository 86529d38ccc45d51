// Internal to the analyze stage: disclaimer requirements.

#ifndef CLAIMLINT_ANALYZE_DISCLAIMERS_H_
#define CLAIMLINT_ANALYZE_DISCLAIMERS_H_

#include <vector>

#include "analyze/analyze.h"

namespace claimlint::analyze {

// Appends one "missing-disclaimer" finding per requirement of `pack` that
// the reported claims in `findings` trigger and the document does not
// satisfy where the requirement says (anywhere, near each claim, at the
// end), provided the document matches one of the requirement's `when`
// patterns (when it has any). The finding stands at the first triggering claim and lists all of
// them. A disclaimer never changes a claim's own finding: a disclaimer
// cannot make a claim that is false on its face acceptable.
// Given the document's `literals` (a run of few documents: DocumentCues),
// which disclaimer patterns it may have is asked of them rather than of
// the pack's Set, and a pattern they rule out is never compiled.
void CheckDisclaimers(const rules::CompiledPack& pack, const input::Document& document,
                      const text::Folded& folded, const rules::TextLiterals* literals,
                      std::vector<Finding>& findings);

}  // namespace claimlint::analyze

#endif  // CLAIMLINT_ANALYZE_DISCLAIMERS_H_
