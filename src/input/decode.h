// Internal to the input stage: from the bytes of a file to UTF-8 text with a
// piece list back to those bytes. The extractors (text, Markdown, HTML) read
// the decoded text; ProseBuilder (prose.h) composes their map with this one,
// so a Document's offsets always land on the original bytes.

#ifndef CLAIMLINT_INPUT_DECODE_H_
#define CLAIMLINT_INPUT_DECODE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "input/input.h"

namespace claimlint::input {

// `source_length` bytes of the file became `text_length` bytes of UTF-8.
// A linear piece copies bytes one for one (so both lengths are equal); an
// atomic one is a single character (or a dropped BOM) and is never split.
struct DecodePiece {
  uint32_t source_length;
  uint32_t text_length;
  bool linear;
};

// The decoded file. Pieces cover the source and the text in order, with no
// gap. Immutable once built.
struct Decoded {
  std::string text;                  // valid UTF-8
  std::vector<DecodePiece> pieces;
  std::string encoding;              // "utf-8", "utf-16le", "windows-1252"...
  std::vector<Diagnostic> warnings;  // CL102 and friends; the file is scanned

  // True when text is the source bytes unchanged (the usual case).
  bool identity() const {
    return pieces.empty() || (pieces.size() == 1 && pieces[0].linear);
  }
  void AddLinear(uint32_t length);
  void AddAtomic(uint32_t source_length, uint32_t text_length);
};

// Offset of the first NUL byte within the first 8 KiB, the sign of a
// binary file (as git and ripgrep judge it). Call it after DetectBom: UTF-16
// text is full of NUL bytes.
std::optional<size_t> FindBinaryMarker(std::string_view bytes);

enum class Bom { kNone, kUtf8, kUtf16Le, kUtf16Be };
Bom DetectBom(std::string_view bytes);

// UTF-8, without its BOM if it has one: each invalid sequence becomes U+FFFD
// (one atomic piece, so offsets stay exact) and one CL102 warning names the
// first bad byte's offset, line and column and how many there were.
Decoded DecodeUtf8(const Source& source);

// UTF-16 with a BOM: every character is an atomic piece; unpaired
// surrogates become U+FFFD with a CL102 warning.
Decoded DecodeUtf16(const Source& source, bool big_endian);

// The charset an HTML page declares in its first 1024 bytes
// (<meta charset="..."> or <meta http-equiv="Content-Type" content="...;
// charset=...">), as written; nullopt when it declares none.
std::optional<std::string> SniffHtmlCharset(std::string_view bytes);

// Decodes with the charset `label` names (WHATWG label rules for the common
// ones: "iso-8859-1", "latin1" and "ascii" mean windows-1252; a UTF-16 label
// in a <meta> means UTF-8), converting with ICU. Falls back to UTF-8 with a
// CL106 warning when ICU does not know the label.
Decoded DecodeCharset(const Source& source, std::string_view label);

}  // namespace claimlint::input

#endif  // CLAIMLINT_INPUT_DECODE_H_
