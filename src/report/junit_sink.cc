#include <sstream>

#include "report/report.h"
#include "report/util.h"

namespace claimlint::report {

namespace {

using internal::EscapeMarkup;

// JUnit XML as CI dashboards read it (Jenkins, GitLab, Azure, the GitHub
// test reporters). A dashboard lists failed testcases with their message,
// so each finding is its own testcase: the reader sees "file: 3:12 rule"
// and the sentence without opening anything else. A clean file is one
// passing testcase, so it still counts as checked. Findings below
// --fail-on pass, with the finding in <system-out>. No timings or
// timestamps: the report is byte-identical run after run.
class JunitSink : public Sink {
 public:
  explicit JunitSink(std::ostream& out) : out_(out) {}

  void Begin(const RunInfo& run) override { fail_on_ = run.fail_on; }

  void File(const FileResult& file) override {
    std::ostringstream cases;
    uint64_t tests = 0, failures = 0, errors = 0;
    const std::string path = EscapeMarkup(file.path, true);
    const std::string head = "    <testcase classname=\"" + path + "\" file=\"" + path + "\"";
    std::string warnings;
    for (const Diagnostic& diagnostic : file.diagnostics) {
      if (!diagnostic.is_error) {
        warnings += diagnostic.ToString() + "\n";
        continue;
      }
      ++tests, ++errors;
      cases << head << " name=\"read " << EscapeMarkup(diagnostic.code, true)
            << "\" time=\"0\">\n      <error type=\"" << EscapeMarkup(diagnostic.code, true)
            << "\" message=\"" << EscapeMarkup(diagnostic.message, true) << "\">"
            << EscapeMarkup(diagnostic.ToString()) << "</error>\n    </testcase>\n";
    }
    for (const analyze::Finding& finding : file.findings) {
      ++tests;
      const bool fails = fail_on_ && finding.severity >= *fail_on_;
      cases << head << " name=\"" << finding.start.line << ":" << finding.start.column << " "
            << EscapeMarkup(finding.rule->id, true) << "\" line=\"" << finding.start.line
            << "\" time=\"0\">\n";
      std::string body = Details(file, finding);
      if (fails) {
        ++failures;
        cases << "      <failure type=\"" << SeverityName(finding.severity) << "\" message=\""
              << EscapeMarkup(internal::OneLineMessage(finding), true) << "\">"
              << EscapeMarkup(body) << "</failure>\n";
      } else {
        cases << "      <system-out>" << EscapeMarkup(body) << "</system-out>\n";
      }
      cases << "    </testcase>\n";
    }
    if (tests == 0) {
      ++tests;
      cases << head << " name=\"no findings\" time=\"0\"/>\n";
    }
    tests_ += tests, failures_ += failures, errors_ += errors;
    std::ostringstream suite;
    suite << "  <testsuite name=\"" << path << "\" tests=\"" << tests << "\" failures=\""
          << failures << "\" errors=\"" << errors << "\" skipped=\"0\" time=\"0\">\n"
          << cases.str();
    if (!warnings.empty()) suite << "    <system-err>" << EscapeMarkup(warnings) << "</system-err>\n";
    suite << "  </testsuite>\n";
    spool_.Write(suite.str());
  }

  void End(const Summary&) override {
    out_ << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"claimlint\" tests=\""
         << tests_ << "\" failures=\"" << failures_ << "\" errors=\"" << errors_
         << "\" time=\"0\">\n";
    spool_.CopyTo(out_);
    out_ << "</testsuites>\n";
  }

 private:
  // What a reader needs without the article at hand.
  static std::string Details(const FileResult& file, const analyze::Finding& finding) {
    std::string out = file.path + ":" + std::to_string(finding.start.line) + ":" +
                      std::to_string(finding.start.column) + ": " +
                      std::string(SeverityName(finding.severity)) + ": " +
                      internal::OneLineMessage(finding) + " [" + finding.rule->id + "]\n";
    if (!finding.sentence.empty()) out += "Sentence: " + finding.sentence + "\n";
    if (!finding.rule->rationale.empty()) out += "Why: " + finding.rule->rationale + "\n";
    if (!finding.rule->suggestion.empty()) out += "Instead: " + finding.rule->suggestion + "\n";
    return out;
  }

  std::ostream& out_;
  std::optional<Severity> fail_on_;
  internal::Spool spool_;
  uint64_t tests_ = 0, failures_ = 0, errors_ = 0;
};

}  // namespace

std::unique_ptr<Sink> MakeJunitSink(std::ostream& out) {
  return std::make_unique<JunitSink>(out);
}

}  // namespace claimlint::report
