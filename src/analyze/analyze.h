// The analyze stage: turns pattern hits into findings the way a careful
// compliance reviewer reads a claim in its sentence. Antipatterns drop a
// hit; negation, hedges, questions, headings, quotes and cited evidence
// move its severity as the rule's ContextPolicy says (the severity model of
// the README), and every move is recorded as a reason. Disclaimer
// requirements are checked per document once the claims are known.

#ifndef CLAIMLINT_ANALYZE_ANALYZE_H_
#define CLAIMLINT_ANALYZE_ANALYZE_H_

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
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

// The cue lists as one document's analysis reads them. With
// `per_document` (a run of few documents), each list is cut to the entries
// that may occur in the sentences the analysis reads it on (ReadWithin;
// CueList::RegexFor) and compiled for them, and disclaimer parts are
// looked up by their literals rather than by the pack's Set: far less to
// compile for one file, more for a batch, which compiles the pack's whole
// lists once, on first use. Findings must not change; tests compare the
// two. Not thread-safe.
class DocumentCues {
 public:
  DocumentCues(const rules::Lexicon& lexicon, std::string_view folded_document,
               bool per_document);
  DocumentCues(const DocumentCues&) = delete;
  DocumentCues& operator=(const DocumentCues&) = delete;

  // Per document: For's lists are read only within these spans of the
  // folded document (the claims' sentences and the sentences after them),
  // a small part of it, so they are cut to what occurs there. Without a
  // call, For's lists hold what occurs anywhere in the document.
  void ReadWithin(const std::vector<Span>& folded_spans);
  // Per document: the literals of the folded document; null otherwise.
  const rules::TextLiterals* literals() const { return per_document_ ? &literals_ : nullptr; }
  const rules::Lexicon& lexicon() const { return lexicon_; }
  // `list`, compiled for text within the spans of ReadWithin; null when no
  // entry can match there.
  const RE2* For(const rules::CueList& list);
  // `list`, compiled for any text.
  const RE2* Whole(const rules::CueList& list) const;
  // Every match of `list` in `text` (within the spans of ReadWithin), and
  // the text of the first one or empty. A list cut to one document is read
  // on a few sentences: matched without RE2's reverse programs then
  // (match::MatchLeftmost), the same matches for less compiling.
  std::vector<Span> AllMatches(const rules::CueList& list, std::string_view text);
  std::string FirstMatch(const rules::CueList& list, std::string_view text);

 private:
  static constexpr size_t kLists = 11;  // rules::CueLists

  const rules::Lexicon& lexicon_;
  bool per_document_;
  std::string_view folded_document_;
  rules::TextLiterals literals_;  // of folded_document_
  std::string read_text_;         // the spans of ReadWithin, one per line
  std::optional<rules::TextLiterals> read_literals_;  // of read_text_
  std::array<std::unique_ptr<RE2>, kLists> cut_;
  std::array<bool, kLists> compiled_{};
};

Analysis Analyze(const rules::CompiledPack& pack, const input::Document& document,
                 const text::Folded& folded, const match::Matches& matches, DocumentCues& cues);

}  // namespace claimlint::analyze

#endif  // CLAIMLINT_ANALYZE_ANALYZE_H_
