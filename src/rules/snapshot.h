// Internal to the rules stage: one pack source read and checked, and the
// snapshot form the build keeps it in. Parsing the embedded packs' JSON and
// looking up their near entries' words was most of a one-file run's start;
// make_embedded_packs does it once at build time with the same loader (and
// works out the claim patterns' required literals), and Load reads the
// snapshot back.

#ifndef CLAIMLINT_RULES_SNAPSHOT_H_
#define CLAIMLINT_RULES_SNAPSHOT_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/core.h"
#include "rules/rules.h"

namespace claimlint::rules {

struct PackContents {
  PackInfo info;
  std::vector<Rule> rules;  // claim rules, then disclaimer requirements
  size_t first_disclaimer = 0;
  Lexicon lexicon;  // the cue regexes and evidence domains the pack adds
};

// Reads and checks one pack source, adding its problems to `errors`. Null
// when it is not JSON, or not an object.
std::optional<PackContents> ReadPackSource(const PackSource& source,
                                           std::vector<Diagnostic>& errors);

// The pattern a pack holds for a phrase or regex ("phrase: ..." and the
// RE2 source it compiles to), and for a near pattern.
Pattern MakeRegexPattern(std::string written, std::string regex);
Pattern MakeNearPattern(NearPattern near);

// Works out the required literals of every phrase and regex pattern,
// antipattern, `when` pattern and cue (RequiredLiterals): a run of few
// documents proposes patterns without compiling the prefilter's RE2::Set or
// the disclaimers' Set, compiles only the cues its text may have, and no
// run compiles a pattern whose literals the text lacks.
void AddRequiredLiterals(PackContents& contents);

// The snapshot of a read pack; its near patterns carry their entry words.
std::string WriteSnapshot(const PackContents& contents);
// The pack back from WriteSnapshot's bytes; null if they are not such a
// snapshot (of this build's format). Its near patterns' entry words view
// the bytes, which must outlive it (the embedded snapshots are static).
std::optional<PackContents> ReadSnapshot(std::string_view snapshot);

}  // namespace claimlint::rules

#endif  // CLAIMLINT_RULES_SNAPSHOT_H_
