#include <algorithm>

#include "report/report.h"

namespace claimlint::report {

namespace {

constexpr const char* kBold = "\x1b[1m";
constexpr const char* kReset = "\x1b[0m";
constexpr const char* kGreen = "\x1b[32m";

const char* SeverityColor(Severity severity) {
  switch (severity) {
    case Severity::kError: return "\x1b[1;31m";
    case Severity::kWarning: return "\x1b[1;33m";
    case Severity::kInfo: return "\x1b[1;36m";
  }
  return "";
}

std::string Plural(uint64_t count, std::string_view one, std::string_view many) {
  return std::to_string(count) + " " + std::string(count == 1 ? one : many);
}

class TextSink : public Sink {
 public:
  TextSink(std::ostream& out, const TextOptions& options) : out_(out), options_(options) {}

  void Begin(const RunInfo&) override {}

  void File(const FileResult& file) override {
    for (const analyze::Finding& finding : file.findings) Print(file, finding);
  }

  void End(const Summary& summary) override {
    if (!options_.show_summary) return;
    if (summary.findings == 0) {
      out_ << "no findings in " << Plural(summary.files, "file", "files");
    } else {
      auto count = [&](Severity severity) {
        auto it = summary.by_severity.find(std::string(SeverityName(severity)));
        return it == summary.by_severity.end() ? 0 : it->second;
      };
      out_ << Plural(summary.findings, "finding", "findings") << " ("
           << Plural(count(Severity::kError), "error", "errors") << ", "
           << Plural(count(Severity::kWarning), "warning", "warnings") << ", "
           << count(Severity::kInfo) << " info) in " << summary.files_with_findings
           << " of " << Plural(summary.files, "file", "files");
    }
    if (summary.unreadable > 0) {
      out_ << "; " << Plural(summary.unreadable, "file", "files") << " could not be read";
    }
    out_ << "\n";
  }

 private:
  void Print(const FileResult& file, const analyze::Finding& finding) {
    const bool color = options_.color;
    out_ << (color ? kBold : "") << file.path << ":" << finding.start.line << ":"
         << finding.start.column << ": " << (color ? kReset : "")
         << (color ? SeverityColor(finding.severity) : "") << SeverityName(finding.severity)
         << ": " << (color ? kReset : "") << (color ? kBold : "") << finding.message
         << (color ? kReset : "") << " [" << finding.rule->id << "]\n";
    // The sentence, then a caret line under the flagged words; columns count
    // code points, which is what a terminal shows for most text.
    uint32_t offset = std::min<uint32_t>(finding.text_in_sentence,
                                         static_cast<uint32_t>(finding.sentence.size()));
    std::string_view sentence = finding.sentence;
    uint32_t pad = CountCodePoints(sentence.substr(0, offset));
    uint32_t width = std::max<uint32_t>(1, CountCodePoints(sentence.substr(offset, finding.text.size())));
    out_ << "    " << sentence << "\n    " << std::string(pad, ' ') << (color ? kGreen : "")
         << "^" << std::string(width - 1, '~') << (color ? kReset : "") << "\n";
    for (const analyze::Trigger& trigger : finding.triggers) {
      out_ << "    needed by " << trigger.rule << " at " << trigger.start.line << ":"
           << trigger.start.column << " \"" << trigger.text << "\"\n";
    }
    if (finding.supported) out_ << "    supported by " << finding.support << "\n";
    if (!finding.rule->suggestion.empty()) {
      out_ << "    " << (color ? kBold : "") << "suggestion:" << (color ? kReset : "") << " "
           << finding.rule->suggestion << "\n";
    }
  }

  std::ostream& out_;
  TextOptions options_;
};

}  // namespace

std::unique_ptr<Sink> MakeTextSink(std::ostream& out, const TextOptions& options) {
  return std::make_unique<TextSink>(out, options);
}

}  // namespace claimlint::report
