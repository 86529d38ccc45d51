#include "rules/rules.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <array>
#include <map>
#include <nlohmann/json.hpp>

#include "rules/forms.h"
#include "rules/snapshot.h"
#include "text/text.h"

namespace claimlint::rules {

namespace {

using nlohmann::json;

constexpr int64_t kMaxPatternMemory = 8 << 20;

// Patterns compile case-sensitively: the text is case-folded, so only a
// pattern that spells a capital letter needs folding, and it gets it in a
// (?i:...) group (see CaseFolded). Case-insensitive Unicode classes are
// large, and compiling every pattern that way made start-up slow.
RE2::Options PatternOptions(int64_t max_mem) {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(max_mem);
  return options;
}

// `regex`, wrapped in (?i:...) when it has an ASCII capital outside an
// escape ("FDA" but not \S, \W, \pL or \p{Lu}), so it still finds folded
// text.
std::string CaseFolded(const std::string& regex) {
  for (size_t i = 0; i < regex.size(); ++i) {
    char c = regex[i];
    if (c == '\\') {
      if (i + 2 < regex.size() && (regex[i + 1] == 'p' || regex[i + 1] == 'P')) {
        // A class name: one letter (\pL) or braced (\p{Lu}).
        i = regex[i + 2] == '{' ? regex.find('}', i) : i + 2;
        if (i == std::string::npos) break;
      } else {
        ++i;
      }
      continue;
    }
    if (c >= 'A' && c <= 'Z') return "(?i:" + regex + ")";
  }
  return regex;
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
  // Patterns of a checked pack are not compiled here (PackSource).
  bool patterns_checked() const { return source_.patterns_checked; }

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

  // Reports keys not in `known`, and a "comment" (allowed wherever it is
  // known) that is not a string.
  void UnknownKeys(const json& object, const std::string& path,
                   std::initializer_list<std::string_view> known) {
    for (const auto& [key, value] : object.items()) {
      if (key == "comment" && !value.is_string() &&
          std::find(known.begin(), known.end(), key) != known.end()) {
        Error(path + (path.empty() ? "" : ".") + key, "must be a string");
      }
      if (std::find(known.begin(), known.end(), key) == known.end()) {
        std::string list;
        for (std::string_view k : known) list += (list.empty() ? "" : ", ") + std::string(k);
        Error(path.empty() ? key : path + "." + key, "unknown field; expected one of: " + list);
      }
    }
  }

 private:
  const PackSource& source_;
  std::vector<Diagnostic> errors_;
};

}  // namespace

Pattern MakeRegexPattern(std::string written, std::string regex) {
  Pattern pattern;
  pattern.written = std::move(written);
  pattern.re = LazyRegex([regex = std::move(regex)] { return regex; },
                         PatternOptions(kMaxPatternMemory));
  return pattern;
}

Pattern MakeNearPattern(NearPattern near) {
  Pattern pattern;
  pattern.near = std::make_shared<const NearPattern>(std::move(near));
  pattern.re = LazyRegex([near = pattern.near] { return NearToRegex(*near); },
                         PatternOptions(kMaxPatternMemory));
  return pattern;
}

namespace {

std::optional<NearPattern> ReadNear(const json& node, const std::string& path,
                                    Validator& validator) {
  NearPattern near;
  const json& groups = node["near"];
  std::vector<std::vector<std::string>> group_words;
  if (!groups.is_array() || groups.size() < 2) {
    validator.Error(path + ".near", "must be an array of at least two word groups, "
                                    "e.g. [[\"lower\", \"reduce\"], [\"cortisol\"]]");
    return std::nullopt;
  }
  for (size_t g = 0; g < groups.size(); ++g) {
    std::string group_path = path + ".near[" + std::to_string(g) + "]";
    const json& group = groups[g];
    std::vector<std::string> words;
    if (group.is_string() && !group.get_ref<const std::string&>().empty()) {
      words.push_back(group.get<std::string>());
    } else if (group.is_array()) {
      for (const json& word : group) {
        if (!word.is_string() || word.get_ref<const std::string&>().empty()) {
          validator.Error(group_path, "word groups hold non-empty strings");
          return std::nullopt;
        }
        words.push_back(word.get<std::string>());
      }
    }
    if (words.empty()) {
      validator.Error(group_path, "must be a word or a non-empty array of words");
      return std::nullopt;
    }
    group_words.push_back(std::move(words));
  }
  near.groups = StringLists::Build(group_words);
  if (auto it = node.find("within"); it != node.end()) {
    if (!it->is_number_unsigned() || it->get<uint32_t>() > 12) {
      validator.Error(path + ".within", "must be a whole number of words from 0 to 12");
      return std::nullopt;
    }
    near.within = it->get<uint32_t>();
  }
  if (auto it = node.find("any_order"); it != node.end()) {
    if (!it->is_boolean()) {
      validator.Error(path + ".any_order", "must be true or false");
      return std::nullopt;
    }
    near.any_order = it->get<bool>();
    if (near.any_order && near.groups.lists() != 2) {
      validator.Error(path + ".any_order", "works with exactly two word groups");
      return std::nullopt;
    }
  }
  if (auto it = node.find("forms"); it != node.end()) {
    if (!it->is_string() || (*it != "stem" && *it != "exact")) {
      validator.Error(path + ".forms", "must be \"stem\" (inflections too) or \"exact\"");
      return std::nullopt;
    }
    near.use_forms = *it == "stem";
  }
  return near;
}

// Claim patterns may carry a safe rewrite ("fix"); antipatterns, disclaimer
// and lexicon patterns find text that is never rewritten.
enum class FixField { kAllowed, kNotAllowed };

std::optional<Pattern> CompilePattern(const json& node, const std::string& path,
                                      FixField fix_field, Validator& validator) {
  if (node.is_string()) {  // shorthand for {"phrase": ...}
    return CompilePattern(json{{"phrase", node}}, path, fix_field, validator);
  }
  if (!node.is_object()) {
    validator.Error(path, "must be an object such as {\"phrase\": \"...\"} or {\"regex\": \"...\"}");
    return std::nullopt;
  }
  if (fix_field == FixField::kAllowed) {
    validator.UnknownKeys(node, path,
                          {"phrase", "regex", "near", "within", "any_order", "forms", "fix",
                           "comment"});
  } else {
    validator.UnknownKeys(node, path,
                          {"phrase", "regex", "near", "within", "any_order", "forms", "comment"});
  }
  int kinds = node.contains("phrase") + node.contains("regex") + node.contains("near");
  if (kinds != 1) {
    validator.Error(path, "needs exactly one of \"phrase\", \"regex\" or \"near\"");
    return std::nullopt;
  }
  Pattern pattern;
  const char* key = node.contains("phrase") ? "phrase" : node.contains("regex") ? "regex" : "near";
  if (key[0] == 'n') {
    std::optional<NearPattern> near = ReadNear(node, path, validator);
    if (!near) return std::nullopt;
    pattern = MakeNearPattern(std::move(*near));
  } else {
    if (node.contains("within") || node.contains("any_order") || node.contains("forms")) {
      validator.Error(path, "\"within\", \"any_order\" and \"forms\" go with \"near\"");
    }
    std::string value = validator.String(node, path, key, true);
    if (value.empty()) return std::nullopt;
    pattern = MakeRegexPattern(std::string(key) + ": " + value,
                               key[0] == 'p' ? PhraseToRegex(value) : CaseFolded(value));
  }
  if (node.contains("fix")) {
    const json& fix = node["fix"];
    if (!fix.is_object() || !fix.contains("replace") || !fix["replace"].is_string() ||
        fix.size() != 1) {
      validator.Error(path + ".fix", "must be {\"replace\": \"text\"}");
    } else {
      pattern.fix = fix["replace"].get<std::string>();
      if (pattern.fix.empty() || pattern.fix.find_first_of("\r\n<>*_`[]&\\") != std::string::npos) {
        validator.Error(path + ".fix.replace",
                        "must be non-empty plain words (no line breaks or markup characters)");
      }
    }
  }
  if (validator.patterns_checked()) return pattern;
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
                                     const char* key, bool required, FixField fix_field,
                                     Validator& validator) {
  std::vector<Pattern> patterns;
  auto it = rule.find(key);
  if (it == rule.end()) {
    if (required) validator.Error(path, std::string("missing required field \"") + key + "\"");
    return patterns;
  }
  std::string list_path = path + "." + key;
  if (!it->is_array() || (required && it->empty())) {
    validator.Error(list_path, required ? "must be a non-empty array of patterns"
                                        : "must be an array of patterns");
    return patterns;
  }
  for (size_t i = 0; i < it->size(); ++i) {
    if (auto pattern = CompilePattern((*it)[i], list_path + "[" + std::to_string(i) + "]",
                                      fix_field, validator)) {
      patterns.push_back(std::move(*pattern));
    }
  }
  return patterns;
}

// Every rule carries its own proof: at least this many sentences it must
// flag and as many near misses it must pass.
constexpr size_t kMinExamples = 2;

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
    bool must_flag = key[0] == 'f';
    auto list = it->find(key);
    if (list == it->end() || !list->is_array() || list->size() < kMinExamples) {
      validator.Error(list_path, "needs at least " + std::to_string(kMinExamples) +
                                     (must_flag ? " sentences the rule must flag"
                                                : " near misses the rule must pass"));
      if (list == it->end() || !list->is_array()) continue;
    }
    for (size_t i = 0; i < list->size(); ++i) {
      const json& text = (*list)[i];
      std::string item_path = list_path + "[" + std::to_string(i) + "]";
      if (!text.is_string() || text.get_ref<const std::string&>().empty()) {
        validator.Error(item_path, "must be a non-empty string");
        continue;
      }
      const std::string& sentence = text.get_ref<const std::string&>();
      size_t open = sentence.find("[[");
      size_t close = sentence.find("]]");
      if (must_flag) {
        if (open == std::string::npos || close == std::string::npos || close <= open + 2 ||
            sentence.find("[[", open + 2) != std::string::npos ||
            sentence.find("]]", close + 2) != std::string::npos) {
          validator.Error(item_path, "mark the expected span with one [[ and ]] pair");
        }
      } else if (open != std::string::npos || close != std::string::npos) {
        validator.Error(item_path, "a pass example has no [[ ]] markers");
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

std::optional<Action> ReadAction(const json& node, const std::string& path,
                                 Validator& validator) {
  std::optional<Action> action;
  if (node.is_string()) action = Action::Parse(node.get_ref<const std::string&>());
  if (!action) {
    validator.Error(path, "must be one of: keep, skip, downgrade, error, warning, info");
  }
  return action;
}

// Reads {"hedged": "keep", "negated": "skip", ...} over `policy`.
void ReadPolicy(const json& node, const std::string& path, ContextPolicy& policy,
                Validator& validator) {
  if (!node.is_object()) {
    validator.Error(path, "must be an object such as {\"hedged\": \"keep\"}");
    return;
  }
  validator.UnknownKeys(node, path,
                        {"hedged", "negated", "supported", "question", "heading", "quoted"});
  std::pair<const char*, Action*> fields[] = {
      {"hedged", &policy.hedged},     {"negated", &policy.negated},
      {"supported", &policy.supported}, {"question", &policy.question},
      {"heading", &policy.heading},   {"quoted", &policy.quoted}};
  for (auto [key, action] : fields) {
    if (auto it = node.find(key); it != node.end()) {
      if (auto parsed = ReadAction(*it, path + "." + key, validator)) *action = *parsed;
    }
  }
}

void ReadSeverity(const json& node, const std::string& path, Rule& rule, Validator& validator) {
  std::string severity = validator.String(node, path, "severity", true);
  if (auto parsed = ParseSeverity(severity)) {
    rule.severity = *parsed;
  } else if (!severity.empty()) {
    validator.Error(path + ".severity",
                    "\"" + severity + "\" is not one of: error, warning, info");
  }
}

void ReadId(const json& node, const std::string& path, const std::string& pack_id, Rule& rule,
            Validator& validator) {
  rule.id = validator.String(node, path, "id", true);
  if (rule.id.empty()) return;
  if (!RE2::FullMatch(rule.id, RuleIdPattern())) {
    validator.Error(path + ".id", "\"" + rule.id + "\" is not a dotted lowercase id such as \"" +
                                      pack_id + ".disease.cure-claim\"");
  } else if (!pack_id.empty() && !rule.id.starts_with(pack_id + ".")) {
    validator.Error(path + ".id",
                    "\"" + rule.id + "\" must start with the pack id \"" + pack_id + ".\"");
  }
}

std::vector<std::string> ReadStrings(const json& node, const std::string& path,
                                     Validator& validator) {
  std::vector<std::string> out;
  if (!node.is_array()) {
    validator.Error(path, "must be an array of strings");
    return out;
  }
  for (size_t i = 0; i < node.size(); ++i) {
    if (!node[i].is_string()) {
      validator.Error(path + "[" + std::to_string(i) + "]", "must be a string");
      continue;
    }
    out.push_back(node[i].get<std::string>());
  }
  return out;
}

void ReadRule(const json& node, const std::string& path, const std::string& pack_id,
              const ContextPolicy& defaults, Validator& validator, std::vector<Rule>& rules) {
  if (!node.is_object()) {
    validator.Error(path, "must be an object");
    return;
  }
  validator.UnknownKeys(node, path,
                        {"id", "category", "severity", "message", "rationale", "suggestion",
                         "patterns", "unless", "context", "examples", "comment"});
  Rule rule;
  rule.pack_id = pack_id;
  rule.policy = defaults;
  ReadId(node, path, pack_id, rule, validator);
  rule.category = validator.String(node, path, "category", true);
  ReadSeverity(node, path, rule, validator);
  rule.message = validator.String(node, path, "message", true);
  rule.rationale = validator.String(node, path, "rationale", true);
  rule.suggestion = validator.String(node, path, "suggestion", true);
  rule.patterns = CompilePatterns(node, path, "patterns", true, FixField::kAllowed, validator);
  rule.unless = CompilePatterns(node, path, "unless", false, FixField::kNotAllowed, validator);
  if (auto it = node.find("context"); it != node.end()) {
    ReadPolicy(*it, path + ".context", rule.policy, validator);
  }
  rule.examples = ReadExamples(node, path, validator);
  rules.push_back(std::move(rule));
}

void ReadDisclaimer(const json& node, const std::string& path, const std::string& pack_id,
                    Validator& validator, std::vector<Rule>& rules) {
  if (!node.is_object()) {
    validator.Error(path, "must be an object");
    return;
  }
  validator.UnknownKeys(node, path,
                        {"id", "severity", "message", "rationale", "suggestion", "triggers",
                         "patterns", "require", "placement", "within", "when", "examples",
                         "comment"});
  Rule rule;
  rule.kind = RuleKind::kDisclaimer;
  rule.pack_id = pack_id;
  rule.category = "disclaimer";
  ReadId(node, path, pack_id, rule, validator);
  ReadSeverity(node, path, rule, validator);
  rule.message = validator.String(node, path, "message", true);
  rule.rationale = validator.String(node, path, "rationale", true);
  rule.suggestion = validator.String(node, path, "suggestion", true);
  rule.patterns = CompilePatterns(node, path, "patterns", true, FixField::kNotAllowed, validator);
  auto triggers = node.find("triggers");
  if (triggers == node.end() || !triggers->is_object()) {
    validator.Error(path, "needs \"triggers\": {\"categories\": [...], \"rules\": [...]}");
  } else {
    validator.UnknownKeys(*triggers, path + ".triggers", {"categories", "rules"});
    if (auto it = triggers->find("categories"); it != triggers->end()) {
      rule.trigger_categories = ReadStrings(*it, path + ".triggers.categories", validator);
    }
    if (auto it = triggers->find("rules"); it != triggers->end()) {
      rule.trigger_rules = ReadStrings(*it, path + ".triggers.rules", validator);
    }
    if (rule.trigger_categories.empty() && rule.trigger_rules.empty()) {
      validator.Error(path + ".triggers", "names no claim category and no rule");
    }
  }
  std::string require = node.contains("require")
                            ? validator.String(node, path, "require", true)
                            : std::string("any");
  if (require != "any" && require != "all") {
    validator.Error(path + ".require", "must be \"any\" (one pattern satisfies) or \"all\"");
  }
  rule.require_all = require == "all";
  std::string placement = node.contains("placement")
                              ? validator.String(node, path, "placement", true)
                              : std::string("anywhere");
  if (placement == "anywhere") {
    rule.placement = Placement::kAnywhere;
  } else if (placement == "near-claim") {
    rule.placement = Placement::kNearClaim;
    rule.within = 2;
  } else if (placement == "end") {
    rule.placement = Placement::kEnd;
    rule.within = 3;
  } else {
    validator.Error(path + ".placement", "must be anywhere, near-claim or end");
  }
  if (auto it = node.find("within"); it != node.end()) {
    if (!it->is_number_unsigned() || rule.placement == Placement::kAnywhere) {
      validator.Error(path + ".within",
                      "a whole number of blocks, with placement near-claim or end");
    } else {
      rule.within = it->get<uint32_t>();
    }
  }
  rule.when = CompilePatterns(node, path, "when", false, FixField::kNotAllowed, validator);
  if (node.contains("when") && node["when"].is_array() && node["when"].empty()) {
    validator.Error(path + ".when", "must be a non-empty array of patterns (or left out)");
  }
  rule.examples = ReadExamples(node, path, validator);
  rules.push_back(std::move(rule));
}

std::string Join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += separator;
    out += parts[i];
  }
  return out;
}

RE2::Options CueListOptions() {
  RE2::Options options = PatternOptions(kMaxPatternMemory);
  options.set_longest_match(true);
  return options;
}

std::string CueAlternation(const std::vector<std::string>& regexes) {
  return "(?:" + Join(regexes, ")|(?:") + ")";
}

// Makes a cue list's alternation, once every pack has added to it.
// Leftmost-longest, so "no evidence" wins over "no" where both match.
void CompileCueList(CueList& list) {
  list.re = LazyRegex([regex = CueAlternation(list.regexes)] { return regex; }, CueListOptions());
}

void ReadLexicon(const json& node, Validator& validator, Lexicon& lexicon) {
  if (!node.is_object()) {
    validator.Error("lexicon", "must be an object of cue lists");
    return;
  }
  std::pair<const char*, CueList*> lists[] = {
      {"negation_before", &lexicon.negation_before},
      {"negation_clause", &lexicon.negation_clause},
      {"negation_after", &lexicon.negation_after},
      {"pseudo_negation", &lexicon.pseudo_negation},
      {"scope_end", &lexicon.scope_end},
      {"hedge", &lexicon.hedge},
      {"reported_speech", &lexicon.reported_speech},
      {"rejection", &lexicon.rejection},
      {"citation", &lexicon.citation},
      {"named_study", &lexicon.named_study},
      {"reference_heading", &lexicon.reference_heading}};
  validator.UnknownKeys(node, "lexicon",
                        {"negation_before", "negation_clause", "negation_after", "pseudo_negation",
                         "scope_end",
                         "hedge", "reported_speech", "rejection", "citation", "named_study",
                         "reference_heading", "evidence_domains", "comment"});
  for (auto [key, list] : lists) {
    auto it = node.find(key);
    if (it == node.end()) continue;
    for (Pattern& pattern : CompilePatterns(node, "lexicon", key, /*required=*/false,
                                             FixField::kNotAllowed, validator)) {
      list->regexes.push_back(pattern.re.regex());
    }
  }
  if (auto it = node.find("evidence_domains"); it != node.end()) {
    for (std::string& domain : ReadStrings(*it, "lexicon.evidence_domains", validator)) {
      lexicon.evidence_domains.push_back(text::FoldString(domain));
    }
  }
}

std::optional<json> ParsePackText(const PackSource& source, std::vector<Diagnostic>& errors) {
  try {
    return json::parse(source.text(), nullptr, /*allow_exceptions=*/true,
                       /*ignore_comments=*/true);
  } catch (const json::parse_error& error) {
    // nlohmann's text: "[json.exception.parse_error.101] parse error at line
    // 3, column 5: syntax error while parsing ... - ...; expected ...". Keep
    // what follows the position; the position itself we compute from bytes.
    std::string what = error.what();
    size_t colon = what.find(": ", what.find("parse error"));
    std::string detail = colon == std::string::npos ? what : what.substr(colon + 2);
    size_t byte = error.byte == 0 ? 0 : error.byte - 1;
    errors.push_back({"CL201", source.name + ":" + LineColumnOf(source.text(), byte),
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
  if (!words.empty() && IsAsciiWordChar(words.front())) regex.insert(0, "\\b");
  if (!words.empty() && IsAsciiWordChar(words.back())) regex += "\\b";
  return regex;
}

namespace {

// One entry of a word group: its words folded, the last one (the head
// word: "stress hormone" -> "stress hormones") with its forms, bounded by
// \b where the entry's edge is an ASCII word character (RE2's \b is
// ASCII-only, and "100%" or "#1" must still match). With `runs`, only the
// forms that are runs of that text: a form is always a whole
// letter-and-digit run where it matches (a space or \b before it, \b
// after), so the others match nowhere there. Empty when no form is left.
std::string EntryToRegex(std::string_view entry, bool use_forms, const TextRuns* runs) {
  std::vector<std::string> words = EntryWordList(entry);
  bool word_start = !words.empty() && IsAsciiWordChar(words.front().front());
  bool word_end = !words.empty() && IsAsciiWordChar(words.back().back());
  std::string regex;
  for (size_t w = 0; w < words.size(); ++w) {
    if (w > 0) regex += " ";
    if (use_forms && w + 1 == words.size() && IsAsciiWord(words[w])) {
      std::vector<std::string> forms;
      for (const std::string& form : WordForms(words[w])) {
        if (runs == nullptr || runs->contains(form)) forms.push_back(RE2::QuoteMeta(form));
      }
      if (forms.empty()) return "";
      regex += "(?:" + Join(forms, "|") + ")";
    } else {
      regex += RE2::QuoteMeta(words[w]);
    }
  }
  return (word_start ? "\\b" : "") + regex + (word_end ? "\\b" : "");
}

// Group `g` of `near` as one alternation. Longer entries come first, so
// that where two entries match at the same place the longer one is the
// match ("inflammatory response" before "inflammatory"): RE2 takes the
// first alternative that lets the whole pattern match. With `runs`, only
// the entries that can occur in that text: leaving out an alternative that
// matches nowhere changes no match. `first_index`: the group's first entry,
// counting group after group.
std::string GroupToRegex(const NearPattern& near, size_t g, size_t first_index,
                         const TextRuns* runs) {
  std::vector<std::pair<std::string, std::string>> entries;  // folded, regex
  size_t index = first_index;
  for (std::string_view entry : near.groups.Of(g)) {
    if (runs != nullptr && !EntryMayOccur(near, index++, entry, *runs)) continue;
    std::string regex = EntryToRegex(entry, near.use_forms, runs);
    if (!regex.empty()) entries.emplace_back(text::FoldString(entry), std::move(regex));
  }
  if (entries.empty()) return "";
  std::stable_sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
    return a.first.size() > b.first.size();
  });
  std::vector<std::string> regexes;
  for (auto& [folded, regex] : entries) regexes.push_back(std::move(regex));
  return "(?:" + Join(regexes, "|") + ")";
}

std::string NearToRegex(const NearPattern& near, const TextRuns* runs) {
  // Between two groups: a run of non-word characters, then up to `within`
  // words each followed by such a run. Words are ASCII letters and digits,
  // apostrophes and any non-ASCII character (the folded text is lower case
  // with ASCII quotes and dashes; treating every other non-ASCII character
  // as part of a word, as the analyze stage does, keeps the class a few
  // instructions instead of the thousands \pL costs). A clause mark
  // (; : ! ?) ends the reach, as the sentence bounds the whole match. The
  // gap is lazy: a match reaches the nearest word of the next group, so its
  // span is the tightest one.
  const std::string word = "a-z0-9'\\x{80}-\\x{10ffff}";
  std::string gap = "[^" + word + ";:!?]+(?:[" + word + "]+[^" + word + ";:!?]+){0," +
                    std::to_string(near.within) + "}?";
  std::vector<std::string> groups;
  size_t first_index = 0;
  for (size_t g = 0; g < near.groups.lists(); ++g) {
    groups.push_back(GroupToRegex(near, g, first_index, runs));
    if (groups.back().empty()) return "";
    first_index += near.groups.Of(g).size();
  }
  std::string in_order;
  for (size_t i = 0; i < groups.size(); ++i) in_order += (i ? gap : "") + groups[i];
  if (!near.any_order) return in_order;
  return "(?:" + in_order + "|" + groups[1] + gap + groups[0] + ")";
}

}  // namespace

std::string NearToRegex(const NearPattern& near) { return NearToRegex(near, nullptr); }

std::string NearToRegexFor(const NearPattern& near, const TextRuns& runs) {
  return NearToRegex(near, &runs);
}

namespace {

// The scanner of PruneAlternatives: copies a regex group by group, and
// leaves out the alternatives of a (?:...) group (or of the whole regex)
// that begin with a literal the text lacks. Anything it does not know
// stops a literal; a regex it cannot follow comes back whole.
class AlternativePruner {
 public:
  AlternativePruner(std::string_view regex, std::string_view text)
      : regex_(regex), text_(text) {}

  std::string Run() {
    bool captures = false;
    std::string out = Alternatives(/*prunable=*/true, captures);
    return ok_ && at_ == regex_.size() ? out : std::string(regex_);
  }

 private:
  struct Alternative {
    std::string regex;
    std::string literal;  // every match of `regex` begins with it
    bool captures = false;
  };

  // The alternatives up to the ')' of the group (not consumed) or the end;
  // `captures` is set when one of them holds a capture group.
  std::string Alternatives(bool prunable, bool& captures) {
    std::vector<Alternative> alternatives{ReadAlternative()};
    while (ok_ && at_ < regex_.size() && regex_[at_] == '|') {
      ++at_;
      alternatives.push_back(ReadAlternative());
    }
    std::vector<const Alternative*> kept;
    for (const Alternative& alternative : alternatives) {
      captures = captures || alternative.captures;
      // Left out only where nothing else changes: no capture group of the
      // regex is renumbered, and an empty group is left whole.
      if (!prunable || alternative.literal.empty() || alternative.captures ||
          text_.find(alternative.literal) != std::string_view::npos) {
        kept.push_back(&alternative);
      }
    }
    if (kept.empty()) {
      for (const Alternative& alternative : alternatives) kept.push_back(&alternative);
    }
    std::string out;
    for (const Alternative* alternative : kept) {
      if (alternative != kept.front()) out += '|';
      out += alternative->regex;
    }
    return out;
  }

  Alternative ReadAlternative() {
    Alternative alternative;
    std::string& out = alternative.regex;
    bool literal_open = true;
    while (ok_ && at_ < regex_.size() && regex_[at_] != '|' && regex_[at_] != ')') {
      const char c = regex_[at_];
      if (!literal_open && c != '\\' && c != '[' && c != '(') {
        // Past the literal only groups, classes and escapes matter.
        const size_t stop = std::min(regex_.find_first_of("\\[()|", at_), regex_.size());
        out.append(regex_.substr(at_, stop - at_));
        at_ = stop;
        continue;
      }
      // Only anchors so far ("^", "\\b"): what comes is the literal's start.
      const bool leading = literal_open && alternative.literal.empty();
      if (c == '\\') {
        if (at_ + 1 >= regex_.size()) return Fail(alternative);
        const char escaped = regex_[at_ + 1];
        if (escaped == 'Q') {
          const size_t end = regex_.find("\\E", at_ + 2);
          const size_t stop = end == std::string_view::npos ? regex_.size() : end + 2;
          out.append(regex_.substr(at_, stop - at_));
          at_ = stop;
          literal_open = false;
          continue;
        }
        out.append(regex_.substr(at_, 2));
        at_ += 2;
        // A word boundary before the first literal is no part of it.
        if (!(escaped == 'b' && leading)) literal_open = false;
        continue;
      }
      if (c == '[') {
        CopyClass(out);
        literal_open = false;
        continue;
      }
      if (c == '(') {
        CopyGroup(alternative);
        literal_open = false;
        continue;
      }
      if (c == '?' || c == '*' || c == '{') {
        // The character before is optional: no part of the literal.
        if (literal_open && !alternative.literal.empty()) alternative.literal.pop_back();
        literal_open = false;
      } else if (c == '^' && leading) {
        // An anchor before the first literal is no part of it either.
      } else if (!IsPlainLiteral(c)) {
        literal_open = false;
      } else if (literal_open) {
        alternative.literal += c;
      }
      out += c;
      ++at_;
    }
    return alternative;
  }

  // A byte that matches itself in a folded text whatever the regex's case
  // options: no metacharacter, upper-case letter or byte beyond ASCII.
  static bool IsPlainLiteral(char c) {
    if (c >= 'a' && c <= 'z') return true;
    if (c >= '0' && c <= '9') return true;
    return c == ' ' || c == '\'' || c == '-' || c == ',' || c == '%' || c == '#' || c == '&' ||
           c == '/' || c == ':' || c == ';' || c == '!' || c == '"' || c == '=' || c == '<' ||
           c == '>' || c == '@' || c == '~' || c == '`' || c == '_';
  }

  void CopyClass(std::string& out) {
    const size_t begin = at_++;
    if (at_ < regex_.size() && regex_[at_] == '^') ++at_;
    if (at_ < regex_.size() && regex_[at_] == ']') ++at_;  // a leading ']' is literal
    while (at_ < regex_.size() && regex_[at_] != ']') {
      if (regex_[at_] == '\\') {
        at_ += 2;
      } else if (regex_.substr(at_, 2) == "[:") {
        const size_t end = regex_.find(":]", at_ + 2);
        at_ = end == std::string_view::npos ? regex_.size() : end + 2;
      } else {
        ++at_;
      }
    }
    if (at_ >= regex_.size()) {
      ok_ = false;
      return;
    }
    ++at_;
    out.append(regex_.substr(begin, at_ - begin));
  }

  void CopyGroup(Alternative& alternative) {
    std::string& out = alternative.regex;
    const size_t begin = at_++;
    bool prunable = false;
    if (regex_.substr(at_, 2) == "?:") {
      prunable = true;
      at_ += 2;
    } else if (at_ < regex_.size() && regex_[at_] == '?') {
      // Flags, "(?i)" or "(?i:...)", or a named group "(?P<name>...)".
      const size_t end = regex_.find_first_of(":)>", at_);
      if (end == std::string_view::npos) {
        ok_ = false;
        return;
      }
      alternative.captures = alternative.captures || regex_[end] == '>';
      at_ = end + 1;
      if (regex_[end] == ')') {
        out.append(regex_.substr(begin, at_ - begin));
        return;
      }
    } else {
      alternative.captures = true;
    }
    out.append(regex_.substr(begin, at_ - begin));
    // A capture group inside counts as one of this alternative's own.
    std::string content = Alternatives(prunable, alternative.captures);
    if (!ok_ || at_ >= regex_.size()) {
      ok_ = false;
      return;
    }
    ++at_;
    out += content;
    out += ')';
  }

  Alternative Fail(Alternative alternative) {
    ok_ = false;
    return alternative;
  }

  std::string_view regex_;
  std::string_view text_;
  size_t at_ = 0;
  bool ok_ = true;
};

}  // namespace

std::string PruneAlternatives(std::string_view regex, std::string_view text) {
  return AlternativePruner(regex, text).Run();
}

std::string Pattern::Source() const {
  if (!near) return written;
  // Described only when asked: serializing every near pattern at load was
  // a twentieth of a cold start.
  return "near: " + json(near->groups.ToVectors()).dump() + " within " +
         std::to_string(near->within) + (near->any_order ? ", any order" : "") +
         (near->use_forms ? "" : ", exact forms");
}

std::optional<Action> Action::Parse(std::string_view text) {
  if (text == "keep") return Action{kKeep};
  if (text == "skip") return Action{kSkip};
  if (text == "downgrade") return Action{kDowngrade};
  if (auto severity = ParseSeverity(text)) return Action{kSet, *severity};
  return std::nullopt;
}

std::string Action::Name() const {
  switch (kind) {
    case kKeep: return "keep";
    case kSkip: return "skip";
    case kDowngrade: return "downgrade";
    case kSet: return std::string(SeverityName(severity));
  }
  return "keep";
}

LazyRegex::LazyRegex(std::function<std::string()> make_regex, const RE2::Options& options)
    : state_(std::make_unique<State>()) {
  state_->make_regex = std::move(make_regex);
  state_->options = options;
}

const std::string& LazyRegex::regex() const {
  std::call_once(state_->regex_once, [state = state_.get()] { state->regex = state->make_regex(); });
  return state_->regex;
}

const RE2& LazyRegex::operator*() const {
  std::call_once(state_->re_once, [this] {
    state_->re = std::make_unique<RE2>(regex(), state_->options);
  });
  return *state_->re;
}

CompiledPack::CompiledPack(std::vector<PackInfo> packs, std::vector<Rule> rules, Lexicon lexicon)
    : packs_(std::move(packs)), rules_(std::move(rules)), lexicon_(std::move(lexicon)) {
  for (uint32_t r = 0; r < rules_.size(); ++r) {
    for (uint32_t p = 0; p < rules_[r].patterns.size(); ++p) {
      (rules_[r].kind == RuleKind::kClaim ? refs_ : disclaimer_refs_).push_back({r, p});
    }
  }
  prefilter_ = std::make_unique<Prefilter>(rules_, refs_);
  for (CueList* list : CueLists(lexicon_)) CompileCueList(*list);
}

const RE2::Set& CompiledPack::disclaimer_prefilter() const {
  std::call_once(disclaimer_once_, [this] {
    disclaimer_prefilter_ =
        std::make_unique<RE2::Set>(PatternOptions(kMaxPatternMemory), RE2::UNANCHORED);
    // Every pattern of a pack compiles alone (checked at load or by the
    // test suite), so Add cannot fail here.
    for (const PatternRef& ref : disclaimer_refs_) {
      disclaimer_prefilter_->Add(rules_[ref.rule].patterns[ref.pattern].re.regex(), nullptr);
    }
    disclaimer_prefilter_->Compile();
  });
  return *disclaimer_prefilter_;
}

std::string CueList::RegexFor(const TextLiterals& text) const {
  if (regexes.empty()) return "";
  if (required_literals.empty()) return re.regex();
  std::vector<std::string> kept;
  for (size_t i = 0; i < regexes.size(); ++i) {
    if (MayMatchLiterals(required_literals[i], text)) kept.push_back(regexes[i]);
  }
  if (kept.size() == regexes.size()) return re.regex();
  return kept.empty() ? "" : CueAlternation(kept);
}

CompiledPack::~CompiledPack() = default;

const Rule* CompiledPack::FindRule(std::string_view id) const {
  for (const Rule& rule : rules_) {
    if (rule.id == id) return &rule;
  }
  return nullptr;
}

std::array<CueList*, 11> CueLists(Lexicon& lexicon) {
  return {&lexicon.negation_before, &lexicon.negation_clause, &lexicon.negation_after,
          &lexicon.pseudo_negation,  &lexicon.scope_end,       &lexicon.hedge,
          &lexicon.reported_speech,  &lexicon.rejection,       &lexicon.citation,
          &lexicon.named_study,      &lexicon.reference_heading};
}

std::array<const CueList*, 11> CueLists(const Lexicon& lexicon) {
  std::array<CueList*, 11> lists = CueLists(const_cast<Lexicon&>(lexicon));
  std::array<const CueList*, 11> const_lists;
  std::copy(lists.begin(), lists.end(), const_lists.begin());
  return const_lists;
}

PackSource::PackSource(std::string name, std::string text)
    : name(std::move(name)), owned_text_(std::make_shared<const std::string>(std::move(text))),
      text_(*owned_text_) {}

PackSource PackSource::Embedded(std::string name, std::string_view text,
                                std::string_view snapshot) {
  PackSource source;
  source.name = std::move(name);
  source.patterns_checked = true;
  source.snapshot = snapshot;
  source.text_ = text;
  return source;
}

MarkedText StripMarkers(std::string_view text) {
  MarkedText out;
  size_t open = text.find("[[");
  size_t close = open == std::string_view::npos ? std::string_view::npos : text.find("]]", open);
  if (close == std::string_view::npos) {
    out.text = std::string(text);
    return out;
  }
  out.text = std::string(text.substr(0, open)) +
             std::string(text.substr(open + 2, close - open - 2)) +
             std::string(text.substr(close + 2));
  out.span = {static_cast<uint32_t>(open), static_cast<uint32_t>(close - 2)};
  return out;
}

std::optional<PackContents> ReadPackSource(const PackSource& source,
                                           std::vector<Diagnostic>& errors) {
  std::optional<json> root = ParsePackText(source, errors);
  if (!root) return std::nullopt;
  Validator validator(source);
  if (!root->is_object()) {
    validator.Error("", "a rule pack is a JSON object with \"pack\" and \"rules\"");
    errors.insert(errors.end(), validator.errors().begin(), validator.errors().end());
    return std::nullopt;
  }
  validator.UnknownKeys(*root, "", {"$schema", "pack", "defaults", "rules", "disclaimers",
                                    "lexicon", "comment"});
  if (auto it = root->find("$schema"); it != root->end() && !it->is_string()) {
    validator.Error("$schema", "must be a string (the schema's path or URL)");
  }
  PackContents contents;
  PackInfo& info = contents.info;
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
    info.description = validator.String(*pack, "pack", "description", false);
    if (auto refs = pack->find("references"); refs != pack->end()) {
      ReadStrings(*refs, "pack.references", validator);
    }
    if (!info.id.empty() && !RE2::FullMatch(info.id, PackIdPattern())) {
      validator.Error("pack.id",
                      "\"" + info.id + "\" must be lowercase letters, digits and dashes");
    }
  }
  ContextPolicy defaults;
  if (auto it = root->find("defaults"); it != root->end()) {
    if (!it->is_object()) {
      validator.Error("defaults", "must be an object such as {\"context\": {...}}");
    } else {
      validator.UnknownKeys(*it, "defaults", {"context"});
      if (auto context = it->find("context"); context != it->end()) {
        ReadPolicy(*context, "defaults.context", defaults, validator);
      }
    }
  }
  auto list = root->find("rules");
  if (list == root->end() || !list->is_array()) {
    validator.Error("rules", "missing or not an array of rules");
  } else {
    for (size_t i = 0; i < list->size(); ++i) {
      ReadRule((*list)[i], "rules[" + std::to_string(i) + "]", info.id, defaults, validator,
               contents.rules);
    }
  }
  contents.first_disclaimer = contents.rules.size();
  if (auto it = root->find("disclaimers"); it != root->end()) {
    if (!it->is_array()) {
      validator.Error("disclaimers", "must be an array of disclaimer requirements");
    } else {
      for (size_t i = 0; i < it->size(); ++i) {
        ReadDisclaimer((*it)[i], "disclaimers[" + std::to_string(i) + "]", info.id, validator,
                       contents.rules);
      }
    }
  }
  if (auto it = root->find("lexicon"); it != root->end()) {
    ReadLexicon(*it, validator, contents.lexicon);
  }
  errors.insert(errors.end(), validator.errors().begin(), validator.errors().end());
  return contents;
}

namespace {

void Append(Lexicon& lexicon, Lexicon&& more) {
  std::array<CueList*, 11> lists = CueLists(lexicon), added = CueLists(more);
  for (size_t i = 0; i < lists.size(); ++i) {
    CueList& list = *lists[i];
    CueList& more_list = *added[i];
    // One item of required literals per entry, an empty one for an entry
    // without.
    if (!list.required_literals.empty() || !more_list.required_literals.empty()) {
      list.required_literals.resize(list.regexes.size());
      more_list.required_literals.resize(more_list.regexes.size());
      list.required_literals.insert(list.required_literals.end(),
                                    std::make_move_iterator(more_list.required_literals.begin()),
                                    std::make_move_iterator(more_list.required_literals.end()));
    }
    list.regexes.insert(list.regexes.end(), std::make_move_iterator(more_list.regexes.begin()),
                        std::make_move_iterator(more_list.regexes.end()));
  }
  lexicon.evidence_domains.insert(lexicon.evidence_domains.end(),
                                  std::make_move_iterator(more.evidence_domains.begin()),
                                  std::make_move_iterator(more.evidence_domains.end()));
}

}  // namespace

StatusOr<std::shared_ptr<const CompiledPack>> Load(const std::vector<PackSource>& sources) {
  std::vector<Diagnostic> errors;
  std::vector<PackInfo> packs;
  std::vector<Rule> rules;
  Lexicon lexicon;
  std::map<std::string, std::string> first_definition;  // rule id -> where
  for (const PackSource& source : sources) {
    // An embedded pack was read and checked when the binary was built.
    std::optional<PackContents> contents;
    if (!source.snapshot.empty()) contents = ReadSnapshot(source.snapshot);
    if (!contents) contents = ReadPackSource(source, errors);
    if (!contents) continue;
    for (size_t i = 0; i < contents->rules.size(); ++i) {
      const std::string& id = contents->rules[i].id;
      if (id.empty()) continue;
      const size_t first = contents->first_disclaimer;
      std::string here = i < first ? "rules[" + std::to_string(i) + "]"
                                   : "disclaimers[" + std::to_string(i - first) + "]";
      auto [it, inserted] = first_definition.emplace(id, source.name + " " + here);
      if (!inserted) {
        errors.push_back({"CL202", source.name,
                          here + ".id: duplicate rule id \"" + id + "\" (first defined in " +
                              it->second + ")",
                          true});
      }
    }
    rules.insert(rules.end(), std::make_move_iterator(contents->rules.begin()),
                 std::make_move_iterator(contents->rules.end()));
    Append(lexicon, std::move(contents->lexicon));
    packs.push_back(std::move(contents->info));
  }
  // A disclaimer may name trigger rules of any loaded pack.
  for (const Rule& rule : rules) {
    for (const std::string& trigger : rule.trigger_rules) {
      if (first_definition.count(trigger) == 0) {
        errors.push_back({"CL203", first_definition[rule.id],
                          "triggers.rules: no loaded rule has the id \"" + trigger + "\"", true});
      }
    }
  }
  if (!errors.empty()) return errors;
  return std::shared_ptr<const CompiledPack>(std::make_shared<CompiledPack>(
      std::move(packs), std::move(rules), std::move(lexicon)));
}

}  // namespace claimlint::rules
