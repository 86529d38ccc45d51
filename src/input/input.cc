#include "input/input.h"

#include <algorithm>
#include <cstring>
#include <string>

#include "input/decode.h"

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

// Plain text: a block per paragraph, where a paragraph ends at a blank line
// or at a line break that does not continue the sentence (scraped pages put
// one paragraph, heading or bullet per line). No sentence crosses a block,
// so the text stage only splits the blocks where a rule may match.
void SplitParagraphs(Document& document) {
  std::string_view prose = document.prose;
  size_t block_begin = std::string_view::npos;
  size_t block_end = 0;
  auto close_block = [&] {
    if (block_begin == std::string_view::npos) return;
    document.blocks.push_back({BlockKind::kParagraph,
                               {static_cast<uint32_t>(block_begin),
                                static_cast<uint32_t>(block_end)}});
    block_begin = std::string_view::npos;
  };
  for (size_t line_begin = 0; line_begin < prose.size();) {
    size_t line_end = prose.find_first_of("\r\n", line_begin);
    if (line_end == std::string_view::npos) line_end = prose.size();
    size_t next_begin = line_end + 1;
    if (line_end + 1 < prose.size() && prose[line_end] == '\r' && prose[line_end + 1] == '\n') {
      ++next_begin;
    }
    std::string_view line = prose.substr(line_begin, line_end - line_begin);
    if (IsBlankLine(line)) {
      close_block();
    } else {
      size_t first = line.find_first_not_of(" \t\f\v");
      size_t last = line.find_last_not_of(" \t\f\v");
      if (block_begin == std::string_view::npos) block_begin = line_begin + first;
      block_end = line_begin + last + 1;
      size_t next_end = next_begin < prose.size() ? prose.find_first_of("\r\n", next_begin)
                                                   : std::string_view::npos;
      std::string_view next = next_begin < prose.size()
                                  ? prose.substr(next_begin, next_end == std::string_view::npos
                                                                 ? std::string_view::npos
                                                                 : next_end - next_begin)
                                  : std::string_view();
      if (ClassifyLineBreak(line, next) != LineBreak::kContinues) close_block();
    }
    line_begin = next_begin;
  }
  close_block();
}

}  // namespace

std::string_view FormatName(Format format) {
  switch (format) {
    case Format::kText: return "text";
    case Format::kMarkdown: return "markdown";
    case Format::kHtml: return "html";
  }
  return "text";
}

Format FormatForPath(std::string_view path) {
  std::string ext = LowerExtension(path);
  if (ext == "md" || ext == "markdown") return Format::kMarkdown;
  if (ext == "html" || ext == "htm" || ext == "xhtml") return Format::kHtml;
  return Format::kText;
}

bool IsScannableExtension(std::string_view path) {
  return LowerExtension(path) == "txt";
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
  if (auto nul = FindBinaryMarker(source.bytes)) {
    return Diagnostic{"CL101", source.path,
                      "binary file (NUL byte at offset " + std::to_string(*nul) +
                          "), skipped; name a text, Markdown or HTML file",
                      true};
  }
  Document document;
  document.source = &source;
  document.format = format;
  DecodeUtf8(source, document);
  // Markdown and HTML extractors land with their own issue; until then both
  // are read as plain text, which keeps every byte and offset exact.
  SplitParagraphs(document);
  return document;
}

}  // namespace claimlint::input
