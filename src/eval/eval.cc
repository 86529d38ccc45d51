#include "eval/eval.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <sstream>

#include "input/input.h"
#include "rules/rules.h"
#include "scan/scan.h"
#include "text/text.h"

namespace claimlint::eval {

namespace {

namespace fs = std::filesystem;

std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> words;
  std::istringstream in{std::string(text)};
  for (std::string word; in >> word;) words.push_back(word);
  return words;
}

bool ParsePosition(const std::string& word, uint32_t& line, uint32_t& column) {
  size_t colon = word.find(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == word.size()) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    if (i != colon && !std::isdigit(static_cast<unsigned char>(word[i]))) return false;
  }
  line = static_cast<uint32_t>(std::stoul(word.substr(0, colon)));
  column = static_cast<uint32_t>(std::stoul(word.substr(colon + 1)));
  return line > 0 && column > 0;
}

std::string ReadFile(const fs::path& path, bool& ok) {
  std::ifstream file(path, std::ios::binary);
  ok = static_cast<bool>(file);
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

// Byte offset of a 1-based line and code-point column (clamped to the line).
uint32_t OffsetOf(std::string_view text, uint32_t line, uint32_t column) {
  size_t offset = 0;
  for (uint32_t l = 1; l < line && offset < text.size(); ++l) {
    size_t next = text.find_first_of("\r\n", offset);
    if (next == std::string_view::npos) return static_cast<uint32_t>(text.size());
    offset = next + ((text[next] == '\r' && next + 1 < text.size() && text[next + 1] == '\n') ? 2 : 1);
  }
  for (uint32_t c = 1; c < column && offset < text.size(); ++c) {
    if (text[offset] == '\n' || text[offset] == '\r') break;
    ++offset;
    while (offset < text.size() && (static_cast<unsigned char>(text[offset]) & 0xC0) == 0x80) {
      ++offset;
    }
  }
  return static_cast<uint32_t>(offset);
}

// The sentences of a document as source spans, in order, and which one
// holds a source offset.
class SentenceIndex {
 public:
  SentenceIndex(const input::Source& source, input::Format format) {
    StatusOr<input::Document> document = input::Extract(source, format);
    if (!document.ok()) return;
    text::Folded folded = text::Fold(document.value().prose);
    for (const input::Block& block : document.value().blocks) {
      for (const text::Sentence& sentence :
           text::SplitSentences(document.value(), folded, block.prose)) {
        spans_.push_back(document.value().ToSource(sentence.prose));
      }
    }
  }

  size_t size() const { return spans_.size(); }

  // The sentence holding `offset`, else the last one that starts before it.
  uint32_t At(uint32_t offset) const {
    uint32_t best = 0;
    for (uint32_t i = 0; i < spans_.size(); ++i) {
      if (spans_[i].begin <= offset) best = i;
      if (spans_[i].begin <= offset && offset < spans_[i].end) return i;
    }
    return best;
  }

 private:
  std::vector<Span> spans_;
};

std::string Percent(double value) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%.2f", value);
  return buffer;
}

std::string Row(const std::string& label, const Counts& c) {
  return "| " + label + " | " + std::to_string(c.tp + c.fn) + " | " +
         std::to_string(c.tp + c.fp) + " | " + std::to_string(c.tp) + " | " +
         std::to_string(c.fp) + " | " + std::to_string(c.fn) + " | " + Percent(c.Precision()) +
         " | " + Percent(c.Recall()) + " | " + Percent(c.F1()) + " |\n";
}

constexpr const char* kTableHead =
    "| | annotated | found | TP | FP | FN | precision | recall | F1 |\n"
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|\n";

std::string ProfileLabel(const std::vector<std::string>& profiles) {
  if (profiles.empty()) return "core";
  std::string label = "core";
  for (const std::string& p : profiles) label += "+" + p;
  return label;
}

}  // namespace

StatusOr<Expectations> ParseExpectations(std::string_view text, const std::string& path) {
  Expectations out;
  std::vector<Diagnostic> errors;
  std::istringstream in{std::string(text)};
  uint32_t number = 0;
  for (std::string line; std::getline(in, line);) {
    ++number;
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.pop_back();
    if (line.empty()) continue;
    auto error = [&](const std::string& why) {
      errors.push_back({"CL207", path + ":" + std::to_string(number), why, true});
    };
    if (line[0] == '#') {
      std::string_view rest = std::string_view(line).substr(1);
      while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
      if (rest.starts_with("profile:")) {
        for (std::string& word : Words(rest.substr(8))) out.profiles.push_back(word);
      }
      continue;
    }
    ExpectLine item;
    item.source_line = number;
    std::string body = line;
    if (body.starts_with("fn ")) {
      item.kind = ExpectLine::kMissed;
      std::vector<std::string> words = Words(std::string_view(body).substr(3));
      if (words.size() < 2 || !ParsePosition(words[0], item.line, item.column)) {
        error("expected \"fn LINE:COL CATEGORY [hedged]\" or \"fn LINE:COL missing-disclaimer RULE\"");
        continue;
      }
      item.category = words[1];
      if (item.category == "missing-disclaimer") {
        if (words.size() != 3) {
          error("expected \"fn LINE:COL missing-disclaimer RULE\"");
          continue;
        }
        item.disclaimer = true;
        item.rule = words[2];
      } else if (words.size() > 3 || (words.size() == 3 && words[2] != "hedged")) {
        error("expected \"fn LINE:COL CATEGORY [hedged]\"");
        continue;
      } else {
        item.hedged = words.size() == 3;
      }
      out.lines.push_back(std::move(item));
      continue;
    }
    if (body.starts_with("fp ")) {
      item.false_positive = true;
      body.erase(0, 3);
    }
    item.compare = body;
    std::vector<std::string> words = Words(body);
    size_t at = 0;
    if (!words.empty() && words[0] == "~") {
      if (item.false_positive) {
        error("\"fp\" marks a reported finding, not a spared claim");
        continue;
      }
      item.kind = ExpectLine::kSpared;
      at = 1;
    }
    if (words.size() <= at || !ParsePosition(words[at], item.line, item.column)) {
      error("expected \"LINE:COL SEVERITY RULE [CONTEXT...]\", \"~ LINE:COL RULE ...\", "
            "\"fp ...\" or \"fn ...\"");
      continue;
    }
    ++at;
    if (item.kind == ExpectLine::kFinding) {
      if (words.size() <= at || !ParseSeverity(words[at])) {
        error("expected a severity (error, warning, info) after the position");
        continue;
      }
      ++at;
    }
    if (words.size() <= at) {
      error("expected a rule id");
      continue;
    }
    item.rule = words[at++];
    for (; at < words.size(); ++at) {
      if (words[at] == "missing-disclaimer") item.disclaimer = true;
      if (words[at] == "hedged") item.hedged = true;
    }
    out.lines.push_back(std::move(item));
  }
  if (!errors.empty()) return errors;
  return out;
}

std::string DescribeFinding(const analyze::Finding& f, bool spared) {
  std::string line = (spared ? "~ " : "") + std::to_string(f.start.line) + ":" +
                     std::to_string(f.start.column) + " " +
                     (spared ? "" : std::string(SeverityName(f.severity)) + " ") + f.rule->id;
  if (f.kind != "claim") line += " " + f.kind;
  for (const std::string& context : f.contexts) line += " " + context;
  return line;
}

double Counts::Precision() const { return tp + fp == 0 ? 1.0 : double(tp) / (tp + fp); }
double Counts::Recall() const { return tp + fn == 0 ? 1.0 : double(tp) / (tp + fn); }
double Counts::F1() const {
  double p = Precision(), r = Recall();
  return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
}
Counts& Counts::operator+=(const Counts& other) {
  tp += other.tp;
  fp += other.fp;
  fn += other.fn;
  return *this;
}

ExpectationDiff CompareWithExpectations(const report::FileResult& result,
                                        const Expectations& expectations) {
  std::vector<std::string> actual, expected;
  for (const analyze::Finding& f : result.findings) actual.push_back(DescribeFinding(f, false));
  for (const analyze::Finding& f : result.spared) actual.push_back(DescribeFinding(f, true));
  for (const ExpectLine& line : expectations.lines) {
    if (line.kind != ExpectLine::kMissed) expected.push_back(line.compare);
  }
  std::sort(actual.begin(), actual.end());
  std::sort(expected.begin(), expected.end());
  ExpectationDiff diff;
  std::set_difference(expected.begin(), expected.end(), actual.begin(), actual.end(),
                      std::back_inserter(diff.missing));
  std::set_difference(actual.begin(), actual.end(), expected.begin(), expected.end(),
                      std::back_inserter(diff.unexpected));
  return diff;
}

StatusOr<Score> Evaluate(const std::vector<std::string>& dirs) {
  std::vector<fs::path> articles;
  for (const std::string& dir : dirs) {
    std::error_code error;
    if (!fs::is_directory(dir, error)) {
      return Diagnostic{"CL105", dir, "not a directory of annotated articles", true};
    }
    for (auto it = fs::recursive_directory_iterator(dir, error);
         !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
      if (it->path().extension() == ".expect") {
        fs::path article = it->path();
        articles.push_back(article.replace_extension());
      }
    }
    if (error) return Diagnostic{"CL104", dir, "cannot read directory: " + error.message(), true};
  }
  std::sort(articles.begin(), articles.end());
  articles.erase(std::unique(articles.begin(), articles.end()), articles.end());

  Score score;
  std::vector<Diagnostic> errors;
  std::map<std::string, std::shared_ptr<const rules::CompiledPack>> packs;
  for (const fs::path& article : articles) {
    bool ok = false;
    std::string expect_text = ReadFile(article.string() + ".expect", ok);
    std::string bytes = ok ? ReadFile(article, ok) : "";
    if (!ok) {
      errors.push_back({"CL104", article.string(), "cannot read the article or its .expect", true});
      continue;
    }
    StatusOr<Expectations> expectations =
        ParseExpectations(expect_text, article.string() + ".expect");
    if (!expectations.ok()) {
      errors.insert(errors.end(), expectations.errors().begin(), expectations.errors().end());
      continue;
    }
    const Expectations& expect = expectations.value();
    std::string key = ProfileLabel(expect.profiles);
    if (!packs.count(key)) {
      auto sources = rules::ProfileSources(expect.profiles);
      if (!sources.ok()) {
        errors.push_back({"CL206", article.string() + ".expect", sources.errors()[0].message,
                          true});
        continue;
      }
      auto loaded = rules::Load(sources.value());
      if (!loaded.ok()) return loaded.errors();
      packs[key] = loaded.value();
    }
    const rules::CompiledPack& pack = *packs[key];

    input::Source source{article.string(), bytes};
    input::Format format = input::FormatForPath(source.path);
    report::FileResult result = scan::ScanSource(source, format, pack);
    SentenceIndex sentences(source, format);

    ArticleScore article_score;
    article_score.path = article.string();
    article_score.profiles = expect.profiles;
    // Expectations the tool no longer meets, and findings not expected.
    ExpectationDiff diff = CompareWithExpectations(result, expect);
    for (const std::string& line : diff.missing) {
      article_score.stale.push_back("expected, not found: " + line);
    }
    for (const std::string& line : diff.unexpected) {
      article_score.stale.push_back("found, not expected: " + line);
    }

    // Annotated truth: expected findings not marked fp, plus the misses.
    // (sentence, category) -> hedged (every claim of the unit hedged).
    std::map<std::pair<uint32_t, std::string>, bool> gold, found;
    std::set<std::string> gold_disclaimers, found_disclaimers;
    auto add = [](std::map<std::pair<uint32_t, std::string>, bool>& units, uint32_t sentence,
                  const std::string& category, bool hedged) {
      auto [it, inserted] = units.try_emplace({sentence, category}, hedged);
      if (!inserted) it->second = it->second && hedged;
    };
    for (const ExpectLine& line : expect.lines) {
      if (line.kind == ExpectLine::kSpared || line.false_positive) continue;
      if (line.disclaimer) {
        gold_disclaimers.insert(line.rule);
        continue;
      }
      std::string category = line.category;
      if (line.kind == ExpectLine::kFinding) {
        const rules::Rule* rule = pack.FindRule(line.rule);
        if (rule == nullptr) {
          errors.push_back({"CL207", article.string() + ".expect:" + std::to_string(line.source_line),
                            "no loaded rule has the id \"" + line.rule + "\"", true});
          continue;
        }
        category = rule->category;
      }
      add(gold, sentences.At(OffsetOf(bytes, line.line, line.column)), category, line.hedged);
    }
    for (const analyze::Finding& f : result.findings) {
      if (f.kind == "claim") {
        add(found, sentences.At(f.source.begin), f.rule->category, f.hedged);
      } else {
        found_disclaimers.insert(f.rule->id);
      }
    }
    std::set<uint32_t> gold_sentences, found_sentences;
    for (const auto& [unit, hedged] : gold) gold_sentences.insert(unit.first);
    for (const auto& [unit, hedged] : found) found_sentences.insert(unit.first);
    for (uint32_t s : gold_sentences) {
      found_sentences.count(s) ? ++article_score.sentences.tp : ++article_score.sentences.fn;
    }
    for (uint32_t s : found_sentences) {
      if (!gold_sentences.count(s)) ++article_score.sentences.fp;
    }
    for (const auto& [unit, hedged] : gold) {
      Counts& category = score.categories[unit.second];
      Counts& hedge = hedged ? score.hedged : score.absolute;
      if (found.count(unit)) {
        ++category.tp;
        ++hedge.tp;
      } else {
        ++category.fn;
        ++hedge.fn;
      }
    }
    for (const auto& [unit, hedged] : found) {
      if (gold.count(unit)) continue;
      ++score.categories[unit.second].fp;
      ++(hedged ? score.hedged : score.absolute).fp;
    }
    for (const std::string& rule : gold_disclaimers) {
      found_disclaimers.count(rule) ? ++article_score.disclaimers.tp
                                    : ++article_score.disclaimers.fn;
    }
    for (const std::string& rule : found_disclaimers) {
      if (!gold_disclaimers.count(rule)) ++article_score.disclaimers.fp;
    }
    for (const rules::Rule& rule : pack.rules()) {
      if (rule.kind == rules::RuleKind::kDisclaimer) ++score.disclaimer_decisions;
    }
    score.sentences += article_score.sentences;
    score.disclaimers += article_score.disclaimers;
    score.gold_sentences += static_cast<uint32_t>(gold_sentences.size());
    score.total_sentences += static_cast<uint32_t>(sentences.size());
    ++score.formats[article.extension().string()];
    ++score.profile_counts[key];
    score.articles.push_back(std::move(article_score));
  }
  if (!errors.empty()) return errors;
  return score;
}

std::string RenderMarkdown(const Score& score, const std::vector<std::string>& dirs) {
  std::string dir_list;
  for (const std::string& dir : dirs) dir_list += (dir_list.empty() ? "" : " ") + dir;
  // Article paths are shown relative to the common folder of a single DIR.
  const std::string dir = dirs.size() == 1 ? dirs.front() : std::string();
  std::string out = "# claimlint accuracy on the annotated corpus\n\n";
  Counts units;
  for (const auto& [category, counts] : score.categories) units += counts;
  std::string formats, profiles;
  for (const auto& [extension, count] : score.formats) {
    formats += (formats.empty() ? "" : ", ") + std::to_string(count) + " " + extension;
  }
  for (const auto& [label, count] : score.profile_counts) {
    profiles += (profiles.empty() ? "" : ", ") + std::to_string(count) + " " + label;
  }
  out += "Measured with `claimlint eval " + dir_list + "`: " + std::to_string(score.articles.size()) +
         " articles (" + formats + "; packs: " + profiles + "), " +
         std::to_string(score.total_sentences) + " sentences, " +
         std::to_string(score.gold_sentences) +
         " of them annotated as making at least one claim.\n\n"
         "Each article is scanned with the packs its `.expect` names. The truth is the "
         "annotation: the findings the `.expect` lists that are not marked `fp`, plus its `fn` "
         "lines (claims the tool misses). The annotations are the author's own, written for "
         "articles written alongside the rules, so these figures say how well the rules agree "
         "with one annotator on this corpus; accuracy on real articles, which this repository "
         "does not hold, is measured separately.\n\n"
         "Units: a claim sentence (any category) for the first row; a (sentence, category) pair "
         "for the others, so two findings of one category in one sentence count once, and a "
         "sentence flagged for the wrong category counts as a false positive for that category "
         "and a miss for the right one. A unit is hedged when every claim of it is hedged: "
         "as the tool read it for its findings (true and false positives), as the annotator "
         "wrote it for misses.\n\n## Claims\n\n";
  out += kTableHead;
  out += Row("claim sentences", score.sentences);
  out += Row("(sentence, category) pairs", units);
  out += Row("hedged claims", score.hedged);
  out += Row("absolute claims", score.absolute);
  out += "\n## By category\n\n";
  out += kTableHead;
  for (const auto& [category, counts] : score.categories) out += Row(category, counts);
  out += "\n## Missing disclaimers\n\n";
  out += kTableHead;
  out += Row("missing-disclaimer findings", score.disclaimers);
  uint32_t wrong = score.disclaimers.fp + score.disclaimers.fn;
  uint32_t decisions = std::max(score.disclaimer_decisions, wrong);
  out += "\nAccuracy over every (article, requirement) decision the loaded packs make: " +
         std::to_string(decisions - wrong) + " of " + std::to_string(decisions) + " = " +
         Percent(decisions == 0 ? 1.0 : double(decisions - wrong) / decisions) + ".\n";
  out += "\n## Per article\n\n| article | packs | claim sentences TP/FP/FN | "
         "missing disclaimers TP/FP/FN |\n|---|---|---|---|\n";
  std::vector<std::string> stale;
  for (const ArticleScore& a : score.articles) {
    std::string path = a.path;
    if (!dir.empty() && path.starts_with(dir)) path = path.substr(dir.size());
    while (!path.empty() && path.front() == '/') path.erase(0, 1);
    auto triple = [](const Counts& c) {
      return std::to_string(c.tp) + "/" + std::to_string(c.fp) + "/" + std::to_string(c.fn);
    };
    out += "| " + path + " | " + ProfileLabel(a.profiles) + " | " + triple(a.sentences) + " | " +
           triple(a.disclaimers) + " |\n";
    for (const std::string& line : a.stale) stale.push_back(path + ": " + line);
  }
  if (!stale.empty()) {
    out += "\n## Out-of-date expectations\n\nThe tool's output no longer matches these "
           ".expect lines (the fixtures test fails on them); the scores above use the tool's "
           "actual output.\n\n";
    for (const std::string& line : stale) out += "- " + line + "\n";
  }
  return out;
}

}  // namespace claimlint::eval
