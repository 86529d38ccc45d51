#include <nlohmann/json.hpp>

#include "report/json_writer.h"
#include "report/report.h"
#include "report/util.h"

namespace claimlint::report {

namespace {

using internal::Nested;
using internal::ordered_json;

void WriteDiagnostic(JsonWriter& json, const Diagnostic& diagnostic) {
  json.BeginObject();
  json.Key("code");
  json.String(diagnostic.code);
  json.Key("location");
  json.String(diagnostic.location);
  json.Key("message");
  json.String(diagnostic.message);
  json.End();
}

void WriteFinding(JsonWriter& json, const analyze::Finding& finding) {
  json.BeginObject();
  json.Key("rule");
  json.String(finding.rule->id);
  json.Key("kind");
  json.String(finding.kind);
  json.Key("category");
  json.String(finding.rule->category);
  json.Key("severity");
  json.String(SeverityName(finding.severity));
  json.Key("message");
  json.String(finding.message);
  json.Key("start");
  json.Number(finding.source.begin);
  json.Key("end");
  json.Number(finding.source.end);
  json.Key("line");
  json.Number(finding.start.line);
  json.Key("column");
  json.Number(finding.start.column);
  json.Key("end_line");
  json.Number(finding.end.line);
  json.Key("end_column");
  json.Number(finding.end.column);
  json.Key("text");
  json.String(finding.text);
  json.Key("sentence");
  json.String(finding.sentence);
  json.Key("hedged");
  json.Bool(finding.hedged);
  json.Key("negated");
  json.Bool(finding.negated);
  json.Key("supported");
  json.Bool(finding.supported);
  json.Key("contexts");
  json.Strings(finding.contexts);
  json.Key("support");
  json.String(finding.support);
  json.Key("reasons");
  json.Strings(finding.reasons);
  if (finding.kind == "missing-disclaimer") {
    json.Key("triggers");
    json.BeginArray();
    for (const analyze::Trigger& trigger : finding.triggers) {
      json.BeginObject();
      json.Key("rule");
      json.String(trigger.rule);
      json.Key("line");
      json.Number(trigger.start.line);
      json.Key("column");
      json.Number(trigger.start.column);
      json.Key("text");
      json.String(trigger.text);
      json.End();
    }
    json.End();
  }
  json.Key("suggestion");
  json.String(finding.rule->suggestion);
  json.Key("fingerprint");
  json.String(finding.fingerprint);
  if (!finding.fix.empty()) {  // added later in schema_version 1
    json.Key("fix");
    json.String(finding.fix);
  }
  if (finding.suppression) {
    json.Key("suppressed");
    json.BeginObject();
    json.Key("kind");
    json.String(finding.suppression->kind);
    json.Key("reason");
    json.String(finding.suppression->reason);
    json.Key("location");
    json.String(finding.suppression->location);
    json.End();
  }
  json.End();
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
    std::string text;
    JsonWriter json(text, 2);
    json.BeginObject();
    json.Key("path");
    json.String(file.path);
    json.Key("format");
    json.String(input::FormatName(file.format));
    json.Key("bytes");
    json.Number(file.bytes);
    for (const auto* list : {&file.findings, &file.spared, &file.suppressed, &file.baselined}) {
      // Added after schema_version 1 was published: only when not empty.
      if ((list == &file.suppressed || list == &file.baselined) && list->empty()) continue;
      json.Key(list == &file.findings  ? "findings"
               : list == &file.spared  ? "spared"
               : list == &file.suppressed ? "suppressed"
                                          : "baselined");
      json.BeginArray();
      for (const analyze::Finding& finding : *list) WriteFinding(json, finding);
      json.End();
    }
    for (bool errors : {true, false}) {
      json.Key(errors ? "errors" : "warnings");
      json.BeginArray();
      for (const Diagnostic& diagnostic : file.diagnostics) {
        if (diagnostic.is_error == errors) WriteDiagnostic(json, diagnostic);
      }
      json.End();
    }
    json.End();
    out_ << (first_file_ ? "\n    " : ",\n    ") << text;
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
    // Added after schema_version 1: only when there is something to say.
    if (summary.suppressed > 0) out["suppressed"] = summary.suppressed;
    if (summary.baselined > 0 || !summary.stale_baseline.empty()) {
      out["baselined"] = summary.baselined;
      out["stale_baseline"] = summary.stale_baseline;
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
