// Baseline files: findings a team accepted, by path, rule and fingerprint.

#include <algorithm>
#include <tuple>

#include <nlohmann/json.hpp>

#include "scan/scan.h"

namespace claimlint::scan {

namespace {

using json = nlohmann::ordered_json;

class BaselineCollector : public report::Sink {
 public:
  BaselineCollector(std::vector<BaselineEntry>& out, const std::vector<BaselineEntry>& previous)
      : out_(out), previous_(previous) {}
  void Begin(const report::RunInfo&) override {}
  void File(const report::FileResult& file) override {
    for (const auto* list : {&file.findings, &file.baselined}) {
      for (const analyze::Finding& finding : *list) {
        BaselineEntry entry{file.path, finding.rule->id, finding.fingerprint, "", ""};
        // Keep who accepted an entry and why when it is recorded again.
        for (const BaselineEntry& old : previous_) {
          if (old.path == entry.path && old.rule == entry.rule &&
              old.fingerprint == entry.fingerprint) {
            entry.who = old.who;
            entry.why = old.why;
            break;
          }
        }
        out_.push_back(std::move(entry));
      }
    }
  }
  void End(const report::Summary&) override {}

 private:
  std::vector<BaselineEntry>& out_;
  const std::vector<BaselineEntry>& previous_;
};

}  // namespace

StatusOr<std::vector<BaselineEntry>> ParseBaseline(std::string_view text,
                                                   const std::string& name) {
  json root;
  try {
    root = json::parse(text, nullptr, /*allow_exceptions=*/true, /*ignore_comments=*/true);
  } catch (const json::parse_error& error) {
    size_t byte = std::min<size_t>(error.byte == 0 ? 0 : error.byte - 1, text.size());
    Position at = LineIndex(text).At(static_cast<uint32_t>(byte));
    return Diagnostic{"CL601",
                      name + ":" + std::to_string(at.line) + ":" + std::to_string(at.column),
                      "invalid JSON in the baseline", true};
  }
  std::vector<BaselineEntry> entries;
  if (!root.is_object() || !root.contains("findings") || !root["findings"].is_array()) {
    return Diagnostic{"CL602", name, "a baseline is an object with a \"findings\" array", true};
  }
  size_t index = 0;
  for (const json& item : root["findings"]) {
    auto field = [&](const char* key, bool required) -> std::optional<std::string> {
      if (item.is_object() && item.contains(key) && item[key].is_string()) {
        return item[key].get<std::string>();
      }
      if (!required && (!item.is_object() || !item.contains(key))) return std::string();
      return std::nullopt;
    };
    auto path = field("path", true), rule = field("rule", true),
         fingerprint = field("fingerprint", true), who = field("who", false),
         why = field("why", false);
    if (!path || !rule || !fingerprint || !who || !why) {
      return Diagnostic{"CL602", name,
                        "findings[" + std::to_string(index) +
                            "] needs string path, rule and fingerprint (and optional who, why)",
                        true};
    }
    entries.push_back({*path, *rule, *fingerprint, *who, *why});
    ++index;
  }
  return entries;
}

std::string BaselineJson(std::vector<BaselineEntry> entries) {
  std::sort(entries.begin(), entries.end(), [](const BaselineEntry& a, const BaselineEntry& b) {
    return std::tie(a.path, a.rule, a.fingerprint) < std::tie(b.path, b.rule, b.fingerprint);
  });
  json findings = json::array();
  for (const BaselineEntry& entry : entries) {
    json item;
    item["path"] = entry.path;
    item["rule"] = entry.rule;
    item["fingerprint"] = entry.fingerprint;
    if (!entry.who.empty()) item["who"] = entry.who;
    if (!entry.why.empty()) item["why"] = entry.why;
    findings.push_back(std::move(item));
  }
  json root;
  root["claimlint_baseline"] = 1;
  root["findings"] = std::move(findings);
  return root.dump(2) + "\n";
}

std::unique_ptr<report::Sink> MakeBaselineCollector(std::vector<BaselineEntry>& out,
                                                    const std::vector<BaselineEntry>& previous) {
  return std::make_unique<BaselineCollector>(out, previous);
}

}  // namespace claimlint::scan
