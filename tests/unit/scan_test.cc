// One file through the whole pipeline: bad input becomes a diagnostic (or a
// warning with the file still scanned), never a crash, and offsets stay
// exact through a BOM, CRLF line endings and invalid bytes.

#include "scan/scan.h"

#include <gtest/gtest.h>

namespace claimlint {
namespace {

const rules::CompiledPack& CorePack() {
  static auto pack =
      rules::Load({rules::EmbeddedLexicon(), *rules::EmbeddedPack("core.json")}).value();
  return *pack;
}

// Claim findings only: the core pack also asks for a medical disclaimer.
report::FileResult Scan(const std::string& bytes) {
  report::FileResult result =
      scan::ScanSource({"f.txt", bytes}, input::Format::kText, CorePack());
  std::erase_if(result.findings,
                [](const analyze::Finding& f) { return f.kind != "claim"; });
  return result;
}

TEST(ScanSource, EmptyFileHasNoFindingsAndNoErrors) {
  report::FileResult result = Scan("");
  EXPECT_TRUE(result.findings.empty());
  EXPECT_TRUE(result.diagnostics.empty());
  EXPECT_FALSE(result.unreadable);
}

TEST(ScanSource, BinaryFileIsSkippedWithAnError) {
  report::FileResult result = Scan(std::string("PK\x03\x04\0\0cures cancer", 17));
  EXPECT_TRUE(result.unreadable);
  ASSERT_EQ(result.diagnostics.size(), 1u);
  EXPECT_EQ(result.diagnostics[0].code, "CL101");
  EXPECT_NE(result.diagnostics[0].message.find("offset 4"), std::string::npos);
  EXPECT_TRUE(result.findings.empty());
}

TEST(ScanSource, InvalidUtf8WarnsWithOffsetAndStillScans) {
  std::string bytes = "Line one\nBad \xFF\xFE byte. It cures cancer.";
  report::FileResult result = Scan(bytes);
  EXPECT_FALSE(result.unreadable);
  ASSERT_EQ(result.diagnostics.size(), 1u);
  const Diagnostic& warning = result.diagnostics[0];
  EXPECT_FALSE(warning.is_error);
  EXPECT_EQ(warning.code, "CL102");
  EXPECT_EQ(warning.location, "f.txt:2:5");
  EXPECT_NE(warning.message.find("byte offset 13"), std::string::npos);
  ASSERT_EQ(result.findings.size(), 1u);
  EXPECT_EQ(result.findings[0].text, "cures cancer");
  EXPECT_EQ(bytes.substr(result.findings[0].source.begin, 12), "cures cancer");
}

TEST(ScanSource, OffsetsSurviveBomAndCrlf) {
  std::string bytes = "\xEF\xBB\xBFTitle\r\n\r\nIt cures cancer.\r\n";
  report::FileResult result = Scan(bytes);
  ASSERT_EQ(result.findings.size(), 1u);
  const analyze::Finding& f = result.findings[0];
  EXPECT_EQ(f.source.begin, 15u);
  EXPECT_EQ(bytes.substr(f.source.begin, f.source.size()), "cures cancer");
  EXPECT_EQ(f.start.line, 3u);
  EXPECT_EQ(f.start.column, 4u);
}

TEST(ScanSource, SameFindingsForLfCrlfAndCr) {
  std::string lf = "Heading\nIt cures cancer.\nA 100% safe oil.\n";
  auto texts = [](const report::FileResult& r) {
    std::vector<std::string> out;
    for (const auto& f : r.findings) out.push_back(f.rule->id + ":" + f.text);
    return out;
  };
  std::string crlf, cr;
  for (char c : lf) {
    crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
    cr += c == '\n' ? '\r' : c;
  }
  EXPECT_EQ(texts(Scan(lf)).size(), 2u);
  EXPECT_EQ(texts(Scan(lf)), texts(Scan(crlf)));
  EXPECT_EQ(texts(Scan(lf)), texts(Scan(cr)));
}

TEST(ScanSource, NfdTextFindsWhatNfcFinds) {
  // "Caf\u00e9 cures cancer" and the same with e + U+0301.
  report::FileResult nfc = Scan("Caf\xC3\xA9 oil cures cancer.");
  report::FileResult nfd = Scan("Cafe\xCC\x81 oil cures cancer.");
  ASSERT_EQ(nfc.findings.size(), 1u);
  ASSERT_EQ(nfd.findings.size(), 1u);
  EXPECT_EQ(nfd.findings[0].source.begin, nfc.findings[0].source.begin + 1);
}

}  // namespace
}  // namespace claimlint
