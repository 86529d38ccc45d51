// claimlint's command line: parses options into settings and calls the
// scan stage. Exit codes: 0 no finding at or above --fail-on, 1 findings
// (or files that could not be read), 2 usage, configuration or rule-pack
// errors.

#include <sys/ioctl.h>
#include <unistd.h>

#include <boost/program_options.hpp>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

#include "cli/commands.h"
#include "report/report.h"
#include "rules/rules.h"
#include "scan/scan.h"

namespace po = boost::program_options;
using namespace claimlint;

namespace {

constexpr int kExitClean = 0;
constexpr int kExitFindings = 1;
constexpr int kExitUsage = 2;

constexpr const char* kUsage =
    "usage: claimlint scan [options] PATH...\n"
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
      ("no-prefilter", "confirm every rule in every block (for testing; same findings, slower)");
  return options;
}

int RunScan(const std::vector<std::string>& args) {
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
  options.jobs = vm.count("jobs") ? vm["jobs"].as<unsigned>()
                                  : std::max(1u, std::thread::hardware_concurrency());
  if (options.jobs == 0) return UsageError("--jobs must be at least 1");
  options.match.use_prefilter = !vm.count("no-prefilter");
  options.max_file_bytes = vm["max-file-size"].as<uint64_t>() << 20;
  if (vm.count("include")) options.include = vm["include"].as<std::vector<std::string>>();
  if (vm.count("exclude")) options.exclude = vm["exclude"].as<std::vector<std::string>>();
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
  std::string fail_on = vm["fail-on"].as<std::string>();
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

  // The lexicon always comes first; then the packs named, or core and the
  // profiles' packs.
  std::vector<rules::PackSource> sources = {rules::EmbeddedLexicon()};
  if (vm.count("rules") && vm.count("profile")) {
    return UsageError("--rules replaces the built-in packs; it cannot be combined with --profile");
  }
  if (vm.count("rules")) {
    auto files = ReadPackFiles(vm["rules"].as<std::vector<std::string>>());
    if (!files) return kExitUsage;
    sources.insert(sources.end(), files->begin(), files->end());
  } else {
    std::vector<std::string> profiles;
    if (vm.count("profile")) {
      for (const std::string& value : vm["profile"].as<std::vector<std::string>>()) {
        std::stringstream list(value);
        for (std::string name; std::getline(list, name, ',');) profiles.push_back(name);
      }
    }
    auto profile_sources = rules::ProfileSources(profiles);
    if (!profile_sources.ok()) return UsageError(profile_sources.errors()[0].message);
    sources = profile_sources.value();
  }
  auto pack = rules::Load(sources);
  if (!pack.ok()) {
    for (const Diagnostic& error : pack.errors()) std::cerr << error.ToString() << "\n";
    std::cerr << "claimlint: the rule packs have errors; nothing was scanned\n";
    return kExitUsage;
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
  if (vm.count("report")) {
    for (const std::string& spec : vm["report"].as<std::vector<std::string>>()) {
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

  DiagnosticPrinter diagnostics;
  std::vector<report::Sink*> sinks;
  for (const auto& sink : report_sinks) sinks.push_back(sink.get());
  sinks.push_back(&diagnostics);
  report::RunInfo run;
  run.tool_version = CLAIMLINT_VERSION;
  run.information_uri = CLAIMLINT_HOMEPAGE_URL;
  run.packs = pack.value()->packs();
  for (const rules::Rule& rule : pack.value()->rules()) run.rules.push_back(&rule);
  run.fail_on = threshold;
  report::Summary summary = scan::Scan(options, *pack.value(), run, sinks);
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
  if (!written) return kExitUsage;

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
  if (command == "rules") return cli::RunRules(args);
  if (command == "eval") return cli::RunEval(args);
  return UsageError("unknown command '" + command +
                    "'; the commands are: scan, rules, eval, version, help");
}
