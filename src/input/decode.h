// Internal to the input stage: byte-level decoding shared by the extractors.

#ifndef CLAIMLINT_INPUT_DECODE_H_
#define CLAIMLINT_INPUT_DECODE_H_

#include <optional>
#include <string_view>

#include "input/input.h"

namespace claimlint::input {

// Offset of the first NUL byte within the first 8 KiB, the sign of a
// binary file (as git and ripgrep judge it).
std::optional<size_t> FindBinaryMarker(std::string_view bytes);

// Fills document.prose and document.to_source from UTF-8 bytes: drops a
// BOM, replaces each invalid sequence by U+FFFD (one atomic piece, so
// offsets stay exact) and records one warning that names the first bad
// byte's offset, line and column and how many there were.
void DecodeUtf8(const Source& source, Document& document);

}  // namespace claimlint::input

#endif  // CLAIMLINT_INPUT_DECODE_H_
