// The HTML report in a real browser: headless Chromium (Debian's
// `chromium`, installed by .ci/deps) loads the report from file://, and the
// test reads the DOM it built. It checks that the report's own script runs
// under its Content-Security-Policy and no script from an article does,
// that highlights sit on the flagged words, that filter clicks hide what
// they should, and that a click on a highlight opens its details. It saves
// screenshots to reports/ (html-report.png, html-report-hostile.png,
// html-report-phone.png) for a person to look at.
//
// DOM checks run in a copy of the report with a test script appended and
// the CSP removed (the CSP would block the test script too); the unmodified
// report is loaded as well, to prove its script runs under the CSP.
// Chromium is required: when it is missing the tests fail and say so.

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "report/report.h"
#include "report_fixture.h"
#include "test_files.h"

namespace claimlint {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

using claimlint::testing_files::ReadFile;
using claimlint::testing_files::WriteFile;


int System(const std::string& command) {
  int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

fs::path TempDir() { return claimlint::testing_files::TempDir("browser"); }

std::string FindChromium() {
  if (const char* path = std::getenv("CLAIMLINT_CHROMIUM")) return path;
  for (const char* path : {"/usr/bin/chromium", "/usr/bin/chromium-browser"}) {
    if (access(path, X_OK) == 0) return path;
  }
  return "";
}

// Runs headless Chromium on `page` with `args` (--dump-dom or
// --screenshot=...), offline and with a throwaway profile; returns stdout.
std::string Chromium(const fs::path& page, const std::string& args) {
  std::string chromium = FindChromium();
  if (chromium.empty()) {
    ADD_FAILURE() << "chromium not found: install it with `bash .ci/deps` (Debian package "
                     "chromium) or set CLAIMLINT_CHROMIUM to its path";
    return "";
  }
  fs::path dir = page.parent_path();
  fs::path profile = dir / ("profile-" + page.filename().string());
  fs::path out = dir / "chromium.out", err = dir / "chromium.err";
  std::string command =
      "timeout 120 '" + chromium + "' --headless --no-sandbox --disable-gpu --disable-quic "
      "--no-first-run --disable-background-networking --disable-component-update --disable-sync "
      "--disable-extensions --hide-scrollbars --virtual-time-budget=5000 --user-data-dir='" +
      profile.string() + "' " + args + " 'file://" + page.string() + "' > '" + out.string() +
      "' 2> '" + err.string() + "'";
  int code = System(command);
  EXPECT_EQ(code, 0) << command << "\n" << ReadFile(err);
  fs::remove_all(profile);
  return ReadFile(out);
}

// What the test script reports about the page, as JSON. It runs after the
// report's own script (it is appended after it) and clicks like a reader.
constexpr const char kTestScript[] = R"js(
(function () {
  var out = {};
  function q(selector) { return document.querySelectorAll(selector); }
  function visible(selector) {
    return Array.prototype.filter.call(q(selector), function (el) {
      return !el.closest('.filtered-out');
    }).length;
  }
  function state() {
    return {
      shown: Number(document.getElementById('filter-status').dataset.shown),
      findings: visible('section.doc .finding'),
      docs: visible('section.doc'),
      marks_on: q('mark.hl:not(.off)').length,
      status: document.getElementById('filter-status').textContent
    };
  }
  function box(name, value) {
    return document.querySelector('input[name="' + name + '"][value="' + value + '"]');
  }
  out.ready = document.documentElement.dataset.ready || null;
  out.pwned = typeof window.__pwned !== 'undefined' || 'pwned' in document.body.dataset ||
              document.title === 'PWNED';
  out.title = document.title;
  out.scripts = q('script').length;
  out.imgs = q('img').length;
  out.textareas = q('textarea').length;
  out.docs = q('section.doc').length;
  out.findings = q('section.doc .finding').length;
  out.notices = q('.finding.notice').length;
  out.marks = q('mark.hl').length;
  out.spared_marks = q('mark.hl.spared').length;
  out.overlap_marks = q('mark.hl.overlap').length;
  out.chart_rows = q('svg.chart g.row').length;
  // The words under each finding's highlights, by document and finding.
  out.highlights = {};
  q('section.doc').forEach(function (doc) {
    var texts = {};
    doc.querySelectorAll('mark.hl').forEach(function (mark) {
      mark.dataset.f.split(' ').forEach(function (key) {
        texts[key] = (texts[key] || '') + mark.textContent;
      });
    });
    out.highlights[doc.dataset.path] = texts;
  });
  out.initial = state();
  var error = box('sev', 'error');
  error.click();
  out.errors_off = state();
  out.errors_off.overlap_class = (q('mark.hl.overlap')[0] || {}).className || null;
  error.click();
  out.restored = state();
  var category = document.querySelector('input[name="cat"]');
  out.first_category = category.value;
  category.click();
  out.first_category_off = state();
  category.click();
  ['error', 'warning', 'info'].forEach(function (s) { box('sev', s).click(); });
  out.all_severities_off = state();
  document.querySelector('button[data-action="reset"]').click();
  out.reset = state();
  box('spared', 'spared').click();
  out.spared_off = state();
  box('spared', 'spared').click();
  var overlap = q('mark.hl.overlap')[0] || q('mark.hl')[0];
  if (overlap) overlap.click();
  var popover = document.getElementById('popover');
  out.popover = { hidden: popover.hidden, cards: popover.querySelectorAll('.card').length,
                  text: popover.textContent };
  var pre = document.createElement('pre');
  pre.id = 'test-out';
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
)js";

// Opens the first overlapping highlight, for a screenshot with details.
// Headless screenshots show the top of the page whatever the scroll, so
// the summary is hidden to bring the document up.
constexpr const char kOpenPopover[] = R"js(
document.getElementById('summary').hidden = true;
var mark = document.querySelector('mark.hl.overlap') || document.querySelector('mark.hl');
if (mark) mark.click();
)js";

// A copy of the report with `script` appended after its own and the CSP
// dropped (it would block the test's script).
fs::path WithScript(const fs::path& report, const std::string& name, const std::string& script) {
  std::string html = ReadFile(report);
  size_t csp = html.find("<meta http-equiv=\"Content-Security-Policy\"");
  if (csp != std::string::npos) html.erase(csp, html.find(">\n", csp) + 2 - csp);
  size_t body = html.rfind("</body>");
  html.insert(body, "<script>" + script + "</script>\n");
  fs::path copy = report.parent_path() / name;
  WriteFile(copy, html);
  return copy;
}

json TestResults(const fs::path& report) {
  std::string dom = Chromium(WithScript(report, "test-copy.html", kTestScript), "--dump-dom");
  size_t begin = dom.find("<pre id=\"test-out\">");
  size_t end = dom.find("</pre>", begin);
  if (begin == std::string::npos || end == std::string::npos) {
    ADD_FAILURE() << "the test script left no results; the DOM was:\n" << dom.substr(0, 3000);
    return json::object();
  }
  begin += 19;
  std::string text = dom.substr(begin, end - begin);
  std::string unescaped;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 4, "&lt;") == 0) unescaped += '<', i += 3;
    else if (text.compare(i, 4, "&gt;") == 0) unescaped += '>', i += 3;
    else if (text.compare(i, 5, "&amp;") == 0) unescaped += '&', i += 4;
    else if (text.compare(i, 6, "&nbsp;") == 0) unescaped += "\xC2\xA0", i += 5;
    else unescaped += text[i];
  }
  return json::parse(unescaped, nullptr, false);
}

fs::path Screenshot(const fs::path& page, const std::string& name, int width, int height) {
  fs::path reports = fs::path(CLAIMLINT_SOURCE_DIR) / "reports";
  fs::create_directories(reports);
  fs::path png = reports / name;
  fs::remove(png);
  Chromium(page, "--screenshot='" + png.string() + "' --window-size=" + std::to_string(width) +
                     "," + std::to_string(height));
  EXPECT_TRUE(fs::exists(png) && fs::file_size(png) > 10000) << png;
  return png;
}

TEST(BrowserHtmlReport, ChromiumIsInstalled) {
  EXPECT_FALSE(FindChromium().empty())
      << "chromium not found: install it with `bash .ci/deps` (Debian package chromium)";
}

TEST(BrowserHtmlReport, HostileArticleStaysInertAndFiltersWork) {
  fs::path dir = TempDir();
  fs::path report = dir / "hostile.html";
  {
    std::ofstream out(report, std::ios::binary);
    std::unique_ptr<report::Sink> sink = report::MakeHtmlSink(out);
    testing::HostileFixture().Run(*sink);
  }
  // The unmodified report: its own script ran under the CSP (it marks the
  // root element), nothing from the article did.
  std::string dom = Chromium(report, "--dump-dom");
  EXPECT_NE(dom.find("data-ready=\"true\""), std::string::npos) << "the report's script did not run";
  EXPECT_EQ(dom.find("data-pwned"), std::string::npos);
  EXPECT_EQ(dom.find("<title>PWNED"), std::string::npos);
  EXPECT_EQ(dom.find("<img"), std::string::npos);
  EXPECT_EQ(dom.find("<textarea"), std::string::npos);
  EXPECT_NE(dom.find("&lt;script&gt;window.__pwned"), std::string::npos);

  json r = TestResults(report);
  ASSERT_TRUE(r.is_object() && r.contains("initial")) << r.dump(2);
  EXPECT_EQ(r["ready"], "true");
  EXPECT_EQ(r["pwned"], false) << "a script from the article ran";
  EXPECT_EQ(r["scripts"], 2) << "the report's and the test's, no other";
  EXPECT_EQ(r["imgs"], 0);
  EXPECT_EQ(r["textareas"], 0);
  EXPECT_EQ(r["docs"], 1);
  EXPECT_EQ(r["findings"], 8);
  EXPECT_EQ(r["notices"], 1) << "the missing disclaimer";
  EXPECT_EQ(r["marks"], 8) << "7 spans, one overlap split into three segments";
  EXPECT_EQ(r["overlap_marks"], 1);
  EXPECT_EQ(r["spared_marks"], 1);
  EXPECT_EQ(r["chart_rows"], 6);
  const json& words = r["highlights"]["site/a <b>&\"x\".txt"];
  EXPECT_EQ(words["0"], "<script>window.__pwned");
  EXPECT_EQ(words["1"], "cures cancer");
  EXPECT_EQ(words["2"], "is clinically");
  EXPECT_EQ(words["3"], "clinically proven");
  EXPECT_EQ(words["4"], "javascript:alert(document.cookie)");
  EXPECT_EQ(words["5"], "help with stress");
  EXPECT_EQ(words["6"], "boosts immunity");
  EXPECT_FALSE(words.contains("7")) << "the missing disclaimer has no highlight";

  EXPECT_EQ(r["initial"]["shown"], 8);
  EXPECT_EQ(r["initial"]["marks_on"], 8);
  // Errors off: 3 error findings hidden; "cures cancer" and "proven" lose
  // their highlight; "clinically" stays, now a warning.
  EXPECT_EQ(r["errors_off"]["shown"], 5);
  EXPECT_EQ(r["errors_off"]["findings"], 5);
  EXPECT_EQ(r["errors_off"]["marks_on"], 6);
  EXPECT_NE(r["errors_off"]["overlap_class"].get<std::string>().find("sev-warning"),
            std::string::npos);
  EXPECT_EQ(r["restored"]["shown"], 8);
  EXPECT_EQ(r["first_category"], "disclaimer");
  EXPECT_EQ(r["first_category_off"]["shown"], 7);
  EXPECT_EQ(r["all_severities_off"]["shown"], 0);
  EXPECT_EQ(r["all_severities_off"]["docs"], 0) << "an emptied document is hidden";
  EXPECT_EQ(r["reset"]["shown"], 8);
  EXPECT_EQ(r["spared_off"]["shown"], 7);
  EXPECT_EQ(r["spared_off"]["marks_on"], 7);
  // The overlap's details: both findings, with why and what instead.
  EXPECT_EQ(r["popover"]["hidden"], false);
  EXPECT_EQ(r["popover"]["cards"], 2);
  std::string popover = r["popover"]["text"];
  EXPECT_NE(popover.find("Proof needs trials."), std::string::npos) << popover;
  EXPECT_NE(popover.find("Overlaps the other rule."), std::string::npos) << popover;
  EXPECT_NE(popover.find("Cite the study."), std::string::npos) << popover;

  Screenshot(WithScript(report, "popover-copy.html", kOpenPopover), "html-report-hostile.png", 1000,
             1300);
  Screenshot(report, "html-report-phone.png", 390, 1600);
}

TEST(BrowserHtmlReport, CorpusReportShowsEveryFindingAtItsWords) {
  fs::path dir = TempDir();
  fs::path html = dir / "report.html", json_path = dir / "report.json";
  std::string command = "cd '" CLAIMLINT_SOURCE_DIR "' && '" CLAIMLINT_BINARY
                        "' scan --fail-on none --report html='" + html.string() +
                        "' --report json='" + json_path.string() +
                        "' corpus tests/golden/basic/input > /dev/null 2>&1";
  EXPECT_EQ(System(command), 1) << "an unreadable file makes the exit code 1";
  json expected = json::parse(ReadFile(json_path));
  json r = TestResults(html);
  ASSERT_TRUE(r.is_object() && r.contains("initial")) << r.dump(2);
  EXPECT_EQ(r["ready"], "true");
  // The report lists every reported finding and every spared claim, and
  // highlights every claim (missing disclaimers are notices, not marks).
  size_t spared = 0, docs = 0;
  for (const json& file : expected["files"]) {
    spared += file["spared"].size();
    if (!file["findings"].empty() || !file["spared"].empty()) ++docs;
  }
  EXPECT_EQ(r["findings"], expected["summary"]["findings"].get<size_t>() + spared);
  EXPECT_EQ(r["docs"], docs);
  EXPECT_EQ(r["chart_rows"], expected["summary"]["by_category"].size());
  for (const json& file : expected["files"]) {
    json all = file["findings"];
    for (const json& finding : file["spared"]) all.push_back(finding);
    std::stable_sort(all.begin(), all.end(), [](const json& a, const json& b) {
      if (a["start"] != b["start"]) return a["start"].get<int>() < b["start"].get<int>();
      return a["rule"].get<std::string>() < b["rule"].get<std::string>();
    });
    if (all.empty()) continue;
    ASSERT_TRUE(r["highlights"].contains(file["path"].get<std::string>())) << file["path"];
    const json& words = r["highlights"][file["path"].get<std::string>()];
    for (size_t i = 0; i < all.size(); ++i) {
      if (all[i]["kind"] != "claim") continue;
      ASSERT_TRUE(words.contains(std::to_string(i))) << file["path"] << " finding " << i;
      EXPECT_EQ(words[std::to_string(i)], all[i]["text"]) << file["path"] << " finding " << i;
    }
  }
  Screenshot(html, "html-report.png", 1200, 2400);
}

}  // namespace
}  // namespace claimlint
