// SARIF reports against the SARIF 2.1.0 JSON schema, with Debian's
// python3-jsonschema (tests/tools/validate_json.py): the golden report, a
// fresh scan, the hand-made hostile results, and suppressed and baselined
// results. Also: fingerprints survive lines moving. The validator and the
// schema are required: when either is missing the test fails and says how
// to get it (bash .ci/deps installs python3-jsonschema; the schema is
// ../shared/schemas/ beside the clone, or CLAIMLINT_SARIF_SCHEMA).

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "report/report.h"
#include "report_fixture.h"
#include "test_files.h"

namespace claimlint {
namespace {

namespace fs = std::filesystem;

using claimlint::testing_files::ReadFile;

struct ShellResult {
  int exit_code;
  std::string out;
};

ShellResult Shell(const std::string& command) {
  fs::path out = fs::temp_directory_path() / ("claimlint-sarif-" + std::to_string(getpid()));
  int status = std::system(("(" + command + ") > '" + out.string() + "' 2>&1").c_str());
  ShellResult run{WIFEXITED(status) ? WEXITSTATUS(status) : -1, ReadFile(out)};
  fs::remove(out);
  return run;
}

fs::path TempDir() { return claimlint::testing_files::TempDir("sarif"); }

// A Python that can import jsonschema: Debian's first (python3-jsonschema
// installs for /usr/bin/python3), then whatever python3 is on PATH.
std::string FindValidatorPython() {
  for (const char* python : {"/usr/bin/python3", "python3"}) {
    if (Shell(std::string(python) + " -c 'import jsonschema'").exit_code == 0) return python;
  }
  return "";
}

fs::path SchemaPath() {
  if (const char* path = std::getenv("CLAIMLINT_SARIF_SCHEMA")) return path;
  return fs::path(CLAIMLINT_SOURCE_DIR) / ".." / "shared" / "schemas" / "sarif-schema-2.1.0.json";
}

class SarifSchema : public ::testing::Test {
 protected:
  void SetUp() override {
    python_ = FindValidatorPython();
    ASSERT_FALSE(python_.empty())
        << "no python3 with the jsonschema module: install it with `bash .ci/deps` "
           "(Debian package python3-jsonschema)";
    ASSERT_TRUE(fs::exists(SchemaPath()))
        << "the SARIF 2.1.0 schema is not at " << SchemaPath()
        << "; put shared/ beside the clone or set CLAIMLINT_SARIF_SCHEMA";
  }

  ShellResult Validate(const std::vector<fs::path>& files) {
    std::string command = python_ + " '" CLAIMLINT_SOURCE_DIR "/tests/tools/validate_json.py' '" +
                          SchemaPath().string() + "'";
    for (const fs::path& file : files) command += " '" + file.string() + "'";
    return Shell(command);
  }

  std::string python_;
};

TEST_F(SarifSchema, TheValidatorRejectsAnInvalidLog) {
  fs::path dir = TempDir();
  std::ofstream(dir / "bad.sarif") << R"({"version": "2.1.0", "runs": [{"tool": {}}]})";
  ShellResult run = Validate({dir / "bad.sarif"});
  EXPECT_EQ(run.exit_code, 1) << run.out;
  EXPECT_NE(run.out.find("driver"), std::string::npos) << run.out;
}

TEST_F(SarifSchema, GoldenFreshAndHostileReportsAreValid) {
  fs::path dir = TempDir();
  std::string scan = "cd '" CLAIMLINT_SOURCE_DIR "' && '" CLAIMLINT_BINARY
                     "' scan --format sarif --fail-on none corpus tests/golden/basic/input > '" +
                     (dir / "fresh.sarif").string() + "'";
  EXPECT_EQ(Shell(scan).exit_code, 1) << "an unreadable file still makes the exit code 1";
  {
    std::ofstream out(dir / "hostile.sarif", std::ios::binary);
    std::unique_ptr<report::Sink> sink = report::MakeSarifSink(out);
    testing::HostileFixture().Run(*sink);
  }
  ShellResult run = Validate({fs::path(CLAIMLINT_SOURCE_DIR) / "tests/golden/basic/expected.sarif",
                      dir / "fresh.sarif", dir / "hostile.sarif"});
  EXPECT_EQ(run.exit_code, 0) << run.out;
  // The fresh report has what code scanning needs.
  nlohmann::json sarif = nlohmann::json::parse(ReadFile(dir / "fresh.sarif"));
  const nlohmann::json& driver = sarif["runs"][0]["tool"]["driver"];
  EXPECT_EQ(driver["version"], CLAIMLINT_VERSION);
  EXPECT_FALSE(driver["informationUri"].get<std::string>().empty());
  for (const nlohmann::json& rule : driver["rules"]) {
    EXPECT_FALSE(rule["help"]["text"].get<std::string>().empty()) << rule["id"];
    EXPECT_FALSE(rule["fullDescription"]["text"].get<std::string>().empty()) << rule["id"];
  }
  EXPECT_GT(sarif["runs"][0]["results"].size(), 5u);
  for (const nlohmann::json& result : sarif["runs"][0]["results"]) {
    EXPECT_EQ(driver["rules"][result["ruleIndex"].get<size_t>()]["id"], result["ruleId"]);
  }
}

// Issue 7: suppressed (inSource) and baselined (external) results are kept
// with `suppressions`, and the log stays valid.
TEST_F(SarifSchema, SuppressedAndBaselinedResultsAreValid) {
  fs::path dir = TempDir();
  std::ofstream(dir / "a.md") << "<!-- claimlint-disable-next-line safety -- quoted -->\n"
                                 "It is 100% safe.\n\nOur oil cures cancer. Talk to your doctor.\n";
  std::string base = "cd '" + dir.string() + "' && '" CLAIMLINT_BINARY "' scan --no-config ";
  ASSERT_EQ(Shell(base + "--write-baseline b.json a.md").exit_code, 0);
  ASSERT_EQ(Shell(base + "--baseline b.json --format sarif a.md > a.sarif").exit_code, 0);
  ShellResult run = Validate({dir / "a.sarif"});
  EXPECT_EQ(run.exit_code, 0) << run.out;
  nlohmann::json results = nlohmann::json::parse(ReadFile(dir / "a.sarif"))["runs"][0]["results"];
  std::set<std::string> kinds;
  for (const nlohmann::json& result : results) {
    ASSERT_TRUE(result.contains("suppressions")) << result.dump();
    kinds.insert(result["suppressions"][0]["kind"].get<std::string>());
  }
  EXPECT_EQ(kinds, (std::set<std::string>{"inSource", "external"}));
}

TEST(SarifFingerprints, SurviveLinesMoving) {
  fs::path dir = TempDir();
  // The last line keeps the core pack's medical disclaimer satisfied.
  std::string article = "Our oil cures cancer.\nIt is clinically proven.\nTalk to your doctor.\n";
  std::ofstream(dir / "a.txt") << article;
  std::ofstream(dir / "b.txt") << "New intro.\n\n\nMore words here.\n" << article;
  auto results = [&](const char* name) {
    std::string command = "'" CLAIMLINT_BINARY "' scan --format sarif '" + (dir / name).string() +
                          "' > '" + (dir / name).string() + ".sarif'";
    EXPECT_EQ(std::system(command.c_str()) >> 8, 1);
    return nlohmann::json::parse(ReadFile(dir / (std::string(name) + ".sarif")))["runs"][0]["results"];
  };
  nlohmann::json a = results("a.txt"), b = results("b.txt");
  ASSERT_EQ(a.size(), 2u);
  ASSERT_EQ(b.size(), 2u);
  for (size_t i = 0; i < 2; ++i) {
    EXPECT_EQ(a[i]["partialFingerprints"], b[i]["partialFingerprints"]);
    EXPECT_EQ(a[i]["locations"][0]["physicalLocation"]["region"]["startLine"].get<int>() + 4,
              b[i]["locations"][0]["physicalLocation"]["region"]["startLine"].get<int>());
  }
}

}  // namespace
}  // namespace claimlint
