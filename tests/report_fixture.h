// Hand-made scan results for the report tests: what the pipeline does not
// produce yet (spared claims, missing disclaimers, overlapping findings)
// and what a hostile article could hold (markup, script, quotes, astral
// characters), so every writer is tested on it whatever the analysis does.

#ifndef CLAIMLINT_TESTS_REPORT_FIXTURE_H_
#define CLAIMLINT_TESTS_REPORT_FIXTURE_H_

#include <deque>
#include <string>
#include <vector>

#include "report/report.h"

namespace claimlint::testing {

// Owns the rules the findings point to.
struct ReportFixture {
  std::deque<rules::Rule> rules;
  std::vector<report::FileResult> files;  // in path order
  report::RunInfo run;

  const rules::Rule* AddRule(std::string id, std::string category, Severity severity,
                             std::string message, std::string rationale,
                             std::string suggestion) {
    rules::Rule& rule = rules.emplace_back();
    rule.id = std::move(id);
    rule.pack_id = "test";
    rule.category = std::move(category);
    rule.severity = severity;
    rule.message = std::move(message);
    rule.rationale = std::move(rationale);
    rule.suggestion = std::move(suggestion);
    return &rule;
  }

  // A finding on the `occurrence`-th (0-based) `words` in `file`'s source;
  // the sentence is the line it stands on.
  analyze::Finding& Flag(report::FileResult& file, const rules::Rule* rule,
                         std::string_view words, int occurrence = 0) {
    size_t at = file.source.find(words);
    for (int i = 0; i < occurrence; ++i) at = file.source.find(words, at + 1);
    if (at == std::string::npos) at = 0;  // the test's own mistake; shows up as a wrong span
    analyze::Finding finding;
    finding.rule = rule;
    finding.severity = rule->severity;
    finding.message = rule->message;
    finding.source = {static_cast<uint32_t>(at), static_cast<uint32_t>(at + words.size())};
    LineIndex lines(file.source);
    finding.start = lines.At(finding.source.begin);
    finding.end = lines.At(finding.source.end);
    finding.text = std::string(words);
    finding.sentence_source = lines.LineAt(finding.source.begin);
    finding.sentence = std::string(Slice(file.source, finding.sentence_source));
    finding.fingerprint = Hex64(Fnv1a64(rule->id + "\n" + finding.sentence));
    file.findings.push_back(std::move(finding));
    return file.findings.back();
  }

  static report::FileResult File(std::string path, std::string source) {
    report::FileResult file;
    file.path = std::move(path);
    file.bytes = source.size();
    file.source = std::move(source);
    file.has_source = true;
    return file;
  }

  // Pushes the files through `sink` as the scan would.
  report::Summary Run(report::Sink& sink) const {
    report::Summary summary;
    sink.Begin(run);
    for (const report::FileResult& file : files) {
      summary.Add(file);
      sink.File(file);
    }
    sink.End(summary);
    return summary;
  }
};

// The hostile article, a clean one and an unreadable one.
inline const char kHostileArticle[] =
    "<script>window.__pwned = 1; document.title = \"PWNED\"</script>\n"
    "Our \"onerror=alert(1) oil cures cancer & </textarea><img src=x "
    "onerror=\"document.body.dataset.pwned=1\"> is clinically proven.\n"
    "Click javascript:alert(document.cookie) to order. It may help with stress.\n"
    "\xF0\x9F\x98\x80 Emoji first: it boosts immunity.\n";

inline ReportFixture HostileFixture() {
  ReportFixture f;
  const rules::Rule* cure = f.AddRule(
      "test.disease.cure", "disease", Severity::kError, "Disease claim <b>bold?</b>",
      "Cure claims need \"clinical\" evidence & approval.", "Describe the experience instead.");
  const rules::Rule* proven = f.AddRule("test.establishment.proven", "establishment",
                                        Severity::kError, "Establishment claim",
                                        "Proof needs trials.", "Cite the study.");
  const rules::Rule* is_proven = f.AddRule("test.establishment.is-proven", "establishment",
                                           Severity::kWarning, "Overlapping phrase",
                                           "Overlaps the other rule.", "Reword.");
  const rules::Rule* helps = f.AddRule("test.efficacy.helps", "efficacy", Severity::kInfo,
                                       "Efficacy claim", "Hedged claims are weaker.", "Fine.");
  const rules::Rule* immune = f.AddRule("test.immunity.boost", "immunity", Severity::kWarning,
                                        "Immunity claim: %25, a:b", "Implies protection.",
                                        "Leave it out.");
  const rules::Rule* script = f.AddRule("test.markup.script", "markup", Severity::kInfo,
                                        "Script in the article", "Should stay text.",
                                        "Remove it.");
  const rules::Rule* disclaimer = f.AddRule(
      "test.disclaimer.fda", "disclaimer", Severity::kError, "Missing FDA disclaimer",
      "Structure/function claims need the disclaimer.",
      "Add: \"These statements have not been evaluated by the FDA.\"");
  for (const rules::Rule& rule : f.rules) {
    if (&rule != disclaimer) f.run.rules.push_back(&rule);  // a document-level rule from elsewhere
  }
  f.run.tool_version = "9.9.9";
  f.run.information_uri = "https://example.invalid/claimlint";
  f.run.packs = {{"test", "Test pack", "1.0", "any", "<test>"}};

  report::FileResult hostile = ReportFixture::File("site/a <b>&\"x\".txt", kHostileArticle);
  f.Flag(hostile, script, "<script>window.__pwned");
  f.Flag(hostile, cure, "cures cancer");
  f.Flag(hostile, proven, "clinically proven");
  f.Flag(hostile, is_proven, "is clinically");  // overlaps "clinically proven"
  f.Flag(hostile, script, "javascript:alert(document.cookie)");
  f.Flag(hostile, helps, "help with stress").hedged = true;
  f.Flag(hostile, immune, "boosts immunity");
  analyze::Finding missing;
  missing.rule = disclaimer;
  missing.kind = "missing-disclaimer";
  missing.severity = Severity::kError;
  missing.message = disclaimer->message;
  missing.source = {static_cast<uint32_t>(hostile.source.size()),
                    static_cast<uint32_t>(hostile.source.size())};
  LineIndex lines(hostile.source);
  missing.start = missing.end = lines.At(missing.source.begin);
  missing.fingerprint = "00000000000000d1";
  hostile.findings.push_back(missing);
  std::stable_sort(hostile.findings.begin(), hostile.findings.end(),
                   [](const analyze::Finding& a, const analyze::Finding& b) {
                     return a.source.begin < b.source.begin;
                   });
  f.files.push_back(std::move(hostile));

  f.files.push_back(ReportFixture::File("site/b-clean.txt", "A calm place to wait.\n"));
  report::FileResult unreadable;
  unreadable.path = "site/c-binary.txt";
  unreadable.unreadable = true;
  unreadable.diagnostics.push_back(
      {"CL101", "site/c-binary.txt", "binary file <NUL> at offset 3, skipped", true});
  f.files.push_back(std::move(unreadable));
  return f;
}

}  // namespace claimlint::testing

#endif  // CLAIMLINT_TESTS_REPORT_FIXTURE_H_
