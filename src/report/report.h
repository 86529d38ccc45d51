// The report stage: writers that turn scan results into bytes. The scan
// pushes results to a Sink in a deterministic order (sorted by path); a
// sink never sees two files at once and never reorders. Each writer's
// configuration is fixed when it is made.

#ifndef CLAIMLINT_REPORT_REPORT_H_
#define CLAIMLINT_REPORT_REPORT_H_

#include <cstdint>
#include <map>
#include <memory>
#include <ostream>
#include <string>
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
  std::vector<Diagnostic> diagnostics;     // errors and warnings
  bool unreadable = false;  // an error kept the file from being scanned
  // Claims in site chrome (text on most pages of the batch) left out here
  // because an earlier page reports them; not part of the JSON schema.
  uint64_t repeated_chrome_findings = 0;
};

struct RunInfo {
  std::string tool_version;
  std::vector<rules::PackInfo> packs;
};

struct Summary {
  uint64_t files = 0;
  uint64_t files_with_findings = 0;
  uint64_t unreadable = 0;
  uint64_t findings = 0;
  std::map<std::string, uint64_t> by_severity;  // every severity, zeros too
  std::map<std::string, uint64_t> by_category;
  uint64_t repeated_chrome_findings = 0;  // see FileResult

  void Add(const FileResult& file);
};

class Sink {
 public:
  virtual ~Sink() = default;
  virtual void Begin(const RunInfo& run) = 0;
  virtual void File(const FileResult& file) = 0;
  virtual void End(const Summary& summary) = 0;
};

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
