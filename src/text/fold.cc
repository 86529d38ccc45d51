#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>

#include "text/text.h"

namespace claimlint::text {

namespace {

const icu::Normalizer2& NfkcCasefold() {
  static const icu::Normalizer2* instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFKCCasefoldInstance(status);
    if (U_FAILURE(status)) std::abort();  // ICU data missing: nothing can work
    return n;
  }();
  return *instance;
}

// ASCII folding: capitals to lower case, white space to a space.
const std::array<char, 128>& AsciiFolded() {
  static const std::array<char, 128> table = [] {
    std::array<char, 128> t{};
    for (int c = 0; c < 128; ++c) {
      t[c] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
    }
    for (char c : {'\t', '\n', '\r', '\f', '\v'}) t[static_cast<unsigned char>(c)] = ' ';
    return t;
  }();
  return table;
}

bool IsAsciiSpace(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

bool IsSpace(UChar32 c) {
  if (c < 0x80) return IsAsciiSpace(static_cast<unsigned char>(c));
  return c == 0x85 || u_isUWhiteSpace(c);
}

// NFKC leaves typographic punctuation alone; the matching form wants one
// spelling of each, so that rules need not list them.
UChar32 UnifyPunctuation(UChar32 c) {
  switch (c) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B:
    case 0x2032: case 0x2035: case 0x02BC: case 0xFF07:
      return '\'';
    case 0x201C: case 0x201D: case 0x201E: case 0x201F:
    case 0x2033: case 0x2036: case 0x00AB: case 0x00BB:
      return '"';
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014:
    case 0x2015: case 0x2212: case 0xFE58: case 0xFE63:
      return '-';
    default:
      return c;
  }
}

UChar32 DecodeAt(std::string_view s, size_t& i) {
  UChar32 c;
  int32_t index = static_cast<int32_t>(i);
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), index,
          static_cast<int32_t>(s.size()), c);
  i = static_cast<size_t>(index);
  return c < 0 ? 0xFFFD : c;
}

// Folds the non-ASCII chunk `chunk` (one normalization segment).
std::string FoldChunk(std::string_view chunk) {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString normalized = NfkcCasefold().normalize(
      icu::UnicodeString::fromUTF8(icu::StringPiece(chunk.data(),
                                                    static_cast<int32_t>(chunk.size()))),
      status);
  if (U_FAILURE(status)) return std::string(chunk);
  std::string out;
  for (int32_t i = 0; i < normalized.length();) {
    UChar32 c = UnifyPunctuation(normalized.char32At(i));
    i += U16_LENGTH(normalized.char32At(i));
    if (c == 0x2026) {
      out += "...";
      continue;
    }
    char buffer[4];
    int32_t length = 0;
    U8_APPEND_UNSAFE(buffer, length, c);
    out.append(buffer, length);
  }
  return out;
}

}  // namespace

Folded Fold(std::string_view prose) {
  Folded folded;
  folded.text.reserve(prose.size());
  const icu::Normalizer2& normalizer = NfkcCasefold();
  size_t i = 0;
  while (i < prose.size()) {
    unsigned char byte = static_cast<unsigned char>(prose[i]);
    // Whitespace runs (any Unicode white space) become one space.
    if (IsAsciiSpace(byte) || byte >= 0x80) {
      size_t run_end = i;
      size_t probe = i;
      while (probe < prose.size()) {
        size_t next = probe;
        UChar32 c = DecodeAt(prose, next);
        if (!IsSpace(c)) break;
        probe = next;
        run_end = next;
      }
      if (run_end > i) {
        folded.text.push_back(' ');
        if (run_end - i == 1) {
          folded.to_prose.AddLinear(1);
        } else {
          folded.to_prose.AddAtomic(static_cast<uint32_t>(run_end - i), 1);
        }
        i = run_end;
        continue;
      }
    }
    if (byte < 0x80) {
      // A run of plain ASCII, lone spaces between words included: folded
      // in bulk, one linear piece. The last character stays out when a
      // combining mark follows it, since the two normalize together ("e" +
      // U+0301 -> "é").
      size_t end = i;
      while (end < prose.size()) {
        unsigned char c = static_cast<unsigned char>(prose[end]);
        if (c >= 0x80) break;
        if (IsAsciiSpace(c) && (end + 1 >= prose.size() ||
                                IsAsciiSpace(static_cast<unsigned char>(prose[end + 1])) ||
                                static_cast<unsigned char>(prose[end + 1]) >= 0x80)) {
          break;
        }
        ++end;
      }
      if (end < prose.size() && end > i && static_cast<unsigned char>(prose[end]) >= 0x80) {
        size_t probe = end;
        if (!normalizer.hasBoundaryBefore(DecodeAt(prose, probe))) --end;
      }
      if (end > i) {
        size_t out = folded.text.size();
        folded.text.resize(out + (end - i));
        for (size_t k = i; k < end; ++k) {
          folded.text[out++] = AsciiFolded()[static_cast<unsigned char>(prose[k])];
        }
        folded.to_prose.AddLinear(static_cast<uint32_t>(end - i));
        i = end;
        continue;
      }
    }
    // A normalization segment: this code point and every following one that
    // has no boundary before it.
    size_t end = i;
    DecodeAt(prose, end);
    while (end < prose.size()) {
      size_t probe = end;
      UChar32 c = DecodeAt(prose, probe);
      if (normalizer.hasBoundaryBefore(c) || IsSpace(c)) break;
      end = probe;
    }
    std::string_view chunk = prose.substr(i, end - i);
    size_t first_length = i;
    UChar32 first = DecodeAt(prose, first_length);
    first_length -= i;
    // One code point alone: typographic punctuation maps straight to
    // ASCII, and a character normalization leaves alone is copied. Only
    // the rest pays for ICU.
    if (first_length == chunk.size()) {
      UChar32 unified = UnifyPunctuation(first);
      if (unified != first || first == 0x2026) {
        folded.text += first == 0x2026 ? std::string("...") : std::string(1, static_cast<char>(unified));
        folded.to_prose.AddAtomic(static_cast<uint32_t>(chunk.size()),
                                  first == 0x2026 ? 3 : 1);
        i = end;
        continue;
      }
      if (normalizer.isInert(first)) {
        folded.text += chunk;
        folded.to_prose.AddLinear(static_cast<uint32_t>(chunk.size()));
        i = end;
        continue;
      }
    }
    std::string out = FoldChunk(chunk);
    folded.text += out;
    if (out == chunk) {
      folded.to_prose.AddLinear(static_cast<uint32_t>(chunk.size()));
    } else {
      folded.to_prose.AddAtomic(static_cast<uint32_t>(chunk.size()),
                                static_cast<uint32_t>(out.size()));
    }
    i = end;
  }
  return folded;
}

std::string FoldString(std::string_view text) {
  // Packs fold thousands of short ASCII entries at every start: the ASCII
  // branch of Fold without the offset map.
  if (std::all_of(text.begin(), text.end(),
                  [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    std::string folded;
    folded.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
      unsigned char c = static_cast<unsigned char>(text[i]);
      if (IsAsciiSpace(c) && !folded.empty() && folded.back() == ' ' &&
          IsAsciiSpace(static_cast<unsigned char>(text[i - 1]))) {
        continue;
      }
      folded.push_back(AsciiFolded()[c]);
    }
    return folded;
  }
  return Fold(text).text;
}

}  // namespace claimlint::text
