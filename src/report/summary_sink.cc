#include "report/report.h"
#include "report/util.h"

namespace claimlint::report {

namespace {

using internal::ByCount;
using internal::CountOf;

// `name 3, other 1`, highest count first.
std::string CountList(const std::map<std::string, uint64_t>& counts) {
  std::string out;
  for (const auto& [name, count] : ByCount(counts)) {
    if (!out.empty()) out += ", ";
    out += name + " " + std::to_string(count);
  }
  return out;
}

class SummarySink : public Sink {
 public:
  explicit SummarySink(std::ostream& out) : out_(out) {}

  void Begin(const RunInfo& run) override { version_ = run.tool_version; }

  void File(const FileResult& file) override {
    top_.Add(file.path, file.findings.size());
    bool missing = false;
    for (const analyze::Finding& finding : file.findings) {
      if (finding.kind == "missing-disclaimer") missing = true;
      if (!internal::SparedReason(finding).empty()) ++spared_;
    }
    if (missing) ++missing_disclaimer_files_;
  }

  void End(const Summary& summary) override {
    out_ << "claimlint " << version_ << " summary\n";
    out_ << "files       " << summary.files << " scanned, " << summary.files_with_findings
         << " with findings, " << summary.unreadable << " unreadable\n";
    out_ << "findings    " << summary.findings << ": "
         << CountOf(summary.by_severity, "error") << " error, "
         << CountOf(summary.by_severity, "warning") << " warning, "
         << CountOf(summary.by_severity, "info") << " info\n";
    if (spared_ > 0) out_ << "spared      " << spared_ << " (hedged, negated or supported)\n";
    if (missing_disclaimer_files_ > 0) {
      out_ << "disclaimers " << internal::Plural(missing_disclaimer_files_, "file", "files")
           << " missing one\n";
    }
    if (!summary.by_category.empty()) out_ << "categories  " << CountList(summary.by_category) << "\n";
    if (!summary.by_rule.empty()) out_ << "rules       " << CountList(summary.by_rule) << "\n";
    if (!top_.items().empty()) {
      out_ << "top files  ";
      const char* separator = " ";
      for (const auto& [path, count] : top_.items()) {
        out_ << separator << path << " (" << count << ")";
        separator = ", ";
      }
      out_ << "\n";
    }
  }

 private:
  std::ostream& out_;
  std::string version_;
  internal::TopFiles top_{5};
  uint64_t spared_ = 0;
  uint64_t missing_disclaimer_files_ = 0;
};

}  // namespace

std::unique_ptr<Sink> MakeSummarySink(std::ostream& out) {
  return std::make_unique<SummarySink>(out);
}

}  // namespace claimlint::report
