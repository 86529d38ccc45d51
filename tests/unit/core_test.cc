// Core vocabulary: the offset map that carries spans back to source bytes,
// and line/column lookup over LF, CRLF and CR text.

#include "core/core.h"

#include <gtest/gtest.h>

namespace claimlint {
namespace {

TEST(OffsetMap, LinearPiecesMapOneForOne) {
  OffsetMap map;
  map.AddLinear(5);
  map.AddLinear(7);
  EXPECT_EQ(map.ToOrigin({2, 9}), (Span{2, 9}));
  EXPECT_EQ(map.ToTarget({0, 12}), (Span{0, 12}));
}

TEST(OffsetMap, AtomicPieceSnapsOutward) {
  // origin: "ab&amp;cd" (9 bytes) -> target "ab&cd" (5 bytes)
  OffsetMap map;
  map.AddLinear(2);
  map.AddAtomic(5, 1);
  map.AddLinear(2);
  EXPECT_EQ(map.ToOrigin({2, 3}), (Span{2, 7}));   // "&" -> "&amp;"
  EXPECT_EQ(map.ToOrigin({1, 4}), (Span{1, 8}));   // "b&c" -> "b&amp;c"
  EXPECT_EQ(map.ToOrigin({3, 5}), (Span{7, 9}));   // "cd"
  EXPECT_EQ(map.ToTarget({2, 7}), (Span{2, 3}));
  EXPECT_EQ(map.ToTarget({3, 4}), (Span{2, 3}));   // inside the entity
}

TEST(OffsetMap, SkippedRunsStayOutsideSpanEdges) {
  // origin "<b>cure</b> x" -> target "cure x"
  OffsetMap map;
  map.Skip(3);
  map.AddLinear(4);
  map.Skip(4);
  map.AddLinear(2);
  EXPECT_EQ(map.ToOrigin({0, 4}), (Span{3, 7}));    // "cure", tags left out
  EXPECT_EQ(map.ToOrigin({0, 6}), (Span{3, 13}));   // inner tag kept as written
  EXPECT_EQ(map.ToOrigin({4, 6}), (Span{11, 13}));
  EXPECT_EQ(map.target_size(), 6u);
  EXPECT_EQ(map.origin_size(), 13u);
}

TEST(OffsetMap, ComposeChainsTwoMaps) {
  OffsetMap inner;  // origin "\xEF\xBB\xBFAB" -> "AB"
  inner.Skip(3);
  inner.AddLinear(2);
  OffsetMap outer;  // "AB" -> "ab"
  outer.AddLinear(2);
  EXPECT_EQ(OffsetMap::Compose(outer, inner, {1, 2}), (Span{4, 5}));
}

TEST(OffsetMap, EmptySpanMapsToAPoint) {
  OffsetMap map;
  map.AddLinear(3);
  EXPECT_EQ(map.ToOrigin({3, 3}), (Span{3, 3}));
  EXPECT_EQ(map.ToOrigin({0, 0}), (Span{0, 0}));
}

TEST(LineIndex, RecognisesEveryLineEnding) {
  std::string_view text = "a\nb\r\nc\rd";
  LineIndex index(text);
  EXPECT_EQ(index.At(0).line, 1u);
  EXPECT_EQ(index.At(2).line, 2u);
  EXPECT_EQ(index.At(5).line, 3u);
  EXPECT_EQ(index.At(7).line, 4u);
  EXPECT_EQ(index.At(7).column, 1u);
  EXPECT_EQ(index.LineAt(2), (Span{2, 3}));
}

TEST(LineIndex, ColumnsCountCodePointsAndUtf16Units) {
  std::string_view text = "\xC3\xA9\xF0\x9F\x98\x80x";  // é😀x
  LineIndex index(text);
  Position at = index.At(6);  // before x
  EXPECT_EQ(at.column, 3u);
  EXPECT_EQ(at.utf16_column, 4u);  // the emoji is a surrogate pair
}

TEST(Severity, ParsesAndNames) {
  EXPECT_EQ(ParseSeverity("warning"), Severity::kWarning);
  EXPECT_FALSE(ParseSeverity("fatal").has_value());
  EXPECT_EQ(SeverityName(Severity::kError), "error");
}

}  // namespace
}  // namespace claimlint
