// The claimlint binary as users and CI run it: exit codes, option errors,
// every report format against its golden file byte for byte, several
// reports in one run, atomic output, stdin, identical output whatever
// --jobs is, what a terminal gets (colour, a progress bar) through a
// pseudo-terminal, and the batch options of issue 5 (--format-in,
// --stdin-filename, --include/--exclude, a 10,000-page site mirror in one
// command).
//
// Update the golden files on purpose with:
//   CLAIMLINT_UPDATE_GOLDEN=1 ctest --test-dir build -R Golden
// then review the diff of tests/golden/ before committing it.

#include <gtest/gtest.h>
#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fcntl.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <algorithm>
#include <vector>
#include "test_files.h"

namespace {

namespace fs = std::filesystem;

struct RunResult {
  int exit_code;
  std::string out;
  std::string err;
};

using claimlint::testing_files::ReadFile;
using claimlint::testing_files::WriteFile;


fs::path TempDir() { return claimlint::testing_files::TempDir("cli"); }

// Runs claimlint from the source folder, so paths in reports are relative.
// CI on GitHub sets GITHUB_STEP_SUMMARY; these runs must not append to it.
RunResult Claimlint(const std::string& args, const std::string& stdin_text = "") {
  fs::path dir = fs::temp_directory_path() / ("claimlint-run-" + std::to_string(getpid()));
  fs::create_directories(dir);
  WriteFile(dir / "in", stdin_text);
  std::string command = "cd '" CLAIMLINT_SOURCE_DIR "' && env -u GITHUB_STEP_SUMMARY '" CLAIMLINT_BINARY "' " + args +
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

// The tool version is the one volatile field: "claimlint X" wherever a
// report names the tool, and the first "version" key of JSON and SARIF.
std::string NormalizeVersion(std::string text) {
  const std::string version = CLAIMLINT_VERSION;
  for (const std::string& from : {"\"version\": \"" + version + "\""}) {
    size_t at = text.find(from);
    if (at != std::string::npos) text.replace(at, from.size(), "\"version\": \"@VERSION@\"");
  }
  for (const auto& [from, to] :
       {std::pair{"claimlint " + version, std::string("claimlint @VERSION@")},
        std::pair{"\"semanticVersion\": \"" + version + "\"",
                  std::string("\"semanticVersion\": \"@VERSION@\"")}}) {
    for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at)) {
      text.replace(at, from.size(), to);
      at += to.size();
    }
  }
  return text;
}

void ExpectGolden(const std::string& actual, const std::string& name) {
  fs::path golden = fs::path(CLAIMLINT_SOURCE_DIR) / "tests/golden/basic" / name;
  if (std::getenv("CLAIMLINT_UPDATE_GOLDEN")) WriteFile(golden, actual);
  EXPECT_EQ(actual, ReadFile(golden))
      << name << ": update on purpose with CLAIMLINT_UPDATE_GOLDEN=1 and review the diff";
}

// Every --report format, written in one run beside the text report on
// stdout, against tests/golden/basic/expected.*.
TEST(Golden, EveryFormatMatchesByteForByte) {
  fs::path dir = TempDir();
  const std::vector<std::pair<std::string, std::string>> formats = {
      {"json", "expected.json"},          {"html", "expected.html"},
      {"sarif", "expected.sarif"},        {"junit", "expected.junit.xml"},
      {"checkstyle", "expected.checkstyle.xml"}, {"github", "expected.github.txt"},
      {"summary", "expected.summary.txt"}, {"text", "expected.txt"}};
  std::string args = "scan --color never --jobs 3 tests/golden/basic/input";
  for (const auto& [format, name] : formats) {
    args += " --report " + format + "=" + (dir / name).string();
  }
  RunResult run = Claimlint("scan --color never --jobs 3 tests/golden/basic/input");
  RunResult all = Claimlint(args);
  EXPECT_EQ(all.exit_code, 1) << all.err;
  EXPECT_EQ(all.out, run.out) << "the terminal report is the same with --report";
  ExpectGolden(all.out, "expected.txt");
  for (const auto& [format, name] : formats) {
    ExpectGolden(NormalizeVersion(ReadFile(dir / name)), name);
  }
  for (const auto& entry : fs::directory_iterator(dir)) {
    EXPECT_EQ(entry.path().string().find(".tmp-"), std::string::npos) << entry.path();
  }
}

TEST(Cli, ReportOptionErrorsExitTwo) {
  fs::path dir = TempDir();
  std::string file = (dir / "a").string();
  for (const std::string& args : std::vector<std::string>{
           "--report yaml=" + file, "--report html", "--report html=", "--report =x",
        "--report json=" + file + " --report html=" + file, "--output " + file + " --report html=" + file,
        "--report github=- --report summary=-", "--format json --report github=-",
        "--progress sometimes", "--report html=/nonexistent-dir/r.html"}) {
    RunResult run = Claimlint("scan " + args + " tests/golden/basic/input");
    EXPECT_EQ(run.exit_code, 2) << args << "\n" << run.err;
    EXPECT_FALSE(run.err.empty()) << args;
  }
  EXPECT_EQ(Claimlint("scan --format sarif --fail-on none corpus").exit_code, 0)
      << "sarif is a --format too";
}

TEST(Cli, ReportToStdoutTakesThePlaceOfTheTextReport) {
  RunResult run = Claimlint("scan --report github=- tests/golden/basic/input");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(run.out.rfind("::warning file=tests/golden/basic/input/a-careless.txt,line=3,col=14,", 0), 0u)
      << run.out;
  EXPECT_EQ(run.out.find("^~~"), std::string::npos) << "no text report mixed in";
}

TEST(Cli, SeveralReportsInOneRunAreEachWrittenAtomically) {
  fs::path dir = TempDir();
  RunResult run = Claimlint("scan --format json --output " + (dir / "main.json").string() +
                            " --report html=" + (dir / "r.html").string() + " --report sarif=" +
                            (dir / "r.sarif").string() + " --report summary=" +
                            (dir / "s.txt").string() + " tests/golden/basic/input");
  EXPECT_EQ(run.exit_code, 1) << run.err;
  EXPECT_EQ(run.out, "");
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir)) {
    names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  EXPECT_EQ(names, (std::vector<std::string>{"main.json", "r.html", "r.sarif", "s.txt"}));
  EXPECT_EQ(ReadFile(dir / "r.html").substr(0, 15), "<!DOCTYPE html>");
  EXPECT_EQ(ReadFile(dir / "s.txt").substr(0, 10), "claimlint ");
}

TEST(Cli, NoProgressBarWhenStderrIsNotATerminal) {
  RunResult run = Claimlint("scan --color never corpus tests/golden/basic/input");
  EXPECT_EQ(run.err.find('\r'), std::string::npos) << run.err;
  EXPECT_EQ(run.err.find("files/s"), std::string::npos) << run.err;
}

// Runs claimlint with a pseudo-terminal as stdout and stderr, except the
// stream named in `not_terminal` (1 or 2), which goes to /dev/null.
// Returns what the terminal got.
std::string RunInTerminal(const std::vector<std::string>& args, int not_terminal,
                          const char* no_color = nullptr) {
  int master = -1;
  struct winsize size {};
  size.ws_col = 100;
  size.ws_row = 30;
  pid_t pid = forkpty(&master, nullptr, nullptr, &size);
  if (pid == 0) {
    if (chdir(CLAIMLINT_SOURCE_DIR) != 0) _exit(127);
    if (not_terminal != 0) {
      int null = open("/dev/null", O_WRONLY);
      dup2(null, not_terminal);
    }
    if (no_color) setenv("NO_COLOR", no_color, 1); else unsetenv("NO_COLOR");
    std::vector<char*> argv;
    std::string binary = CLAIMLINT_BINARY;
    argv.push_back(binary.data());
    std::vector<std::string> copy = args;
    for (std::string& arg : copy) argv.push_back(arg.data());
    argv.push_back(nullptr);
    execv(binary.c_str(), argv.data());
    _exit(127);
  }
  std::string out;
  char buffer[4096];
  for (;;) {
    ssize_t got = read(master, buffer, sizeof buffer);
    if (got <= 0) break;  // EIO once the child has closed the terminal
    out.append(buffer, static_cast<size_t>(got));
  }
  close(master);
  int status = 0;
  waitpid(pid, &status, 0);
  return out;
}

TEST(Terminal, ProgressBarOnStderrForBatches) {
  std::string tty = RunInTerminal({"scan", "tests/golden/basic/input"}, 1);
  // 4 files; the last state is always drawn, then the line is cleared.
  EXPECT_NE(tty.find("4/4 files"), std::string::npos) << tty;
  EXPECT_NE(tty.find("files/s"), std::string::npos) << tty;
  EXPECT_NE(tty.find("\r\x1b[K"), std::string::npos) << tty;
  std::string single = RunInTerminal({"scan", "tests/golden/basic/input/a-careless.txt"}, 1);
  EXPECT_EQ(single.find("files/s"), std::string::npos) << "one file needs no bar: " << single;
  std::string off = RunInTerminal({"scan", "--progress", "never", "corpus"}, 1);
  EXPECT_EQ(off.find("files/s"), std::string::npos) << off;
}

TEST(Terminal, ColourOnATerminalUnlessNoColor) {
  std::vector<std::string> args = {"scan", "tests/golden/basic/input/a-careless.txt"};
  EXPECT_NE(RunInTerminal(args, 2).find("\x1b[1;31merror"), std::string::npos);
  EXPECT_EQ(RunInTerminal(args, 2, "1").find("\x1b["), std::string::npos);
  EXPECT_NE(RunInTerminal(args, 2, "").find("\x1b[1;31merror"), std::string::npos)
      << "an empty NO_COLOR does not count (no-color.org)";
  std::vector<std::string> never = {"scan", "--color", "never",
                                    "tests/golden/basic/input/a-careless.txt"};
  EXPECT_EQ(RunInTerminal(never, 2).find("\x1b["), std::string::npos);
}

TEST(Cli, JobsDoNotChangeOutput) {
  for (const char* format :
       {"json", "text", "html", "sarif", "junit", "checkstyle", "github", "summary"}) {
    std::string args = std::string("scan --color never --format ") + format + " ";
    RunResult one = Claimlint(args + "--jobs 1 corpus tests/golden");
    RunResult four = Claimlint(args + "--jobs 4 corpus tests/golden");
    EXPECT_EQ(one.exit_code, four.exit_code);
    EXPECT_FALSE(one.out.empty());
    EXPECT_EQ(one.out, four.out) << format;
  }
}

TEST(Cli, FormatInForcesTheFormat) {
  fs::path dir = TempDir();
  WriteFile(dir / "notes.txt", "Use `cures cancer` in code only.\n");
  std::string file = (dir / "notes.txt").string();
  EXPECT_EQ(Claimlint("scan " + file).exit_code, 1);  // as text, the words are prose
  RunResult markdown = Claimlint("scan --format json --format-in markdown " + file);
  EXPECT_EQ(markdown.exit_code, 0) << markdown.out;
  EXPECT_NE(markdown.out.find("\"format\": \"markdown\""), std::string::npos);
  RunResult bad = Claimlint("scan --format-in pdf " + file);
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("--format-in"), std::string::npos);
}

TEST(Cli, StdinFilenameNamesPathAndFormat) {
  RunResult run = Claimlint("scan --format json --stdin-filename site/page.html -",
                            "<p>It <b>cures</b> cancer &amp; more.</p><script>cures asthma</script>");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.out.find("\"path\": \"site/page.html\""), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("\"format\": \"html\""), std::string::npos);
  // The opening <b> is before the first flagged byte, so outside the span.
  EXPECT_NE(run.out.find("\"text\": \"cures</b> cancer\""), std::string::npos) << run.out;
  EXPECT_EQ(run.out.find("asthma"), std::string::npos);
}

TEST(Cli, IncludeExcludeAndIgnoreFile) {
  fs::path dir = TempDir();
  fs::create_directories(dir / "blog");
  fs::create_directories(dir / "drafts");
  WriteFile(dir / "blog/a.md", "It cures cancer.\n");
  WriteFile(dir / "blog/b.html", "<p>It cures cancer.</p>");
  WriteFile(dir / "drafts/c.md", "It cures cancer.\n");
  WriteFile(dir / ".claimlintignore", "drafts/\n");
  RunResult run = Claimlint("scan --format json --include '*.md' " + dir.string());
  EXPECT_NE(run.out.find("blog/a.md"), std::string::npos);
  EXPECT_EQ(run.out.find("b.html"), std::string::npos);
  EXPECT_EQ(run.out.find("drafts"), std::string::npos);
  RunResult no_ignore = Claimlint("scan --format json --no-ignore --exclude blog " + dir.string());
  EXPECT_NE(no_ignore.out.find("drafts/c.md"), std::string::npos);
  EXPECT_EQ(no_ignore.out.find("blog/"), std::string::npos);
}

// A site mirror as `wget --mirror` leaves it: thousands of pages with the
// same navigation and footer, one unreadable page. One command scans it,
// the bad page is listed and fails the run, and the footer claim is
// reported once.
TEST(Cli, SiteMirrorOfTenThousandPages) {
  fs::path dir = TempDir();
  const int kPages = 10000;
  for (int i = 0; i < kPages; ++i) {
    fs::path folder = dir / "site" / ("section" + std::to_string(i % 40));
    if (i < 40) fs::create_directories(folder);
    std::string n = std::to_string(i);
    WriteFile(folder / ("page" + n + ".html"),
              "<!DOCTYPE html><html><head><title>Page " + n +
                  "</title></head><body><nav><a href=\"/\">Home</a> <a href=\"/shop\">Shop</a>"
                  "</nav><main><h1>Article " + n + "</h1><p>Article " + n +
                  (i % 1000 == 7 ? ": studies show massage lowers cortisol." : " is calm.") +
                  "</p></main><footer><p>Our oils cure anxiety.</p></footer></body></html>");
  }
  WriteFile(dir / "site/section0/broken.html", std::string("\x89PNG\0\0", 6));
  auto start = std::chrono::steady_clock::now();
  RunResult run = Claimlint("scan --jobs 2 --format json " + (dir / "site").string());
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cout << "[ info ] " << kPages << " pages: " << seconds << " s\n";
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.out.find("\"files\": " + std::to_string(kPages + 1)), std::string::npos);
  EXPECT_NE(run.out.find("\"unreadable\": 1"), std::string::npos);
  EXPECT_NE(run.err.find("broken.html: error: binary file"), std::string::npos);
  // 10 pages with their own claims (2 each) and the "not medical advice"
  // note those mechanism claims need (1 each), + the footer claim once + the
  // medical disclaimer that footer claim needs, once.
  EXPECT_NE(run.out.find("\"findings\": 32,"), std::string::npos) << run.out.substr(run.out.size() - 400);
  EXPECT_NE(run.err.find("reported once"), std::string::npos);
  fs::remove_all(dir);
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

TEST(Rules, TestChecksThatAFixLeavesNothingFlagged) {
  fs::path dir = TempDir();
  // "cures sciatica" -> "treats sciatica" is no safe rewrite: the pack's
  // other pattern flags the result. The "for good" fix has no example.
  WriteFile(dir / "t.json", R"({"pack": {"id": "t", "version": "1"}, "rules": [
    {"id": "t.cure", "category": "disease", "severity": "error", "message": "m",
     "rationale": "r", "suggestion": "s",
     "patterns": [{"phrase": "cures sciatica", "fix": {"replace": "treats sciatica"}},
                  {"phrase": "treats sciatica"},
                  {"phrase": "gone for good", "fix": {"replace": "eased"}},
                  {"phrase": "miracle balm", "fix": {"replace": "balm"}}],
     "examples": {"flag": ["It [[cures sciatica]].", "A [[miracle balm]] for hands."],
                  "pass": ["It does not cure sciatica.", "Calm."]}}]})");
  RunResult run = Claimlint("rules test " + (dir / "t.json").string());
  EXPECT_EQ(run.exit_code, 1) << run.err;
  EXPECT_NE(run.out.find("FAIL t.cure: the fix \"treats sciatica\" of a flag example"),
            std::string::npos) << run.out;
  EXPECT_NE(run.out.find("fixed:    It treats sciatica."), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("FAIL t.cure: no flag example marks words that the pattern with the "
                         "fix \"eased\" matches whole"), std::string::npos) << run.out;
  // "miracle balm" -> "balm" leaves nothing flagged: no failure for it.
  EXPECT_EQ(run.out.find("\"balm\""), std::string::npos) << run.out;
  fs::remove_all(dir);
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
