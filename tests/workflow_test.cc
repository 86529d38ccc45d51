// The workflow of issue 7: config files (discovery, validation with "did
// you mean", precedence), inline suppressions in each format, baselines
// whose fingerprints survive moved lines, and one CI scenario in a
// temporary git repository run through the binary.

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "config/config.h"
#include "scan/scan.h"
#include "test_files.h"

namespace claimlint {
namespace {

namespace fs = std::filesystem;
using testing_files::ReadFile;
using testing_files::WriteFile;

const rules::CompiledPack& CorePack() {
  static const std::shared_ptr<const rules::CompiledPack> pack =
      rules::Load({rules::EmbeddedLexicon(), *rules::EmbeddedPack("core.json")}).value();
  return *pack;
}

fs::path TempDir() { return claimlint::testing_files::TempDir("workflow"); }



// --- config ---------------------------------------------------------------

TEST(Config, EditDistanceAndClosestMatch) {
  EXPECT_EQ(config::EditDistance("kitten", "sitting"), 3u);
  EXPECT_EQ(config::EditDistance("", "abc"), 3u);
  EXPECT_EQ(config::ClosestMatch("disabel", {"enable", "disable"}), "disable");
  EXPECT_EQ(config::ClosestMatch("zzzzzz", {"enable", "disable"}), "");
}

TEST(Config, ParsesEveryKeyWithComments) {
  auto parsed = config::Parse(R"({
    // a comment
    "rules": ["packs/extra.json"], "enable": ["core.safety.completely-safe"],
    "disable": ["safety"], "severity": {"disease": "info"},
    "include": ["*.md"], "exclude": ["drafts/"], "fail-on": "warning",
    "reports": ["sarif=r.sarif"], "require-reason": false, "profile": ["uk"]
  })", "site/.claimlint.json");
  ASSERT_TRUE(parsed.ok()) << parsed.errors()[0].ToString();
  const config::Config& c = parsed.value();
  EXPECT_EQ(c.rules, std::vector<std::string>{"site/packs/extra.json"});
  EXPECT_EQ(c.severity.at("disease"), Severity::kInfo);
  EXPECT_EQ(c.fail_on, "warning");
  EXPECT_FALSE(c.require_reason);
  EXPECT_EQ(c.reports, std::vector<std::string>{"sarif=r.sarif"});
  EXPECT_EQ(c.profile, std::vector<std::string>{"uk"});
}

TEST(Config, SyntaxErrorHasLineAndColumn) {
  auto parsed = config::Parse("{\n  \"fail-on\": \"error\",\n", "c.json");
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.errors()[0].code, "CL501");
  EXPECT_EQ(parsed.errors()[0].location, "c.json:3:1");
}

TEST(Config, UnknownKeyAndUnknownRuleSuggestTheClosest) {
  auto parsed = config::Parse("{\n  \"fail_on\": \"error\"\n}", "c.json");
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.errors()[0].code, "CL502");
  EXPECT_EQ(parsed.errors()[0].location, "c.json:2:4");
  EXPECT_NE(parsed.errors()[0].message.find("did you mean 'fail-on'?"), std::string::npos);

  auto config = config::Parse("{\"disable\": [\"core.disease.cure-claims\"]}", "c.json");
  ASSERT_TRUE(config.ok());
  auto resolved = config::Resolve(config.value(), CorePack());
  ASSERT_FALSE(resolved.ok());
  EXPECT_EQ(resolved.errors()[0].code, "CL505");
  EXPECT_NE(resolved.errors()[0].message.find("did you mean 'core.disease.cure-claim'?"),
            std::string::npos);
}

TEST(Config, MostSpecificEntryDecides) {
  auto config = config::Parse(
      R"({"disable": ["*"], "enable": ["safety"], "severity": {"safety": "info",
          "core.disease.cure-claim": "warning"}})", "c.json");
  ASSERT_TRUE(config.ok());
  auto resolved = config::Resolve(config.value(), CorePack());
  ASSERT_TRUE(resolved.ok());
  const auto& decisions = resolved.value();
  EXPECT_TRUE(decisions.at("core.safety.completely-safe").enabled);
  EXPECT_EQ(decisions.at("core.safety.completely-safe").severity, Severity::kInfo);
  EXPECT_FALSE(decisions.at("core.disease.cure-claim").enabled);
}

TEST(Config, FoundFromTheFolderUpwardAndCached) {
  fs::path dir = TempDir();
  fs::create_directories(dir / "site/blog/2024");
  WriteFile(dir / "site/.claimlint.json", "{}");
  config::ConfigFinder finder;
  auto found = finder.Find((dir / "site/blog/2024").string());
  ASSERT_TRUE(found);
  EXPECT_TRUE(fs::equivalent(*found, dir / "site/.claimlint.json"));
  // Cached: removing the file does not change what this finder says.
  fs::remove(dir / "site/.claimlint.json");
  EXPECT_TRUE(finder.Find((dir / "site/blog").string()));
  EXPECT_FALSE(config::ConfigFinder().Find((dir / "site/blog").string()) &&
               fs::exists(dir / "site/.claimlint.json"));
  fs::remove_all(dir);
}

TEST(Config, StarterParses) {
  EXPECT_TRUE(config::Parse(config::StarterConfig(), "starter.json").ok());
}

// --- suppressions ---------------------------------------------------------

report::FileResult Scan(const std::string& bytes, input::Format format,
                        const scan::FindingPolicy& policy = {}) {
  static input::Source source;
  source = {"f", bytes};
  return scan::ScanSource(source, format, CorePack(), {}, policy);
}

bool HasDiagnostic(const report::FileResult& result, const std::string& code) {
  return std::any_of(result.diagnostics.begin(), result.diagnostics.end(),
                     [&](const Diagnostic& d) { return d.code == code; });
}

TEST(Suppressions, NextLineInEveryFormat) {
  const std::string claim = "Our oil is 100% safe.\n";
  struct Case {
    input::Format format;
    std::string directive;
  } cases[] = {
      {input::Format::kText, "# claimlint-disable-next-line safety -- approved by legal\n"},
      {input::Format::kMarkdown,
       "<!-- claimlint-disable-next-line safety -- approved by legal -->\n"},
      {input::Format::kHtml, "<!-- claimlint-disable-next-line safety -- approved by legal -->\n"},
  };
  for (const Case& c : cases) {
    report::FileResult plain = Scan(claim, c.format);
    ASSERT_EQ(plain.findings.size(), 1u);
    report::FileResult result = Scan(c.directive + claim, c.format);
    EXPECT_TRUE(result.findings.empty()) << input::FormatName(c.format);
    ASSERT_EQ(result.suppressed.size(), 1u);
    EXPECT_EQ(result.suppressed[0].suppression->reason, "approved by legal");
    EXPECT_EQ(result.suppressed[0].suppression->kind, "inSource");
    // Offsets are those of the file with the directive: line 2.
    EXPECT_EQ(result.suppressed[0].start.line, 2u);
    EXPECT_FALSE(HasDiagnostic(result, "CL111"));
  }
}

TEST(Suppressions, TextDirectiveLineIsNotProse) {
  // Were the directive line prose, "100% safe" in it would be a finding.
  report::FileResult result =
      Scan("# claimlint-disable-next-line core.disease.cure-claim -- 100% safe\n"
           "Our oil cures cancer.\n",
           input::Format::kText);
  for (const auto& finding : result.findings) EXPECT_NE(finding.start.line, 1u);
  EXPECT_EQ(result.suppressed.size(), 1u);
}

TEST(Suppressions, DisableEnableRange) {
  report::FileResult result = Scan(
      "<!-- claimlint-disable * -- quoted from a complaint -->\n"
      "It is 100% safe.\n\nIt cures cancer.\n"
      "<!-- claimlint-enable -->\n"
      "Truly 100% safe.\n",
      input::Format::kMarkdown);
  // The two claims and the missing disclaimer they call for ("*").
  ASSERT_EQ(result.suppressed.size(), 3u);
  bool line6 = false;
  for (const auto& finding : result.findings) line6 |= finding.start.line == 6;
  EXPECT_TRUE(line6);
}

TEST(Suppressions, ReasonRequiredAndUnusedReported) {
  const std::string text = "<!-- claimlint-disable-next-line safety -->\nIt is 100% safe.\n";
  report::FileResult strict = Scan(text, input::Format::kHtml);
  EXPECT_EQ(strict.findings.size(), 1u);
  EXPECT_TRUE(HasDiagnostic(strict, "CL110"));
  scan::FindingPolicy lax;
  lax.require_reason = false;
  report::FileResult relaxed = Scan(text, input::Format::kHtml, lax);
  EXPECT_EQ(relaxed.suppressed.size(), 1u);

  report::FileResult unused =
      Scan("<!-- claimlint-disable-next-line disease -- nothing here -->\nIt is 100% safe.\n",
           input::Format::kMarkdown);
  ASSERT_TRUE(HasDiagnostic(unused, "CL111"));
  for (const Diagnostic& d : unused.diagnostics) {
    if (d.code == "CL111") {
      EXPECT_EQ(d.location, "f:1:1");
    }
  }
}

// --- baseline -------------------------------------------------------------

TEST(Baseline, FingerprintSurvivesMovedLinesAndUnrelatedEdits) {
  report::FileResult before = Scan("It is 100% safe.\n", input::Format::kText);
  report::FileResult after = Scan(
      "A new opening paragraph about posture.\n\n\nIt is 100% safe.\n\nAnother ending.\n",
      input::Format::kText);
  ASSERT_EQ(before.findings.size(), 1u);
  ASSERT_EQ(after.findings.size(), 1u);
  EXPECT_NE(before.findings[0].start.line, after.findings[0].start.line);
  EXPECT_EQ(before.findings[0].fingerprint, after.findings[0].fingerprint);
}

TEST(Baseline, RoundTripsWithWhoAndWhy) {
  std::string text = scan::BaselineJson(
      {{"b.md", "r", "2", "", ""}, {"a.md", "r", "1", "ana", "in a quote"}});
  auto parsed = scan::ParseBaseline(text, "baseline.json");
  ASSERT_TRUE(parsed.ok());
  ASSERT_EQ(parsed.value().size(), 2u);
  EXPECT_EQ(parsed.value()[0].path, "a.md");
  EXPECT_EQ(parsed.value()[0].who, "ana");
  EXPECT_FALSE(scan::ParseBaseline("{\"findings\": [{}]}", "b").ok());
  auto broken = scan::ParseBaseline("{\n  \"findings\": [\n", "b.json");
  ASSERT_FALSE(broken.ok());
  EXPECT_EQ(broken.errors()[0].code, "CL601");
}

// --- changed lines --------------------------------------------------------

TEST(Diff, AddedLinesWithContextAndDeletionsOnly) {
  auto changed = scan::ParseUnifiedDiff(
      "diff --git a/x.md b/x.md\n--- a/x.md\n+++ b/x.md\n@@ -1,3 +1,4 @@\n a\n+b\n c\n-d\n+e\n"
      "diff --git a/y.txt b/y.txt\n--- a/y.txt\n+++ b/y.txt\n@@ -5,2 +4,0 @@\n-gone\n-gone\n"
      "--- a/z.txt\n+++ /dev/null\n@@ -1 +0,0 @@\n-z\n");
  ASSERT_TRUE(changed.ok());
  const scan::ChangedLines& files = changed.value();
  EXPECT_EQ(files.at("x.md").added, (std::vector<uint32_t>{2, 4}));
  EXPECT_TRUE(files.at("y.txt").changed);
  EXPECT_TRUE(files.at("y.txt").added.empty());
  EXPECT_FALSE(files.count("z.txt"));
  EXPECT_FALSE(scan::ParseUnifiedDiff("+++ b/x\n@@ -a +b @@\n").ok());
}

struct ShellRun {
  int code;
  std::string out, err;
};

ShellRun Shell(const fs::path& dir, const std::string& command) {
  std::string full = "cd '" + dir.string() + "' && env -u GITHUB_STEP_SUMMARY " + command +
                     " > out.log 2> err.log";
  int status = std::system(full.c_str());
  ShellRun run{WIFEXITED(status) ? WEXITSTATUS(status) : -1, ReadFile(dir / "out.log"),
          ReadFile(dir / "err.log")};
  fs::remove(dir / "out.log");
  fs::remove(dir / "err.log");
  return run;
}

std::string Claimlint(const std::string& args) {
  return std::string("'") + CLAIMLINT_BINARY + "' " + args;
}

// --- fixes ----------------------------------------------------------------

TEST(Fix, RewritesOnlyPlainSpansAndKeepsCapitals) {
  const std::string text =
      "Clinical-strength magnesium for athletes.\n\nOur medical grade oil is made in Italy.\n";
  report::FileResult result = Scan(text, input::Format::kText);
  ASSERT_EQ(result.findings.size(), 2u);
  scan::FixResult fixed = scan::ApplyFixes(text, result.findings);
  EXPECT_EQ(fixed.applied, 2u);
  EXPECT_EQ(fixed.text,
            "High-strength magnesium for athletes.\n\nOur high-grade oil is made in Italy.\n");
  EXPECT_TRUE(Scan(fixed.text, input::Format::kText).findings.empty());

  // Markup inside the flagged words: left alone, counted as skipped.
  const std::string markup = "Our **clinical** strength oil.\n";
  report::FileResult md = Scan(markup, input::Format::kMarkdown);
  ASSERT_EQ(md.findings.size(), 1u);
  scan::FixResult left = scan::ApplyFixes(markup, md.findings);
  EXPECT_EQ(left.applied, 0u);
  EXPECT_EQ(left.skipped, 1u);
  EXPECT_EQ(left.text, markup);
  EXPECT_EQ(scan::LineDiff("a.txt", "x\nA medical-grade oil.\n", "x\nA high-grade oil.\n"),
            "--- a/a.txt\n+++ b/a.txt\n@@ -2 +2 @@\n-A medical-grade oil.\n+A high-grade oil.\n");
}

TEST(Fix, AHitWidenedByAnotherPatternGetsNoFix) {
  auto pack = rules::Load({rules::EmbeddedLexicon(), {"t.json", R"({"pack": {"id": "t",
    "version": "1"}, "rules": [{"id": "t.x", "category": "guarantee", "severity": "error",
    "message": "m", "rationale": "r", "suggestion": "s",
    "patterns": [{"phrase": "miracle balm", "fix": {"replace": "balm"}},
                 {"phrase": "balm for eczema"}],
    "examples": {"flag": ["A [[miracle balm]].", "A [[balm for eczema]]."],
                 "pass": ["A balm.", "Calm."]}}]})"}});
  ASSERT_TRUE(pack.ok()) << pack.errors()[0].ToString();
  input::Source source{"f", "A miracle balm.\n\nA miracle balm for eczema.\n"};
  report::FileResult result = scan::ScanSource(source, input::Format::kText, *pack.value());
  ASSERT_EQ(result.findings.size(), 2u);
  EXPECT_EQ(result.findings[0].fix, "balm");
  EXPECT_EQ(result.findings[1].text, "miracle balm for eczema");
  EXPECT_EQ(result.findings[1].fix, "");  // "balm" would drop "for eczema" too
}

TEST(Fix, LoaderValidatesTheFixField) {
  auto load = [](const std::string& fix, bool in_unless = false) {
    std::string pattern = R"({"phrase": "totally safe", "fix": )" + fix + "}";
    std::string pack = R"({"pack": {"id": "t", "version": "1"}, "rules": [{"id": "t.x",
      "category": "safety", "severity": "error", "message": "m", "rationale": "r",
      "suggestion": "s", "patterns": [)" +
                       (in_unless ? std::string(R"("safe")") : pattern) +
                       R"(], "unless": [)" + (in_unless ? pattern : "") + R"(],
      "examples": {"flag": ["It is [[totally safe]].", "Oil: [[totally safe]]."],
                   "pass": ["It is calm.", "Calm."]}}]})";
    return rules::Load({rules::EmbeddedLexicon(), {"t.json", pack}});
  };
  EXPECT_TRUE(load(R"({"replace": "gentle"})").ok());
  EXPECT_FALSE(load(R"("gentle")").ok());
  EXPECT_FALSE(load(R"({"replace": ""})").ok());
  EXPECT_FALSE(load(R"({"replace": "<b>gentle</b>"})").ok());
  EXPECT_FALSE(load(R"({"replace": "gentle", "extra": 1})").ok());
  EXPECT_FALSE(load(R"({"replace": "gentle"})", /*in_unless=*/true).ok());
}

TEST(FixCli, DryRunThenFixThenCleanScan) {
  fs::path dir = TempDir();
  const std::string text =
      "Our <b>oil</b> is clinical-strength.\n<p>It has no side effects.</p>\n";
  WriteFile(dir / "a.html", text);
  ShellRun dry = Shell(dir, Claimlint("fix --no-config --dry-run a.html"));
  EXPECT_EQ(dry.code, 0) << dry.err;
  EXPECT_EQ(dry.out, "--- a/a.html\n+++ b/a.html\n@@ -1 +1 @@\n"
                     "-Our <b>oil</b> is clinical-strength.\n"
                     "+Our <b>oil</b> is high-strength.\n");
  EXPECT_EQ(ReadFile(dir / "a.html"), text);  // untouched
  ShellRun fixed = Shell(dir, Claimlint("fix --no-config a.html"));
  EXPECT_EQ(fixed.code, 0);
  EXPECT_NE(fixed.err.find("fixed 1 finding(s) in 1 file(s)"), std::string::npos) << fixed.err;
  EXPECT_EQ(ReadFile(dir / "a.html"),
            "Our <b>oil</b> is high-strength.\n<p>It has no side effects.</p>\n");
  ShellRun again = Shell(dir, Claimlint("scan --no-config --format json a.html"));
  nlohmann::json report = nlohmann::json::parse(again.out);
  ASSERT_EQ(report["files"][0]["findings"].size(), 1u);  // the claim with no safe rewrite
  EXPECT_EQ(report["files"][0]["findings"][0]["text"], "no side effects");
  fs::remove_all(dir);
}

// --- the binary in a git repository: the CI scenario ----------------------

TEST(CiScenario, BaselineNewClaimSuppressionAndRemovedDisclaimer) {
  fs::path repo = TempDir();
  const std::string disclaimer =
      "This article is for general information and is not medical advice. Talk to your "
      "doctor before starting any treatment.\n";
  const std::string old_claim = "Our oil cures cancer fast.\n\n";
  WriteFile(repo / ".claimlint.json", "{ \"fail-on\": \"warning\" }\n");
  WriteFile(repo / "article.txt", "Massage is relaxing.\n\n" + old_claim + disclaimer);
  ASSERT_EQ(Shell(repo, "git init -q -b main . && git add -A && git -c user.name=t "
                        "-c user.email=t@t commit -q -m adopt").code, 0);

  // Adopt: record today's findings, then CI passes against them.
  ASSERT_EQ(Shell(repo, Claimlint("scan --write-baseline baseline.json article.txt")).code, 0);
  ShellRun adopted = Shell(repo, Claimlint("scan --baseline baseline.json --format json article.txt"));
  EXPECT_EQ(adopted.code, 0) << adopted.out << adopted.err;
  nlohmann::json report = nlohmann::json::parse(adopted.out);
  EXPECT_EQ(report["summary"]["findings"], 0);
  EXPECT_GE(report["summary"]["baselined"].get<int>(), 1);

  // A branch adds a claim: one new finding fails the run.
  ASSERT_EQ(Shell(repo, "git checkout -q -b feature").code, 0);
  const std::string new_claim = "Our oil is 100% safe.\n\n";
  WriteFile(repo / "article.txt",
            "Massage is relaxing.\n\n" + new_claim + old_claim + disclaimer);
  ShellRun added = Shell(repo, Claimlint("scan --baseline baseline.json --format json article.txt"));
  EXPECT_EQ(added.code, 1);
  report = nlohmann::json::parse(added.out);
  ASSERT_EQ(report["files"][0]["findings"].size(), 1u);
  EXPECT_EQ(report["files"][0]["findings"][0]["rule"], "core.safety.completely-safe");
  // Changed lines alone (no baseline) say the same: the old claim is not on
  // an added line.
  ShellRun diffed = Shell(repo, Claimlint("scan --diff-base main --format json article.txt"));
  EXPECT_EQ(diffed.code, 1) << diffed.err;
  report = nlohmann::json::parse(diffed.out);
  ASSERT_EQ(report["files"][0]["findings"].size(), 1u);
  EXPECT_EQ(report["files"][0]["findings"][0]["rule"], "core.safety.completely-safe");
  ASSERT_EQ(Shell(repo, "git diff --merge-base main --output=change.diff").code, 0);
  EXPECT_EQ(Shell(repo, Claimlint("scan --diff change.diff article.txt")).code, 1);
  EXPECT_EQ(Shell(repo, Claimlint("scan --diff - article.txt < change.diff")).code, 1);

  // Suppressed with a reason: the run passes and the report keeps it.
  WriteFile(repo / "article.txt",
            "Massage is relaxing.\n\n"
            "# claimlint-disable-next-line core.safety.completely-safe -- quoted, legal ok\n" +
                new_claim + old_claim + disclaimer);
  ShellRun suppressed =
      Shell(repo, Claimlint("scan --baseline baseline.json --format json article.txt"));
  EXPECT_EQ(suppressed.code, 0) << suppressed.out << suppressed.err;
  report = nlohmann::json::parse(suppressed.out);
  ASSERT_EQ(report["files"][0]["suppressed"].size(), 1u);
  EXPECT_EQ(report["files"][0]["suppressed"][0]["suppressed"]["reason"], "quoted, legal ok");
  ShellRun sarif = Shell(repo, Claimlint("scan --baseline baseline.json --format sarif article.txt"));
  EXPECT_NE(sarif.out.find("\"justification\": \"quoted, legal ok\""), std::string::npos);

  // The disclaimer goes: the missing disclaimer is new, the run fails.
  WriteFile(repo / "article.txt",
            "Massage is relaxing.\n\n"
            "# claimlint-disable-next-line core.safety.completely-safe -- quoted, legal ok\n" +
                new_claim + old_claim);
  ShellRun removed = Shell(repo, Claimlint("scan --baseline baseline.json --format json article.txt"));
  EXPECT_EQ(removed.code, 1);
  report = nlohmann::json::parse(removed.out);
  ASSERT_EQ(report["files"][0]["findings"].size(), 1u);
  EXPECT_EQ(report["files"][0]["findings"][0]["kind"], "missing-disclaimer");
  // In changed-lines mode too: the removal is a change to the document.
  ShellRun diff_removed = Shell(repo, Claimlint("scan --diff-base main --format json article.txt"));
  EXPECT_EQ(diff_removed.code, 1);
  EXPECT_NE(diff_removed.out.find("missing-disclaimer"), std::string::npos);
  EXPECT_EQ(Shell(repo, Claimlint("scan --diff-base no-such-rev article.txt")).code, 2);
  fs::remove_all(repo);
}

TEST(CiScenario, StaleBaselineEntriesAreReported) {
  fs::path dir = TempDir();
  WriteFile(dir / "a.txt", "It is 100% safe.\n");
  ASSERT_EQ(Shell(dir, Claimlint("scan --no-config --write-baseline b.json a.txt")).code, 0);
  WriteFile(dir / "a.txt", "It is well tolerated.\n");
  ShellRun fixed = Shell(dir, Claimlint("scan --no-config --baseline b.json a.txt"));
  EXPECT_EQ(fixed.code, 0);
  EXPECT_NE(fixed.err.find("1 baseline entry matched no finding"), std::string::npos) << fixed.err;
  EXPECT_NE(fixed.err.find("a.txt core.safety.completely-safe"), std::string::npos);
  fs::remove_all(dir);
}

TEST(ConfigCli, InitConfigAndPrecedence) {
  fs::path dir = TempDir();
  ASSERT_EQ(Shell(dir, Claimlint("init")).code, 0);
  EXPECT_EQ(Shell(dir, Claimlint("init")).code, 2);  // never overwrites
  ShellRun printed = Shell(dir, Claimlint("config"));
  EXPECT_EQ(printed.code, 0) << printed.err;
  EXPECT_NE(printed.out.find("\"fail-on\": \"error\""), std::string::npos);

  fs::create_directories(dir / "site");
  WriteFile(dir / "site/a.txt", "It is 100% safe.\n");
  WriteFile(dir / ".claimlint.json", "{\"severity\": {\"safety\": \"info\"}}");
  EXPECT_EQ(Shell(dir, Claimlint("scan site")).code, 0);            // config: info
  EXPECT_EQ(Shell(dir, Claimlint("scan --no-config site")).code, 1);  // default: error
  EXPECT_EQ(Shell(dir, Claimlint("scan --fail-on info site")).code, 1);  // CLI wins
  // The config's profile adds its jurisdiction's pack; --profile replaces it.
  WriteFile(dir / "site/b.txt", "A new way to treat back pain.\n");
  WriteFile(dir / ".claimlint.json", "{\"profile\": [\"uk\"], \"fail-on\": \"none\"}");
  ShellRun uk = Shell(dir, Claimlint("scan site/b.txt"));
  EXPECT_NE(uk.out.find("[uk."), std::string::npos) << uk.out << uk.err;
  ShellRun us = Shell(dir, Claimlint("scan --profile us site/b.txt"));
  EXPECT_EQ(us.out.find("[uk."), std::string::npos) << us.out;
  ShellRun both = Shell(dir, Claimlint("scan --rules x.json --profile uk site/b.txt"));
  EXPECT_EQ(both.code, 2);
  EXPECT_NE(both.err.find("cannot be combined with --profile"), std::string::npos) << both.err;
  WriteFile(dir / "site/.claimlint.json", "{\"disable\": [\"safty\"]}");
  ShellRun bad = Shell(dir, Claimlint("scan site/a.txt"));
  EXPECT_EQ(bad.code, 2);
  EXPECT_NE(bad.err.find("did you mean 'safety'?"), std::string::npos) << bad.err;
  // Two PATHs with different nearest configs: one run has one config.
  WriteFile(dir / "b.txt", "Fine.\n");
  EXPECT_EQ(Shell(dir, Claimlint("scan site/a.txt b.txt")).code, 2);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace claimlint
