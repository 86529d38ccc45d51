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

#include "analyze/analyze.h"
#include "text/text.h"

namespace claimlint::scan {

namespace {

namespace fs = std::filesystem;

// A file to scan, or a path that could not be expanded (`error` set).
struct Input {
  std::string path;
  bool is_stdin = false;
  std::optional<Diagnostic> error;
};

bool IsHidden(const fs::path& path) {
  std::string name = path.filename().string();
  return name.size() > 1 && name[0] == '.' && name != "..";
}

// Files under `root`, hidden ones and unknown extensions left out.
// Directory symlinks are not followed, so there are no loops.
void Walk(const std::string& root, std::vector<Input>& inputs) {
  std::error_code error;
  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, error);
  if (error) {
    inputs.push_back({root, false,
                      Diagnostic{"CL104", root, "cannot read directory: " + error.message(), true}});
    return;
  }
  std::vector<std::string> found;
  for (fs::recursive_directory_iterator end; it != end; it.increment(error)) {
    if (error) {
      inputs.push_back({it->path().string(), false,
                        Diagnostic{"CL104", it->path().string(),
                                   "cannot read directory: " + error.message(), true}});
      error.clear();
      continue;
    }
    if (IsHidden(it->path())) {
      if (it->is_directory(error)) it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file(error) && input::IsScannableExtension(it->path().string())) {
      found.push_back(it->path().string());
    }
  }
  for (std::string& path : found) inputs.push_back({std::move(path), false, std::nullopt});
}

std::vector<Input> ExpandPaths(const std::vector<std::string>& paths) {
  std::vector<Input> inputs;
  for (const std::string& path : paths) {
    if (path == "-") {
      inputs.push_back({"<stdin>", true, std::nullopt});
      continue;
    }
    std::error_code error;
    fs::file_status status = fs::status(path, error);
    if (error || !fs::exists(status)) {
      inputs.push_back({path, false,
                        Diagnostic{"CL105", path,
                                   "no such file or directory; check the path", true}});
    } else if (fs::is_directory(status)) {
      Walk(path, inputs);
    } else {
      inputs.push_back({path, false, std::nullopt});  // named: scanned whatever its extension
    }
  }
  // Path order makes every report deterministic; stdin keeps its place first.
  std::stable_sort(inputs.begin(), inputs.end(), [](const Input& a, const Input& b) {
    if (a.is_stdin != b.is_stdin) return a.is_stdin;
    return a.path < b.path;
  });
  inputs.erase(std::unique(inputs.begin(), inputs.end(),
                           [](const Input& a, const Input& b) {
                             return a.path == b.path && a.is_stdin == b.is_stdin &&
                                    !a.error && !b.error;
                           }),
               inputs.end());
  return inputs;
}

report::FileResult Unreadable(const std::string& path, input::Format format, Diagnostic error) {
  report::FileResult result;
  result.path = path;
  result.format = format;
  result.unreadable = true;
  result.diagnostics.push_back(std::move(error));
  return result;
}

report::FileResult ScanInput(const Input& in, const ScanOptions& options,
                             const rules::CompiledPack& pack, bool keep_source) {
  input::Format format = options.force_format.value_or(input::FormatForPath(in.path));
  if (in.error) return Unreadable(in.path, format, *in.error);
  input::Source source;
  source.path = in.path;
  if (in.is_stdin) {
    source.bytes.assign(std::istreambuf_iterator<char>(std::cin), {});
  } else {
    std::error_code error;
    uintmax_t size = fs::file_size(in.path, error);
    if (!error && size > options.max_file_bytes) {
      return Unreadable(in.path, format,
                        {"CL103", in.path,
                         "file is " + std::to_string(size >> 20) + " MiB, over the " +
                             std::to_string(options.max_file_bytes >> 20) +
                             " MiB limit; raise --max-file-size or exclude it",
                         true});
    }
    std::ifstream file(in.path, std::ios::binary);
    if (!file) {
      return Unreadable(in.path, format,
                        {"CL104", in.path,
                         std::string("cannot open: ") + std::strerror(errno), true});
    }
    source.bytes.assign(std::istreambuf_iterator<char>(file), {});
    if (file.bad()) {
      return Unreadable(in.path, format,
                        {"CL104", in.path, std::string("read failed: ") + std::strerror(errno),
                         true});
    }
  }
  report::FileResult result = ScanSource(source, format, pack, options.match);
  if (keep_source && !result.unreadable) {
    result.source = std::move(source.bytes);  // the Document that viewed it is gone
    result.has_source = true;
  }
  return result;
}

}  // namespace

report::FileResult ScanSource(const input::Source& source, input::Format format,
                              const rules::CompiledPack& pack,
                              const match::MatchOptions& options) {
  report::FileResult result;
  result.path = source.path;
  result.format = format;
  result.bytes = source.bytes.size();
  StatusOr<input::Document> document = input::Extract(source, format);
  if (!document.ok()) {
    result.unreadable = true;
    result.diagnostics = document.errors();
    return result;
  }
  result.diagnostics = document.value().warnings;
  text::Folded folded = text::Fold(document.value().prose);
  match::Matches matches = match::FindMatches(pack, document.value(), folded, options);
  analyze::Analysis analysis = analyze::Analyze(pack, document.value(), folded, matches);
  result.findings = std::move(analysis.findings);
  result.spared = std::move(analysis.spared);
  return result;
}

report::Summary Scan(const ScanOptions& options, const rules::CompiledPack& pack,
                     const report::RunInfo& run, const std::vector<report::Sink*>& sinks) {
  std::vector<Input> inputs = ExpandPaths(options.paths);
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
      report::FileResult result = ScanInput(inputs[index], options, pack, keep_source);
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
    if (options.progress != nullptr) options.progress->BeforeOutput();
    for (report::Sink* sink : sinks) sink->File(result);
    if (options.progress != nullptr) {
      options.progress->Update(index + 1, inputs.size(), summary.findings);
    }
  }
  for (std::thread& thread : threads) thread.join();
  if (options.progress != nullptr) options.progress->Finish();
  for (report::Sink* sink : sinks) sink->End(summary);
  return summary;
}

}  // namespace claimlint::scan
