// The analyze stage: turns pattern hits into findings the way a careful
// compliance reviewer reads a claim in its sentence. Antipatterns drop a
// hit; negation, hedges, questions, headings, quotes and cited evidence
// move its severity as the rule's ContextPolicy says (the severity model of
// the README), and every move is recorded as a reason. Disclaimer
// requirements are checked per document once the claims are known.

#ifndef CLAIMLINT_ANALYZE_ANALYZE_H_
#define CLAIMLINT_ANALYZE_ANALYZE_H_

#include <optional>
#include <string>
#include <vector>

#include "core/core.h"
#include "input/input.h"
#include "match/match.h"
#include "rules/rules.h"
#include "text/text.h"

namespace claimlint::analyze {

// A claim that triggered a disclaimer requirement.
struct Trigger {
  std::string rule;
  Span source;  // the claim's byte span
  Position start;
  std::string text;
};

// Why a finding is not counted: an inline directive (kind "inSource", as
// SARIF calls it) or a baseline entry (kind "external").
struct Suppression {
  std::string kind = "inSource";
  std::string reason;     // the directive's or the baseline entry's why
  std::string location;   // "path:line:col" of the directive; baseline: its file
};

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
  // Every context seen: "negated", "hedged", "supported", "question",
  // "heading", "quoted".
  std::vector<std::string> contexts;
  std::string support;               // what supported the claim, if anything
  std::vector<std::string> reasons;  // how the severity was reached, in order
  std::vector<Trigger> triggers;     // missing-disclaimer: the claims needing it
  std::string fingerprint;           // stable across runs and line moves
  std::optional<Suppression> suppression;  // set once it is suppressed
  std::string fix;  // the matching pattern's safe rewrite of `text`; may be empty
};

struct Analysis {
  // Reported findings, sorted by source offset, then rule id.
  std::vector<Finding> findings;
  // Claims the context spared (a rule action of "skip"), same order, kept
  // so that reports can show what was not flagged and why.
  std::vector<Finding> spared;
};

struct AnalyzeOptions {
  // The cue lists compile per document, cut to the entries the document
  // may have (CueList::RegexFor), and disclaimer patterns are looked for by
  // their literals instead of the pack's Set: far less work for a run of
  // one or two documents, more for a batch. Findings must not change;
  // tests compare the two.
  bool per_document = false;
};

Analysis Analyze(const rules::CompiledPack& pack, const input::Document& document,
                 const text::Folded& folded, const match::Matches& matches,
                 const AnalyzeOptions& options = {});

}  // namespace claimlint::analyze

#endif  // CLAIMLINT_ANALYZE_ANALYZE_H_
