// claimlint-bench: times `claimlint scan` on a corpus, with ripgrep on the
// same files as the yardstick, and prints one plain table.
//
//   claimlint-bench --claimlint PATH --corpus DIR --rules FILE [--rules FILE]...
//                   [--builtin] [--single FILE] [--repeat N] [--cold-runs N]
//                   [--rg PATH] [--claimlint-arg ARG]...
//
// Every measurement is a child process (fork + execvp; stdin and stdout on
// /dev/null, stderr kept in a scratch file and shown only if the child
// fails), timed with steady_clock from fork to reap; its peak resident set
// comes from wait4's rusage. Each configuration gets one warm-up run (page
// cache, dynamic loader), then --repeat timed runs (default 3), and the
// table shows the median. Nothing here passes or fails on a number: the
// tool exits 1 only when a child could not run or failed (claimlint exit 2
// or above, rg exit 2, a signal), and 2 on a usage error.
//
// claimlint gets the rule packs with --rules (copies taken at the start),
// or with --builtin runs its built-in packs as users do (the files then
// only give rg its patterns: pass the rules/ files they are built from),
// and writes its JSON report to a scratch file, compared across --jobs
// values and then deleted. ripgrep is the yardstick on the same files,
// ignoring case, twice: with the packs' wording (phrase patterns and the
// entries of near patterns' word groups) as fixed strings (-F, what a plain
// grep for the wording does), and with those and the regex patterns as
// regexes under --no-unicode, so \b is ASCII as in RE2 (the same matching
// work; a regex with \p or \x{...}, which --no-unicode rejects, is left out).
// Both are floors, not the same job: claimlint also decodes,
// normalizes, splits sentences, confirms each candidate, weighs negation and
// hedges, and writes a report. A regex that rg cannot parse skips the "all
// patterns" rows; it is not a failure.

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

// One finished child process.
struct RunResult {
  bool started = false;  // false: fork or exec failed; see error
  int exit_code = -1;    // valid when !signaled
  bool signaled = false;
  int signal = 0;
  double seconds = 0;
  double cpu_seconds = 0;  // user + system: what the run cost, whatever else runs
  long max_rss_kib = 0;
  std::string error;
};

// Runs argv[0] (looked up on PATH) with stdin and stdout on /dev/null and
// stderr into `stderr_path` (truncated), and waits for it. A close-on-exec
// pipe carries exec's errno back, so "no such binary" is an error and not an
// exit code 127 that looks like a run.
RunResult RunChild(const std::vector<std::string>& args, const std::string& stderr_path) {
  RunResult result;
  std::vector<char*> argv;
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);

  int status_pipe[2];
  if (pipe2(status_pipe, O_CLOEXEC) != 0) {
    result.error = std::string("pipe2: ") + std::strerror(errno);
    return result;
  }
  const auto start = std::chrono::steady_clock::now();
  pid_t pid = fork();
  if (pid < 0) {
    result.error = std::string("fork: ") + std::strerror(errno);
    close(status_pipe[0]);
    close(status_pipe[1]);
    return result;
  }
  if (pid == 0) {
    // Child: only async-signal-safe calls from here to exec.
    close(status_pipe[0]);
    int null_fd = open("/dev/null", O_RDWR);
    if (null_fd >= 0) {
      dup2(null_fd, STDIN_FILENO);
      dup2(null_fd, STDOUT_FILENO);
      dup2(null_fd, STDERR_FILENO);
      if (null_fd > STDERR_FILENO) close(null_fd);
    }
    int err_fd = open(stderr_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (err_fd >= 0) {
      dup2(err_fd, STDERR_FILENO);
      close(err_fd);
    }
    execvp(argv[0], argv.data());
    int err = errno;
    ssize_t ignored = write(status_pipe[1], &err, sizeof(err));
    (void)ignored;
    _exit(127);
  }
  close(status_pipe[1]);
  int exec_errno = 0;
  ssize_t n;
  do {
    n = read(status_pipe[0], &exec_errno, sizeof(exec_errno));
  } while (n < 0 && errno == EINTR);
  close(status_pipe[0]);

  int status = 0;
  struct rusage usage {};
  pid_t waited;
  do {
    waited = wait4(pid, &status, 0, &usage);
  } while (waited < 0 && errno == EINTR);
  const auto end = std::chrono::steady_clock::now();
  if (waited < 0) {
    result.error = std::string("wait4: ") + std::strerror(errno);
    return result;
  }
  if (n == static_cast<ssize_t>(sizeof(exec_errno))) {
    result.error = "cannot run " + args[0] + ": " + std::strerror(exec_errno);
    return result;
  }
  result.started = true;
  result.seconds = std::chrono::duration<double>(end - start).count();
  result.max_rss_kib = usage.ru_maxrss;  // Linux: KiB
  result.cpu_seconds = static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                       static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
  if (WIFSIGNALED(status)) {
    result.signaled = true;
    result.signal = WTERMSIG(status);
  } else {
    result.exit_code = WEXITSTATUS(status);
  }
  return result;
}

// A command to measure and the exit codes that count as a run.
struct Config {
  std::string label;
  std::vector<std::string> args;
  int max_ok_exit = 1;    // claimlint: 0 clean, 1 findings; rg: 0 match, 1 none
  bool optional = false;  // a failure skips the row instead of failing the run
};

struct Measurement {
  std::string label;
  bool ok = false;
  bool skipped = false;         // an optional row whose child failed
  std::vector<double> seconds;      // timed runs only
  std::vector<double> cpu_seconds;  // the same runs' user + system time
  long max_rss_kib = 0;             // over every run, warm-up included
};

double Median(std::vector<double> values) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  size_t mid = values.size() / 2;
  return values.size() % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}

double Min(const std::vector<double>& values) {
  return values.empty() ? 0 : *std::min_element(values.begin(), values.end());
}

std::string Describe(const RunResult& r) {
  if (!r.started) return r.error;
  if (r.signaled) return "killed by signal " + std::to_string(r.signal);
  return "exit code " + std::to_string(r.exit_code);
}

// The first lines of a child's stderr, indented, for a failure message.
std::string Head(const std::string& path, int max_lines) {
  std::ifstream in(path);
  std::string line, out;
  for (int i = 0; i < max_lines && std::getline(in, line); ++i) out += "    " + line + "\n";
  return out;
}

// One warm-up, then `runs` timed runs. Stops at the first failed run, and
// then shows the head of the child's stderr.
Measurement Measure(const Config& config, int warmups, int runs, const std::string& stderr_path) {
  Measurement m;
  m.label = config.label;
  std::fprintf(stderr, "claimlint-bench: %s (%d warm-up + %d runs)\n", config.label.c_str(),
               warmups, runs);
  for (int i = 0; i < warmups + runs; ++i) {
    RunResult r = RunChild(config.args, stderr_path);
    if (!r.started || r.signaled || r.exit_code > config.max_ok_exit) {
      std::string command;
      for (const std::string& a : config.args) command += (command.empty() ? "" : " ") + a;
      std::fprintf(stderr, "claimlint-bench: %s (%s): %s\n%s",
                   config.optional ? "skipped" : "FAILED", Describe(r).c_str(), command.c_str(),
                   Head(stderr_path, 15).c_str());
      m.skipped = config.optional;
      return m;
    }
    m.max_rss_kib = std::max(m.max_rss_kib, r.max_rss_kib);
    if (i >= warmups) {
      m.seconds.push_back(r.seconds);
      m.cpu_seconds.push_back(r.cpu_seconds);
    }
  }
  m.ok = true;
  return m;
}

// Looks `name` up like execvp does; empty when it is not there.
std::string FindOnPath(const std::string& name) {
  if (name.find('/') != std::string::npos) {
    return access(name.c_str(), X_OK) == 0 ? name : std::string();
  }
  const char* path = std::getenv("PATH");
  std::string_view dirs = path != nullptr ? path : "/usr/local/bin:/usr/bin:/bin";
  while (!dirs.empty()) {
    size_t colon = dirs.find(':');
    std::string_view dir = dirs.substr(0, colon);
    std::string candidate = (dir.empty() ? std::string(".") : std::string(dir)) + "/" + name;
    struct stat st {};
    if (stat(candidate.c_str(), &st) == 0 && S_ISREG(st.st_mode) &&
        access(candidate.c_str(), X_OK) == 0) {
      return candidate;
    }
    if (colon == std::string_view::npos) break;
    dirs.remove_prefix(colon + 1);
  }
  return {};
}

std::optional<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The patterns of the rule packs, deduplicated, in pack order.
struct PackPatterns {
  std::vector<std::string> phrases;  // {"phrase": ...}
  std::vector<std::string> regexes;  // {"regex": ...}
};

void AddUnique(std::vector<std::string>& list, std::string value) {
  if (!value.empty() && std::find(list.begin(), list.end(), value) == list.end()) {
    list.push_back(std::move(value));
  }
}

// Adds every pattern of every "patterns" or "unless" array, however deep.
void CollectPatterns(const json& node, PackPatterns& out) {
  if (node.is_object()) {
    for (const auto& [key, value] : node.items()) {
      if ((key == "patterns" || key == "unless") && value.is_array()) {
        for (const json& pattern : value) {
          if (!pattern.is_object()) continue;
          if (pattern.contains("phrase") && pattern["phrase"].is_string()) {
            AddUnique(out.phrases, pattern["phrase"].get<std::string>());
          }
          if (pattern.contains("regex") && pattern["regex"].is_string()) {
            AddUnique(out.regexes, pattern["regex"].get<std::string>());
          }
          // A near pattern's wording is its group entries ("lower",
          // "stress hormones"): the phrases a grep for it would look for.
          if (pattern.contains("near") && pattern["near"].is_array()) {
            for (const json& group : pattern["near"]) {
              for (const json& entry : group.is_array() ? group : json::array({group})) {
                if (entry.is_string()) AddUnique(out.phrases, entry.get<std::string>());
              }
            }
          }
        }
      }
      CollectPatterns(value, out);
    }
  } else if (node.is_array()) {
    for (const json& item : node) CollectPatterns(item, out);
  }
}

bool IsWordByte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// A phrase as a regex for rg: escaped, and bounded by \b where it starts or
// ends with a word character (as rules::PhraseToRegex bounds it).
std::string PhraseRegex(std::string_view phrase) {
  static constexpr std::string_view kMeta = "\\.+*?()|[]{}^$#&-~";
  std::string out;
  if (IsWordByte(phrase.front())) out += "\\b";
  for (char c : phrase) {
    if (kMeta.find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  if (IsWordByte(phrase.back())) out += "\\b";
  return out;
}

// Scratch files only: a failure to remove them is not worth a message.
void RemoveQuietly(const fs::path& path) {
  std::error_code ignored;
  fs::remove_all(path, ignored);
}

bool WriteLines(const std::string& path, const std::vector<std::string>& lines) {
  std::ofstream out(path, std::ios::binary);
  for (const std::string& line : lines) out << line << '\n';
  return static_cast<bool>(out.flush());
}

struct CorpusStats {
  uint64_t files = 0;
  uint64_t bytes = 0;
};

std::optional<CorpusStats> WalkCorpus(const std::string& dir, std::string& error) {
  CorpusStats stats;
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    error = dir + ": " + ec.message();
    return std::nullopt;
  }
  for (const fs::directory_entry& entry : it) {
    if (entry.is_regular_file(ec)) {
      ++stats.files;
      stats.bytes += entry.file_size(ec);
    }
  }
  return stats;
}

// Finds summary.findings in a JSON report while it streams past.
class FindingsSax : public json::json_sax_t {
 public:
  std::optional<uint64_t> findings;

  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(json::number_integer_t value) override {
    if (value >= 0) Value(static_cast<uint64_t>(value));
    return true;
  }
  bool number_unsigned(json::number_unsigned_t value) override {
    Value(value);
    return true;
  }
  bool number_float(json::number_float_t, const json::string_t&) override { return true; }
  bool string(json::string_t&) override { return true; }
  bool binary(json::binary_t&) override { return true; }
  bool start_object(std::size_t) override {
    keys_.emplace_back();
    return true;
  }
  bool key(json::string_t& key) override {
    keys_.back() = key;
    return true;
  }
  bool end_object() override {
    keys_.pop_back();
    return true;
  }
  bool start_array(std::size_t) override {
    keys_.emplace_back("[]");
    return true;
  }
  bool end_array() override {
    keys_.pop_back();
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
    return false;
  }

 private:
  void Value(uint64_t value) {
    if (keys_.size() == 2 && keys_[0] == "summary" && keys_[1] == "findings") findings = value;
  }
  std::vector<std::string> keys_;  // the key of each open object ("[]": an array)
};

// What the driver keeps of a report: a hash of its bytes and its finding
// count. Both are read as streams, so the driver never holds a report in
// memory: on Linux a child starts with its parent's peak RSS (the kernel
// carries the high-water mark across fork and exec into ru_maxrss), so a big
// driver would inflate the figure of every child that runs after it.
struct ReportCheck {
  bool readable = false;
  uint64_t hash = 0;  // 64-bit FNV-1a of the bytes
  std::optional<uint64_t> findings;
};

ReportCheck CheckReport(const std::string& path) {
  ReportCheck check;
  std::ifstream in(path, std::ios::binary);
  if (!in) return check;
  check.readable = true;
  uint64_t h = 0xcbf29ce484222325ULL;
  char buffer[1 << 16];
  while (in.read(buffer, sizeof(buffer)) || in.gcount() > 0) {
    for (std::streamsize i = 0; i < in.gcount(); ++i) {
      h ^= static_cast<unsigned char>(buffer[i]);
      h *= 0x100000001b3ULL;
    }
  }
  check.hash = h;
  std::ifstream again(path, std::ios::binary);
  FindingsSax sax;
  try {
    json::sax_parse(again, &sax);
  } catch (const json::exception&) {
    // A report that is not JSON: no count; the hash still compares.
  }
  check.findings = sax.findings;
  return check;
}

bool ParsePositive(const char* text, int& out) {
  char* end = nullptr;
  errno = 0;
  long v = std::strtol(text, &end, 10);
  if (errno != 0 || end == text || *end != '\0' || v < 1 || v > 100000) return false;
  out = static_cast<int>(v);
  return true;
}

int Usage() {
  std::fprintf(
      stderr,
      "usage: claimlint-bench --claimlint PATH --corpus DIR --rules FILE [--rules FILE]...\n"
      "                       [--builtin] [--single FILE] [--repeat N] [--cold-runs N]\n"
      "                       [--rg PATH] [--claimlint-arg ARG]...\n"
      "  --rules FILE        rule pack for claimlint (--rules) and for rg's patterns\n"
      "  --builtin           claimlint runs its built-in packs; --rules only feeds rg\n"
      "  --single FILE       a ~5 KB article for the cold-start row (else skipped)\n"
      "  --repeat N          timed runs per configuration, after one warm-up (3)\n"
      "  --cold-runs N       runs of `claimlint scan SINGLE` for cold start (20)\n"
      "  --rg PATH           the ripgrep binary (default: rg on PATH)\n"
      "  --claimlint-arg A   extra argument for every `claimlint scan` (repeatable)\n");
  return 2;
}

std::string FormatRow(const Measurement& m, const CorpusStats& corpus) {
  char line[256];
  if (!m.ok) {
    std::snprintf(line, sizeof(line), "%-36s %10s\n", m.label.c_str(),
                  m.skipped ? "skipped" : "failed");
    return line;
  }
  double median = Median(m.seconds);
  double mb = static_cast<double>(corpus.bytes) / 1e6;
  std::snprintf(line, sizeof(line), "%-36s %10.3f %10.3f %9.3f %9.2f %10.0f %13.1f\n",
                m.label.c_str(), median, Min(m.seconds), Median(m.cpu_seconds),
                median > 0 ? mb / median : 0,
                median > 0 ? static_cast<double>(corpus.files) / median : 0,
                static_cast<double>(m.max_rss_kib) / 1024.0);
  return line;
}

// Median time of a over median time of b; negative when either is missing.
double Ratio(const Measurement* a, const Measurement* b) {
  if (a == nullptr || b == nullptr || !a->ok || !b->ok || Median(b->seconds) <= 0) return -1;
  return Median(a->seconds) / Median(b->seconds);
}

std::string FormatRatio(double value) {
  if (value < 0) return "n/a";
  char text[32];
  std::snprintf(text, sizeof(text), "%.2fx", value);
  return text;
}

}  // namespace

int main(int argc, char** argv) {
  std::string claimlint, corpus_dir, single, rg_arg;
  std::vector<std::string> rule_files, extra_args;
  bool builtin = false;
  int repeat = 3, cold_runs = 20;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    bool has_value = i + 1 < argc;
    if (arg == "-h" || arg == "--help") {
      Usage();
      return 0;
    } else if (arg == "--builtin") {
      builtin = true;
    } else if (!has_value) {
      return Usage();
    } else if (arg == "--claimlint") {
      claimlint = argv[++i];
    } else if (arg == "--corpus") {
      corpus_dir = argv[++i];
    } else if (arg == "--rules") {
      rule_files.emplace_back(argv[++i]);
    } else if (arg == "--single") {
      single = argv[++i];
    } else if (arg == "--rg") {
      rg_arg = argv[++i];
    } else if (arg == "--claimlint-arg") {
      extra_args.emplace_back(argv[++i]);
    } else if (arg == "--repeat") {
      if (!ParsePositive(argv[++i], repeat)) return Usage();
    } else if (arg == "--cold-runs") {
      if (!ParsePositive(argv[++i], cold_runs)) return Usage();
    } else {
      return Usage();
    }
  }
  if (claimlint.empty() || corpus_dir.empty() || rule_files.empty()) return Usage();

  std::string error;
  std::optional<CorpusStats> corpus = WalkCorpus(corpus_dir, error);
  if (!corpus) {
    std::fprintf(stderr, "claimlint-bench: cannot read the corpus: %s\n", error.c_str());
    return 2;
  }
  if (corpus->files == 0) {
    std::fprintf(stderr, "claimlint-bench: the corpus %s has no files\n", corpus_dir.c_str());
    return 2;
  }

  PackPatterns patterns;
  std::vector<std::string> pack_texts;
  for (const std::string& file : rule_files) {
    std::optional<std::string> text = ReadFile(file);
    if (!text) {
      std::fprintf(stderr, "claimlint-bench: cannot read %s\n", file.c_str());
      return 2;
    }
    pack_texts.push_back(*text);
    try {
      CollectPatterns(json::parse(*text, nullptr, true, /*ignore_comments=*/true), patterns);
    } catch (const json::exception& e) {
      std::fprintf(stderr, "claimlint-bench: %s: %s\n", file.c_str(), e.what());
      return 2;
    }
  }

  // A private scratch folder for rg's pattern files, the reports and the
  // children's stderr. Reports go to real files rather than /dev/null, so the
  // run can check that every --jobs value wrote the same bytes and count the
  // findings; writing the report is part of the work anyway.
  const char* tmp_root = std::getenv("TMPDIR");
  std::string scratch_template =
      std::string(tmp_root != nullptr && *tmp_root != '\0' ? tmp_root : "/tmp") +
      "/claimlint-bench-XXXXXX";
  std::vector<char> scratch_buf(scratch_template.begin(), scratch_template.end());
  scratch_buf.push_back('\0');
  if (mkdtemp(scratch_buf.data()) == nullptr) {
    std::fprintf(stderr, "claimlint-bench: mkdtemp: %s\n", std::strerror(errno));
    return 2;
  }
  const fs::path scratch = scratch_buf.data();
  const std::string stderr_file = (scratch / "stderr.txt").string();
  const std::string phrase_file = (scratch / "phrases.txt").string();
  const std::string regex_file = (scratch / "patterns.txt").string();
  // rg runs these under --no-unicode (ASCII \b, as RE2's): in Unicode mode a
  // few thousand alternatives leave its DFA and one run took over ten
  // minutes. A regex with a Unicode class or code point (\pL, \x{80}) cannot
  // run there and is left out (counted in the table's note).
  std::vector<std::string> all_regexes;
  size_t unicode_regexes = 0;
  for (const std::string& regex : patterns.regexes) {
    if (regex.find("\\p") != std::string::npos || regex.find("\\x{") != std::string::npos) {
      ++unicode_regexes;
    } else {
      all_regexes.push_back(regex);
    }
  }
  for (const std::string& phrase : patterns.phrases) all_regexes.push_back(PhraseRegex(phrase));
  if (!WriteLines(phrase_file, patterns.phrases) || !WriteLines(regex_file, all_regexes)) {
    std::fprintf(stderr, "claimlint-bench: cannot write to %s\n", scratch.c_str());
    RemoveQuietly(scratch);
    return 2;
  }

  // claimlint reads the same packs that rg's patterns came from, as copies
  // taken now: an edit to a pack during the run must not change the work
  // between rows (or make the --jobs reports differ).
  std::vector<std::string> pack_args = {"--no-config"};
  for (size_t i = 0; i < rule_files.size() && !builtin; ++i) {
    fs::path copy = scratch / ("pack-" + std::to_string(i));
    copy /= fs::path(rule_files[i]).filename();
    std::error_code ec;
    fs::create_directories(copy.parent_path(), ec);
    std::ofstream out(copy, std::ios::binary);
    out << pack_texts[i];
    if (ec || !out.flush()) {
      std::fprintf(stderr, "claimlint-bench: cannot write %s\n", copy.c_str());
      RemoveQuietly(scratch);
      return 2;
    }
    pack_args.push_back("--rules");
    pack_args.push_back(copy.string());
  }

  unsigned hw = std::thread::hardware_concurrency();
  const int cores = hw == 0 ? 1 : static_cast<int>(hw);
  std::vector<int> jobs = {1, 2};
  if (cores > 2) jobs.push_back(cores);
  const int top_jobs = jobs.back();

  std::printf("claimlint-bench\n");
  std::printf("  claimlint: %s\n", claimlint.c_str());
  std::printf("  corpus:    %s: %llu files, %.2f MB (%llu bytes)\n", corpus_dir.c_str(),
              static_cast<unsigned long long>(corpus->files),
              static_cast<double>(corpus->bytes) / 1e6,
              static_cast<unsigned long long>(corpus->bytes));
  std::printf("  machine:   %d cores; median of %d timed runs per row, after 1 warm-up\n", cores,
              repeat);
  std::fflush(stdout);

  bool failed = false;
  // Stable addresses: the ratios below point into this list.
  std::vector<std::unique_ptr<Measurement>> rows;
  auto add_row = [&](const Config& config, int runs) {
    rows.push_back(std::make_unique<Measurement>(Measure(config, 1, runs, stderr_file)));
    failed = failed || (!rows.back()->ok && !rows.back()->skipped);
    return rows.back().get();
  };

  const Measurement* claimlint_jobs1 = nullptr;
  const Measurement* claimlint_jobs2 = nullptr;
  const Measurement* claimlint_top = nullptr;
  std::set<uint64_t> report_hashes;
  std::optional<uint64_t> findings;
  std::vector<std::string> notes;
  for (int j : jobs) {
    std::string report = (scratch / ("report-jobs" + std::to_string(j) + ".json")).string();
    Config config;
    config.label = "claimlint --jobs " + std::to_string(j);
    config.args = {claimlint, "scan",      corpus_dir, "--format", "json",           "--output",
                   report,    "--fail-on", "none",     "--jobs",   std::to_string(j)};
    config.args.insert(config.args.end(), pack_args.begin(), pack_args.end());
    config.args.insert(config.args.end(), extra_args.begin(), extra_args.end());
    const Measurement* m = add_row(config, repeat);
    if (m->ok) {
      ReportCheck check = CheckReport(report);
      if (!check.readable) {
        notes.push_back("--jobs " + std::to_string(j) + " wrote no report");
      } else {
        report_hashes.insert(check.hash);
        if (check.findings) {
          findings = check.findings;
        } else {
          notes.push_back("the report of --jobs " + std::to_string(j) +
                          " has no summary.findings number");
        }
      }
      RemoveQuietly(report);
    }
    if (j == 1) claimlint_jobs1 = m;
    if (j == 2) claimlint_jobs2 = m;
    if (j == top_jobs) claimlint_top = m;
  }

  // Two yardsticks: the pack's phrases as fixed strings (what a plain grep
  // for the wording does), and every pattern as a regex with ASCII \b like
  // RE2's (the same matching work, minus everything else claimlint does).
  // --no-ignore: search what claimlint searches even if the corpus sits
  // under a .gitignore'd build folder.
  const Measurement* rg_phrases_1 = nullptr;
  const Measurement* rg_phrases_top = nullptr;
  const Measurement* rg_all_1 = nullptr;
  const Measurement* rg_all_top = nullptr;
  std::string rg = FindOnPath(rg_arg.empty() ? "rg" : rg_arg);
  if (rg.empty()) {
    std::string note = "rg not found" +
                       (rg_arg.empty() ? std::string(" on PATH") : " at " + rg_arg) +
                       ": ripgrep rows skipped (Debian package ripgrep)";
    std::fprintf(stderr, "claimlint-bench: %s\n", note.c_str());
    notes.push_back(note);
  } else {
    std::vector<int> rg_threads = {1};
    if (top_jobs != 1) rg_threads.push_back(top_jobs);
    for (int j : rg_threads) {
      std::vector<std::string> common = {
          rg,          "--ignore-case",  "--count-matches", "--no-messages", "--no-ignore",
          "--threads", std::to_string(j)};
      if (!patterns.phrases.empty()) {
        Config config;
        config.label = "rg --threads " + std::to_string(j) + ", phrases -F";
        config.args = common;
        config.args.insert(config.args.end(), {"--fixed-strings", "-f", phrase_file, corpus_dir});
        const Measurement* m = add_row(config, repeat);
        (j == 1 ? rg_phrases_1 : rg_phrases_top) = m;
      }
      if (!all_regexes.empty()) {
        Config config;
        config.label = "rg --threads " + std::to_string(j) + ", all patterns";
        config.args = common;
        config.args.insert(config.args.end(), {"--no-unicode", "-f", regex_file, corpus_dir});
        config.optional = true;  // a pack regex rg cannot parse skips the row
        const Measurement* m = add_row(config, repeat);
        (j == 1 ? rg_all_1 : rg_all_top) = m;
      }
    }
    if (patterns.phrases.empty() && all_regexes.empty()) {
      notes.push_back("the rule packs have no patterns: ripgrep rows skipped");
    }
  }

  const Measurement* cold = nullptr;
  const Measurement* start = nullptr;
  if (!single.empty()) {
    Config config;
    config.label = "claimlint scan SINGLE (cold start)";
    config.args = {claimlint, "scan", single, "--fail-on", "none"};
    config.args.insert(config.args.end(), pack_args.begin(), pack_args.end());
    config.args.insert(config.args.end(), extra_args.begin(), extra_args.end());
    cold = add_row(config, cold_runs);
    // The floor under it on this machine at this moment: starting the
    // process and leaving it, with no pack read and no file scanned.
    Config floor;
    floor.label = "claimlint --version (process start)";
    floor.args = {claimlint, "--version"};
    start = add_row(floor, cold_runs);
  }

  RemoveQuietly(scratch);

  std::printf("\n%-36s %10s %10s %9s %9s %10s %13s\n", "configuration", "median s", "min s",
              "cpu s", "MB/s", "files/s", "peak RSS MiB");
  for (const auto& row : rows) {
    if (row.get() != cold && row.get() != start) {
      std::printf("%s", FormatRow(*row, *corpus).c_str());
    }
  }
  if (!rg.empty()) {
    std::printf(
        "rg ignores case. phrases -F: the %zu phrases and near-group entries as fixed\n"
        "strings; all patterns: those and the regex patterns, %zu regexes under\n"
        "--no-unicode (ASCII \\b as in RE2; %zu regexes with \\p or \\x{...} left out)\n",
        patterns.phrases.size(), all_regexes.size(), unicode_regexes);
  }

  std::printf("\n");
  const std::string top = std::to_string(top_jobs);
  std::printf("%-44s %s (phrases -F), %s (all patterns)\n",
              ("claimlint / rg time, " + top + " threads:").c_str(),
              FormatRatio(Ratio(claimlint_top, rg_phrases_top)).c_str(),
              FormatRatio(Ratio(claimlint_top, rg_all_top)).c_str());
  std::printf("%-44s %s (phrases -F), %s (all patterns)\n", "claimlint / rg time, 1 thread:",
              FormatRatio(Ratio(claimlint_jobs1, rg_phrases_1)).c_str(),
              FormatRatio(Ratio(claimlint_jobs1, rg_all_1)).c_str());
  // CPU time is what a run costs whatever else the machine is doing: on a
  // busy machine it is the steadier comparison.
  auto cpu_ratio = [](const Measurement* a, const Measurement* b) {
    if (a == nullptr || b == nullptr || !a->ok || !b->ok || Median(b->cpu_seconds) <= 0) {
      return -1.0;
    }
    return Median(a->cpu_seconds) / Median(b->cpu_seconds);
  };
  std::printf("%-44s %s (phrases -F), %s (all patterns)\n", "claimlint / rg CPU time, 1 thread:",
              FormatRatio(cpu_ratio(claimlint_jobs1, rg_phrases_1)).c_str(),
              FormatRatio(cpu_ratio(claimlint_jobs1, rg_all_1)).c_str());
  std::printf("%-44s %s\n", "claimlint speed-up, --jobs 1 -> --jobs 2:",
              FormatRatio(Ratio(claimlint_jobs1, claimlint_jobs2)).c_str());
  if (cold != nullptr && cold->ok) {
    std::error_code size_ec;
    uintmax_t single_bytes = fs::file_size(single, size_ec);
    std::printf("%-44s median %.1f ms, min %.1f ms, peak RSS %.1f MiB (%ju-byte file, %d runs)\n",
                "claimlint cold start, single file:", Median(cold->seconds) * 1e3,
                Min(cold->seconds) * 1e3, static_cast<double>(cold->max_rss_kib) / 1024.0,
                size_ec ? uintmax_t{0} : single_bytes, cold_runs);
    if (start != nullptr && start->ok) {
      std::printf("%-44s median %.1f ms, min %.1f ms (claimlint --version, %d runs)\n",
                  "  of which starting the process:", Median(start->seconds) * 1e3,
                  Min(start->seconds) * 1e3, cold_runs);
    }
  } else {
    std::printf("%-44s %s\n", "claimlint cold start, single file:",
                cold != nullptr ? "failed" : "skipped (no --single FILE)");
  }
  if (!report_hashes.empty()) {
    std::printf("%-44s %s\n",
                "reports byte-identical across --jobs:", report_hashes.size() == 1 ? "yes" : "NO");
  }
  if (findings) {
    std::printf("%-44s %llu\n",
                "findings in the corpus:", static_cast<unsigned long long>(*findings));
  }
  struct rusage self {};
  getrusage(RUSAGE_SELF, &self);
  std::printf("%-44s %.1f MiB (a floor under every RSS figure above)\n",
              "the driver's own peak RSS:", static_cast<double>(self.ru_maxrss) / 1024.0);
  for (const std::string& note : notes) std::printf("note: %s\n", note.c_str());
  return failed ? 1 : 0;
}
