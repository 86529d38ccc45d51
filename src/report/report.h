// The report stage: writers that turn scan results into bytes. The scan
// pushes results to a Sink in a deterministic order (sorted by path); a
// sink never sees two files at once and never reorders. Each writer's
// configuration is fixed when it is made, and none of them reads the
// clock or the environment, so the same results give byte-identical
// reports.
//
// The formats (each described in the README):
//   text        people at a terminal: location, message, sentence, carets
//   json        tools: the schema_version 1 document
//   html        reviewers: one self-contained page, highlights and filters
//   sarif       code scanning: SARIF 2.1.0, UTF-16 columns
//   junit       CI dashboards: a testsuite per file, a testcase per finding
//   checkstyle  linters' common XML
//   github      GitHub Actions workflow commands (annotations)
//   summary     a few lines of counts
//
// Sinks are not thread-safe; the scan calls them from one thread.

#ifndef CLAIMLINT_REPORT_REPORT_H_
#define CLAIMLINT_REPORT_REPORT_H_

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "analyze/analyze.h"
#include "core/core.h"
#include "input/input.h"
#include "rules/rules.h"

namespace claimlint::report {

struct FileResult {
  std::string path;
  input::Format format = input::Format::kText;
  uint64_t bytes = 0;
  std::vector<analyze::Finding> findings;  // sorted by offset, then rule id
  std::vector<analyze::Finding> spared;    // claims the context spared, same order
  // Findings an inline directive suppressed, and findings a baseline
  // accepted; same order, each with its Finding::suppression. Neither is
  // counted in the summary nor for the exit code.
  std::vector<analyze::Finding> suppressed;
  std::vector<analyze::Finding> baselined;
  std::vector<Diagnostic> diagnostics;     // errors and warnings
  bool unreadable = false;  // an error kept the file from being scanned
  // The original bytes, which every finding's `source` span indexes. Kept
  // only when a sink asks for them (Sink::NeedsSource) and the file was
  // read; the scan holds a bounded window of results, so memory stays
  // bounded too.
  std::string source;
  bool has_source = false;
  // Claims in site chrome (text on most pages of the batch) left out here
  // because an earlier page reports them; not part of the JSON schema.
  uint64_t repeated_chrome_findings = 0;
};

struct RunInfo {
  std::string tool_version;
  std::string information_uri;  // the tool's home page, for SARIF; may be empty
  std::vector<rules::PackInfo> packs;
  // Every rule of the run in pack order (owned by the CompiledPack, which
  // outlives the sinks). SARIF lists them; a finding whose rule is not here
  // (a document-level requirement, say) is still reported.
  std::vector<const rules::Rule*> rules;
  // The lowest severity that fails the run (--fail-on); none: nothing does.
  std::optional<Severity> fail_on = Severity::kError;
};

struct Summary {
  uint64_t files = 0;
  uint64_t files_with_findings = 0;
  uint64_t unreadable = 0;
  uint64_t findings = 0;
  std::map<std::string, uint64_t> by_severity;  // every severity, zeros too
  std::map<std::string, uint64_t> by_category;
  std::map<std::string, uint64_t> by_rule;
  uint64_t repeated_chrome_findings = 0;  // see FileResult
  uint64_t suppressed = 0;  // FileResult::suppressed, not in `findings`
  uint64_t baselined = 0;   // FileResult::baselined, not in `findings`
  // Baseline entries no finding matched (fixed since): "path rule fingerprint".
  std::vector<std::string> stale_baseline;

  void Add(const FileResult& file);
};

// Receives a run: Begin once, File once per input in path order, End once.
class Sink {
 public:
  virtual ~Sink() = default;
  virtual void Begin(const RunInfo& run) = 0;
  virtual void File(const FileResult& file) = 0;
  virtual void End(const Summary& summary) = 0;
  // True when File() needs FileResult::source (highlights, char offsets).
  virtual bool NeedsSource() const { return false; }
};

// Told by the scan how far a batch has got; used for a progress bar.
// Called from the scan's ordering thread only.
class Progress {
 public:
  virtual ~Progress() = default;
  // Before the sinks see a file: a terminal line must be cleared first.
  virtual void BeforeOutput() = 0;
  // After each file; `done` of `total` inputs, `findings` so far.
  virtual void Update(uint64_t done, uint64_t total, uint64_t findings) = 0;
  // After the last file: leaves the terminal as it found it.
  virtual void Finish() = 0;
};

// A one-line progress bar for a terminal: files done/total, findings, rate
// and ETA, redrawn at most ten times a second (plus the first and last
// file). `flush_first` (stdout, usually) is flushed before every draw, so
// report lines on the same terminal never land in the middle of the bar.
// `width` is the terminal's width in columns.
std::unique_ptr<Progress> MakeProgressBar(std::ostream& out, std::ostream* flush_first,
                                          int width);

enum class ReportFormat { kText, kJson, kHtml, kSarif, kJunit, kCheckstyle, kGithub, kSummary };

std::string_view ReportFormatName(ReportFormat format);
std::optional<ReportFormat> ParseReportFormat(std::string_view name);
// "json, html, ..." for messages and help.
std::string ReportFormatList();

// The JSON report of the README (schema_version 1): one document, streamed
// file by file, keys in a fixed order, two-space indentation.
std::unique_ptr<Sink> MakeJsonSink(std::ostream& out);

struct TextOptions {
  bool color = false;
  bool show_summary = true;  // a closing line with the counts
};

// `path:line:col: severity: message [rule-id]`, then the sentence with a
// caret line under the flagged words.
std::unique_ptr<Sink> MakeTextSink(std::ostream& out, const TextOptions& options);

// One self-contained HTML page (inline CSS and JS, a Content-Security-Policy
// that forbids any network access): a batch summary with a chart, then a
// section per document with its text and every finding highlighted in
// place, and filters by severity, category and rule. Everything from the
// input is escaped. Document sections are spooled to an anonymous
// temporary file until End(), so memory does not grow with the batch.
std::unique_ptr<Sink> MakeHtmlSink(std::ostream& out);

// SARIF 2.1.0, one run. Columns and char offsets count UTF-16 code units
// (declared as the run's columnKind); byte offsets are given too. Results
// are spooled like the HTML sections and written at End().
std::unique_ptr<Sink> MakeSarifSink(std::ostream& out);

// JUnit XML: a testsuite per file, a testcase per finding (a failure at or
// above RunInfo::fail_on), one passing testcase for a clean file, an error
// for a file that could not be read.
std::unique_ptr<Sink> MakeJunitSink(std::ostream& out);

// Checkstyle XML: a <file> per input, an <error> per finding or problem.
std::unique_ptr<Sink> MakeCheckstyleSink(std::ostream& out);

struct GithubOptions {
  // Where to append the job summary (the value of $GITHUB_STEP_SUMMARY);
  // empty: none. It is written only when a level has more annotations
  // than GitHub shows for a step (kGithubShownPerLevel).
  std::string step_summary_path;
};
inline constexpr uint64_t kGithubShownPerLevel = 10;

// GitHub Actions workflow commands, one line per finding:
// `::error file=P,line=L,col=C,endLine=L,endColumn=C,title=T::message`,
// escaped as the runner expects (%25 %0D %0A, and %3A %2C in properties).
std::unique_ptr<Sink> MakeGithubSink(std::ostream& out, const GithubOptions& options);

// A few lines of counts: totals, by severity, category and rule, the files
// with most findings.
std::unique_ptr<Sink> MakeSummarySink(std::ostream& out);

// A file written through a temporary in the same folder and renamed into
// place by Commit(), so a reader never sees half a report. Destroying an
// uncommitted AtomicFile removes the temporary.
class AtomicFile {
 public:
  explicit AtomicFile(std::string path);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  // Empty when the temporary could not be created; see error().
  bool ok() const { return ok_; }
  const std::string& error() const { return error_; }
  std::ostream& stream();
  // Flushes, syncs and renames. False (with error()) on any failure.
  bool Commit();

 private:
  std::string path_;
  std::string temp_path_;
  std::unique_ptr<std::ostream> stream_;
  bool ok_ = false;
  bool committed_ = false;
  std::string error_;
};

}  // namespace claimlint::report

#endif  // CLAIMLINT_REPORT_REPORT_H_
