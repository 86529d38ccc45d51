// claimlint's command line: parses options into settings and calls the
// scan stage. Exit codes: 0 no finding at or above --fail-on, 1 findings
// (or files that could not be read), 2 usage, configuration or rule-pack
// errors.

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
    "(scanned recursively, .txt files) or - for standard input.\n";

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
      ("format", po::value<std::string>()->default_value("text"), "output format: text or json")
      ("output,o", po::value<std::string>(), "write the report to FILE (atomically) instead of stdout")
      ("fail-on", po::value<std::string>()->default_value("error"),
       "lowest severity that makes the exit code 1: error, warning, info or none")
      ("jobs,j", po::value<unsigned>(), "files scanned in parallel (default: the machine's cores)")
      ("color", po::value<std::string>()->default_value("auto"), "auto, always or never")
      ("max-file-size", po::value<uint64_t>()->default_value(256),
       "skip (and report) files larger than this many MiB")
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

  std::string format = vm["format"].as<std::string>();
  if (format != "text" && format != "json") {
    return UsageError("--format must be text or json, not '" + format + "'");
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

  std::optional<report::AtomicFile> output_file;
  std::ostream* out = &std::cout;
  bool to_terminal = isatty(STDOUT_FILENO);
  if (vm.count("output")) {
    output_file.emplace(vm["output"].as<std::string>());
    if (!output_file->ok()) {
      std::cerr << "claimlint: error: " << output_file->error() << " [CL401]\n";
      return kExitUsage;
    }
    out = &output_file->stream();
    to_terminal = false;
  }
  std::unique_ptr<report::Sink> report_sink;
  if (format == "json") {
    report_sink = report::MakeJsonSink(*out);
  } else {
    report::TextOptions text;
    text.color = color == "always" ||
                 (color == "auto" && to_terminal && std::getenv("NO_COLOR") == nullptr);
    report_sink = report::MakeTextSink(*out, text);
  }
  DiagnosticPrinter diagnostics;
  report::RunInfo run{CLAIMLINT_VERSION, pack.value()->packs()};
  report::Summary summary =
      scan::Scan(options, *pack.value(), run, {report_sink.get(), &diagnostics});
  out->flush();
  if (output_file && !output_file->Commit()) {
    std::cerr << "claimlint: error: " << output_file->error() << " [CL402]\n";
    return kExitUsage;
  }

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
