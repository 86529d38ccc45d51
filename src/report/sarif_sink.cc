#include <unordered_map>

#include "report/report.h"
#include "report/util.h"

namespace claimlint::report {

namespace {

using internal::Nested;
using internal::ordered_json;

constexpr const char* kFingerprintKey = "claimlintFingerprint/v1";

std::string_view Level(Severity severity) {
  switch (severity) {
    case Severity::kError: return "error";
    case Severity::kWarning: return "warning";
    case Severity::kInfo: return "note";
  }
  return "error";
}

std::string_view MimeType(input::Format format) {
  switch (format) {
    case input::Format::kText: return "text/plain";
    case input::Format::kMarkdown: return "text/markdown";
    case input::Format::kHtml: return "text/html";
  }
  return "text/plain";
}

// Relative paths are relative to the checkout, which SARIF consumers (code
// scanning) call %SRCROOT%; absolute paths stand alone as file:// URIs.
ordered_json ArtifactLocation(const std::string& path, int64_t index) {
  ordered_json out;
  out["uri"] = internal::PathToUri(internal::WithoutDotSlash(path));
  if (!path.starts_with("/")) out["uriBaseId"] = "%SRCROOT%";
  if (index >= 0) out["index"] = index;
  return out;
}

ordered_json RuleDescriptor(const rules::Rule& rule) {
  ordered_json out;
  out["id"] = rule.id;
  out["shortDescription"]["text"] = rule.message;
  out["fullDescription"]["text"] = rule.rationale.empty() ? rule.message : rule.rationale;
  std::string text = rule.message + "\n\nWhy: " + rule.rationale;
  std::string markdown = "**" + rule.message + "**\n\n**Why:** " + rule.rationale;
  if (!rule.suggestion.empty()) {
    text += "\n\nInstead: " + rule.suggestion;
    markdown += "\n\n**Instead:** " + rule.suggestion;
  }
  out["help"]["text"] = text;
  out["help"]["markdown"] = markdown;
  out["defaultConfiguration"]["level"] = Level(rule.severity);
  out["properties"]["category"] = rule.category;
  out["properties"]["pack"] = rule.pack_id;
  out["properties"]["tags"] = ordered_json::array({"health-claims", rule.category});
  return out;
}

// SARIF 2.1.0 with one run. The run declares columnKind utf16CodeUnits:
// most consumers (code scanning, editors) count UTF-16 whatever the file
// says, so these columns are right even where columnKind is ignored.
// charOffset/charLength use the same unit; byteOffset/byteLength are the
// finding's exact source span.
class SarifSink : public Sink {
 public:
  explicit SarifSink(std::ostream& out) : out_(out) {}

  bool NeedsSource() const override { return true; }

  void Begin(const RunInfo& run) override {
    run_ = run;
    for (const rules::Rule* rule : run.rules) RuleIndex(rule);
  }

  void File(const FileResult& file) override {
    const int64_t artifact = static_cast<int64_t>(artifacts_.size());
    ordered_json entry;
    entry["location"] = ArtifactLocation(file.path, -1);
    if (!file.unreadable) entry["length"] = file.bytes;
    entry["mimeType"] = MimeType(file.format);
    if (!file.unreadable) entry["encoding"] = "utf-8";
    artifacts_.push_back(std::move(entry));

    for (const Diagnostic& diagnostic : file.diagnostics) {
      ordered_json note;
      note["level"] = diagnostic.is_error ? "error" : "warning";
      note["message"]["text"] = diagnostic.message;
      note["descriptor"]["id"] = diagnostic.code;
      ordered_json location;
      location["physicalLocation"]["artifactLocation"] = ArtifactLocation(file.path, artifact);
      auto [line, column] = internal::DiagnosticLineColumn(diagnostic, file.path);
      if (line > 0) location["physicalLocation"]["region"]["startLine"] = line;
      note["locations"] = ordered_json::array({std::move(location)});
      notifications_.push_back(std::move(note));
    }

    std::string_view source = file.has_source ? std::string_view(file.source) : "";
    std::optional<LineIndex> lines;
    if (file.has_source) lines.emplace(source);
    // Findings come sorted by offset: one pass counts the UTF-16 units
    // before each.
    uint32_t counted_to = 0, units_before = 0;
    // Suppressed and baselined findings follow, each with `suppressions`
    // (SARIF's way to keep a result that does not count).
    std::vector<const analyze::Finding*> all;
    for (const auto* list : {&file.findings, &file.suppressed, &file.baselined}) {
      for (const analyze::Finding& finding : *list) all.push_back(&finding);
    }
    for (const analyze::Finding* found : all) {
      const analyze::Finding& finding = *found;
      ordered_json result;
      result["ruleId"] = finding.rule->id;
      result["ruleIndex"] = RuleIndex(finding.rule);
      result["kind"] = "fail";
      result["level"] = Level(finding.severity);
      result["message"]["text"] = internal::OneLineMessage(finding);
      ordered_json region;
      region["startLine"] = finding.start.line;
      region["startColumn"] = finding.start.utf16_column;
      region["endLine"] = finding.end.line;
      region["endColumn"] = finding.end.utf16_column;
      const bool in_source = file.has_source && finding.source.end <= source.size();
      if (in_source) {
        if (finding.source.begin >= counted_to) {
          units_before += internal::Utf16Length(
              source.substr(counted_to, finding.source.begin - counted_to));
        } else {
          units_before = internal::Utf16Length(source.substr(0, finding.source.begin));
        }
        counted_to = finding.source.begin;
        region["charOffset"] = units_before;
        region["charLength"] = internal::Utf16Length(Slice(source, finding.source));
      }
      region["byteOffset"] = finding.source.begin;
      region["byteLength"] = finding.source.size();
      region["snippet"]["text"] = finding.text;
      ordered_json physical;
      physical["artifactLocation"] = ArtifactLocation(file.path, artifact);
      physical["region"] = std::move(region);
      if (in_source && finding.sentence_source.end <= source.size() &&
          finding.sentence_source.Contains(finding.source)) {
        Position start = lines->At(finding.sentence_source.begin);
        Position end = lines->At(finding.sentence_source.end);
        ordered_json context;
        context["startLine"] = start.line;
        context["startColumn"] = start.utf16_column;
        context["endLine"] = end.line;
        context["endColumn"] = end.utf16_column;
        context["snippet"]["text"] = Slice(source, finding.sentence_source);
        physical["contextRegion"] = std::move(context);
      }
      ordered_json location;
      location["physicalLocation"] = std::move(physical);
      result["locations"] = ordered_json::array({std::move(location)});
      result["partialFingerprints"][kFingerprintKey] = finding.fingerprint;
      result["properties"]["category"] = finding.rule->category;
      result["properties"]["kind"] = finding.kind;
      result["properties"]["hedged"] = finding.hedged;
      result["properties"]["negated"] = finding.negated;
      result["properties"]["supported"] = finding.supported;
      if (finding.suppression) {
        ordered_json suppression;
        suppression["kind"] = finding.suppression->kind;
        suppression["justification"] = finding.suppression->reason;
        result["suppressions"] = ordered_json::array({std::move(suppression)});
      }
      results_.Write(results_.empty() ? "\n        " : ",\n        ");
      results_.Write(Nested(result, 4));
    }
  }

  void End(const Summary&) override {
    ordered_json driver;
    driver["name"] = "claimlint";
    driver["version"] = run_.tool_version;
    driver["semanticVersion"] = run_.tool_version;
    if (!run_.information_uri.empty()) driver["informationUri"] = run_.information_uri;
    driver["rules"] = ordered_json::array();
    for (const rules::Rule* rule : rule_order_) driver["rules"].push_back(RuleDescriptor(*rule));
    ordered_json packs = ordered_json::array();
    for (const rules::PackInfo& pack : run_.packs) {
      packs.push_back({{"id", pack.id}, {"version", pack.version}});
    }
    driver["properties"]["rulePacks"] = std::move(packs);

    ordered_json invocation;
    invocation["executionSuccessful"] = true;
    invocation["toolExecutionNotifications"] = std::move(notifications_);
    if (invocation["toolExecutionNotifications"].is_null()) {
      invocation["toolExecutionNotifications"] = ordered_json::array();
    }

    out_ << "{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n"
         << "  \"version\": \"2.1.0\",\n  \"runs\": [\n    {\n"
         << "      \"tool\": {\n        \"driver\": " << Nested(driver, 4) << "\n      },\n"
         << "      \"invocations\": [\n        " << Nested(invocation, 4) << "\n      ],\n"
         << "      \"columnKind\": \"utf16CodeUnits\",\n"
         << "      \"artifacts\": " << Nested(artifacts_, 3) << ",\n"
         << "      \"results\": [";
    if (!results_.empty()) {
      results_.CopyTo(out_);
      out_ << "\n      ";
    }
    out_ << "]\n    }\n  ]\n}\n";
  }

 private:
  int64_t RuleIndex(const rules::Rule* rule) {
    auto [it, added] = rule_index_.try_emplace(rule, static_cast<int64_t>(rule_order_.size()));
    if (added) rule_order_.push_back(rule);
    return it->second;
  }

  std::ostream& out_;
  RunInfo run_;
  std::unordered_map<const rules::Rule*, int64_t> rule_index_;
  std::vector<const rules::Rule*> rule_order_;
  ordered_json artifacts_ = ordered_json::array();
  ordered_json notifications_ = ordered_json::array();
  internal::Spool results_;
};

}  // namespace

std::unique_ptr<Sink> MakeSarifSink(std::ostream& out) {
  return std::make_unique<SarifSink>(out);
}

}  // namespace claimlint::report
