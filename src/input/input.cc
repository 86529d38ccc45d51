#include "input/input.h"

#include <algorithm>
#include <cstring>
#include <string>

#include "input/decode.h"
#include "input/extract.h"
#include "input/prose.h"

namespace claimlint::input {

namespace {

std::string LowerExtension(std::string_view path) {
  size_t slash = path.find_last_of('/');
  size_t dot = path.find_last_of('.');
  if (dot == std::string_view::npos ||
      (slash != std::string_view::npos && dot < slash)) {
    return "";
  }
  std::string ext(path.substr(dot + 1));
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return ext;
}

bool IsBlankLine(std::string_view line) {
  return line.find_first_not_of(" \t\f\v\r") == std::string_view::npos;
}

// Plain text: a block per paragraph, paragraphs separated by blank lines.
// Single line breaks stay inside a block; the text stage decides whether
// they end a sentence. A lone CR ends a line as LF does.
void SplitParagraphs(Document& document) {
  std::string_view prose = document.prose;
  size_t line_begin = 0;
  size_t block_begin = std::string_view::npos;
  size_t block_end = 0;
  auto close_block = [&] {
    if (block_begin == std::string_view::npos) return;
    document.blocks.push_back({BlockKind::kParagraph,
                               {static_cast<uint32_t>(block_begin),
                                static_cast<uint32_t>(block_end)}});
    block_begin = std::string_view::npos;
  };
  while (line_begin < prose.size()) {
    size_t line_end = prose.find_first_of("\r\n", line_begin);
    if (line_end == std::string_view::npos) line_end = prose.size();
    std::string_view line = prose.substr(line_begin, line_end - line_begin);
    if (IsBlankLine(line)) {
      close_block();
    } else {
      size_t first = line.find_first_not_of(" \t\f\v");
      size_t last = line.find_last_not_of(" \t\f\v");
      if (block_begin == std::string_view::npos) block_begin = line_begin + first;
      block_end = line_begin + last + 1;
    }
    line_begin = line_end + 1;
    if (line_end < prose.size() && prose[line_end] == '\r' && line_begin < prose.size() &&
        prose[line_begin] == '\n') {
      ++line_begin;
    }
  }
  close_block();
}

}  // namespace

void ExtractText(const Decoded& decoded, Document& document) {
  ProseBuilder builder(decoded.text);
  builder.Copy(0, static_cast<uint32_t>(decoded.text.size()));
  builder.Finish(decoded, document);
  SplitParagraphs(document);
}

std::string_view FormatName(Format format) {
  switch (format) {
    case Format::kText: return "text";
    case Format::kMarkdown: return "markdown";
    case Format::kHtml: return "html";
  }
  return "text";
}

std::optional<Format> ParseFormat(std::string_view name) {
  if (name == "text" || name == "txt") return Format::kText;
  if (name == "markdown" || name == "md") return Format::kMarkdown;
  if (name == "html") return Format::kHtml;
  return std::nullopt;
}

Format FormatForPath(std::string_view path) {
  std::string ext = LowerExtension(path);
  if (ext == "md" || ext == "markdown") return Format::kMarkdown;
  if (ext == "html" || ext == "htm" || ext == "xhtml") return Format::kHtml;
  return Format::kText;
}

bool IsScannableExtension(std::string_view path) {
  std::string ext = LowerExtension(path);
  return ext == "txt" || ext == "md" || ext == "markdown" || ext == "html" || ext == "htm";
}

std::string_view BlockKindName(BlockKind kind) {
  switch (kind) {
    case BlockKind::kParagraph: return "paragraph";
    case BlockKind::kHeading: return "heading";
    case BlockKind::kListItem: return "list-item";
    case BlockKind::kQuote: return "quote";
    case BlockKind::kTableCell: return "table-cell";
    case BlockKind::kTitle: return "title";
    case BlockKind::kMetaDescription: return "meta-description";
    case BlockKind::kAltText: return "alt-text";
    case BlockKind::kTitleAttribute: return "title-attribute";
    case BlockKind::kFootnote: return "footnote";
  }
  return "paragraph";
}

StatusOr<Document> Extract(const Source& source, Format format) {
  if (source.bytes.size() > 0xFFFFFFF0u) {
    return Diagnostic{"CL103", source.path,
                      "file is larger than 4 GiB, the most one scan can address; "
                      "split it or leave it out with --exclude",
                      true};
  }
  Decoded decoded;
  Bom bom = DetectBom(source.bytes);
  if (bom == Bom::kUtf16Le || bom == Bom::kUtf16Be) {
    // Checked before the binary test: UTF-16 text is full of NUL bytes.
    decoded = DecodeUtf16(source, bom == Bom::kUtf16Be);
  } else if (auto nul = FindBinaryMarker(source.bytes)) {
    return Diagnostic{"CL101", source.path,
                      "binary file (NUL byte at offset " + std::to_string(*nul) +
                          "), skipped; name a text, Markdown or HTML file",
                      true};
  } else if (format == Format::kHtml && bom == Bom::kNone) {
    std::optional<std::string> charset = SniffHtmlCharset(source.bytes);
    decoded = charset ? DecodeCharset(source, *charset) : DecodeUtf8(source);
  } else {
    decoded = DecodeUtf8(source);
  }
  Document document;
  document.source = &source;
  document.format = format;
  document.encoding = decoded.encoding;
  document.warnings = std::move(decoded.warnings);
  if (decoded.encoding != "utf-8") {
    document.decoded_source = decoded.text;
    for (const DecodePiece& piece : decoded.pieces) {
      if (piece.linear) {
        document.decoded_to_source.AddLinear(piece.text_length);
      } else {
        document.decoded_to_source.AddAtomic(piece.source_length, piece.text_length);
      }
    }
  }
  switch (format) {
    case Format::kText: ExtractText(decoded, document); break;
    case Format::kMarkdown: ExtractMarkdown(decoded, document); break;
    case Format::kHtml: ExtractHtml(decoded, document); break;
  }
  std::stable_sort(document.links.begin(), document.links.end(),
                   [](const Link& a, const Link& b) { return a.prose.begin < b.prose.begin; });
  return document;
}

uint64_t BlockTextHash(std::string_view block_prose) {
  std::string normal;
  normal.reserve(block_prose.size());
  bool space = false;
  for (size_t i = 0; i < block_prose.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(block_prose[i]);
    bool is_space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    if (c == 0xC2 && i + 1 < block_prose.size() &&
        static_cast<unsigned char>(block_prose[i + 1]) == 0xA0) {  // no-break space
      is_space = true;
      ++i;
    }
    if (is_space) {
      space = !normal.empty();
      continue;
    }
    if (space) normal.push_back(' ');
    space = false;
    normal.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c));
  }
  return Fnv1a64(normal);
}

}  // namespace claimlint::input
