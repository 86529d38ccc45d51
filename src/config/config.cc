#include "config/config.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

namespace claimlint::config {

namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;
using ordered_json = nlohmann::ordered_json;

const std::vector<std::string> kKeys = {"profile", "rules",   "enable",  "disable", "severity",
                                        "include", "exclude", "fail-on", "reports",
                                        "require-reason"};

std::string LineColumnOf(std::string_view text, size_t byte) {
  byte = std::min(byte, text.size());
  Position at = LineIndex(text).At(static_cast<uint32_t>(byte));
  return std::to_string(at.line) + ":" + std::to_string(at.column);
}

// Where `"name"` first stands in the file, as ":line:col" (empty if absent):
// nlohmann keeps no positions for values, and a quoted name is rare enough.
std::string LocationOf(const Config& config, std::string_view name) {
  std::string quoted;
  quoted.reserve(name.size() + 2);
  quoted.push_back('"');
  quoted.append(name);
  quoted.push_back('"');
  size_t at = config.text.find(quoted);
  if (at == std::string::npos) return config.path;
  return config.path + ":" + LineColumnOf(config.text, at + 1);
}

std::string DidYouMean(std::string_view word, const std::vector<std::string>& candidates) {
  std::string closest = ClosestMatch(word, candidates);
  return closest.empty() ? "" : "; did you mean '" + closest + "'?";
}

}  // namespace

size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::string ClosestMatch(std::string_view word, const std::vector<std::string>& candidates) {
  // Close means at most a third of the word's length (at least 2) edits.
  size_t best = std::max<size_t>(2, word.size() / 3) + 1;
  std::string closest;
  for (const std::string& candidate : candidates) {
    size_t distance = EditDistance(word, candidate);
    if (distance < best) {
      best = distance;
      closest = candidate;
    }
  }
  return closest;
}

StatusOr<Config> Parse(std::string_view text, const std::string& path) {
  Config config;
  config.path = path;
  config.text = std::string(text);
  json root;
  try {
    root = json::parse(text, nullptr, /*allow_exceptions=*/true, /*ignore_comments=*/true);
  } catch (const json::parse_error& error) {
    std::string what = error.what();
    size_t colon = what.find(": ", what.find("parse error"));
    std::string detail = colon == std::string::npos ? what : what.substr(colon + 2);
    size_t byte = error.byte == 0 ? 0 : error.byte - 1;
    return Diagnostic{"CL501", path + ":" + LineColumnOf(text, byte), "invalid JSON: " + detail,
                      true};
  }
  if (!root.is_object()) {
    return Diagnostic{"CL503", path, "a config is a JSON object", true};
  }
  std::vector<Diagnostic> errors;
  auto error = [&](std::string_view key, std::string code, std::string message) {
    errors.push_back({std::move(code), LocationOf(config, key), std::move(message), true});
  };
  auto strings = [&](const json& value, const std::string& key) {
    std::vector<std::string> out;
    if (!value.is_array()) {
      error(key, "CL503", "'" + key + "' must be an array of strings");
      return out;
    }
    for (const json& item : value) {
      if (!item.is_string()) {
        error(key, "CL503", "'" + key + "' must be an array of strings");
        return std::vector<std::string>{};
      }
      out.push_back(item.get<std::string>());
    }
    return out;
  };
  const fs::path folder = fs::path(path).parent_path();
  for (const auto& [key, value] : root.items()) {
    if (key == "profile") {
      config.profile = strings(value, key);
    } else if (key == "rules") {
      for (const std::string& pack : strings(value, key)) {
        fs::path pack_path(pack);
        config.rules.push_back(pack_path.is_absolute() || folder.empty()
                                   ? pack
                                   : (folder / pack_path).lexically_normal().string());
      }
    } else if (key == "enable") {
      config.enable = strings(value, key);
    } else if (key == "disable") {
      config.disable = strings(value, key);
    } else if (key == "include") {
      config.include = strings(value, key);
    } else if (key == "exclude") {
      config.exclude = strings(value, key);
    } else if (key == "reports") {
      config.reports = strings(value, key);
      for (const std::string& spec : config.reports) {
        if (spec.find('=') == std::string::npos) {
          error(spec, "CL503", "a report is FORMAT=PATH, not '" + spec + "'");
        }
      }
    } else if (key == "severity") {
      if (!value.is_object()) {
        error(key, "CL503", "'severity' maps rule ids or categories to error, warning or info");
        continue;
      }
      for (const auto& [name, level] : value.items()) {
        std::optional<Severity> severity =
            level.is_string() ? ParseSeverity(level.get<std::string>()) : std::nullopt;
        if (!severity) {
          error(name, "CL503", "severity of '" + name + "' must be error, warning or info");
          continue;
        }
        config.severity[name] = *severity;
      }
    } else if (key == "fail-on") {
      std::string level = value.is_string() ? value.get<std::string>() : "";
      if (!ParseSeverity(level) && level != "none") {
        error(key, "CL503", "'fail-on' must be error, warning, info or none");
        continue;
      }
      config.fail_on = level;
    } else if (key == "require-reason") {
      if (!value.is_boolean()) {
        error(key, "CL503", "'require-reason' must be true or false");
        continue;
      }
      config.require_reason = value.get<bool>();
    } else {
      error(key, "CL502", "unknown key '" + key + "'" + DidYouMean(key, kKeys));
    }
  }
  if (!errors.empty()) return errors;
  return config;
}

StatusOr<Config> Load(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return Diagnostic{"CL504", path, "cannot read the config file", true};
  std::stringstream text;
  text << file.rdbuf();
  return Parse(text.str(), path);
}

std::optional<std::string> ConfigFinder::Find(const std::string& folder) {
  std::error_code error;
  fs::path start = fs::absolute(folder.empty() ? "." : folder, error).lexically_normal();
  std::vector<std::string> visited;
  std::optional<std::string> found;
  for (fs::path dir = start;; dir = dir.parent_path()) {
    std::string key = dir.string();
    if (auto it = cache_.find(key); it != cache_.end()) {
      found = it->second;
      break;
    }
    visited.push_back(key);
    fs::path candidate = dir / kConfigFileName;
    if (fs::is_regular_file(candidate, error)) {
      found = candidate.string();
      break;
    }
    if (dir == dir.parent_path() || !dir.has_relative_path()) break;  // the root
  }
  // Shown relative to the working folder, as the paths a user gives are.
  if (found) found = fs::proximate(*found, error).string();
  for (const std::string& dir : visited) cache_[dir] = found;
  return found;
}

StatusOr<std::map<std::string, RuleDecision>> Resolve(const Config& config,
                                                      const rules::CompiledPack& pack) {
  std::vector<std::string> names;  // ids and categories, for "did you mean"
  std::set<std::string> known;
  for (const rules::Rule& rule : pack.rules()) {
    for (const std::string& name : {rule.id, rule.category}) {
      if (known.insert(name).second) names.push_back(name);
    }
  }
  std::vector<Diagnostic> errors;
  auto check = [&](const std::string& name, bool star_ok) {
    if (known.count(name) || (star_ok && name == "*")) return;
    errors.push_back({"CL505", LocationOf(config, name),
                      "unknown rule or category '" + name + "'" + DidYouMean(name, names), true});
  };
  for (const std::string& name : config.enable) check(name, true);
  for (const std::string& name : config.disable) check(name, true);
  for (const auto& [name, severity] : config.severity) check(name, false);
  if (!errors.empty()) return errors;

  auto in = [](const std::vector<std::string>& list, const std::string& name) {
    return std::find(list.begin(), list.end(), name) != list.end();
  };
  std::map<std::string, RuleDecision> decisions;
  for (const rules::Rule& rule : pack.rules()) {
    RuleDecision decision;
    // The most specific entry decides: the id, then the category, then "*".
    for (const std::string& name : {rule.id, rule.category, std::string("*")}) {
      if (in(config.enable, name)) break;
      if (in(config.disable, name)) {
        decision.enabled = false;
        break;
      }
    }
    for (const std::string& name : {rule.id, rule.category}) {
      auto it = config.severity.find(name);
      if (it == config.severity.end()) continue;
      decision.severity = it->second;
      decision.reason = std::string("config: severity of ") +
                        (name == rule.id ? "rule " : "category ") + name + " set to " +
                        std::string(SeverityName(it->second));
      break;
    }
    if (!decision.enabled || decision.severity) decisions[rule.id] = decision;
  }
  return decisions;
}

std::string ToJson(const Config& config) {
  ordered_json out;
  out["config"] = config.path.empty() ? ordered_json(nullptr) : ordered_json(config.path);
  out["profile"] = config.profile;
  out["rules"] = config.rules;
  out["enable"] = config.enable;
  out["disable"] = config.disable;
  out["severity"] = ordered_json::object();
  for (const auto& [name, severity] : config.severity) {
    out["severity"][name] = std::string(SeverityName(severity));
  }
  out["include"] = config.include;
  out["exclude"] = config.exclude;
  out["fail-on"] = config.fail_on.value_or("error");
  out["reports"] = config.reports;
  out["require-reason"] = config.require_reason;
  return out.dump(2) + "\n";
}

std::string_view StarterConfig() {
  return R"(// claimlint configuration (JSON with comments). claimlint reads the nearest
// .claimlint.json from the scanned folder upward; options on the command
// line win over this file. `claimlint config` prints what is in effect.
{
  // Built-in jurisdiction packs added to core: "us", "uk", "au".
  "profile": [],

  // Rule pack files, relative to this file, used instead of the built-in
  // packs (so not together with "profile"). Empty: the built-in packs.
  "rules": [],

  // Rule ids, categories or "*" to switch off, and exceptions to that.
  "disable": [],
  "enable": [],

  // Severity per rule id or category (an id wins over its category):
  // "error", "warning" or "info". Applied after the context model.
  "severity": {
    // "safety": "warning"
  },

  // In walked folders: scan only these globs / skip these.
  "include": [],
  "exclude": [],

  // The lowest severity that fails the run: error, warning, info or none.
  "fail-on": "error",

  // Reports written on every scan, as FORMAT=PATH.
  "reports": [],

  // Inline suppressions must say why: "claimlint-disable-next-line RULE -- reason".
  "require-reason": true
}
)";
}

}  // namespace claimlint::config
