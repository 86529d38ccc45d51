// The scan stage's batch side: globs, .claimlintignore, the folder walk
// (hidden entries, symlink loops, unreadable entries listed, never fatal),
// and site chrome reported once per batch whatever --jobs is. See: issue 5.

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "scan/scan.h"

namespace claimlint::scan {
namespace {

namespace fs = std::filesystem;

fs::path TempDir() {
  fs::path dir = fs::temp_directory_path() /
                 ("claimlint-walk-" + std::to_string(getpid()) + "-" +
                  ::testing::UnitTest::GetInstance()->current_test_info()->name());
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

void Write(const fs::path& path, const std::string& bytes) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << bytes;
}

TEST(PathGlob, Syntax) {
  struct Case {
    const char* glob;
    const char* path;
    bool is_dir;
    bool matches;
  };
  const Case cases[] = {
      {"*.md", "a.md", false, true},
      {"*.md", "blog/a.md", false, true},  // no '/': any depth
      {"*.md", "a.mdx", false, false},
      {"*.md", "a/b", false, false},
      {"blog/*.html", "blog/a.html", false, true},
      {"blog/*.html", "x/blog/a.html", false, false},  // a '/': anchored
      {"blog/*.html", "blog/2020/a.html", false, false},  // '*' stops at '/'
      {"/index.html", "index.html", false, true},
      {"/index.html", "a/index.html", false, false},
      {"**/drafts", "drafts", true, true},
      {"**/drafts", "a/b/drafts", true, true},
      {"blog/**", "blog/a/b.md", false, true},
      {"blog/**", "blog", true, false},
      {"a/**/b.md", "a/b.md", false, true},
      {"a/**/b.md", "a/x/y/b.md", false, true},
      {"?.md", "a.md", false, true},
      {"?.md", "ab.md", false, false},
      {"[ab].md", "b.md", false, true},
      {"[a-c].md", "c.md", false, true},
      {"[!a-c].md", "d.md", false, true},
      {"[!a-c].md", "a.md", false, false},
      {"[^a].md", "b.md", false, true},
      {"[.md", "[.md", false, true},  // no ']': a literal '['
      {"a+b(1).md", "a+b(1).md", false, true},  // RE2 syntax is quoted
      {"\\*.md", "*.md", false, true},
      {"\\*.md", "a.md", false, false},
      {"build/", "build", true, true},
      {"build/", "build", false, false},  // folders only
      {"build/", "x/build", true, true},
      {"caf\xC3\xA9?.md", "caf\xC3\xA9s.md", false, true},
  };
  for (const Case& c : cases) {
    PathGlob glob(c.glob);
    EXPECT_EQ(glob.Matches(c.path, c.is_dir), c.matches)
        << c.glob << " vs " << c.path << " (regex " << glob.regex() << ")";
  }
}

TEST(IgnoreRules, GitignoreLike) {
  IgnoreRules rules(
      "# comment\n"
      "\n"
      "*.html\n"
      "!keep.html\n"
      "drafts/\n"
      "/top.md\n"
      "\\#hash.md\n"
      "trailing.md   \r\n");
  EXPECT_TRUE(rules.Ignored("a.html", false));
  EXPECT_TRUE(rules.Ignored("x/a.html", false));
  EXPECT_FALSE(rules.Ignored("keep.html", false));
  EXPECT_FALSE(rules.Ignored("x/keep.html", false));
  EXPECT_TRUE(rules.Ignored("drafts", true));
  EXPECT_FALSE(rules.Ignored("drafts", false));
  EXPECT_TRUE(rules.Ignored("top.md", false));
  EXPECT_FALSE(rules.Ignored("x/top.md", false));
  EXPECT_TRUE(rules.Ignored("#hash.md", false));
  EXPECT_TRUE(rules.Ignored("trailing.md", false));
  EXPECT_FALSE(rules.Ignored("comment", false));
  EXPECT_TRUE(IgnoreRules("").empty());
}

std::vector<std::string> Listed(const ScanOptions& options, const fs::path& root) {
  std::vector<std::string> out;
  for (const InputFile& in : ListInputs(options)) {
    std::string path = in.path;
    if (path.starts_with(root.string() + "/")) path = path.substr(root.string().size() + 1);
    out.push_back(in.error ? path + " !" + in.error->code : path);
  }
  return out;
}

TEST(ListInputs, WalksByExtensionSkipsHiddenAndSorts) {
  fs::path root = TempDir();
  for (const char* name : {"b.md", "a.txt", "c.html", "d.htm", "e.markdown", "f.css", "g.json",
                           ".hidden.md", ".git/x.md", "sub/z.md", "sub/deeper/y.html"}) {
    Write(root / name, "x");
  }
  ScanOptions options;
  options.paths = {root.string()};
  std::vector<std::string> expected = {"a.txt", "b.md", "c.html", "d.htm", "e.markdown",
                                       "sub/deeper/y.html", "sub/z.md"};
  EXPECT_EQ(Listed(options, root), expected);
}

TEST(ListInputs, IncludeAndExcludeOnRelativePaths) {
  fs::path root = TempDir();
  for (const char* name : {"index.html", "blog/a.md", "blog/b.html", "blog/old/c.md",
                           "shop/d.html", "notes.txt"}) {
    Write(root / name, "x");
  }
  ScanOptions options;
  options.paths = {root.string()};
  options.include = {"blog"};
  EXPECT_EQ(Listed(options, root),
            (std::vector<std::string>{"blog/a.md", "blog/b.html", "blog/old/c.md"}));
  options.include = {"*.md"};
  options.exclude = {"old/"};
  EXPECT_EQ(Listed(options, root), (std::vector<std::string>{"blog/a.md"}));
  options.include = {};
  options.exclude = {"blog/**", "*.txt"};
  EXPECT_EQ(Listed(options, root), (std::vector<std::string>{"index.html", "shop/d.html"}));
  // A file named on the command line is scanned whatever the filters say.
  options.paths.push_back((root / "notes.txt").string());
  EXPECT_EQ(Listed(options, root),
            (std::vector<std::string>{"index.html", "notes.txt", "shop/d.html"}));
}

TEST(ListInputs, ClaimlintignoreAtTheWalkedRoot) {
  fs::path root = TempDir();
  for (const char* name : {"a.html", "keep.html", "drafts/x.md", "drafts/keep.html", "ok.md",
                           "sub/.claimlintignore"}) {
    Write(root / name, "x");
  }
  Write(root / ".claimlintignore", "# site export\n*.html\n!keep.html\ndrafts/\n");
  ScanOptions options;
  options.paths = {root.string()};
  EXPECT_EQ(Listed(options, root), (std::vector<std::string>{"keep.html", "ok.md"}));
  options.use_ignore_files = false;
  EXPECT_EQ(Listed(options, root),
            (std::vector<std::string>{"a.html", "drafts/keep.html", "drafts/x.md", "keep.html",
                                      "ok.md"}));
}

TEST(ListInputs, SymlinkLoopsEndAndLinkedFilesAreRead) {
  fs::path root = TempDir();
  Write(root / "a/page.md", "x");
  Write(root / "outside/o.md", "x");
  fs::create_directory_symlink(root / "a", root / "a/loop");   // a/loop -> a
  fs::create_directory_symlink(root, root / "a/up");           // a/up -> root
  fs::create_symlink(root / "outside/o.md", root / "a/linked.md");
  ScanOptions options;
  options.paths = {(root / "a").string()};
  EXPECT_EQ(Listed(options, root / "a"), (std::vector<std::string>{"linked.md", "page.md"}));
}

TEST(ListInputs, UnreadableAndMissingEntriesAreListedNotFatal) {
  fs::path root = TempDir();
  Write(root / "ok.md", "x");
  Write(root / "locked/secret.md", "x");
  ScanOptions options;
  options.paths = {root.string(), (root / "missing.md").string(), "-"};
  options.stdin_filename = "draft.md";
  if (geteuid() != 0) {
    fs::permissions(root / "locked", fs::perms::none);
    EXPECT_EQ(Listed(options, root),
              (std::vector<std::string>{"draft.md", "locked !CL104", "missing.md !CL105",
                                        "ok.md"}));
    fs::permissions(root / "locked", fs::perms::owner_all);
  } else {
    // root reads everything: only the missing path is an error here.
    EXPECT_EQ(Listed(options, root),
              (std::vector<std::string>{"draft.md", "locked/secret.md", "missing.md !CL105",
                                        "ok.md"}));
  }
}

// --- Site chrome ------------------------------------------------------------

class Collect : public report::Sink {
 public:
  void Begin(const report::RunInfo&) override {}
  void File(const report::FileResult& file) override {
    std::string& out = files[file.path.substr(file.path.rfind('/') + 1)];
    for (const analyze::Finding& finding : file.findings) {
      out += finding.rule->id + ":" + finding.text + "@" + std::to_string(finding.source.begin) +
             ";";
    }
  }
  void End(const report::Summary& s) override { summary = s; }
  std::map<std::string, std::string> files;
  report::Summary summary;
};

const rules::CompiledPack& CorePack() {
  static auto pack =
      rules::Load({rules::EmbeddedLexicon(), *rules::EmbeddedPack("core.json")}).value();
  return *pack;
}

std::string Page(int i) {
  return "<html><head><title>Page " + std::to_string(i) +
         "</title></head><body>"
         "<nav><a href=\"/\">Home</a> <a href=\"/shop\">Shop: oils that cure anxiety</a></nav>"
         "<main><h1>Article " + std::to_string(i) + "</h1><p>Article " + std::to_string(i) +
         (i == 2 ? " says studies show it works." : " is calm.") +
         "</p></main>"
         "<footer><p>Our oil cures anxiety fast.</p>"
         "<p>These statements have not been evaluated by the FDA.</p></footer></body></html>";
}

TEST(SiteChrome, ReportedOncePerBatchWhateverTheJobs) {
  fs::path root = TempDir();
  for (int i = 0; i < 6; ++i) Write(root / ("p" + std::to_string(i) + ".html"), Page(i));
  Write(root / "q-other.html", "<p>Another site: it cures anxiety.</p>");
  std::map<std::string, std::string> first;
  for (unsigned jobs : {1u, 2u, 5u}) {
    ScanOptions options;
    options.paths = {root.string()};
    options.jobs = jobs;
    Collect sink;
    Scan(options, CorePack(), {}, {&sink});
    // The nav and footer claims are on 6 of 7 pages: reported on p0 only.
    EXPECT_NE(sink.files["p0.html"].find("core.disease.cure-claim:cures anxiety"),
              std::string::npos)
        << sink.files["p0.html"];
    for (int i = 1; i < 6; ++i) {
      EXPECT_EQ(sink.files["p" + std::to_string(i) + ".html"].find("cure-claim"),
                std::string::npos)
          << i;
    }
    // Page content is reported where it is.
    EXPECT_NE(sink.files["p2.html"].find("studies show"), std::string::npos)
        << sink.files["p2.html"];
    EXPECT_NE(sink.files["q-other.html"].find("cures anxiety"), std::string::npos);
    // Nav and footer claims on pages 1-5 (10), and the medical disclaimer
    // that only those claims asked for on each of them (5).
    EXPECT_EQ(sink.summary.repeated_chrome_findings, 15u);
    if (first.empty()) first = sink.files;
    EXPECT_EQ(sink.files, first) << "jobs " << jobs;
  }
  ScanOptions every_page;
  every_page.paths = {root.string()};
  every_page.site_chrome = false;
  Collect sink;
  Scan(every_page, CorePack(), {}, {&sink});
  for (int i = 0; i < 6; ++i) {
    EXPECT_NE(sink.files["p" + std::to_string(i) + ".html"].find("cures anxiety"),
              std::string::npos);
  }
  EXPECT_EQ(sink.summary.repeated_chrome_findings, 0u);
}

TEST(SiteChrome, SmallBatchesAndHalfTheSiteAreNotChrome) {
  fs::path root = TempDir();
  for (int i = 0; i < 3; ++i) Write(root / ("p" + std::to_string(i) + ".html"), Page(i));
  ScanOptions options;
  options.paths = {root.string()};
  Collect sink;
  Scan(options, CorePack(), {}, {&sink});  // 3 pages: under chrome_min_pages
  for (int i = 0; i < 3; ++i) {
    EXPECT_NE(sink.files["p" + std::to_string(i) + ".html"].find("cures anxiety"),
              std::string::npos);
  }
  for (int i = 0; i < 3; ++i) Write(root / ("z" + std::to_string(i) + ".md"), "Calm text.\n");
  Collect half;
  Scan(options, CorePack(), {}, {&half});  // 3 of 6 pages: not "most"
  EXPECT_EQ(half.summary.repeated_chrome_findings, 0u);
}

}  // namespace
}  // namespace claimlint::scan
