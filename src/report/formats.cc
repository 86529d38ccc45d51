#include "report/report.h"

namespace claimlint::report {

namespace {

constexpr ReportFormat kFormats[] = {
    ReportFormat::kText,  ReportFormat::kJson,       ReportFormat::kHtml,
    ReportFormat::kSarif, ReportFormat::kJunit,      ReportFormat::kCheckstyle,
    ReportFormat::kGithub, ReportFormat::kSummary,
};

}  // namespace

std::string_view ReportFormatName(ReportFormat format) {
  switch (format) {
    case ReportFormat::kText: return "text";
    case ReportFormat::kJson: return "json";
    case ReportFormat::kHtml: return "html";
    case ReportFormat::kSarif: return "sarif";
    case ReportFormat::kJunit: return "junit";
    case ReportFormat::kCheckstyle: return "checkstyle";
    case ReportFormat::kGithub: return "github";
    case ReportFormat::kSummary: return "summary";
  }
  return "text";
}

std::optional<ReportFormat> ParseReportFormat(std::string_view name) {
  for (ReportFormat format : kFormats) {
    if (ReportFormatName(format) == name) return format;
  }
  return std::nullopt;
}

std::string ReportFormatList() {
  std::string out;
  for (ReportFormat format : kFormats) {
    if (!out.empty()) out += ", ";
    out += ReportFormatName(format);
  }
  return out;
}

}  // namespace claimlint::report
