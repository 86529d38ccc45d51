#include "rules/rules.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "text/text.h"

namespace claimlint::rules {

namespace {

using nlohmann::json;

constexpr int64_t kMaxPatternMemory = 8 << 20;
constexpr int64_t kMaxSetMemory = 48 << 20;

RE2::Options PatternOptions(int64_t max_mem) {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_case_sensitive(false);  // a pack may write "FDA"; text is folded
  options.set_max_mem(max_mem);
  return options;
}

bool IsAsciiWordChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

std::string LineColumnOf(std::string_view text, size_t byte) {
  byte = std::min(byte, text.size());
  Position at = LineIndex(text).At(static_cast<uint32_t>(byte));
  return std::to_string(at.line) + ":" + std::to_string(at.column);
}

// Collects every problem of one file, each with the path of the field.
class Validator {
 public:
  explicit Validator(const PackSource& source) : source_(source) {}

  void Error(const std::string& path, const std::string& message,
             std::string code = "CL203") {
    errors_.push_back({std::move(code), source_.name,
                       (path.empty() ? "" : path + ": ") + message, true});
  }
  std::vector<Diagnostic>& errors() { return errors_; }

  // Reads a string field; reports a missing or mistyped one when required.
  std::string String(const json& object, const std::string& path,
                     const char* key, bool required) {
    auto it = object.find(key);
    if (it == object.end()) {
      if (required) Error(path, std::string("missing required field \"") + key + "\"");
      return "";
    }
    if (!it->is_string()) {
      Error(path + "." + key, "must be a string, not " + std::string(it->type_name()));
      return "";
    }
    if (required && it->get_ref<const std::string&>().empty()) {
      Error(path + "." + key, "must not be empty");
    }
    return it->get<std::string>();
  }

  void UnknownKeys(const json& object, const std::string& path,
                   std::initializer_list<std::string_view> known) {
    for (const auto& [key, value] : object.items()) {
      if (std::find(known.begin(), known.end(), key) == known.end()) {
        std::string list;
        for (std::string_view k : known) list += (list.empty() ? "" : ", ") + std::string(k);
        Error(path + "." + key, "unknown field; expected one of: " + list);
      }
    }
  }

 private:
  const PackSource& source_;
  std::vector<Diagnostic> errors_;
};

std::optional<Pattern> CompilePattern(const json& node, const std::string& path,
                                      Validator& validator) {
  if (!node.is_object()) {
    validator.Error(path, "must be an object such as {\"phrase\": \"...\"} or {\"regex\": \"...\"}");
    return std::nullopt;
  }
  validator.UnknownKeys(node, path, {"phrase", "regex", "comment"});
  bool has_phrase = node.contains("phrase");
  bool has_regex = node.contains("regex");
  if (has_phrase == has_regex) {
    validator.Error(path, "needs exactly one of \"phrase\" or \"regex\"");
    return std::nullopt;
  }
  const char* key = has_phrase ? "phrase" : "regex";
  std::string value = validator.String(node, path, key, true);
  if (value.empty()) return std::nullopt;
  Pattern pattern;
  pattern.source = std::string(key) + ": " + value;
  pattern.regex = has_phrase ? PhraseToRegex(value) : value;
  pattern.re = std::make_unique<RE2>(pattern.regex, PatternOptions(kMaxPatternMemory));
  if (!pattern.re->ok()) {
    validator.Error(path + "." + key,
                    "RE2 rejects it: " + pattern.re->error() + " (at \"" +
                        pattern.re->error_arg() + "\")",
                    "CL204");
    return std::nullopt;
  }
  if (RE2::FullMatch("", *pattern.re)) {
    validator.Error(path + "." + key, "matches the empty string; it would flag every sentence",
                    "CL204");
    return std::nullopt;
  }
  return pattern;
}

std::vector<Pattern> CompilePatterns(const json& rule, const std::string& path,
                                     const char* key, bool required,
                                     Validator& validator) {
  std::vector<Pattern> patterns;
  auto it = rule.find(key);
  if (it == rule.end()) {
    if (required) validator.Error(path, std::string("missing required field \"") + key + "\"");
    return patterns;
  }
  std::string list_path = path + "." + key;
  if (!it->is_array() || (required && it->empty())) {
    validator.Error(list_path, "must be a non-empty array of patterns");
    return patterns;
  }
  for (size_t i = 0; i < it->size(); ++i) {
    if (auto pattern = CompilePattern((*it)[i], list_path + "[" + std::to_string(i) + "]",
                                      validator)) {
      patterns.push_back(std::move(*pattern));
    }
  }
  return patterns;
}

std::vector<Example> ReadExamples(const json& rule, const std::string& path,
                                  Validator& validator) {
  std::vector<Example> examples;
  auto it = rule.find("examples");
  if (it == rule.end()) {
    validator.Error(path, "missing required field \"examples\" ({\"flag\": [...], \"pass\": [...]})");
    return examples;
  }
  std::string examples_path = path + ".examples";
  if (!it->is_object()) {
    validator.Error(examples_path, "must be an object {\"flag\": [...], \"pass\": [...]}");
    return examples;
  }
  validator.UnknownKeys(*it, examples_path, {"flag", "pass"});
  for (const char* key : {"flag", "pass"}) {
    std::string list_path = examples_path + "." + key;
    auto list = it->find(key);
    if (list == it->end() || !list->is_array() || list->empty()) {
      validator.Error(list_path, std::string("needs at least one sentence the rule must ") +
                                     (key[0] == 'f' ? "flag" : "pass"));
      continue;
    }
    for (size_t i = 0; i < list->size(); ++i) {
      const json& text = (*list)[i];
      std::string item_path = list_path + "[" + std::to_string(i) + "]";
      if (!text.is_string() || text.get_ref<const std::string&>().empty()) {
        validator.Error(item_path, "must be a non-empty string");
        continue;
      }
      const std::string& sentence = text.get_ref<const std::string&>();
      bool must_flag = key[0] == 'f';
      if (must_flag && (sentence.find("[[") == std::string::npos ||
                        sentence.find("]]") == std::string::npos)) {
        validator.Error(item_path, "mark the expected span with [[ and ]]");
      }
      examples.push_back({sentence, must_flag});
    }
  }
  return examples;
}

const RE2& RuleIdPattern() {
  static const RE2 pattern("[a-z0-9]+(?:-[a-z0-9]+)*(?:\\.[a-z0-9]+(?:-[a-z0-9]+)*)+");
  return pattern;
}

const RE2& PackIdPattern() {
  static const RE2 pattern("[a-z0-9]+(?:-[a-z0-9]+)*");
  return pattern;
}

void ReadRule(const json& node, const std::string& path, const std::string& pack_id,
              Validator& validator, std::vector<Rule>& rules) {
  if (!node.is_object()) {
    validator.Error(path, "must be an object");
    return;
  }
  validator.UnknownKeys(node, path,
                        {"id", "category", "severity", "message", "rationale",
                         "suggestion", "patterns", "unless", "examples", "comment"});
  Rule rule;
  rule.pack_id = pack_id;
  rule.id = validator.String(node, path, "id", true);
  if (!rule.id.empty()) {
    if (!RE2::FullMatch(rule.id, RuleIdPattern())) {
      validator.Error(path + ".id", "\"" + rule.id +
                                        "\" is not a dotted lowercase id such as \"" +
                                        pack_id + ".disease.cure-claim\"");
    } else if (!pack_id.empty() && !rule.id.starts_with(pack_id + ".")) {
      validator.Error(path + ".id", "\"" + rule.id + "\" must start with the pack id \"" +
                                        pack_id + ".\"");
    }
  }
  rule.category = validator.String(node, path, "category", true);
  std::string severity = validator.String(node, path, "severity", true);
  if (auto parsed = ParseSeverity(severity)) {
    rule.severity = *parsed;
  } else if (!severity.empty()) {
    validator.Error(path + ".severity",
                    "\"" + severity + "\" is not one of: error, warning, info");
  }
  rule.message = validator.String(node, path, "message", true);
  rule.rationale = validator.String(node, path, "rationale", true);
  rule.suggestion = validator.String(node, path, "suggestion", true);
  rule.patterns = CompilePatterns(node, path, "patterns", true, validator);
  rule.unless = CompilePatterns(node, path, "unless", false, validator);
  rule.examples = ReadExamples(node, path, validator);
  rules.push_back(std::move(rule));
}

std::optional<json> ParsePackText(const PackSource& source, std::vector<Diagnostic>& errors) {
  try {
    return json::parse(source.text, nullptr, /*allow_exceptions=*/true,
                       /*ignore_comments=*/true);
  } catch (const json::parse_error& error) {
    // nlohmann's text: "[json.exception.parse_error.101] parse error at line
    // 3, column 5: syntax error while parsing ... - ...; expected ...". Keep
    // what follows the position; the position itself we compute from bytes.
    std::string what = error.what();
    size_t colon = what.find(": ", what.find("parse error"));
    std::string detail = colon == std::string::npos ? what : what.substr(colon + 2);
    size_t byte = error.byte == 0 ? 0 : error.byte - 1;
    errors.push_back({"CL201", source.name + ":" + LineColumnOf(source.text, byte),
                      "invalid JSON: " + detail, true});
    return std::nullopt;
  }
}

}  // namespace

std::string PhraseToRegex(std::string_view phrase) {
  std::string folded = text::FoldString(phrase);
  std::string regex;
  size_t i = 0;
  while (i < folded.size()) {
    while (i < folded.size() && folded[i] == ' ') ++i;
    size_t end = folded.find(' ', i);
    if (end == std::string::npos) end = folded.size();
    if (end > i) {
      if (!regex.empty()) regex += "\\s+";
      regex += RE2::QuoteMeta(folded.substr(i, end - i));
    }
    i = end;
  }
  // RE2's \b is ASCII-only: use it where the phrase edge is an ASCII word
  // character, and no boundary elsewhere.
  std::string_view words = folded;
  while (!words.empty() && words.front() == ' ') words.remove_prefix(1);
  while (!words.empty() && words.back() == ' ') words.remove_suffix(1);
  if (!words.empty() && IsAsciiWordChar(words.front())) regex = "\\b" + regex;
  if (!words.empty() && IsAsciiWordChar(words.back())) regex += "\\b";
  return regex;
}

CompiledPack::CompiledPack(std::vector<PackInfo> packs, std::vector<Rule> rules)
    : packs_(std::move(packs)), rules_(std::move(rules)) {
  prefilter_ = std::make_unique<RE2::Set>(PatternOptions(kMaxSetMemory), RE2::UNANCHORED);
  for (uint32_t r = 0; r < rules_.size(); ++r) {
    for (uint32_t p = 0; p < rules_[r].patterns.size(); ++p) {
      // Every pattern compiled alone already, so Add cannot fail here.
      prefilter_->Add(rules_[r].patterns[p].regex, nullptr);
      refs_.push_back({r, p});
    }
  }
  prefilter_->Compile();
}

CompiledPack::~CompiledPack() = default;

const Rule* CompiledPack::FindRule(std::string_view id) const {
  for (const Rule& rule : rules_) {
    if (rule.id == id) return &rule;
  }
  return nullptr;
}

StatusOr<std::shared_ptr<const CompiledPack>> Load(const std::vector<PackSource>& sources) {
  std::vector<Diagnostic> errors;
  std::vector<PackInfo> packs;
  std::vector<Rule> rules;
  std::map<std::string, std::string> first_definition;  // rule id -> where
  for (const PackSource& source : sources) {
    std::optional<json> root = ParsePackText(source, errors);
    if (!root) continue;
    Validator validator(source);
    if (!root->is_object()) {
      validator.Error("", "a rule pack is a JSON object with \"pack\" and \"rules\"");
      errors.insert(errors.end(), validator.errors().begin(), validator.errors().end());
      continue;
    }
    validator.UnknownKeys(*root, "", {"$schema", "pack", "rules", "comment"});
    PackInfo info;
    info.origin = source.name;
    auto pack = root->find("pack");
    if (pack == root->end() || !pack->is_object()) {
      validator.Error("pack", "missing or not an object ({\"id\": ..., \"version\": ...})");
    } else {
      validator.UnknownKeys(*pack, "pack",
                            {"id", "name", "version", "jurisdiction", "description",
                             "references"});
      info.id = validator.String(*pack, "pack", "id", true);
      info.name = validator.String(*pack, "pack", "name", false);
      info.version = validator.String(*pack, "pack", "version", true);
      info.jurisdiction = validator.String(*pack, "pack", "jurisdiction", false);
      if (!info.id.empty() && !RE2::FullMatch(info.id, PackIdPattern())) {
        validator.Error("pack.id", "\"" + info.id + "\" must be lowercase letters, digits and dashes");
      }
    }
    auto list = root->find("rules");
    size_t first_rule = rules.size();
    if (list == root->end() || !list->is_array()) {
      validator.Error("rules", "missing or not an array of rules");
    } else {
      for (size_t i = 0; i < list->size(); ++i) {
        ReadRule((*list)[i], "rules[" + std::to_string(i) + "]", info.id, validator, rules);
      }
    }
    for (size_t i = first_rule; i < rules.size(); ++i) {
      const std::string& id = rules[i].id;
      if (id.empty()) continue;
      std::string here = "rules[" + std::to_string(i - first_rule) + "]";
      auto [it, inserted] = first_definition.emplace(id, source.name + " " + here);
      if (!inserted) {
        validator.Error(here + ".id", "duplicate rule id \"" + id + "\" (first defined in " +
                                          it->second + ")",
                        "CL202");
      }
    }
    errors.insert(errors.end(), validator.errors().begin(), validator.errors().end());
    packs.push_back(std::move(info));
  }
  if (!errors.empty()) return errors;
  return std::shared_ptr<const CompiledPack>(
      std::make_shared<CompiledPack>(std::move(packs), std::move(rules)));
}

}  // namespace claimlint::rules
