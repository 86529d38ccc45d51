#include "scan/scan.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>

#include "analyze/analyze.h"
#include "text/text.h"

namespace claimlint::scan {

namespace {

namespace fs = std::filesystem;

// Site chrome found by the first pass: block text hash -> index (in report
// order) of the first page that carries it. Read-only once built.
using ChromeIndex = std::unordered_map<uint64_t, uint32_t>;

input::Format FormatOf(const InputFile& in, const ScanOptions& options) {
  if (options.force_format) return *options.force_format;
  if (in.is_stdin && options.stdin_filename.empty()) return input::Format::kText;
  return input::FormatForPath(in.path);
}

// Reads `in` into `source`; the error that kept it from being read, if any.
std::optional<Diagnostic> Read(const InputFile& in, const ScanOptions& options,
                               input::Source& source) {
  source.path = in.path;
  if (in.error) return in.error;
  if (in.is_stdin) {
    source.bytes.assign(std::istreambuf_iterator<char>(std::cin), {});
    return std::nullopt;
  }
  std::error_code error;
  uintmax_t size = fs::file_size(in.path, error);
  if (!error && size > options.max_file_bytes) {
    return Diagnostic{"CL103", in.path,
                      "file is " + std::to_string(size >> 20) + " MiB, over the " +
                          std::to_string(options.max_file_bytes >> 20) +
                          " MiB limit; raise --max-file-size or exclude it",
                      true};
  }
  std::ifstream file(in.path, std::ios::binary);
  if (!file) {
    return Diagnostic{"CL104", in.path, std::string("cannot open: ") + std::strerror(errno),
                      true};
  }
  if (!error) source.bytes.reserve(static_cast<size_t>(size));
  char buffer[1 << 16];
  while (file.read(buffer, sizeof buffer) || file.gcount() > 0) {
    source.bytes.append(buffer, static_cast<size_t>(file.gcount()));
  }
  if (file.bad()) {
    return Diagnostic{"CL104", in.path, std::string("read failed: ") + std::strerror(errno),
                      true};
  }
  return std::nullopt;
}

report::FileResult Unreadable(const std::string& path, input::Format format, Diagnostic error) {
  report::FileResult result;
  result.path = path;
  result.format = format;
  result.unreadable = true;
  result.diagnostics.push_back(std::move(error));
  return result;
}

// The distinct block hashes of a document (blank blocks have none).
std::vector<uint64_t> BlockHashes(const input::Document& document) {
  std::vector<uint64_t> hashes;
  for (const input::Block& block : document.blocks) {
    std::string_view text = Slice(document.prose, block.prose);
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) continue;
    hashes.push_back(input::BlockTextHash(text));
  }
  std::sort(hashes.begin(), hashes.end());
  hashes.erase(std::unique(hashes.begin(), hashes.end()), hashes.end());
  return hashes;
}

// The first pass: how many pages carry each block, and the first of them.
// Each worker counts its own pages; counts and minimums merge the same way
// whatever the thread count, so the result does not depend on --jobs.
ChromeIndex FindChrome(const std::vector<InputFile>& inputs, const ScanOptions& options) {
  ChromeIndex chrome;
  std::vector<uint32_t> pages;
  for (uint32_t i = 0; i < inputs.size(); ++i) {
    if (!inputs[i].error && !inputs[i].is_stdin) pages.push_back(i);
  }
  if (!options.site_chrome || pages.size() < std::max<uint32_t>(options.chrome_min_pages, 2)) {
    return chrome;
  }
  struct Stat {
    uint32_t pages = 0;
    uint32_t first = UINT32_MAX;
  };
  std::unordered_map<uint64_t, Stat> stats;
  std::mutex mutex;
  std::atomic<size_t> next{0};
  auto worker = [&] {
    std::unordered_map<uint64_t, Stat> local;
    for (size_t k = next++; k < pages.size(); k = next++) {
      uint32_t index = pages[k];
      input::Source source;
      if (Read(inputs[index], options, source)) continue;
      auto document = input::Extract(source, FormatOf(inputs[index], options));
      if (!document.ok()) continue;
      for (uint64_t hash : BlockHashes(document.value())) {
        Stat& stat = local[hash];
        ++stat.pages;
        stat.first = std::min(stat.first, index);
      }
    }
    std::lock_guard lock(mutex);
    for (const auto& [hash, stat] : local) {
      Stat& total = stats[hash];
      total.pages += stat.pages;
      total.first = std::min(total.first, stat.first);
    }
  };
  unsigned jobs = std::max(1u, std::min<unsigned>(options.jobs, pages.size()));
  std::vector<std::thread> threads;
  for (unsigned i = 0; i < jobs; ++i) threads.emplace_back(worker);
  for (std::thread& thread : threads) thread.join();
  for (const auto& [hash, stat] : stats) {
    if (2 * static_cast<uint64_t>(stat.pages) > pages.size()) chrome.emplace(hash, stat.first);
  }
  return chrome;
}

// Marks the chrome blocks of `document`; returns the source spans of those
// whose claims an earlier page reports.
std::vector<Span> MarkChrome(input::Document& document, const ChromeIndex& chrome,
                             uint32_t index) {
  std::vector<Span> repeated;
  if (chrome.empty()) return repeated;
  for (input::Block& block : document.blocks) {
    std::string_view text = Slice(document.prose, block.prose);
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) continue;
    auto it = chrome.find(input::BlockTextHash(text));
    if (it == chrome.end()) continue;
    block.chrome = true;
    if (it->second != index) repeated.push_back(document.ToSource(block.prose));
  }
  return repeated;
}

// For a file whose bytes are not UTF-8, a finding's text, sentence and
// columns come from the decoded file; its offsets stay byte offsets.
void UseDecodedText(const input::Document& document, std::vector<analyze::Finding>& findings) {
  if (document.decoded_source.empty() || findings.empty()) return;
  std::string_view text = document.decoded_source;
  LineIndex lines(text);
  for (analyze::Finding& finding : findings) {
    Span span = document.decoded_to_source.ToTarget(finding.source);
    finding.text = std::string(Slice(text, span));
    finding.start = lines.At(span.begin);
    finding.end = lines.At(span.end);
    Span sentence_span = document.decoded_to_source.ToTarget(finding.sentence_source);
    std::string sentence(Slice(text, sentence_span));
    finding.text_in_sentence =
        span.begin >= sentence_span.begin ? span.begin - sentence_span.begin : 0;
    for (char& c : sentence) {
      if (c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\v') c = ' ';
    }
    finding.sentence = std::move(sentence);
  }
}

// The config's decisions: findings of disabled rules are dropped (a
// disclaimer requirement stays satisfied or not on its own), overridden
// severities are set last and say so in `reasons`.
void ApplyRuleOverrides(const FindingPolicy& policy, std::vector<analyze::Finding>& findings) {
  if (policy.rules.empty()) return;
  std::erase_if(findings, [&](const analyze::Finding& finding) {
    auto it = policy.rules.find(finding.rule->id);
    return it != policy.rules.end() && !it->second.enabled;
  });
  for (analyze::Finding& finding : findings) {
    auto it = policy.rules.find(finding.rule->id);
    if (it == policy.rules.end() || !it->second.severity) continue;
    finding.severity = *it->second.severity;
    finding.reasons.push_back(it->second.reason);
  }
}

// Interprets the document's inline directives: a finding whose first line
// a directive covers moves to `suppressed` with the directive's reason.
// A disable runs to the enable that names the same target (or a bare
// enable) or to the end of the file. Directives without a reason (when one
// is required) and directives that suppressed nothing are warnings.
void ApplyDirectives(const input::Document& document, const FindingPolicy& policy,
                     report::FileResult& result) {
  struct Range {
    const input::Directive* directive;
    uint32_t first_line, last_line;
    std::string target;  // one target per range, so enable can end it
    bool used = false;
  };
  std::vector<Range> ranges;
  auto location = [&](const input::Directive& directive) {
    return result.path + ":" + std::to_string(directive.line) + ":" +
           std::to_string(directive.column);
  };
  for (const input::Directive& directive : document.directives) {
    using Kind = input::Directive::Kind;
    if (directive.kind == Kind::kEnable) {
      for (Range& range : ranges) {
        if (range.last_line != UINT32_MAX || range.first_line > directive.line) continue;
        bool named = directive.targets.empty() ||
                     std::find(directive.targets.begin(), directive.targets.end(),
                               range.target) != directive.targets.end();
        if (named) range.last_line = directive.line;
      }
      continue;
    }
    if (policy.require_reason && directive.reason.empty()) {
      result.diagnostics.push_back(
          {"CL110", location(directive),
           "suppression without a reason is ignored; write '-- why' after the rule", false});
      continue;
    }
    for (const std::string& target : directive.targets) {
      if (directive.kind == Kind::kDisableNextLine) {
        ranges.push_back({&directive, directive.end_line + 1, directive.end_line + 1, target});
      } else {
        ranges.push_back({&directive, directive.end_line, UINT32_MAX, target});
      }
    }
  }
  if (ranges.empty()) return;
  std::vector<analyze::Finding> kept;
  for (analyze::Finding& finding : result.findings) {
    Range* hit = nullptr;
    for (Range& range : ranges) {
      if (finding.start.line < range.first_line || finding.start.line > range.last_line) continue;
      const std::string& target = range.target;
      if (target == "*" || target == finding.rule->id || target == finding.rule->category) {
        range.used = true;
        if (hit == nullptr) hit = &range;
      }
    }
    if (hit == nullptr) {
      kept.push_back(std::move(finding));
      continue;
    }
    finding.suppression = analyze::Suppression{"inSource", hit->directive->reason,
                                               location(*hit->directive)};
    result.suppressed.push_back(std::move(finding));
  }
  result.findings = std::move(kept);
  for (const Range& range : ranges) {
    if (range.used) continue;
    result.diagnostics.push_back({"CL111", location(*range.directive),
                                  "unused suppression: no finding of '" + range.target +
                                      "' here",
                                  false});
  }
}

report::FileResult ScanDocument(const input::Source& source, input::Format format,
                                const rules::CompiledPack& pack,
                                const match::MatchOptions& options, const FindingPolicy& policy,
                                const ChromeIndex* chrome, uint32_t index) {
  report::FileResult result;
  result.path = source.path;
  result.format = format;
  result.bytes = source.bytes.size();
  StatusOr<input::Document> extracted = input::Extract(source, format);
  if (!extracted.ok()) {
    result.unreadable = true;
    result.diagnostics = extracted.errors();
    return result;
  }
  input::Document& document = extracted.value();
  result.diagnostics = document.warnings;
  std::vector<Span> repeated;
  if (chrome != nullptr) repeated = MarkChrome(document, *chrome, index);
  text::Folded folded = text::Fold(document.prose);
  analyze::DocumentCues cues(pack.lexicon(), folded.text, options.per_document_near);
  match::Matches matches = match::FindMatches(pack, document, folded, options);
  analyze::Analysis analysis = analyze::Analyze(pack, document, folded, matches, cues);
  result.findings = std::move(analysis.findings);
  result.spared = std::move(analysis.spared);
  ApplyRuleOverrides(policy, result.findings);
  ApplyRuleOverrides(policy, result.spared);
  if (!repeated.empty()) {
    // Claims in repeated chrome are reported on the first page only.
    // A missing disclaimer goes with them when only repeated chrome claims
    // asked for it: the first page with that chrome reports it.
    auto in_chrome = [&](Span source) {
      return std::any_of(repeated.begin(), repeated.end(),
                         [&](Span span) { return span.Contains(source); });
    };
    auto in_repeated_chrome = [&](const analyze::Finding& finding) {
      if (finding.kind == "claim") return in_chrome(finding.source);
      return !finding.triggers.empty() &&
             std::all_of(finding.triggers.begin(), finding.triggers.end(),
                         [&](const analyze::Trigger& trigger) { return in_chrome(trigger.source); });
    };
    size_t before = result.findings.size();
    std::erase_if(result.findings, in_repeated_chrome);
    result.repeated_chrome_findings = before - result.findings.size();
    std::erase_if(result.spared, in_repeated_chrome);
  }
  UseDecodedText(document, result.findings);
  UseDecodedText(document, result.spared);
  ApplyDirectives(document, policy, result);
  return result;
}

std::string BaselineKey(std::string_view path, std::string_view rule,
                        std::string_view fingerprint) {
  return std::string(path) + " " + std::string(rule) + " " + std::string(fingerprint);
}

using BaselineIndex = std::unordered_map<std::string, const BaselineEntry*>;

// Moves the findings a baseline accepted to `baselined`.
void ApplyBaseline(const BaselineIndex& baseline, report::FileResult& result) {
  if (baseline.empty()) return;
  std::vector<analyze::Finding> kept;
  for (analyze::Finding& finding : result.findings) {
    auto it = baseline.find(BaselineKey(result.path, finding.rule->id, finding.fingerprint));
    if (it == baseline.end()) {
      kept.push_back(std::move(finding));
      continue;
    }
    finding.suppression = analyze::Suppression{"external", it->second->why, "baseline"};
    result.baselined.push_back(std::move(finding));
  }
  result.findings = std::move(kept);
}

// Changed-lines mode: keeps the claims that touch an added line, and the
// document-level findings of a file the change touched at all (a removed
// disclaimer is a change with no added line; see the README).
void KeepChanged(const ChangedLines& changed, report::FileResult& result) {
  std::string path = result.path;
  while (path.starts_with("./")) path.erase(0, 2);
  auto it = changed.find(path);
  if (it == changed.end()) {
    result.findings.clear();
    return;
  }
  const ChangedFile& file = it->second;
  std::erase_if(result.findings, [&](const analyze::Finding& finding) {
    if (finding.kind != "claim") return !file.changed;
    auto first = std::lower_bound(file.added.begin(), file.added.end(), finding.start.line);
    return first == file.added.end() || *first > finding.end.line;
  });
}

// Up to this many files, each document gets its own prefilter, and near
// patterns and cue lists cut down to it (MatchOptions::per_document_near,
// DocumentCues); see bench/README.md for the measure.
constexpr size_t kPerDocumentNearInputs = 20;

report::FileResult ScanInput(const InputFile& in, const ScanOptions& options,
                             const match::MatchOptions& match, const rules::CompiledPack& pack,
                             const ChromeIndex& chrome, uint32_t index, bool keep_source) {
  input::Format format = FormatOf(in, options);
  input::Source source;
  if (std::optional<Diagnostic> error = Read(in, options, source)) {
    return Unreadable(in.path, format, std::move(*error));
  }
  // Standard input takes no part in site chrome: it was not in the first pass.
  report::FileResult result = ScanDocument(source, format, pack, match, options.policy,
                                           in.is_stdin ? nullptr : &chrome, index);
  if (keep_source && !result.unreadable) {
    result.source = std::move(source.bytes);  // the Document that viewed it is gone
    result.has_source = true;
  }
  return result;
}

}  // namespace

report::FileResult ScanSource(const input::Source& source, input::Format format,
                              const rules::CompiledPack& pack,
                              const match::MatchOptions& options,
                              const FindingPolicy& policy) {
  return ScanDocument(source, format, pack, options, policy, nullptr, 0);
}

report::Summary Scan(const ScanOptions& options, const rules::CompiledPack& pack,
                     const report::RunInfo& run, const std::vector<report::Sink*>& sinks) {
  std::vector<InputFile> inputs = ListInputs(options);
  const ChromeIndex chrome = FindChrome(inputs, options);
  // A run of a few files (an editor, a pre-commit hook) is mostly the cost
  // of compiling the patterns and cue lists it needs; cut to each document,
  // they compile in a fraction of that. A batch compiles each whole once.
  match::MatchOptions match = options.match;
  match.per_document_near = inputs.size() <= kPerDocumentNearInputs;
  BaselineIndex baseline;
  for (const BaselineEntry& entry : options.baseline) {
    baseline.emplace(BaselineKey(entry.path, entry.rule, entry.fingerprint), &entry);
  }
  std::unordered_map<std::string, bool> baseline_used;
  const bool keep_source = std::any_of(sinks.begin(), sinks.end(),
                                       [](const report::Sink* sink) { return sink->NeedsSource(); });
  for (report::Sink* sink : sinks) sink->Begin(run);

  // Workers take files in order and park results in a window of slots; this
  // thread hands them to the sinks in order. A worker waits while it is a
  // full window ahead, so memory stays bounded whatever the batch size.
  const unsigned jobs = std::max(1u, std::min<unsigned>(options.jobs, inputs.size()));
  const size_t window = 4 * static_cast<size_t>(jobs) + 4;
  std::vector<std::optional<report::FileResult>> slots(window);
  std::mutex mutex;
  std::condition_variable ready, space;
  size_t next_to_take = 0, next_to_emit = 0;

  auto worker = [&] {
    for (;;) {
      size_t index;
      {
        std::unique_lock lock(mutex);
        space.wait(lock, [&] {
          return next_to_take >= inputs.size() || next_to_take < next_to_emit + window;
        });
        if (next_to_take >= inputs.size()) return;
        index = next_to_take++;
      }
      report::FileResult result = ScanInput(inputs[index], options, match, pack, chrome,
                                            static_cast<uint32_t>(index), keep_source);
      ApplyBaseline(baseline, result);
      if (options.changed) KeepChanged(*options.changed, result);
      {
        std::lock_guard lock(mutex);
        slots[index % window] = std::move(result);
      }
      ready.notify_all();
    }
  };

  std::vector<std::thread> threads;
  for (unsigned i = 0; i < jobs; ++i) threads.emplace_back(worker);
  report::Summary summary;
  for (size_t index = 0; index < inputs.size(); ++index) {
    report::FileResult result;
    {
      std::unique_lock lock(mutex);
      ready.wait(lock, [&] { return slots[index % window].has_value(); });
      result = std::move(*slots[index % window]);
      slots[index % window].reset();
      next_to_emit = index + 1;
    }
    space.notify_all();
    summary.Add(result);
    for (const analyze::Finding& finding : result.baselined) {
      baseline_used[BaselineKey(result.path, finding.rule->id, finding.fingerprint)] = true;
    }
    if (options.progress != nullptr) options.progress->BeforeOutput();
    for (report::Sink* sink : sinks) sink->File(result);
    if (options.progress != nullptr) {
      options.progress->Update(index + 1, inputs.size(), summary.findings);
    }
  }
  for (std::thread& thread : threads) thread.join();
  // Entries nothing matched: fixed findings (or files not in this run).
  for (const BaselineEntry& entry : options.baseline) {
    std::string key = BaselineKey(entry.path, entry.rule, entry.fingerprint);
    if (!baseline_used.count(key)) summary.stale_baseline.push_back(key);
  }
  std::sort(summary.stale_baseline.begin(), summary.stale_baseline.end());
  if (options.progress != nullptr) options.progress->Finish();
  for (report::Sink* sink : sinks) sink->End(summary);
  return summary;
}

}  // namespace claimlint::scan
