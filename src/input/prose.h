// Internal to the input stage: the tools every extractor shares to build a
// Document's prose with an exact map back to the source.
//
// An extractor reads the decoded text (decode.h) and tells a ProseBuilder,
// in increasing text order, which text bytes become prose and how: copied,
// replaced (an entity, an escape: atomic) or inserted (a block separator,
// standing for no text). Text it never mentions is dropped (markup). Finish()
// composes that map with the decoding's, so Document::to_source lands on
// the original bytes whatever the encoding.

#ifndef CLAIMLINT_INPUT_PROSE_H_
#define CLAIMLINT_INPUT_PROSE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "input/decode.h"
#include "input/input.h"

namespace claimlint::input {

// One instruction for a ProseBuilder, kept when an extractor must collect
// a run before it knows where the run goes (HTML text nodes and Markdown
// blocks are sorted into source order first).
struct ProseOp {
  enum Kind : uint8_t { kCopy, kReplace, kInsert };
  Kind kind;
  uint32_t text_begin;
  uint32_t text_length;
  std::string out;  // kReplace, kInsert
};

class ProseBuilder {
 public:
  explicit ProseBuilder(std::string_view text) : text_(text) {}

  // Appends text[begin, begin + length) unchanged. Text before `begin` that
  // was not used yet is dropped. A range that starts before the text
  // already used is clipped (it can only come from a confused parser).
  void Copy(uint32_t begin, uint32_t length);
  // Appends `out` as what text[begin, begin + length) stands for; the two
  // map as one atomic piece.
  void Replace(uint32_t begin, uint32_t length, std::string_view out);
  // Appends `out`, standing for no text (it maps to an empty source span).
  void Insert(std::string_view out);
  void Apply(const ProseOp& op);

  uint32_t cursor() const { return cursor_; }  // text bytes used so far
  const std::string& prose() const { return prose_; }
  uint32_t prose_size() const { return static_cast<uint32_t>(prose_.size()); }

  // Moves the prose into `document` and composes the map with `decoded`'s.
  void Finish(const Decoded& decoded, Document& document);

 private:
  struct Piece {
    uint32_t text_begin;
    uint32_t text_length;
    uint32_t prose_length;
    bool linear;
  };
  void AddPiece(Piece piece);

  std::string_view text_;
  std::string prose_;
  std::vector<Piece> pieces_;
  uint32_t cursor_ = 0;
};

// HTML character references, for aligning a parser's decoded text with the
// bytes the author wrote.

// The UTF-8 value of a named reference `name` (without '&'; with its ';'
// when the reference has one, e.g. "amp;" or the legacy "amp"), or empty.
std::string_view LookupEntity(std::string_view name);

// The candidates for the reference at `raw[0] == '&'`: how many raw bytes
// it spans and what it may decode to, most likely first. Named references
// give the full name with ';' and then (when `allow_legacy`) the legacy
// prefixes HTML decodes without one ("&notit;" -> "¬it;"); numeric ones give
// the code point and, for 0x80-0x9F, its windows-1252 reading.
struct CharRefCandidate {
  uint32_t raw_length;
  std::string value;
};
std::vector<CharRefCandidate> CharRefCandidates(std::string_view raw, bool allow_legacy);

// Aligns `decoded` (what a parser made of a run of the text) with `raw`, the
// text bytes it came from starting at text offset `raw_begin`, and appends
// the ops that rebuild it to `ops`: equal bytes are copied, character references, backslash escapes
// (Markdown) and CR/CRLF (HTML reads them as LF) are replaced atomically,
// and tags inside `raw` that the parser dropped (HTML) are skipped. On
// success `*raw_used` is how many bytes of `raw` the run took. Returns false,
// having appended nothing, when `decoded` is not a reading of a prefix of
// `raw` under these rules.
struct AlignOptions {
  bool markdown = false;  // backslash escapes; references need their ';'
  bool html = false;      // legacy references, CR/CRLF -> LF, dropped tags
};
bool AlignRun(std::string_view raw, uint32_t raw_begin, std::string_view decoded,
              const AlignOptions& options, std::vector<ProseOp>* ops, uint32_t* raw_used);

}  // namespace claimlint::input

#endif  // CLAIMLINT_INPUT_PROSE_H_
