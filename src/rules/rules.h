// Rule packs: JSON files (comments allowed) that say which claims to find,
// how risky they are, why, and what to write instead. A pack is loaded,
// validated and compiled once per run into a CompiledPack, which is
// immutable and shared read-only by every worker thread.
//
// Every pattern compiles to RE2 and runs on the folded text of the text
// stage (lower case, ASCII quotes and dashes, single spaces), so no rule and
// no input can make a scan backtrack.

#ifndef CLAIMLINT_RULES_RULES_H_
#define CLAIMLINT_RULES_RULES_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <re2/re2.h>
#include <re2/set.h>

#include "core/core.h"

namespace claimlint::rules {

// The text of one pack and where it came from (a path, or "<embedded:core>").
struct PackSource {
  std::string name;
  std::string text;
};

// The packs built into the binary from rules/ at build time: `core` first.
const std::vector<PackSource>& EmbeddedPacks();

// The embedded pack whose file name is `file_name` ("core.json"), or null.
const PackSource* EmbeddedPack(std::string_view file_name);

// The embedded lexicon (rules/lexicon.json): the negation, hedge and
// evidence cues every run uses, whatever packs it loads.
const PackSource& EmbeddedLexicon();

// The jurisdiction profiles `--profile` accepts, in the order their packs
// load: "us", "uk", "au" (each is rules/<name>.json).
const std::vector<std::string>& ProfileNames();

// The embedded packs of a run with these profiles: the lexicon, core, then
// each named profile's pack once, in ProfileNames() order whatever order
// they were named in. "core" may be named and adds nothing. An unknown
// name is a CL206 error that lists the known ones.
StatusOr<std::vector<PackSource>> ProfileSources(const std::vector<std::string>& profiles);

struct PackInfo {
  std::string id;
  std::string name;
  std::string version;
  std::string jurisdiction;  // "any" or empty for neutral packs
  std::string description;
  std::string origin;  // PackSource::name
};

// A rule example: a sentence the rule must flag (with the expected span
// marked [[like this]] in `text`, exactly one pair) or must pass (no
// markers). Every rule has at least two of each.
struct Example {
  std::string text;
  bool must_flag = true;
};

// The text of a flag example without its [[ ]] markers, and the byte span
// of the marked words in that text. `text` without markers gives an empty
// span at 0.
struct MarkedText {
  std::string text;
  Span span;
};
MarkedText StripMarkers(std::string_view text);

struct Pattern {
  std::string source;            // as written in the pack, for `rules show`
  std::string regex;             // what it compiled to (folded-text RE2)
  // What the prefilter Set holds for it: `regex` itself, or for a near
  // pattern one of its word groups, which every match contains (so the
  // prefilter can only err toward candidates) at a fraction of the size.
  std::string prefilter;
  std::unique_ptr<RE2> re;  // never null once compiled
  // A safe rewrite: text that can replace the whole match as written
  // (`claimlint fix`). Claim patterns only; empty: none.
  std::string fix;
};

// What a rule does with a claim seen in a context (hedged, negated...).
struct Action {
  enum Kind { kKeep, kSkip, kDowngrade, kSet };
  Kind kind = kKeep;
  Severity severity = Severity::kInfo;  // for kSet

  // "keep", "skip", "downgrade", or a severity name.
  static std::optional<Action> Parse(std::string_view text);
  std::string Name() const;
};

// How a claim rule treats context; the README's severity model. Packs set
// defaults in "defaults", rules override them.
struct ContextPolicy {
  Action hedged{Action::kDowngrade};
  Action negated{Action::kSkip};
  Action supported{Action::kSet, Severity::kInfo};
  Action question{Action::kDowngrade};
  Action heading{Action::kKeep};
  Action quoted{Action::kKeep};
};

enum class RuleKind { kClaim, kDisclaimer };

// Where a required disclaimer must stand to count.
enum class Placement { kAnywhere, kNearClaim, kEnd };

struct Rule {
  std::string id;        // dotted and stable: "core.disease.cure-claim"
  std::string pack_id;
  RuleKind kind = RuleKind::kClaim;
  std::string category;  // "disclaimer" for disclaimer requirements
  Severity severity = Severity::kWarning;
  std::string message;
  std::string rationale;
  std::string suggestion;
  // Claim rules: what finds the claim. Disclaimer rules: what satisfies
  // the requirement (any one, or all of them with `require_all`).
  std::vector<Pattern> patterns;
  // Antipatterns: a hit that overlaps a match of one of these in its
  // sentence is not a finding of this rule ("a proven track record").
  std::vector<Pattern> unless;
  std::vector<Example> examples;
  ContextPolicy policy;

  // Disclaimer requirements only.
  std::vector<std::string> trigger_categories;  // claims of these need it
  std::vector<std::string> trigger_rules;       // ... and claims of these rules
  Placement placement = Placement::kAnywhere;
  uint32_t within = 0;  // kNearClaim: blocks around; kEnd: last blocks
  bool require_all = false;
  // The requirement applies only to documents where one of these matches
  // (product words for a supplement statement); empty: every document.
  std::vector<Pattern> when;
};

// One list of cues compiled into a single leftmost-longest RE2, so a
// sentence is read once per list whatever the list's length.
struct CueList {
  std::vector<std::string> regexes;  // each entry as compiled alone
  std::unique_ptr<RE2> re;           // the alternation; null when empty

  bool empty() const { return re == nullptr; }
};

// Cue lists that the analyze stage reads around every claim. Built-in in
// rules/lexicon.json; any pack may add to it under "lexicon".
struct Lexicon {
  CueList negation_before;    // "does not", "never"
  CueList negation_clause;    // "no evidence that": every claim after it in its clause
  CueList negation_after;     // "is a myth", "has not been proven"
  CueList pseudo_negation;    // "not only", "no doubt"
  CueList scope_end;          // "but", "however", ";"
  CueList hedge;              // "may help", "some clients report"
  CueList reported_speech;    // "some websites claim"
  CueList rejection;          // "there is no evidence", "myth"
  CueList citation;           // "[1]", "(smith et al., 2019)"
  CueList named_study;        // "a 2019 randomized trial in spine"
  CueList reference_heading;  // "references", "sources"
  std::vector<std::string> evidence_domains;  // "doi.org", "ncbi.nlm.nih.gov"
};

// The prefilter entry for Set index i: which rule and which of its patterns.
struct PatternRef {
  uint32_t rule;
  uint32_t pattern;
};

class CompiledPack {
 public:
  CompiledPack(std::vector<PackInfo> packs, std::vector<Rule> rules, Lexicon lexicon);
  ~CompiledPack();
  CompiledPack(const CompiledPack&) = delete;
  CompiledPack& operator=(const CompiledPack&) = delete;

  const std::vector<PackInfo>& packs() const { return packs_; }
  // Claim rules and disclaimer requirements, in pack order.
  const std::vector<Rule>& rules() const { return rules_; }
  const Rule* FindRule(std::string_view id) const;
  const Lexicon& lexicon() const { return lexicon_; }

  // One RE2::Set over every pattern of every claim rule (Pattern::prefilter).
  // It only proposes candidates; each candidate is confirmed with its own
  // RE2. Use it only when prefilter_ok(): a Set that could not be compiled
  // (too large for its memory budget) means every pattern is a candidate.
  const RE2::Set& prefilter() const { return *prefilter_; }
  bool prefilter_ok() const { return prefilter_ok_; }
  const std::vector<PatternRef>& prefilter_refs() const { return refs_; }

  // The same over every pattern of every disclaimer requirement: one pass
  // over a document tells which disclaimer parts it has at all.
  const RE2::Set& disclaimer_prefilter() const { return *disclaimer_prefilter_; }
  const std::vector<PatternRef>& disclaimer_refs() const { return disclaimer_refs_; }

 private:
  std::vector<PackInfo> packs_;
  std::vector<Rule> rules_;
  Lexicon lexicon_;
  std::unique_ptr<RE2::Set> prefilter_;
  bool prefilter_ok_ = false;
  std::vector<PatternRef> refs_;
  std::unique_ptr<RE2::Set> disclaimer_prefilter_;
  std::vector<PatternRef> disclaimer_refs_;
};

// Loads, validates and compiles `sources` in order into one pack (callers
// put EmbeddedLexicon() first so its cues apply). Errors
// (CL2xx) name the file and either the line and column of a JSON syntax
// error or the path of the bad field ("rules[3].patterns[0].regex") and
// why; all of a file's field errors are reported, not only the first.
StatusOr<std::shared_ptr<const CompiledPack>> Load(
    const std::vector<PackSource>& sources);

// The RE2 source a phrase pattern compiles to: its words folded like the
// text, joined by whitespace, bounded by word boundaries.
std::string PhraseToRegex(std::string_view phrase);

// A token pattern: each group is a list of words or phrases; the groups
// follow each other in order, each within `within` words of the one
// before (either order for two groups with `any_order`). With `use_forms`
// a word matches its inflections too (WordForms: "lower" finds "lowering",
// "lowered"); otherwise it matches as written.
struct NearPattern {
  std::vector<std::vector<std::string>> groups;
  uint32_t within = 3;
  bool any_order = false;
  bool use_forms = true;
};
std::string NearToRegex(const NearPattern& near);

// The regex of the near pattern's shortest word group: every match of
// NearToRegex(near) contains a match of it (the prefilter's entry).
std::string NearPrefilterRegex(const NearPattern& near);

}  // namespace claimlint::rules

#endif  // CLAIMLINT_RULES_RULES_H_
