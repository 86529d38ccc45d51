// Matching: the Set prefilter proposes, the confirm finds exact spans, and
// every finding maps back to the exact source bytes, through case, quote
// and whitespace folding and multibyte text.

#include "match/match.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "scan/scan.h"
#include "test_files.h"

namespace claimlint {
namespace {

std::shared_ptr<const rules::CompiledPack> TestPack() {
  std::string pack = R"({"pack": {"id": "t", "version": "1"}, "rules": [
    {"id": "t.proven", "category": "establishment", "severity": "error", "message": "m",
     "rationale": "r", "suggestion": "s",
     "patterns": [{"phrase": "clinically proven"}, {"phrase": "proven"}],
     "unless": [{"phrase": "proven track record"}],
     "examples": {"flag": ["[[clinically proven]]", "It is [[clinically proven]]."], "pass": ["x", "y"]}},
    {"id": "t.cure", "category": "disease", "severity": "warning", "message": "m",
     "rationale": "r", "suggestion": "s",
     "patterns": [{"regex": "\\bcures? (?:your )?sciatica\\b"}, {"phrase": "doesn’t hurt"}],
     "examples": {"flag": ["[[cures sciatica]]", "It [[cures sciatica]]."], "pass": ["x", "y"]}}
  ]})";
  auto loaded = rules::Load({{"test.json", pack}});
  EXPECT_TRUE(loaded.ok());
  return loaded.value();
}

std::vector<std::string> FoundTexts(const report::FileResult& result) {
  std::vector<std::string> texts;
  for (const analyze::Finding& f : result.findings) texts.push_back(f.rule->id + "=" + f.text);
  return texts;
}

TEST(Match, SpansAreExactSourceBytesThroughFolding) {
  auto pack = TestPack();
  input::Source source{"a.txt",
                       "Caf\xC3\xA9 \xF0\x9F\x98\x80 CLINICALLY\n   proven!\n"
                       "It Cures  Your Sciatica and doesn\xE2\x80\x99t hurt."};
  report::FileResult result = scan::ScanSource(source, input::Format::kText, *pack);
  ASSERT_EQ(result.findings.size(), 3u);
  for (const analyze::Finding& f : result.findings) {
    EXPECT_EQ(source.bytes.substr(f.source.begin, f.source.size()), f.text);
  }
  EXPECT_EQ(FoundTexts(result),
            (std::vector<std::string>{"t.proven=CLINICALLY\n   proven",
                                      "t.cure=Cures  Your Sciatica",
                                      "t.cure=doesn\xE2\x80\x99t hurt"}));
  const analyze::Finding& first = result.findings[0];
  EXPECT_EQ(first.start.line, 1u);
  EXPECT_EQ(first.start.column, 8u);  // code points: "Café 😀 " is 7
  EXPECT_EQ(first.end.line, 2u);
  EXPECT_EQ(first.end.column, 10u);
  EXPECT_EQ(first.source.begin, 11u);
}

TEST(Match, OverlappingPatternsOfOneRuleGiveOneFinding) {
  auto pack = TestPack();
  input::Source source{"a.txt", "It is clinically proven."};
  report::FileResult result = scan::ScanSource(source, input::Format::kText, *pack);
  EXPECT_EQ(FoundTexts(result), (std::vector<std::string>{"t.proven=clinically proven"}));
}

TEST(Match, AntipatternOverlappingTheHitSparesIt) {
  auto pack = TestPack();
  input::Source source{"a.txt", "We have a proven track record. It is proven."};
  report::FileResult result = scan::ScanSource(source, input::Format::kText, *pack);
  ASSERT_EQ(result.findings.size(), 1u);
  EXPECT_EQ(result.findings[0].source.begin, 37u);
}

TEST(Match, MatchesNeverCrossSentences) {
  auto pack = TestPack();
  input::Source source{"a.txt", "It cures.\nSciatica is common.\nIt cures\nSciatica"};
  report::FileResult result = scan::ScanSource(source, input::Format::kText, *pack);
  EXPECT_TRUE(result.findings.empty()) << FoundTexts(result)[0];
}

TEST(Match, PrefilterOnAndOffFindTheSame) {
  auto pack = TestPack();
  input::Source source{"a.txt",
                       "Proven. Clinically proven! cures sciatica.\n\nA proven track record.\n"
                       "Nothing here. It cures your sciatica, doesn't hurt."};
  match::MatchOptions off;
  off.use_prefilter = false;
  report::FileResult with = scan::ScanSource(source, input::Format::kText, *pack);
  report::FileResult without = scan::ScanSource(source, input::Format::kText, *pack, off);
  EXPECT_EQ(FoundTexts(with), FoundTexts(without));
  EXPECT_EQ(with.findings.size(), 5u);
}

// The built-in packs' prefilter compiles within its memory budget, and over
// every corpus article it proposes every candidate the full scan confirms.
TEST(Match, EmbeddedPacksPrefilterAgreesWithFullScanOnTheCorpus) {
  auto sources = rules::ProfileSources({"us", "uk", "au"});
  ASSERT_TRUE(sources.ok());
  auto pack = rules::Load(sources.value());
  ASSERT_TRUE(pack.ok()) << pack.errors()[0].ToString();
  EXPECT_TRUE(pack.value()->prefilter().set_ok());
  match::MatchOptions off;
  off.use_prefilter = false;
  int articles = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(
           std::filesystem::path(CLAIMLINT_SOURCE_DIR) / "corpus")) {
    if (!input::IsScannableExtension(entry.path().string())) continue;
    std::ifstream file(entry.path(), std::ios::binary);
    std::stringstream text;
    text << file.rdbuf();
    input::Source source{entry.path().string(), text.str()};
    input::Format format = input::FormatForPath(source.path);
    report::FileResult with = scan::ScanSource(source, format, *pack.value());
    report::FileResult without = scan::ScanSource(source, format, *pack.value(), off);
    ASSERT_EQ(with.findings.size(), without.findings.size()) << source.path;
    for (size_t i = 0; i < with.findings.size(); ++i) {
      EXPECT_EQ(with.findings[i].rule->id, without.findings[i].rule->id) << source.path;
      EXPECT_EQ(with.findings[i].source, without.findings[i].source) << source.path;
    }
    ++articles;
  }
  EXPECT_GT(articles, 0);
}

// All a finding says, on one line.
std::string Described(const analyze::Finding& f) {
  std::string line = f.rule->id + " " + f.kind + " " + std::to_string(f.source.begin) + "-" +
                     std::to_string(f.source.end) + " " +
                     std::string(SeverityName(f.severity)) + " fix=" + f.fix + " |";
  for (const std::string& reason : f.reasons) line += " " + reason + ";";
  for (const analyze::Trigger& trigger : f.triggers) line += " " + trigger.rule + ";";
  return line;
}

std::vector<std::string> Described(const std::vector<analyze::Finding>& findings) {
  std::vector<std::string> lines;
  for (const analyze::Finding& f : findings) lines.push_back(Described(f));
  return lines;
}

// A run of few documents compiles per document: near patterns cut to each
// document's words, cue lists to its literals, disclaimer parts looked up
// by their literals. It finds and decides what the whole patterns do, over
// every corpus article and every built-in pack: the same findings, spared
// claims, severities, reasons and fixes.
TEST(Match, PerDocumentRunsFindTheSameOnTheCorpus) {
  auto sources = rules::ProfileSources({"us", "uk", "au"});
  ASSERT_TRUE(sources.ok());
  auto pack = rules::Load(sources.value());
  ASSERT_TRUE(pack.ok()) << pack.errors()[0].ToString();
  match::MatchOptions per_document;
  per_document.per_document_near = true;
  match::MatchOptions per_document_unfiltered = per_document;
  per_document_unfiltered.use_prefilter = false;
  int findings = 0, spared = 0, missing_disclaimers = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(
           std::filesystem::path(CLAIMLINT_SOURCE_DIR) / "corpus")) {
    if (!input::IsScannableExtension(entry.path().string())) continue;
    input::Source source{entry.path().string(), testing_files::ReadFile(entry.path())};
    input::Format format = input::FormatForPath(source.path);
    report::FileResult whole = scan::ScanSource(source, format, *pack.value());
    for (const match::MatchOptions& options : {per_document, per_document_unfiltered}) {
      report::FileResult cut = scan::ScanSource(source, format, *pack.value(), options);
      EXPECT_EQ(Described(whole.findings), Described(cut.findings)) << source.path;
      EXPECT_EQ(Described(whole.spared), Described(cut.spared)) << source.path;
    }
    findings += static_cast<int>(whole.findings.size());
    spared += static_cast<int>(whole.spared.size());
    missing_disclaimers += static_cast<int>(
        std::count_if(whole.findings.begin(), whole.findings.end(),
                      [](const analyze::Finding& f) { return f.kind == "missing-disclaimer"; }));
  }
  EXPECT_GT(findings, 100);
  EXPECT_GT(spared, 10);
  EXPECT_GT(missing_disclaimers, 10);
}

// MatchLeftmost finds what RE2's unanchored search finds, from every start
// position: alternatives that prefer a shorter match, matches that start
// inside a longer candidate, empty matches, word boundaries that depend on
// the byte before the start, case folding and multibyte text.
TEST(Match, MatchLeftmostFindsWhatTheUnanchoredSearchFinds) {
  RE2::Options folding;
  folding.set_case_sensitive(false);
  const std::vector<std::pair<std::string, RE2::Options>> patterns = {
      {R"(\bcur(?:e|es|ed)\b)", {}},
      {R"(a|ab|abc)", {}},
      {R"(ab|abc|b)", {}},
      {R"(x*)", {}},
      {R"(\b\d+(?:\.\d+)? ?(?:kg|lbs?)\b)", {}},
      {R"(lose[^.]{0,12}?weight)", {}},
      {R"((?:in|within) \d+ days?)", folding},
      {"caf\u00e9|\u00e9t\u00e9", {}},
      {R"(\bno\b(?:\W+\w+){0,2}?\W+side effects?)", {}},
  };
  const std::vector<std::string> texts = {
      "",
      "it cures sciatica, cured it and cure-all cures",
      "abcab abc xab",
      "lost 5 kg, 10.5 lbs and 3kg; 7 lb",
      "lose weight, lose some weight fast. lose the weight",
      "Results In 3 days or within 10 Days",
      "caf\u00e9 \u00e9t\u00e9 \U0001F600 caf\u00e9",
      "no harmful side effects, no side effect, not no side",
  };
  int hits = 0;
  for (const auto& [source, options] : patterns) {
    RE2 re(source, options);
    ASSERT_TRUE(re.ok()) << source;
    for (const std::string& text : texts) {
      for (size_t position = 0; position <= text.size(); ++position) {
        re2::StringPiece want, got;
        bool wanted = re.Match(text, position, text.size(), RE2::UNANCHORED, &want, 1);
        bool found = match::MatchLeftmost(re, text, position, &got);
        ASSERT_EQ(wanted, found) << source << " in \"" << text << "\" from " << position;
        if (!wanted) continue;
        EXPECT_EQ(want.data() - text.data(), got.data() - text.data())
            << source << " in \"" << text << "\" from " << position;
        EXPECT_EQ(want.size(), got.size()) << source << " in \"" << text << "\" from " << position;
        ++hits;
      }
    }
  }
  EXPECT_GT(hits, 500);
}

TEST(Match, FindingCarriesSentenceAndStableFingerprint) {
  auto pack = TestPack();
  input::Source a{"a.txt", "Intro line\nIt cures sciatica. It cures sciatica."};
  input::Source b{"b.txt", "New intro\n\nmore text\nIt cures sciatica. It cures sciatica."};
  report::FileResult ra = scan::ScanSource(a, input::Format::kText, *pack);
  report::FileResult rb = scan::ScanSource(b, input::Format::kText, *pack);
  ASSERT_EQ(ra.findings.size(), 2u);
  ASSERT_EQ(rb.findings.size(), 2u);
  EXPECT_EQ(ra.findings[0].sentence, "It cures sciatica.");
  // Lines moved, fingerprints did not; the second occurrence differs.
  EXPECT_EQ(ra.findings[0].fingerprint, rb.findings[0].fingerprint);
  EXPECT_EQ(ra.findings[1].fingerprint, rb.findings[1].fingerprint);
  EXPECT_NE(ra.findings[0].fingerprint, ra.findings[1].fingerprint);
}

}  // namespace
}  // namespace claimlint
