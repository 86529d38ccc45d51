#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <array>
#include <cstdlib>
#include <algorithm>
#include <memory>
#include <string>

#include "text/text.h"

namespace claimlint::text {

namespace {

// Abbreviations after which a full stop rarely ends a sentence. ICU's own
// filter list matches them as suffixes, so "ca." swallowed the end of
// "sciatica."; here the whole last word must match, which also makes the
// lower-case ones safe. Sorted for binary search.
constexpr auto kAbbreviations = std::to_array<std::string_view>({
    "Apr.",  "Aug.",  "B.Sc.", "Co.",   "Corp.", "D.C.",  "Dec.",  "Dept.", "Dr.",
    "Feb.",  "Fig.",  "Inc.",  "Jan.",  "Jr.",   "Jul.",  "Jun.",  "Ltd.",  "M.D.",
    "M.Sc.", "Mar.",  "Mr.",   "Mrs.",  "Ms.",   "Mt.",   "No.",   "Nos.",  "Nov.",
    "Oct.",  "Ph.D.", "Prof.", "Ref.",  "Sept.", "Sr.",   "St.",   "U.K.",  "U.S.",
    "Vol.",  "al.",   "approx.", "ca.", "cf.",   "e.g.",  "fig.",  "i.e.",  "incl.",
    "no.",   "p.",    "pp.",   "ref.",  "vol.",  "vs.",
});



// Break iterators are not thread-safe; each thread clones a prototype.
icu::BreakIterator& SentenceIterator() {
  static const std::unique_ptr<icu::BreakIterator> prototype = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> it(
        icu::BreakIterator::createSentenceInstance(icu::Locale::getEnglish(), status));
    if (U_FAILURE(status)) std::abort();  // ICU data missing: nothing can work
    return it;
  }();
  thread_local std::unique_ptr<icu::BreakIterator> iterator(prototype->clone());
  return *iterator;
}

icu::BreakIterator& WordIterator() {
  static const std::unique_ptr<icu::BreakIterator> prototype = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> it(
        icu::BreakIterator::createWordInstance(icu::Locale::getEnglish(), status));
    if (U_FAILURE(status)) std::abort();
    return it;
  }();
  thread_local std::unique_ptr<icu::BreakIterator> iterator(prototype->clone());
  return *iterator;
}


// [begin, end) of `text` without white space (any Unicode white space,
// scraped pages are full of no-break spaces) at either edge.
Span TrimSpaces(std::string_view text, uint32_t begin, uint32_t end) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  while (begin < end) {
    int32_t i = static_cast<int32_t>(begin);
    UChar32 c;
    U8_NEXT(bytes, i, static_cast<int32_t>(end), c);
    if (c < 0 || !u_isUWhiteSpace(c)) break;
    begin = static_cast<uint32_t>(i);
  }
  while (end > begin) {
    int32_t i = static_cast<int32_t>(end);
    UChar32 c;
    U8_PREV(bytes, static_cast<int32_t>(begin), i, c);
    if (c < 0 || !u_isUWhiteSpace(c)) break;
    end = static_cast<uint32_t>(i);
  }
  return {begin, end};
}

// Whether ICU's boundary at `end` follows an abbreviation ("Dr. Smith",
// "No. 5") on the same line, and so is no sentence end.
bool FollowsAbbreviation(std::string_view text, size_t end) {
  static const bool sorted = std::is_sorted(kAbbreviations.begin(), kAbbreviations.end());
  if (!sorted) std::abort();  // the table above must stay sorted
  size_t word_end = end;
  while (word_end > 0 && (text[word_end - 1] == ' ' || text[word_end - 1] == '\t')) --word_end;
  if (word_end == end && end < text.size()) return false;  // no space: a hard break
  if (word_end == 0 || text[word_end - 1] != '.') return false;
  size_t word_begin = text.find_last_of(" \t\r\n(", word_end - 1);
  word_begin = word_begin == std::string_view::npos ? 0 : word_begin + 1;
  std::string_view word = text.substr(word_begin, word_end - word_begin);
  return std::binary_search(kAbbreviations.begin(), kAbbreviations.end(), word);
}

// "1.", "12)", "a." alone: what ICU leaves of a numbered list item's start.
bool IsListMarker(std::string_view text) {
  if (text.size() < 2 || text.size() > 4) return false;
  char last = text.back();
  if (last != '.' && last != ')') return false;
  text.remove_suffix(1);
  if (text.size() == 1 && std::isalpha(static_cast<unsigned char>(text[0]))) return true;
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

// Turns into spaces the line breaks of `block` that continue a sentence or
// leave the choice to ICU, keeping the ones that end it. Same length, so
// offsets do not move.
std::string JoinContinuedLines(std::string_view block) {
  std::string joined(block);
  size_t line_begin = 0;
  while (line_begin < block.size()) {
    size_t line_end = FindLineBreak(block, line_begin);
    if (line_end == std::string_view::npos) break;
    size_t next_begin = line_end + 1;
    if (block[line_end] == '\r' && next_begin < block.size() && block[next_begin] == '\n') {
      ++next_begin;
    }
    std::string_view line = block.substr(line_begin, line_end - line_begin);
    size_t next_end = FindLineBreak(block, next_begin);
    std::string_view next = block.substr(
        next_begin, next_end == std::string_view::npos ? std::string_view::npos
                                                      : next_end - next_begin);
    if (input::ClassifyLineBreak(line, next) != input::LineBreak::kEnds) {
      for (size_t i = line_end; i < next_begin; ++i) joined[i] = ' ';
    }
    line_begin = next_begin;
  }
  return joined;
}

}  // namespace

std::vector<Sentence> SplitSentences(const input::Document& document,
                                     const Folded& folded, Span block) {
  std::vector<Sentence> sentences;
  std::string joined = JoinContinuedLines(Slice(document.prose, block));
  UErrorCode status = U_ZERO_ERROR;
  UText* text = utext_openUTF8(nullptr, joined.data(),
                               static_cast<int64_t>(joined.size()), &status);
  if (U_FAILURE(status)) return sentences;
  icu::BreakIterator& iterator = SentenceIterator();
  iterator.setText(text, status);
  auto push = [&](Span in_block) {
    Span prose{block.begin + in_block.begin, block.begin + in_block.end};
    sentences.push_back({prose, folded.to_prose.ToTarget(prose)});
  };
  Span marker;
  bool has_marker = false;
  int32_t begin = iterator.first();
  for (int32_t end = iterator.next(); end != icu::BreakIterator::DONE; end = iterator.next()) {
    if (FollowsAbbreviation(joined, static_cast<size_t>(end))) continue;
    Span trimmed = TrimSpaces(joined, static_cast<uint32_t>(begin),
                              static_cast<uint32_t>(end));
    begin = end;
    if (trimmed.empty()) continue;
    // ICU ends a sentence after "1." in "1. Releasing tension"; a list
    // marker belongs to the item that follows it on the same line.
    if (has_marker) {
      has_marker = false;
      std::string_view gap = std::string_view(joined).substr(marker.end, trimmed.begin - marker.end);
      if (FindLineBreak(gap) == std::string_view::npos) {
        trimmed.begin = marker.begin;
      } else {
        push(marker);
      }
    } else if (IsListMarker(Slice(joined, trimmed))) {
      has_marker = true;
      marker = trimmed;
      continue;
    }
    push(trimmed);
  }
  if (has_marker) push(marker);
  // Detach the iterator from the buffer before it goes away.
  utext_close(text);
  iterator.setText(icu::UnicodeString());
  return sentences;
}

std::vector<Token> Tokenize(const Folded& folded, Span span) {
  std::vector<Token> tokens;
  std::string_view slice = Slice(folded.text, span);
  UErrorCode status = U_ZERO_ERROR;
  UText* text = utext_openUTF8(nullptr, slice.data(),
                               static_cast<int64_t>(slice.size()), &status);
  if (U_FAILURE(status)) return tokens;
  icu::BreakIterator& iterator = WordIterator();
  iterator.setText(text, status);
  int32_t begin = iterator.first();
  for (int32_t end = iterator.next(); end != icu::BreakIterator::DONE;
       begin = end, end = iterator.next()) {
    int32_t status_tag = iterator.getRuleStatus();
    if (status_tag < UBRK_WORD_NONE_LIMIT) continue;  // spaces, punctuation
    Span token{span.begin + static_cast<uint32_t>(begin),
               span.begin + static_cast<uint32_t>(end)};
    tokens.push_back({token, status_tag < UBRK_WORD_NUMBER_LIMIT ? TokenKind::kNumber
                                                                 : TokenKind::kWord});
  }
  utext_close(text);
  iterator.setText(icu::UnicodeString());
  return tokens;
}

}  // namespace claimlint::text
