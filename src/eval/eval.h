// The evaluation stage: reads the annotated corpus (an `<article>.expect`
// beside each article) and scores the tool against the annotator's
// verdicts at sentence level. It is also where the .expect syntax lives, so
// the fixtures test and `claimlint eval` read the files the same way.
//
// .expect syntax, one item a line (`#` starts a comment):
//   # profile: us uk              the packs to scan with (lexicon + core + these)
//   LINE:COL SEVERITY RULE [KIND] [CONTEXT...]   a finding the tool must make
//   ~ LINE:COL RULE [CONTEXT...]                 a claim the context must spare
//   fp LINE:COL SEVERITY RULE ...                a finding the tool makes that
//                                                is no real claim (still expected)
//   fn LINE:COL CATEGORY [hedged]                a real claim the tool misses
//   fn LINE:COL missing-disclaimer RULE          a missing disclaimer it misses
// KIND is "missing-disclaimer" for that kind of finding and absent for
// claims; CONTEXT words are those of the report, in its order.

#ifndef CLAIMLINT_EVAL_EVAL_H_
#define CLAIMLINT_EVAL_EVAL_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "analyze/analyze.h"
#include "core/core.h"
#include "report/report.h"

namespace claimlint::eval {

struct ExpectLine {
  enum Kind { kFinding, kSpared, kMissed };
  Kind kind = kFinding;
  bool false_positive = false;  // an "fp " finding
  uint32_t line = 0;            // of the claim in the article, 1-based
  uint32_t column = 0;          // code points, 1-based
  std::string rule;             // findings, spared, missed disclaimers
  std::string category;         // missed claims; "missing-disclaimer"
  bool hedged = false;          // a finding with the hedged context, or "fn ... hedged"
  bool disclaimer = false;      // a missing-disclaimer finding or miss
  std::string compare;          // findings and spared: the line as the tool prints it
  uint32_t source_line = 0;     // where in the .expect file
};

struct Expectations {
  std::vector<std::string> profiles;  // from "# profile: ..."; empty = core only
  std::vector<ExpectLine> lines;
};

// Parses an .expect file. Errors name `path:line` and what is wrong.
StatusOr<Expectations> ParseExpectations(std::string_view text, const std::string& path);

// A finding in .expect syntax, as `compare` holds it: "3:19 error RULE
// [missing-disclaimer] [contexts]", or "~ 3:19 RULE [contexts]" when spared.
std::string DescribeFinding(const analyze::Finding& finding, bool spared);

// Where a scan and an article's expectations disagree: expected lines the
// scan did not produce, and produced lines nobody expected (fn lines, the
// tool's known misses, are not expected). Both sorted.
struct ExpectationDiff {
  std::vector<std::string> missing;
  std::vector<std::string> unexpected;
};
ExpectationDiff CompareWithExpectations(const report::FileResult& result,
                                        const Expectations& expectations);

// True positives, false positives and false negatives of one scope.
struct Counts {
  uint32_t tp = 0;
  uint32_t fp = 0;
  uint32_t fn = 0;
  double Precision() const;  // 1 when nothing was found
  double Recall() const;     // 1 when nothing was to be found
  double F1() const;
  Counts& operator+=(const Counts& other);
};

struct ArticleScore {
  std::string path;
  std::vector<std::string> profiles;
  Counts sentences;    // claim sentences, any category
  Counts disclaimers;  // missing-disclaimer findings
  // Lines of the .expect that the tool's findings no longer match, and
  // findings it makes that the .expect does not list (the fixtures test
  // fails on these; the scores use the tool's actual output).
  std::vector<std::string> stale;
};

struct Score {
  std::vector<ArticleScore> articles;
  Counts sentences;                          // sentence level, any category
  std::map<std::string, Counts> categories;  // (sentence, category) units
  Counts hedged;    // units hedged: the tool's reading for findings, the annotation's for misses
  Counts absolute;  // units that are not
  Counts disclaimers;                        // (article, requirement) units
  uint32_t disclaimer_decisions = 0;         // requirements checked, all articles
  uint32_t gold_sentences = 0;               // annotated claim sentences
  uint32_t total_sentences = 0;              // every sentence of every article
  std::map<std::string, uint32_t> formats;   // articles per file extension
  std::map<std::string, uint32_t> profile_counts;  // articles per profile set
};

// Scans every article under the `dirs` that has an .expect beside it
// (sorted by path) with the packs its profile line names and scores it. Errors: an
// unreadable directory or .expect, a bad .expect line, a rule id the
// packs do not have.
StatusOr<Score> Evaluate(const std::vector<std::string>& dirs);

// The report of reports/eval.md: how it was measured and the tables.
// Deterministic: the same corpus and packs give the same bytes.
std::string RenderMarkdown(const Score& score, const std::vector<std::string>& dirs);

}  // namespace claimlint::eval

#endif  // CLAIMLINT_EVAL_EVAL_H_
