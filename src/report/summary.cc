#include "report/report.h"

namespace claimlint::report {

void Summary::Add(const FileResult& file) {
  for (Severity severity : {Severity::kError, Severity::kWarning, Severity::kInfo}) {
    by_severity.try_emplace(std::string(SeverityName(severity)), 0);
  }
  ++files;
  if (file.unreadable) ++unreadable;
  if (!file.findings.empty()) ++files_with_findings;
  findings += file.findings.size();
  repeated_chrome_findings += file.repeated_chrome_findings;
  suppressed += file.suppressed.size();
  baselined += file.baselined.size();
  for (const analyze::Finding& finding : file.findings) {
    ++by_severity[std::string(SeverityName(finding.severity))];
    ++by_category[finding.rule->category];
    ++by_rule[finding.rule->id];
  }
}

}  // namespace claimlint::report
