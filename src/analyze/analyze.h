// The analyze stage: turns pattern hits into findings, the way a careful
// reviewer reads a claim in its sentence: antipatterns drop a hit, and each
// finding carries its exact source span, its sentence and a fingerprint.

#ifndef CLAIMLINT_ANALYZE_ANALYZE_H_
#define CLAIMLINT_ANALYZE_ANALYZE_H_

#include <string>
#include <vector>

#include "core/core.h"
#include "input/input.h"
#include "match/match.h"
#include "rules/rules.h"
#include "text/text.h"

namespace claimlint::analyze {

struct Finding {
  const rules::Rule* rule = nullptr;  // owned by the CompiledPack
  std::string kind = "claim";         // "claim" | "missing-disclaimer"
  Severity severity = Severity::kWarning;
  std::string message;
  Span source;            // byte span in Source::bytes
  Position start;         // of source.begin
  Position end;           // of source.end
  std::string text;       // == Source::bytes[source]
  std::string sentence;   // the sentence as written; line breaks, tabs -> spaces
  Span sentence_source;   // the sentence's byte span in Source::bytes
  uint32_t text_in_sentence = 0;  // byte offset of `text` within `sentence`
  bool hedged = false;
  bool negated = false;
  bool supported = false;
  std::string fingerprint;  // stable across runs and line moves
};

// Findings of one document, sorted by source offset, then rule id.
std::vector<Finding> Analyze(const rules::CompiledPack& pack,
                             const input::Document& document,
                             const text::Folded& folded,
                             const match::Matches& matches);

}  // namespace claimlint::analyze

#endif  // CLAIMLINT_ANALYZE_ANALYZE_H_
