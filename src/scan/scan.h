// The scan stage: expands the paths a user named into a sorted list of
// files, runs the pipeline (input -> text -> match -> analyze) on a pool of
// threads, and hands results to the sinks in path order, so every report is
// byte-identical whatever the thread count. Files stream through: at most a
// bounded window of results is held at once.

#ifndef CLAIMLINT_SCAN_SCAN_H_
#define CLAIMLINT_SCAN_SCAN_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "input/input.h"
#include "match/match.h"
#include "report/report.h"
#include "rules/rules.h"

namespace claimlint::scan {

struct ScanOptions {
  std::vector<std::string> paths;  // files, directories, or "-" for stdin
  unsigned jobs = 1;
  std::optional<input::Format> force_format;
  match::MatchOptions match;
  uint64_t max_file_bytes = 256ull << 20;
  // Told after each file (a terminal progress bar); not owned, may be null.
  report::Progress* progress = nullptr;
};

// One file through the whole pipeline. Never throws; problems become
// diagnostics of the result.
report::FileResult ScanSource(const input::Source& source, input::Format format,
                              const rules::CompiledPack& pack,
                              const match::MatchOptions& options = {});

// Scans every input and pushes results to `sinks` in path order. Results
// carry their source bytes when a sink needs them (Sink::NeedsSource).
// Returns the summary that was passed to Sink::End.
report::Summary Scan(const ScanOptions& options, const rules::CompiledPack& pack,
                     const report::RunInfo& run,
                     const std::vector<report::Sink*>& sinks);

}  // namespace claimlint::scan

#endif  // CLAIMLINT_SCAN_SCAN_H_
