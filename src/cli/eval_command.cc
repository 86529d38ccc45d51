// `claimlint eval [DIR]`: scores the annotated corpus (see eval/eval.h)
// and writes the report to reports/eval.md as well as stdout.

#include <filesystem>
#include <iostream>

#include "cli/commands.h"
#include "eval/eval.h"
#include "report/report.h"

namespace claimlint::cli {

namespace {

constexpr const char* kEvalUsage =
    "usage: claimlint eval [DIR...] [--output FILE]\n"
    "\n"
    "Scans every article under the DIRs (default corpus/articles) that has an\n"
    "<article>.expect beside it, with the packs its '# profile:' line names,\n"
    "and scores the findings against the annotator's verdicts in the .expect\n"
    "(findings not marked fp are true claims; fn lines are claims the tool\n"
    "misses): precision, recall and F1 at sentence level, overall, by\n"
    "category and hedged/absolute, and for missing-disclaimer findings.\n"
    "Prints the report and writes it to FILE (default reports/eval.md).\n";

int Usage(const std::string& message) {
  std::cerr << "claimlint: error: " << message << "\n\n" << kEvalUsage;
  return kExitUsage;
}

}  // namespace

int RunEval(const std::vector<std::string>& args) {
  std::vector<std::string> dirs;
  std::string output = "reports/eval.md";
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--help" || arg == "-h") {
      std::cout << kEvalUsage;
      return kExitClean;
    }
    if (arg == "--output" || arg == "-o") {
      if (i + 1 == args.size()) return Usage("--output needs a file");
      output = args[++i];
    } else if (arg.size() > 1 && arg[0] == '-') {
      return Usage("unknown option '" + arg + "'");
    } else {
      std::string dir = arg;
      while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
      dirs.push_back(dir);
    }
  }
  if (dirs.empty()) dirs.push_back("corpus/articles");
  StatusOr<eval::Score> score = eval::Evaluate(dirs);
  if (!score.ok()) {
    for (const Diagnostic& error : score.errors()) std::cerr << error.ToString() << "\n";
    return kExitUsage;
  }
  std::string markdown = eval::RenderMarkdown(score.value(), dirs);
  std::error_code error;
  std::filesystem::path parent = std::filesystem::path(output).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent, error);
  report::AtomicFile file(output);
  if (!file.ok()) {
    std::cerr << "claimlint: error: " << file.error() << " [CL401]\n";
    return kExitUsage;
  }
  file.stream() << markdown;
  if (!file.Commit()) {
    std::cerr << "claimlint: error: " << file.error() << " [CL402]\n";
    return kExitUsage;
  }
  std::cout << markdown;
  return kExitClean;
}

}  // namespace claimlint::cli
