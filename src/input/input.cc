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

// Plain text: a block per paragraph, where a paragraph ends at a blank line
// or at a line break that does not continue the sentence (scraped pages put
// one paragraph, heading or bullet per line). No sentence crosses a block,
// so the text stage only splits the blocks where a rule may match.
void SplitParagraphs(Document& document) {
  std::string_view prose = document.prose;
  // Line spans first (memchr is fast; a lone CR also ends a line).
  std::vector<Span> lines;
  const bool has_cr = prose.find('\r') != std::string_view::npos;
  for (size_t begin = 0; begin < prose.size();) {
    size_t end = has_cr ? FindLineBreak(prose, begin) : prose.find('\n', begin);
    if (end == std::string_view::npos) end = prose.size();
    lines.push_back({static_cast<uint32_t>(begin), static_cast<uint32_t>(end)});
    begin = end + 1;
    if (end + 1 < prose.size() && prose[end] == '\r' && prose[end + 1] == '\n') ++begin;
  }
  size_t block_begin = std::string_view::npos;
  size_t block_end = 0;
  auto close_block = [&] {
    if (block_begin == std::string_view::npos) return;
    document.blocks.push_back({BlockKind::kParagraph,
                               {static_cast<uint32_t>(block_begin),
                                static_cast<uint32_t>(block_end)}});
    block_begin = std::string_view::npos;
  };
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view line = Slice(prose, lines[i]);
    auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\v'; };
    size_t first = 0;
    while (first < line.size() && is_space(line[first])) ++first;
    if (first == line.size()) {
      close_block();
      continue;
    }
    size_t last = line.size() - 1;
    while (is_space(line[last])) --last;
    if (block_begin == std::string_view::npos) block_begin = lines[i].begin + first;
    block_end = lines[i].begin + last + 1;
    std::string_view next = i + 1 < lines.size() ? Slice(prose, lines[i + 1]) : std::string_view();
    if (ClassifyLineBreak(line, next) != LineBreak::kContinues) close_block();
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
