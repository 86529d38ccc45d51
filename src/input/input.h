// The input stage: from the bytes of a file to a Document, the prose an
// author wrote (UTF-8) with a map back to the original bytes, split into
// blocks (paragraphs, headings, list items...) and with the links the text
// carries. Each markup has its own extractor; all of them produce the same
// Document, so the stages after this one never look at markup.
//
// Formats:
//   text      every byte is prose; a block per paragraph (blank lines).
//   markdown  CommonMark + GFM tables, strikethrough, autolinks and
//             footnotes (cmark-gfm). Prose is the text of paragraphs,
//             headings, list items, block quotes, table cells, link text,
//             image alt text and footnote definitions; a YAML (---) or TOML
//             (+++) front matter gives only its `title` and `description`.
//             Code, HTML and the rest of the front matter are not prose.
//   html      HTML5 (gumbo). Prose is the visible text plus <title>, the
//             meta and Open Graph descriptions, and alt and title
//             attributes. script, style, noscript, template, code, pre,
//             svg, math, form controls, comments and elements with the
//             `hidden` attribute are not prose.
//
// Exactness: every prose byte maps to the bytes the author wrote. Copied
// text maps byte for byte; what the markup decodes (an entity "&rsquo;", an
// escape "\*", a character in UTF-16 or windows-1252) is an atomic piece, so
// a span that touches it covers all of it; markup between text runs (tags,
// "**", "[", "](url)") is dropped from prose and, being at the edge of any
// span that does not cover text on both sides of it, stays out of it.
// Inline markup inside a span stays in its source span as written
// ("cu<b>res</b>" -> prose "cures", source "cu<b>res</b>").
//
// Encodings: UTF-8 (with or without BOM), UTF-16 LE/BE with a BOM, and for
// HTML the charset a <meta> declares (converted with ICU). Offsets always
// index the original bytes.
//
// Thread-safety: Extract() is a pure function; a Document is immutable once
// built except Block::chrome, which the scan stage sets before sharing it.

#ifndef CLAIMLINT_INPUT_INPUT_H_
#define CLAIMLINT_INPUT_INPUT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/core.h"

namespace claimlint::input {

enum class Format { kText, kMarkdown, kHtml };

std::string_view FormatName(Format format);
// "text", "markdown" (or "md"), "html"; nullopt for anything else.
std::optional<Format> ParseFormat(std::string_view name);

// The format a path's extension names (.md .markdown -> Markdown, .html
// .htm .xhtml -> HTML); plain text for anything else, which is what a file
// named explicitly on the command line is taken as.
Format FormatForPath(std::string_view path);

// Whether a directory walk picks this file up (by extension): .txt, .md,
// .markdown, .html, .htm.
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
  kTitle,            // HTML <title>, front matter `title`
  kMetaDescription,  // meta description, og:description, front matter `description`
  kAltText,          // image alt text
  kTitleAttribute,   // an HTML title="..." tooltip
  kFootnote,         // a Markdown footnote definition's text
};

std::string_view BlockKindName(BlockKind kind);

// A run of prose that no sentence crosses. Spans index Document::prose.
// Block elements, <br> and Markdown hard breaks end a block; inline markup
// (emphasis, links) does not. An image or a title attribute in the middle
// of a paragraph is a block of its own, so it splits the paragraph there.
struct Block {
  BlockKind kind;
  Span prose;
  // Set by the scan stage, never by Extract: the block's text is on most
  // pages of the batch (navigation, footer, cookie banner). It stays in the
  // Document, so a footer disclaimer still counts for every page; only the
  // scan's reporting of claims in it changes.
  bool chrome = false;
};

enum class LinkKind {
  kHref,      // <a href>, [text](url), <url>, a bare www. / http:// autolink
  kFootnote,  // a Markdown footnote reference "[^label]": a citation
};

// A link and the prose span of its text. For a footnote reference, `href`
// is "#fn-" + the label and `prose` is the empty span where the reference
// mark stands (right after the words it supports). Sorted by prose.begin.
struct Link {
  LinkKind kind = LinkKind::kHref;
  std::string href;  // as written, entities and escapes decoded
  Span prose;        // empty for a link with no prose text (e.g. an image)
};

// An inline control comment, recorded here and interpreted by the scan
// stage. In Markdown and HTML it is an HTML comment whose text starts with
// "claimlint-"; in plain text, a line whose first non-blank characters are
// kTextDirectivePrefix ("# claimlint-"), which is left out of every block
// (offsets do not move). Forms:
//   claimlint-disable-next-line RULE[, RULE...] -- reason
//   claimlint-disable RULE[, RULE...] -- reason
//   claimlint-enable [RULE...]
// RULE is a rule id, a category or "*". Sorted by source offset.
struct Directive {
  enum class Kind { kDisableNextLine, kDisable, kEnable };
  Kind kind = Kind::kDisable;
  std::vector<std::string> targets;  // empty only for a bare enable
  std::string reason;                // the text after " -- ", trimmed
  Span source;                       // the comment or line, in Source::bytes
  uint32_t line = 1;                 // where it starts (1-based)
  uint32_t column = 1;
  uint32_t end_line = 1;             // where it ends
};
inline constexpr std::string_view kTextDirectivePrefix = "# claimlint-";

// What the stages after this one read. `prose` is UTF-8 with line breaks
// kept; `to_source` maps prose offsets to offsets in `source->bytes`.
// Blocks are sorted, do not overlap, and cover every byte of prose that
// should be scanned; prose between blocks is a separator ("\n") that maps
// to no source byte.
struct Document {
  const Source* source = nullptr;  // not owned; outlives the Document
  Format format = Format::kText;
  std::string encoding = "utf-8";  // what the bytes were read as
  std::string prose;
  OffsetMap to_source;
  std::vector<Block> blocks;
  std::vector<Link> links;
  std::vector<Diagnostic> warnings;  // decoding problems; the file was scanned
  std::vector<Directive> directives;  // inline control comments, in order
  // For a file whose bytes are not UTF-8 (UTF-16, a legacy charset): the
  // whole file decoded to UTF-8, and its map to the bytes (target: this
  // text, origin: the source), so a report can show the flagged words and
  // count columns in characters. Empty for UTF-8 files.
  std::string decoded_source;
  OffsetMap decoded_to_source;
  // Text runs the extractor could not align byte for byte with the source
  // (a parser reading we do not model); each is mapped as one atomic piece,
  // so offsets stay inside the right run but not on the exact words. Zero
  // for every input the tests know; tests assert it.
  uint32_t inexact_runs = 0;

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

// A hash of a block's text that ignores case (ASCII) and the spelling of
// white space, for finding the same block on many pages (site chrome).
// Stable across runs and platforms.
uint64_t BlockTextHash(std::string_view block_prose);

}  // namespace claimlint::input

#endif  // CLAIMLINT_INPUT_INPUT_H_
