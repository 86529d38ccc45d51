// claimlint's command line: parses options into settings and calls the
// scan stage. Exit codes: 0 no finding at or above --fail-on, 1 findings
// (or files that could not be read), 2 usage, configuration or rule-pack
// errors.

#include <sys/ioctl.h>
#include <unistd.h>

#include <boost/program_options.hpp>
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

#include "cli/commands.h"
#include "config/config.h"
#include "report/report.h"
#include "rules/rules.h"
#include "scan/scan.h"

namespace po = boost::program_options;
using namespace claimlint;
using claimlint::cli::kExitClean;
using claimlint::cli::kExitFindings;
using claimlint::cli::kExitUsage;

namespace {

constexpr const char* kUsage =
    "usage: claimlint scan [options] PATH...\n"
    "       claimlint fix [--dry-run] [scan options] PATH...\n"
    "                                   apply the safe rewrites rules offer\n"
    "       claimlint init [FOLDER]     write a commented starter .claimlint.json\n"
    "       claimlint config [--config FILE] [PATH]\n"
    "                                   print the configuration in effect for PATH\n"
    "       claimlint rules test|list|show ...   (claimlint rules --help)\n"
    "       claimlint eval [DIR]                 (claimlint eval --help)\n"
    "       claimlint --version\n"
    "\n"
    "Finds unsupported health claims in articles. PATH is a file, a folder\n"
    "(walked recursively for .txt, .md, .markdown, .html and .htm files) or -\n"
    "for standard input.\n";

int UsageError(const std::string& message) {
  std::cerr << "claimlint: error: " << message << "\n"
            << "Run 'claimlint scan --help' for the options.\n";
  return kExitUsage;
}

// Prints each file's errors and warnings to stderr as the scan goes.
class DiagnosticPrinter : public report::Sink {
 public:
  void Begin(const report::RunInfo&) override {}
  void File(const report::FileResult& file) override {
    for (const Diagnostic& diagnostic : file.diagnostics) {
      std::cerr << diagnostic.ToString() << "\n";
    }
  }
  void End(const report::Summary&) override {}
};

std::optional<std::vector<rules::PackSource>> ReadPackFiles(const std::vector<std::string>& paths) {
  std::vector<rules::PackSource> sources;
  for (const std::string& path : paths) {
    std::ifstream file(path, std::ios::binary);
    if (!file) {
      std::cerr << path << ": error: cannot read rule pack: " << std::strerror(errno)
                << " [CL205]\n";
      return std::nullopt;
    }
    std::stringstream text;
    text << file.rdbuf();
    sources.push_back({path, text.str()});
  }
  return sources;
}

po::options_description ScanOptionsDescription() {
  po::options_description options("scan options");
  options.add_options()
      ("help,h", "show this help")
      ("config", po::value<std::string>(),
       "read this config file instead of the nearest .claimlint.json")
      ("no-config", "read no config file")
      ("baseline", po::value<std::string>(),
       "findings recorded in this baseline file are listed apart and do not fail the run")
      ("write-baseline", po::value<std::string>(),
       "record every finding of this run in FILE (JSON) and exit 0")
      ("diff", po::value<std::string>(),
       "report only findings on lines a unified diff FILE adds (- : standard input)")
      ("diff-base", po::value<std::string>(),
       "report only findings on lines changed since REV (runs git diff --merge-base REV)")
      ("rules", po::value<std::vector<std::string>>()->composing(),
       "rule pack file to use instead of the built-in packs (repeatable)")
      ("profile", po::value<std::vector<std::string>>()->composing(),
       "add a jurisdiction's built-in pack to core: us, uk or au (repeatable, or us,uk)")
      ("format", po::value<std::string>()->default_value("text"),
       "the main report's format: text, json, html, sarif, junit, checkstyle, github or summary")
      ("output,o", po::value<std::string>(), "write the main report to FILE (atomically) instead of stdout")
      ("report", po::value<std::vector<std::string>>()->composing(),
       "also write FORMAT=PATH (repeatable; PATH - is stdout), e.g. --report html=r.html")
      ("fail-on", po::value<std::string>()->default_value("error"),
       "lowest severity that makes the exit code 1: error, warning, info or none")
      ("jobs,j", po::value<unsigned>(), "files scanned in parallel (default: the machine's cores)")
      ("color", po::value<std::string>()->default_value("auto"),
       "colour in the text report: auto (a terminal, and NO_COLOR unset), always or never")
      ("progress", po::value<std::string>()->default_value("auto"),
       "progress bar on stderr: auto (stderr is a terminal), always or never")
      ("max-file-size", po::value<uint64_t>()->default_value(256),
       "skip (and report) files larger than this many MiB")
      ("include", po::value<std::vector<std::string>>()->composing(),
       "in walked folders, scan only files matching GLOB (relative to the folder; repeatable)")
      ("exclude", po::value<std::vector<std::string>>()->composing(),
       "in walked folders, skip files and folders matching GLOB (repeatable)")
      ("no-ignore", "do not read .claimlintignore files")
      ("format-in", po::value<std::string>(),
       "read every input as text, markdown or html (default: by extension)")
      ("stdin-filename", po::value<std::string>(),
       "the path to show for - (standard input); its extension names the format")
      ("no-site-chrome",
       "report claims in text repeated on most pages (navigation, footer) on every page")
      ("dry-run", "fix: print the rewrites as a unified diff instead of writing files")
      ("no-prefilter", "confirm every rule in every block (for testing; same findings, slower)");
  return options;
}

void PrintErrors(const std::vector<Diagnostic>& errors) {
  for (const Diagnostic& error : errors) std::cerr << error.ToString() << "\n";
}

// The run's config: --config FILE, none with --no-config, else the nearest
// .claimlint.json above each PATH (a folder: from itself; a file or -:
// from its folder). One run has one config, so PATHs whose nearest configs
// differ are an error: scan them separately or name one with --config.
std::optional<config::Config> RunConfig(const po::variables_map& vm,
                                        const std::vector<std::string>& paths) {
  namespace fs = std::filesystem;
  if (vm.count("no-config")) return config::Config{};
  std::string path;
  if (vm.count("config")) {
    path = vm["config"].as<std::string>();
  } else {
    config::ConfigFinder finder;
    std::optional<std::string> found;
    std::string found_for;
    for (const std::string& input : paths) {
      std::error_code error;
      std::string folder = input == "-"                       ? "."
                           : fs::is_directory(input, error)   ? input
                                                              : fs::path(input).parent_path().string();
      std::optional<std::string> here = finder.Find(folder);
      if (&input != &paths.front() && here != found) {
        std::cerr << "claimlint: error: " << found_for << " and " << input
                  << " have different configs (" << found.value_or("none") << ", "
                  << here.value_or("none")
                  << "); scan them separately or name one with --config\n";
        return std::nullopt;
      }
      found = here;
      found_for = input;
    }
    if (!found) return config::Config{};
    path = *found;
  }
  StatusOr<config::Config> loaded = config::Load(path);
  if (!loaded.ok()) {
    PrintErrors(loaded.errors());
    return std::nullopt;
  }
  return std::move(loaded.value());
}

// The rule pack of a run: the lexicon, then the pack files named (--rules or
// the config's), or core and the profiles' built-in packs.
StatusOr<std::shared_ptr<const rules::CompiledPack>> LoadPack(
    const std::vector<std::string>& pack_files, const std::vector<std::string>& profiles) {
  std::vector<rules::PackSource> sources = {rules::EmbeddedLexicon()};
  if (!pack_files.empty()) {
    auto files = ReadPackFiles(pack_files);
    // ReadPackFiles has printed the CL205 error already.
    if (!files) return std::vector<Diagnostic>{};
    sources.insert(sources.end(), files->begin(), files->end());
  } else {
    auto profile_sources = rules::ProfileSources(profiles);
    if (!profile_sources.ok()) return profile_sources.errors();
    sources = profile_sources.value();
  }
  auto pack = rules::Load(sources);
  if (pack.ok()) {
    // Thousands of small allocations: freeing them one by one was a
    // fortieth of a one-file run, just before the process ends anyway. The
    // holder stays reachable, so leak checkers do not count it.
    using Kept = std::vector<std::shared_ptr<const rules::CompiledPack>>;
    static Kept* const kept_until_exit = new Kept;
    kept_until_exit->push_back(pack.value());
  }
  return pack;
}

int RunInit(const std::vector<std::string>& args) {
  namespace fs = std::filesystem;
  if (args.size() > 1) return UsageError("init takes at most one FOLDER");
  fs::path path = fs::path(args.empty() ? "." : args[0]) / config::kConfigFileName;
  std::error_code error;
  if (fs::exists(path, error)) {
    return UsageError(path.string() + " already exists; not overwritten");
  }
  report::AtomicFile file(path.string());
  if (!file.ok()) return UsageError(file.error());
  file.stream() << config::StarterConfig();
  if (!file.Commit()) return UsageError(file.error());
  std::cout << "wrote " << path.string() << "\n";
  return kExitClean;
}

int RunConfigCommand(const std::vector<std::string>& args) {
  po::options_description options("config options");
  options.add_options()("config", po::value<std::string>(), "")("no-config", "")(
      "paths", po::value<std::vector<std::string>>(), "");
  po::positional_options_description positional;
  positional.add("paths", 1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(options).positional(positional).run(), vm);
    po::notify(vm);
  } catch (const po::error& error) {
    return UsageError(error.what());
  }
  std::vector<std::string> paths = {
      vm.count("paths") ? vm["paths"].as<std::vector<std::string>>()[0] : "."};
  std::optional<config::Config> config = RunConfig(vm, paths);
  if (!config) return kExitUsage;
  auto pack = LoadPack(config->rules, config->profile);
  if (!pack.ok()) {
    PrintErrors(pack.errors());
    return kExitUsage;
  }
  auto decisions = config::Resolve(*config, *pack.value());
  if (!decisions.ok()) {
    PrintErrors(decisions.errors());
    return kExitUsage;
  }
  std::cout << config::ToJson(*config);
  return kExitClean;
}

// Collects the fixed text of each file with safe rewrites (fix command).
class FixCollector : public report::Sink {
 public:
  struct Fixed {
    std::string path, before, after;
  };
  void Begin(const report::RunInfo&) override {}
  void File(const report::FileResult& file) override {
    if (!file.has_source) return;
    scan::FixResult fixed = scan::ApplyFixes(file.source, file.findings);
    skipped += fixed.skipped;
    if (fixed.applied == 0) return;
    applied += fixed.applied;
    files.push_back({file.path, file.source, std::move(fixed.text)});
  }
  void End(const report::Summary&) override {}
  bool NeedsSource() const override { return true; }

  std::vector<Fixed> files;
  uint64_t applied = 0, skipped = 0;
};

int RunScan(const std::vector<std::string>& args, bool fix_mode = false) {
  po::options_description visible = ScanOptionsDescription();
  po::options_description all;
  all.add(visible).add_options()("paths", po::value<std::vector<std::string>>(), "");
  po::positional_options_description positional;
  positional.add("paths", -1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(all).positional(positional).run(), vm);
    po::notify(vm);
  } catch (const po::error& error) {
    return UsageError(error.what());
  }
  if (vm.count("help")) {
    std::cout << kUsage << "\n" << visible << "\n";
    return kExitClean;
  }
  if (!vm.count("paths")) return UsageError("no PATH to scan (use - for standard input)");

  scan::ScanOptions options;
  options.paths = vm["paths"].as<std::vector<std::string>>();
  if (vm.count("config") && vm.count("no-config")) {
    return UsageError("--config and --no-config exclude each other");
  }
  std::optional<config::Config> config = RunConfig(vm, options.paths);
  if (!config) return kExitUsage;
  if (vm.count("diff") && vm.count("diff-base")) {
    return UsageError("--diff and --diff-base exclude each other");
  }
  if (vm.count("diff")) {
    const std::string path = vm["diff"].as<std::string>();
    if (path == "-" && std::find(options.paths.begin(), options.paths.end(), "-") !=
                           options.paths.end()) {
      return UsageError("--diff - and the PATH - both want standard input");
    }
    std::stringstream text;
    if (path == "-") {
      text << std::cin.rdbuf();
    } else {
      std::ifstream file(path, std::ios::binary);
      if (!file) return UsageError("cannot read the diff " + path);
      text << file.rdbuf();
    }
    auto changed = scan::ParseUnifiedDiff(text.str());
    if (!changed.ok()) {
      PrintErrors(changed.errors());
      return kExitUsage;
    }
    options.changed = std::move(changed.value());
  } else if (vm.count("diff-base")) {
    auto changed = scan::GitDiff(vm["diff-base"].as<std::string>());
    if (!changed.ok()) {
      PrintErrors(changed.errors());
      return kExitUsage;
    }
    options.changed = std::move(changed.value());
  }
  options.policy.require_reason = config->require_reason;
  if (vm.count("baseline")) {
    const std::string path = vm["baseline"].as<std::string>();
    std::ifstream file(path, std::ios::binary);
    if (!file) return UsageError("cannot read the baseline " + path);
    std::stringstream text;
    text << file.rdbuf();
    auto baseline = scan::ParseBaseline(text.str(), path);
    if (!baseline.ok()) {
      PrintErrors(baseline.errors());
      return kExitUsage;
    }
    options.baseline = std::move(baseline.value());
  }
  options.jobs = vm.count("jobs") ? vm["jobs"].as<unsigned>()
                                  : std::max(1u, std::thread::hardware_concurrency());
  if (options.jobs == 0) return UsageError("--jobs must be at least 1");
  options.match.use_prefilter = !vm.count("no-prefilter");
  options.max_file_bytes = vm["max-file-size"].as<uint64_t>() << 20;
  // The command line wins: a list given there replaces the config's.
  options.include = vm.count("include") ? vm["include"].as<std::vector<std::string>>()
                                        : config->include;
  options.exclude = vm.count("exclude") ? vm["exclude"].as<std::vector<std::string>>()
                                        : config->exclude;
  options.use_ignore_files = !vm.count("no-ignore");
  options.site_chrome = !vm.count("no-site-chrome");
  if (vm.count("format-in")) {
    std::string name = vm["format-in"].as<std::string>();
    options.force_format = input::ParseFormat(name);
    if (!options.force_format) {
      return UsageError("--format-in must be text, markdown or html, not '" + name + "'");
    }
  }
  if (vm.count("stdin-filename")) {
    options.stdin_filename = vm["stdin-filename"].as<std::string>();
    if (options.stdin_filename.empty()) return UsageError("--stdin-filename needs a name");
  }

  std::string format = vm["format"].as<std::string>();
  std::optional<report::ReportFormat> primary = report::ParseReportFormat(format);
  if (!primary) {
    return UsageError("--format must be one of " + report::ReportFormatList() + ", not '" +
                      format + "'");
  }
  std::string fail_on = vm["fail-on"].defaulted() && config->fail_on
                            ? *config->fail_on
                            : vm["fail-on"].as<std::string>();
  std::optional<Severity> threshold = ParseSeverity(fail_on);
  if (!threshold && fail_on != "none") {
    return UsageError("--fail-on must be error, warning, info or none, not '" + fail_on + "'");
  }
  std::string color = vm["color"].as<std::string>();
  if (color != "auto" && color != "always" && color != "never") {
    return UsageError("--color must be auto, always or never, not '" + color + "'");
  }
  std::string progress = vm["progress"].as<std::string>();
  if (progress != "auto" && progress != "always" && progress != "never") {
    return UsageError("--progress must be auto, always or never, not '" + progress + "'");
  }

  // The command line wins over the config: --rules drops the config's
  // profiles, --profile the config's pack files.
  std::vector<std::string> pack_files = config->rules, profiles = config->profile;
  if (vm.count("rules") && vm.count("profile")) {
    return UsageError("--rules replaces the built-in packs; it cannot be combined with --profile");
  }
  if (vm.count("rules")) {
    pack_files = vm["rules"].as<std::vector<std::string>>();
    profiles.clear();
  }
  if (vm.count("profile")) {
    pack_files.clear();
    profiles.clear();
    for (const std::string& value : vm["profile"].as<std::vector<std::string>>()) {
      std::stringstream list(value);
      for (std::string name; std::getline(list, name, ',');) profiles.push_back(name);
    }
  }
  if (!pack_files.empty() && !profiles.empty()) {
    return UsageError(config->path + ": \"rules\" replaces the built-in packs; it cannot be "
                      "combined with \"profile\"");
  }
  auto pack = LoadPack(pack_files, profiles);
  if (!pack.ok()) {
    PrintErrors(pack.errors());
    std::cerr << "claimlint: the rule packs have errors; nothing was scanned\n";
    return kExitUsage;
  }
  auto decisions = config::Resolve(*config, *pack.value());
  if (!decisions.ok()) {
    PrintErrors(decisions.errors());
    return kExitUsage;
  }
  for (const auto& [id, decision] : decisions.value()) {
    options.policy.rules[id] = {decision.enabled, decision.severity, decision.reason};
  }

  // Every report: where it goes and its writer. At most one goes to
  // stdout; the others are files, each written atomically.
  struct Target {
    report::ReportFormat format;
    std::string path;  // "-": stdout
    std::string origin;  // the option that asked for it, for messages
  };
  std::vector<Target> targets;
  const bool format_given = !vm["format"].defaulted();
  targets.push_back({*primary, vm.count("output") ? vm["output"].as<std::string>() : "-",
                     vm.count("output") ? "--output" : "--format " + format});
  // The config's reports apply when the command line names none.
  std::vector<std::string> report_specs =
      vm.count("report") ? vm["report"].as<std::vector<std::string>>() : config->reports;
  if (vm.count("report") == 0 && (format_given || vm.count("output"))) report_specs.clear();
  {
    for (const std::string& spec : report_specs) {
      size_t equals = spec.find('=');
      std::optional<report::ReportFormat> report_format =
          equals == std::string::npos ? std::nullopt
                                      : report::ParseReportFormat(spec.substr(0, equals));
      if (!report_format || equals + 1 >= spec.size()) {
        return UsageError("--report takes FORMAT=PATH with FORMAT one of " +
                          report::ReportFormatList() + ", not '" + spec + "'");
      }
      targets.push_back({*report_format, spec.substr(equals + 1), "--report " + spec});
    }
  }
  // A --report to stdout takes the place of the default text report there;
  // an explicit --format on stdout as well is a conflict.
  size_t to_stdout = 0;
  for (size_t i = 1; i < targets.size(); ++i) to_stdout += targets[i].path == "-";
  if (to_stdout > 0 && targets[0].path == "-") {
    if (format_given || to_stdout > 1) {
      return UsageError("only one report can go to standard output; give the others a PATH "
                        "(or the main report --output FILE)");
    }
    targets.erase(targets.begin());
  } else if (to_stdout > 1) {
    return UsageError("only one report can go to standard output; give the others a PATH");
  }
  for (size_t i = 0; i < targets.size(); ++i) {
    for (size_t j = i + 1; j < targets.size(); ++j) {
      if (targets[i].path != "-" && targets[i].path == targets[j].path) {
        return UsageError(targets[i].origin + " and " + targets[j].origin +
                          " write the same file");
      }
    }
  }

  std::vector<std::unique_ptr<report::AtomicFile>> files;
  std::vector<std::unique_ptr<report::Sink>> report_sinks;
  const char* no_color = std::getenv("NO_COLOR");
  const char* step_summary = std::getenv("GITHUB_STEP_SUMMARY");
  bool step_summary_taken = false;
  for (const Target& target : targets) {
    std::ostream* out = &std::cout;
    bool to_terminal = false;
    if (target.path == "-") {
      to_terminal = isatty(STDOUT_FILENO);
    } else {
      files.push_back(std::make_unique<report::AtomicFile>(target.path));
      if (!files.back()->ok()) {
        std::cerr << "claimlint: error: " << files.back()->error() << " [CL401]\n";
        return kExitUsage;
      }
      out = &files.back()->stream();
    }
    switch (target.format) {
      case report::ReportFormat::kText: {
        report::TextOptions text;
        // NO_COLOR counts when set and not empty (no-color.org).
        text.color = color == "always" ||
                     (color == "auto" && to_terminal && (no_color == nullptr || *no_color == '\0'));
        report_sinks.push_back(report::MakeTextSink(*out, text));
        break;
      }
      case report::ReportFormat::kJson: report_sinks.push_back(report::MakeJsonSink(*out)); break;
      case report::ReportFormat::kHtml: report_sinks.push_back(report::MakeHtmlSink(*out)); break;
      case report::ReportFormat::kSarif: report_sinks.push_back(report::MakeSarifSink(*out)); break;
      case report::ReportFormat::kJunit: report_sinks.push_back(report::MakeJunitSink(*out)); break;
      case report::ReportFormat::kCheckstyle:
        report_sinks.push_back(report::MakeCheckstyleSink(*out));
        break;
      case report::ReportFormat::kGithub: {
        report::GithubOptions github;
        if (step_summary != nullptr && !step_summary_taken) {
          github.step_summary_path = step_summary;
          step_summary_taken = true;
        }
        report_sinks.push_back(report::MakeGithubSink(*out, github));
        break;
      }
      case report::ReportFormat::kSummary:
        report_sinks.push_back(report::MakeSummarySink(*out));
        break;
    }
  }

  std::unique_ptr<report::Progress> progress_bar;
  if (progress == "always" || (progress == "auto" && isatty(STDERR_FILENO))) {
    struct winsize size {};
    int width = ioctl(STDERR_FILENO, TIOCGWINSZ, &size) == 0 ? size.ws_col : 80;
    progress_bar = report::MakeProgressBar(std::cerr, &std::cout, width);
    options.progress = progress_bar.get();
  }

  std::vector<scan::BaselineEntry> new_baseline;
  std::unique_ptr<report::AtomicFile> baseline_file;
  if (vm.count("write-baseline")) {
    baseline_file = std::make_unique<report::AtomicFile>(vm["write-baseline"].as<std::string>());
    if (!baseline_file->ok()) {
      std::cerr << "claimlint: error: " << baseline_file->error() << " [CL401]\n";
      return kExitUsage;
    }
    report_sinks.push_back(scan::MakeBaselineCollector(new_baseline, options.baseline));
  }

  DiagnosticPrinter diagnostics;
  FixCollector fixes;
  std::vector<report::Sink*> sinks;
  if (fix_mode) {
    // Only the rewrites: no reports (files stays empty, nothing is written).
    if (std::find(options.paths.begin(), options.paths.end(), "-") != options.paths.end()) {
      return UsageError("fix rewrites files; standard input cannot be fixed");
    }
    report_sinks.clear();
    files.clear();
    sinks.push_back(&fixes);
    // A claim in site chrome is fixed on every page that carries it.
    options.site_chrome = false;
  }
  for (const auto& sink : report_sinks) sinks.push_back(sink.get());
  sinks.push_back(&diagnostics);
  report::RunInfo run;
  run.tool_version = CLAIMLINT_VERSION;
  run.information_uri = CLAIMLINT_HOMEPAGE_URL;
  run.packs = pack.value()->packs();
  for (const rules::Rule& rule : pack.value()->rules()) run.rules.push_back(&rule);
  run.fail_on = threshold;
  report::Summary summary = scan::Scan(options, *pack.value(), run, sinks);
  if (fix_mode) {
    bool ok = true;
    for (const FixCollector::Fixed& file : fixes.files) {
      if (vm.count("dry-run")) {
        std::cout << scan::LineDiff(file.path, file.before, file.after);
        continue;
      }
      report::AtomicFile out(file.path);  // never half a file
      if (out.ok()) out.stream() << file.after;
      if (!out.ok() || !out.Commit()) {
        std::cerr << "claimlint: error: " << out.error() << " [CL402]\n";
        ok = false;
      }
    }
    std::cout.flush();
    std::cerr << "claimlint: " << (vm.count("dry-run") ? "would fix " : "fixed ") << fixes.applied
              << " finding(s) in " << fixes.files.size() << " file(s)";
    if (fixes.skipped > 0) std::cerr << "; " << fixes.skipped << " left alone (markup in the span)";
    std::cerr << "\n";
    return ok ? kExitClean : kExitUsage;
  }
  std::cout.flush();
  if (summary.repeated_chrome_findings > 0) {
    std::cerr << "claimlint: note: " << summary.repeated_chrome_findings
              << " finding(s) in site chrome (text on most pages of this batch) are reported "
                 "once, on the first page that carries them; --no-site-chrome reports them "
                 "on every page\n";
  }
  bool written = true;
  for (const auto& file : files) {
    if (!file->Commit()) {
      std::cerr << "claimlint: error: " << file->error() << " [CL402]\n";
      written = false;
    }
  }
  if (baseline_file) {
    baseline_file->stream() << scan::BaselineJson(std::move(new_baseline));
    if (!baseline_file->Commit()) {
      std::cerr << "claimlint: error: " << baseline_file->error() << " [CL402]\n";
      written = false;
    }
  }
  if (!written) return kExitUsage;
  if (!summary.stale_baseline.empty()) {
    std::cerr << "claimlint: note: " << summary.stale_baseline.size()
              << " baseline entr" << (summary.stale_baseline.size() == 1 ? "y" : "ies")
              << " matched no finding (fixed?); rewrite the baseline with --write-baseline "
                 "to shrink it:\n";
    for (const std::string& entry : summary.stale_baseline) std::cerr << "  " << entry << "\n";
  }
  // Recording a baseline adopts today's findings: only unreadable files fail.
  if (baseline_file) return summary.unreadable > 0 ? kExitFindings : kExitClean;

  bool failing = summary.unreadable > 0;
  if (threshold) {
    for (const auto& [name, count] : summary.by_severity) {
      if (count > 0 && *ParseSeverity(name) >= *threshold) failing = true;
    }
  }
  return failing ? kExitFindings : kExitClean;
}

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) {
    std::cerr << kUsage;
    return kExitUsage;
  }
  const std::string command = args.front();
  args.erase(args.begin());
  if (command == "--version" || command == "version") {
    std::cout << "claimlint " << CLAIMLINT_VERSION << "\n";
    return kExitClean;
  }
  if (command == "--help" || command == "-h" || command == "help") {
    std::cout << kUsage << "\n" << ScanOptionsDescription() << "\n";
    return kExitClean;
  }
  if (command == "scan") return RunScan(args);
  if (command == "fix") return RunScan(args, /*fix_mode=*/true);
  if (command == "init") return RunInit(args);
  if (command == "config") return RunConfigCommand(args);
  if (command == "rules") return cli::RunRules(args);
  if (command == "eval") return cli::RunEval(args);
  return UsageError("unknown command '" + command +
                    "'; the commands are: scan, fix, init, config, rules, eval, version, help");
}
