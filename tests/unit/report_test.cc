// The report writers on hand-made results (tests/report_fixture.h): every
// byte from the input is escaped for its format, overlapping findings are
// highlighted without nesting, SARIF offsets count UTF-16 units, JUnit
// follows --fail-on, GitHub commands are escaped as the runner decodes
// them, and the progress bar draws only for batches.

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "report/report.h"
#include "report_fixture.h"

namespace claimlint {
namespace {

using testing::HostileFixture;
using testing::ReportFixture;

// What `make(stream)`'s sink writes for the fixture's files.
template <typename Make>
std::string Write(const ReportFixture& fixture, Make make) {
  std::ostringstream out;
  std::unique_ptr<report::Sink> sink = make(out);
  fixture.Run(*sink);
  return out.str();
}

size_t Count(const std::string& haystack, const std::string& needle) {
  size_t count = 0;
  for (size_t at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + 1)) {
    ++count;
  }
  return count;
}

TEST(HtmlReport, InputStaysInertText) {
  std::string html = Write(HostileFixture(), report::MakeHtmlSink);
  // The report's own script is the only one, and no markup from the
  // article or the rule pack survives as markup.
  EXPECT_EQ(Count(html, "<script"), 1u);
  EXPECT_EQ(Count(html, "<img"), 0u);
  EXPECT_EQ(Count(html, "</textarea"), 0u);
  EXPECT_EQ(Count(html, "<b>bold?</b>"), 0u);
  EXPECT_NE(html.find("&lt;script&gt;window.__pwned"), std::string::npos);
  EXPECT_NE(html.find("&lt;/textarea&gt;&lt;img src=x onerror=&quot;document.body"),
            std::string::npos);
  EXPECT_NE(html.find("site/a &lt;b&gt;&amp;&quot;x&quot;.txt"), std::string::npos);
  // javascript: appears only as text, never in an href.
  EXPECT_EQ(Count(html, "href=\"javascript"), 0u);
  std::regex hrefs("href=\"([^\"]*)\"");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), hrefs);
       it != std::sregex_iterator(); ++it) {
    EXPECT_EQ((*it)[1].str().rfind("#", 0), 0u) << "only in-page links: " << (*it)[1];
  }
  // Nothing loads from anywhere.
  EXPECT_NE(html.find("default-src 'none'"), std::string::npos);
  EXPECT_EQ(Count(html, "http://"), 0u);
  EXPECT_EQ(Count(html, "https://"), 0u);
}

TEST(HtmlReport, OverlappingFindingsSplitIntoSegments) {
  std::string html = Write(HostileFixture(), report::MakeHtmlSink);
  // "is clinically" (finding 2) overlaps "clinically proven" (finding 3):
  // three segments, the middle one covered by both.
  EXPECT_NE(html.find("data-f=\"2\" data-n=\"3\" tabindex=\"0\" role=\"button\" title=\"warning: "
                      "Overlapping phrase [test.establishment.is-proven]\">is </mark>"),
            std::string::npos);
  EXPECT_NE(html.find("class=\"hl sev-error overlap\" data-f=\"2 3\""), std::string::npos);
  EXPECT_NE(html.find("data-f=\"3\" data-n=\"4\""), std::string::npos);
  EXPECT_NE(html.find(">clinically</mark><mark"), std::string::npos);
  // The hedged claim is spared; the missing disclaimer is a notice.
  EXPECT_NE(html.find("class=\"hl sev-info spared\""), std::string::npos);
  EXPECT_NE(html.find("class=\"finding sev-error notice\""), std::string::npos);
  EXPECT_NE(html.find("Pages missing a disclaimer</dt><dd>1</dd>"), std::string::npos);
  EXPECT_NE(html.find("Spared claims</dt><dd>1</dd>"), std::string::npos);
}

TEST(HtmlReport, LargeBatchesSpoolToDisk) {
  ReportFixture fixture;
  const rules::Rule* rule =
      fixture.AddRule("t.r", "c", Severity::kWarning, "m", "why", "instead");
  fixture.run.rules.push_back(rule);
  for (int i = 0; i < 300; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "p%04d.txt", i);
    std::string text(400, 'x');
    text += " claim here\n";
    report::FileResult file = ReportFixture::File(name, text);
    fixture.Flag(file, rule, "claim");
    fixture.files.push_back(std::move(file));
  }
  std::string html = Write(fixture, report::MakeHtmlSink);
  EXPECT_EQ(Count(html, "<section class=\"doc\""), 300u);
  EXPECT_NE(html.find("id=\"d299\" data-path=\"p0299.txt\""), std::string::npos);
  EXPECT_EQ(html.substr(html.size() - 8), "</html>\n");
}

TEST(SarifReport, OffsetsCountUtf16UnitsAndBytes) {
  nlohmann::json sarif = nlohmann::json::parse(Write(HostileFixture(), report::MakeSarifSink));
  const nlohmann::json& run = sarif["runs"][0];
  EXPECT_EQ(run["columnKind"], "utf16CodeUnits");
  EXPECT_EQ(run["tool"]["driver"]["version"], "9.9.9");
  // Rules of the run first, then the document-level rule met on the way.
  ASSERT_EQ(run["tool"]["driver"]["rules"].size(), 7u);
  EXPECT_EQ(run["tool"]["driver"]["rules"][6]["id"], "test.disclaimer.fda");
  const nlohmann::json* immune = nullptr;
  for (const nlohmann::json& result : run["results"]) {
    if (result["ruleId"] == "test.immunity.boost") immune = &result;
  }
  ASSERT_NE(immune, nullptr);
  const nlohmann::json& region = (*immune)["locations"][0]["physicalLocation"]["region"];
  // The line starts with U+1F600: 4 bytes, 2 UTF-16 units, 1 code point.
  std::string source = testing::kHostileArticle;
  size_t byte = source.find("boosts immunity");
  size_t line_start = source.rfind('\n', byte) + 1;
  EXPECT_EQ(region["byteOffset"], byte);
  EXPECT_EQ(region["byteLength"], 15);
  EXPECT_EQ(region["charOffset"], byte - 2);  // the emoji is 4 bytes, 2 units
  EXPECT_EQ(region["charLength"], 15);
  EXPECT_EQ(region["startColumn"], byte - line_start - 2 + 1);
  EXPECT_EQ(region["snippet"]["text"], "boosts immunity");
  EXPECT_EQ((*immune)["ruleIndex"], 4);
  EXPECT_EQ((*immune)["level"], "warning");
  EXPECT_FALSE((*immune)["partialFingerprints"]["claimlintFingerprint/v1"].get<std::string>().empty());
  // The unreadable file is a notification, not a result.
  const nlohmann::json& notes = run["invocations"][0]["toolExecutionNotifications"];
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_EQ(notes[0]["descriptor"]["id"], "CL101");
  EXPECT_EQ(run["artifacts"][0]["location"]["uri"], "site/a%20%3Cb%3E%26%22x%22.txt");
}

TEST(JunitReport, FailOnDecidesWhatFails) {
  ReportFixture fixture = HostileFixture();
  std::string xml = Write(fixture, report::MakeJunitSink);
  // 8 findings (3 errors, 2 warnings, 3 info), a clean file's testcase and
  // an unreadable file's. --fail-on error (the default): 3 failures.
  EXPECT_NE(xml.find("<testsuites name=\"claimlint\" tests=\"10\" failures=\"3\" errors=\"1\""),
            std::string::npos)
      << xml.substr(0, 300);
  fixture.run.fail_on = Severity::kInfo;
  xml = Write(fixture, report::MakeJunitSink);
  EXPECT_NE(xml.find("tests=\"10\" failures=\"8\" errors=\"1\""), std::string::npos);
  fixture.run.fail_on = std::nullopt;
  xml = Write(fixture, report::MakeJunitSink);
  EXPECT_NE(xml.find("tests=\"10\" failures=\"0\" errors=\"1\""), std::string::npos);
  EXPECT_EQ(Count(xml, "<script"), 0u);
  EXPECT_NE(xml.find("name=\"no findings\""), std::string::npos);
}

TEST(GithubReport, CommandsAreEscapedAsTheRunnerDecodesThem) {
  ReportFixture fixture = HostileFixture();
  std::string out = Write(fixture, [](std::ostream& o) {
    return report::MakeGithubSink(o, {});
  });
  // A property value escapes % CR LF : and , ; data escapes % CR LF.
  EXPECT_NE(out.find("::warning file=site/a <b>&\"x\".txt,line=4,col=19,endLine=4,endColumn=34,"
                     "title=test.immunity.boost::Immunity claim: %2525, a:b (\"boosts immunity\")"
                     "%0AInstead: Leave it out.\n"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("::notice file="), std::string::npos);
  EXPECT_NE(out.find("::error file=site/c-binary.txt,title=claimlint CL101::binary file"),
            std::string::npos);
  for (size_t at = 0; (at = out.find('\n', at)) != std::string::npos; ++at) {
    ASSERT_TRUE(at + 1 == out.size() || out.compare(at + 1, 2, "::") == 0)
        << "every line is one command";
  }
}

TEST(GithubReport, JobSummaryOnlyWhenGithubWouldHideAnnotations) {
  namespace fs = std::filesystem;
  fs::path summary = fs::temp_directory_path() / ("claimlint-summary-" + std::to_string(getpid()));
  fs::remove(summary);
  ReportFixture fixture = HostileFixture();
  Write(fixture, [&](std::ostream& o) {
    return report::MakeGithubSink(o, {summary.string()});
  });
  EXPECT_FALSE(fs::exists(summary)) << "4 errors, 2 warnings: GitHub shows them all";
  const rules::Rule* rule = fixture.AddRule("t.many", "c", Severity::kWarning, "m|x", "w", "i");
  report::FileResult& file = fixture.files[0];
  for (int i = 0; i < 12; ++i) fixture.Flag(file, rule, "o", i);
  Write(fixture, [&](std::ostream& o) {
    return report::MakeGithubSink(o, {summary.string()});
  });
  std::ifstream in(summary);
  std::stringstream text;
  text << in.rdbuf();
  EXPECT_NE(text.str().find("| warning | 14 |"), std::string::npos) << text.str();
  EXPECT_NE(text.str().find("| t.many | m\\|x (\"o\") |"), std::string::npos) << text.str();
  fs::remove(summary);
}

TEST(GithubAndSarif, PathsLoseALeadingDotSlash) {
  ReportFixture fixture = HostileFixture();
  fixture.files[0].path = "./" + fixture.files[0].path;
  std::string github = Write(fixture, [](std::ostream& o) { return report::MakeGithubSink(o, {}); });
  EXPECT_EQ(github.find("file=./"), std::string::npos);
  EXPECT_NE(github.find("file=site/a <b>"), std::string::npos);
  nlohmann::json sarif = nlohmann::json::parse(Write(fixture, report::MakeSarifSink));
  EXPECT_EQ(sarif["runs"][0]["artifacts"][0]["location"]["uri"], "site/a%20%3Cb%3E%26%22x%22.txt");
}

TEST(CheckstyleReport, EscapesAttributes) {
  std::string xml = Write(HostileFixture(), report::MakeCheckstyleSink);
  EXPECT_NE(xml.find("<file name=\"site/a &lt;b&gt;&amp;&quot;x&quot;.txt\">"), std::string::npos);
  EXPECT_NE(xml.find("message=\"Disease claim &lt;b&gt;bold?&lt;/b&gt; (&quot;cures cancer&quot;)\""),
            std::string::npos);
  EXPECT_NE(xml.find("message=\"Efficacy claim (&quot;help with stress&quot;) [spared: hedged]\""),
            std::string::npos);
}

TEST(SummaryReport, CountsAndTopFiles) {
  std::string text = Write(HostileFixture(), report::MakeSummarySink);
  EXPECT_EQ(text,
            "claimlint 9.9.9 summary\n"
            "files       3 scanned, 1 with findings, 1 unreadable\n"
            "findings    8: 3 error, 2 warning, 3 info\n"
            "spared      1 (hedged, negated or supported)\n"
            "disclaimers 1 file missing one\n"
            "categories  establishment 2, markup 2, disclaimer 1, disease 1, efficacy 1, "
            "immunity 1\n"
            "rules       test.markup.script 2, test.disclaimer.fda 1, test.disease.cure 1, "
            "test.efficacy.helps 1, test.establishment.is-proven 1, test.establishment.proven 1, "
            "test.immunity.boost 1\n"
            "top files   site/a <b>&\"x\".txt (8)\n");
}

TEST(ProgressBar, DrawsForBatchesAndClearsAfter) {
  std::ostringstream out;
  std::unique_ptr<report::Progress> bar = report::MakeProgressBar(out, nullptr, 100);
  bar->Update(1, 1, 0);
  EXPECT_EQ(out.str(), "") << "a single file has no bar";
  bar->Update(1, 3, 2);
  bar->Update(3, 3, 5);
  EXPECT_NE(out.str().find("1/3 files  2 findings"), std::string::npos) << out.str();
  EXPECT_NE(out.str().find("[========================================] 3/3 files  5 findings"),
            std::string::npos)
      << out.str();
  bar->Finish();
  EXPECT_EQ(out.str().substr(out.str().size() - 4), "\r\x1b[K");
}

}  // namespace
}  // namespace claimlint
