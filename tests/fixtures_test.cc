// Annotated articles: every file under corpus/ that has a `<file>.expect`
// beside it is scanned with the lexicon, the core pack and the packs its
// `# profile: us uk` line names, and its findings must be exactly the
// expected ones: anything missing or unexpected fails.
//
// The .expect syntax is documented in src/eval/eval.h: one finding a line,
// `LINE:COL SEVERITY RULE [KIND] [CONTEXT...]`; `~ LINE:COL RULE
// [CONTEXT...]` for a claim the context must spare; `#` starts a comment.
// The annotator's verdicts on the tool are kept for the accuracy figures
// (`claimlint eval`): `fp ` before a finding the tool makes that is no real
// claim (this test still expects it), and `fn LINE:COL CATEGORY [hedged]` or
// `fn LINE:COL missing-disclaimer RULE` for what the tool misses (this test
// ignores them).

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "eval/eval.h"
#include "scan/scan.h"
#include "test_files.h"

namespace claimlint {
namespace {

namespace fs = std::filesystem;

using claimlint::testing_files::ReadFile;

const rules::CompiledPack& PackFor(const std::vector<std::string>& profiles) {
  static std::map<std::vector<std::string>, std::shared_ptr<const rules::CompiledPack>> packs;
  auto& pack = packs[profiles];
  if (!pack) {
    auto sources = rules::ProfileSources(profiles);
    EXPECT_TRUE(sources.ok());
    auto loaded = rules::Load(sources.value());
    EXPECT_TRUE(loaded.ok());
    pack = loaded.value();
  }
  return *pack;
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
  std::string expect_path = article.string() + ".expect";
  auto expectations = eval::ParseExpectations(ReadFile(expect_path), expect_path);
  ASSERT_TRUE(expectations.ok()) << expectations.errors()[0].ToString();
  input::Source source{article.string(), ReadFile(article)};
  report::FileResult result = scan::ScanSource(source, input::FormatForPath(source.path),
                                               PackFor(expectations.value().profiles));
  eval::ExpectationDiff diff = eval::CompareWithExpectations(result, expectations.value());
  std::string report;
  for (const std::string& line : diff.missing) report += "  missing:    " + line + "\n";
  for (const std::string& line : diff.unexpected) report += "  unexpected: " + line + "\n";
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
