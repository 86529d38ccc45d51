// Annotated articles: every file under corpus/ that has a `<file>.expect`
// beside it is scanned with the lexicon and the core pack, and its findings
// must be exactly the expected ones: anything missing or unexpected fails.
//
// An .expect file has one finding a line, `LINE:COL SEVERITY RULE [CONTEXT...]`
// (contexts in the report's order, "missing-disclaimer" for that kind); a
// line starting with `~ ` is a claim the context must spare, `LINE:COL RULE
// [CONTEXT...]`; `#` starts a comment. The annotator's verdict on the tool
// is kept too, for the accuracy figures: `fp ` before a finding the tool
// makes that is no real claim (this test still expects it), and
// `fn LINE:COL CATEGORY [hedged]` for a real claim the tool misses (this
// test ignores it; the evaluation counts it).

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "scan/scan.h"

namespace claimlint {
namespace {

namespace fs = std::filesystem;

std::string ReadFile(const fs::path& path) {
  std::ifstream file(path, std::ios::binary);
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

const rules::CompiledPack& CorePack() {
  static auto pack =
      rules::Load({rules::EmbeddedLexicon(), *rules::EmbeddedPack("core.json")}).value();
  return *pack;
}

std::string Describe(const analyze::Finding& f, bool spared) {
  std::string line = (spared ? "~ " : "") + std::to_string(f.start.line) + ":" +
                     std::to_string(f.start.column) + " " +
                     (spared ? "" : std::string(SeverityName(f.severity)) + " ") + f.rule->id;
  if (f.kind != "claim") line += " " + f.kind;
  for (const std::string& context : f.contexts) line += " " + context;
  return line;
}

std::vector<std::string> Expected(const fs::path& expect_file) {
  std::vector<std::string> lines;
  std::istringstream text(ReadFile(expect_file));
  for (std::string line; std::getline(text, line);) {
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.pop_back();
    if (line.empty() || line[0] == '#' || line.starts_with("fn ")) continue;
    if (line.starts_with("fp ")) line.erase(0, 3);
    lines.push_back(line);
  }
  std::sort(lines.begin(), lines.end());
  return lines;
}

std::vector<fs::path> AnnotatedArticles() {
  std::vector<fs::path> articles;
  for (const auto& entry :
       fs::recursive_directory_iterator(fs::path(CLAIMLINT_SOURCE_DIR) / "corpus")) {
    if (entry.path().extension() == ".expect") {
      fs::path article = entry.path();
      articles.push_back(article.replace_extension());
    }
  }
  std::sort(articles.begin(), articles.end());
  return articles;
}

class Fixture : public ::testing::TestWithParam<fs::path> {};

TEST_P(Fixture, FindsExactlyWhatItsAnnotationsSay) {
  const fs::path& article = GetParam();
  input::Source source{article.string(), ReadFile(article)};
  report::FileResult result =
      scan::ScanSource(source, input::FormatForPath(source.path), CorePack());
  std::vector<std::string> actual;
  for (const analyze::Finding& f : result.findings) actual.push_back(Describe(f, false));
  for (const analyze::Finding& f : result.spared) actual.push_back(Describe(f, true));
  std::sort(actual.begin(), actual.end());
  std::vector<std::string> expected = Expected(article.string() + ".expect");
  std::vector<std::string> missing, unexpected;
  std::set_difference(expected.begin(), expected.end(), actual.begin(), actual.end(),
                      std::back_inserter(missing));
  std::set_difference(actual.begin(), actual.end(), expected.begin(), expected.end(),
                      std::back_inserter(unexpected));
  std::string report;
  for (const std::string& line : missing) report += "  missing:    " + line + "\n";
  for (const std::string& line : unexpected) report += "  unexpected: " + line + "\n";
  EXPECT_TRUE(report.empty()) << article.string() << "\n" << report;
}

INSTANTIATE_TEST_SUITE_P(Corpus, Fixture, ::testing::ValuesIn(AnnotatedArticles()),
                         [](const ::testing::TestParamInfo<fs::path>& info) {
                           std::string name = info.param.parent_path().filename().string() +
                                              "_" + info.param.filename().string();
                           for (char& c : name) {
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return name;
                         });

}  // namespace
}  // namespace claimlint
