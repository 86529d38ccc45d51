// `claimlint rules test|list|show`: the rule author's tools. `test` is the
// self-test every rule carries (LanguageTool's <example>s): each example
// runs through the whole pipeline as a one-sentence document, so a rule is
// only as good as what the reader of a real article would get.

#include <algorithm>
#include <array>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <re2/re2.h>
#include <sstream>

#include "cli/commands.h"
#include "rules/rules.h"
#include "scan/scan.h"
#include "text/text.h"

namespace claimlint::cli {

namespace {

namespace fs = std::filesystem;

constexpr const char* kRulesUsage =
    "usage: claimlint rules test [PACK...]\n"
    "       claimlint rules list [PACK...]\n"
    "       claimlint rules show ID [PACK...]\n"
    "\n"
    "PACK is a rule pack file or a folder of them (every *.json there but\n"
    "schema.json). Without one: the packs built into the binary (core, us, uk,\n"
    "au). A pack's lexicon is lexicon.json beside it, else the built-in one;\n"
    "a jurisdiction pack (\"jurisdiction\" other than \"any\") is loaded on top\n"
    "of core (core.json beside it, else the built-in one), so that its\n"
    "disclaimer requirements can trigger on core's claims.\n"
    "\n"
    "  test   runs every example of every rule through the full pipeline with\n"
    "         only that rule's pack: a flag example must give exactly one\n"
    "         finding of the rule, on its [[marked]] words; a pass example\n"
    "         none. Failures show the sentences, tokens and spans found.\n"
    "  list   every rule: id, category, severity, pack and pattern count\n"
    "  show   everything about one rule: patterns as written and compiled,\n"
    "         context policy, disclaimer settings and examples\n";

int Usage(const std::string& message) {
  std::cerr << "claimlint: error: " << message << "\n\n" << kRulesUsage;
  return kExitUsage;
}

// A pack file and what its "pack" header says.
struct PackFile {
  rules::PackSource source;
  std::string id;
  std::string jurisdiction;
  fs::path dir;  // empty for an embedded pack
};

bool IsJurisdictionPack(const PackFile& file) {
  return file.id != "core" && file.id != "lexicon" && !file.jurisdiction.empty() &&
         file.jurisdiction != "any";
}

PackFile Describe(rules::PackSource source, fs::path dir) {
  PackFile file{std::move(source), "", "", std::move(dir)};
  // Only the header is read here; Load reports any error in the file.
  nlohmann::json root = nlohmann::json::parse(file.source.text(), nullptr,
                                              /*allow_exceptions=*/false,
                                              /*ignore_comments=*/true);
  if (root.is_object() && root.contains("pack") && root["pack"].is_object()) {
    const nlohmann::json& pack = root["pack"];
    if (pack.contains("id") && pack["id"].is_string()) file.id = pack["id"];
    if (pack.contains("jurisdiction") && pack["jurisdiction"].is_string()) {
      file.jurisdiction = pack["jurisdiction"];
    }
  }
  return file;
}

std::optional<std::string> ReadText(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// The packs named on the command line (folders expanded, sorted), or the
// embedded ones. Null after printing a CL205 error.
std::optional<std::vector<PackFile>> PackFiles(const std::vector<std::string>& args) {
  std::vector<PackFile> files;
  if (args.empty()) {
    for (const rules::PackSource& source : rules::EmbeddedPacks()) {
      files.push_back(Describe(source, {}));
    }
    return files;
  }
  std::vector<fs::path> paths;
  for (const std::string& arg : args) {
    std::error_code error;
    if (fs::is_directory(arg, error)) {
      std::vector<fs::path> found;
      for (const auto& entry : fs::directory_iterator(arg, error)) {
        const fs::path& path = entry.path();
        if (path.extension() == ".json" && path.filename() != "schema.json") {
          found.push_back(path);
        }
      }
      std::sort(found.begin(), found.end());
      paths.insert(paths.end(), found.begin(), found.end());
    } else {
      paths.push_back(arg);
    }
  }
  for (const fs::path& path : paths) {
    std::optional<std::string> text = ReadText(path);
    if (!text) {
      std::cerr << path.string() << ": error: cannot read rule pack: " << std::strerror(errno)
                << " [CL205]\n";
      return std::nullopt;
    }
    files.push_back(Describe({path.string(), *text}, path.parent_path()));
  }
  return files;
}

// The pack with `id` among `files`, else `<dir>/<id>.json` beside the first
// file, else the embedded one.
rules::PackSource Companion(const std::vector<PackFile>& files, const std::string& id) {
  for (const PackFile& file : files) {
    if (file.id == id) return file.source;
  }
  if (!files.empty() && !files.front().dir.empty()) {
    fs::path beside = files.front().dir / (id + ".json");
    if (std::optional<std::string> text = ReadText(beside)) return {beside.string(), *text};
  }
  return *rules::EmbeddedPack(id + ".json");
}

std::shared_ptr<const rules::CompiledPack> LoadOrPrint(const std::vector<rules::PackSource>& sources) {
  auto pack = rules::Load(sources);
  if (!pack.ok()) {
    for (const Diagnostic& error : pack.errors()) std::cerr << error.ToString() << "\n";
    return nullptr;
  }
  return pack.value();
}

// Every pack of `files` loaded together (for list and show).
std::shared_ptr<const rules::CompiledPack> LoadAll(const std::vector<PackFile>& files) {
  std::vector<rules::PackSource> sources = {Companion(files, "lexicon")};
  bool has_core = std::any_of(files.begin(), files.end(),
                              [](const PackFile& f) { return f.id == "core"; });
  bool needs_core = std::any_of(files.begin(), files.end(), IsJurisdictionPack);
  if (needs_core && !has_core) sources.push_back(Companion(files, "core"));
  for (const PackFile& file : files) {
    if (file.id != "lexicon") sources.push_back(file.source);
  }
  return LoadOrPrint(sources);
}

std::string Quoted(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '\n' || c == '\r' || c == '\t') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out + "\"";
}

std::string SpanText(Span span, std::string_view text) {
  return std::to_string(span.begin) + "-" + std::to_string(span.end) + " " +
         Quoted(Slice(text, span));
}

// What the pipeline made of an example: its sentences and their tokens.
void PrintAnalysis(const input::Source& source, std::ostream& out) {
  StatusOr<input::Document> document = input::Extract(source, input::Format::kText);
  if (!document.ok()) {
    out << "    (the example could not be read as text)\n";
    return;
  }
  text::Folded folded = text::Fold(document.value().prose);
  out << "    sentences (byte spans of the example) and their tokens (folded):\n";
  for (const input::Block& block : document.value().blocks) {
    for (const text::Sentence& sentence :
         text::SplitSentences(document.value(), folded, block.prose)) {
      Span in_source = document.value().ToSource(sentence.prose);
      out << "      " << SpanText(in_source, source.bytes) << "\n        tokens:";
      for (const text::Token& token : text::Tokenize(folded, sentence.folded)) {
        out << " [" << Slice(folded.text, token.folded) << "]";
      }
      out << "\n";
    }
  }
}

void PrintFindings(const char* label, const std::vector<const analyze::Finding*>& findings,
                   std::string_view text, std::ostream& out) {
  if (findings.empty()) return;
  out << "    " << label << ":\n";
  for (const analyze::Finding* f : findings) {
    out << "      " << SpanText(f->source, text) << " " << SeverityName(f->severity);
    if (f->kind != "claim") out << " " << f->kind;
    out << "\n";
    for (const std::string& reason : f->reasons) out << "        " << reason << "\n";
  }
}

// A safe rewrite must leave nothing the pack flags where it wrote: the flag
// example, rewritten, gives no claim finding that overlaps the new words.
bool CheckFix(const rules::CompiledPack& pack, const rules::Rule& rule,
              const rules::Example& example, const analyze::Finding& flagged,
              const std::string& text, std::ostream& out) {
  scan::FixResult fixed = scan::ApplyFixes(text, {flagged});
  input::Source source{"<example>", fixed.text};
  report::FileResult result = scan::ScanSource(source, input::Format::kText, pack);
  size_t replacement_size = fixed.text.size() - (text.size() - flagged.source.size());
  Span written{flagged.source.begin,
               static_cast<uint32_t>(flagged.source.begin + replacement_size)};
  std::vector<const analyze::Finding*> overlapping;
  for (const analyze::Finding& f : result.findings) {
    if (f.kind == "claim" && f.source.begin < written.end && written.begin < f.source.end) {
      overlapping.push_back(&f);
    }
  }
  if (fixed.applied == 1 && overlapping.empty()) return true;
  out << "FAIL " << rule.id << ": the fix \"" << flagged.fix << "\" of a flag example\n"
      << "    example:  " << example.text << "\n    fixed:    " << fixed.text << "\n";
  if (fixed.applied != 1) out << "    the fix could not be applied to the flagged words\n";
  PrintFindings("still flagged", overlapping, fixed.text, out);
  return false;
}

// Runs one example; prints why when it fails.
bool CheckExample(const rules::CompiledPack& pack, const rules::Rule& rule,
                  const rules::Example& example, size_t number, std::ostream& out) {
  rules::MarkedText marked = example.must_flag ? rules::StripMarkers(example.text)
                                               : rules::MarkedText{example.text, {}};
  input::Source source{"<example>", marked.text};
  report::FileResult result = scan::ScanSource(source, input::Format::kText, pack);
  std::vector<const analyze::Finding*> found, spared;
  for (const analyze::Finding& f : result.findings) {
    if (f.rule == &rule) found.push_back(&f);
  }
  for (const analyze::Finding& f : result.spared) {
    if (f.rule == &rule) spared.push_back(&f);
  }
  bool ok = example.must_flag ? found.size() == 1 && found[0]->source == marked.span
                              : found.empty();
  if (ok && example.must_flag && !found[0]->fix.empty()) {
    return CheckFix(pack, rule, example, *found[0], marked.text, out);
  }
  if (ok) return true;
  out << "FAIL " << rule.id << ": " << (example.must_flag ? "flag" : "pass") << " example "
      << number << "\n    example:  " << example.text << "\n";
  if (example.must_flag) {
    out << "    expected: one finding on " << SpanText(marked.span, marked.text) << "\n";
  } else {
    out << "    expected: no finding of this rule\n";
  }
  if (found.empty()) out << "    found:    none\n";
  PrintFindings("found", found, marked.text, out);
  PrintFindings("spared by context", spared, marked.text, out);
  for (const Diagnostic& d : result.diagnostics) out << "    " << d.ToString() << "\n";
  PrintAnalysis(source, out);
  return false;
}

// A fix is checked through its flag examples (CheckFix), so each pattern
// with one needs a flag example whose marked words it matches whole.
bool EveryFixHasAnExample(const rules::Rule& rule, std::ostream& out) {
  bool ok = true;
  for (const rules::Pattern& pattern : rule.patterns) {
    if (pattern.fix.empty()) continue;
    bool exercised = false;
    for (const rules::Example& example : rule.examples) {
      if (!example.must_flag) continue;
      rules::MarkedText marked = rules::StripMarkers(example.text);
      text::Folded folded = text::Fold(Slice(marked.text, marked.span));
      exercised = exercised || RE2::FullMatch(folded.text, *pattern.re);
    }
    if (exercised) continue;
    out << "FAIL " << rule.id << ": no flag example marks words that the pattern with the fix \""
        << pattern.fix << "\" matches whole (" << pattern.Source() << ")\n";
    ok = false;
  }
  return ok;
}

int RunTest(const std::vector<std::string>& args) {
  std::optional<std::vector<PackFile>> files = PackFiles(args);
  if (!files) return kExitUsage;
  bool load_errors = false;
  size_t failures = 0, total_examples = 0;
  for (const PackFile& file : *files) {
    if (file.id == "lexicon") {
      // No rules to test; loading it checks it.
      if (!LoadOrPrint({file.source})) load_errors = true;
      continue;
    }
    std::vector<rules::PackSource> sources = {Companion(*files, "lexicon")};
    if (IsJurisdictionPack(file)) sources.push_back(Companion(*files, "core"));
    sources.push_back(file.source);
    std::shared_ptr<const rules::CompiledPack> pack = LoadOrPrint(sources);
    if (!pack) {
      load_errors = true;
      continue;
    }
    size_t rules_tested = 0, examples = 0, failed = 0;
    for (const rules::Rule& rule : pack->rules()) {
      if (rule.pack_id != file.id) continue;
      ++rules_tested;
      size_t flag_number = 0, pass_number = 0;
      for (const rules::Example& example : rule.examples) {
        size_t number = example.must_flag ? ++flag_number : ++pass_number;
        ++examples;
        if (!CheckExample(*pack, rule, example, number, std::cout)) ++failed;
      }
      if (!EveryFixHasAnExample(rule, std::cout)) ++failed;
    }
    std::cout << file.source.name << ": " << rules_tested << " rules, " << examples
              << " examples, " << (failed == 0 ? "all pass" : std::to_string(failed) + " failed")
              << "\n";
    failures += failed;
    total_examples += examples;
  }
  if (load_errors) {
    std::cerr << "claimlint: the rule packs have errors\n";
    return kExitUsage;
  }
  if (failures > 0) {
    std::cout << failures << " of " << total_examples << " examples failed\n";
    return kExitFindings;
  }
  return kExitClean;
}

size_t ClaimPatternCount(const rules::Rule& rule) {
  return rule.kind == rules::RuleKind::kClaim ? rule.patterns.size() : 0;
}

int RunList(const std::vector<std::string>& args) {
  std::optional<std::vector<PackFile>> files = PackFiles(args);
  if (!files) return kExitUsage;
  std::shared_ptr<const rules::CompiledPack> pack = LoadAll(*files);
  if (!pack) return kExitUsage;
  std::vector<const rules::Rule*> sorted;
  for (const rules::Rule& rule : pack->rules()) sorted.push_back(&rule);
  std::sort(sorted.begin(), sorted.end(),
            [](const rules::Rule* a, const rules::Rule* b) { return a->id < b->id; });
  size_t id_width = 2, category_width = 8;
  for (const rules::Rule* rule : sorted) {
    id_width = std::max(id_width, rule->id.size());
    category_width = std::max(category_width, rule->category.size());
  }
  std::cout << std::left << std::setw(id_width + 2) << "ID" << std::setw(category_width + 2)
            << "CATEGORY" << std::setw(10) << "SEVERITY" << std::setw(8) << "PACK"
            << "PATTERNS\n";
  // Per pack: claim rules, disclaimer requirements, claim patterns.
  std::map<std::string, std::array<size_t, 3>> totals;
  for (const rules::Rule* rule : sorted) {
    std::cout << std::setw(id_width + 2) << rule->id << std::setw(category_width + 2)
              << rule->category << std::setw(10) << SeverityName(rule->severity)
              << std::setw(8) << rule->pack_id << rule->patterns.size() << "\n";
    auto& total = totals[rule->pack_id];
    ++total[rule->kind == rules::RuleKind::kClaim ? 0 : 1];
    total[2] += ClaimPatternCount(*rule);
  }
  std::cout << "\n";
  std::array<size_t, 3> all{};
  for (const auto& [pack_id, total] : totals) {
    std::cout << pack_id << ": " << total[0] << " claim rules, " << total[1]
              << " disclaimer requirements, " << total[2] << " claim patterns\n";
    for (int i = 0; i < 3; ++i) all[i] += total[i];
  }
  std::cout << "total: " << all[0] << " claim rules, " << all[1] << " disclaimer requirements, "
            << all[2] << " claim patterns\n";
  return kExitClean;
}

void PrintPatterns(const char* label, const std::vector<rules::Pattern>& patterns) {
  if (patterns.empty()) return;
  std::cout << label << ":\n";
  for (size_t i = 0; i < patterns.size(); ++i) {
    std::cout << "  " << i + 1 << ". " << patterns[i].Source() << "\n"
              << "     compiled: " << patterns[i].re.regex() << "\n";
  }
}

std::string PolicyText(const rules::ContextPolicy& policy) {
  return "negated " + policy.negated.Name() + ", hedged " + policy.hedged.Name() +
         ", supported " + policy.supported.Name() + ", question " + policy.question.Name() +
         ", heading " + policy.heading.Name() + ", quoted " + policy.quoted.Name();
}

std::string Joined(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ", ") + item;
  return out.empty() ? "-" : out;
}

int RunShow(const std::vector<std::string>& args) {
  if (args.empty()) return Usage("rules show needs a rule id");
  std::optional<std::vector<PackFile>> files =
      PackFiles(std::vector<std::string>(args.begin() + 1, args.end()));
  if (!files) return kExitUsage;
  std::shared_ptr<const rules::CompiledPack> pack = LoadAll(*files);
  if (!pack) return kExitUsage;
  const std::string& id = args.front();
  const rules::Rule* rule = pack->FindRule(id);
  if (rule == nullptr) {
    std::vector<std::string> similar;
    std::string tail = id.substr(id.rfind('.') == std::string::npos ? 0 : id.rfind('.') + 1);
    for (const rules::Rule& r : pack->rules()) {
      if (r.id.find(id) != std::string::npos ||
          (!tail.empty() && r.id.find(tail) != std::string::npos)) {
        similar.push_back(r.id);
      }
    }
    std::cerr << "claimlint: error: no loaded rule has the id \"" << id << "\"";
    if (!similar.empty()) std::cerr << "; did you mean: " << Joined(similar);
    std::cerr << "\nRun 'claimlint rules list' for every id.\n";
    return kExitUsage;
  }
  std::string origin;
  for (const rules::PackInfo& info : pack->packs()) {
    if (info.id == rule->pack_id) origin = info.origin;
  }
  bool claim = rule->kind == rules::RuleKind::kClaim;
  std::cout << rule->id << "\n"
            << "pack:       " << rule->pack_id << " (" << origin << ")\n"
            << "kind:       " << (claim ? "claim" : "disclaimer requirement") << "\n"
            << "category:   " << rule->category << "\n"
            << "severity:   " << SeverityName(rule->severity) << "\n"
            << "message:    " << rule->message << "\n"
            << "rationale:  " << rule->rationale << "\n"
            << "suggestion: " << rule->suggestion << "\n";
  if (claim) {
    std::cout << "context:    " << PolicyText(rule->policy) << "\n";
    PrintPatterns("patterns", rule->patterns);
    PrintPatterns("unless (antipatterns)", rule->unless);
  } else {
    const char* placement = rule->placement == rules::Placement::kAnywhere  ? "anywhere"
                            : rule->placement == rules::Placement::kNearClaim ? "near-claim"
                                                                              : "end";
    std::cout << "triggers:   categories " << Joined(rule->trigger_categories) << "; rules "
              << Joined(rule->trigger_rules) << "\n"
              << "require:    " << (rule->require_all ? "all" : "any") << "\n"
              << "placement:  " << placement;
    if (rule->placement != rules::Placement::kAnywhere) {
      std::cout << " (within " << rule->within << " blocks)";
    }
    std::cout << "\n";
    PrintPatterns("patterns (what satisfies it)", rule->patterns);
    PrintPatterns("when (it applies only to documents matching one of)", rule->when);
  }
  std::cout << "examples:\n";
  for (const rules::Example& example : rule->examples) {
    std::cout << "  " << (example.must_flag ? "flag: " : "pass: ") << example.text << "\n";
  }
  return kExitClean;
}

}  // namespace

int RunRules(const std::vector<std::string>& args) {
  if (args.empty()) return Usage("rules needs a subcommand: test, list or show");
  const std::string& command = args.front();
  std::vector<std::string> rest(args.begin() + 1, args.end());
  if (command == "--help" || command == "-h" || command == "help") {
    std::cout << kRulesUsage;
    return kExitClean;
  }
  for (const std::string& arg : rest) {
    if (arg == "--help" || arg == "-h") {
      std::cout << kRulesUsage;
      return kExitClean;
    }
    if (arg.size() > 1 && arg[0] == '-') return Usage("unknown option '" + arg + "'");
  }
  if (command == "test") return RunTest(rest);
  if (command == "list") return RunList(rest);
  if (command == "show") return RunShow(rest);
  return Usage("unknown rules subcommand '" + command + "'; use test, list or show");
}

}  // namespace claimlint::cli
