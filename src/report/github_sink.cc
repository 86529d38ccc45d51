#include <cerrno>
#include <cstring>
#include <fstream>

#include "report/report.h"
#include "report/util.h"

namespace claimlint::report {

namespace {

// Workflow command escaping, as the Actions runner decodes it: data
// (the message) escapes % CR LF; property values also escape : and ,.
std::string EscapeData(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      default: out += c;
    }
  }
  return out;
}

std::string EscapeProperty(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : EscapeData(text)) {
    switch (c) {
      case ':': out += "%3A"; break;
      case ',': out += "%2C"; break;
      default: out += c;
    }
  }
  return out;
}

// A GitHub-flavoured Markdown table cell: no line breaks, no pipes, and
// nothing that renders as markup.
std::string MarkdownCell(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '\n': case '\r': case '\t': out += ' '; break;
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '|': case '\\': case '`': case '*': case '_': case '[': case ']': case '#':
      case '~': case '!':
        out += '\\';
        out += c;
        break;
      default: out += c;
    }
  }
  return out;
}

std::string_view Level(Severity severity) {
  switch (severity) {
    case Severity::kError: return "error";
    case Severity::kWarning: return "warning";
    case Severity::kInfo: return "notice";
  }
  return "error";
}

constexpr size_t kMaxSummaryRows = 1000;  // the step summary must stay under 1 MiB

class GithubSink : public Sink {
 public:
  GithubSink(std::ostream& out, GithubOptions options)
      : out_(out), options_(std::move(options)) {}

  void Begin(const RunInfo&) override {}

  void File(const FileResult& file) override {
    const std::string file_property =
        "file=" + EscapeProperty(internal::WithoutDotSlash(file.path));
    for (const Diagnostic& diagnostic : file.diagnostics) {
      auto [line, column] = internal::DiagnosticLineColumn(diagnostic, file.path);
      std::string level = diagnostic.is_error ? "error" : "warning";
      ++per_level_[level];
      out_ << "::" << level << " " << file_property;
      if (line > 0) out_ << ",line=" << line;
      if (column > 0) out_ << ",col=" << column;
      out_ << ",title=" << EscapeProperty("claimlint " + diagnostic.code)
           << "::" << EscapeData(diagnostic.message) << "\n";
      AddRow(file.path, line, column, level, diagnostic.code, diagnostic.message);
    }
    for (const analyze::Finding& finding : file.findings) {
      std::string_view level = Level(finding.severity);
      ++per_level_[std::string(level)];
      std::string message = internal::OneLineMessage(finding);
      if (!finding.rule->suggestion.empty()) message += "\nInstead: " + finding.rule->suggestion;
      out_ << "::" << level << " " << file_property << ",line=" << finding.start.line
           << ",col=" << finding.start.column << ",endLine=" << finding.end.line
           << ",endColumn=" << finding.end.column
           << ",title=" << EscapeProperty(finding.rule->id) << "::" << EscapeData(message)
           << "\n";
      AddRow(file.path, finding.start.line, finding.start.column, std::string(level),
             finding.rule->id, internal::OneLineMessage(finding));
    }
  }

  void End(const Summary& summary) override {
    if (options_.step_summary_path.empty()) return;
    bool hidden = false;
    for (const auto& [level, count] : per_level_) hidden |= count > kGithubShownPerLevel;
    if (!hidden) return;
    std::ofstream file(options_.step_summary_path, std::ios::binary | std::ios::app);
    file << StepSummary(summary);
    file.flush();
    if (!file) {
      // The log is the one channel left; an annotation says what was lost.
      out_ << "::warning title=claimlint::" << EscapeData(
                  "could not write the job summary to " + options_.step_summary_path + ": " +
                  std::strerror(errno))
           << "\n";
    }
  }

 private:
  void AddRow(const std::string& path, uint32_t line, uint32_t column, const std::string& level,
              const std::string& rule, const std::string& message) {
    ++rows_total_;
    if (rows_kept_ >= kMaxSummaryRows) return;
    std::string where = line > 0 ? std::to_string(line) + ":" + std::to_string(column) : "";
    rows_ += "| " + MarkdownCell(path) + " | " + where + " | " + level + " | " +
             MarkdownCell(rule) + " | " + MarkdownCell(message) + " |\n";
    ++rows_kept_;
  }

  std::string StepSummary(const Summary& summary) const {
    std::string out = "## claimlint: " + internal::Plural(summary.findings, "finding", "findings") +
                      " in " + std::to_string(summary.files_with_findings) + " of " +
                      internal::Plural(summary.files, "file", "files") + "\n\n";
    out += "GitHub shows " + std::to_string(kGithubShownPerLevel) +
           " annotations of each level per step; this table lists them all.\n\n";
    out += "| level | annotations |\n| --- | ---: |\n";
    for (const char* level : {"error", "warning", "notice"}) {
      out += "| " + std::string(level) + " | " + std::to_string(internal::CountOf(per_level_, level)) +
             " |\n";
    }
    out += "\n| file | line:col | level | rule | message |\n| --- | --- | --- | --- | --- |\n";
    out += rows_;
    if (rows_total_ > rows_kept_) {
      out += "\n…and " + std::to_string(rows_total_ - rows_kept_) +
             " more; the SARIF, JSON or HTML report has every one.\n";
    }
    out += "\n";
    return out;
  }

  std::ostream& out_;
  GithubOptions options_;
  std::map<std::string, uint64_t> per_level_;
  std::string rows_;
  uint64_t rows_kept_ = 0;
  uint64_t rows_total_ = 0;
};

}  // namespace

std::unique_ptr<Sink> MakeGithubSink(std::ostream& out, const GithubOptions& options) {
  return std::make_unique<GithubSink>(out, options);
}

}  // namespace claimlint::report
