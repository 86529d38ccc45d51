#include "input/decode.h"

#include <cstring>
#include <string>

namespace claimlint::input {

namespace {

// Length of the valid UTF-8 sequence at `p`, or 0 if it is invalid
// (overlong forms, surrogates and code points past U+10FFFF are invalid).
size_t ValidSequenceLength(const unsigned char* p, size_t remaining) {
  unsigned char b0 = p[0];
  if (b0 < 0x80) return 1;
  auto cont = [&](size_t i) { return i < remaining && (p[i] & 0xC0) == 0x80; };
  if (b0 >= 0xC2 && b0 <= 0xDF) return cont(1) ? 2 : 0;
  if (b0 >= 0xE0 && b0 <= 0xEF) {
    if (!cont(1) || !cont(2)) return 0;
    if (b0 == 0xE0 && p[1] < 0xA0) return 0;   // overlong
    if (b0 == 0xED && p[1] >= 0xA0) return 0;  // surrogate
    return 3;
  }
  if (b0 >= 0xF0 && b0 <= 0xF4) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    if (b0 == 0xF0 && p[1] < 0x90) return 0;  // overlong
    if (b0 == 0xF4 && p[1] >= 0x90) return 0;  // past U+10FFFF
    return 4;
  }
  return 0;
}

}  // namespace

std::optional<size_t> FindBinaryMarker(std::string_view bytes) {
  size_t limit = std::min<size_t>(bytes.size(), 8192);
  const void* nul = std::memchr(bytes.data(), 0, limit);
  if (nul == nullptr) return std::nullopt;
  return static_cast<const char*>(nul) - bytes.data();
}

void DecodeUtf8(const Source& source, Document& document) {
  std::string_view bytes = source.bytes;
  size_t i = 0;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    document.to_source.Skip(3);
    i = 3;
  }
  document.prose.reserve(bytes.size() - i);
  const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
  size_t run_begin = i;
  size_t invalid_count = 0;
  size_t first_invalid = 0;
  auto flush_run = [&](size_t end) {
    document.prose.append(bytes.substr(run_begin, end - run_begin));
    document.to_source.AddLinear(static_cast<uint32_t>(end - run_begin));
  };
  while (i < bytes.size()) {
    if (data[i] < 0x80) {
      ++i;
      continue;
    }
    size_t length = ValidSequenceLength(data + i, bytes.size() - i);
    if (length > 0) {
      i += length;
      continue;
    }
    flush_run(i);
    if (invalid_count++ == 0) first_invalid = i;
    document.prose.append("\xEF\xBF\xBD");
    document.to_source.AddAtomic(1, 3);
    ++i;
    run_begin = i;
  }
  flush_run(i);
  if (invalid_count > 0) {
    Position at = LineIndex(bytes).At(static_cast<uint32_t>(first_invalid));
    document.warnings.push_back(
        {"CL102",
         source.path + ":" + std::to_string(at.line) + ":" +
             std::to_string(at.column),
         "invalid UTF-8 at byte offset " + std::to_string(first_invalid) + " (" +
             std::to_string(invalid_count) +
             " invalid byte(s) in all, read as U+FFFD); the file was scanned. "
             "Re-save it as UTF-8",
         false});
  }
}

}  // namespace claimlint::input
