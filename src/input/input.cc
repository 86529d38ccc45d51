#include "input/input.h"

#include <algorithm>
#include <cstring>
#include <sstream>
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
    // Blank lines and directive lines (not prose) end a block.
    if (first == line.size() || line.substr(first).starts_with(kTextDirectivePrefix)) {
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

std::string Trim(std::string_view text) {
  size_t begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return "";
  size_t end = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(begin, end - begin + 1));
}

// Parses the text of one directive (from "claimlint-"); false with a
// warning when the keyword is unknown.
bool ParseDirective(std::string_view body, Directive& directive, std::string& problem) {
  body.remove_prefix(std::string_view("claimlint-").size());
  size_t end = body.find_first_of(" \t\r\n");
  std::string_view keyword = body.substr(0, end);
  body = end == std::string_view::npos ? std::string_view() : body.substr(end);
  if (keyword == "disable-next-line") {
    directive.kind = Directive::Kind::kDisableNextLine;
  } else if (keyword == "disable") {
    directive.kind = Directive::Kind::kDisable;
  } else if (keyword == "enable") {
    directive.kind = Directive::Kind::kEnable;
  } else {
    problem = "unknown directive 'claimlint-" + std::string(keyword) +
              "' (disable-next-line, disable or enable)";
    return false;
  }
  size_t dashes = body.find(" --");
  if (dashes != std::string_view::npos) {
    directive.reason = Trim(body.substr(dashes + 3));
    body = body.substr(0, dashes);
  }
  std::string targets(body);
  for (char& c : targets) {
    if (c == ',') c = ' ';
  }
  std::istringstream words(targets);
  for (std::string word; words >> word;) directive.targets.push_back(word);
  if (directive.targets.empty() && directive.kind != Directive::Kind::kEnable) {
    problem = "claimlint-" + std::string(keyword) + " needs a rule id, a category or *";
    return false;
  }
  return true;
}

// Records the directives of a document: HTML comments in Markdown and
// HTML (anywhere in the file, code included), reserved lines in text.
void FindDirectives(const Decoded& decoded, Document& document) {
  std::string_view text = decoded.text;
  if (text.find("claimlint-") == std::string_view::npos) return;
  OffsetMap to_source;  // decoded text -> source bytes
  for (const DecodePiece& piece : decoded.pieces) {
    if (piece.linear) {
      to_source.AddLinear(piece.text_length);
    } else {
      to_source.AddAtomic(piece.source_length, piece.text_length);
    }
  }
  LineIndex lines(text);
  auto add = [&](size_t begin, size_t end, std::string_view body) {
    Directive directive;
    std::string problem;
    Span span{static_cast<uint32_t>(begin), static_cast<uint32_t>(end)};
    Position at = lines.At(span.begin);
    std::string location = document.source->path + ":" + std::to_string(at.line) + ":" +
                           std::to_string(at.column);
    if (!ParseDirective(body, directive, problem)) {
      document.warnings.push_back({"CL108", location, problem, false});
      return;
    }
    directive.source = decoded.identity() ? span : to_source.ToOrigin(span);
    directive.line = at.line;
    directive.column = at.column;
    directive.end_line = lines.At(span.end > span.begin ? span.end - 1 : span.end).line;
    document.directives.push_back(std::move(directive));
  };
  if (document.format == Format::kText) {
    for (size_t begin = 0; begin < text.size();) {
      size_t end = FindLineBreak(text, begin);
      if (end == std::string_view::npos) end = text.size();
      std::string_view line = text.substr(begin, end - begin);
      size_t first = line.find_first_not_of(" \t");
      if (first != std::string_view::npos && line.substr(first).starts_with(kTextDirectivePrefix)) {
        add(begin + first, end, line.substr(first + 2));
      }
      begin = end + 1;
    }
    return;
  }
  for (size_t open = text.find("<!--"); open != std::string_view::npos;
       open = text.find("<!--", open + 4)) {
    size_t close = text.find("-->", open + 4);
    size_t end = close == std::string_view::npos ? text.size() : close + 3;
    std::string body = Trim(text.substr(open + 4, (close == std::string_view::npos
                                                       ? text.size()
                                                       : close) - open - 4));
    if (body.starts_with("claimlint-")) add(open, end, body);
    if (close == std::string_view::npos) break;
    open = close - 1;
  }
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
  FindDirectives(decoded, document);
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
