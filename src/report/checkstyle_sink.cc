#include "report/report.h"
#include "report/util.h"

namespace claimlint::report {

namespace {

using internal::EscapeMarkup;

// Checkstyle's XML as linters share it (reviewdog, Jenkins warnings-ng,
// GitLab's code quality converters read it): a <file> per input, in path
// order, with an <error> per finding (source: claimlint.<rule id>) and per
// file problem (source: claimlint.<code>).
class CheckstyleSink : public Sink {
 public:
  explicit CheckstyleSink(std::ostream& out) : out_(out) {}

  void Begin(const RunInfo&) override {
    out_ << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n";
  }

  void File(const FileResult& file) override {
    out_ << "  <file name=\"" << EscapeMarkup(file.path, true) << "\">\n";
    for (const Diagnostic& diagnostic : file.diagnostics) {
      auto [line, column] = internal::DiagnosticLineColumn(diagnostic, file.path);
      out_ << "    <error";
      if (line > 0) out_ << " line=\"" << line << "\"";
      if (column > 0) out_ << " column=\"" << column << "\"";
      out_ << " severity=\"" << (diagnostic.is_error ? "error" : "warning") << "\" message=\""
           << EscapeMarkup(diagnostic.message, true) << "\" source=\"claimlint."
           << EscapeMarkup(diagnostic.code, true) << "\"/>\n";
    }
    for (const analyze::Finding& finding : file.findings) {
      out_ << "    <error line=\"" << finding.start.line << "\" column=\"" << finding.start.column
           << "\" severity=\"" << SeverityName(finding.severity) << "\" message=\""
           << EscapeMarkup(internal::OneLineMessage(finding), true) << "\" source=\"claimlint."
           << EscapeMarkup(finding.rule->id, true) << "\"/>\n";
    }
    out_ << "  </file>\n";
  }

  void End(const Summary&) override { out_ << "</checkstyle>\n"; }

 private:
  std::ostream& out_;
};

}  // namespace

std::unique_ptr<Sink> MakeCheckstyleSink(std::ostream& out) {
  return std::make_unique<CheckstyleSink>(out);
}

}  // namespace claimlint::report
