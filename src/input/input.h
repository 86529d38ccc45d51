// The input stage: from the bytes of a file to a Document, the prose an
// author wrote (UTF-8) with a map back to the original bytes, split into
// blocks (paragraphs, headings, list items...) and with the links the text
// carries. Each markup has its own extractor; all of them produce the same
// Document, so the stages after this one never look at markup.

#ifndef CLAIMLINT_INPUT_INPUT_H_
#define CLAIMLINT_INPUT_INPUT_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/core.h"

namespace claimlint::input {

enum class Format { kText, kMarkdown, kHtml };

std::string_view FormatName(Format format);

// The format a path's extension names; plain text for anything else, which
// is what a file named explicitly on the command line is taken as.
Format FormatForPath(std::string_view path);

// Whether a directory walk picks this file up (by extension).
bool IsScannableExtension(std::string_view path);

// A file as read: the original bytes, never modified.
struct Source {
  std::string path;   // as given, or "<stdin>"
  std::string bytes;
};

enum class BlockKind {
  kParagraph,
  kHeading,
  kListItem,
  kQuote,
  kTableCell,
  kTitle,
  kMetaDescription,
  kAltText,
};

std::string_view BlockKindName(BlockKind kind);

// A run of prose that no sentence crosses. Spans index Document::prose.
struct Block {
  BlockKind kind;
  Span prose;
};

// A link target and the prose span of its text (empty for a bare URL).
struct Link {
  std::string href;
  Span prose;
};

// What the stages after this one read. `prose` is UTF-8 with line breaks
// kept; `to_source` maps prose offsets to offsets in `source->bytes`.
// Blocks are sorted, do not overlap, and cover every byte of prose that
// should be scanned.
struct Document {
  const Source* source = nullptr;  // not owned; outlives the Document
  Format format = Format::kText;
  std::string prose;
  OffsetMap to_source;
  std::vector<Block> blocks;
  std::vector<Link> links;
  std::vector<Diagnostic> warnings;  // decoding problems; the file was scanned

  Span ToSource(Span prose_span) const { return to_source.ToOrigin(prose_span); }
};

// How a line break in running text reads. kContinues: the sentence goes
// on ("the effects of\nmassage", or the next line starts in lower case);
// kMayEnd: the line ends with closing punctuation, so the sentence splitter
// decides; kEnds: a line with no closing punctuation that the next line does
// not continue (a heading, a bullet, "Skip to content"). A bullet on the
// next line never continues the line before.
enum class LineBreak { kContinues, kMayEnd, kEnds };
LineBreak ClassifyLineBreak(std::string_view line, std::string_view next_line);

// Builds the Document of `source` read as `format`. Fails (CL1xx) only when
// the file cannot be scanned at all: binary content, or too large for the
// 32-bit offsets. Invalid UTF-8 is replaced by U+FFFD, with a warning that
// names the byte offset, and the file is still scanned.
StatusOr<Document> Extract(const Source& source, Format format);

}  // namespace claimlint::input

#endif  // CLAIMLINT_INPUT_INPUT_H_
