// The claimlint binary as users and CI run it: exit codes, option errors,
// the JSON report against its golden file byte for byte, atomic output,
// stdin, and identical output whatever --jobs is.
//
// Update the golden file on purpose with:
//   CLAIMLINT_UPDATE_GOLDEN=1 ctest --test-dir build -R Golden

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <algorithm>
#include <vector>

namespace {

namespace fs = std::filesystem;

struct RunResult {
  int exit_code;
  std::string out;
  std::string err;
};

std::string ReadFile(const fs::path& path) {
  std::ifstream file(path, std::ios::binary);
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

void WriteFile(const fs::path& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

fs::path TempDir() {
  fs::path dir = fs::temp_directory_path() /
                 ("claimlint-cli-" + std::to_string(getpid()) + "-" +
                  ::testing::UnitTest::GetInstance()->current_test_info()->name());
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

// Runs claimlint from the source folder, so paths in reports are relative.
RunResult Claimlint(const std::string& args, const std::string& stdin_text = "") {
  fs::path dir = fs::temp_directory_path() / ("claimlint-run-" + std::to_string(getpid()));
  fs::create_directories(dir);
  WriteFile(dir / "in", stdin_text);
  std::string command = "cd '" CLAIMLINT_SOURCE_DIR "' && '" CLAIMLINT_BINARY "' " + args +
                        " < '" + (dir / "in").string() + "' > '" + (dir / "out").string() +
                        "' 2> '" + (dir / "err").string() + "'";
  int status = std::system(command.c_str());
  RunResult run{WIFEXITED(status) ? WEXITSTATUS(status) : -1, ReadFile(dir / "out"),
          ReadFile(dir / "err")};
  fs::remove_all(dir);
  return run;
}

TEST(Cli, CleanFileExitsZero) {
  fs::path dir = TempDir();
  WriteFile(dir / "clean.txt", "Our lounge is a calm place to wait.\n");
  RunResult run = Claimlint("scan " + (dir / "clean.txt").string());
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out, "no findings in 1 file\n");
}

TEST(Cli, ErrorFindingExitsOneAndPrintsLocationSentenceAndCaret) {
  fs::path dir = TempDir();
  WriteFile(dir / "claim.txt", "Title\nOur oil cures cancer fast.\nTalk to your doctor.\n");
  RunResult run = Claimlint("scan --color never " + (dir / "claim.txt").string());
  EXPECT_EQ(run.exit_code, 1);
  std::string expected_head = (dir / "claim.txt").string() +
                              ":2:9: error: Disease claim: says the treatment or product cures, "
                              "treats or prevents a disease or serious condition "
                              "[core.disease.cure-claim]\n"
                              "    Our oil cures cancer fast.\n"
                              "            ^~~~~~~~~~~~\n";
  EXPECT_EQ(run.out.substr(0, expected_head.size()), expected_head) << run.out;
}

TEST(Cli, FailOnThresholds) {
  fs::path dir = TempDir();
  WriteFile(dir / "warn.txt", "Massage lowers cortisol.\n");  // a warning-level rule
  std::string file = (dir / "warn.txt").string();
  EXPECT_EQ(Claimlint("scan " + file).exit_code, 0);
  EXPECT_EQ(Claimlint("scan --fail-on warning " + file).exit_code, 1);
  EXPECT_EQ(Claimlint("scan --fail-on info " + file).exit_code, 1);
  WriteFile(dir / "err.txt", "It cures cancer.\n");
  EXPECT_EQ(Claimlint("scan --fail-on none " + (dir / "err.txt").string()).exit_code, 0);
}

TEST(Cli, UsageErrorsExitTwo) {
  RunResult unknown = Claimlint("scan --frobnicate corpus");
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.err.find("frobnicate"), std::string::npos) << unknown.err;
  EXPECT_EQ(Claimlint("scan --fail-on fatal corpus").exit_code, 2);
  EXPECT_EQ(Claimlint("scan").exit_code, 2);
  EXPECT_EQ(Claimlint("frobnicate").exit_code, 2);
  EXPECT_EQ(Claimlint("scan --jobs 0 corpus").exit_code, 2);
}

TEST(Cli, BrokenRulePackExitsTwoWithLocation) {
  fs::path dir = TempDir();
  WriteFile(dir / "bad.json", "{\n  \"pack\": {\"id\": \"x\"\n}");
  RunResult run = Claimlint("scan --rules " + (dir / "bad.json").string() + " corpus");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find((dir / "bad.json").string() + ":3:"), std::string::npos) << run.err;
  EXPECT_EQ(run.out, "");
}

TEST(Cli, MissingAndBinaryFilesAreReportedAndFailTheRun) {
  fs::path dir = TempDir();
  WriteFile(dir / "ok.txt", "Calm.\n");
  WriteFile(dir / "blob.txt", std::string("\0\1\2", 3));
  RunResult run = Claimlint("scan " + dir.string() + " " + (dir / "missing.txt").string());
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.err.find("missing.txt: error: no such file or directory"), std::string::npos)
      << run.err;
  EXPECT_NE(run.err.find("blob.txt: error: binary file"), std::string::npos) << run.err;
  EXPECT_NE(run.out.find("2 files could not be read"), std::string::npos) << run.out;
}

TEST(Cli, ReadsStandardInput) {
  RunResult run = Claimlint("scan --format json --fail-on warning -", "Studies show it works.\n");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.out.find("\"path\": \"<stdin>\""), std::string::npos);
  EXPECT_NE(run.out.find("\"text\": \"Studies show\""), std::string::npos) << run.out;
}

TEST(Cli, OutputFileIsWrittenAtomically) {
  fs::path dir = TempDir();
  RunResult run = Claimlint("scan --format json --output " + (dir / "r.json").string() +
                      " tests/golden/basic/input");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(run.out, "");
  int entries = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    ++entries;
    EXPECT_EQ(entry.path().filename(), "r.json");  // no temporary left behind
  }
  EXPECT_EQ(entries, 1);
  EXPECT_EQ(ReadFile(dir / "r.json").back(), '\n');
  RunResult unwritable = Claimlint("scan --output /nonexistent-dir/r.json corpus");
  EXPECT_EQ(unwritable.exit_code, 2);
  EXPECT_NE(unwritable.err.find("/nonexistent-dir/r.json"), std::string::npos);
}

TEST(Golden, JsonReportMatchesByteForByte) {
  RunResult run = Claimlint("scan --format json --jobs 3 tests/golden/basic/input");
  EXPECT_EQ(run.exit_code, 1) << run.err;
  // The tool version is the one volatile field.
  std::string actual = run.out;
  std::string version_field = std::string("\"version\": \"") + CLAIMLINT_VERSION + "\"";
  size_t at = actual.find(version_field);
  ASSERT_NE(at, std::string::npos);
  actual.replace(at, version_field.size(), "\"version\": \"@VERSION@\"");
  fs::path golden = fs::path(CLAIMLINT_SOURCE_DIR) / "tests/golden/basic/expected.json";
  if (std::getenv("CLAIMLINT_UPDATE_GOLDEN")) WriteFile(golden, actual);
  EXPECT_EQ(actual, ReadFile(golden))
      << "update on purpose with CLAIMLINT_UPDATE_GOLDEN=1 and review the diff";
}

TEST(Cli, JobsDoNotChangeOutput) {
  for (const char* format : {"json", "text"}) {
    std::string args = std::string("scan --color never --format ") + format + " ";
    RunResult one = Claimlint(args + "--jobs 1 corpus tests/golden");
    RunResult four = Claimlint(args + "--jobs 4 corpus tests/golden");
    EXPECT_EQ(one.exit_code, four.exit_code);
    EXPECT_FALSE(one.out.empty());
    EXPECT_EQ(one.out, four.out) << format;
  }
}

TEST(Rules, TestPassesOnTheBuiltInPacks) {
  RunResult run = Claimlint("rules test");
  EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
  EXPECT_NE(run.out.find("<embedded:core.json>: "), std::string::npos) << run.out;
  EXPECT_EQ(run.out.find("FAIL"), std::string::npos) << run.out;
}

TEST(Rules, TestShowsWhyAnExampleFails) {
  fs::path dir = TempDir();
  WriteFile(dir / "t.json", R"({"pack": {"id": "t", "version": "1"}, "rules": [
    {"id": "t.cure", "category": "disease", "severity": "error", "message": "m",
     "rationale": "r", "suggestion": "s", "patterns": ["cures sciatica"],
     "examples": {"flag": ["It [[cures sciatica]].", "It [[heals sciatica]] fast."],
                  "pass": ["It does not cure sciatica.", "It cures sciatica, they say."]}}]})");
  RunResult run = Claimlint("rules test " + (dir / "t.json").string());
  EXPECT_EQ(run.exit_code, 1) << run.err;
  // The second flag example finds nothing; the second pass example is flagged.
  EXPECT_NE(run.out.find("FAIL t.cure: flag example 2"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("expected: one finding on 3-17 \"heals sciatica\""), std::string::npos)
      << run.out;
  EXPECT_NE(run.out.find("tokens: [it] [heals] [sciatica] [fast]"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("FAIL t.cure: pass example 2"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("3-17 \"cures sciatica\" error"), std::string::npos) << run.out;
  EXPECT_EQ(run.out.find("FAIL t.cure: flag example 1"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("2 of 4 examples failed"), std::string::npos) << run.out;
}

TEST(Rules, ListIsSortedWithAlignedColumnsAndCounts) {
  RunResult run = Claimlint("rules list");
  EXPECT_EQ(run.exit_code, 0) << run.err;
  std::istringstream lines(run.out);
  std::string header;
  std::getline(lines, header);
  EXPECT_EQ(header.rfind("ID", 0), 0u);
  size_t category_column = header.find("CATEGORY");
  std::vector<std::string> ids;
  for (std::string line; std::getline(lines, line) && !line.empty();) {
    ids.push_back(line.substr(0, line.find(' ')));
    EXPECT_NE(line[category_column], ' ') << line;
    EXPECT_EQ(line[category_column - 1], ' ') << line;
  }
  EXPECT_TRUE(std::is_sorted(ids.begin(), ids.end()));
  EXPECT_NE(std::find(ids.begin(), ids.end(), "core.disease.cure-claim"), ids.end());
  EXPECT_NE(run.out.find("total: "), std::string::npos);
}

TEST(Rules, ShowPrintsPatternsPolicyAndExamples) {
  RunResult run = Claimlint("rules show core.disease.cure-claim");
  EXPECT_EQ(run.exit_code, 0) << run.err;
  for (const char* part : {"category:   disease", "rationale:", "suggestion:", "context:",
                           "compiled: ", "flag: ", "pass: "}) {
    EXPECT_NE(run.out.find(part), std::string::npos) << part << "\n" << run.out;
  }
  RunResult unknown = Claimlint("rules show core.disease.nope");
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.err.find("no loaded rule has the id"), std::string::npos) << unknown.err;
}

TEST(Cli, ProfilesAddJurisdictionPacks) {
  fs::path dir = TempDir();
  WriteFile(dir / "a.txt", "Calm.\n");
  RunResult run = Claimlint("scan --format json --profile us,uk --profile au " +
                            (dir / "a.txt").string());
  EXPECT_EQ(run.exit_code, 0) << run.err;
  for (const char* id : {"\"core\"", "\"us\"", "\"uk\"", "\"au\""}) {
    EXPECT_NE(run.out.find(std::string("\"id\": ") + id), std::string::npos) << id << run.out;
  }
  RunResult unknown = Claimlint("scan --profile fr " + (dir / "a.txt").string());
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.err.find("unknown profile \"fr\""), std::string::npos) << unknown.err;
  EXPECT_EQ(Claimlint("scan --profile us --rules rules/core.json " + (dir / "a.txt").string())
                .exit_code,
            2);
}

TEST(Eval, ScoresAnnotatedArticlesAndWritesTheReport) {
  fs::path dir = TempDir();
  fs::create_directories(dir / "corpus");
  WriteFile(dir / "corpus/a.txt",
            "Our oil cures cancer.\nIt is lovely.\nMassage helps you sleep.\n");
  // The tool flags line 1; the annotator also sees a claim on line 3.
  WriteFile(dir / "corpus/a.txt.expect",
            "# profile: core\n1:9 error core.disease.cure-claim\n"
            "1:9 warning core.disclaimer.medical-advice missing-disclaimer\n"
            "fn 3:9 efficacy\n");
  RunResult run = Claimlint("eval " + (dir / "corpus").string() + " --output " +
                            (dir / "eval.md").string());
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("| claim sentences | 2 | 1 | 1 | 0 | 1 | 1.00 | 0.50 | 0.67 |"),
            std::string::npos) << run.out;
  EXPECT_NE(run.out.find("| missing-disclaimer findings | 1 | 1 | 1 | 0 | 0 |"),
            std::string::npos) << run.out;
  EXPECT_EQ(ReadFile(dir / "eval.md"), run.out);
  WriteFile(dir / "corpus/a.txt.expect", "fn 1:x disease\n");
  RunResult bad = Claimlint("eval " + (dir / "corpus").string() + " --output " +
                            (dir / "eval.md").string());
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("a.txt.expect:1"), std::string::npos) << bad.err;
}

}  // namespace
