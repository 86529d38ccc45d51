#include <nlohmann/json.hpp>

#include "report/report.h"
#include "report/util.h"

namespace claimlint::report {

namespace {

using internal::Nested;
using internal::ordered_json;

ordered_json DiagnosticJson(const Diagnostic& diagnostic) {
  ordered_json out;
  out["code"] = diagnostic.code;
  out["location"] = diagnostic.location;
  out["message"] = diagnostic.message;
  return out;
}

ordered_json FindingJson(const analyze::Finding& finding) {
  ordered_json out;
  out["rule"] = finding.rule->id;
  out["kind"] = finding.kind;
  out["category"] = finding.rule->category;
  out["severity"] = SeverityName(finding.severity);
  out["message"] = finding.message;
  out["start"] = finding.source.begin;
  out["end"] = finding.source.end;
  out["line"] = finding.start.line;
  out["column"] = finding.start.column;
  out["end_line"] = finding.end.line;
  out["end_column"] = finding.end.column;
  out["text"] = finding.text;
  out["sentence"] = finding.sentence;
  out["hedged"] = finding.hedged;
  out["negated"] = finding.negated;
  out["supported"] = finding.supported;
  out["suggestion"] = finding.rule->suggestion;
  out["fingerprint"] = finding.fingerprint;
  return out;
}

class JsonSink : public Sink {
 public:
  explicit JsonSink(std::ostream& out) : out_(out) {}

  void Begin(const RunInfo& run) override {
    ordered_json tool;
    tool["name"] = "claimlint";
    tool["version"] = run.tool_version;
    ordered_json packs = ordered_json::array();
    for (const rules::PackInfo& pack : run.packs) {
      packs.push_back({{"id", pack.id}, {"version", pack.version}});
    }
    out_ << "{\n  \"tool\": " << Nested(tool, 1) << ",\n  \"schema_version\": 1,\n"
         << "  \"rule_packs\": " << Nested(packs, 1) << ",\n  \"files\": [";
  }

  void File(const FileResult& file) override {
    ordered_json out;
    out["path"] = file.path;
    out["format"] = input::FormatName(file.format);
    out["bytes"] = file.bytes;
    out["findings"] = ordered_json::array();
    for (const analyze::Finding& finding : file.findings) {
      out["findings"].push_back(FindingJson(finding));
    }
    out["errors"] = ordered_json::array();
    out["warnings"] = ordered_json::array();
    for (const Diagnostic& diagnostic : file.diagnostics) {
      out[diagnostic.is_error ? "errors" : "warnings"].push_back(DiagnosticJson(diagnostic));
    }
    out_ << (first_file_ ? "\n    " : ",\n    ") << Nested(out, 2);
    first_file_ = false;
  }

  void End(const Summary& summary) override {
    ordered_json out;
    out["files"] = summary.files;
    out["files_with_findings"] = summary.files_with_findings;
    out["unreadable"] = summary.unreadable;
    out["findings"] = summary.findings;
    out["by_severity"] = ordered_json::object();
    for (Severity severity : {Severity::kError, Severity::kWarning, Severity::kInfo}) {
      auto it = summary.by_severity.find(std::string(SeverityName(severity)));
      out["by_severity"][std::string(SeverityName(severity))] =
          it == summary.by_severity.end() ? 0 : it->second;
    }
    out["by_category"] = ordered_json::object();
    for (const auto& [category, count] : summary.by_category) {
      out["by_category"][category] = count;
    }
    out_ << (first_file_ ? "],\n" : "\n  ],\n") << "  \"summary\": " << Nested(out, 1)
         << "\n}\n";
  }

 private:
  std::ostream& out_;
  bool first_file_ = true;
};

}  // namespace

std::unique_ptr<Sink> MakeJsonSink(std::ostream& out) {
  return std::make_unique<JsonSink>(out);
}

}  // namespace claimlint::report
