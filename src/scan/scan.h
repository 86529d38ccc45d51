// The scan stage: expands the paths a user named into a sorted list of
// files, runs the pipeline (input -> text -> match -> analyze) on a pool of
// threads, and hands results to the sinks in path order, so every report is
// byte-identical whatever the thread count. Files stream through: at most a
// bounded window of results is held at once.

#ifndef CLAIMLINT_SCAN_SCAN_H_
#define CLAIMLINT_SCAN_SCAN_H_

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "input/input.h"
#include "match/match.h"
#include "report/report.h"
#include "rules/rules.h"

namespace re2 {
class RE2;
}

namespace claimlint::scan {

// What the run's config says about one rule (config::RuleDecision, handed
// over by the CLI so that this stage does not read configs).
struct RuleOverride {
  bool enabled = true;
  std::optional<Severity> severity;  // applied last, after the context model
  std::string reason;                // appended to Finding::reasons
};

// How findings are kept, moved or dropped after analysis.
struct FindingPolicy {
  std::map<std::string, RuleOverride> rules;  // by rule id; absent: defaults
  // Inline suppressions without "-- reason" are ignored (and reported).
  bool require_reason = true;
};

// A finding accepted on purpose: matched by path (as reports show it), rule
// and fingerprint, never by line, so it survives lines moving and edits
// elsewhere in the file. `who` and `why` are free text for reviewers.
struct BaselineEntry {
  std::string path;
  std::string rule;
  std::string fingerprint;
  std::string who;
  std::string why;
};

// Reads a baseline file's text (CL601 syntax with file:line:col, CL602 a
// bad entry). `name` is for messages.
StatusOr<std::vector<BaselineEntry>> ParseBaseline(std::string_view text,
                                                   const std::string& name);
// The baseline file for `entries` (sorted by path, rule, fingerprint).
std::string BaselineJson(std::vector<BaselineEntry> entries);
// A sink that collects every finding of a run (and those a baseline
// already accepted, keeping their who/why from `previous`) as entries.
std::unique_ptr<report::Sink> MakeBaselineCollector(std::vector<BaselineEntry>& out,
                                                    const std::vector<BaselineEntry>& previous);

// The lines a change touches, per file, from a unified diff (`git diff`).
// Paths are the new side's ("+++ b/x" -> "x"; a leading "./" of a scanned
// path is ignored when comparing). `added` holds the new file's added or
// changed lines (1-based, sorted); `changed` is true when the file has any
// added or removed line.
struct ChangedFile {
  std::vector<uint32_t> added;
  bool changed = false;
};
using ChangedLines = std::map<std::string, ChangedFile>;

// Parses a unified diff (any context size; binary and rename headers are
// skipped). CL701 on a malformed hunk header.
StatusOr<ChangedLines> ParseUnifiedDiff(std::string_view diff);

// Runs `git diff --merge-base REV --relative --unified=0 --no-color
// --no-ext-diff` in the working folder (fork/exec, no shell) and parses
// it. CL702 when git cannot run or fails (its stderr is the message).
StatusOr<ChangedLines> GitDiff(const std::string& rev);

// Safe rewrites (a pattern's "fix"): the text of `source` with every
// fixable finding of `findings` (sorted by offset) replaced. A finding is
// skipped, not fixed, when its span holds anything but plain words
// (markup, entities, line breaks) or its text is not the source bytes (a
// file that is not UTF-8). Nothing outside the spans changes.
struct FixResult {
  std::string text;
  uint32_t applied = 0;
  uint32_t skipped = 0;
};
FixResult ApplyFixes(std::string_view source, const std::vector<analyze::Finding>& findings);

// A zero-context unified diff of two texts with the same line breaks (what
// ApplyFixes produces), `git apply --unidiff-zero` style, for --dry-run.
std::string LineDiff(const std::string& path, std::string_view before, std::string_view after);

struct ScanOptions {
  std::vector<std::string> paths;  // files, directories, or "-" for stdin
  unsigned jobs = 1;
  std::optional<input::Format> force_format;  // --format-in; else by extension
  match::MatchOptions match;
  FindingPolicy policy;
  // Findings matching an entry move to FileResult::baselined; entries no
  // finding matched are listed in Summary::stale_baseline.
  std::vector<BaselineEntry> baseline;
  // Changed-lines mode (--diff, --diff-base): files are analysed whole,
  // then a claim is kept only when one of its lines is an added line, and
  // a document-level finding (missing disclaimer) only when its file
  // changed at all. Files the diff does not name keep nothing.
  std::optional<ChangedLines> changed;
  uint64_t max_file_bytes = 256ull << 20;
  // Told after each file (a terminal progress bar); not owned, may be null.
  report::Progress* progress = nullptr;

  // Which files of a walked folder are scanned (PathGlob syntax, matched on
  // the path relative to the folder named on the command line): those that
  // match an include, or all when there is none, and no exclude. A folder
  // an exclude matches is not entered. Files named on the command line are
  // always scanned.
  std::vector<std::string> include;
  std::vector<std::string> exclude;
  // Reads a .claimlintignore at the top of each walked folder.
  bool use_ignore_files = true;
  // The path shown for "-" (standard input); its extension names the
  // format unless force_format says otherwise. Empty: "<stdin>", text.
  std::string stdin_filename;

  // Site chrome: in a batch of at least chrome_min_pages files, a block
  // whose text (input::BlockTextHash) is on more than half of them is
  // navigation, footer or banner text. Its claims are reported on the first page (in
  // path order) that carries it, not on every page. The block stays in
  // each page's Document (a footer disclaimer still counts everywhere).
  // Costs a first pass that reads and extracts every file once more.
  bool site_chrome = true;
  uint32_t chrome_min_pages = 4;
};

// A glob over '/'-separated paths relative to a walked folder, the way
// .gitignore reads them: `*` is any run of characters but '/', `?` one
// character but '/', `[a-z]` / `[!a-z]` a class, `**` any number of
// folders (`**/x`, `x/**`, `a/**/b`), `\` quotes the next character. A
// pattern with no '/' (but a trailing one) matches a name at any depth; one
// with a '/' is anchored at the walked folder (a leading '/' only anchors).
// A trailing '/' matches folders only. Compiled once to an RE2 (linear
// time); never fails: a '[' with no ']' is a literal '['. Immutable and
// thread-safe.
class PathGlob {
 public:
  explicit PathGlob(std::string_view pattern);
  bool Matches(std::string_view relative_path, bool is_dir) const;
  // The RE2 pattern it compiled to (for tests and messages).
  const std::string& regex() const { return regex_; }

 private:
  std::string regex_;
  std::shared_ptr<const re2::RE2> re_;
  bool dir_only_ = false;
};

// A .claimlintignore file: one PathGlob per line; blank lines and lines
// starting with '#' are skipped; `!pattern` re-includes what an earlier
// line ignored (the last matching line wins); `\#` and `\!` start a
// pattern with those characters; trailing spaces are dropped. As in git, a
// file inside an ignored folder cannot be re-included: the folder is not
// entered.
class IgnoreRules {
 public:
  IgnoreRules() = default;
  explicit IgnoreRules(std::string_view text);
  bool Ignored(std::string_view relative_path, bool is_dir) const;
  bool empty() const { return rules_.empty(); }

 private:
  struct Rule {
    PathGlob glob;
    bool negate;
  };
  std::vector<Rule> rules_;
};

// What a scan will read, in report order: files sorted by path (standard
// input first), each with the error that keeps it from being read, if any
// (a missing path, an unreadable folder). Folders are walked recursively
// with an explicit stack; hidden entries (".name") are skipped; symbolic
// links to folders are not followed (so there are no loops), links to
// files are read.
struct InputFile {
  std::string path;  // as shown in reports
  bool is_stdin = false;
  std::optional<Diagnostic> error;
};
std::vector<InputFile> ListInputs(const ScanOptions& options);

// One file through the whole pipeline. Never throws; problems become
// diagnostics of the result.
report::FileResult ScanSource(const input::Source& source, input::Format format,
                              const rules::CompiledPack& pack,
                              const match::MatchOptions& options = {},
                              const FindingPolicy& policy = {});

// Scans every input and pushes results to `sinks` in path order. Results
// carry their source bytes when a sink needs them (Sink::NeedsSource).
// Returns the summary that was passed to Sink::End.
report::Summary Scan(const ScanOptions& options, const rules::CompiledPack& pack,
                     const report::RunInfo& run,
                     const std::vector<report::Sink*>& sinks);

}  // namespace claimlint::scan

#endif  // CLAIMLINT_SCAN_SCAN_H_
