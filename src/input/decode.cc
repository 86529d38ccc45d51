#include "input/decode.h"

#include <unicode/ucnv.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <string>

namespace claimlint::input {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

void AppendUtf8(std::string& out, UChar32 c) {
  char buffer[4];
  int32_t length = 0;
  U8_APPEND_UNSAFE(buffer, length, c);
  out.append(buffer, static_cast<size_t>(length));
}

Diagnostic InvalidBytesWarning(const Source& source, size_t first_invalid, size_t count,
                               std::string_view encoding) {
  Position at = LineIndex(source.bytes).At(static_cast<uint32_t>(first_invalid));
  return {"CL102",
          source.path + ":" + std::to_string(at.line) + ":" + std::to_string(at.column),
          "invalid " + std::string(encoding) + " at byte offset " +
              std::to_string(first_invalid) + " (" + std::to_string(count) +
              " invalid byte(s) in all, read as U+FFFD); the file was scanned. "
              "Re-save it as UTF-8",
          false};
}

std::string AsciiLower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool IsHtmlSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

// The attributes of the tag whose name ends at `i` (lower-cased names,
// values as written); `i` ends after the tag's '>'.
std::vector<std::pair<std::string, std::string>> ReadAttributes(std::string_view bytes,
                                                                size_t& i) {
  std::vector<std::pair<std::string, std::string>> attributes;
  while (i < bytes.size()) {
    while (i < bytes.size() && (IsHtmlSpace(bytes[i]) || bytes[i] == '/')) ++i;
    if (i >= bytes.size() || bytes[i] == '>') break;
    size_t name_begin = i;
    while (i < bytes.size() && !IsHtmlSpace(bytes[i]) && bytes[i] != '=' && bytes[i] != '>' &&
           (bytes[i] != '/' || i == name_begin)) {
      ++i;
    }
    std::string name = AsciiLower(bytes.substr(name_begin, i - name_begin));
    while (i < bytes.size() && IsHtmlSpace(bytes[i])) ++i;
    std::string value;
    if (i < bytes.size() && bytes[i] == '=') {
      ++i;
      while (i < bytes.size() && IsHtmlSpace(bytes[i])) ++i;
      if (i < bytes.size() && (bytes[i] == '"' || bytes[i] == '\'')) {
        char quote = bytes[i++];
        size_t end = bytes.find(quote, i);
        if (end == std::string_view::npos) end = bytes.size();
        value = std::string(bytes.substr(i, end - i));
        i = std::min(end + 1, bytes.size());
      } else {
        size_t begin = i;
        while (i < bytes.size() && !IsHtmlSpace(bytes[i]) && bytes[i] != '>') ++i;
        value = std::string(bytes.substr(begin, i - begin));
      }
    }
    attributes.emplace_back(std::move(name), std::move(value));
  }
  if (i < bytes.size()) ++i;  // '>'
  return attributes;
}

// "text/html; charset=windows-1252" -> "windows-1252".
std::optional<std::string> CharsetFromContentType(std::string_view content) {
  std::string lower = AsciiLower(content);
  size_t at = lower.find("charset");
  if (at == std::string::npos) return std::nullopt;
  size_t i = at + 7;
  while (i < lower.size() && IsHtmlSpace(lower[i])) ++i;
  if (i >= lower.size() || lower[i] != '=') return std::nullopt;
  ++i;
  while (i < lower.size() && IsHtmlSpace(lower[i])) ++i;
  if (i < lower.size() && (lower[i] == '"' || lower[i] == '\'')) ++i;
  size_t begin = i;
  while (i < lower.size() && !IsHtmlSpace(lower[i]) && lower[i] != ';' && lower[i] != '"' &&
         lower[i] != '\'') {
    ++i;
  }
  if (i == begin) return std::nullopt;
  return std::string(content.substr(begin, i - begin));
}

std::string TrimHtmlSpace(std::string_view text) {
  while (!text.empty() && IsHtmlSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsHtmlSpace(text.back())) text.remove_suffix(1);
  return std::string(text);
}

// What a charset label means on the web (WHATWG Encoding): browsers read
// Latin-1 and ASCII as windows-1252, and a page that can carry an ASCII
// <meta> is not UTF-16.
std::string CanonicalLabel(std::string_view label) {
  std::string lower = AsciiLower(TrimHtmlSpace(label));
  static constexpr std::string_view kWindows1252[] = {
      "ansi_x3.4-1968", "ascii",      "cp1252",          "cp819",     "csisolatin1",
      "ibm819",         "iso-8859-1", "iso-ir-100",      "iso8859-1", "iso88591",
      "iso_8859-1",     "iso_8859-1:1987", "l1",         "latin1",    "us-ascii",
      "windows-1252",   "x-cp1252"};
  for (std::string_view name : kWindows1252) {
    if (lower == name) return "windows-1252";
  }
  static constexpr std::string_view kUtf8[] = {
      "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "utf-8", "utf8", "x-unicode20utf8",
      "utf-16", "utf-16le", "utf-16be", "unicode", "ucs-2", "csunicode", "unicodefffe"};
  for (std::string_view name : kUtf8) {
    if (lower == name) return "utf-8";
  }
  return lower;
}

struct ConverterCloser {
  void operator()(UConverter* converter) const { ucnv_close(converter); }
};

// Whether the converter maps every ASCII byte to itself, so ASCII runs can
// be copied without asking ICU (true of every single-byte web encoding).
bool IsAsciiCompatibleSingleByte(UConverter* converter) {
  if (ucnv_getMaxCharSize(converter) != 1) return false;
  char ascii[128];
  for (int i = 0; i < 128; ++i) ascii[i] = static_cast<char>(i);
  UChar out[128];
  UErrorCode status = U_ZERO_ERROR;
  int32_t length = ucnv_toUChars(converter, out, 128, ascii, 128, &status);
  ucnv_reset(converter);
  if (U_FAILURE(status) || length != 128) return false;
  for (int i = 0; i < 128; ++i) {
    if (out[i] != i) return false;
  }
  return true;
}

}  // namespace

void Decoded::AddLinear(uint32_t length) {
  if (length == 0) return;
  if (!pieces.empty() && pieces.back().linear) {
    pieces.back().source_length += length;
    pieces.back().text_length += length;
  } else {
    pieces.push_back({length, length, true});
  }
}

void Decoded::AddAtomic(uint32_t source_length, uint32_t text_length) {
  if (source_length == 0 && text_length == 0) return;
  pieces.push_back({source_length, text_length, false});
}

std::optional<size_t> FindBinaryMarker(std::string_view bytes) {
  size_t limit = std::min<size_t>(bytes.size(), 8192);
  const void* nul = std::memchr(bytes.data(), 0, limit);
  if (nul == nullptr) return std::nullopt;
  return static_cast<const char*>(nul) - bytes.data();
}

Bom DetectBom(std::string_view bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF")) return Bom::kUtf8;
  if (bytes.starts_with("\xFF\xFE")) return Bom::kUtf16Le;
  if (bytes.starts_with("\xFE\xFF")) return Bom::kUtf16Be;
  return Bom::kNone;
}

Decoded DecodeUtf8(const Source& source) {
  Decoded decoded;
  decoded.encoding = "utf-8";
  std::string_view bytes = source.bytes;
  size_t i = 0;
  if (bytes.starts_with("\xEF\xBB\xBF")) {
    decoded.AddAtomic(3, 0);
    i = 3;
  }
  decoded.text.reserve(bytes.size() - i);
  const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
  size_t run_begin = i;
  size_t invalid_count = 0;
  size_t first_invalid = 0;
  auto flush_run = [&](size_t end) {
    decoded.text.append(bytes.substr(run_begin, end - run_begin));
    decoded.AddLinear(static_cast<uint32_t>(end - run_begin));
  };
  while (i < bytes.size()) {
    if (data[i] < 0x80) {
      ++i;
      continue;
    }
    size_t length = Utf8SequenceLength(data + i, bytes.size() - i);
    if (length > 0) {
      i += length;
      continue;
    }
    flush_run(i);
    if (invalid_count++ == 0) first_invalid = i;
    decoded.text.append(kReplacement);
    decoded.AddAtomic(1, 3);
    ++i;
    run_begin = i;
  }
  flush_run(i);
  if (invalid_count > 0) {
    decoded.warnings.push_back(
        InvalidBytesWarning(source, first_invalid, invalid_count, "UTF-8"));
  }
  return decoded;
}

Decoded DecodeUtf16(const Source& source, bool big_endian) {
  Decoded decoded;
  decoded.encoding = big_endian ? "utf-16be" : "utf-16le";
  std::string_view bytes = source.bytes;
  decoded.AddAtomic(2, 0);  // the BOM
  decoded.text.reserve(bytes.size() / 2);
  auto unit_at = [&](size_t i) -> uint16_t {
    auto b0 = static_cast<unsigned char>(bytes[i]);
    auto b1 = static_cast<unsigned char>(bytes[i + 1]);
    return big_endian ? static_cast<uint16_t>(b0 << 8 | b1) : static_cast<uint16_t>(b1 << 8 | b0);
  };
  size_t invalid_count = 0;
  size_t first_invalid = 0;
  size_t i = 2;
  while (i + 1 < bytes.size()) {
    uint16_t unit = unit_at(i);
    UChar32 c = unit;
    uint32_t length = 2;
    if (U16_IS_LEAD(unit) && i + 3 < bytes.size() && U16_IS_TRAIL(unit_at(i + 2))) {
      c = U16_GET_SUPPLEMENTARY(unit, unit_at(i + 2));
      length = 4;
    } else if (U16_IS_SURROGATE(unit)) {
      c = 0xFFFD;
      if (invalid_count++ == 0) first_invalid = i;
    }
    size_t before = decoded.text.size();
    AppendUtf8(decoded.text, c);
    decoded.AddAtomic(length, static_cast<uint32_t>(decoded.text.size() - before));
    i += length;
  }
  if (i < bytes.size()) {  // an odd byte at the end
    if (invalid_count++ == 0) first_invalid = i;
    decoded.text.append(kReplacement);
    decoded.AddAtomic(1, 3);
  }
  if (invalid_count > 0) {
    decoded.warnings.push_back(
        InvalidBytesWarning(source, first_invalid, invalid_count, "UTF-16"));
  }
  return decoded;
}

std::optional<std::string> SniffHtmlCharset(std::string_view bytes) {
  bytes = bytes.substr(0, 1024);
  size_t i = 0;
  while (i < bytes.size()) {
    size_t lt = bytes.find('<', i);
    if (lt == std::string_view::npos) break;
    i = lt + 1;
    if (bytes.substr(lt, 4) == "<!--") {
      size_t end = bytes.find("-->", lt + 4);
      if (end == std::string_view::npos) break;
      i = end + 3;
      continue;
    }
    size_t name_end = i;
    while (name_end < bytes.size() && std::isalpha(static_cast<unsigned char>(bytes[name_end]))) {
      ++name_end;
    }
    std::string name = AsciiLower(bytes.substr(i, name_end - i));
    if (name != "meta" || name_end >= bytes.size() ||
        !(IsHtmlSpace(bytes[name_end]) || bytes[name_end] == '/')) {
      continue;
    }
    i = name_end;
    bool is_content_type = false;
    std::optional<std::string> charset, content;
    for (auto& [attribute, value] : ReadAttributes(bytes, i)) {
      if (attribute == "charset" && !charset) charset = TrimHtmlSpace(value);
      if (attribute == "content" && !content) content = value;
      if (attribute == "http-equiv" && AsciiLower(TrimHtmlSpace(value)) == "content-type") {
        is_content_type = true;
      }
    }
    if (charset && !charset->empty()) return charset;
    if (is_content_type && content) {
      if (auto from_content = CharsetFromContentType(*content)) return from_content;
    }
  }
  return std::nullopt;
}

Decoded DecodeCharset(const Source& source, std::string_view label) {
  std::string canonical = CanonicalLabel(label);
  if (canonical == "utf-8") return DecodeUtf8(source);
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, ConverterCloser> converter(ucnv_open(canonical.c_str(), &status));
  if (U_FAILURE(status) || !converter) {
    Decoded decoded = DecodeUtf8(source);
    decoded.warnings.insert(
        decoded.warnings.begin(),
        {"CL106", source.path,
         "the page declares charset '" + std::string(label) +
             "', which claimlint does not know; read as UTF-8",
         false});
    return decoded;
  }
  // Stop at each bad sequence ourselves, so it becomes U+FFFD with a warning
  // (single-byte converters would substitute U+001A otherwise).
  ucnv_setToUCallBack(converter.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr,
                      &status);
  Decoded decoded;
  decoded.encoding = canonical;
  std::string_view bytes = source.bytes;
  decoded.text.reserve(bytes.size() + bytes.size() / 8);
  const bool ascii_fast = IsAsciiCompatibleSingleByte(converter.get());
  const char* begin = bytes.data();
  const char* limit = begin + bytes.size();
  const char* p = begin;
  size_t invalid_count = 0;
  size_t first_invalid = 0;
  while (p < limit) {
    if (ascii_fast && static_cast<unsigned char>(*p) < 0x80) {
      const char* run = p;
      while (p < limit && static_cast<unsigned char>(*p) < 0x80) ++p;
      decoded.text.append(run, static_cast<size_t>(p - run));
      decoded.AddLinear(static_cast<uint32_t>(p - run));
      continue;
    }
    const char* before = p;
    status = U_ZERO_ERROR;
    UChar32 c = ucnv_getNextUChar(converter.get(), &p, limit, &status);
    if (status == U_INDEX_OUTOFBOUNDS_ERROR && p == before) break;
    if (U_FAILURE(status)) {
      c = 0xFFFD;
      if (invalid_count++ == 0) first_invalid = static_cast<size_t>(before - begin);
      ucnv_reset(converter.get());
    }
    if (p <= before) p = before + 1;  // always make progress
    if (p > limit) p = limit;
    size_t text_before = decoded.text.size();
    AppendUtf8(decoded.text, c);
    uint32_t source_length = static_cast<uint32_t>(p - before);
    uint32_t text_length = static_cast<uint32_t>(decoded.text.size() - text_before);
    // An ASCII byte that stays itself need not be its own piece.
    if (source_length == 1 && text_length == 1 && *before == decoded.text.back()) {
      decoded.AddLinear(1);
    } else {
      decoded.AddAtomic(source_length, text_length);
    }
  }
  if (invalid_count > 0) {
    decoded.warnings.push_back(
        InvalidBytesWarning(source, first_invalid, invalid_count, canonical));
  }
  return decoded;
}

}  // namespace claimlint::input
