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

struct PackInfo {
  std::string id;
  std::string name;
  std::string version;
  std::string jurisdiction;
  std::string origin;  // PackSource::name
};

// A rule example: a sentence the rule must flag (with the expected span
// marked [[like this]] in `text`) or must pass.
struct Example {
  std::string text;
  bool must_flag = true;
};

struct Pattern {
  std::string source;            // as written in the pack, for `rules show`
  std::string regex;             // what it compiled to (folded-text RE2)
  std::unique_ptr<RE2> re;  // never null once compiled
};

struct Rule {
  std::string id;        // dotted and stable: "core.disease.cure-claim"
  std::string pack_id;
  std::string category;
  Severity severity = Severity::kWarning;
  std::string message;
  std::string rationale;
  std::string suggestion;
  std::vector<Pattern> patterns;
  // Antipatterns: a match whose sentence also matches one of these is not a
  // finding of this rule ("a proven track record").
  std::vector<Pattern> unless;
  std::vector<Example> examples;
};

// The prefilter entry for Set index i: which rule and which of its patterns.
struct PatternRef {
  uint32_t rule;
  uint32_t pattern;
};

class CompiledPack {
 public:
  CompiledPack(std::vector<PackInfo> packs, std::vector<Rule> rules);
  ~CompiledPack();
  CompiledPack(const CompiledPack&) = delete;
  CompiledPack& operator=(const CompiledPack&) = delete;

  const std::vector<PackInfo>& packs() const { return packs_; }
  const std::vector<Rule>& rules() const { return rules_; }
  const Rule* FindRule(std::string_view id) const;

  // One RE2::Set over every pattern of every rule. It only proposes
  // candidates; each candidate is confirmed with its own RE2.
  const RE2::Set& prefilter() const { return *prefilter_; }
  const std::vector<PatternRef>& prefilter_refs() const { return refs_; }

 private:
  std::vector<PackInfo> packs_;
  std::vector<Rule> rules_;
  std::unique_ptr<RE2::Set> prefilter_;
  std::vector<PatternRef> refs_;
};

// Loads, validates and compiles `sources` in order into one pack. Errors
// (CL2xx) name the file and either the line and column of a JSON syntax
// error or the path of the bad field ("rules[3].patterns[0].regex") and
// why; all of a file's field errors are reported, not only the first.
StatusOr<std::shared_ptr<const CompiledPack>> Load(
    const std::vector<PackSource>& sources);

// The RE2 source a phrase pattern compiles to: its words folded like the
// text, joined by whitespace, bounded by word boundaries.
std::string PhraseToRegex(std::string_view phrase);

}  // namespace claimlint::rules

#endif  // CLAIMLINT_RULES_RULES_H_
