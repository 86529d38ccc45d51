// The subcommands of the claimlint binary other than `scan`. main.cc only
// dispatches to them. Each takes the arguments after its own name and
// returns the process exit code: 0 success, 1 a check failed, 2 usage,
// configuration or rule-pack errors.

#ifndef CLAIMLINT_CLI_COMMANDS_H_
#define CLAIMLINT_CLI_COMMANDS_H_

#include <string>
#include <vector>

namespace claimlint::cli {

// The exit codes of every command (design.md).
inline constexpr int kExitClean = 0;     // done; nothing at or above the threshold
inline constexpr int kExitFindings = 1;  // findings at or above --fail-on, or a check failed
inline constexpr int kExitUsage = 2;     // usage, configuration, rule-pack or I/O errors

// `claimlint rules test|list|show ...`: runs every rule's own examples
// through the full pipeline, lists the loaded rules, or shows one rule.
int RunRules(const std::vector<std::string>& args);

// `claimlint eval [DIR]`: scores the annotated corpus against its .expect
// verdicts and writes reports/eval.md.
int RunEval(const std::vector<std::string>& args);

}  // namespace claimlint::cli

#endif  // CLAIMLINT_CLI_COMMANDS_H_
