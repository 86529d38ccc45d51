#include "input/prose.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <cstring>

namespace claimlint::input {

namespace {

// Names and values inline rather than pointers: a table of 2,231 pointer
// pairs is 36 KB the loader relocates at every start, for pages only a
// page with entities reads.
struct Entity {
  char name[33];  // the longest, "CounterClockwiseContourIntegral;", is 32 bytes
  char value[7];  // UTF-8, at most 6 bytes
};

constexpr Entity kEntities[] = {
#include "input/entities.inc"
};

constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";

bool IsAsciiAlnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool IsAsciiPunctuation(char c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
         (c >= '{' && c <= '~');
}

std::string Utf8(UChar32 c) {
  char buffer[4];
  int32_t length = 0;
  U8_APPEND_UNSAFE(buffer, length, c);
  return std::string(buffer, static_cast<size_t>(length));
}

// What HTML makes of &#128; to &#159;: the windows-1252 characters.
UChar32 Windows1252(UChar32 c) {
  static constexpr UChar32 kC1[32] = {
      0x20AC, 0x81,   0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
      0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,   0x017D, 0x8F,
      0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
      0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,   0x017E, 0x0178};
  return c >= 0x80 && c <= 0x9F ? kC1[c - 0x80] : c;
}

// Appends ops, merging copies of adjacent bytes.
void PushCopy(std::vector<ProseOp>& ops, uint32_t begin, uint32_t length) {
  if (length == 0) return;
  if (!ops.empty() && ops.back().kind == ProseOp::kCopy &&
      ops.back().text_begin + ops.back().text_length == begin) {
    ops.back().text_length += length;
    return;
  }
  ops.push_back({ProseOp::kCopy, begin, length, {}});
}

// Where a tag or comment that starts at raw[i] == '<' ends, or npos.
size_t SkipMarkup(std::string_view raw, size_t i) {
  if (raw.substr(i, 4) == "<!--") {
    size_t end = raw.find("-->", i + 4);
    return end == std::string_view::npos ? end : end + 3;
  }
  // As HTML reads a tag: a quote opens a value only after '='; elsewhere
  // (`<p class'="x">`, `</a b">`) it is part of a name.
  char quote = 0;
  bool after_equals = false;
  size_t j = i + 1;
  if (j < raw.size() && raw[j] == '/') ++j;
  // The name runs to white space, '/' or '>' ('=' and quotes included).
  while (j < raw.size() && raw[j] != '>' && raw[j] != '/' && raw[j] != ' ' && raw[j] != '\t' &&
         raw[j] != '\n' && raw[j] != '\r' && raw[j] != '\f') {
    ++j;
  }
  for (; j < raw.size(); ++j) {
    char c = raw[j];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '>') {
      return j + 1;
    } else if ((c == '"' || c == '\'') && after_equals) {
      quote = c;
      after_equals = false;
    } else if (c == '=') {
      after_equals = true;
    } else if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
      after_equals = false;
    }
  }
  return std::string_view::npos;
}

}  // namespace

void ProseBuilder::AddPiece(Piece piece) {
  if (piece.text_begin < cursor_) {
    // Clip what was already used; an atomic piece keeps its output.
    uint32_t overlap = std::min(cursor_ - piece.text_begin, piece.text_length);
    piece.text_begin += overlap;
    piece.text_length -= overlap;
    if (piece.linear) {
      piece.prose_length -= overlap;
      if (piece.text_length == 0) return;
    }
  }
  cursor_ = piece.text_begin + piece.text_length;
  if (piece.linear && !pieces_.empty() && pieces_.back().linear &&
      pieces_.back().text_begin + pieces_.back().text_length == piece.text_begin) {
    pieces_.back().text_length += piece.text_length;
    pieces_.back().prose_length += piece.prose_length;
    return;
  }
  pieces_.push_back(piece);
}

void ProseBuilder::Copy(uint32_t begin, uint32_t length) {
  if (length == 0) return;
  begin = std::min<uint32_t>(begin, static_cast<uint32_t>(text_.size()));
  length = std::min<uint32_t>(length, static_cast<uint32_t>(text_.size()) - begin);
  if (begin < cursor_) {
    uint32_t overlap = std::min(cursor_ - begin, length);
    begin += overlap;
    length -= overlap;
    if (length == 0) return;
  }
  prose_.append(text_.substr(begin, length));
  AddPiece({begin, length, length, true});
}

void ProseBuilder::Replace(uint32_t begin, uint32_t length, std::string_view out) {
  begin = std::max(begin, cursor_);
  begin = std::min<uint32_t>(begin, static_cast<uint32_t>(text_.size()));
  length = std::min<uint32_t>(length, static_cast<uint32_t>(text_.size()) - begin);
  if (length == 0 && out.empty()) return;
  prose_.append(out);
  AddPiece({begin, length, static_cast<uint32_t>(out.size()), false});
}

void ProseBuilder::Insert(std::string_view out) {
  if (out.empty()) return;
  prose_.append(out);
  pieces_.push_back({cursor_, 0, static_cast<uint32_t>(out.size()), false});
}

void ProseBuilder::Apply(const ProseOp& op) {
  switch (op.kind) {
    case ProseOp::kCopy: Copy(op.text_begin, op.text_length); break;
    case ProseOp::kReplace: Replace(op.text_begin, op.text_length, op.out); break;
    case ProseOp::kInsert: Insert(op.out); break;
  }
}

void ProseBuilder::Finish(const Decoded& decoded, Document& document) {
  OffsetMap& map = document.to_source;
  map = OffsetMap();
  uint32_t source_size = 0;
  for (const DecodePiece& piece : decoded.pieces) source_size += piece.source_length;
  uint32_t source_cursor = 0;
  auto skip_to = [&](uint32_t source_offset) {
    if (source_offset > source_cursor) {
      map.Skip(source_offset - source_cursor);
      source_cursor = source_offset;
    }
  };

  if (decoded.identity()) {
    for (const Piece& piece : pieces_) {
      if (piece.text_length == 0) {
        map.AddAtomic(0, piece.prose_length);
        continue;
      }
      skip_to(piece.text_begin);
      if (piece.linear) {
        map.AddLinear(piece.text_length);
      } else {
        map.AddAtomic(piece.text_length, piece.prose_length);
      }
      source_cursor = piece.text_begin + piece.text_length;
    }
  } else {
    // Prefix sums of the decoding, to find the piece holding a text offset.
    const std::vector<DecodePiece>& dp = decoded.pieces;
    std::vector<uint32_t> text_begin(dp.size()), source_begin(dp.size());
    uint32_t t = 0, s = 0;
    for (size_t j = 0; j < dp.size(); ++j) {
      text_begin[j] = t;
      source_begin[j] = s;
      t += dp[j].text_length;
      s += dp[j].source_length;
    }
    // The decoding piece whose text holds byte `offset` (offset < text size).
    auto holding = [&](uint32_t offset) {
      size_t j = static_cast<size_t>(
          std::upper_bound(text_begin.begin(), text_begin.end(), offset) - text_begin.begin());
      while (j > 0 && dp[j - 1].text_length == 0) --j;  // a dropped BOM holds nothing
      return j == 0 ? size_t{0} : j - 1;
    };
    auto source_begin_of = [&](uint32_t offset) -> uint32_t {
      if (offset >= t) return source_size;
      size_t j = holding(offset);
      return dp[j].linear ? source_begin[j] + (offset - text_begin[j]) : source_begin[j];
    };
    auto source_end_of = [&](uint32_t offset) -> uint32_t {
      if (offset == 0) return source_begin_of(0);
      size_t j = holding(offset - 1);
      return dp[j].linear ? source_begin[j] + (offset - text_begin[j])
                          : source_begin[j] + dp[j].source_length;
    };
    for (const Piece& piece : pieces_) {
      if (piece.text_length == 0) {
        map.AddAtomic(0, piece.prose_length);
        continue;
      }
      uint32_t a = piece.text_begin, b = piece.text_begin + piece.text_length;
      if (!piece.linear) {
        uint32_t s0 = std::max(source_begin_of(a), source_cursor);
        uint32_t s1 = std::max(source_end_of(b), s0);
        skip_to(s0);
        map.AddAtomic(s1 - s0, piece.prose_length);
        source_cursor = s1;
        continue;
      }
      // A linear run keeps the decoding's own pieces: linear where the
      // bytes were copied, one atomic piece per converted character.
      for (size_t j = holding(a); j < dp.size() && text_begin[j] < b; ++j) {
        if (dp[j].text_length == 0) continue;
        uint32_t x = std::max(a, text_begin[j]);
        uint32_t y = std::min(b, text_begin[j] + dp[j].text_length);
        if (x >= y) continue;
        if (dp[j].linear) {
          skip_to(source_begin[j] + (x - text_begin[j]));
          map.AddLinear(y - x);
          source_cursor += y - x;
        } else {
          uint32_t s0 = x == text_begin[j] ? source_begin[j]
                                           : source_begin[j] + dp[j].source_length;
          s0 = std::max(s0, source_cursor);
          uint32_t s1 = std::max(source_begin[j] + dp[j].source_length, s0);
          skip_to(s0);
          map.AddAtomic(s1 - s0, y - x);
          source_cursor = s1;
        }
      }
    }
  }
  skip_to(source_size);
  document.prose = std::move(prose_);
  pieces_.clear();
}

std::string_view LookupEntity(std::string_view name) {
  const Entity* begin = std::begin(kEntities);
  const Entity* end = std::end(kEntities);
  const Entity* it = std::lower_bound(begin, end, name, [](const Entity& e, std::string_view n) {
    return std::string_view(e.name) < n;
  });
  if (it == end || std::string_view(it->name) != name) return {};
  return it->value;
}

std::vector<CharRefCandidate> CharRefCandidates(std::string_view raw, bool allow_legacy) {
  std::vector<CharRefCandidate> candidates;
  if (raw.size() < 2 || raw[0] != '&') return candidates;
  if (raw[1] == '#') {
    size_t i = 2;
    bool hex = i < raw.size() && (raw[i] == 'x' || raw[i] == 'X');
    if (hex) ++i;
    size_t digits_begin = i;
    uint64_t value = 0;
    while (i < raw.size() && (hex ? std::isxdigit(static_cast<unsigned char>(raw[i]))
                                  : std::isdigit(static_cast<unsigned char>(raw[i])))) {
      unsigned char c = static_cast<unsigned char>(raw[i]);
      int digit = std::isdigit(c) ? c - '0' : std::tolower(c) - 'a' + 10;
      value = std::min<uint64_t>(value * (hex ? 16 : 10) + digit, 0x110000);
      ++i;
    }
    if (i == digits_begin) return candidates;
    bool semicolon = i < raw.size() && raw[i] == ';';
    if (!semicolon && !allow_legacy) return candidates;
    uint32_t length = static_cast<uint32_t>(i + (semicolon ? 1 : 0));
    UChar32 c = static_cast<UChar32>(value);
    if (c == 0 || c > 0x10FFFF || U_IS_SURROGATE(c)) c = 0xFFFD;
    if (allow_legacy && Windows1252(c) != c) candidates.push_back({length, Utf8(Windows1252(c))});
    candidates.push_back({length, Utf8(c)});
    return candidates;
  }
  size_t i = 1;
  while (i < raw.size() && i <= 40 && IsAsciiAlnum(raw[i])) ++i;
  if (i == 1) return candidates;
  std::string_view name = raw.substr(1, i - 1);
  if (i < raw.size() && raw[i] == ';') {
    std::string with_semicolon(name);
    with_semicolon += ';';
    std::string_view value = LookupEntity(with_semicolon);
    if (!value.empty()) candidates.push_back({static_cast<uint32_t>(i + 1), std::string(value)});
  }
  if (allow_legacy) {
    for (size_t length = name.size(); length >= 2; --length) {
      std::string_view value = LookupEntity(name.substr(0, length));
      if (!value.empty()) {
        candidates.push_back({static_cast<uint32_t>(length + 1), std::string(value)});
      }
    }
  }
  return candidates;
}

bool AlignRun(std::string_view raw, uint32_t raw_begin, std::string_view decoded,
              const AlignOptions& options, std::vector<ProseOp>* ops, uint32_t* raw_used) {
  // Most runs are their own bytes: one copy, nothing to read. Not when the
  // bytes hold something that could be read otherwise ("x &amp;" starts
  // with "x &").
  std::string_view prefix = raw.substr(0, decoded.size());
  if (prefix == decoded && prefix.find_first_of("&\\") == std::string_view::npos) {
    PushCopy(*ops, raw_begin, static_cast<uint32_t>(decoded.size()));
    *raw_used = static_cast<uint32_t>(decoded.size());
    return true;
  }
  std::vector<ProseOp> local;
  size_t i = 0, k = 0;
  auto replace = [&](size_t length, std::string_view out) {
    local.push_back({ProseOp::kReplace, raw_begin + static_cast<uint32_t>(i),
                     static_cast<uint32_t>(length), std::string(out)});
    i += length;
    k += out.size();
  };
  while (k < decoded.size()) {
    if (i >= raw.size()) return false;
    const char c = raw[i];
    if (c == '&') {
      bool taken = false;
      for (const CharRefCandidate& candidate : CharRefCandidates(raw.substr(i), options.html)) {
        if (!decoded.substr(k).starts_with(candidate.value)) continue;
        // A reference HTML may leave undecoded ("&ampx" in an attribute) is
        // taken as written when the text says so.
        bool legacy = raw[i + 1] != '#' && raw[i + candidate.raw_length - 1] != ';';
        if (legacy) {
          size_t name_end = i + 1;
          while (name_end < raw.size() && IsAsciiAlnum(raw[name_end])) ++name_end;
          if (decoded.substr(k).starts_with(raw.substr(i, name_end - i))) break;
        }
        replace(candidate.raw_length, candidate.value);
        taken = true;
        break;
      }
      if (taken) continue;
    }
    if (options.markdown && c == '\\' && i + 1 < raw.size() && IsAsciiPunctuation(raw[i + 1]) &&
        decoded[k] == raw[i + 1]) {
      replace(2, decoded.substr(k, 1));
      continue;
    }
    if (options.html && c == '\r' && decoded[k] == '\n') {
      size_t length = i + 1 < raw.size() && raw[i + 1] == '\n' ? 2 : 1;
      PushCopy(local, raw_begin + static_cast<uint32_t>(i), static_cast<uint32_t>(length));
      i += length;
      k += 1;
      continue;
    }
    if (options.html && c == '<' && i + 1 < raw.size() &&
        (std::isalpha(static_cast<unsigned char>(raw[i + 1])) || raw[i + 1] == '/' ||
         raw[i + 1] == '!' || raw[i + 1] == '?')) {
      // A tag inside a text run is text where the parser read it as text
      // (in <title>): then the text goes on with its name. Else it is
      // markup the parser dropped (a stray end tag).
      size_t name_end = i + 1;
      if (name_end < raw.size() && (raw[name_end] == '/' || raw[name_end] == '!')) ++name_end;
      while (name_end < raw.size() && IsAsciiAlnum(raw[name_end])) ++name_end;
      size_t end = SkipMarkup(raw, i);
      if (end != std::string_view::npos &&
          !decoded.substr(k).starts_with(raw.substr(i, name_end - i))) {
        i = end;
        continue;
      }
    }
    if (c == decoded[k]) {
      PushCopy(local, raw_begin + static_cast<uint32_t>(i), 1);
      ++i;
      ++k;
      continue;
    }
    if (c == '\0' && !decoded.substr(k).starts_with(kReplacementCharacter)) {
      ++i;  // a NUL the parser dropped
      continue;
    }
    if (decoded.substr(k).starts_with(kReplacementCharacter)) {
      // A character the parser replaced (NUL; in HTML also C1 controls and
      // noncharacters): U+FFFD stands for the whole raw character.
      unsigned char lead = static_cast<unsigned char>(c);
      size_t length = lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
      replace(std::min(length, raw.size() - i), kReplacementCharacter);
      continue;
    }
    return false;
  }
  *raw_used = static_cast<uint32_t>(i);
  for (ProseOp& op : local) {
    if (op.kind == ProseOp::kCopy) {
      PushCopy(*ops, op.text_begin, op.text_length);
    } else {
      ops->push_back(std::move(op));
    }
  }
  return true;
}

}  // namespace claimlint::input
