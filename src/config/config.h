// The config stage: `.claimlint.json`, the settings a team keeps beside its
// articles. A config is found from a folder upward (like .vale.ini or
// .eslintrc), read as JSON with comments, validated, and resolved against
// the run's rule pack into per-rule decisions (enabled, severity).
//
// Precedence: an option given on the command line wins over the config;
// the config wins over the built-in defaults. One run uses one config (see
// Discover): every PATH of a batch must resolve to the same file.
//
// Thread-safety: everything here is a pure function of its arguments
// except ConfigFinder, which caches lookups and is not thread-safe.

#ifndef CLAIMLINT_CONFIG_CONFIG_H_
#define CLAIMLINT_CONFIG_CONFIG_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/core.h"
#include "rules/rules.h"

namespace claimlint::config {

inline constexpr std::string_view kConfigFileName = ".claimlint.json";

// A parsed config file. Fields left out of the file stay unset/empty.
struct Config {
  std::string path;  // the file it was read from; empty: no config
  // Built-in jurisdiction packs added to core ("us", "uk", "au"), as --profile.
  std::vector<std::string> profile;
  // Rule pack files, resolved against the config's folder; used instead of
  // the built-in packs, as --rules.
  std::vector<std::string> rules;
  // Rule ids, categories or "*". A rule is off when its id, its category
  // or "*" is in `disable`, unless a more specific entry (id over category
  // over "*") is in `enable`.
  std::vector<std::string> enable;
  std::vector<std::string> disable;
  // Rule id or category -> severity; an id wins over its category.
  std::map<std::string, Severity> severity;
  std::vector<std::string> include;  // PathGlobs, as --include
  std::vector<std::string> exclude;  // as --exclude
  std::optional<std::string> fail_on;  // "error" ... "none"
  std::vector<std::string> reports;    // FORMAT=PATH, as --report
  bool require_reason = true;          // suppressions must give "-- reason"
  std::string text;  // the file's text, for error locations
};

// Parses config text. Errors (CL501 syntax with file:line:col, CL502 an
// unknown key with a "did you mean", CL503 a mistyped value) name `path`.
// Relative pack paths are resolved against the folder of `path`.
StatusOr<Config> Parse(std::string_view text, const std::string& path);

// Reads and parses a config file (CL504 when it cannot be read).
StatusOr<Config> Load(const std::string& path);

// Finds the config that applies to `folder`: the nearest .claimlint.json in
// it or a folder above it, up to the filesystem root. Each folder asked
// about is cached, so a batch stats each folder once.
class ConfigFinder {
 public:
  // The config file's path, or nullopt when there is none.
  std::optional<std::string> Find(const std::string& folder);

 private:
  std::unordered_map<std::string, std::optional<std::string>> cache_;
};

// What the config decides about one rule.
struct RuleDecision {
  bool enabled = true;
  std::optional<Severity> severity;  // an override
  std::string reason;                // how the override was reached
};

// Checks every rule id and category `config` names against `pack` (CL505
// with a "did you mean" and the file:line:col of the name), and resolves
// each rule of the pack. Keyed by rule id; rules the config says nothing
// about are absent.
StatusOr<std::map<std::string, RuleDecision>> Resolve(const Config& config,
                                                      const rules::CompiledPack& pack);

// The effective configuration as pretty JSON (`claimlint config`).
std::string ToJson(const Config& config);

// The commented starter file `claimlint init` writes.
std::string_view StarterConfig();

// Levenshtein distance, and the closest candidate within a small distance
// (for "did you mean"); empty when none is close.
size_t EditDistance(std::string_view a, std::string_view b);
std::string ClosestMatch(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace claimlint::config

#endif  // CLAIMLINT_CONFIG_CONFIG_H_
